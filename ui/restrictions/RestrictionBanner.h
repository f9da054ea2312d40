// The banner that heads a patient's page and the explainer while a restriction is in force (SPEC §8).
#pragma once

#include "core/Rows.h"

#include <QLabel>

namespace pd {

class RestrictionBanner final : public QLabel {
    Q_OBJECT

public:
    explicit RestrictionBanner(QWidget* parent = nullptr);
    // Shows the restrictions in force on `today` (hidden when none); `barredBy` marks the one that bars the
    // login being explained.
    void setRestrictions(const QList<Restriction>& restrictions, const QDate& today, qint64 barredBy = 0);
};

} // namespace pd

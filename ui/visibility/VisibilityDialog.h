// "Why can't I see X?" (SPEC §9): for one login and one patient, every category of portal information,
// visible or not, and the rule that decides it.
#pragma once

#include "services/VisibilityService.h"
#include "ui/common/Session.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace pd {

class RestrictionBanner;

class VisibilityDialog final : public QDialog {
    Q_OBJECT

public:
    // Pre-filled `user` and `mrn` are explained at once.
    VisibilityDialog(const Session& session, const QString& user, const QString& mrn,
                     QWidget* parent = nullptr);

    void explain();
    const std::optional<VisibilityAnswer>& answer() const { return m_answer; }
    QTableWidget* table() const { return m_table; }

signals:
    void explained();

private:
    void show(const VisibilityAnswer& a);

    const Session& m_session;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_mrn = nullptr;
    RestrictionBanner* m_restrictions = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_grants = nullptr;
    QTableWidget* m_table = nullptr;
    std::optional<VisibilityAnswer> m_answer;
};

} // namespace pd

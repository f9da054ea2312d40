// Help > About: what this is, the versions of PortalDesk and of what it runs on (for a support call), its
// license and the third-party notices.
#pragma once

#include "ui/common/Session.h"

#include <QDialog>

class QLabel;

namespace pd {

class AboutDialog final : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(const Session& session, QWidget* parent = nullptr);

    // The versions as plain text, one per line (what "Copy versions" puts on the clipboard).
    QString versionsText() const;

private:
    void showVersions();

    QLabel* m_versions = nullptr;
    QString m_database;
    QString m_engine;
};

} // namespace pd

// File ▸ Import…: a file of patients from the EHR applied in the background, with its progress, a way to
// stop it, and what was refused, line by line.
#pragma once

#include "ehr/Importer.h"
#include "ui/common/Session.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace pd {

class ImportJob;

class ImportDialog final : public QDialog {
    Q_OBJECT

public:
    ImportDialog(const Session& session, hl7::ImportKind kind, const QString& path,
                 QWidget* parent = nullptr);
    ~ImportDialog() override;

    bool isRunning() const;

signals:
    void imported(); // something may have changed: the pages reload

protected:
    void reject() override;

private:
    void finish(const hl7::ImportReport& report);

    ImportJob* m_job = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_bar = nullptr;
    QPlainTextEdit* m_refusals = nullptr;
    QPushButton* m_button = nullptr;
    bool m_done = false;
};

} // namespace pd

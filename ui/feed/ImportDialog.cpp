#include "ui/feed/ImportDialog.h"

#include "models/FeedModels.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

ImportDialog::ImportDialog(const Session& session, hl7::ImportKind kind, const QString& path, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import patients from the EHR"));
    const QString what = kind == hl7::ImportKind::Hl7    ? tr("HL7 v2 messages")
                         : kind == hl7::ImportKind::Fhir ? tr("FHIR patients")
                                                         : tr("CSV rows");
    auto* title = new QLabel(tr("%1 from %2").arg(what, QFileInfo(path).fileName()), this);
    title->setWordWrap(true);
    m_status = new QLabel(tr("Starting…"), this);
    m_status->setObjectName(QStringLiteral("importStatusLabel"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("importProgressBar"));
    m_bar->setRange(0, 100);
    m_bar->setAccessibleName(tr("How much of the file is read"));
    m_refusals = new QPlainTextEdit(this);
    m_refusals->setObjectName(QStringLiteral("importRefusalsText"));
    m_refusals->setReadOnly(true);
    m_refusals->setAccessibleName(tr("What was refused"));
    m_refusals->setPlaceholderText(tr("Records that are refused are listed here, with their line."));
    m_button = new QPushButton(tr("&Stop"), this);
    m_button->setObjectName(QStringLiteral("importCancelButton"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_button, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addWidget(m_refusals, 1);
    layout->addWidget(buttons);
    resize(640, 380);

    m_job = new ImportJob(*session.runner, this);
    connect(m_job, &ImportJob::progress, this, [this](qint64 read, qint64 position, qint64 size) {
        m_bar->setValue(size > 0 ? int(position * 100 / size) : 100);
        m_status->setText(tr("%1 read so far…").arg(QLocale().toString(read)));
    });
    connect(m_job, &ImportJob::finished, this, &ImportDialog::finish);
    connect(m_job, &ImportJob::failed, this, [this](const QString& message) {
        m_done = true;
        m_status->setText(message);
        m_button->setText(tr("&Close"));
    });
    m_job->start(kind, path);
}

ImportDialog::~ImportDialog() = default;

bool ImportDialog::isRunning() const {
    return m_job->isRunning();
}

void ImportDialog::finish(const hl7::ImportReport& report) {
    m_done = true;
    m_bar->setValue(report.cancelled || report.stopped ? m_bar->value() : 100);
    QString text = tr("%1 read: %2 applied, %3 not used, %4 refused.")
                       .arg(QLocale().toString(report.read), QLocale().toString(report.applied),
                            QLocale().toString(report.ignored), QLocale().toString(report.refused));
    if (report.cancelled)
        text +=
            QLatin1Char(' ') + tr("Stopped as asked; what was applied stays, and importing the file again "
                                  "goes on without applying anything twice.");
    if (report.stopped)
        text += QLatin1Char(' ') + tr("Stopped at %1: %2 Import the file again to go on.")
                                       .arg(report.stoppedAt, report.stopped->message);
    m_status->setText(text);
    QStringList lines;
    for (const hl7::ImportLine& l : report.refusals)
        lines << QStringLiteral("%1  %2  %3").arg(l.where, l.key, l.text);
    if (report.refused > report.refusals.size())
        lines << tr("… and %1 more.").arg(report.refused - report.refusals.size());
    m_refusals->setPlainText(lines.join(QLatin1Char('\n')));
    m_button->setText(tr("&Close"));
    m_button->setEnabled(true);
    emit imported();
}

void ImportDialog::reject() {
    if (!m_done) {
        // Stop asked: the job ends after the record in hand and reports what it applied.
        m_job->cancel();
        m_button->setEnabled(false);
        m_status->setText(tr("Stopping after the record in hand…"));
        return;
    }
    QDialog::reject();
}

} // namespace pd

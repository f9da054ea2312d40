#include "ui/requests/RequestDialogs.h"

#include "core/Validation.h"
#include "services/DisplayText.h"
#include "services/PatientService.h"
#include "services/RequestService.h"
#include "services/TimelineText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <algorithm>

namespace pd {

namespace {
constexpr int MaxNote = 2000;
}

LogRequestDialog::LogRequestDialog(const Session& session, const QString& mrn, const QString& user,
                                   QWidget* parent)
    : ActionDialog(session, tr("Log a family's request"), tr("&Log request"), parent) {
    setObjectName(QStringLiteral("logRequestDialog"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("requestKindComboBox"));
    m_kind->setAccessibleName(tr("What the family asked for"));
    for (const QString& k : RequestService::kinds())
        m_kind->addItem(RequestService::kindDisplayName(k), k);
    m_mrn = new QLineEdit(mrn, this);
    m_mrn->setObjectName(QStringLiteral("requestMrnLineEdit"));
    m_mrn->setAccessibleName(tr("Patient's MRN"));
    m_mrn->setMaxLength(Validation::MaxMrnLength);
    m_user = new QLineEdit(user, this);
    m_user->setObjectName(QStringLiteral("requestUserLineEdit"));
    m_user->setAccessibleName(tr("Login (username or e-mail)"));
    m_user->setMaxLength(Validation::MaxEmailLength);
    m_received = new QLineEdit(this);
    m_received->setObjectName(QStringLiteral("requestReceivedLineEdit"));
    m_received->setAccessibleName(tr("When the request arrived"));
    m_received->setPlaceholderText(tr("now, or YYYY-MM-DD HH:MM in the hospital's time"));
    m_received->setMaxLength(40);
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("requestChannelComboBox"));
    m_channel->setAccessibleName(tr("How the request arrived"));
    for (const QString& c : RequestService::channels())
        m_channel->addItem(RequestService::channelDisplayName(c), c);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("requestNoteEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setFixedHeight(70);

    form()->addRow(tr("&Request:"), m_kind);
    form()->addRow(tr("Patient &MRN:"), m_mrn);
    form()->addRow(tr("&Login:"), m_user);
    form()->addRow(tr("R&eceived:"), m_received);
    form()->addRow(tr("&By:"), m_channel);
    form()->addRow(tr("&Note:"), m_note);
    for (QLineEdit* e : {m_mrn, m_user, m_received})
        connect(e, &QLineEdit::textChanged, this, &LogRequestDialog::revalidate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &LogRequestDialog::revalidate);
    connect(m_note, &QPlainTextEdit::textChanged, this, &LogRequestDialog::revalidate);
    revalidate();
}

QString LogRequestDialog::problem() const {
    if (!m_note)
        return QString();
    const QString kind = m_kind->currentData().toString();
    if (!m_mrn->text().trimmed().isEmpty()) {
        if (auto v = Validation::mrn(m_mrn->text()); !v)
            return v.error().message;
    }
    if (kind != QLatin1String("other") && m_mrn->text().trimmed().isEmpty() &&
        m_user->text().trimmed().isEmpty())
        return tr("Name the patient (MRN) or the login the request is about.");
    if (kind == QLatin1String("other") && m_note->toPlainText().trimmed().isEmpty())
        return tr("Say in the note what the family asked for.");
    if (m_note->toPlainText().size() > MaxNote)
        return tr("The note is longer than %1 characters.").arg(MaxNote);
    if (!m_received->text().trimmed().isEmpty()) {
        if (auto t = Validation::isoDateTime(
                m_received->text().trimmed().replace(QLatin1Char(' '), QLatin1Char('T')),
                m_session.policy.zone, tr("Received"));
            !t)
            return t.error().message;
    }
    return {};
}

QString LogRequestDialog::summary() const {
    if (!m_note)
        return QString();
    return tr(
        "It is due %n business day(s) after it arrived (counted in HIM hours), and shows on the requests "
        "worklist until someone resolves it.",
        nullptr, m_session.policy.requestDueBusinessDays);
}

void LogRequestDialog::perform() {
    NewRequest r;
    r.kind = m_kind->currentData().toString();
    r.mrn = m_mrn->text().trimmed();
    r.user = m_user->text().trimmed();
    r.received = m_received->text().trimmed().replace(QLatin1Char(' '), QLatin1Char('T'));
    r.channel = m_channel->currentData().toString();
    r.note = m_note->toPlainText().trimmed();
    await(m_session.runner->run([r](const ServiceContext& ctx) { return RequestService(ctx).add(r); }),
          [this](const RequestRow& row) { m_logged = row; });
}

ResolveRequestDialog::ResolveRequestDialog(const Session& session, const RequestRow& row, QWidget* parent)
    : ActionDialog(session, tr("Resolve request %1").arg(row.request.id), tr("&Resolve"), parent)
    , m_row(row) {
    setObjectName(QStringLiteral("resolveRequestDialog"));
    auto* what = new QLabel(tr("%1 — %2, received %3, due %4")
                                .arg(RequestService::kindDisplayName(row.request.kind),
                                     row.mrn.isEmpty() ? row.username : row.patientName,
                                     DisplayText::localTime(row.request.receivedAt, session.policy.zone),
                                     DisplayText::localTime(row.request.dueAt, session.policy.zone)),
                            this);
    what->setWordWrap(true);
    what->setObjectName(QStringLiteral("resolveWhatLabel"));
    // Room for the request's line and the actions' descriptions.
    setMinimumWidth(640);
    form()->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    what->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("resolveActionComboBox"));
    m_action->setAccessibleName(tr("The action that answered it"));
    m_action->addItem(tr("No linked action (answered by phone or letter)"), QString());
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("resolveNoteEdit"));
    m_note->setAccessibleName(tr("How it was resolved"));
    m_note->setFixedHeight(70);
    form()->addRow(tr("Request:"), what);
    form()->addRow(tr("&Action:"), m_action);
    form()->addRow(tr("&Note:"), m_note);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ResolveRequestDialog::revalidate);
    connect(m_action, &QComboBox::currentIndexChanged, this, &ResolveRequestDialog::revalidate);
    revalidate();
    adjustSize();
    loadActions();
}

void ResolveRequestDialog::loadActions() {
    // What was done for this patient since the request arrived, newest first, to link as the answer.
    if (m_row.mrn.isEmpty())
        return;
    const QString mrn = m_row.mrn;
    onReady(this,
            m_session.runner->run([mrn](const ServiceContext& ctx) { return PatientService(ctx).show(mrn); }),
            [this](const Result<PatientStory>& story) {
                if (!story)
                    return;
                QList<AuditEvent> events = story->timeline;
                std::reverse(events.begin(), events.end());
                int added = 0;
                for (const AuditEvent& e : std::as_const(events)) {
                    if (e.at < m_row.request.receivedAt || e.action.endsWith(QLatin1String(".opened")) ||
                        e.action.startsWith(QLatin1String("request.")))
                        continue;
                    m_action->addItem(
                        QStringLiteral("%1 — %2").arg(DisplayText::localTime(e.at, m_session.policy.zone),
                                                      TimelineText::describe(e)),
                        QStringLiteral("audit:%1").arg(e.id));
                    if (++added == 20)
                        break;
                }
                // Nothing is linked until the staff member picks the action that answered the request.
            });
}

QString ResolveRequestDialog::problem() const {
    if (!m_note)
        return QString();
    if (m_note->toPlainText().trimmed().isEmpty())
        return tr("Say how it was resolved.");
    if (m_note->toPlainText().size() > MaxNote)
        return tr("The note is longer than %1 characters.").arg(MaxNote);
    return {};
}

QString ResolveRequestDialog::summary() const {
    if (!m_note)
        return QString();
    return m_row.late ? tr("The request leaves the worklist; it is counted as met late.")
                      : tr("The request leaves the worklist; it is counted as met on time.");
}

void ResolveRequestDialog::perform() {
    ResolveRequest r;
    r.id = m_row.request.id;
    r.note = m_note->toPlainText().trimmed();
    r.action = m_action->currentData().toString();
    r.expectedVersion = m_row.request.rowVersion;
    await(m_session.runner->run([r](const ServiceContext& ctx) { return RequestService(ctx).resolve(r); }));
}

} // namespace pd

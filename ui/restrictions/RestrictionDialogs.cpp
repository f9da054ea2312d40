#include "ui/restrictions/RestrictionDialogs.h"

#include "core/RestrictionRules.h"
#include "core/Validation.h"
#include "services/ConsentService.h"
#include "services/DisplayText.h"
#include "services/RestrictionService.h"
#include "ui/common/Prompts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace pd {

AddRestrictionDialog::AddRestrictionDialog(const Session& session, const QString& mrn, QWidget* parent)
    : ActionDialog(session, tr("Record an access restriction"), tr("&Record and end their access"), parent) {
    setObjectName(QStringLiteral("addRestrictionDialog"));
    const auto edit = [this](const char* name, const QString& accessible, int maxLength) {
        auto* e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setAccessibleName(accessible);
        e->setMaxLength(maxLength);
        connect(e, &QLineEdit::textChanged, this, &AddRestrictionDialog::revalidate);
        return e;
    };
    m_mrns = edit("restrictionMrnsLineEdit", tr("Patient's MRN, and each sibling's the order names"), 400);
    m_mrns->setText(mrn);
    m_mrns->setPlaceholderText(tr("MRN, or several separated by commas"));
    m_given = edit("restrictionGivenLineEdit", tr("Barred person's given name"), Validation::MaxNameLength);
    m_family =
        edit("restrictionFamilyLineEdit", tr("Barred person's family name"), Validation::MaxNameLength);
    m_email = edit("restrictionEmailLineEdit", tr("Barred person's e-mail address, if known"),
                   Validation::MaxEmailLength);
    m_email->setPlaceholderText(tr("optional: any address they use"));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("restrictionReasonComboBox"));
    m_reason->setAccessibleName(tr("Kind of order"));
    for (const QString& r : RestrictionRules::reasons())
        m_reason->addItem(DisplayText::restrictionReason(r), r);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &AddRestrictionDialog::revalidate);
    m_ends = new QCheckBox(tr("The order ends on"), this);
    m_ends->setObjectName(QStringLiteral("restrictionEndsCheckBox"));
    m_until = new QDateEdit(session.today().addYears(1), this);
    m_until->setObjectName(QStringLiteral("restrictionUntilDateEdit"));
    m_until->setAccessibleName(tr("Last day the order is in force"));
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_until->setCalendarPopup(true);
    m_until->setMinimumDate(session.today());
    m_until->setEnabled(false);
    connect(m_ends, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    connect(m_ends, &QCheckBox::toggled, this, &AddRestrictionDialog::revalidate);
    connect(m_until, &QDateEdit::dateChanged, this, &AddRestrictionDialog::revalidate);
    auto* untilRow = new QHBoxLayout;
    untilRow->addWidget(m_ends);
    untilRow->addWidget(m_until, 1);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("restrictionNotePlainTextEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Court and case number, what the order says"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(70);
    connect(m_note, &QPlainTextEdit::textChanged, this, &AddRestrictionDialog::revalidate);
    m_order = edit("restrictionOrderLineEdit", tr("Scanned order"), 1000);
    m_order->setReadOnly(true);
    m_order->setPlaceholderText(tr("PDF, PNG or JPEG, up to 10 MB"));
    auto* browse = new QPushButton(tr("&Choose…"), this);
    browse->setObjectName(QStringLiteral("restrictionOrderBrowseButton"));
    browse->setAccessibleName(tr("Choose the scanned order"));
    connect(browse, &QPushButton::clicked, this, &AddRestrictionDialog::chooseOrder);
    auto* orderRow = new QHBoxLayout;
    orderRow->addWidget(m_order, 1);
    orderRow->addWidget(browse);

    form()->addRow(tr("Patient &MRN(s):"), m_mrns);
    form()->addRow(tr("Barred person's &given name:"), m_given);
    form()->addRow(tr("Barred person's &family name:"), m_family);
    form()->addRow(tr("Their &e-mail:"), m_email);
    form()->addRow(tr("&Kind of order:"), m_reason);
    auto* untilLabel = new QLabel(tr("&Until:"), this);
    untilLabel->setBuddy(m_ends);
    form()->addRow(untilLabel, untilRow);
    form()->addRow(tr("&Note:"), m_note);
    auto* orderLabel = new QLabel(tr("Scanned &order:"), this);
    orderLabel->setBuddy(browse);
    form()->addRow(orderLabel, orderRow);
    revalidate();
}

void AddRestrictionDialog::setDocument(const QString& name, const QByteArray& content) {
    m_document = content;
    m_documentProblem.clear();
    if (ConsentService::sniffMediaType(m_document).isEmpty()) {
        m_document.clear();
        m_documentProblem = tr("The order's scan must be a PDF, PNG or JPEG file.");
    }
    m_order->setText(name);
    revalidate();
}

void AddRestrictionDialog::chooseOrder() {
    const QString path =
        Prompts::openFileName(this, tr("Scanned order"), m_order->text(),
                              tr("Scanned orders (*.pdf *.png *.jpg *.jpeg);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_document.clear();
        m_documentProblem = tr("The order %1 can't be read: %2").arg(path, file.errorString());
        m_order->setText(path);
        revalidate();
        return;
    }
    if (file.size() > ConsentService::MaxDocumentBytes) {
        m_document.clear();
        m_documentProblem = tr("The order's scan is larger than 10 MB; scan it again at a lower resolution.");
        m_order->setText(path);
        revalidate();
        return;
    }
    setDocument(path, file.readAll());
}

QStringList AddRestrictionDialog::mrns() const {
    QStringList out;
    for (const QString& m :
         m_mrns->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        if (!out.contains(m))
            out << m;
    return out;
}

QString AddRestrictionDialog::problem() const {
    if (!m_order)
        return QString(); // still being built
    const QStringList list = mrns();
    if (list.isEmpty())
        return tr("Type the patient's MRN (and each sibling's the order names).");
    for (const QString& m : list) {
        if (auto v = Validation::mrn(m); !v)
            return v.error().message;
    }
    for (QLineEdit* e : {m_given, m_family}) {
        if (auto v = Validation::name(e->text(), e->accessibleName()); !v)
            return v.error().message;
    }
    if (!m_email->text().trimmed().isEmpty()) {
        if (auto v = Validation::email(m_email->text()); !v)
            return v.error().message;
    }
    if (m_reason->currentData().toString() == QLatin1String("other") &&
        m_note->toPlainText().trimmed().isEmpty())
        return tr("Say in a note what the document is when the kind is \"other\".");
    if (m_note->toPlainText().size() > Validation::MaxNoteLength)
        return tr("The note is too long: at most %1 characters.").arg(Validation::MaxNoteLength);
    if (!m_documentProblem.isEmpty())
        return m_documentProblem;
    if (m_document.isEmpty())
        return tr("Choose the scanned order (PDF, PNG or JPEG).");
    return QString();
}

QString AddRestrictionDialog::summary() const {
    if (!m_order)
        return QString();
    const QString who =
        QString(m_given->text().trimmed() + QLatin1Char(' ') + m_family->text().trimmed()).trimmed();
    const int n = int(mrns().size());
    return tr("From now on %1 is barred from %n record(s): their access ends at once, a login left with "
              "none is closed, and nothing is mailed to them. While it is in force nobody can enroll them, "
              "approve a consent naming them, reissue them an invitation or give them the record through a "
              "new address. Anyone with that name, or that e-mail address, is matched.",
              nullptr, n)
        .arg(who.isEmpty() ? tr("the person the order names") : who);
}

void AddRestrictionDialog::perform() {
    RestrictionRequest r;
    r.mrns = mrns();
    r.givenName = m_given->text();
    r.familyName = m_family->text();
    r.email = m_email->text();
    r.reason = m_reason->currentData().toString();
    r.until = m_ends->isChecked() ? m_until->date().toString(Qt::ISODate) : QString();
    r.note = m_note->toPlainText();
    r.documentName = QFileInfo(m_order->text()).fileName();
    r.document = m_document;
    await(m_session.runner->run([r](const ServiceContext& ctx) { return RestrictionService(ctx).add(r); }),
          [this](const RestrictionOutcome& out) { m_recorded = out.restrictions; });
}

LiftRestrictionDialog::LiftRestrictionDialog(const Session& session, const RestrictionRow& row,
                                             QWidget* parent)
    : ActionDialog(session, tr("Lift restriction #%1").arg(row.restriction.id), tr("&Lift"), parent)
    , m_row(row) {
    setObjectName(QStringLiteral("liftRestrictionDialog"));
    auto* what = new QLabel(tr("%1 is barred from %2's record (MRN %3) by a %4.")
                                .arg(row.restriction.personName(), row.patientName, row.mrn,
                                     DisplayText::restrictionReason(row.restriction.reason)),
                            this);
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("liftReasonLineEdit"));
    m_reason->setAccessibleName(tr("Why it is lifted"));
    m_reason->setMaxLength(Validation::MaxNoteLength);
    m_reason->setPlaceholderText(tr("for example: order vacated, case 26FL01234"));
    connect(m_reason, &QLineEdit::textChanged, this, &LiftRestrictionDialog::revalidate);
    form()->addRow(what);
    form()->addRow(tr("&Why:"), m_reason);
    revalidate();
}

QString LiftRestrictionDialog::problem() const {
    if (!m_reason)
        return QString();
    if (m_reason->text().trimmed().isEmpty())
        return tr("Say why the restriction is lifted (for example the new order).");
    return QString();
}

QString LiftRestrictionDialog::summary() const {
    return tr("The restriction stops barring %1. Nothing comes back by itself: the access it ended stays "
              "ended, and they enroll again with new forms.")
        .arg(m_row.restriction.personName());
}

void LiftRestrictionDialog::perform() {
    const qint64 id = m_row.restriction.id;
    const int version = m_row.restriction.rowVersion;
    const QString reason = m_reason->text();
    await(m_session.runner->run([id, version, reason](const ServiceContext& ctx) {
        return RestrictionService(ctx).lift(id, reason, version);
    }));
}

} // namespace pd

#include "ui/consents/SubmitConsentDialog.h"
#include "ui/common/PinEdit.h"

#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/ConsentService.h"
#include "ui/common/Prompts.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace pd {

SubmitConsentDialog::SubmitConsentDialog(const Session& session, const QString& mrn, QWidget* parent)
    : ActionDialog(session, tr("File a proxy consent"), tr("&File for review"), parent) {
    setObjectName(QStringLiteral("submitConsentDialog"));
    const auto edit = [this](const char* name, const QString& accessible, int maxLength) {
        auto* e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setAccessibleName(accessible);
        e->setMaxLength(maxLength);
        connect(e, &QLineEdit::textChanged, this, &SubmitConsentDialog::revalidate);
        return e;
    };
    const auto combo = [this](const char* name, const QString& accessible,
                              const QList<std::pair<QString, QString>>& items) {
        auto* c = new QComboBox(this);
        c->setObjectName(QLatin1String(name));
        c->setAccessibleName(accessible);
        for (const auto& [text, code] : items)
            c->addItem(text, code);
        connect(c, &QComboBox::currentIndexChanged, this, &SubmitConsentDialog::revalidate);
        return c;
    };
    m_mrn = edit("consentMrnLineEdit", tr("Patient's MRN"), Validation::MaxMrnLength);
    m_mrn->setText(mrn);
    m_kind = combo("consentKindComboBox", tr("Kind of consent"),
                   {{tr("The patient names a proxy"), QStringLiteral("adult_proxy")},
                    {tr("Court papers for a legal guardian"), QStringLiteral("guardian")}});
    m_given = edit("proxyGivenLineEdit", tr("Proxy's given name"), Validation::MaxNameLength);
    m_family = edit("proxyFamilyLineEdit", tr("Proxy's family name"), Validation::MaxNameLength);
    m_email = edit("proxyEmailLineEdit", tr("Proxy's e-mail address"), Validation::MaxEmailLength);
    m_language = combo("proxyLanguageComboBox", tr("Language of the proxy's e-mails"),
                       {{tr("The patient's language"), QString()},
                        {tr("English"), QStringLiteral("en")},
                        {tr("Spanish"), QStringLiteral("es")}});
    m_relationship = combo("consentRelationshipComboBox", tr("Proxy's relationship to the patient"),
                           {{tr("Parent"), QStringLiteral("parent")},
                            {tr("Legal guardian"), QStringLiteral("guardian")},
                            {tr("Other family"), QStringLiteral("family")}});
    m_scope = combo(
        "consentScopeComboBox", tr("What the proxy may see"),
        {{tr("Full access"), QStringLiteral("full")}, {tr("Limited access"), QStringLiteral("limited")}});
    m_signed = edit("consentSignedLineEdit", tr("Date the form was signed"), 10);
    m_signed->setPlaceholderText(tr("YYYY-MM-DD"));
    m_signed->setText(session.today().toString(Qt::ISODate));
    m_signedBy =
        edit("consentSignedByLineEdit", tr("Name of the person who signed"), Validation::MaxNameLength);
    m_signedBy->setPlaceholderText(tr("as written on the form"));
    m_form = edit("consentFormLineEdit", tr("Scanned form"), 1000);
    m_form->setReadOnly(true);
    m_form->setPlaceholderText(tr("PDF, PNG or JPEG, up to 10 MB"));
    auto* browse = new QPushButton(tr("&Choose…"), this);
    browse->setObjectName(QStringLiteral("consentFormBrowseButton"));
    browse->setAccessibleName(tr("Choose the scanned form"));
    connect(browse, &QPushButton::clicked, this, &SubmitConsentDialog::chooseForm);
    auto* formRow = new QHBoxLayout;
    formRow->addWidget(m_form, 1);
    formRow->addWidget(browse);

    form()->addRow(tr("Patient &MRN:"), m_mrn);
    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("Proxy's &given name:"), m_given);
    form()->addRow(tr("Proxy's &family name:"), m_family);
    form()->addRow(tr("Proxy's &e-mail:"), m_email);
    form()->addRow(tr("&Language:"), m_language);
    form()->addRow(tr("&Relationship:"), m_relationship);
    form()->addRow(tr("&Access:"), m_scope);
    form()->addRow(tr("&Signed on:"), m_signed);
    form()->addRow(tr("Signed &by:"), m_signedBy);
    auto* formLabel = new QLabel(tr("Scanned f&orm:"), this);
    formLabel->setBuddy(browse); // a row holding a layout gets no buddy of its own
    form()->addRow(formLabel, formRow);
    m_pin = addPinFields(form(), this);
    connect(m_pin.pin, &QLineEdit::textChanged, this, &SubmitConsentDialog::revalidate);
    connect(m_pin.again, &QLineEdit::textChanged, this, &SubmitConsentDialog::revalidate);
    revalidate();
}

SubmitConsentDialog::~SubmitConsentDialog() {
    wipePinFields(m_pin);
}

void SubmitConsentDialog::chooseForm() {
    const QString path = Prompts::openFileName(this, tr("Scanned consent form"), m_form->text(),
                                               tr("Scanned forms (*.pdf *.png *.jpg *.jpeg);;All files (*)"));
    if (path.isEmpty())
        return;
    m_document.clear();
    m_documentProblem.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_documentProblem = tr("The form %1 can't be read: %2").arg(path, file.errorString());
    } else if (file.size() > ConsentService::MaxDocumentBytes) {
        m_documentProblem = tr("The form is larger than 10 MB; scan it again at a lower resolution.");
    } else {
        m_document = file.readAll();
        if (ConsentService::sniffMediaType(m_document).isEmpty()) {
            m_document.clear();
            m_documentProblem = tr("The scanned form must be a PDF, PNG or JPEG file.");
        }
    }
    m_form->setText(path);
    revalidate();
}

QString SubmitConsentDialog::problem() const {
    if (!m_pin.again)
        return QString(); // still being built
    if (auto v = Validation::mrn(m_mrn->text()); !v)
        return v.error().message;
    for (QLineEdit* e : {m_given, m_family}) {
        if (auto v = Validation::name(e->text(), e->accessibleName()); !v)
            return v.error().message;
    }
    if (auto v = Validation::email(m_email->text()); !v)
        return v.error().message;
    auto signedOn = Validation::isoDate(m_signed->text().trimmed(), tr("Signed on"));
    if (!signedOn)
        return signedOn.error().message;
    if (signedOn.value() > m_session.today())
        return tr("The form can't be signed after today (%1).").arg(m_session.today().toString(Qt::ISODate));
    if (!m_documentProblem.isEmpty())
        return m_documentProblem;
    if (m_document.isEmpty())
        return tr("Choose the scanned form (PDF, PNG or JPEG).");
    return pinProblem(m_pin, QDate());
}

QString SubmitConsentDialog::summary() const {
    if (!m_pin.again)
        return QString(); // still being built
    return tr("The consent is filed with its form and waits on the consent desk. Approving it gives %1 %2 "
              "access; a proxy without a login of their own gets an invitation with this PIN. Nothing is "
              "sent "
              "before then.")
        .arg(m_given->text().trimmed().isEmpty() ? tr("the proxy") : m_given->text().trimmed(),
             m_scope->currentData().toString() == QLatin1String("limited") ? tr("limited") : tr("full"));
}

void SubmitConsentDialog::perform() {
    ConsentSubmission s;
    s.mrn = m_mrn->text().trimmed();
    s.kind = m_kind->currentData().toString();
    s.proxyGiven = m_given->text();
    s.proxyFamily = m_family->text();
    s.proxyEmail = m_email->text();
    s.proxyLanguage = m_language->currentData().toString();
    s.relationship = m_relationship->currentData().toString();
    s.scope = m_scope->currentData().toString();
    s.signedOn = m_signed->text().trimmed();
    s.signedBy = m_signedBy->text();
    s.documentName = QFileInfo(m_form->text()).fileName();
    s.document = m_document;
    const auto pin = Secrets::sharedSecret(m_pin.pin->pin());
    await(m_session.runner->run(
              [s, pin](const ServiceContext& ctx) { return ConsentService(ctx).submit(s, *pin); }),
          [this](const Consent& c) { m_consentId = c.id; });
}

} // namespace pd

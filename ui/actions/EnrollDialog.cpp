#include "ui/actions/EnrollDialog.h"
#include "ui/common/PinEdit.h"

#include "core/Secrets.h"
#include "core/Validation.h"
#include "services/DisplayText.h"
#include "services/EnrollmentService.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace pd {

EnrollDialog::EnrollDialog(const Session& session, const PatientStory& story, QWidget* parent)
    : ActionDialog(session, tr("Enroll — %1").arg(story.patient.fullName()), tr("&Enroll"), parent)
    , m_story(story) {
    setObjectName(QStringLiteral("enrollDialog"));

    m_form = new QComboBox(this);
    m_form->setObjectName(QStringLiteral("formComboBox"));
    m_form->setAccessibleName(tr("Enrollment form"));
    m_form->addItem(tr("Parent or guardian form"), QStringLiteral("parent"));
    m_form->addItem(tr("Patient's own form"), QStringLiteral("patient"));
    // The form the patient's age group starts with.
    m_form->setCurrentIndex(story.bracket == Bracket::Adult ? 1 : 0);

    m_signed = new QLineEdit(session.today().toString(Qt::ISODate), this);
    m_signed->setObjectName(QStringLiteral("signedLineEdit"));
    m_signed->setAccessibleName(tr("Date the form was signed"));
    m_signed->setPlaceholderText(tr("YYYY-MM-DD"));
    m_signed->setMaxLength(10);

    const auto line = [this](const QString& name, const QString& accessible, int max) {
        auto* e = new QLineEdit(this);
        e->setObjectName(name);
        e->setAccessibleName(accessible);
        e->setMaxLength(max);
        return e;
    };
    m_given = line(QStringLiteral("givenLineEdit"), tr("Enrollee's given name"), Validation::MaxNameLength);
    m_family =
        line(QStringLiteral("familyLineEdit"), tr("Enrollee's family name"), Validation::MaxNameLength);
    m_email =
        line(QStringLiteral("emailLineEdit"), tr("Enrollee's e-mail address"), Validation::MaxEmailLength);
    m_email->setPlaceholderText(tr("name@example.org"));

    m_relationship = new QComboBox(this);
    m_relationship->setObjectName(QStringLiteral("relationshipComboBox"));
    m_relationship->setAccessibleName(tr("Relationship to the patient"));
    for (const char* r : {"parent", "guardian", "family"})
        m_relationship->addItem(DisplayText::relationship(QLatin1String(r)), QLatin1String(r));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    m_language->setAccessibleName(tr("Enrollee's language"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("Spanish"), QStringLiteral("es"));
    m_language->setCurrentIndex(story.patient.language == QLatin1String("es") ? 1 : 0);

    m_override = line(QStringLiteral("overrideLineEdit"), tr("Supervisor override reason"), 500);
    m_override->setPlaceholderText(tr("Only for an emancipated minor, or a shared e-mail address"));

    form()->addRow(tr("&Form:"), m_form);
    form()->addRow(tr("&Signed on:"), m_signed);
    form()->addRow(tr("&Given name:"), m_given);
    form()->addRow(tr("Fa&mily name:"), m_family);
    form()->addRow(tr("E-&mail:"), m_email);
    form()->addRow(tr("&Relationship:"), m_relationship);
    form()->addRow(tr("&Language:"), m_language);
    m_pin = addPinFields(form(), this);
    if (session.has(Role::Supervisor))
        form()->addRow(tr("&Override reason:"), m_override);
    else
        m_override->hide();

    connect(m_form, &QComboBox::currentIndexChanged, this, &EnrollDialog::formChanged);
    for (QLineEdit* e : std::initializer_list<QLineEdit*>{m_signed, m_given, m_family, m_email, m_override,
                                                          m_pin.pin, m_pin.again})
        connect(e, &QLineEdit::textChanged, this, &EnrollDialog::revalidate);
    connect(m_relationship, &QComboBox::currentIndexChanged, this, &EnrollDialog::revalidate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &EnrollDialog::revalidate);
    formChanged();
}

EnrollDialog::~EnrollDialog() {
    wipePinFields(m_pin);
}

FormKind EnrollDialog::formKind() const {
    return m_form->currentData().toString() == QLatin1String("patient") ? FormKind::Patient
                                                                        : FormKind::Parent;
}

void EnrollDialog::formChanged() {
    const bool patientForm = formKind() == FormKind::Patient;
    // The patient's own form enrolls the patient: their name and address are the defaults.
    if (patientForm) {
        m_given->setText(m_story.patient.givenName);
        m_family->setText(m_story.patient.familyName);
        if (m_email->text().isEmpty())
            m_email->setText(m_story.patient.email);
    } else if (m_given->text() == m_story.patient.givenName &&
               m_family->text() == m_story.patient.familyName) {
        m_given->clear();
        if (m_email->text() == m_story.patient.email)
            m_email->clear();
    }
    m_relationship->setEnabled(!patientForm);
    revalidate();
}

QString EnrollDialog::problem() const {
    auto signedOn = Validation::isoDate(m_signed->text().trimmed(), tr("Signed on"));
    if (!signedOn)
        return signedOn.error().message;
    const QDate today = m_session.today();
    if (signedOn.value() > today)
        return tr("The form can't be signed after today (%1).").arg(today.toString(Qt::ISODate));
    const QDate birth = m_story.patient.birthDate;
    if (signedOn.value() < birth)
        return tr("The form can't be signed before the patient was born.");

    EnrollmentFacts facts;
    const LeapDayRule rule = m_session.policy.leapDayRule;
    facts.bracketWhenSigned = AgeRules::bracketOn(birth, signedOn.value(), rule);
    facts.bracketToday = AgeRules::bracketOn(birth, today, rule);
    facts.form = formKind();
    for (const Grant& g : m_story.grants) {
        if (g.isOpen() && g.bracket == QLatin1String("adolescent") && g.relationship != QLatin1String("self"))
            facts.parentFormOnFile = true;
    }
    facts.supervisorOverride = m_session.has(Role::Supervisor) && !m_override->text().trimmed().isEmpty();
    if (auto level = EnrollmentRules::check(facts); !level)
        return level.error().message;

    if (auto n = Validation::name(m_given->text(), tr("Given name")); !n)
        return n.error().message;
    if (auto n = Validation::name(m_family->text(), tr("Family name")); !n)
        return n.error().message;
    if (auto e = Validation::email(m_email->text()); !e)
        return e.error().message;
    if (!m_override->text().trimmed().isEmpty()) {
        if (auto n = Validation::note(m_override->text(), tr("Override reason")); !n)
            return n.error().message;
    }
    return pinProblem(m_pin, birth);
}

QString EnrollDialog::summary() const {
    const QString who =
        QStringLiteral("%1 %2").arg(m_given->text().trimmed(), m_family->text().trimmed()).trimmed();
    const QString email = m_email->text().trimmed();
    const bool adolescent = m_story.bracket == Bracket::Adolescent;
    const QString level = formKind() == FormKind::Parent && adolescent
                              ? DisplayText::level(QStringLiteral("limited"))
                              : DisplayText::level(QStringLiteral("full"));
    return tr("Creates the login for %1 <%2> (or uses the existing login with that address), gives it %3 "
              "access to %4's record, and queues an invitation that must be sent within %n business day(s). "
              "The PIN is stored only as a hash and is never shown again.",
              nullptr, m_session.policy.sendWithinBusinessDays)
        .arg(who.isEmpty() ? tr("the enrollee") : who, email.isEmpty() ? tr("no address yet") : email, level,
             m_story.patient.fullName());
}

void EnrollDialog::perform() {
    EnrollRequest request;
    request.mrn = m_story.patient.mrn;
    request.form = formKindName(formKind());
    request.signedOn = m_signed->text().trimmed();
    request.givenName = m_given->text();
    request.familyName = m_family->text();
    request.email = m_email->text();
    request.relationship =
        formKind() == FormKind::Parent ? m_relationship->currentData().toString() : QString();
    request.language = m_language->currentData().toString();
    request.overrideReason = m_override->text().trimmed();
    const auto pin = Secrets::sharedSecret(m_pin.pin->pin());
    await(m_session.runner->run([request, pin](const ServiceContext& ctx) {
        return EnrollmentService(ctx).enroll(request, *pin);
    }),
          [this](const EnrollOutcome& outcome) { m_enrolled = outcome.user.username; });
}

} // namespace pd

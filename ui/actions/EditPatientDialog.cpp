#include "ui/actions/EditPatientDialog.h"

#include "core/AgeRules.h"
#include "core/Validation.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace pd {

namespace {

QLineEdit* addLine(QWidget* parent, const char* objectName, const QString& text, const QString& accessible,
                   int maxLength) {
    auto* edit = new QLineEdit(text, parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessible);
    edit->setMaxLength(maxLength);
    return edit;
}

} // namespace

EditPatientDialog::EditPatientDialog(const Session& session, const PatientStory& story, QWidget* parent)
    : ActionDialog(session, tr("Correct patient record — %1").arg(story.patient.mrn), tr("&Save"), parent)
    , m_story(story) {
    setObjectName(QStringLiteral("editPatientDialog"));
    const Patient& p = story.patient;
    m_given = addLine(this, "givenLineEdit", p.givenName, tr("Given name"), Validation::MaxNameLength);
    m_family = addLine(this, "familyLineEdit", p.familyName, tr("Family name"), Validation::MaxNameLength);
    m_birth = addLine(this, "birthDateLineEdit", p.birthDate.toString(Qt::ISODate), tr("Birth date"), 10);
    m_birth->setPlaceholderText(tr("YYYY-MM-DD"));
    m_sex = new QComboBox(this);
    m_sex->setObjectName(QStringLiteral("sexComboBox"));
    m_sex->setAccessibleName(tr("Sex"));
    m_sex->addItem(tr("Female"), QStringLiteral("female"));
    m_sex->addItem(tr("Male"), QStringLiteral("male"));
    m_sex->addItem(tr("Other"), QStringLiteral("other"));
    m_sex->addItem(tr("Unknown"), QStringLiteral("unknown"));
    m_sex->setCurrentIndex(std::max(0, m_sex->findData(p.sex)));
    m_language = makeLanguageBox(this, QStringLiteral("patientLanguageComboBox"), tr("Preferred language"),
                                 p.language);
    m_email =
        addLine(this, "patientEmailLineEdit", p.email, tr("Contact e-mail"), Validation::MaxEmailLength);
    m_phone = addLine(this, "patientPhoneLineEdit", p.phone, tr("Contact phone"), 40);

    if (p.feedEventAt.isValid()) {
        // The EHR's fields are shown, not edited: a change here would be overwritten by its next message.
        auto* owned =
            new QLabel(tr("From the EHR: this record's fields are the EHR's. Correct them there; its "
                          "next message applies the correction here, the age rules with it."),
                       this);
        owned->setObjectName(QStringLiteral("fromEhrLabel"));
        owned->setWordWrap(true);
        form()->addRow(owned);
        for (QWidget* w :
             std::initializer_list<QWidget*>{m_given, m_family, m_birth, m_sex, m_language, m_email, m_phone})
            w->setEnabled(false);
    }
    form()->addRow(tr("MRN:"), new QLabel(p.mrn, this));
    form()->addRow(tr("&Given name:"), m_given);
    form()->addRow(tr("&Family name:"), m_family);
    form()->addRow(tr("&Birth date:"), m_birth);
    form()->addRow(tr("Se&x:"), m_sex);
    form()->addRow(tr("&Language:"), m_language);
    form()->addRow(tr("E-&mail:"), m_email);
    form()->addRow(tr("&Phone:"), m_phone);
    for (QLineEdit* edit : {m_given, m_family, m_birth, m_email, m_phone})
        connect(edit, &QLineEdit::textChanged, this, &EditPatientDialog::revalidate);
    connect(m_sex, &QComboBox::currentIndexChanged, this, &EditPatientDialog::revalidate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &EditPatientDialog::revalidate);
    revalidate();
}

QDate EditPatientDialog::typedBirthDate() const {
    auto d = Validation::isoDate(m_birth->text().trimmed(), tr("Birth date"));
    return d ? d.value() : QDate();
}

PatientChanges EditPatientDialog::changes() const {
    const Patient& p = m_story.patient;
    PatientChanges c;
    c.expectedVersion = p.rowVersion;
    if (m_given->text().trimmed() != p.givenName)
        c.givenName = m_given->text();
    if (m_family->text().trimmed() != p.familyName)
        c.familyName = m_family->text();
    if (typedBirthDate() != p.birthDate || !typedBirthDate().isValid())
        c.birthDate = m_birth->text().trimmed();
    if (m_sex->currentData().toString() != p.sex)
        c.sex = m_sex->currentData().toString();
    if (m_language->currentData().toString() != p.language)
        c.language = m_language->currentData().toString();
    if (m_email->text().trimmed() != p.email)
        c.email = m_email->text().trimmed();
    if (m_phone->text().trimmed() != p.phone)
        c.phone = m_phone->text().trimmed();
    return c;
}

QString EditPatientDialog::problem() const {
    if (m_story.patient.feedEventAt.isValid())
        return tr("Correct this record in the EHR: its fields come from there.");
    for (const auto& [edit, field] :
         {std::pair{m_given, tr("Given name")}, std::pair{m_family, tr("Family name")}}) {
        if (auto v = Validation::name(edit->text(), field); !v)
            return v.error().message;
    }
    auto birth = Validation::isoDate(m_birth->text().trimmed(), tr("Birth date"));
    if (!birth)
        return birth.error().message;
    if (birth.value() > m_session.today())
        return tr("The birth date is after today.");
    if (!m_email->text().trimmed().isEmpty()) {
        if (auto v = Validation::email(m_email->text()); !v)
            return v.error().message;
    }
    if (!m_phone->text().trimmed().isEmpty()) {
        if (auto v = Validation::phone(m_phone->text()); !v)
            return v.error().message;
    }
    const PatientChanges c = changes();
    if (!c.givenName && !c.familyName && !c.birthDate && !c.sex && !c.language && !c.email && !c.phone)
        return tr("Nothing has changed yet.");
    return {};
}

QString EditPatientDialog::summary() const {
    if (m_story.patient.feedEventAt.isValid())
        return tr("Nothing is saved here: the EHR's next message brings its correction.");
    const QDate birth = typedBirthDate();
    if (!birth.isValid() || birth == m_story.patient.birthDate)
        return tr("The record is saved as shown; the change is in the patient's timeline.");
    const QDate today = m_session.today();
    const LeapDayRule rule = m_session.policy.leapDayRule;
    const int age = AgeRules::ageOn(birth, today, rule);
    int ending = 0;
    for (const Grant& g : m_story.grants) {
        if (!g.isOpen() || g.basis == QLatin1String("guardianship"))
            continue;
        if ((g.bracket == QLatin1String("child") && age >= AgeRules::AdolescentAge) ||
            (g.bracket == QLatin1String("adolescent") && g.relationship != QLatin1String("self") &&
             age >= AgeRules::AdultAge))
            ++ending;
    }
    QString s = tr("With the new birth date the patient is %n year(s) old (%1).", nullptr, age)
                    .arg(bracketDisplayName(AgeRules::bracketForAge(age)));
    if (ending > 0)
        s += QLatin1Char(' ') +
             tr("The age rules apply at once: %n access grant(s) end when you save, and the family must "
                "enroll again with the forms for that age.",
                nullptr, ending);
    if (birth > m_story.patient.birthDate)
        s += QLatin1Char(' ') + tr("Access already ended at 12 or 18 stays ended; the patient is listed for "
                                   "review if the new date would not have ended it.");
    return s;
}

void EditPatientDialog::perform() {
    const QString mrn = m_story.patient.mrn;
    const PatientChanges c = changes();
    await(m_session.runner->run(
              [mrn, c](const ServiceContext& ctx) { return PatientService(ctx).update(mrn, c); }),
          [this](const PatientCorrection& done) { m_correction = done; });
}

} // namespace pd

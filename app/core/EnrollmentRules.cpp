#include "core/EnrollmentRules.h"

#include <QCoreApplication>

namespace pd {

QString formKindName(FormKind kind) {
    switch (kind) {
    case FormKind::Parent:
        return QStringLiteral("parent");
    case FormKind::Patient:
        return QStringLiteral("patient");
    }
    return QStringLiteral("parent");
}

std::optional<FormKind> formKindFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("parent"))
        return FormKind::Parent;
    if (n == QLatin1String("patient"))
        return FormKind::Patient;
    return std::nullopt;
}

QString accessLevelName(AccessLevel level) {
    switch (level) {
    case AccessLevel::Full:
        return QStringLiteral("full");
    case AccessLevel::Limited:
        return QStringLiteral("limited");
    }
    return QStringLiteral("limited");
}

namespace EnrollmentRules {

Result<AccessLevel> check(const EnrollmentFacts& facts) {
    // A form signed in another bracket describes access the patient no longer has: whatever it says,
    // the family has to sign this bracket's forms (SPEC §3), so this is reported before anything else.
    if (facts.bracketWhenSigned != facts.bracketToday) {
        const QString message =
            facts.bracketToday == Bracket::Adolescent
                ? QCoreApplication::translate(
                      "EnrollmentRules",
                      "This form was signed before the patient's 12th birthday and no longer "
                      "applies: the patient and a parent or guardian need to sign the forms for "
                      "ages 12 to 17.")
            : facts.bracketToday == Bracket::Adult
                ? QCoreApplication::translate(
                      "EnrollmentRules",
                      "This form was signed before the patient's 18th birthday and no longer "
                      "applies: the patient needs to sign an adult form, and a proxy needs an "
                      "approved proxy consent.")
                : QCoreApplication::translate(
                      "EnrollmentRules",
                      "This form was signed for a different age group than the patient's today; "
                      "check the date signed and the birth date.");
        return Error::validation(QStringLiteral("enrollment.bracket_changed"), message);
    }

    switch (facts.bracketToday) {
    case Bracket::Child:
        if (facts.form == FormKind::Patient) {
            return Error::validation(QStringLiteral("enrollment.patient_form_under_12"),
                                     QCoreApplication::translate(
                                         "EnrollmentRules",
                                         "A patient form can't be taken for a patient under 12: children's "
                                         "access is through a parent or guardian."));
        }
        return AccessLevel::Full;

    case Bracket::Adolescent:
        if (facts.form == FormKind::Parent)
            return AccessLevel::Limited;
        if (facts.parentFormOnFile || facts.supervisorOverride)
            return AccessLevel::Full;
        return Error::validation(
            QStringLiteral("enrollment.adolescent_needs_parent"),
            QCoreApplication::translate(
                "EnrollmentRules", "A patient aged 12 to 17 needs a parent or guardian form on file as well; "
                                   "without one (emancipated minor, parent not available) a supervisor must "
                                   "approve the enrollment with a written reason."));

    case Bracket::Adult:
        if (facts.form == FormKind::Parent) {
            return Error::validation(
                QStringLiteral("enrollment.parent_form_adult"),
                QCoreApplication::translate(
                    "EnrollmentRules", "A parent form can't be taken for a patient aged 18 or over: an adult "
                                       "patient's proxy gets access only through a proxy consent the patient "
                                       "signs and HIM approves."));
        }
        return AccessLevel::Full;
    }
    return Error::internal(QStringLiteral("enrollment.unknown_bracket"),
                           QCoreApplication::translate("EnrollmentRules", "Unknown age group."));
}

} // namespace EnrollmentRules
} // namespace pd

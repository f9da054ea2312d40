#include "core/Visibility.h"

#include <QCoreApplication>

#include <algorithm>

namespace pd::Visibility {

namespace {

// The category as it reads inside a sentence ("lab results"); translators may need other forms than
// the list heading, so the two are separate strings.
QString categoryInText(const QString& code) {
    if (code == QLatin1String("messages"))
        return QCoreApplication::translate("Visibility", "messages with the care team");
    if (code == QLatin1String("virtual_visits"))
        return QCoreApplication::translate("Visibility", "virtual visits");
    if (code == QLatin1String("lab_results"))
        return QCoreApplication::translate("Visibility", "lab results");
    if (code == QLatin1String("imaging_reports"))
        return QCoreApplication::translate("Visibility", "imaging reports");
    if (code == QLatin1String("prescription_renewals"))
        return QCoreApplication::translate("Visibility", "prescription renewal requests");
    if (code == QLatin1String("appointments"))
        return QCoreApplication::translate("Visibility", "appointments and scheduling");
    if (code == QLatin1String("clinical_documents"))
        return QCoreApplication::translate("Visibility", "clinical documents and post-visit information");
    if (code == QLatin1String("return_to_school_notes"))
        return QCoreApplication::translate("Visibility", "return-to-school notes");
    if (code == QLatin1String("allergies"))
        return QCoreApplication::translate("Visibility", "allergies");
    if (code == QLatin1String("immunizations"))
        return QCoreApplication::translate("Visibility", "immunizations");
    if (code == QLatin1String("medications"))
        return QCoreApplication::translate("Visibility", "medications");
    if (code == QLatin1String("sti_results"))
        return QCoreApplication::translate("Visibility", "results about sexually transmitted infections");
    if (code == QLatin1String("hepatitis_results"))
        return QCoreApplication::translate("Visibility", "hepatitis results");
    if (code == QLatin1String("hiv_results"))
        return QCoreApplication::translate("Visibility", "HIV results", "within a sentence");
    if (code == QLatin1String("pregnancy_birth_control"))
        return QCoreApplication::translate("Visibility", "pregnancy and birth control information");
    if (code == QLatin1String("substance_treatment"))
        return QCoreApplication::translate("Visibility", "alcohol and drug treatment records");
    if (code == QLatin1String("genetics"))
        return QCoreApplication::translate("Visibility", "genetic test results");
    if (code == QLatin1String("pathology"))
        return QCoreApplication::translate("Visibility", "pathology reports");
    return code;
}

QString isoDate(QDate d) {
    return d.toString(Qt::ISODate);
}

QDate localDateOf(const QDateTime& instant, const QTimeZone& zone) {
    return AgeRules::localDate(instant, zone.isValid() ? zone : QTimeZone::utc());
}

GrantView viewOf(const Grant& g, const Facts& f) {
    GrantView v;
    v.grant = g;
    if (!g.isOpen()) {
        v.state = GrantState::Ended;
        v.endReason = g.endReason;
        v.endedOn = localDateOf(g.endedAt, f.zone);
        return v;
    }
    // Today's age rules count even when the nightly run has not caught up with them yet.
    if (!f.patient.birthDate.isValid()) {
        if (f.ageRuleDue.contains(g.id)) {
            v.state = GrantState::EndedByAgeRule;
            v.endReason =
                g.bracket == QLatin1String("child") ? QStringLiteral("age_12") : QStringLiteral("age_18");
        }
        return v;
    }
    if (const auto t = endingTransition(g, f.patient.birthDate, f.zone, f.leapDayRule);
        t && f.today.isValid() && t->date <= f.today) {
        v.state = GrantState::EndedByAgeRule;
        v.endReason = t->age == AgeRules::AdolescentAge ? QStringLiteral("age_12") : QStringLiteral("age_18");
        v.endedOn = t->date;
    }
    return v;
}

// The grant the rows rest on: one in force (full before limited, then the newest); else the one
// the age rule ended most recently; else the most recently ended.
int decidingIndex(const QList<GrantView>& views) {
    const auto rank = [](const GrantView& v) {
        switch (v.state) {
        case GrantState::Open:
            return v.grant.level == QLatin1String("full") ? 4 : 3;
        case GrantState::EndedByAgeRule:
            return 2;
        case GrantState::Ended:
            return 1;
        }
        return 0;
    };
    int best = -1;
    for (int i = 0; i < views.size(); ++i) {
        if (best < 0) {
            best = i;
            continue;
        }
        const GrantView& a = views.at(i);
        const GrantView& b = views.at(best);
        if (rank(a) != rank(b)) {
            if (rank(a) > rank(b))
                best = i;
            continue;
        }
        const bool newer =
            a.state == GrantState::Open ? a.grant.startedAt > b.grant.startedAt : a.endedOn > b.endedOn;
        if (newer)
            best = i;
    }
    return best;
}

// Why a grant that no longer counts has ended, in plain words with the date.
QString endedReason(const GrantView& v) {
    const QString on = isoDate(v.endedOn);
    const QString& r = v.endReason;
    const bool age = r == QLatin1String("age_12") || r == QLatin1String("age_18");
    if (age && !v.endedOn.isValid()) {
        // The date is a birthday, and the reader may not see birth dates.
        const QString pending =
            v.state == GrantState::EndedByAgeRule
                ? QLatin1Char(' ') +
                      QCoreApplication::translate("Visibility", "(The nightly run has not recorded it yet.)")
                : QString();
        return (r == QLatin1String("age_12")
                    ? QCoreApplication::translate("Visibility",
                                                  "Access ended at the patient's 12th birthday. The "
                                                  "family must re-enroll with the adolescent forms.")
                    : QCoreApplication::translate(
                          "Visibility", "Access ended at the patient's 18th birthday. A proxy regains "
                                        "access only through the patient's signed proxy consent.")) +
               pending;
    }
    if (v.state == GrantState::EndedByAgeRule) {
        if (r == QLatin1String("age_12"))
            return QCoreApplication::translate(
                       "Visibility",
                       "Access ended on %1 at the patient's 12th birthday (the nightly run has not recorded "
                       "it yet). The family must re-enroll with the adolescent forms.")
                .arg(on);
        return QCoreApplication::translate(
                   "Visibility",
                   "Access ended on %1 at the patient's 18th birthday (the nightly run has not recorded it "
                   "yet). A proxy regains access only through the patient's signed proxy consent.")
            .arg(on);
    }
    if (r == QLatin1String("age_12"))
        return QCoreApplication::translate("Visibility",
                                           "Access ended on %1 at the patient's 12th birthday. The family "
                                           "must re-enroll with the adolescent forms.")
            .arg(on);
    if (r == QLatin1String("age_18"))
        return QCoreApplication::translate(
                   "Visibility",
                   "Access ended on %1 at the patient's 18th birthday. A proxy regains access only "
                   "through the patient's signed proxy consent.")
            .arg(on);
    if (r == QLatin1String("deactivated"))
        return QCoreApplication::translate("Visibility", "Access ended on %1 when the login was deactivated.")
            .arg(on);
    if (r == QLatin1String("revoked"))
        return QCoreApplication::translate("Visibility", "Access ended on %1: HIM revoked it.").arg(on);
    if (r == QLatin1String("restricted"))
        return QCoreApplication::translate(
                   "Visibility",
                   "Access ended on %1: an access restriction bars this person from the patient's record.")
            .arg(on);
    if (r == QLatin1String("consent_revoked"))
        return QCoreApplication::translate("Visibility",
                                           "Access ended on %1 when the patient revoked the proxy consent.")
            .arg(on);
    return QCoreApplication::translate("Visibility", "Access ended on %1 (%2).").arg(on, r);
}

QString loginNotActiveReason(const PortalUser& login, const QTimeZone& zone) {
    const QDate on = localDateOf(login.statusChangedAt, zone);
    if (login.status == QLatin1String("pending"))
        return QCoreApplication::translate("Visibility",
                                           "This login has not been activated yet: nothing shows until the "
                                           "invitation is used with its PIN.");
    if (login.status == QLatin1String("deactivated"))
        return on.isValid() ? QCoreApplication::translate(
                                  "Visibility",
                                  "This login was deactivated on %1: nothing shows until an HIM specialist "
                                  "issues a new invitation with a new PIN.")
                                  .arg(isoDate(on))
                            : QCoreApplication::translate(
                                  "Visibility",
                                  "This login was deactivated: nothing shows until an HIM specialist issues "
                                  "a new invitation with a new PIN.");
    if (login.status == QLatin1String("terminated"))
        return on.isValid() ? QCoreApplication::translate(
                                  "Visibility",
                                  "This login was terminated on %1 when it was left with no access: nothing "
                                  "shows unless the family enrolls again.")
                                  .arg(isoDate(on))
                            : QCoreApplication::translate(
                                  "Visibility",
                                  "This login was terminated when it was left with no access: nothing shows "
                                  "unless the family enrolls again.");
    return QCoreApplication::translate("Visibility",
                                       "This login's status is \"%1\": only an active login shows anything.")
        .arg(login.status);
}

QString fullAccessReason(const Grant& g, Bracket bracket, const QString& category) {
    const QString what = categoryInText(category);
    if (g.basis == QLatin1String("guardianship"))
        return QCoreApplication::translate(
                   "Visibility",
                   "As the patient's legal guardian this login has full access, which includes %1.")
            .arg(what);
    if (g.basis == QLatin1String("consent"))
        return QCoreApplication::translate(
                   "Visibility",
                   "The patient's proxy consent gives this login full access, which includes %1.")
            .arg(what);
    if (bracket == Bracket::Child)
        return QCoreApplication::translate(
                   "Visibility", "Proxies of a patient aged 0–11 have full access, which includes %1.")
            .arg(what);
    return QCoreApplication::translate("Visibility", "This login has full access, which includes %1.")
        .arg(what);
}

QString limitedSetReason(Bracket bracket, const QString& category, bool inSet) {
    const QString what = categoryInText(category);
    if (bracket == Bracket::Adolescent)
        return inSet ? QCoreApplication::translate(
                           "Visibility",
                           "Proxies of a patient aged 12–17 see only the limited set; %1 are in it.")
                           .arg(what)
                     : QCoreApplication::translate(
                           "Visibility",
                           "Proxies of a patient aged 12–17 see only the limited set; %1 are not in it.")
                           .arg(what);
    return inSet
               ? QCoreApplication::translate(
                     "Visibility", "This login has limited access, which shows only the limited set; %1 are "
                                   "in it.")
                     .arg(what)
               : QCoreApplication::translate(
                     "Visibility", "This login has limited access, which shows only the limited set; %1 are "
                                   "not in it.")
                     .arg(what);
}

} // namespace

QStringList portalCategories() {
    return {QStringLiteral("messages"),
            QStringLiteral("virtual_visits"),
            QStringLiteral("lab_results"),
            QStringLiteral("imaging_reports"),
            QStringLiteral("prescription_renewals"),
            QStringLiteral("appointments"),
            QStringLiteral("clinical_documents"),
            QStringLiteral("return_to_school_notes"),
            QStringLiteral("allergies"),
            QStringLiteral("immunizations"),
            QStringLiteral("medications")};
}

QStringList withheldCategories() {
    return {QStringLiteral("sti_results"),
            QStringLiteral("hepatitis_results"),
            QStringLiteral("hiv_results"),
            QStringLiteral("pregnancy_birth_control"),
            QStringLiteral("substance_treatment"),
            QStringLiteral("genetics"),
            QStringLiteral("pathology")};
}

QStringList allCategories() {
    return portalCategories() + withheldCategories();
}

QStringList defaultLimitedSet() {
    return {QStringLiteral("appointments"),
            QStringLiteral("immunizations"),
            QStringLiteral("allergies"),
            QStringLiteral("medications"),
            QStringLiteral("prescription_renewals"),
            QStringLiteral("return_to_school_notes"),
            QStringLiteral("messages")};
}

bool isPortalCategory(const QString& code) {
    return portalCategories().contains(code);
}

bool isWithheldCategory(const QString& code) {
    return withheldCategories().contains(code);
}

QString categoryDisplayName(const QString& code) {
    if (code == QLatin1String("messages"))
        return QCoreApplication::translate("Visibility", "Messages with the care team");
    if (code == QLatin1String("virtual_visits"))
        return QCoreApplication::translate("Visibility", "Virtual visits");
    if (code == QLatin1String("lab_results"))
        return QCoreApplication::translate("Visibility", "Lab results");
    if (code == QLatin1String("imaging_reports"))
        return QCoreApplication::translate("Visibility", "Imaging reports");
    if (code == QLatin1String("prescription_renewals"))
        return QCoreApplication::translate("Visibility", "Prescription renewal requests");
    if (code == QLatin1String("appointments"))
        return QCoreApplication::translate("Visibility", "Appointments and scheduling");
    if (code == QLatin1String("clinical_documents"))
        return QCoreApplication::translate("Visibility", "Clinical documents and post-visit information");
    if (code == QLatin1String("return_to_school_notes"))
        return QCoreApplication::translate("Visibility", "Return-to-school notes");
    if (code == QLatin1String("allergies"))
        return QCoreApplication::translate("Visibility", "Allergies");
    if (code == QLatin1String("immunizations"))
        return QCoreApplication::translate("Visibility", "Immunizations");
    if (code == QLatin1String("medications"))
        return QCoreApplication::translate("Visibility", "Medications");
    if (code == QLatin1String("sti_results"))
        return QCoreApplication::translate("Visibility", "Sexually transmitted infection results");
    if (code == QLatin1String("hepatitis_results"))
        return QCoreApplication::translate("Visibility", "Hepatitis results");
    if (code == QLatin1String("hiv_results"))
        return QCoreApplication::translate("Visibility", "HIV results");
    if (code == QLatin1String("pregnancy_birth_control"))
        return QCoreApplication::translate("Visibility", "Pregnancy and birth control");
    if (code == QLatin1String("substance_treatment"))
        return QCoreApplication::translate("Visibility", "Alcohol and drug treatment");
    if (code == QLatin1String("genetics"))
        return QCoreApplication::translate("Visibility", "Genetic test results");
    if (code == QLatin1String("pathology"))
        return QCoreApplication::translate("Visibility", "Pathology reports");
    return code;
}

Result<QStringList> parseLimitedSet(const QString& text) {
    QStringList set;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QString code = part.trimmed().toLower();
        if (code.isEmpty())
            continue;
        if (isWithheldCategory(code))
            return Error::validation(
                QStringLiteral("visibility.withheld_category"),
                QCoreApplication::translate(
                    "Visibility",
                    "\"%1\" is withheld from the portal for everyone and can't be in the limited set")
                    .arg(code));
        if (!isPortalCategory(code))
            return Error::validation(
                QStringLiteral("visibility.unknown_category"),
                QCoreApplication::translate("Visibility", "\"%1\" is not a portal category (use %2)")
                    .arg(code.left(40), portalCategories().join(QStringLiteral(", "))));
        if (!set.contains(code))
            set.append(code);
    }
    if (set.isEmpty())
        return Error::validation(
            QStringLiteral("visibility.empty_limited_set"),
            QCoreApplication::translate("Visibility",
                                        "name at least one category; a limited access that shows nothing "
                                        "can't be told apart from no access"));
    return set;
}

QString ruleName(Rule rule) {
    switch (rule) {
    case Rule::WithheldCategory:
        return QStringLiteral("withheld_category");
    case Rule::LoginNotActive:
        return QStringLiteral("login_not_active");
    case Rule::OwnLoginUnder12:
        return QStringLiteral("own_login_under_12");
    case Rule::OwnRecord:
        return QStringLiteral("own_record");
    case Rule::NoGrant:
        return QStringLiteral("no_grant");
    case Rule::GrantEnded:
        return QStringLiteral("grant_ended");
    case Rule::AgeRulePending:
        return QStringLiteral("age_rule_pending");
    case Rule::FullAccess:
        return QStringLiteral("full_access");
    case Rule::LimitedSet:
        return QStringLiteral("limited_set");
    }
    return QStringLiteral("no_grant");
}

QString grantStateName(GrantState state) {
    switch (state) {
    case GrantState::Open:
        return QStringLiteral("open");
    case GrantState::Ended:
        return QStringLiteral("ended");
    case GrantState::EndedByAgeRule:
        return QStringLiteral("age_rule_pending");
    }
    return QStringLiteral("open");
}

std::optional<AgeRules::Transition> endingTransition(const Grant& g, QDate birthDate, const QTimeZone& zone,
                                                     LeapDayRule rule) {
    if (!birthDate.isValid())
        return std::nullopt;
    std::optional<AgeRules::Transition> t;
    if (g.bracket == QLatin1String("child"))
        t = AgeRules::Transition{AgeRules::AdolescentAge,
                                 AgeRules::nthBirthday(birthDate, AgeRules::AdolescentAge, rule)};
    else if (g.bracket == QLatin1String("adolescent") && g.relationship != QLatin1String("self") &&
             g.basis != QLatin1String("guardianship"))
        t = AgeRules::Transition{AgeRules::AdultAge,
                                 AgeRules::nthBirthday(birthDate, AgeRules::AdultAge, rule)};
    // A grant that began on or after the birthday was given under the new bracket's rules.
    if (t && g.startedAt.isValid() && t->date <= localDateOf(g.startedAt, zone))
        return std::nullopt;
    return t;
}

Explanation explain(const Facts& f) {
    Explanation e;
    const bool born = f.patient.birthDate.isValid();
    const int age = born ? AgeRules::ageOn(f.patient.birthDate, f.today, f.leapDayRule) : -1;
    e.bracket = born || !f.bracketToday ? AgeRules::bracketForAge(age) : *f.bracketToday;
    e.age = f.hideBirthdays ? -1 : age;
    const bool bracketKnown = age >= 0 || (!born && f.bracketToday);
    e.ownLogin = f.login.kind == QLatin1String("patient") && f.login.patientId != 0 &&
                 f.login.patientId == f.patient.id;

    QList<GrantView> views;
    for (const Grant& g : f.grants) {
        GrantView v = viewOf(g, f);
        if (f.hideBirthdays &&
            (v.endReason == QLatin1String("age_12") || v.endReason == QLatin1String("age_18")))
            v.endedOn = QDate();
        views.append(v);
    }
    const int best = decidingIndex(views);
    if (best >= 0) {
        e.grants.append(views.at(best));
        for (int i = 0; i < views.size(); ++i) {
            if (i != best)
                e.grants.append(views.at(i));
        }
        e.hasDecidingGrant = true;
    }
    const GrantView* deciding = e.hasDecidingGrant ? &e.grants.first() : nullptr;

    // The rule for the portal categories; the reason is per category only for the access levels.
    QString commonReason;
    if (e.ownLogin && bracketKnown && e.bracket == Bracket::Child) {
        e.rule = Rule::OwnLoginUnder12;
        commonReason =
            e.age >= 0
                ? QCoreApplication::translate("Visibility", "The patient is %1 years old; a patient under "
                                                            "12 has no login of their own, only their "
                                                            "proxies' logins show the record.")
                      .arg(e.age)
                : QCoreApplication::translate("Visibility",
                                              "The patient is under 12; a patient under 12 has no login "
                                              "of their own, only their proxies' logins show the record.");
    } else if (!deciding && !e.ownLogin) {
        e.rule = Rule::NoGrant;
        commonReason =
            QCoreApplication::translate("Visibility", "This login holds no access grant to this patient.");
    } else if (deciding && deciding->state == GrantState::Ended) {
        e.rule = Rule::GrantEnded;
        commonReason = endedReason(*deciding);
    } else if (deciding && deciding->state == GrantState::EndedByAgeRule) {
        e.rule = Rule::AgeRulePending;
        commonReason = endedReason(*deciding);
    } else if (f.login.status != QLatin1String("active")) {
        e.rule = Rule::LoginNotActive;
        commonReason = loginNotActiveReason(f.login, f.zone);
    } else if (e.ownLogin) {
        e.rule = Rule::OwnRecord;
    } else if (deciding->grant.level == QLatin1String("full")) {
        e.rule = Rule::FullAccess;
    } else {
        e.rule = Rule::LimitedSet;
    }

    for (const QString& code : allCategories()) {
        CategoryRow row;
        row.category = code;
        row.displayName = categoryDisplayName(code);
        row.withheld = isWithheldCategory(code);
        if (row.withheld) {
            row.rule = Rule::WithheldCategory;
            row.reason = QCoreApplication::translate(
                             "Visibility",
                             "The portal never shows %1, to anyone: the hospital withholds this sensitive "
                             "category.")
                             .arg(categoryInText(code));
        } else {
            row.rule = e.rule;
            switch (e.rule) {
            case Rule::OwnRecord:
                row.visible = true;
                row.reason = QCoreApplication::translate("Visibility",
                                                         "The patient's own login shows %1, like everything "
                                                         "on the portal but the withheld categories.")
                                 .arg(categoryInText(code));
                break;
            case Rule::FullAccess:
                row.visible = true;
                row.reason = fullAccessReason(deciding->grant, e.bracket, code);
                break;
            case Rule::LimitedSet:
                row.visible = f.limitedSet.contains(code);
                row.reason = limitedSetReason(e.bracket, code, row.visible);
                break;
            default:
                row.reason = commonReason;
                break;
            }
        }
        e.visibleCount += row.visible ? 1 : 0;
        e.rows.append(row);
    }

    const int portal = int(portalCategories().size());
    const int withheld = int(withheldCategories().size());
    switch (e.rule) {
    case Rule::OwnRecord:
        e.summary = QCoreApplication::translate("Visibility",
                                                "The patient's own login: sees all %1 portal categories; the "
                                                "%2 withheld sensitive categories are never shown.")
                        .arg(portal)
                        .arg(withheld);
        break;
    case Rule::FullAccess:
        e.summary = QCoreApplication::translate("Visibility",
                                                "Full access: sees all %1 portal categories; the %2 withheld "
                                                "sensitive categories are never shown.")
                        .arg(portal)
                        .arg(withheld);
        break;
    case Rule::LimitedSet:
        e.summary = QCoreApplication::translate("Visibility",
                                                "Limited access: sees %1 of the %2 portal categories (the "
                                                "hospital's limited set); the %3 withheld sensitive "
                                                "categories are never shown.")
                        .arg(e.visibleCount)
                        .arg(portal)
                        .arg(withheld);
        break;
    default:
        e.summary =
            QCoreApplication::translate("Visibility", "Sees nothing of this patient. %1").arg(commonReason);
        break;
    }
    return e;
}

} // namespace pd::Visibility

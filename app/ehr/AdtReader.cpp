#include "ehr/AdtReader.h"

#include "core/Validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pd::hl7 {

namespace {

struct Refusal {
    Error error;
    AckDetail detail;
};

Refusal refusal(const char* rule, const QString& code, const QString& location, const QString& text) {
    return {Error::validation(QString::fromLatin1(rule), text), {text, code, location}};
}

// The hospital's MRN among the identifiers of PID-3 or MRG-1: of type MR (and the configured assigning
// authority). A sender that types none may send one identifier alone.
QString pickMrn(const Field& ids, const QString& authority) {
    QString untyped;
    int untypedCount = 0;
    for (qsizetype i = 0; i < ids.repetitionCount(); ++i) {
        const Field id = ids.repetition(i);
        const QString value = id.component(1).trimmed();
        if (value.isEmpty())
            continue;
        const QString type = id.component(5).trimmed().toUpper();
        const QString assigner = id.component(4).trimmed();
        if (type == QLatin1String("MR") &&
            (authority.isEmpty() || assigner.compare(authority, Qt::CaseInsensitive) == 0))
            return value;
        if (type.isEmpty()) {
            untyped = value;
            ++untypedCount;
        }
    }
    return untypedCount == 1 && ids.repetitionCount() == 1 ? untyped : QString();
}

std::optional<QString> sexCode(const QString& code) {
    static const QHash<QString, QString> codes = {
        {QStringLiteral("F"), QStringLiteral("female")},  {QStringLiteral("M"), QStringLiteral("male")},
        {QStringLiteral("O"), QStringLiteral("other")},   {QStringLiteral("A"), QStringLiteral("other")},
        {QStringLiteral("X"), QStringLiteral("other")},   {QStringLiteral("U"), QStringLiteral("unknown")},
        {QStringLiteral("N"), QStringLiteral("unknown")},
    };
    const auto it = codes.constFind(code.trimmed().toUpper());
    if (it == codes.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<Refusal> readPid(const Segment& pid, const AdtSettings& settings, FeedPatient& out) {
    out.mrn = pickMrn(pid.field(3), settings.mrnAuthority);
    if (out.mrn.isEmpty())
        return refusal(
            "feed.no_mrn", QStringLiteral("101"), QStringLiteral("PID^1^3"),
            settings.mrnAuthority.isEmpty()
                ? QCoreApplication::translate("Feed",
                                              "PID-3 holds no identifier of type MR, the hospital's MRN.")
                : QCoreApplication::translate("Feed", "PID-3 holds no identifier of type MR assigned by %1.")
                      .arg(settings.mrnAuthority));
    if (auto mrn = Validation::mrn(out.mrn); !mrn)
        return refusal("feed.bad_mrn", QStringLiteral("102"), QStringLiteral("PID^1^3"),
                       QCoreApplication::translate("Feed", "PID-3: %1").arg(mrn.error().message));

    // PID-5: the legal name (type L) among the names, or the first.
    const Field names = pid.field(5);
    if (names.isNull())
        return refusal("feed.name_cleared", QStringLiteral("102"), QStringLiteral("PID^1^5"),
                       QCoreApplication::translate("Feed", "PID-5 can't clear the patient's name."));
    if (!names.isEmpty()) {
        Field legal = names.repetition(0);
        for (qsizetype i = 0; i < names.repetitionCount(); ++i) {
            if (names.repetition(i).component(7).trimmed().toUpper() == QLatin1String("L")) {
                legal = names.repetition(i);
                break;
            }
        }
        const QString family = legal.component(1).trimmed();
        const QString given = legal.component(2).trimmed();
        if (family.isEmpty() || given.isEmpty())
            return refusal("feed.name_incomplete", QStringLiteral("101"), QStringLiteral("PID^1^5"),
                           QCoreApplication::translate(
                               "Feed", "PID-5 must give both the family name and the given name."));
        for (const auto& [value, what] :
             {std::pair{family, QCoreApplication::translate("Feed", "Family name")},
              std::pair{given, QCoreApplication::translate("Feed", "Given name")}}) {
            if (auto ok = Validation::name(value, what); !ok)
                return refusal("feed.bad_name", QStringLiteral("102"), QStringLiteral("PID^1^5"),
                               QCoreApplication::translate("Feed", "PID-5: %1").arg(ok.error().message));
        }
        out.familyName = family;
        out.givenName = given;
    }

    const Field birth = pid.field(7);
    if (birth.isNull())
        return refusal("feed.birth_cleared", QStringLiteral("102"), QStringLiteral("PID^1^7"),
                       QCoreApplication::translate("Feed", "PID-7 can't clear the patient's birth date."));
    if (!birth.isEmpty()) {
        const QDate d = date(birth.text());
        if (!d.isValid())
            return refusal("feed.bad_birth_date", QStringLiteral("102"), QStringLiteral("PID^1^7"),
                           QCoreApplication::translate("Feed", "PID-7 \"%1\" is not a birth date (YYYYMMDD).")
                               .arg(birth.text().left(30)));
        out.birthDate = d.toString(Qt::ISODate);
    }

    const Field sex = pid.field(8);
    if (sex.isNull()) {
        out.sex = QStringLiteral("unknown");
    } else if (!sex.isEmpty()) {
        out.sex = sexCode(sex.text());
        if (!out.sex)
            return refusal(
                "feed.bad_sex", QStringLiteral("103"), QStringLiteral("PID^1^8"),
                QCoreApplication::translate(
                    "Feed", "PID-8 \"%1\" is not a sex code PortalDesk knows (F, M, O, U, A, N, X).")
                    .arg(sex.text().left(10)));
    }

    // PID-13: the whole list of home contacts; sent, it replaces both the e-mail address and the phone.
    const Field contacts = pid.field(13);
    if (contacts.isNull()) {
        out.email = QString();
        out.phone = QString();
    } else if (!contacts.isEmpty()) {
        QString email, phone;
        for (qsizetype i = 0; i < contacts.repetitionCount(); ++i) {
            const Field c = contacts.repetition(i);
            const QString use = c.component(2).trimmed().toUpper();
            const QString equipment = c.component(3).trimmed().toUpper();
            if (use == QLatin1String("NET") || equipment == QLatin1String("INTERNET") ||
                equipment == QLatin1String("X.400")) {
                if (email.isEmpty())
                    email = c.component(4).trimmed().isEmpty() ? c.component(1).trimmed()
                                                               : c.component(4).trimmed();
            } else if (phone.isEmpty() && (equipment.isEmpty() || equipment == QLatin1String("PH") ||
                                           equipment == QLatin1String("CP"))) {
                phone = c.component(1).trimmed();
                if (phone.isEmpty() && !c.component(7).trimmed().isEmpty())
                    phone = QString(c.component(6).trimmed() + QLatin1Char(' ') + c.component(7).trimmed())
                                .trimmed();
            }
        }
        if (!email.isEmpty()) {
            auto ok = Validation::email(email);
            if (!ok)
                return refusal("feed.bad_email", QStringLiteral("102"), QStringLiteral("PID^1^13"),
                               QCoreApplication::translate("Feed", "PID-13: %1").arg(ok.error().message));
        }
        if (!phone.isEmpty()) {
            auto ok = Validation::phone(phone);
            if (!ok)
                return refusal("feed.bad_phone", QStringLiteral("102"), QStringLiteral("PID^1^13"),
                               QCoreApplication::translate("Feed", "PID-13: %1").arg(ok.error().message));
        }
        out.email = email;
        out.phone = phone;
    }

    const Field language = pid.field(15);
    if (language.isNull()) {
        out.language = QStringLiteral("en");
    } else if (!language.isEmpty()) {
        QString code = languageCode(language.component(1));
        if (code.isEmpty())
            code = languageCode(language.component(2));
        if (code.isEmpty())
            return refusal(
                "feed.bad_language", QStringLiteral("103"), QStringLiteral("PID^1^15"),
                QCoreApplication::translate(
                    "Feed", "PID-15 \"%1\" is not a language PortalDesk knows (ISO 639, such as es or spa).")
                    .arg(language.raw().left(40)));
        out.language = code;
    }

    // PID-29 the time of death, PID-30 whether the patient died; "" in PID-30 says the patient is alive.
    const Field diedAt = pid.field(29);
    const Field died = pid.field(30);
    if (!diedAt.isEmpty() && !diedAt.isNull()) {
        out.deceasedAt = dateTime(diedAt.text(), settings.zone);
        if (!out.deceasedAt.isValid())
            return refusal("feed.bad_death_time", QStringLiteral("102"), QStringLiteral("PID^1^29"),
                           QCoreApplication::translate("Feed", "PID-29 \"%1\" is not a date and time.")
                               .arg(diedAt.text().left(30)));
    }
    const QString indicator = died.text().trimmed().toUpper();
    if (died.isNull() || indicator == QLatin1String("N"))
        out.deceased = false;
    else if (indicator == QLatin1String("Y"))
        out.deceased = true;
    else if (!indicator.isEmpty())
        return refusal("feed.bad_death_indicator", QStringLiteral("103"), QStringLiteral("PID^1^30"),
                       QCoreApplication::translate("Feed", "PID-30 must be Y or N, not \"%1\".")
                           .arg(indicator.left(10)));
    else if (out.deceasedAt.isValid())
        out.deceased = true;
    if (out.deceased == true && diedAt.isNull())
        out.deceasedAt = QDateTime();
    return std::nullopt;
}

} // namespace

QString languageCode(const QString& value) {
    static const QHash<QString, QString> codes = {
        {QStringLiteral("eng"), QStringLiteral("en")},
        {QStringLiteral("spa"), QStringLiteral("es")},
        {QStringLiteral("vie"), QStringLiteral("vi")},
        {QStringLiteral("kor"), QStringLiteral("ko")},
        {QStringLiteral("zho"), QStringLiteral("zh")},
        {QStringLiteral("chi"), QStringLiteral("zh")},
        {QStringLiteral("hye"), QStringLiteral("hy")},
        {QStringLiteral("arm"), QStringLiteral("hy")},
        {QStringLiteral("rus"), QStringLiteral("ru")},
        {QStringLiteral("tgl"), QStringLiteral("tl")},
        {QStringLiteral("fas"), QStringLiteral("fa")},
        {QStringLiteral("per"), QStringLiteral("fa")},
        {QStringLiteral("ara"), QStringLiteral("ar")},
        {QStringLiteral("jpn"), QStringLiteral("ja")},
        {QStringLiteral("fra"), QStringLiteral("fr")},
        {QStringLiteral("fre"), QStringLiteral("fr")},
        {QStringLiteral("por"), QStringLiteral("pt")},
        {QStringLiteral("deu"), QStringLiteral("de")},
        {QStringLiteral("ger"), QStringLiteral("de")},
        {QStringLiteral("hin"), QStringLiteral("hi")},
        {QStringLiteral("pan"), QStringLiteral("pa")},
        {QStringLiteral("khm"), QStringLiteral("km")},
        {QStringLiteral("tha"), QStringLiteral("th")},
        {QStringLiteral("ita"), QStringLiteral("it")},
        {QStringLiteral("pol"), QStringLiteral("pl")},
        {QStringLiteral("ukr"), QStringLiteral("uk")},
        {QStringLiteral("heb"), QStringLiteral("he")},
        {QStringLiteral("urd"), QStringLiteral("ur")},
        {QStringLiteral("ben"), QStringLiteral("bn")},
        {QStringLiteral("guj"), QStringLiteral("gu")},
        {QStringLiteral("lao"), QStringLiteral("lo")},
        {QStringLiteral("som"), QStringLiteral("so")},
        {QStringLiteral("amh"), QStringLiteral("am")},
        {QStringLiteral("tir"), QStringLiteral("ti")},
        {QStringLiteral("swa"), QStringLiteral("sw")},
        {QStringLiteral("tam"), QStringLiteral("ta")},
        {QStringLiteral("tel"), QStringLiteral("te")},
        {QStringLiteral("mya"), QStringLiteral("my")},
        {QStringLiteral("bur"), QStringLiteral("my")},
        {QStringLiteral("nep"), QStringLiteral("ne")},
        {QStringLiteral("english"), QStringLiteral("en")},
        {QStringLiteral("spanish"), QStringLiteral("es")},
        {QStringLiteral("español"), QStringLiteral("es")},
        {QStringLiteral("espanol"), QStringLiteral("es")},
        {QStringLiteral("inglés"), QStringLiteral("en")},
        {QStringLiteral("vietnamese"), QStringLiteral("vi")},
        {QStringLiteral("korean"), QStringLiteral("ko")},
        {QStringLiteral("armenian"), QStringLiteral("hy")},
        {QStringLiteral("chinese"), QStringLiteral("zh")},
        {QStringLiteral("mandarin"), QStringLiteral("zh")},
        {QStringLiteral("cantonese"), QStringLiteral("yue")},
        {QStringLiteral("russian"), QStringLiteral("ru")},
        {QStringLiteral("tagalog"), QStringLiteral("tl")},
        {QStringLiteral("farsi"), QStringLiteral("fa")},
        {QStringLiteral("persian"), QStringLiteral("fa")},
        {QStringLiteral("arabic"), QStringLiteral("ar")},
        {QStringLiteral("japanese"), QStringLiteral("ja")},
    };
    const QString v = value.trimmed().toLower();
    if (const auto it = codes.constFind(v); it != codes.constEnd())
        return *it;
    static const QRegularExpression code(QStringLiteral("^[a-z]{2,3}(-[a-z0-9]{2,4})?$"));
    return code.match(v).hasMatch() ? v : QString();
}

AdtReading readAdt(const Message& m, const AdtSettings& settings) {
    AdtReading out;
    const auto refuse = [&](const Refusal& r) {
        out.error = r.error;
        out.detail = r.detail;
        return out;
    };
    const Segment msh = m.segment(QStringLiteral("MSH"));
    out.record.source =
        QString(msh.field(3).text().trimmed() + QLatin1Char('^') + msh.field(4).text().trimmed()).left(400);
    out.record.controlId = m.controlId().left(199);
    out.record.trigger = QString(m.messageType() + QLatin1Char('^') + m.triggerEvent()).left(40);

    if (m.messageType() != QLatin1String("ADT"))
        return refuse(refusal("feed.not_adt", QStringLiteral("200"), QStringLiteral("MSH^1^9"),
                              QCoreApplication::translate("Feed", "PortalDesk takes ADT messages, not %1.")
                                  .arg(m.messageType().left(10))));
    static const QRegularExpression versions(QStringLiteral("^2\\.[345678](\\.[0-9]+)?$"));
    if (!versions.match(m.version()).hasMatch())
        return refuse(refusal("feed.version", QStringLiteral("203"), QStringLiteral("MSH^1^12"),
                              QCoreApplication::translate(
                                  "Feed", "HL7 version \"%1\" is not one PortalDesk reads (2.3 to 2.8).")
                                  .arg(m.version().left(10))));
    const QString trigger = m.triggerEvent();
    static const QStringList registers = {QStringLiteral("A01"), QStringLiteral("A04"), QStringLiteral("A05"),
                                          QStringLiteral("A28")};
    static const QStringList updates = {QStringLiteral("A08"), QStringLiteral("A31")};
    if (trigger.isEmpty())
        return refuse(
            refusal("feed.no_trigger", QStringLiteral("101"), QStringLiteral("MSH^1^9"),
                    QCoreApplication::translate("Feed", "MSH-9 gives no trigger event (such as A08).")));
    if (registers.contains(trigger))
        out.record.action = FeedAction::Register;
    else if (updates.contains(trigger))
        out.record.action = FeedAction::Update;
    else if (trigger == QLatin1String("A40"))
        out.record.action = FeedAction::Merge;
    else {
        out.ignored = true;
        return out;
    }

    const Field recorded = m.segment(QStringLiteral("EVN")).field(2);
    const Field sent = msh.field(7);
    if (!recorded.isEmpty() && !recorded.isNull()) {
        out.record.eventAt = dateTime(recorded.text(), settings.zone);
        if (!out.record.eventAt.isValid())
            return refuse(refusal("feed.bad_event_time", QStringLiteral("102"), QStringLiteral("EVN^1^2"),
                                  QCoreApplication::translate("Feed", "EVN-2 \"%1\" is not a date and time.")
                                      .arg(recorded.text().left(30))));
    } else if (!sent.isEmpty()) {
        out.record.eventAt = dateTime(sent.text(), settings.zone);
        if (!out.record.eventAt.isValid())
            return refuse(refusal("feed.bad_message_time", QStringLiteral("102"), QStringLiteral("MSH^1^7"),
                                  QCoreApplication::translate("Feed", "MSH-7 \"%1\" is not a date and time.")
                                      .arg(sent.text().left(30))));
    }

    if (!m.has(QStringLiteral("PID")))
        return refuse(refusal("feed.no_pid", QStringLiteral("100"), QStringLiteral("PID"),
                              QCoreApplication::translate("Feed", "The message has no PID segment.")));
    if (auto problem = readPid(m.segment(QStringLiteral("PID")), settings, out.record.patient))
        return refuse(*problem);

    if (out.record.action == FeedAction::Merge) {
        if (!m.has(QStringLiteral("MRG")))
            return refuse(
                refusal("feed.no_mrg", QStringLiteral("100"), QStringLiteral("MRG"),
                        QCoreApplication::translate(
                            "Feed", "A merge (A40) needs an MRG segment naming the prior record.")));
        out.record.priorMrn = pickMrn(m.segment(QStringLiteral("MRG")).field(1), settings.mrnAuthority);
        if (out.record.priorMrn.isEmpty())
            return refuse(refusal("feed.no_prior_mrn", QStringLiteral("101"), QStringLiteral("MRG^1^1"),
                                  QCoreApplication::translate(
                                      "Feed", "MRG-1 holds no identifier of type MR for the prior record.")));
        if (auto mrn = Validation::mrn(out.record.priorMrn); !mrn)
            return refuse(refusal("feed.bad_mrn", QStringLiteral("102"), QStringLiteral("MRG^1^1"),
                                  QCoreApplication::translate("Feed", "MRG-1: %1").arg(mrn.error().message)));
        if (out.record.priorMrn == out.record.patient.mrn)
            return refuse(refusal(
                "feed.merge_self", QStringLiteral("102"), QStringLiteral("MRG^1^1"),
                QCoreApplication::translate(
                    "Feed", "MRG-1 names the same MRN as PID-3; a record can't be merged into itself.")));
    }
    return out;
}

} // namespace pd::hl7

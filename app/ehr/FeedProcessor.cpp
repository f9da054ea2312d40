#include "ehr/FeedProcessor.h"
#include "core/Log.h"

#include <QElapsedTimer>

#include "core/Secrets.h"

#include <QCoreApplication>

namespace pd::hl7 {

namespace {

// Where in the message a service's refusal points, for ERR-2.
QString locationOf(const QString& rule) {
    if (rule.startsWith(QLatin1String("patient.birth")))
        return QStringLiteral("PID^1^7");
    if (rule == QLatin1String("input.email") || rule == QLatin1String("input.phone"))
        return QStringLiteral("PID^1^13");
    if (rule == QLatin1String("input.name"))
        return QStringLiteral("PID^1^5");
    if (rule == QLatin1String("input.language"))
        return QStringLiteral("PID^1^15");
    if (rule == QLatin1String("input.mrn") || rule.startsWith(QLatin1String("feed.merged")))
        return QStringLiteral("PID^1^3");
    return {};
}

} // namespace

QString describe(const FeedOutcome& o, const QString& controlId) {
    switch (o.kind) {
    case FeedOutcome::Kind::Duplicate:
        return QCoreApplication::translate("Feed", "Message %1 was applied before; not applied again.")
            .arg(controlId);
    case FeedOutcome::Kind::Stale:
        return QCoreApplication::translate("Feed", "Older than what was last applied to MRN %1; not applied.")
            .arg(o.mrn);
    case FeedOutcome::Kind::Applied:
        break;
    }
    QString text = o.created ? QCoreApplication::translate("Feed", "MRN %1 registered.").arg(o.mrn)
                   : !o.changed.isEmpty() ? QCoreApplication::translate("Feed", "MRN %1 updated: %2.")
                                                .arg(o.mrn, o.changed.join(QStringLiteral(", ")))
                   : o.died ? QCoreApplication::translate("Feed", "MRN %1:").arg(o.mrn)
                            : QCoreApplication::translate("Feed", "MRN %1: nothing differed.").arg(o.mrn);
    if (o.merged)
        text += QLatin1Char(' ') + QCoreApplication::translate(
                                       "Feed", "MRN %1 merged into it: %n row(s) moved.", nullptr, o.moved)
                                       .arg(o.priorMrn);
    else if (o.held)
        text += QLatin1Char(' ') + QCoreApplication::translate("Feed",
                                                               "The merge of MRN %1 is held for HIM review "
                                                               "(merge %2): %3")
                                       .arg(o.priorMrn)
                                       .arg(o.mergeId)
                                       .arg(o.conflicts.join(QLatin1Char(' ')));
    if (o.died)
        text += QLatin1Char(' ') + QCoreApplication::translate(
                                       "Feed", "Recorded as deceased: %n grant(s) ended, no e-mail sent.",
                                       nullptr, o.grantsEnded);
    else if (o.grantsEnded > 0)
        text += QLatin1Char(' ') + QCoreApplication::translate("Feed", "%n grant(s) ended by the age rules.",
                                                               nullptr, o.grantsEnded);
    if (o.needsReview)
        text += QLatin1Char(' ') + QCoreApplication::translate("Feed", "Listed for HIM review.");
    return text;
}

FeedProcessor::FeedProcessor(const ServiceContext& ctx)
    : m_ctx(ctx) {}

Result<AdtSettings> FeedProcessor::settings() {
    // The settings are read again every minute, so a changed authority or zone takes effect.
    if (m_settings && m_settingsAge.isValid() && m_settingsAge.elapsed() < 60000)
        return *m_settings;
    auto policy = m_ctx.policy();
    if (!policy)
        return policy.error();
    m_settings = AdtSettings{policy->feedMrnAuthority, policy->zone};
    m_settingsAge.start();
    return *m_settings;
}

QString FeedProcessor::nextAckId() {
    return QStringLiteral("PD%1%2")
        .arg(m_ctx.now().toString(QStringLiteral("yyyyMMddHHmmsszzz")))
        .arg(++m_acks, 6, 10, QLatin1Char('0'));
}

Processed FeedProcessor::process(const QByteArray& bytes) {
    QElapsedTimer took;
    took.start();
    Processed out = apply(bytes);
    // The message's type, a fingerprint of its control id (some EHRs build that id from the MRN) and the
    // answer: never its MRN or what it says of the patient.
    qCDebug(lcFeed, "%s #%s: %s%s%s in %lld ms",
            qPrintable(out.trigger.isEmpty() ? QStringLiteral("?") : out.trigger),
            qPrintable(Secrets::sha256Hex(out.controlId.toUtf8()).left(12)),
            out.code == AckCode::Accept  ? "AA"
            : out.code == AckCode::Error ? "AE"
                                         : "AR",
            out.rule.isEmpty() ? "" : " ", qPrintable(out.rule), took.elapsed());
    return out;
}

Processed FeedProcessor::apply(const QByteArray& bytes) {
    Processed out;
    const QDateTime now = m_ctx.now();
    PatientFeedService feed(m_ctx);
    auto message = Message::parse(bytes);
    if (!message) {
        out.code = AckCode::Error;
        out.text = message.error().message;
        out.rule = message.error().rule;
        out.ack = acknowledgeUnreadable(bytes, {out.text, QStringLiteral("102"), {}}, now, nextAckId());
        // Kept under what can be read of it, or its fingerprint.
        FeedRecord unreadable;
        unreadable.source = QStringLiteral("unreadable");
        unreadable.controlId = QStringLiteral("sha256:") + Secrets::sha256Hex(bytes).left(32);
        unreadable.trigger = QStringLiteral("?");
        (void)feed.hold(unreadable, bytes.left(MaxMessageBytes), message.error());
        return out;
    }
    out.controlId = message->controlId();
    out.trigger = message->messageType() + QLatin1Char('^') + message->triggerEvent();

    auto adtSettings = settings();
    if (!adtSettings) {
        out.code = AckCode::Reject;
        out.text = adtSettings.error().message;
        out.rule = adtSettings.error().rule;
        out.ack = acknowledge(*message, out.code, {out.text, QStringLiteral("207"), {}}, now, nextAckId());
        return out;
    }
    const AdtReading reading = readAdt(*message, adtSettings.value());
    out.mrn = reading.record.patient.mrn;
    if (reading.error) {
        out.code = AckCode::Error;
        out.text = reading.error->message;
        out.rule = reading.error->rule;
        out.ack = acknowledge(*message, out.code, reading.detail, now, nextAckId());
        (void)feed.hold(reading.record, bytes, *reading.error);
        return out;
    }
    if (reading.ignored) {
        out.ignored = true;
        out.text =
            QCoreApplication::translate("Feed", "%1 is not used by PortalDesk; acknowledged and ignored.")
                .arg(out.trigger);
        out.ack = acknowledge(*message, AckCode::Accept, {}, now, nextAckId());
        return out;
    }
    auto applied = feed.apply(reading.record);
    if (applied) {
        out.outcome = applied.value();
        out.text = describe(applied.value(), out.controlId);
        out.ack = acknowledge(*message, AckCode::Accept, {}, now, nextAckId());
        return out;
    }
    const Error& e = applied.error();
    out.text = e.message;
    out.rule = e.rule;
    switch (e.kind) {
    case ErrorKind::Validation:
    case ErrorKind::Conflict:
    case ErrorKind::NotFound:
        out.code = AckCode::Error;
        out.ack = acknowledge(*message, out.code,
                              {e.message,
                               e.kind == ErrorKind::Conflict ? QStringLiteral("205") : QStringLiteral("102"),
                               locationOf(e.rule)},
                              now, nextAckId());
        (void)feed.hold(reading.record, bytes, e);
        break;
    case ErrorKind::NotPermitted:
    case ErrorKind::Unavailable:
    case ErrorKind::Internal:
        // Nothing was written: the engine keeps the message and sends it again.
        out.code = AckCode::Reject;
        out.ack = acknowledge(*message, out.code, {e.message, QStringLiteral("207"), {}}, now, nextAckId());
        break;
    }
    return out;
}

} // namespace pd::hl7

// One HL7 message from bytes to ACK: read it, apply it through the feed service, answer AA, AE or AR.
// The MLLP listener, `import hl7` and the Feed desk's retry all go through here.
#pragma once

#include "ehr/AdtReader.h"
#include "services/PatientFeedService.h"

#include <QElapsedTimer>

namespace pd::hl7 {

struct Processed {
    AckCode code = AckCode::Accept;
    QByteArray ack;
    QString controlId;
    QString trigger;
    QString mrn;
    QString text; // what happened, in words (the ACK's MSA-3 when not accepted)
    QString rule; // the rule that refused, when not accepted
    bool ignored = false;
    std::optional<FeedOutcome> outcome;
};

// What an applied record did, in words ("MRN 100200 updated: family_name."); `key` names the message.
QString describe(const FeedOutcome& outcome, const QString& key);

class FeedProcessor final {
public:
    explicit FeedProcessor(const ServiceContext& ctx);

    // Applies one message (one transaction) and builds its acknowledgement. A message refused for its
    // content (AE) waits on the Feed desk; a system error (AR) writes nothing, so the sender retries.
    Processed process(const QByteArray& bytes);

private:
    Processed apply(const QByteArray& bytes);
    Result<AdtSettings> settings();
    QString nextAckId();

    const ServiceContext& m_ctx;
    std::optional<AdtSettings> m_settings;
    QElapsedTimer m_settingsAge;
    quint64 m_acks = 0;
};

} // namespace pd::hl7

// "Why can't I see X?": what one portal login can see of one patient's record, category by category,
// and the rule behind each answer (SPEC §9). The rules are in core/Visibility.h; this reads the facts.
#pragma once

#include "core/Visibility.h"
#include "services/ServiceContext.h"

namespace pd {

struct VisibilityAnswer {
    PortalUser login;       // the e-mail masked for support agents
    Patient patient;        // contact details and birth date masked for support agents
    QDate today;            // the hospital's calendar date the answer holds for
    QStringList limitedSet; // the hospital's limited set (setting portal.limited_categories)
    // Age and bracket today, the login's grants to this patient (the deciding one first), one row per
    // category (Visibility::allCategories() order) and the summary line.
    Visibility::Explanation explanation;
    bool masked = false; // support agent: contact details and birth date hidden
    // The restrictions in force on the patient's record, shown above everything else; and the one that
    // bars this login's holder, if any (0 = none).
    QList<Restriction> restrictions;
    qint64 barredBy = 0;
    // The day access from the patient's proxy consent ends (the login's open consent grant); null = none.
    QDate consentEndsOn;
};

class VisibilityService final {
public:
    explicit VisibilityService(const ServiceContext& ctx)
        : m_ctx(ctx) {}

    // For any staff role. `user` is a portal username or e-mail address, `mrn` the patient's MRN.
    // Today's age rules count even when the nightly run has not ended a grant yet.
    // Opening the answer is audited ("visibility.opened", on the patient and the login), as opening a
    // patient's page is. Errors:
    //   input.user, input.mrn, user.ambiguous   Validation
    //   user.not_found, patient.not_found       NotFound
    //   visibility.no_relation                  NotFound: the login is not the patient's own and never
    //                                           held access to this patient
    Result<VisibilityAnswer> explain(const QString& user, const QString& mrn);

private:
    const ServiceContext& m_ctx;
};

} // namespace pd

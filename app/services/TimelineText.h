// Audit events told as sentences a support agent can read to a family ("why did I lose access?").
#pragma once

#include "core/Records.h"

namespace pd::TimelineText {

// One translated sentence for an event; unknown actions fall back to the action's name.
QString describe(const AuditEvent& event);

} // namespace pd::TimelineText

// Who is signed in, on which database, under which policy: what every page and dialog is built with.
#pragma once

#include "core/Policy.h"
#include "models/DbRunner.h"
#include "services/ServiceContext.h"

namespace pd {

struct Session {
    DbRunner* runner = nullptr;
    StaffMember staff;
    Role role = Role::SupportAgent;
    Policy policy;
    QString databaseLabel; // what the status bar names: the file, or the server

    bool has(Role needed) const { return static_cast<int>(role) >= static_cast<int>(needed); }
    QDate today() const { return AgeRules::localDate(runner->config().clock->nowUtc(), policy.zone); }
};

} // namespace pd

// Must compile: everything above the services sees core and services headers, and nothing else.
#include "services/AdminService.h"
#include "services/DailyJob.h"
#include "services/PatientService.h"
#include "services/StartupService.h"

int main() {
    return pd::isServerLocation(QStringLiteral("postgresql://x@y/z")) ? 0 : 1;
}

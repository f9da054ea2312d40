// Must not compile: the desktop includes a mail header instead of going through a service.
#include "mail/MailTransport.h"

int main() {
    return 0;
}

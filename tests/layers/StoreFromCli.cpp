// Must not compile: a program that links the services (as portaldesk-cli does) includes a store header.
#include "store/Database.h"

int main() {
    return 0;
}

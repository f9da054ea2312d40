// Must not compile: the models include a store header instead of going through a service.
#include "store/SearchRepository.h"

int main() {
    return 0;
}

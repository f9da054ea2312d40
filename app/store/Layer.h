// Every store header includes this first: outside the services (and the tests that look inside them) a
// store header does not compile, so the layers can't be bypassed by accident.
#pragma once

#ifndef PORTALDESK_LAYER_STORE
#error "This is a store header: only the services use it. Include a services header instead."
#endif

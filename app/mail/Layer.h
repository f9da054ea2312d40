// Every mail header includes this first: outside the services (and the tests that look inside them) a
// mail header does not compile, so the layers can't be bypassed by accident.
#pragma once

#ifndef PORTALDESK_LAYER_MAIL
#error "This is a mail header: only the services use it. Include a services header instead."
#endif

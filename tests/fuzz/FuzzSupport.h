// What the libFuzzer targets share: an application object, a check that aborts, and a device that hands
// its bytes over a few at a time.
#pragma once

#include "support/ChunkedDevice.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace pd::fuzz {

// Code that translates its messages or reads time zones runs under an application, as it does in the
// programs: one, made before the first input and kept.
inline void ensureApplication() {
    static int argc = 1;
    static char name[] = "portaldesk-fuzz";
    static char* argv[] = {name, nullptr};
    static auto* app = new QCoreApplication(argc, argv);
    (void)app;
}

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
    std::fflush(stderr);
    __builtin_trap();
}

inline QByteArray bytes(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// Small reads, as from a pipe.
using test::ChunkedDevice;

} // namespace pd::fuzz

// Aborts, so that libFuzzer keeps the input, when an invariant of the code under test does not hold.
#define PD_FUZZ_CHECK(condition) ((condition) ? void(0) : ::pd::fuzz::fail(#condition, __FILE__, __LINE__))

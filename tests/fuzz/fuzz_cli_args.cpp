// Command lines for portaldesk-cli, one argument between NUL bytes (as a shell passes them, where an
// argument can hold anything but NUL): every word, option and flag is read from an argument given.
#include "FuzzSupport.h"

#include "cli/CliArgs.h"

using namespace pd;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    pd::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    QStringList arguments{QStringLiteral("portaldesk-cli")};
    for (const QByteArray& argument : pd::fuzz::bytes(data, size).split('\0'))
        arguments.append(QString::fromUtf8(argument));
    const CliArgs a = CliArgs::parse(arguments);

    const QStringList given = arguments.mid(1);
    qsizetype taken = a.words.size() + a.options.size() + a.flags.size();
    for (const QString& word : a.words) {
        PD_FUZZ_CHECK(given.contains(word));
        PD_FUZZ_CHECK(!word.startsWith(QLatin1String("--")) || word == QLatin1String("--"));
    }
    static const QSet<QString> valueless = {QStringLiteral("new-pin"), QStringLiteral("due"),
                                            QStringLiteral("late"),    QStringLiteral("all"),
                                            QStringLiteral("no-mail"), QStringLiteral("training")};
    for (const QString& flag : a.flags)
        PD_FUZZ_CHECK(valueless.contains(flag));
    for (auto it = a.options.cbegin(); it != a.options.cend(); ++it) {
        PD_FUZZ_CHECK(!it.key().isEmpty());
        PD_FUZZ_CHECK(a.has(it.key()) && a.option(it.key()) == it.value());
    }
    for (const QString* value : {&a.db, &a.now, &a.staff})
        taken += value->isNull() ? 0 : 1;
    // Each argument is at most one word, option, flag or value; an option's value may be the next one.
    PD_FUZZ_CHECK(taken <= given.size());
    if (!a.error.isEmpty())
        PD_FUZZ_CHECK(given.last().startsWith(QLatin1String("--")));
    for (int i = 0; i < 4; ++i)
        (void)a.word(i);
    return 0;
}

// Patients from the EHR at a hospital's pace: a CSV and an NDJSON import of N new patients (records per
// second, peak memory), and M ADT messages through the MLLP listener sent by python3-hl7's client.
// Usage: bench-feed [--records N] [--messages M] [--postgresql] [--only csv|fhir]   (defaults 20000 and
// 2000, on SQLite; --only imports that one file and nothing else, for a hospital's size)
#include "benchmarks/BenchReport.h"
#include "support/TestSupport.h"

#include "ehr/Importer.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <sys/resource.h>

using namespace pd;
using namespace pd::bench;

namespace {

double peakMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

void writeFile(const QString& path, int records, int offset, bool csv) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    if (csv)
        f.write("mrn,given_name,family_name,birth_date,sex,language,email,phone\n");
    for (int i = 0; i < records; ++i) {
        const QByteArray n = QByteArray::number(offset + i);
        const QByteArray birth =
            QDate(2008 + i % 18, 1 + i % 12, 1 + i % 28).toString(Qt::ISODate).toLatin1();
        if (csv)
            f.write(n + ",Sofía" + n + ",Hernández-López," + birth + ",F,es,family" + n +
                    "@example.org,323-555-" + QByteArray::number(1000 + i % 9000) + "\n");
        else
            f.write("{\"resourceType\":\"Patient\",\"id\":\"p" + n +
                    "\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":"
                    "\"MR\"}]},\"value\":\"" +
                    n + "\"}],\"name\":[{\"use\":\"official\",\"family\":\"Nguyễn\",\"given\":[\"Minh" + n +
                    "\"]}],\"gender\":\"male\",\"birthDate\":\"" + birth + "\"}\n");
    }
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    quietDiagnostics();
    int records = 20000;
    int messages = 2000;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--records")); i > 0 && i + 1 < args.size())
        records = args.at(i + 1).toInt();
    if (const qsizetype i = args.indexOf(QStringLiteral("--messages")); i > 0 && i + 1 < args.size())
        messages = args.at(i + 1).toInt();
    if (args.contains(QStringLiteral("--postgresql"))) {
        qputenv("PORTALDESK_TEST_DB", "postgresql");
        // The server gets the memory a hospital's database server has (PostgreSQL's own default is 128 MB;
        // a dedicated server is usually given a quarter of its memory); tests keep 16 MB.
        if (qEnvironmentVariableIsEmpty("PORTALDESK_PG_SHARED_BUFFERS"))
            qputenv("PORTALDESK_PG_SHARED_BUFFERS", "1GB");
    }

    test::TestDb t;
    auto ctx = t.as(QStringLiteral("specialist"));
    QTemporaryDir dir;
    std::printf("%-44s %10s %12s %12s %10s\n", "import", "records", "seconds", "records/s", "peak MB");
    const qsizetype onlyAt = args.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt > 0 && onlyAt + 1 < args.size() ? args.at(onlyAt + 1) : QString();
    for (const bool csv : {true, false}) {
        if (!only.isEmpty() && only != (csv ? QLatin1String("csv") : QLatin1String("fhir")))
            continue;
        const QString path = dir.filePath(csv ? QStringLiteral("p.csv") : QStringLiteral("p.ndjson"));
        writeFile(path, records, csv ? 1000000 : 3000000, csv);
        QElapsedTimer timer;
        timer.start();
        auto report = hl7::Importer(*ctx).run(csv ? hl7::ImportKind::Csv : hl7::ImportKind::Fhir, {path});
        const double seconds = double(timer.elapsed()) / 1000.0;
        if (!report || report->applied != records) {
            std::printf("import failed: %s\n",
                        report ? "not every record applied" : qPrintable(report.error().message));
            return 1;
        }
        std::printf("%-44s %10d %12.1f %12.0f %10.0f\n",
                    csv ? "CSV, new patients" : "FHIR NDJSON, new patients", records, seconds,
                    double(records) / seconds, peakMegabytes());
        std::fflush(stdout);
    }
    if (!only.isEmpty())
        return 0;
    // The same file again: every record is looked at and nothing differs.
    {
        const QString path = dir.filePath(QStringLiteral("p.csv"));
        QElapsedTimer timer;
        timer.start();
        auto report = hl7::Importer(*ctx).run(hl7::ImportKind::Csv, {path});
        const double seconds = double(timer.elapsed()) / 1000.0;
        std::printf("%-44s %10lld %12.1f %12.0f %10.0f\n", "CSV again, nothing differs",
                    report ? static_cast<long long>(report->read) : 0LL, seconds,
                    report ? double(report->read) / seconds : 0.0, peakMegabytes());
    }

    // The listener, as the interface engine meets it.
    const QString python =
        QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
    QProcess listener;
    listener.setStandardOutputFile(QProcess::nullDevice());
    listener.start(QStringLiteral(PORTALDESK_CLI),
                   {QStringLiteral("--db"), t.path(), QStringLiteral("--staff"), QStringLiteral("specialist"),
                    QStringLiteral("feed"), QStringLiteral("listen"), QStringLiteral("--port"),
                    QStringLiteral("27575")});
    QThread::msleep(1500);
    const QString file = dir.filePath(QStringLiteral("adt.hl7"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return 1;
    for (int i = 0; i < messages; ++i)
        f.write("MSH|^~\\&|EPIC|CHLA|PD|CHLA|20261124080000||ADT^A04|B" + QByteArray::number(i) +
                "|P|2.5.1\rEVN|A04|20261124080000\rPID|1||" + QByteArray::number(5000000 + i) +
                "^^^CHLA^MR||Kim^Min-jun||20120809|M|||||^NET^Internet^kim" + QByteArray::number(i) +
                "@example.org\r");
    f.close();
    QProcess engine;
    engine.start(python, {QStringLiteral(PORTALDESK_MLLP_ENGINE), QStringLiteral("--port"),
                          QStringLiteral("27575"), QStringLiteral("--file"), file});
    engine.waitForFinished(-1);
    const QString said = QString::fromUtf8(engine.readAllStandardError()).trimmed();
    std::printf("\nMLLP listener, %d ADT A04 registrations from python3-hl7: %s\n", messages,
                qPrintable(said));
    listener.terminate();
    listener.waitForFinished(10000);
    return 0;
}

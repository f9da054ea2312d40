// Shared test fixtures: a fresh migrated database in a temporary folder, staff of every role,
// a pinned clock, and the hospital's zone.
#pragma once

#include "core/Clock.h"
#include "core/Secrets.h"
#include "services/AdminService.h"
#include "services/ServiceContext.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"

#include "support/PgCluster.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace pd::test {

inline QTimeZone losAngeles() {
    return QTimeZone(QByteArrayLiteral("America/Los_Angeles"));
}

// An instant given as local time in Los Angeles.
inline QDateTime la(int y, int m, int d, int hh = 9, int mm = 0) {
    return QDateTime(QDate(y, m, d), QTime(hh, mm), losAngeles()).toUTC();
}

// The store and services tests run twice: on the embedded SQLite file, and (PORTALDESK_TEST_DB=postgresql)
// on a throw-away PostgreSQL cluster, each test on a database of its own.
// Every test staff member's password on the embedded file (the desktop asks for it).
inline QString staffPassword() {
    return QStringLiteral("desk-test-password");
}

// Its hash, made once per test program: scrypt is slow on purpose.
inline const QString& staffPasswordHash() {
    static const QString hash = Secrets::hashPin(staffPassword());
    return hash;
}

inline bool onPostgres() {
    return qEnvironmentVariable("PORTALDESK_TEST_DB") == QLatin1String("postgresql");
}

// A fresh, empty database: a new SQLite file in `dir`, or a new database on the test cluster.
inline QString freshLocation(const QTemporaryDir& dir) {
    if (!onPostgres())
        return dir.filePath(QStringLiteral("test.sqlite"));
    PgCluster& pg = PgCluster::shared();
    if (!pg.ok())
        qFatal("no PostgreSQL test cluster: %s", qPrintable(pg.error()));
    static int serial = 0;
    const QString name = QStringLiteral("t%1_%2").arg(QCoreApplication::applicationPid()).arg(++serial);
    if (!pg.createDatabase(name))
        qFatal("cannot create test database %s: %s", qPrintable(name), qPrintable(pg.error()));
    return pg.url(name);
}

inline void dropLocation(const QString& location) {
    if (isServerLocation(location))
        PgCluster::shared().dropDatabase(QUrl(location).path().mid(1));
}

struct TestDb {
    QTemporaryDir dir;
    QString location = freshLocation(dir);
    std::unique_ptr<Database> db;
    FixedClock clock{la(2026, 11, 24)};

    TestDb() {
        auto opened = Database::open(location);
        if (!opened)
            qFatal("cannot open test database: %s", qPrintable(opened.error().message));
        db = std::move(opened.value());
        if (auto s = AdminService::initialize(*db, clock, QStringLiteral("supervisor"), true); !s)
            qFatal("cannot initialise test database: %s", qPrintable(s.error().message));
        SettingsRepository settings(*db);
        for (const auto& [name, role] :
             {std::pair{"specialist", "him_specialist"}, std::pair{"agent", "support_agent"},
              std::pair{"mailer", "mailer"}}) {
            StaffMember m;
            m.name = QString::fromLatin1(name);
            m.displayName = m.name;
            m.role = QString::fromLatin1(role);
            (void)settings.addStaff(m, clock.nowUtc());
        }
        if (db->dialect() == Dialect::Sqlite) {
            for (const char* name : {"supervisor", "specialist", "agent"})
                (void)settings.setStaffPassword(QString::fromLatin1(name), staffPasswordHash(), false);
        }
    }

    ~TestDb() {
        db.reset();
        dropLocation(location);
    }

    // The file or server address, for opening a second connection.
    QString path() const { return location; }

    // A context acting as the named staff member ("supervisor", "specialist", "agent", the mail service's
    // "mailer", or "portal").
    std::unique_ptr<ServiceContext> as(const QString& staffName) {
        StaffMember m;
        if (staffName == QLatin1String("portal")) {
            m.name = staffName;
        } else {
            auto found = signIn(*db, staffName);
            if (!found)
                qFatal("no staff member %s", qPrintable(staffName));
            m = found.value();
        }
        return std::make_unique<ServiceContext>(*db, clock, m, QStringLiteral("test-workstation"));
    }

    // One number from the database, for asserting what was (not) written.
    qint64 count(const QString& sql) {
        Query q(*db, sql);
        if (!q.exec() || !q.next())
            qFatal("count failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }
};

} // namespace pd::test

// What the desktop says about itself and where IT presets it: Help ▸ About with the versions, the license
// and the notices; the window icon; the system-wide defaults file the packages install.
#include "ui/GuiFixture.h"

#include "core/ServerAddress.h"
#include "ui/common/WorkstationSettings.h"
#include "ui/shell/AboutDialog.h"

#include <QAction>
#include <QClipboard>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>

using namespace pd;
using namespace pd::test;
using namespace Qt::StringLiterals;

class TestDesktopIdentity : public QObject {
    Q_OBJECT

private slots:
    void helpAboutShowsTheVersionsLicenseAndNotices() {
        Gui gui;
        MainWindow* w = gui.signIn(u"specialist"_s);
        QVERIFY(w);
        QString versions;
        QString license;
        QString notices;
        whenModal<AboutDialog>([&](AboutDialog* d) {
            auto* label = child<QLabel>(d, "aboutVersionsLabel");
            // The engine's version comes from the worker: asked first, then shown.
            QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"SQLite 3."_s), Wait);
            versions = label->text();
            license = child<QPlainTextEdit>(d, "aboutLicenseText")->toPlainText();
            notices = child<QPlainTextEdit>(d, "aboutNoticesText")->toPlainText();
            child<QPushButton>(d, "aboutCopyButton")->click();
            d->reject();
        });
        w->findChild<QAction*>(u"aboutAction"_s)->trigger();
        QVERIFY(versions.contains(u"PortalDesk: "_s + QCoreApplication::applicationVersion()));
        QVERIFY(versions.contains(u"Qt: "_s + QString::fromLatin1(qVersion())));
        QVERIFY(versions.contains(u"OpenSSL: OpenSSL 3."_s));
        QVERIFY(versions.contains(u"Database location: "_s));
        QCOMPARE(QGuiApplication::clipboard()->text(), versions);
        QVERIFY(license.startsWith(u"MIT License"_s));
        for (const QString& library : {u"Qt 6"_s, u"LGPL-3.0-only"_s, u"OpenSSL 3"_s, u"Apache-2.0"_s,
                                       u"libpq"_s, u"PostgreSQL License"_s, u"SQLite"_s, u"public domain"_s})
            QVERIFY2(notices.contains(library), qPrintable(library));
    }

    void theWindowIconComesInEverySize_data() {
        QTest::addColumn<int>("size");
        for (int size : {16, 24, 32, 48, 64, 128, 256})
            QTest::addRow("%d px", size) << size;
    }
    void theWindowIconComesInEverySize() {
        QFETCH(int, size);
        const QImage image(u":/icons/portaldesk-%1.png"_s.arg(size));
        QCOMPARE(image.size(), QSize(size, size));
        // Drawn, not blank: the tile's blue fills the middle of the top edge's band.
        QVERIFY(qAlpha(image.pixel(size / 2, size / 4)) > 200);
        QVERIFY(qAlpha(image.pixel(0, 0)) < 64); // rounded corner: see-through
    }

    // The packages' /etc/xdg/PortalDesk/PortalDesk.conf, as IT would edit it: the two lines it documents,
    // uncommented, preset the central database for everyone on the workstation; a person's own setting
    // still wins.
    void theSystemWideDefaultsPresetTheDatabase() {
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
        // There the native settings are the registry and CFPreferences, which no folder stands in for.
        QSKIP("the /etc/xdg file is the Linux packages' (Windows: HKLM or MSI properties; macOS: a managed "
              "plist)");
#endif
        QTemporaryDir system;
        QTemporaryDir user;
        QFile shipped(QStringLiteral(PD_SOURCE_DIR "/packaging/linux/PortalDesk.conf"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(shipped.readAll());
        QVERIFY(text.contains(u"\n#[database]\n#location="_s));
        text.replace(u"\n#[database]\n#location="_s, u"\n[database]\nlocation="_s);
        // The hospital's CA file, which the address names, is on this machine.
        const QString ca = system.filePath(u"db-ca.pem"_s);
        QVERIFY(text.contains(u"sslrootcert=/etc/portaldesk/db-ca.pem"_s));
        text.replace(u"/etc/portaldesk/db-ca.pem"_s, ca);
        QFile caFile(ca);
        QVERIFY(caFile.open(QIODevice::WriteOnly));
        caFile.close();
        QVERIFY(QDir().mkpath(system.filePath(u"PortalDesk"_s)));
        QFile edited(system.filePath(u"PortalDesk/PortalDesk.conf"_s));
        QVERIFY(edited.open(QIODevice::WriteOnly));
        edited.write(text.toUtf8());
        edited.close();

        // The names both programs file their settings under (Startup::identify).
        QCoreApplication::setOrganizationName(u"PortalDesk"_s);
        QCoreApplication::setApplicationName(u"PortalDesk"_s);
        QSettings::setDefaultFormat(QSettings::NativeFormat);
        QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, system.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, user.path());
        const QString preset = WorkstationSettings::databaseLocation();
        QCOMPARE(preset,
                 u"postgresql://db.hospital.example:5432/portaldesk?sslmode=verify-full&sslrootcert="_s + ca);
        auto address = ServerAddress::parse(preset);
        QVERIFY2(address, address ? "" : qPrintable(address.error().message));
        QCOMPARE(address->host, u"db.hospital.example"_s);

        WorkstationSettings::setDatabaseLocation(u"/srv/portaldesk/training.sqlite"_s);
        QCOMPARE(WorkstationSettings::databaseLocation(), u"/srv/portaldesk/training.sqlite"_s);
        QVERIFY(QFile::exists(user.filePath(u"PortalDesk/PortalDesk.conf"_s)));
    }
};

QTEST_MAIN(TestDesktopIdentity)
#include "TestDesktopIdentity.moc"

// Search finds any part of a name, MRN, e-mail or phone, in any script, and treats input as text.
#include "support/TestSupport.h"

#include "services/PatientService.h"

using namespace pd;
using namespace pd::test;

class TestSearch : public QObject {
    Q_OBJECT

    TestDb m_t;

    void add(const char* mrn, const char* given, const char* family, const char* email, const char* phone) {
        auto ctx = m_t.as(QStringLiteral("specialist"));
        NewPatient p{QString::fromUtf8(mrn),
                     QString::fromUtf8(given),
                     QString::fromUtf8(family),
                     QStringLiteral("2015-06-01"),
                     QString(),
                     QString(),
                     QString::fromUtf8(email),
                     QString::fromUtf8(phone)};
        auto r = PatientService(*ctx).add(p);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    }

private slots:
    void initTestCase() {
        add("100200", "José", "Ñúñez", "jose.nunez@example.org", "(323) 555-0199");
        add("100201", "Արամ", "Սարգսյան", "", "");
        add("100202", "민준", "김", "", "");
        add("100203", "小明", "王", "", "");
        add("100204", "Olivia", "O'Brien", "obrien@example.com", "323.555.0142");
    }

    void findsByAnyPart_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mrn");
        QTest::newRow("MRN part") << QStringLiteral("0020") << QStringLiteral("100200");
        QTest::newRow("family name part, any case") << QStringLiteral("ÑÚÑ") << QStringLiteral("100200");
        QTest::newRow("e-mail part") << QStringLiteral("nunez@exa") << QStringLiteral("100200");
        QTest::newRow("phone as typed") << QStringLiteral("555-0199") << QStringLiteral("100200");
        QTest::newRow("phone digits only") << QStringLiteral("3235550199") << QStringLiteral("100200");
        QTest::newRow("Armenian") << QStringLiteral("Սարգս") << QStringLiteral("100201");
        QTest::newRow("Korean two characters") << QStringLiteral("민준") << QStringLiteral("100202");
        QTest::newRow("Chinese one character") << QStringLiteral("王") << QStringLiteral("100203");
        QTest::newRow("apostrophe") << QStringLiteral("O'Bri") << QStringLiteral("100204");
    }

    void findsByAnyPart() {
        QFETCH(QString, text);
        QFETCH(QString, mrn);
        auto ctx = m_t.as(QStringLiteral("agent"));
        auto hits = PatientService(*ctx).search(text);
        QVERIFY(hits.ok());
        bool found = false;
        for (const SearchHit& h : hits.value())
            found = found || (h.kind == QLatin1String("patient") && h.key == mrn);
        QVERIFY2(found, qPrintable(text));
    }

    void inputIsNeverSql_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("drop table") << QStringLiteral("'; DROP TABLE patients;--");
        QTest::newRow("fts syntax") << QStringLiteral("NEAR(a b) OR *");
        QTest::newRow("double quotes") << QStringLiteral("\"\"\"");
        QTest::newRow("like wildcards") << QStringLiteral("%_");
        QTest::newRow("backslash") << QStringLiteral("\\");
    }

    void inputIsNeverSql() {
        QFETCH(QString, text);
        auto ctx = m_t.as(QStringLiteral("agent"));
        auto hits = PatientService(*ctx).search(text);
        QVERIFY2(hits.ok(), hits.ok() ? "" : qPrintable(hits.error().message));
        QVERIFY(hits->isEmpty());
        QCOMPARE(m_t.count(QStringLiteral("SELECT count(*) FROM patients")), 5);
    }

    void overLongSearchIsRefused() {
        auto ctx = m_t.as(QStringLiteral("agent"));
        auto hits = PatientService(*ctx).search(QString(500, QLatin1Char('a')));
        QVERIFY(!hits.ok());
        QCOMPARE(hits.error().kind, ErrorKind::Validation);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "TestSearch.moc"

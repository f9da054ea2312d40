// The manual page and the shell completions the CLI writes from its command table: what a user gets from
// "man portaldesk-cli" and from pressing Tab in bash and zsh.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args, const QString& db) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORTALDESK_LANGUAGE"_s, u"en"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PORTALDESK_CLI), QStringList{u"--db"_s, db} + args);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("portaldesk-cli did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// Runs `script` with `shell` and returns its standard output.
QString shell(const QString& program, const QString& script) {
    QProcess p;
    p.start(program, {u"-c"_s, script});
    if (!p.waitForFinished(30000))
        qFatal("the shell did not finish");
    if (p.exitCode() != 0)
        qWarning("%s", p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestCliDocs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(u"never-made.sqlite"_s); }
    QString write(const QString& name, const QString& text) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("can't write %s", qPrintable(path));
        f.write(text.toUtf8());
        return path;
    }

private slots:
    void theManualNamesEachCommandWithItsOptions_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("enrollment") << u"enroll"_s
                                    << QStringList{u"mrn"_s, u"form"_s, u"signed"_s, u"override"_s};
        QTest::newRow("a reissue") << u"invitation reissue"_s
                                   << QStringList{u"new-pin"_s, u"verified-by"_s, u"restore"_s};
        QTest::newRow("a restriction")
            << u"restriction add"_s << QStringList{u"mrn"_s, u"document"_s, u"until"_s, u"reason"_s};
        QTest::newRow("consents ending") << u"consent list"_s << QStringList{u"expiring"_s, u"status"_s};
        QTest::newRow("the daily job") << u"daily"_s << QStringList{u"no-mail"_s};
        QTest::newRow("the feed") << u"feed listen"_s << QStringList{u"port"_s, u"allow"_s, u"tls-cert"_s};
        QTest::newRow("the completions") << u"completion"_s << QStringList{};
    }
    void theManualNamesEachCommandWithItsOptions() {
        QFETCH(QString, command);
        QFETCH(QStringList, options);
        const Run r = cli({u"manual"_s}, db());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(u".TH PORTALDESK\\-CLI 1"_s));
        // One entry per command: ".TP", then the command in bold with its options.
        const QString escaped = QString(command).replace(u'-', u"\\-"_s);
        const qsizetype at = r.out.indexOf(u".TP\n\\fB"_s + escaped + u"\\fR"_s);
        QVERIFY2(at >= 0, qPrintable(command));
        const QString entry = r.out.mid(at + 4, r.out.indexOf(u'\n', at + 4) - at - 4);
        for (const QString& option : options)
            QVERIFY2(entry.contains(u"\\fB\\-\\-"_s + QString(option).replace(u'-', u"\\-"_s) + u"\\fR"_s),
                     qPrintable(command + u": --"_s + option));
        // Written without a database: nothing was opened or made.
        QVERIFY(!QFile::exists(db()));
    }

    void groffReadsTheManualWithoutWarnings() {
        const QString man = QStandardPaths::findExecutable(u"man"_s);
        if (man.isEmpty())
            QSKIP("man is not installed");
        const QString page = write(u"portaldesk-cli.1"_s, cli({u"manual"_s}, db()).out);
        QProcess p;
        // The page is English whatever the machine's locale, which may be one it has no files for (man
        // says so on standard error): read it in C.UTF-8.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        p.setProcessEnvironment(env);
        p.start(man, {u"--warnings"_s, u"-E"_s, u"UTF-8"_s, u"-l"_s, u"-Tutf8"_s, u"-Z"_s, page});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(p.readAllStandardError()), QString());
        QCOMPARE(p.exitCode(), 0);
    }

    void bashCompletesCommandsOptionsAndFiles_data() {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a command") << u"portaldesk-cli pat"_s << u"patient"_s;
        QTest::newRow("a subcommand") << u"portaldesk-cli patient sh"_s << u"show"_s;
        QTest::newRow("after a global option's value")
            << u"portaldesk-cli --db x.sqlite restriction l"_s << u"list lift"_s;
        QTest::newRow("a command's options") << u"portaldesk-cli consent list --ex"_s << u"--expiring"_s;
        QTest::newRow("no other command's options") << u"portaldesk-cli daily --ex"_s << QString();
        QTest::newRow("a flag, then a subcommand")
            << u"portaldesk-cli --json invitation re"_s << u"reissue revoke"_s;
        QTest::newRow("the shells") << u"portaldesk-cli completion z"_s << u"zsh"_s;
        QTest::newRow("a file for --document")
            << u"portaldesk-cli restriction add --document DIR/ord"_s << u"DIR/order.pdf"_s;
    }
    void bashCompletesCommandsOptionsAndFiles() {
        QFETCH(QString, words);
        QFETCH(QString, expected);
        const QString bash = QStandardPaths::findExecutable(u"bash"_s);
        if (bash.isEmpty())
            QSKIP("bash is not installed");
        const Run r = cli({u"completion"_s, u"bash"_s}, db());
        QCOMPARE(r.exitCode, 0);
        const QString script = write(u"portaldesk-cli.bash"_s, r.out);
        write(u"order.pdf"_s, u"%PDF-1.4"_s);
        words.replace(u"DIR"_s, m_dir.path());
        expected.replace(u"DIR"_s, m_dir.path());
        // A trailing space means "complete an empty word"; the line is split as bash would.
        const QString out =
            shell(bash, u"source '%1'; COMP_WORDS=(%2); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                        "_portaldesk_cli; echo \"${COMPREPLY[*]}\""_s.arg(script, words));
        QCOMPARE(out, expected);
    }

    void zshCompletesCommandsAndOptions_data() {
        QTest::addColumn<QString>("words");
        QTest::addColumn<int>("current");
        QTest::addColumn<QString>("expected");
        QTest::newRow("subcommands with what they do")
            << u"portaldesk-cli restriction a"_s << 3
            << u"add:(HIM staff) Bar a person from each record named by --mrn, at once, on a court or custody order."_s;
        QTest::newRow("a command's options")
            << u"portaldesk-cli user deactivate ann --r"_s << 5 << u"--reason --reported-by"_s;
    }
    void zshCompletesCommandsAndOptions() {
        QFETCH(QString, words);
        QFETCH(int, current);
        QFETCH(QString, expected);
        const QString zsh = QStandardPaths::findExecutable(u"zsh"_s);
        if (zsh.isEmpty())
            QSKIP("zsh is not installed");
        const Run r = cli({u"completion"_s, u"zsh"_s}, db());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(u"#compdef portaldesk-cli\n"_s));
        QString body = r.out;
        body.remove(u"_portaldesk-cli \"$@\"\n"_s); // loaded as a function, not called
        const QString script = write(u"_portaldesk-cli"_s, body);
        // The completion system's builtins, replaced by ones that print what they were offered.
        const QString stubs =
            u"compadd() { [[ $1 == -- ]] && shift; print -r -- \"$*\" | tr ' ' '\\n' | grep -- \"^$PREFIX\" "
            u"| tr '\\n' ' '; }; "
            "_describe() { print -r -l -- ${(P)2} | grep -- \"^$PREFIX\"; }; _files() { print FILES; }; "
            "_message() { print MESSAGE; }; "_s;
        const QString run =
            u"%1 source '%2'; words=(%3); CURRENT=%4; PREFIX=${words[CURRENT]}; _portaldesk-cli"_s
                .arg(stubs, script, words)
                .arg(current);
        QCOMPARE(shell(zsh, run), expected);
    }

    void anotherShellIsRefused() {
        const Run r = cli({u"completion"_s, u"fish"_s}, db());
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(u"bash or zsh"_s));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "TestCliDocs.moc"

#include "ui/shell/AboutDialog.h"

#include "core/Secrets.h"
#include "services/AdminService.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pd {

namespace {

QString resourceText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QPlainTextEdit* textPage(const QString& text, const char* objectName, const QString& accessibleName) {
    auto* view = new QPlainTextEdit(text);
    view->setObjectName(QString::fromLatin1(objectName));
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace

AboutDialog::AboutDialog(const Session& session, QWidget* parent)
    : QDialog(parent)
    , m_database(session.databaseLabel) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About PortalDesk"));

    auto* icon = new QLabel;
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    auto* title =
        new QLabel(QStringLiteral("<h2>PortalDesk %1</h2>").arg(QCoreApplication::applicationVersion()));
    auto* what = new QLabel(tr("The access side of the patient portal: enrollment, invitations and PINs, "
                               "deactivation, proxy consents, access restrictions and the age rules."));
    what->setWordWrap(true);
    m_versions = new QLabel;
    m_versions->setObjectName(QStringLiteral("aboutVersionsLabel"));
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_versions->setAccessibleName(tr("Versions"));

    auto* heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(what);
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    auto* tabs = new QTabWidget;
    auto* versionsPage = new QWidget;
    auto* versionsLayout = new QVBoxLayout(versionsPage);
    versionsLayout->addWidget(m_versions);
    versionsLayout->addStretch();
    tabs->addTab(versionsPage, tr("&Versions"));
    tabs->addTab(
        textPage(resourceText(QStringLiteral(":/notices/LICENSE")), "aboutLicenseText", tr("License")),
        tr("&License"));
    tabs->addTab(textPage(resourceText(QStringLiteral(":/notices/THIRD-PARTY-NOTICES")), "aboutNoticesText",
                          tr("Third-party software")),
                 tr("&Third-party software"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyButton"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(720, 480);

    m_engine = tr("asking the database…");
    showVersions();
    // The engine's version is a query, so it comes from the worker, never this thread.
    if (session.runner) {
        onReady(
            this,
            session.runner->run([](const ServiceContext& ctx) { return AdminService(ctx).engineVersion(); }),
            [this](const Result<QString>& version) {
                m_engine = version ? version.value() : tr("not available (%1)").arg(version.error().message);
                showVersions();
            });
    }
}

QString AboutDialog::versionsText() const {
    QStringList lines;
    lines << tr("PortalDesk: %1").arg(QCoreApplication::applicationVersion())
          << tr("Qt: %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
          << tr("OpenSSL: %1").arg(Secrets::libraryVersion()) << tr("Database: %1").arg(m_engine)
          << tr("Database location: %1").arg(m_database)
          << tr("System: %1 (%2)").arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
    return lines.join(QLatin1Char('\n'));
}

void AboutDialog::showVersions() {
    m_versions->setText(versionsText());
}

} // namespace pd

#include "ui/signin/ConnectionDialog.h"

#include "core/ServerAddress.h"
#include "ui/common/Prompts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace pd {

namespace {

QPushButton* browseButton(QWidget* parent, const QString& objectName, const QString& accessibleName) {
    auto* button = new QPushButton(ConnectionDialog::tr("Browse…"), parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

ConnectionDialog::ConnectionDialog(const QString& location, QWidget* parent)
    : QDialog(parent)
    , m_location(location) {
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Database for this workstation"));

    m_embedded = new QRadioButton(tr("&Embedded database on this computer"), this);
    m_embedded->setObjectName(QStringLiteral("embeddedRadio"));
    m_server = new QRadioButton(tr("The hospital's &central database (PostgreSQL)"), this);
    m_server->setObjectName(QStringLiteral("serverRadio"));

    m_filePage = new QWidget(this);
    m_file = new QLineEdit(m_filePage);
    m_file->setObjectName(QStringLiteral("databaseFileLineEdit"));
    m_file->setAccessibleName(tr("Database file"));
    m_file->setPlaceholderText(tr("the default: %1").arg(defaultDatabaseFile()));
    auto* browseFile =
        browseButton(m_filePage, QStringLiteral("databaseFileBrowseButton"), tr("Choose the database file"));
    connect(browseFile, &QPushButton::clicked, this, [this] {
        const QString path = Prompts::saveFileName(this, tr("Database file"), m_file->text(),
                                                   tr("SQLite databases (*.sqlite *.db)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    auto* fileRow = new QHBoxLayout(m_filePage);
    fileRow->setContentsMargins(24, 0, 0, 0);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseFile);

    m_serverPage = new QWidget(this);
    m_host = new QLineEdit(m_serverPage);
    m_host->setObjectName(QStringLiteral("serverHostLineEdit"));
    m_host->setAccessibleName(tr("Server"));
    m_host->setPlaceholderText(tr("for example db.hospital.example.org"));
    m_host->setMaxLength(253);
    m_port = new QSpinBox(m_serverPage);
    m_port->setObjectName(QStringLiteral("serverPortSpinBox"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(m_serverPage);
    m_database->setObjectName(QStringLiteral("serverDatabaseLineEdit"));
    m_database->setAccessibleName(tr("Database name"));
    m_database->setText(QStringLiteral("portaldesk"));
    m_database->setMaxLength(63);
    m_tls = new QComboBox(m_serverPage);
    m_tls->setObjectName(QStringLiteral("serverTlsComboBox"));
    m_tls->setAccessibleName(tr("Encryption"));
    m_tls->addItem(tr("Encrypted, server's name and certificate checked (verify-full)"),
                   QStringLiteral("verify-full"));
    m_tls->addItem(tr("Encrypted, certificate checked (verify-ca)"), QStringLiteral("verify-ca"));
    m_tls->addItem(tr("Encrypted, certificate not checked (require)"), QStringLiteral("require"));
    m_tls->addItem(tr("Encrypted when the server offers it (prefer)"), QStringLiteral("prefer"));
    m_tls->addItem(tr("Not encrypted (disable)"), QStringLiteral("disable"));
    m_caFile = new QLineEdit(m_serverPage);
    m_caFile->setObjectName(QStringLiteral("serverCaLineEdit"));
    m_caFile->setAccessibleName(tr("Certificate authority file"));
    m_caFile->setPlaceholderText(tr("the CA that signed the server's certificate (.pem)"));
    auto* browseCa = browseButton(m_serverPage, QStringLiteral("serverCaBrowseButton"),
                                  tr("Choose the certificate authority file"));
    connect(browseCa, &QPushButton::clicked, this, [this] {
        const QString path = Prompts::openFileName(this, tr("Certificate authority"), m_caFile->text(),
                                                   tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browseCa);
    auto* serverForm = new QFormLayout(m_serverPage);
    serverForm->setContentsMargins(24, 0, 0, 0);
    serverForm->addRow(tr("&Server:"), m_host);
    serverForm->addRow(tr("&Port:"), m_port);
    serverForm->addRow(tr("&Database:"), m_database);
    serverForm->addRow(tr("&Encryption:"), m_tls);
    auto* caLabel = new QLabel(tr("&CA file:"), m_serverPage);
    caLabel->setBuddy(m_caFile); // a row holding a layout gets no buddy of its own
    serverForm->addRow(caLabel, caRow);
    auto* note = new QLabel(tr("Each person signs in with their own database login and password; "
                               "the password is never kept on this computer."),
                            m_serverPage);
    note->setObjectName(QStringLiteral("serverNote"));
    note->setWordWrap(true);
    serverForm->addRow(note);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("connectionOkButton"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Use this database"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_embedded);
    layout->addWidget(m_filePage);
    layout->addWidget(m_server);
    layout->addWidget(m_serverPage);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    // Show what is set now.
    if (isServerLocation(location)) {
        m_server->setChecked(true);
        const QUrl url(location);
        m_host->setText(url.host());
        m_port->setValue(url.port(5432));
        m_database->setText(url.path().mid(1));
        const QUrlQuery query(url);
        const int tls = m_tls->findData(query.queryItemValue(QStringLiteral("sslmode")));
        m_tls->setCurrentIndex(tls >= 0 ? tls : 0);
        m_caFile->setText(query.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded));
    } else {
        m_embedded->setChecked(true);
        m_file->setText(location);
    }
    connect(m_embedded, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateEnabled);
    updateEnabled();
}

void ConnectionDialog::updateEnabled() {
    m_filePage->setEnabled(m_embedded->isChecked());
    m_serverPage->setEnabled(m_server->isChecked());
    const QString mode = m_tls->currentData().toString();
    m_caFile->setEnabled(mode == QLatin1String("verify-full") || mode == QLatin1String("verify-ca"));
}

void ConnectionDialog::submit() {
    if (m_embedded->isChecked()) {
        m_location = m_file->text().trimmed();
        accept();
        return;
    }
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    QUrlQuery query;
    const QString mode = m_tls->currentData().toString();
    query.addQueryItem(QStringLiteral("sslmode"), mode);
    if (m_caFile->isEnabled() && !m_caFile->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"),
                           QString::fromUtf8(QUrl::toPercentEncoding(m_caFile->text().trimmed(), "/")));
    url.setQuery(query);
    const QString location = url.toString(QUrl::FullyEncoded);
    // Checked here, before anyone tries to sign in with it (no connection is made).
    auto parsed = ServerAddress::parse(location);
    if (!parsed) {
        m_message->setText(parsed.error().message);
        m_message->show();
        return;
    }
    m_location = location;
    accept();
}

QString ConnectionDialog::describe(const QString& location) {
    if (location.isEmpty())
        return tr("the embedded database %1").arg(defaultDatabaseFile());
    if (!isServerLocation(location))
        return tr("the embedded database %1").arg(location);
    const QUrl url(location);
    const QString mode = QUrlQuery(url).queryItemValue(QStringLiteral("sslmode"));
    return tr("the central database %1 on %2:%3 (%4)")
        .arg(url.path().mid(1), url.host())
        .arg(url.port(5432))
        .arg(mode.isEmpty() ? QStringLiteral("verify-full") : mode);
}

} // namespace pd

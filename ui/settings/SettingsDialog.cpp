#include "ui/settings/SettingsDialog.h"

#include "ui/signin/ConnectionDialog.h"

#include "ui/common/Prompts.h"
#include "ui/common/WorkstationSettings.h"

#include "core/ServerAddress.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace pd {

namespace {

QSpinBox* spin(QWidget* parent, const QString& name, const QString& accessible, int max,
               const QString& suffix) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setAccessibleName(accessible);
    s->setRange(1, max);
    s->setSuffix(suffix);
    return s;
}

} // namespace

SettingsDialog::SettingsDialog(const Session& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(workstationTab(), tr("This &workstation"));
    m_tabs->addTab(hospitalTab(), tr("&Hospital policy"));
    m_tabs->addTab(holidaysTab(), tr("Hol&idays"));
    m_tabs->addTab(mailTab(), tr("&Mail"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatusLabel"));
    m_status->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumSize(640, 460);
    loadSettings();
    loadHolidays();
}

SettingsDialog::~SettingsDialog() {
    if (m_mailRunner)
        m_mailRunner.release()->shutdownLater();
}

void SettingsDialog::showDatabase() {
    const QString text = ConnectionDialog::describe(m_databaseLocation);
    m_database->setText(text);
    m_database->setToolTip(text);
    m_database->setCursorPosition(0); // the start says which kind of database it is
}

QWidget* SettingsDialog::workstationTab() {
    auto* tab = new QWidget(this);
    m_databaseLocation = WorkstationSettings::databaseLocation();
    m_database = new QLineEdit(ConnectionDialog::describe(m_databaseLocation), tab);
    m_database->setObjectName(QStringLiteral("databaseLineEdit"));
    m_database->setAccessibleName(tr("Database"));
    m_database->setReadOnly(true);
    showDatabase();
    auto* browse = new QPushButton(tr("&Change…"), tab);
    browse->setObjectName(QStringLiteral("browseDatabaseButton"));
    browse->setAccessibleName(tr("Change the database"));
    connect(browse, &QPushButton::clicked, this, [this] {
        ConnectionDialog dialog(m_databaseLocation, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_databaseLocation = dialog.location();
        showDatabase();
    });
    auto* dbRow = new QHBoxLayout;
    dbRow->addWidget(m_database, 1);
    dbRow->addWidget(browse);

    m_language = new QComboBox(tab);
    m_language->setObjectName(QStringLiteral("uiLanguageComboBox"));
    m_language->setAccessibleName(tr("Language of PortalDesk"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(WorkstationSettings::language())));

    auto* save = new QPushButton(tr("&Save workstation settings"), tab);
    save->setObjectName(QStringLiteral("saveWorkstationButton"));
    connect(save, &QPushButton::clicked, this, &SettingsDialog::saveWorkstation);

    auto* form = new QFormLayout;
    auto* dbLabel = new QLabel(tr("&Database:"), tab);
    dbLabel->setBuddy(m_database);
    form->addRow(dbLabel, dbRow);
    form->addRow(tr("&Language:"), m_language);
    auto* note =
        new QLabel(tr("Now open: %1. A different database is opened the next time PortalDesk starts.")
                       .arg(m_session.databaseLabel),
                   tab);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(save, 0, Qt::AlignRight);
    return tab;
}

QWidget* SettingsDialog::hospitalTab() {
    auto* tab = new QWidget(this);
    m_zone = new QComboBox(tab);
    m_zone->setObjectName(QStringLiteral("zoneComboBox"));
    m_zone->setAccessibleName(tr("Hospital time zone"));
    m_zone->setEditable(true);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        if (id.contains('/'))
            m_zone->addItem(QString::fromLatin1(id));
    }
    m_expiryDays = spin(tab, QStringLiteral("expiryDaysSpinBox"), tr("Days an invitation stays valid"), 366,
                        tr(" days"));
    m_lockout =
        spin(tab, QStringLiteral("lockoutSpinBox"), tr("Wrong PINs that lock an invitation"), 20, QString());
    m_noticeDays = spin(tab, QStringLiteral("noticeDaysSpinBox"),
                        tr("Days of notice before an age transition"), 366, tr(" days"));
    m_consentMonths = spin(tab, QStringLiteral("consentMonthsSpinBox"),
                           tr("Months after approval that a proxy consent ends"), 240, tr(" months"));
    m_consentMonths->setMinimum(0);
    m_consentMonths->setSpecialValueText(tr("never"));
    m_consentReminder =
        spin(tab, QStringLiteral("consentReminderSpinBox"),
             tr("Days before a proxy consent ends that the patient is reminded"), 366, tr(" days"));
    m_idleMinutes = spin(tab, QStringLiteral("idleMinutesSpinBox"), tr("Minutes before the idle lock"), 240,
                         tr(" minutes"));
    m_signInAttempts = spin(tab, QStringLiteral("signInAttemptsSpinBox"),
                            tr("Wrong staff passwords that lock a sign-in"), 20, QString());
    m_signInLockMinutes = spin(tab, QStringLiteral("signInLockMinutesSpinBox"),
                               tr("Minutes a sign-in stays locked"), 1440, tr(" minutes"));
    m_open = new QTimeEdit(tab);
    m_open->setObjectName(QStringLiteral("himOpenTimeEdit"));
    m_open->setAccessibleName(tr("HIM opens at"));
    m_open->setDisplayFormat(QStringLiteral("HH:mm"));
    m_close = new QTimeEdit(tab);
    m_close->setObjectName(QStringLiteral("himCloseTimeEdit"));
    m_close->setAccessibleName(tr("HIM closes at"));
    m_close->setDisplayFormat(QStringLiteral("HH:mm"));

    auto* form = new QFormLayout;
    form->addRow(tr("Time &zone:"), m_zone);
    form->addRow(tr("Invitations &expire after:"), m_expiryDays);
    form->addRow(tr("Wrong PINs before &lock:"), m_lockout);
    form->addRow(tr("Transition &notice:"), m_noticeDays);
    form->addRow(tr("Proxy consents e&xpire after:"), m_consentMonths);
    form->addRow(tr("Consent &reminder:"), m_consentReminder);
    form->addRow(tr("HIM &opens:"), m_open);
    form->addRow(tr("HIM &closes:"), m_close);
    form->addRow(tr("I&dle lock after:"), m_idleMinutes);
    form->addRow(tr("Wrong &passwords before sign-in locks:"), m_signInAttempts);
    form->addRow(tr("Sign-in locked &for:"), m_signInLockMinutes);
    // Staff passwords are the embedded file's; the central database's server checks its own logins.
    const bool server = isServerLocation(m_session.runner->config().location);
    form->setRowVisible(m_signInAttempts, !server);
    form->setRowVisible(m_signInLockMinutes, !server);

    auto* save = new QPushButton(tr("Save &policy"), tab);
    save->setObjectName(QStringLiteral("savePolicyButton"));
    connect(save, &QPushButton::clicked, this, &SettingsDialog::saveHospital);

    const bool supervisor = m_session.has(Role::Supervisor);
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_zone, m_expiryDays, m_lockout, m_noticeDays, m_consentMonths, m_consentReminder, m_open,
             m_close, m_idleMinutes, m_signInAttempts, m_signInLockMinutes, save})
        w->setEnabled(supervisor);
    auto* layout = new QVBoxLayout(tab);
    if (!supervisor) {
        auto* only = new QLabel(tr("Only an HIM supervisor can change the hospital's policy."), tab);
        only->setObjectName(QStringLiteral("supervisorOnlyLabel"));
        only->setWordWrap(true);
        layout->addWidget(only);
    }
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(save, 0, Qt::AlignRight);
    return tab;
}

QWidget* SettingsDialog::holidaysTab() {
    auto* tab = new QWidget(this);
    m_holidays = new QTableWidget(0, 3, tab);
    m_holidays->setObjectName(QStringLiteral("holidaysTable"));
    m_holidays->setAccessibleName(tr("The hospital's own holidays"));
    m_holidays->setHorizontalHeaderLabels({tr("Date"), tr("Name"), tr("HIM is")});
    m_holidays->horizontalHeader()->setStretchLastSection(true);
    m_holidays->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_holidays->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_holidays->verticalHeader()->hide();

    m_holidayDate = new QLineEdit(tab);
    m_holidayDate->setObjectName(QStringLiteral("holidayDateLineEdit"));
    m_holidayDate->setAccessibleName(tr("Holiday date"));
    m_holidayDate->setPlaceholderText(tr("YYYY-MM-DD"));
    m_holidayDate->setMaxLength(10);
    m_holidayName = new QLineEdit(tab);
    m_holidayName->setObjectName(QStringLiteral("holidayNameLineEdit"));
    m_holidayName->setAccessibleName(tr("Holiday name"));
    m_holidayName->setMaxLength(100);
    m_holidayClosed = new QCheckBox(tr("C&losed"), tab);
    m_holidayClosed->setObjectName(QStringLiteral("holidayClosedCheckBox"));
    m_holidayClosed->setChecked(true);
    m_holidayClosed->setToolTip(tr("Unchecked: HIM is open on a day a federal holiday would close"));
    auto* add = new QPushButton(tr("&Add"), tab);
    add->setObjectName(QStringLiteral("addHolidayButton"));
    auto* remove = new QPushButton(tr("&Remove"), tab);
    remove->setObjectName(QStringLiteral("removeHolidayButton"));
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addHoliday);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeHoliday);

    auto* row = new QHBoxLayout;
    row->addWidget(m_holidayDate);
    row->addWidget(m_holidayName, 1);
    row->addWidget(m_holidayClosed);
    row->addWidget(add);
    row->addWidget(remove);
    const bool supervisor = m_session.has(Role::Supervisor);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_holidayDate, m_holidayName, m_holidayClosed, add, remove})
        w->setEnabled(supervisor);

    auto* note =
        new QLabel(tr("US federal holidays are counted by rule (with their observed days); this table "
                      "adds the hospital's own closed days, or opens a day a federal holiday would close."),
                   tab);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(note);
    layout->addWidget(m_holidays, 1);
    layout->addLayout(row);
    return tab;
}

void SettingsDialog::setStatus(const QString& text, bool problem) {
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void SettingsDialog::loadSettings(const QStringList& keys) {
    onReady(this,
            m_session.runner->run([](const ServiceContext& ctx) { return AdminService(ctx).settings(); }),
            [this, keys](const Result<QList<SettingValue>>& values) {
                if (!values) {
                    setStatus(values.error().message, true);
                    return;
                }
                for (const SettingValue& v : values.value()) {
                    if (!keys.isEmpty() && !keys.contains(v.spec.key))
                        continue;
                    m_loaded.insert(v.spec.key, v.value);
                    showSetting(v.spec.key, v.value);
                }
                m_loadedOnce = true;
            });
}

void SettingsDialog::showSetting(const QString& key, const QString& value) {
    if (key == QLatin1String("hospital.zone"))
        m_zone->setCurrentText(value);
    else if (key == QLatin1String("invitation.expiry_days"))
        m_expiryDays->setValue(value.toInt());
    else if (key == QLatin1String("invitation.lockout_attempts"))
        m_lockout->setValue(value.toInt());
    else if (key == QLatin1String("transition.notice_days"))
        m_noticeDays->setValue(value.toInt());
    else if (key == QLatin1String("consent.expiry_months"))
        m_consentMonths->setValue(value.toInt());
    else if (key == QLatin1String("consent.reminder_days"))
        m_consentReminder->setValue(value.toInt());
    else if (key == QLatin1String("security.idle_lock_minutes"))
        m_idleMinutes->setValue(value.toInt());
    else if (key == QLatin1String("security.sign_in_attempts"))
        m_signInAttempts->setValue(value.toInt());
    else if (key == QLatin1String("security.sign_in_lock_minutes"))
        m_signInLockMinutes->setValue(value.toInt());
    else if (key == QLatin1String("him.open"))
        m_open->setTime(QTime::fromString(value, QStringLiteral("HH:mm")));
    else if (key == QLatin1String("him.close"))
        m_close->setTime(QTime::fromString(value, QStringLiteral("HH:mm")));
    else if (key == QLatin1String("mail.transport"))
        m_transport->setCurrentIndex(qMax(0, m_transport->findData(value)));
    else if (key == QLatin1String("mail.smtp_host"))
        m_smtpHost->setText(value);
    else if (key == QLatin1String("mail.smtp_port"))
        m_smtpPort->setValue(value.toInt());
    else if (key == QLatin1String("mail.smtp_tls"))
        m_smtpTls->setCurrentIndex(qMax(0, m_smtpTls->findData(value)));
    else if (key == QLatin1String("mail.smtp_user"))
        m_smtpUser->setText(value);
    else if (key == QLatin1String("mail.smtp_password_file"))
        m_smtpPasswordFile->setText(value);
    else if (key == QLatin1String("mail.smtp_ca_file"))
        m_smtpCaFile->setText(value);
}

void SettingsDialog::loadHolidays() {
    onReady(this,
            m_session.runner->run([](const ServiceContext& ctx) { return AdminService(ctx).holidays(); }),
            [this](const Result<QList<HolidayRow>>& rows) {
                if (!rows) {
                    setStatus(rows.error().message, true);
                    return;
                }
                m_holidays->setRowCount(0);
                for (const HolidayRow& h : rows.value()) {
                    const int r = m_holidays->rowCount();
                    m_holidays->insertRow(r);
                    m_holidays->setItem(r, 0, new QTableWidgetItem(h.day.toString(Qt::ISODate)));
                    m_holidays->setItem(r, 1, new QTableWidgetItem(h.name));
                    m_holidays->setItem(r, 2, new QTableWidgetItem(h.closed ? tr("closed") : tr("open")));
                }
                m_holidays->resizeColumnsToContents();
            });
}

void SettingsDialog::saveWorkstation() {
    WorkstationSettings::setDatabaseLocation(m_databaseLocation);
    const QString language = m_language->currentData().toString();
    m_languageChanged = language != WorkstationSettings::language();
    WorkstationSettings::setLanguage(language);
    setStatus(tr("Saved."), false);
    if (m_languageChanged)
        accept();
}

void SettingsDialog::saveHospital() {
    QList<QPair<QString, QString>> changes;
    const auto consider = [&](const char* key, const QString& value) {
        if (m_loaded.value(QLatin1String(key)) != value)
            changes.append({QLatin1String(key), value});
    };
    consider("hospital.zone", m_zone->currentText().trimmed());
    consider("invitation.expiry_days", QString::number(m_expiryDays->value()));
    consider("invitation.lockout_attempts", QString::number(m_lockout->value()));
    consider("transition.notice_days", QString::number(m_noticeDays->value()));
    consider("consent.expiry_months", QString::number(m_consentMonths->value()));
    consider("consent.reminder_days", QString::number(m_consentReminder->value()));
    consider("security.idle_lock_minutes", QString::number(m_idleMinutes->value()));
    if (!isServerLocation(m_session.runner->config().location)) {
        consider("security.sign_in_attempts", QString::number(m_signInAttempts->value()));
        consider("security.sign_in_lock_minutes", QString::number(m_signInLockMinutes->value()));
    }
    consider("him.open", m_open->time().toString(QStringLiteral("HH:mm")));
    consider("him.close", m_close->time().toString(QStringLiteral("HH:mm")));
    saveChanges(changes);
}

void SettingsDialog::saveChanges(const QList<QPair<QString, QString>>& changes) {
    if (!m_loadedOnce) {
        setStatus(tr("The settings are still being read; try again in a moment."), true);
        return;
    }
    if (changes.isEmpty()) {
        setStatus(tr("Nothing has changed."), false);
        return;
    }
    QStringList keys;
    for (const auto& change : changes)
        keys.append(change.first);
    onReady(this, m_session.runner->run([changes](const ServiceContext& ctx) -> Result<int> {
        // Checked all first, so a bad value changes nothing.
        for (const auto& [key, value] : changes)
            PD_TRY(Policy::validate(key, value));
        AdminService admin(ctx);
        for (const auto& [key, value] : changes)
            PD_TRY(admin.setSetting(key, value));
        return static_cast<int>(changes.size());
    }),
            [this, keys](const Result<int>& saved) {
                if (!saved) {
                    setStatus(saved.error().message, true);
                    return;
                }
                setStatus(
                    tr("Saved %n setting(s). They apply to every workstation; this window uses them after "
                       "the next sign-in.",
                       nullptr, saved.value()),
                    false);
                // Only what was saved: edits not yet saved on the other tabs stay as they are.
                loadSettings(keys);
                emit policySaved();
            });
}

QWidget* SettingsDialog::mailTab() {
    auto* tab = new QWidget(this);
    const auto line = [tab](const char* name, const QString& accessible) {
        auto* e = new QLineEdit(tab);
        e->setObjectName(QLatin1String(name));
        e->setAccessibleName(accessible);
        e->setMaxLength(500);
        return e;
    };
    m_transport = new QComboBox(tab);
    m_transport->setObjectName(QStringLiteral("mailTransportComboBox"));
    m_transport->setAccessibleName(tr("How mail leaves"));
    m_transport->addItem(tr("Files in a folder (no server)"), QStringLiteral("file"));
    m_transport->addItem(tr("SMTP server"), QStringLiteral("smtp"));
    m_smtpHost = line("smtpHostLineEdit", tr("SMTP server"));
    m_smtpPort = spin(tab, QStringLiteral("smtpPortSpinBox"), tr("SMTP port"), 65535, QString());
    m_smtpTls = new QComboBox(tab);
    m_smtpTls->setObjectName(QStringLiteral("smtpTlsComboBox"));
    m_smtpTls->setAccessibleName(tr("SMTP encryption"));
    m_smtpTls->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_smtpTls->addItem(tr("TLS from the start (port 465)"), QStringLiteral("tls"));
    m_smtpTls->addItem(tr("None (a relay on this machine only)"), QStringLiteral("none"));
    m_smtpUser = line("smtpUserLineEdit", tr("SMTP user"));
    m_smtpPasswordFile = line("smtpPasswordFileLineEdit", tr("SMTP password file"));
    m_smtpPasswordFile->setPlaceholderText(
        tr("a file only its owner can read; the password is never stored here"));
    m_smtpCaFile = line("smtpCaFileLineEdit", tr("CA certificates file"));
    m_smtpCaFile->setPlaceholderText(tr("empty: the system's certificate authorities"));
    auto* save = new QPushButton(tr("Save &mail settings"), tab);
    save->setObjectName(QStringLiteral("saveMailButton"));
    connect(save, &QPushButton::clicked, this, &SettingsDialog::saveMail);

    m_testAddress = line("testAddressLineEdit", tr("Send a test message to"));
    m_testAddress->setPlaceholderText(tr("name@example.org"));
    auto* test = new QPushButton(tr("Send &test message"), tab);
    test->setObjectName(QStringLiteral("sendTestButton"));
    connect(test, &QPushButton::clicked, this, &SettingsDialog::sendTestMessage);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testAddress, 1);
    testRow->addWidget(test);

    auto* form = new QFormLayout;
    form->addRow(tr("Mail &leaves as:"), m_transport);
    form->addRow(tr("SMTP &server:"), m_smtpHost);
    form->addRow(tr("P&ort:"), m_smtpPort);
    form->addRow(tr("&Encryption:"), m_smtpTls);
    form->addRow(tr("&User:"), m_smtpUser);
    form->addRow(tr("&Password file:"), m_smtpPasswordFile);
    form->addRow(tr("&CA file:"), m_smtpCaFile);
    auto* testLabel = new QLabel(tr("Send a test &to:"), tab);
    testLabel->setBuddy(m_testAddress);
    form->addRow(testLabel, testRow);

    const bool supervisor = m_session.has(Role::Supervisor);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_transport, m_smtpHost, m_smtpPort, m_smtpTls, m_smtpUser,
                                         m_smtpPasswordFile, m_smtpCaFile, save, m_testAddress, test})
        w->setEnabled(supervisor);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(save, 0, Qt::AlignRight);
    return tab;
}

void SettingsDialog::saveMail() {
    QList<QPair<QString, QString>> changes;
    const auto consider = [&](const char* key, const QString& value) {
        if (m_loaded.value(QLatin1String(key)) != value)
            changes.append({QLatin1String(key), value});
    };
    consider("mail.transport", m_transport->currentData().toString());
    consider("mail.smtp_host", m_smtpHost->text().trimmed());
    consider("mail.smtp_port", QString::number(m_smtpPort->value()));
    consider("mail.smtp_tls", m_smtpTls->currentData().toString());
    consider("mail.smtp_user", m_smtpUser->text().trimmed());
    consider("mail.smtp_password_file", m_smtpPasswordFile->text().trimmed());
    consider("mail.smtp_ca_file", m_smtpCaFile->text().trimmed());
    saveChanges(changes);
}

void SettingsDialog::sendTestMessage() {
    const QString to = m_testAddress->text().trimmed();
    setStatus(tr("Sending a test message to %1…").arg(to), false);
    if (!m_mailRunner) {
        m_mailRunner = std::make_unique<DbRunner>(m_session.runner->config());
        m_mailRunner->setStaff(m_session.staff);
        m_mailRunner->setLoginFrom(*m_session.runner);
    }
    onReady(this, m_mailRunner->run([to](const ServiceContext& ctx) {
        return AdminService(ctx).sendTestMessage(to);
    }),
            [this, to](const Result<QString>& sent) {
                setStatus(sent ? tr("The mail server accepted the test message for %1.").arg(to)
                               : sent.error().message,
                          !sent);
            });
}

void SettingsDialog::addHoliday() {
    const QString day = m_holidayDate->text().trimmed();
    const QString name = m_holidayName->text();
    const bool closed = m_holidayClosed->isChecked();
    onReady(this, m_session.runner->run([day, name, closed](const ServiceContext& ctx) -> Result<bool> {
        PD_TRY(AdminService(ctx).setHoliday(day, name, closed));
        return true;
    }),
            [this](const Result<bool>& done) {
                if (!done) {
                    setStatus(done.error().message, true);
                    return;
                }
                setStatus(tr("Holiday saved."), false);
                m_holidayDate->clear();
                m_holidayName->clear();
                loadHolidays();
            });
}

void SettingsDialog::removeHoliday() {
    const int row = m_holidays->currentRow();
    if (row < 0 || !m_holidays->item(row, 0))
        return;
    const QString day = m_holidays->item(row, 0)->text();
    onReady(this, m_session.runner->run([day](const ServiceContext& ctx) -> Result<bool> {
        PD_TRY(AdminService(ctx).removeHoliday(day));
        return true;
    }),
            [this](const Result<bool>& done) {
                setStatus(done ? tr("Holiday removed.") : done.error().message, !done);
                loadHolidays();
            });
}

} // namespace pd

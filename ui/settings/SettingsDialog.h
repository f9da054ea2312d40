// Settings: this workstation's database and language, and, for supervisors, the hospital's policy
// values and holiday table.
#pragma once

#include "services/AdminService.h"
#include "ui/common/Session.h"

#include <QDialog>
#include <QMap>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QTimeEdit;
class QCheckBox;

namespace pd {

class SettingsDialog final : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(const Session& session, QWidget* parent = nullptr);
    // Closes at once, even while a test message is still on its way.
    ~SettingsDialog() override;

    QTabWidget* tabs() const { return m_tabs; }
    // Saves changed policy values (checked all first, so one bad value changes nothing).
    void saveChanges(const QList<QPair<QString, QString>>& changes);
    // Whether the chosen language differs from the one in use (the window is rebuilt in it).
    bool languageChanged() const { return m_languageChanged; }

signals:
    void policySaved();

private:
    void showDatabase();
    QWidget* workstationTab();
    QWidget* hospitalTab();
    QWidget* holidaysTab();
    QWidget* mailTab();
    void saveMail();
    void sendTestMessage();
    // Reads the policy values and shows them: those named in `keys`, or all when it is empty (after a
    // save, only what was saved, so unsaved edits on the other tabs stay).
    void loadSettings(const QStringList& keys = {});
    void showSetting(const QString& key, const QString& value);
    void loadHolidays();
    void saveWorkstation();
    void saveHospital();
    void addHoliday();
    void removeHoliday();
    void setStatus(const QString& text, bool problem);

    const Session& m_session;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_status = nullptr;
    bool m_languageChanged = false;

    QLineEdit* m_database = nullptr; // shows m_databaseLocation in words
    QString m_databaseLocation;
    QComboBox* m_language = nullptr;

    QComboBox* m_zone = nullptr;
    QSpinBox* m_expiryDays = nullptr;
    QSpinBox* m_lockout = nullptr;
    QSpinBox* m_noticeDays = nullptr;
    QSpinBox* m_consentMonths = nullptr;
    QSpinBox* m_consentReminder = nullptr;
    QSpinBox* m_idleMinutes = nullptr;
    QSpinBox* m_signInAttempts = nullptr;
    QSpinBox* m_signInLockMinutes = nullptr;
    QTimeEdit* m_open = nullptr;
    QTimeEdit* m_close = nullptr;
    // The test message talks to the mail server on a thread of its own, so a slow server never holds up
    // the pages' database work.
    std::unique_ptr<DbRunner> m_mailRunner;
    QMap<QString, QString> m_loaded;
    bool m_loadedOnce = false;

    QComboBox* m_transport = nullptr;
    QLineEdit* m_smtpHost = nullptr;
    QSpinBox* m_smtpPort = nullptr;
    QComboBox* m_smtpTls = nullptr;
    QLineEdit* m_smtpUser = nullptr;
    QLineEdit* m_smtpPasswordFile = nullptr;
    QLineEdit* m_smtpCaFile = nullptr;
    QLineEdit* m_testAddress = nullptr;

    QTableWidget* m_holidays = nullptr;
    QLineEdit* m_holidayDate = nullptr;
    QLineEdit* m_holidayName = nullptr;
    QCheckBox* m_holidayClosed = nullptr;
};

} // namespace pd

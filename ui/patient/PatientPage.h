// One patient's whole story: who they are, who has access and how, every invitation, and a timeline of
// everything that happened, with the actions staff take on a login.
#pragma once

#include "services/PatientService.h"
#include "ui/common/Session.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace pd {

class AccessModel;
class RestrictionBanner;
class PatientInvitationsModel;
class TimelineModel;

class PatientPage final : public QWidget {
    Q_OBJECT

public:
    PatientPage(const Session& session, const QString& mrn, QWidget* parent = nullptr);

    const QString& mrn() const { return m_mrn; }
    const std::optional<PatientStory>& story() const { return m_story; }
    // Reads the patient again (after a change here or elsewhere).
    void reload();
    // Selects the login in the access table once it is loaded.
    void selectLogin(const QString& username);

    AccessModel* accessModel() const { return m_access; }
    PatientInvitationsModel* invitationsModel() const { return m_invitations; }
    TimelineModel* timelineModel() const { return m_timeline; }

signals:
    void titleChanged(const QString& title);
    void loaded();

private:
    void show(const PatientStory& story);
    void showError(const Error& error);
    void updateActions();
    std::optional<PortalUser> selectedUser() const;
    std::optional<Invitation> liveInvitation(qint64 userId) const;

    void enroll();
    void sendNow();
    void reverseDeath();
    void reissue(bool newPin);
    void revoke();
    void deactivate();
    void editLogin();
    void editPatient();
    void restrict();
    // Shows a refused change; a conflict explains that someone else changed the record and reloads.
    void refused(const Error& error, const QString& title);
    void changed();

    const Session& m_session;
    QString m_mrn;
    QString m_pendingSelection;
    std::optional<PatientStory> m_story;
    bool m_loading = false;
    bool m_reloadAgain = false;

    RestrictionBanner* m_restrictions = nullptr; // restrictions in force, above everything else
    QLabel* m_name = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_transition = nullptr;
    QLabel* m_contact = nullptr;
    QLabel* m_error = nullptr;
    QTableView* m_accessView = nullptr;
    QTableView* m_invitationsView = nullptr;
    QTableView* m_timelineView = nullptr;
    AccessModel* m_access = nullptr;
    PatientInvitationsModel* m_invitations = nullptr;
    TimelineModel* m_timeline = nullptr;

    QPushButton* m_enroll = nullptr;
    QPushButton* m_editPatient = nullptr;
    QPushButton* m_sendNow = nullptr;
    QPushButton* m_reissue = nullptr;
    QPushButton* m_resetPin = nullptr;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_editLogin = nullptr;
    QPushButton* m_deactivate = nullptr;
    QPushButton* m_explain = nullptr;
    QPushButton* m_logRequest = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_reverseDeath = nullptr;
    QPushButton* m_restrict = nullptr;
};

} // namespace pd

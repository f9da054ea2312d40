// The tables of a patient's page: who has access and how, every invitation, and the timeline.
#pragma once

#include "models/RowsModel.h"
#include "services/PatientService.h"

namespace pd {

struct AccessRow {
    PortalUser user;
    Grant grant; // id 0 for the patient's own login before it holds a grant
};

struct InvitationEntry {
    Invitation invitation;
    QString username;
};

class AccessModel final : public RowsModel<AccessRow> {
public:
    AccessModel(const QTimeZone& zone, QObject* parent = nullptr);
    // Open grants first, then ended ones, newest first within each.
    void setStory(const PatientStory& story);
    enum Columns {
        LoginColumn,
        NameColumn,
        HolderColumn,
        LevelColumn,
        AccessColumn,
        StatusColumn,
        EmailColumn
    };
};

class PatientInvitationsModel final : public RowsModel<InvitationEntry> {
public:
    PatientInvitationsModel(const QTimeZone& zone, QObject* parent = nullptr);
    void setStory(const PatientStory& story);
    enum Columns {
        LoginColumn,
        EmailColumn,
        StatusColumn,
        QueuedColumn,
        SentColumn,
        ExpiresColumn,
        FailedColumn,
        NoteColumn
    };
};

class TimelineModel final : public RowsModel<AuditEvent> {
public:
    TimelineModel(const QTimeZone& zone, QObject* parent = nullptr);
    // Newest first: the question is usually about what happened last.
    void setStory(const PatientStory& story);
    enum Columns { WhenColumn, WhoColumn, WhatColumn };
};

} // namespace pd

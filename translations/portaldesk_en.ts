<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Audit log intact: %n event(s) verified.</source>
        <translation>
            <numerusform>Audit log intact: %n event verified.</numerusform>
            <numerusform>Audit log intact: %n events verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; takes %n word(s) after it.</source>
        <translation>
            <numerusform>&quot;%1&quot; takes %n word after it.</numerusform>
            <numerusform>&quot;%1&quot; takes %n words after it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No transitions in the next %n day(s).</source>
        <translation>
            <numerusform>No transitions in the next %n day.</numerusform>
            <numerusform>No transitions in the next %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The corrected age ends %n access grant(s) now.</source>
        <translation>
            <numerusform>The corrected age ends %n access grant now.</numerusform>
            <numerusform>The corrected age ends %n access grants now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n login(s) left with no access were terminated.</source>
        <translation>
            <numerusform>%n login left with no access was terminated.</numerusform>
            <numerusform>%n logins left with no access were terminated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 message(s): %L2 applied, %L3 ignored, %L4 refused.</source>
        <translation>
            <numerusform>%L1 message: %L2 applied, %L3 ignored, %L4 refused.</numerusform>
            <numerusform>%L1 messages: %L2 applied, %L3 ignored, %L4 refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) refused; the others were applied. The refused ones wait on the Feed desk (feed refused).</source>
        <translation>
            <numerusform>%n message refused; the others were applied. The refused ones wait on the Feed desk (feed refused).</numerusform>
            <numerusform>%n messages refused; the others were applied. The refused ones wait on the Feed desk (feed refused).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused message(s) waiting.</source>
        <translation>
            <numerusform>%n refused message waiting.</numerusform>
            <numerusform>%n refused messages waiting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) held for review.</source>
        <translation>
            <numerusform>%n merge held for review.</numerusform>
            <numerusform>%n merges held for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MRN %1 merged into MRN %2: %n row(s) moved.</source>
        <translation>
            <numerusform>MRN %1 merged into MRN %2: %n row moved.</numerusform>
            <numerusform>MRN %1 merged into MRN %2: %n rows moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 record(s): %L2 applied, %L3 skipped, %L4 refused.</source>
        <translation>
            <numerusform>%L1 record: %L2 applied, %L3 skipped, %L4 refused.</numerusform>
            <numerusform>%L1 records: %L2 applied, %L3 skipped, %L4 refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) refused; the others were applied. Correct them and import the file again: what was applied is not applied twice.</source>
        <translation>
            <numerusform>%n record refused; the others were applied. Correct them and import the file again: what was applied is not applied twice.</numerusform>
            <numerusform>%n records refused; the others were applied. Correct them and import the file again: what was applied is not applied twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invitation #%1 for %2 goes to %3 with the next mail run; its %n day(s) start when the mail server accepts it.</source>
        <translation>
            <numerusform>Invitation #%1 for %2 goes to %3 with the next mail run; its %n day starts when the mail server accepts it.</numerusform>
            <numerusform>Invitation #%1 for %2 goes to %3 with the next mail run; its %n days start when the mail server accepts it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked against %n anchor(s) in %1.</source>
        <translation>
            <numerusform>Checked against %n anchor in %1.</numerusform>
            <numerusform>Checked against %n anchors in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n grant(s) ended at once</source>
        <translation>
            <numerusform>  %n grant ended at once</numerusform>
            <numerusform>  %n grants ended at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n login(s) left with none terminated</source>
        <translation>
            <numerusform>%n login left with none terminated</numerusform>
            <numerusform>%n logins left with none terminated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting message(s) cancelled; nothing is mailed to them.</source>
        <translation>
            <numerusform>%n waiting message cancelled; nothing is mailed to them.</numerusform>
            <numerusform>%n waiting messages cancelled; nothing is mailed to them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message numerus="yes">
        <source>Recorded as deceased: %n grant(s) ended, no e-mail sent.</source>
        <translation>
            <numerusform>Recorded as deceased: %n grant ended, no e-mail sent.</numerusform>
            <numerusform>Recorded as deceased: %n grants ended, no e-mail sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grant(s) ended by the age rules.</source>
        <translation>
            <numerusform>%n grant ended by the age rules.</numerusform>
            <numerusform>%n grants ended by the age rules.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MRN %1 merged into it: %n row(s) moved.</source>
        <translation>
            <numerusform>MRN %1 merged into it: %n row moved.</numerusform>
            <numerusform>MRN %1 merged into it: %n rows moved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message numerus="yes">
        <source>Wrong PIN; %n attempt(s) left.</source>
        <translation>
            <numerusform>Wrong PIN; %n attempt left.</numerusform>
            <numerusform>Wrong PIN; %n attempts left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The proxy&apos;s login %1 (%2) holds access to %n other patient(s).</source>
        <translation>
            <numerusform>The proxy&apos;s login %1 (%2) holds access to %n other patient.</numerusform>
            <numerusform>The proxy&apos;s login %1 (%2) holds access to %n other patients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This patient&apos;s birth date was tried %n time(s) in the last hour, the most identity.checks_per_hour allows. Verify the caller another way (photo ID in person) or try again later.</source>
        <translation>
            <numerusform>This patient&apos;s birth date was tried %n time in the last hour, the most identity.checks_per_hour allows. Verify the caller another way (photo ID in person) or try again later.</numerusform>
            <numerusform>This patient&apos;s birth date was tried %n times in the last hour, the most identity.checks_per_hour allows. Verify the caller another way (photo ID in person) or try again later.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::AddRestrictionDialog</name>
    <message numerus="yes">
        <source>From now on %1 is barred from %n record(s): their access ends at once, a login left with none is closed, and nothing is mailed to them. While it is in force nobody can enroll them, approve a consent naming them, reissue them an invitation or give them the record through a new address. Anyone with that name, or that e-mail address, is matched.</source>
        <translation>
            <numerusform>From now on %1 is barred from %n record: their access ends at once, a login left with none is closed, and nothing is mailed to them. While it is in force nobody can enroll them, approve a consent naming them, reissue them an invitation or give them the record through a new address. Anyone with that name, or that e-mail address, is matched.</numerusform>
            <numerusform>From now on %1 is barred from %n records: their access ends at once, a login left with none is closed, and nothing is mailed to them. While it is in force nobody can enroll them, approve a consent naming them, reissue them an invitation or give them the record through a new address. Anyone with that name, or that e-mail address, is matched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::ConsentsPage</name>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consent</numerusform>
            <numerusform>%n consents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, MRN %2, born %3 (%n year(s) old)</source>
        <translation>
            <numerusform>%1, MRN %2, born %3 (%n year old)</numerusform>
            <numerusform>%1, MRN %2, born %3 (%n years old)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enrollment(s) to review</source>
        <translation>
            <numerusform>%n enrollment to review</numerusform>
            <numerusform>%n enrollments to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::EditPatientDialog</name>
    <message numerus="yes">
        <source>With the new birth date the patient is %n year(s) old (%1).</source>
        <translation>
            <numerusform>With the new birth date the patient is %n year old (%1).</numerusform>
            <numerusform>With the new birth date the patient is %n years old (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The age rules apply at once: %n access grant(s) end when you save, and the family must enroll again with the forms for that age.</source>
        <translation>
            <numerusform>The age rules apply at once: %n access grant ends when you save, and the family must enroll again with the forms for that age.</numerusform>
            <numerusform>The age rules apply at once: %n access grants end when you save, and the family must enroll again with the forms for that age.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::EnrollDialog</name>
    <message numerus="yes">
        <source>Creates the login for %1 &lt;%2&gt; (or uses the existing login with that address), gives it %3 access to %4&apos;s record, and queues an invitation that must be sent within %n business day(s). The PIN is stored only as a hash and is never shown again.</source>
        <translation>
            <numerusform>Creates the login for %1 &lt;%2&gt; (or uses the existing login with that address), gives it %3 access to %4&apos;s record, and queues an invitation that must be sent within %n business day. The PIN is stored only as a hash and is never shown again.</numerusform>
            <numerusform>Creates the login for %1 &lt;%2&gt; (or uses the existing login with that address), gives it %3 access to %4&apos;s record, and queues an invitation that must be sent within %n business days. The PIN is stored only as a hash and is never shown again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::FeedPage</name>
    <message numerus="yes">
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n message waiting</numerusform>
            <numerusform>%n messages waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) waiting</source>
        <translation>
            <numerusform>%n merge waiting</numerusform>
            <numerusform>%n merges waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: the EHR has sent nothing for %n minute(s), since %1 (more than the %2 allowed). Check the interface engine and the listener.</source>
        <translation>
            <numerusform>Warning: the EHR has sent nothing for %n minute, since %1 (more than the %2 allowed). Check the interface engine and the listener.</numerusform>
            <numerusform>Warning: the EHR has sent nothing for %n minutes, since %1 (more than the %2 allowed). Check the interface engine and the listener.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) to review</source>
        <translation>
            <numerusform>%n patient to review</numerusform>
            <numerusform>%n patients to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::LogRequestDialog</name>
    <message numerus="yes">
        <source>It is due %n business day(s) after it arrived (counted in HIM hours), and shows on the requests worklist until someone resolves it.</source>
        <translation>
            <numerusform>It is due %n business day after it arrived (counted in HIM hours), and shows on the requests worklist until someone resolves it.</numerusform>
            <numerusform>It is due %n business days after it arrived (counted in HIM hours), and shows on the requests worklist until someone resolves it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message numerus="yes">
        <source>Outbox: %n waiting</source>
        <translation>
            <numerusform>Outbox: %n waiting</numerusform>
            <numerusform>Outbox: %n waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::PatientPage</name>
    <message numerus="yes">
        <source>Send %1&apos;s invitation to %2 now? The link works for %n day(s) from sending.</source>
        <translation>
            <numerusform>Send %1&apos;s invitation to %2 now? The link works for %n day from sending.</numerusform>
            <numerusform>Send %1&apos;s invitation to %2 now? The link works for %n days from sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log a family&apos;s request about this patient (due in %n business day(s))</source>
        <translation>
            <numerusform>Log a family&apos;s request about this patient (due in %n business day)</numerusform>
            <numerusform>Log a family&apos;s request about this patient (due in %n business days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::ReissueDialog</name>
    <message numerus="yes">
        <source>A new invitation goes to %1, the address on file, with a new link that works for %n day(s) from sending. </source>
        <translation>
            <numerusform>A new invitation goes to %1, the address on file, with a new link that works for %n day from sending. </numerusform>
            <numerusform>A new invitation goes to %1, the address on file, with a new link that works for %n days from sending. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message numerus="yes">
        <source> week(s)</source>
        <translation>
            <numerusform> week</numerusform>
            <numerusform> weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::RequestsPage</name>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::RestrictionsPage</name>
    <message numerus="yes">
        <source>%n restriction(s)</source>
        <translation>
            <numerusform>%n restriction</numerusform>
            <numerusform>%n restrictions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::SearchPanel</name>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n match.</numerusform>
            <numerusform>%n matches.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) so far; scroll for more.</source>
        <translation>
            <numerusform>%n match so far; scroll for more.</numerusform>
            <numerusform>%n matches so far; scroll for more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message numerus="yes">
        <source>Saved %n setting(s). They apply to every workstation; this window uses them after the next sign-in.</source>
        <translation>
            <numerusform>Saved %n setting. They apply to every workstation; this window uses them after the next sign-in.</numerusform>
            <numerusform>Saved %n settings. They apply to every workstation; this window uses them after the next sign-in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::VerifyBirthDateDialog</name>
    <message numerus="yes">
        <source>Ask the caller for the patient&apos;s birth date and type it as they give it. You see only whether it matches, never the date on record. Every check is recorded in the timeline, and a patient&apos;s birth date can be tried %n time(s) an hour, by all staff together.</source>
        <translation>
            <numerusform>Ask the caller for the patient&apos;s birth date and type it as they give it. You see only whether it matches, never the date on record. Every check is recorded in the timeline, and a patient&apos;s birth date can be tried %n time an hour, by all staff together.</numerusform>
            <numerusform>Ask the caller for the patient&apos;s birth date and type it as they give it. You see only whether it matches, never the date on record. Every check is recorded in the timeline, and a patient&apos;s birth date can be tried %n times an hour, by all staff together.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::WorklistsPage</name>
    <message numerus="yes">
        <source>Age transitions in the next %n day(s)</source>
        <translation>
            <numerusform>Age transitions in the next %n day</numerusform>
            <numerusform>Age transitions in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) match the filter.</source>
        <translation>
            <numerusform>%1 of %n row matches the filter.</numerusform>
            <numerusform>%1 of %n rows match the filter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n row.</numerusform>
            <numerusform>%n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Saved %n row to %1.</numerusform>
            <numerusform>Saved %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>

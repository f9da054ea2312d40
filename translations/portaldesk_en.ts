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

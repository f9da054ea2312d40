<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Temporary &amp;PIN (4–8 digits):</source>
        <translation>&amp;PIN temporal (4–8 dígitos):</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>&amp;Repetir PIN:</translation>
    </message>
    <message>
        <source>Type the temporary PIN from the form.</source>
        <translation>Escriba el PIN temporal del formulario.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
    <message>
        <source>Temporary PIN</source>
        <translation>PIN temporal</translation>
    </message>
    <message>
        <source>Temporary PIN again</source>
        <translation>Repetir PIN temporal</translation>
    </message>
</context>
<context>
    <name>AgeRules</name>
    <message>
        <source>Child (0–11)</source>
        <translation>Niño (0–11)</translation>
    </message>
    <message>
        <source>Adolescent (12–17)</source>
        <translation>Adolescente (12–17)</translation>
    </message>
    <message>
        <source>Adult (18+)</source>
        <translation>Adulto (18+)</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>events %1 to %2 are missing (deleted)</source>
        <translation>faltan los eventos %1 a %2 (fueron borrados)</translation>
    </message>
    <message>
        <source>the link to the previous event is broken (an earlier event was deleted or replaced)</source>
        <translation>el enlace con el evento anterior está roto (un evento anterior fue borrado o reemplazado)</translation>
    </message>
    <message>
        <source>its contents were changed after it was written</source>
        <translation>su contenido se cambió después de registrarse</translation>
    </message>
    <message>
        <source>its hash is not the one anchored outside the database on %1: it, or an event before it, was rewritten and the chain recomputed</source>
        <translation>su hash no es el anclado fuera de la base de datos el %1: este evento, o uno anterior, se reescribió y se volvió a calcular la cadena</translation>
    </message>
    <message>
        <source>events %1 to %2 are missing: the newest events were deleted (an anchor written on %3 names event %2)</source>
        <translation>faltan los eventos %1 a %2: se borraron los eventos más recientes (un ancla escrita el %3 nombra el evento %2)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Audit log intact: %n event(s) verified.</source>
        <translation>
            <numerusform>Registro de auditoría íntegro: se verificó %n evento.</numerusform>
            <numerusform>Registro de auditoría íntegro: se verificaron %n eventos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log NOT intact: event %1: %2.</source>
        <translation>El registro de auditoría NO está íntegro: evento %1: %2.</translation>
    </message>
    <message>
        <source>The audit log does not verify at event %1: %2.</source>
        <translation>El registro de auditoría no se verifica en el evento %1: %2.</translation>
    </message>
    <message>
        <source>--limit must be a whole number from 1 to 10000.</source>
        <translation>--limit debe ser un número entero de 1 a 10000.</translation>
    </message>
    <message>
        <source>  (default)</source>
        <translation>  (predeterminado)</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <source>staff add needs --role.</source>
        <translation>staff add necesita --role.</translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation>Se agregó a %1 como %2.</translation>
    </message>
    <message>
        <source>  (disabled)</source>
        <translation>  (deshabilitado)</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>Demo data: %1 patients, %2 logins, %3 invitations.</source>
        <translation>Datos de demostración: %1 pacientes, %2 cuentas de acceso, %3 invitaciones.</translation>
    </message>
    <message>
        <source>Demo staff: %1</source>
        <translation>Personal de demostración: %1</translation>
    </message>
    <message>
        <source>portaldesk-cli: %1</source>
        <translation>portaldesk-cli: %1</translation>
    </message>
    <message>
        <source>Run portaldesk-cli --help for the commands.</source>
        <translation>Ejecute portaldesk-cli --help para ver los comandos.</translation>
    </message>
    <message>
        <source>The cryptography self-test failed; PortalDesk will not run.</source>
        <translation>Falló la autoprueba criptográfica; PortalDesk no se ejecutará.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; takes %n word(s) after it.</source>
        <translation>
            <numerusform>&quot;%1&quot; lleva %n palabra después.</numerusform>
            <numerusform>&quot;%1&quot; lleva %n palabras después.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no option --%2.</source>
        <translation>&quot;%1&quot; no tiene la opción --%2.</translation>
    </message>
    <message>
        <source>The database %1 is not set up yet; run &quot;portaldesk-cli init&quot; first.</source>
        <translation>La base de datos %1 todavía no está preparada; ejecute primero &quot;portaldesk-cli init&quot;.</translation>
    </message>
    <message>
        <source>Database ready: %1 (schema version %2).</source>
        <translation>Base de datos lista: %1 (versión del esquema %2).</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Sesión iniciada como %1 (%2).</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>--%1 necesita un valor.</translation>
    </message>
    <message>
        <source>Invitation #%1 was revoked.</source>
        <translation>La invitación n.º %1 fue revocada.</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence %1</translation>
    </message>
    <message>
        <source>  LATE</source>
        <translation>  ATRASADA</translation>
    </message>
    <message>
        <source>sent %1, expires %2</source>
        <translation>enviada %1, vence %2</translation>
    </message>
    <message>
        <source>No invitations match.</source>
        <translation>Ninguna invitación coincide.</translation>
    </message>
    <message>
        <source>A new PIN is set only after the caller&apos;s identity is verified; say how with --verified-by (for example &quot;DOB + MRN&quot;).</source>
        <translation>Solo se asigna un PIN nuevo después de verificar la identidad de quien llama; indique cómo con --verified-by (por ejemplo &quot;fecha de nacimiento + MRN&quot;).</translation>
    </message>
    <message>
        <source>New temporary PIN: </source>
        <translation>PIN temporal nuevo: </translation>
    </message>
    <message>
        <source>Invitation #%1 revoked.</source>
        <translation>Invitación n.º %1 revocada.</translation>
    </message>
    <message>
        <source>activate needs --token.</source>
        <translation>activate necesita --token.</translation>
    </message>
    <message>
        <source>Temporary PIN: </source>
        <translation>PIN temporal: </translation>
    </message>
    <message>
        <source>Activated: %1 can now sign in to the portal.</source>
        <translation>Activada: %1 ya puede iniciar sesión en el portal.</translation>
    </message>
    <message>
        <source>--days must be a whole number.</source>
        <translation>--days debe ser un número entero.</translation>
    </message>
    <message>
        <source>notice queued</source>
        <translation>aviso en cola</translation>
    </message>
    <message>
        <source>no notice yet</source>
        <translation>sin aviso todavía</translation>
    </message>
    <message numerus="yes">
        <source>No transitions in the next %n day(s).</source>
        <translation>
            <numerusform>No hay transiciones en el próximo %n día.</numerusform>
            <numerusform>No hay transiciones en los próximos %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitations expired: %1</source>
        <translation>Invitaciones vencidas: %1</translation>
    </message>
    <message>
        <source>Grants ended at 12 or 18: %1</source>
        <translation>Accesos terminados a los 12 o 18 años: %1</translation>
    </message>
    <message>
        <source>Logins terminated (no access left): %1</source>
        <translation>Cuentas de acceso cerradas (sin acceso restante): %1</translation>
    </message>
    <message>
        <source>Transition notices queued: %1</source>
        <translation>Avisos de transición en cola: %1</translation>
    </message>
    <message>
        <source>Invitations marked late: %1</source>
        <translation>Invitaciones marcadas como atrasadas: %1</translation>
    </message>
    <message>
        <source>Mail sent: %1, waiting to retry: %2, failed: %3</source>
        <translation>Correos enviados: %1, en espera de reintento: %2, fallidos: %3</translation>
    </message>
    <message>
        <source>Messages are written to %1</source>
        <translation>Los mensajes se escriben en %1</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>La bandeja de salida está vacía.</translation>
    </message>
    <message>
        <source>  ENDED %1 (%2)</source>
        <translation>  TERMINADO %1 (%2)</translation>
    </message>
    <message>
        <source>  wrong PINs: %1</source>
        <translation>  PIN incorrectos: %1</translation>
    </message>
    <message>
        <source>  revoked: %1</source>
        <translation>  revocada: %1</translation>
    </message>
    <message>
        <source>patient add needs --%1.</source>
        <translation>patient add necesita --%1.</translation>
    </message>
    <message>
        <source>Added patient %1: %2, born %3.</source>
        <translation>Se agregó al paciente %1: %2, nacido(a) el %3.</translation>
    </message>
    <message>
        <source>Patient %1  %2</source>
        <translation>Paciente %1  %2</translation>
    </message>
    <message>
        <source>  born %1, %2 years old (%3); language %4; e-mail %5; phone %6</source>
        <translation>  nacido(a) el %1, %2 años (%3); idioma %4; correo %5; teléfono %6</translation>
    </message>
    <message>
        <source>  next transition: turns %1 on %2</source>
        <translation>  próxima transición: cumple %1 el %2</translation>
    </message>
    <message>
        <source>Logins:</source>
        <translation>Cuentas de acceso:</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  ninguna</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Acceso:</translation>
    </message>
    <message>
        <source>Invitations:</source>
        <translation>Invitaciones:</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>Cronología:</translation>
    </message>
    <message>
        <source>--limit must be a whole number from 1 to 500.</source>
        <translation>--limit debe ser un número entero de 1 a 500.</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <source>login</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>No hay coincidencias.</translation>
    </message>
    <message>
        <source>enroll needs --%1.</source>
        <translation>enroll necesita --%1.</translation>
    </message>
    <message>
        <source>Temporary PIN from the form: </source>
        <translation>PIN temporal del formulario: </translation>
    </message>
    <message>
        <source>Enrolled %1 (%2) with %3 access (%4 bracket).</source>
        <translation>Se inscribió a %1 (%2) con acceso %3 (grupo de edad %4).</translation>
    </message>
    <message>
        <source>Invitation #%1 to %2 is due to be sent by %3.</source>
        <translation>La invitación n.º %1 a %2 debe enviarse a más tardar el %3.</translation>
    </message>
    <message>
        <source>Login %1  %2  &lt;%3&gt;  %4 (%5)</source>
        <translation>Cuenta %1  %2  &lt;%3&gt;  %4 (%5)</translation>
    </message>
    <message>
        <source>  deactivated %1: %2; reported by %3; verified by %4</source>
        <translation>  desactivada %1: %2; reportado por %3; verificado por %4</translation>
    </message>
    <message>
        <source>user update needs --email or --language.</source>
        <translation>user update necesita --email o --language.</translation>
    </message>
    <message>
        <source>Updated %1: e-mail %2, language %3.</source>
        <translation>Se actualizó %1: correo %2, idioma %3.</translation>
    </message>
    <message>
        <source>user deactivate needs --reason.</source>
        <translation>user deactivate necesita --reason.</translation>
    </message>
    <message>
        <source>Deactivated %1 (%2). Live invitations revoked: %3. A notice to %4 is in the outbox.</source>
        <translation>Se desactivó %1 (%2). Invitaciones vigentes revocadas: %3. Hay un aviso para %4 en la bandeja de salida.</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>paciente %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3 form)  since %4</source>
        <translation>%1 (%2, formulario %3)  desde %4</translation>
    </message>
    <message>
        <source>Say where to send it: --to ADDRESS.</source>
        <translation>Indique adónde enviarlo: --to ADDRESS.</translation>
    </message>
    <message>
        <source>Test message accepted for %1 (%2).</source>
        <translation>Mensaje de prueba aceptado para %1 (%2).</translation>
    </message>
    <message>
        <source>Password for %1 (12 characters or more): </source>
        <translation>Contraseña de %1 (12 caracteres o más): </translation>
    </message>
    <message>
        <source>Database password for %1: </source>
        <translation>Contraseña de la base de datos para %1: </translation>
    </message>
    <message>
        <source>A consent is named by its number, e.g. 12.</source>
        <translation>Un consentimiento se indica por su número, p. ej., 12.</translation>
    </message>
    <message>
        <source>consent submit needs --%1.</source>
        <translation>consent submit necesita --%1.</translation>
    </message>
    <message>
        <source>The form %1 can&apos;t be read: %2</source>
        <translation>No se puede leer el formulario %1: %2</translation>
    </message>
    <message>
        <source>Consent %1 filed for review: %2 as %3&apos;s %4 (%5).</source>
        <translation>Consentimiento %1 registrado para revisión: %2 como %4 del paciente %3 (%5).</translation>
    </message>
    <message>
        <source>No consents.</source>
        <translation>No hay consentimientos.</translation>
    </message>
    <message>
        <source>Consent %1 (%2), %3</source>
        <translation>Consentimiento %1 (%2), %3</translation>
    </message>
    <message>
        <source>  patient  %1 %2 %3, born %4</source>
        <translation>  paciente       %1 %2 %3, nacido(a) el %4</translation>
    </message>
    <message>
        <source>  proxy    %1 &lt;%2&gt;, %3, %4 access</source>
        <translation>  representante  %1 &lt;%2&gt;, %3, acceso %4</translation>
    </message>
    <message>
        <source>  form     %1, %2 bytes, SHA-256 %3; signed %4 by %5</source>
        <translation>  formulario     %1, %2 bytes, SHA-256 %3; firmado el %4 por %5</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrado)</translation>
    </message>
    <message>
        <source>Every check passes: it can be approved.</source>
        <translation>Todas las comprobaciones son correctas: se puede aprobar.</translation>
    </message>
    <message>
        <source>Approving it needs a supervisor&apos;s override.</source>
        <translation>Para aprobarlo se necesita una excepción de un supervisor.</translation>
    </message>
    <message>
        <source>A check fails: it can&apos;t be approved as it is.</source>
        <translation>Una comprobación falla: no se puede aprobar tal como está.</translation>
    </message>
    <message>
        <source>Consent %1 approved: %2 has %3 access.</source>
        <translation>Consentimiento %1 aprobado: %2 tiene acceso %3.</translation>
    </message>
    <message>
        <source>Consent %1 rejected.</source>
        <translation>Consentimiento %1 rechazado.</translation>
    </message>
    <message>
        <source>Consent %1 revoked: %2&apos;s access ended now.</source>
        <translation>Consentimiento %1 revocado: el acceso de %2 terminó ahora.</translation>
    </message>
    <message>
        <source>--weeks takes a number of weeks.</source>
        <translation>--weeks necesita un número de semanas.</translation>
    </message>
    <message>
        <source>Activation rate %1%, median time to activation %2.</source>
        <translation>Tasa de activación: %1%; mediana del tiempo hasta la activación: %2.</translation>
    </message>
    <message>
        <source>none activated</source>
        <translation>ninguna activada</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>Requests met within their due time: %1 of %2 (%3 open, not yet due).</source>
        <translation>Solicitudes atendidas dentro del plazo: %1 de %2 (%3 abiertas, todavía sin vencer).</translation>
    </message>
    <message>
        <source>Turning 12: %1 in 30 days, %2 in 90; turning 18: %3 in 30 days, %4 in 90.</source>
        <translation>Cumplen 12 años: %1 en 30 días, %2 en 90; cumplen 18 años: %3 en 30 días, %4 en 90.</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>MRN %1</translation>
    </message>
    <message>
        <source>request add needs --kind (%1).</source>
        <translation>request add necesita --kind (%1).</translation>
    </message>
    <message>
        <source>Request #%1 (%2, %3) logged: received %4, due %5.</source>
        <translation>Solicitud n.º %1 (%2, %3) registrada: recibida %4, vence %5.</translation>
    </message>
    <message>
        <source>Give --late or --all, not both.</source>
        <translation>Indique --late o --all, no ambos.</translation>
    </message>
    <message>
        <source>--limit is a number from 1 to 5000.</source>
        <translation>--limit es un número de 1 a 5000.</translation>
    </message>
    <message>
        <source>resolved %1 by %2</source>
        <translation>resuelta %1 por %2</translation>
    </message>
    <message>
        <source>No request is late.</source>
        <translation>Ninguna solicitud está atrasada.</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>No hay solicitudes.</translation>
    </message>
    <message>
        <source>No open requests.</source>
        <translation>No hay solicitudes abiertas.</translation>
    </message>
    <message>
        <source>Give the request&apos;s number, for example &quot;request resolve 12&quot;.</source>
        <translation>Indique el número de la solicitud, por ejemplo &quot;request resolve 12&quot;.</translation>
    </message>
    <message>
        <source>request resolve needs --note (how it was resolved).</source>
        <translation>request resolve necesita --note (cómo se resolvió).</translation>
    </message>
    <message>
        <source>Request #%1 resolved.</source>
        <translation>Solicitud n.º %1 resuelta.</translation>
    </message>
    <message>
        <source>Request #%1 resolved by %2 (audit event %3).</source>
        <translation>Solicitud n.º %1 resuelta por %2 (evento de auditoría %3).</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Login %1 (%2, %3, %4) and patient %5 (%6), %7 years old, %8, on %9</source>
        <translation>Cuenta %1 (%2, %3, %4) y paciente %5 (%6), %7 años, %8, el %9</translation>
    </message>
    <message>
        <source>Access considered:</source>
        <translation>Accesos considerados:</translation>
    </message>
    <message>
        <source>  none (the patient&apos;s own login)</source>
        <translation>  ninguno (cuenta propia del paciente)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>  ENDED %1 (%2; the nightly run has not recorded it yet)</source>
        <translation>  TERMINADO %1 (%2; el proceso nocturno todavía no lo ha registrado)</translation>
    </message>
    <message>
        <source>  ← decides</source>
        <translation>  ← decide</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>patient update needs at least one field to change, such as --birth-date.</source>
        <translation>patient update necesita al menos un campo que cambiar, como --birth-date.</translation>
    </message>
    <message>
        <source>Patient %1 already reads so; nothing changed.</source>
        <translation>El paciente %1 ya figura así; no cambió nada.</translation>
    </message>
    <message>
        <source>Corrected patient %1: %2.</source>
        <translation>Se corrigió al paciente %1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>The corrected age ends %n access grant(s) now.</source>
        <translation>
            <numerusform>Con la edad corregida termina ahora %n acceso.</numerusform>
            <numerusform>Con la edad corregida terminan ahora %n accesos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n login(s) left with no access were terminated.</source>
        <translation>
            <numerusform>Se cerró %n cuenta que quedó sin acceso.</numerusform>
            <numerusform>Se cerraron %n cuentas que quedaron sin acceso.</numerusform>
        </translation>
    </message>
    <message>
        <source>The patient is younger now: access ended under the old birth date is not reopened by itself; listed for review.</source>
        <translation>El paciente ahora es menor: el acceso que terminó con la fecha de nacimiento anterior no se reabre solo; queda pendiente de revisión.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least one file.</source>
        <translation>«%1» necesita al menos un archivo.</translation>
    </message>
    <message>
        <source>%L1 messages read (%2%)</source>
        <translation>%L1 mensajes leídos (%2%)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a message number.</source>
        <translation>«%1» no es un número de mensaje.</translation>
    </message>
    <message>
        <source>Stopped at %1: %2 Import the file again to go on; what was applied is not applied twice.</source>
        <translation>Detenido en %1: %2 Importe el archivo de nuevo para seguir; lo ya aplicado no se aplica dos veces.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 message(s): %L2 applied, %L3 ignored, %L4 refused.</source>
        <translation>
            <numerusform>%L1 mensaje: %L2 aplicado, %L3 ignorado, %L4 rechazado.</numerusform>
            <numerusform>%L1 mensajes: %L2 aplicados, %L3 ignorados, %L4 rechazados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) refused; the others were applied. The refused ones wait on the Feed desk (feed refused).</source>
        <translation>
            <numerusform>%n mensaje rechazado; los demás se aplicaron. Los rechazados esperan en el escritorio de la interfaz (feed refused).</numerusform>
            <numerusform>%n mensajes rechazados; los demás se aplicaron. Los rechazados esperan en el escritorio de la interfaz (feed refused).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused message(s) waiting.</source>
        <translation>
            <numerusform>%n mensaje rechazado en espera.</numerusform>
            <numerusform>%n mensajes rechazados en espera.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest %1 are shown.</source>
        <translation>Se muestran los %1 más antiguos.</translation>
    </message>
    <message>
        <source>Refused again: %1</source>
        <translation>Rechazado de nuevo: %1</translation>
    </message>
    <message>
        <source>Message #%1 dismissed.</source>
        <translation>Mensaje n.º %1 descartado.</translation>
    </message>
    <message>
        <source>  DECEASED %1 (reported by the EHR): every access ended; no e-mail goes to the family.</source>
        <translation>  FALLECIDO %1 (según la historia clínica): todos los accesos terminaron; no se envía ningún correo a la familia.</translation>
    </message>
    <message>
        <source>--port must be a port number from 0 to 65535.</source>
        <translation>--port debe ser un número de puerto de 0 a 65535.</translation>
    </message>
    <message>
        <source>--bind must be an IP address of this machine (0.0.0.0 for all).</source>
        <translation>--bind debe ser una dirección IP de este equipo (0.0.0.0 para todas).</translation>
    </message>
    <message>
        <source>TLS needs --tls-cert, --tls-key and --tls-client-ca together.</source>
        <translation>TLS necesita --tls-cert, --tls-key y --tls-client-ca juntos.</translation>
    </message>
    <message>
        <source>Refused a connection from %1: %2</source>
        <translation>Se rechazó una conexión de %1: %2</translation>
    </message>
    <message>
        <source>Listening for the EHR&apos;s ADT messages on %1. Stop with Ctrl+C or SIGTERM.</source>
        <translation>Escuchando los mensajes ADT de la historia clínica en %1. Detenga con Ctrl+C o SIGTERM.</translation>
    </message>
    <message>
        <source>Stopped. Acknowledged %L1 (AA), refused %L2 (AE), asked for %L3 again (AR).</source>
        <translation>Detenido. Confirmados %L1 (AA), rechazados %L2 (AE), pedidos de nuevo %L3 (AR).</translation>
    </message>
    <message>
        <source>#%1  %2  MRN %3 (%4) into MRN %5 (%6)</source>
        <translation>n.º %1  %2  MRN %3 (%4) en el MRN %5 (%6)</translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) held for review.</source>
        <translation>
            <numerusform>%n fusión en espera de revisión.</numerusform>
            <numerusform>%n fusiones en espera de revisión.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MRN %1 merged into MRN %2: %n row(s) moved.</source>
        <translation>
            <numerusform>MRN %1 fusionado con el MRN %2: se movió %n fila.</numerusform>
            <numerusform>MRN %1 fusionado con el MRN %2: se movieron %n filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>MRN %1 was merged into MRN %2 by the EHR; showing MRN %2.</source>
        <translation>La historia clínica fusionó el MRN %1 con el MRN %2; se muestra el MRN %2.</translation>
    </message>
    <message>
        <source>  earlier records merged into this one: %1</source>
        <translation>  registros anteriores fusionados con este: %1</translation>
    </message>
    <message>
        <source>%L1 records read (%2%)</source>
        <translation>%L1 registros leídos (%2%)</translation>
    </message>
    <message numerus="yes">
        <source>%L1 record(s): %L2 applied, %L3 skipped, %L4 refused.</source>
        <translation>
            <numerusform>%L1 registro: %L2 aplicado, %L3 omitido, %L4 rechazado.</numerusform>
            <numerusform>%L1 registros: %L2 aplicados, %L3 omitidos, %L4 rechazados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) refused; the others were applied. Correct them and import the file again: what was applied is not applied twice.</source>
        <translation>
            <numerusform>%n registro rechazado; los demás se aplicaron. Corríjalo e importe el archivo de nuevo: lo ya aplicado no se aplica dos veces.</numerusform>
            <numerusform>%n registros rechazados; los demás se aplicaron. Corríjalos e importe el archivo de nuevo: lo ya aplicado no se aplica dos veces.</numerusform>
        </translation>
    </message>
    <message>
        <source>--offset must be a whole number, 0 or more.</source>
        <translation>--offset debe ser un número entero, 0 o mayor.</translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3; --offset %2 for the next.</source>
        <translation>Filas %1–%2 de %3; --offset %2 para las siguientes.</translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3.</source>
        <translation>Filas %1–%2 de %3.</translation>
    </message>
    <message>
        <source>%1: %L2</source>
        <translation>%1: %L2</translation>
    </message>
    <message>
        <source>--patients must be from 1 to 10,000,000 and --seed a whole number.</source>
        <translation>--patients debe ser de 1 a 10.000.000 y --seed un número entero.</translation>
    </message>
    <message>
        <source>Demo patients: %L1 of %L2</source>
        <translation>Pacientes de demostración: %L1 de %L2</translation>
    </message>
    <message>
        <source>  LISTED FOR REVIEW since %1: %2 (&quot;patient reviewed %3&quot; once done).</source>
        <translation>  PENDIENTE DE REVISIÓN desde %1: %2 (&quot;patient reviewed %3&quot; una vez hecho).</translation>
    </message>
    <message>
        <source>No patient is listed for review.</source>
        <translation>Ningún paciente está pendiente de revisión.</translation>
    </message>
    <message>
        <source>MRN %1 is off the review list.</source>
        <translation>El MRN %1 ya no está en la lista de revisión.</translation>
    </message>
    <message>
        <source>Indexing people for search: %L1 of %L2</source>
        <translation>Indexando personas para la búsqueda: %L1 de %L2</translation>
    </message>
    <message numerus="yes">
        <source>Invitation #%1 for %2 goes to %3 with the next mail run; its %n day(s) start when the mail server accepts it.</source>
        <translation>
            <numerusform>La invitación n.º %1 de %2 sale hacia %3 en el próximo envío de correo; su %n día empieza a contar cuando el servidor de correo la acepta.</numerusform>
            <numerusform>La invitación n.º %1 de %2 sale hacia %3 en el próximo envío de correo; sus %n días empiezan a contar cuando el servidor de correo la acepta.</numerusform>
        </translation>
    </message>
    <message>
        <source>No anchor file is set: only the chain itself was checked (set audit.anchor_file).</source>
        <translation>No hay archivo de anclas: solo se comprobó la propia cadena (configure audit.anchor_file).</translation>
    </message>
    <message numerus="yes">
        <source>Checked against %n anchor(s) in %1.</source>
        <translation>
            <numerusform>Comprobado con %n ancla de %1.</numerusform>
            <numerusform>Comprobado con %n anclas de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log anchored at event %1 (system log).</source>
        <translation>Registro de auditoría anclado en el evento %1 (registro del sistema).</translation>
    </message>
    <message>
        <source>Audit log anchored at event %1 (system log and %2).</source>
        <translation>Registro de auditoría anclado en el evento %1 (registro del sistema y %2).</translation>
    </message>
    <message>
        <source>The day&apos;s work is done, but the audit log&apos;s head was not anchored: %1</source>
        <translation>El trabajo del día está hecho, pero la cabeza del registro de auditoría no se ancló: %1</translation>
    </message>
    <message>
        <source>One-time password for %1&apos;s first sign-in (12 characters or more; Enter for none yet): </source>
        <translation>Contraseña de un solo uso para el primer inicio de sesión de %1 (12 caracteres o más; Intro para ninguna por ahora): </translation>
    </message>
    <message>
        <source>One-time password for %1 (12 characters or more; they choose their own at their next sign-in): </source>
        <translation>Contraseña de un solo uso para %1 (12 caracteres o más; elegirá la suya en su próximo inicio de sesión): </translation>
    </message>
    <message>
        <source>%1 signs in next with that one-time password, then chooses their own.</source>
        <translation>%1 inicia sesión la próxima vez con esa contraseña de un solo uso y luego elige la suya.</translation>
    </message>
    <message>
        <source>Choose %1&apos;s password for the desktop (12 characters or more; Enter to set it later): </source>
        <translation>Elija la contraseña de %1 para el escritorio (12 caracteres o más; Intro para hacerlo más tarde): </translation>
    </message>
    <message>
        <source>%1&apos;s password is set.</source>
        <translation>La contraseña de %1 está establecida.</translation>
    </message>
    <message>
        <source>%1 has no password yet, so can&apos;t sign in to the desktop: run &quot;staff password %1&quot; as another supervisor, or &quot;init --password-stdin&quot; to choose one.</source>
        <translation>%1 aún no tiene contraseña, así que no puede iniciar sesión en el escritorio: ejecute &quot;staff password %1&quot; como otro supervisor, o &quot;init --password-stdin&quot; para elegir una.</translation>
    </message>
    <message>
        <source>Mail: queued for the mail service (&quot;mail serve&quot;), which sends on the central database.</source>
        <translation>Correo: en cola para el servicio de correo (&quot;mail serve&quot;), que es quien envía en la base de datos central.</translation>
    </message>
    <message>
        <source>--every is a number of seconds from 1 to 3600.</source>
        <translation>--every es un número de segundos de 1 a 3600.</translation>
    </message>
    <message>
        <source>Sending mail from %1 every %2 seconds. Stop with Ctrl+C or SIGTERM.</source>
        <translation>Enviando correo desde %1 cada %2 segundos. Se detiene con Ctrl+C o SIGTERM.</translation>
    </message>
    <message>
        <source>sent %1, waiting to retry %2, failed %3</source>
        <translation>enviados %1, esperando reintento %2, fallidos %3</translation>
    </message>
    <message>
        <source>Stopped. Sent %L1, waiting to retry %L2, failed %L3.</source>
        <translation>Detenido. Enviados %L1, esperando reintento %L2, fallidos %L3.</translation>
    </message>
    <message>
        <source>  born ••• (%1; &quot;patient verify&quot; checks a date a caller gives); language %2; e-mail %3; phone %4</source>
        <translation>  nacido(a) el ••• (%1; &quot;patient verify&quot; comprueba una fecha que da quien llama); idioma %2; correo %3; teléfono %4</translation>
    </message>
    <message>
        <source>  next transition: turns %1 (the day is a birthday, not shown to support agents)</source>
        <translation>  próxima transición: cumple %1 (el día es un cumpleaños, que no se muestra a los agentes de soporte)</translation>
    </message>
    <message>
        <source>patient verify needs --birth-date YYYY-MM-DD: the date the caller gives.</source>
        <translation>patient verify necesita --birth-date AAAA-MM-DD: la fecha que da quien llama.</translation>
    </message>
    <message>
        <source>Matches: the birth date the caller gave is the patient&apos;s.</source>
        <translation>Coincide: la fecha de nacimiento que dio quien llama es la del paciente.</translation>
    </message>
    <message>
        <source>Doesn&apos;t match: the birth date the caller gave is not the patient&apos;s.</source>
        <translation>No coincide: la fecha de nacimiento que dio quien llama no es la del paciente.</translation>
    </message>
    <message>
        <source>Login %1 (%2, %3, %4) and patient %5 (%6), %7, on %8</source>
        <translation>Cuenta %1 (%2, %3, %4) y paciente %5 (%6), %7, el %8</translation>
    </message>
    <message>
        <source>--restore takes grant numbers separated by commas (12,15), or none.</source>
        <translation>--restore lleva números de acceso separados por comas (12,15), o none.</translation>
    </message>
    <message>
        <source>The death recorded for %1 was taken back. The login stays deactivated; an HIM specialist reopens it with a new PIN.</source>
        <translation>Se anuló la defunción registrada para %1. La cuenta sigue desactivada; un especialista de HIM la reabre con un PIN nuevo.</translation>
    </message>
    <message>
        <source>A restriction is named by its number, e.g. 12.</source>
        <translation>Una restricción se nombra por su número, p. ej. 12.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta el %1</translation>
    </message>
    <message>
        <source>until lifted</source>
        <translation>hasta que se levante</translation>
    </message>
    <message>
        <source>lifted</source>
        <translation>levantada</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>RESTRICTED #%1: %2 is barred from MRN %3&apos;s record (%4, %5).</source>
        <translation>RESTRINGIDO n.º %1: %2 tiene prohibido el acceso al expediente del MRN %3 (%4, %5).</translation>
    </message>
    <message>
        <source>restriction add needs --%1.</source>
        <translation>restriction add necesita --%1.</translation>
    </message>
    <message>
        <source>The order %1 can&apos;t be read: %2</source>
        <translation>No se puede leer la orden %1: %2</translation>
    </message>
    <message>
        <source>Restriction %1 recorded: %2 is barred from MRN %3&apos;s record (%4, %5).</source>
        <translation>Restricción %1 registrada: %2 tiene prohibido el acceso al expediente del MRN %3 (%4, %5).</translation>
    </message>
    <message numerus="yes">
        <source>  %n grant(s) ended at once</source>
        <translation>
            <numerusform>  %n acceso terminado al instante</numerusform>
            <numerusform>  %n accesos terminados al instante</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n login(s) left with none terminated</source>
        <translation>
            <numerusform>%n cuenta sin acceso cerrada</numerusform>
            <numerusform>%n cuentas sin acceso cerradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting message(s) cancelled; nothing is mailed to them.</source>
        <translation>
            <numerusform>%n mensaje en espera cancelado; no se les envía nada.</numerusform>
            <numerusform>%n mensajes en espera cancelados; no se les envía nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>--ending takes a number of days, e.g. 30.</source>
        <translation>--ending lleva un número de días, p. ej. 30.</translation>
    </message>
    <message>
        <source>No restrictions.</source>
        <translation>No hay restricciones.</translation>
    </message>
    <message>
        <source>Restriction %1 (%2): %3 is barred from MRN %4&apos;s record (%5).</source>
        <translation>Restricción %1 (%2): %3 tiene prohibido el acceso al expediente del MRN %4 (%5).</translation>
    </message>
    <message>
        <source>  %1, %2; recorded %3 by %4</source>
        <translation>  %1, %2; registrada el %3 por %4</translation>
    </message>
    <message>
        <source>  lifted %1 by %2: %3</source>
        <translation>  levantada el %1 por %2: %3</translation>
    </message>
    <message>
        <source>restriction lift needs --reason.</source>
        <translation>restriction lift necesita --reason.</translation>
    </message>
    <message>
        <source>Restriction %1 lifted. The access it ended stays ended; the person enrolls again with new forms.</source>
        <translation>Restricción %1 levantada. El acceso que terminó sigue terminado; la persona se inscribe de nuevo con formularios nuevos.</translation>
    </message>
    <message>
        <source>restriction document needs --out FILE.</source>
        <translation>restriction document necesita --out ARCHIVO.</translation>
    </message>
    <message>
        <source>The order can&apos;t be written to %1: %2</source>
        <translation>No se puede escribir la orden en %1: %2</translation>
    </message>
    <message>
        <source>Order %1 (%2, %3 bytes, SHA-256 %4) written to %5.</source>
        <translation>Orden %1 (%2, %3 bytes, SHA-256 %4) escrita en %5.</translation>
    </message>
    <message>
        <source>%1 is the person restriction #%2 bars: they see nothing of this record, and nothing gives them access while it is in force.</source>
        <translation>%1 es la persona que excluye la restricción n.º %2: no ve nada de este expediente, y nada le da acceso mientras esté vigente.</translation>
    </message>
    <message>
        <source>--expiring takes a number of days, e.g. 30.</source>
        <translation>--expiring lleva un número de días, p. ej. 30.</translation>
    </message>
    <message>
        <source>ends %1</source>
        <translation>termina el %1</translation>
    </message>
    <message>
        <source>  access   ends on %1 (the patient renews it with a new consent)</source>
        <translation>  acceso   termina el %1 (el paciente lo renueva con un consentimiento nuevo)</translation>
    </message>
    <message>
        <source>  access   does not expire</source>
        <translation>  acceso   no vence</translation>
    </message>
    <message>
        <source>Proxy consents ended on their day: %1</source>
        <translation>Consentimientos de representante terminados en su día: %1</translation>
    </message>
    <message>
        <source>Patients reminded of a proxy consent that ends: %1</source>
        <translation>Pacientes avisados de un consentimiento de representante que termina: %1</translation>
    </message>
    <message>
        <source>Access from the patient&apos;s proxy consent ends on %1, unless the patient signs a new one.</source>
        <translation>El acceso por el consentimiento de representante del paciente termina el %1, salvo que el paciente firme uno nuevo.</translation>
    </message>
    <message>
        <source>No completion for &quot;%1&quot;: bash or zsh.</source>
        <translation>No hay autocompletado para «%1»: bash o zsh.</translation>
    </message>
    <message>
        <source>Usage: portaldesk-cli [--db FILE] [--now ISO-8601] [--staff NAME] [--json] COMMAND …

  init [--training] [--password-stdin]   create or migrate the database (--training: a new
                                       central database for practice, which takes --now)
  demo-data [--patients N] [--seed S]    realistic synthetic Los Angeles families
  patient add --mrn M --given G --family F --birth-date YYYY-MM-DD [--language es]
              [--email E] [--phone P] [--sex female|male|other|unknown]
  patient show MRN                       patient, logins, grants, invitations, timeline
  patient verify MRN --birth-date YYYY-MM-DD   identity check: whether the caller&apos;s date
                                       matches, never the date (audited, a few tries an hour)
  patient update MRN [--given G] [--family F] [--birth-date D] [--sex S] [--language L]
                 [--email E] [--phone P]  a correction; a new birth date applies the age rules
  patient reviews [--limit N] [--offset N] | patient reviewed MRN [--note TEXT]   records the EHR
                                       changed that wait for a specialist&apos;s review
  import hl7 FILE… | import fhir FILE | import csv FILE   patients from the EHR (ADT messages,
                                       a FHIR Bundle or NDJSON, CSV), each applied on its own
  feed listen [--port 2575] [--bind ADDRESS] [--allow RANGES] [--tls-cert F --tls-key F
              --tls-client-ca F]       MLLP listener for the EHR&apos;s ADT feed (this machine only
                                       unless --allow 10.1.2.0/24,…)
  feed refused | feed retry ID | feed dismiss ID   the EHR&apos;s messages that were refused
  merge list | merge resolve ID          the EHR&apos;s merges held for review (conflicting records)
  search TEXT                            any part of name, MRN, e-mail or phone
  enroll --mrn M --form parent|patient --signed YYYY-MM-DD [--given G --family F
         --email E --relationship parent|guardian|family --language L]
         [--override REASON]             (PIN read from standard input)
  invitation list [--status S] [--mrn M] [--due] [--late] [--limit N] [--offset N]
  invitation send-now USER | reissue USER [--new-pin --verified-by HOW] | revoke USER
       a deactivated login: --new-pin and --restore GRANT,…|none (the access that comes back)
  activate --token T                     the portal&apos;s activation (PIN from standard input)
  user show USER | user update USER [--email E] [--language L]
  user deactivate USER --reason R [--reported-by WHO] [--verified-by HOW] [--note TEXT]
       reasons: suspected_compromise, family_request, duplicate, deceased, other
  user reverse-death USER --note TEXT   (supervisors) a death recorded in error
  consent submit --mrn M --proxy-email E --proxy-given G --proxy-family F --relationship R
                 --signed YYYY-MM-DD --document FILE [--signed-by NAME] [--scope full|limited]
                 [--kind adult_proxy|guardian] [--language L]   (PIN on the form from standard input)
  consent list [--status S] | show ID | approve ID [--override REASON] | reject ID --reason R
  consent revoke ID                      ends the proxy&apos;s access at once
  consent list --expiring DAYS           approved consents whose access ends within DAYS
  restriction add --mrn M [--mrn M …] --given G --family F [--email E] --document FILE
                  --reason court_order|custody_order|protective_order|other [--until YYYY-MM-DD]
                  [--note TEXT]       bars that person from each record at once (HIM staff)
  restriction list [--mrn M] [--ending DAYS | --all] | show ID | document ID --out FILE
  restriction lift ID --reason TEXT     (supervisors) the access it ended stays ended
  report [--weeks N]                     invitations per week, activation, requests on time, birthdays
  request add --kind K [--mrn M] [--user USER] [--received ISO-8601] [--channel C] [--note TEXT]
       kinds: never_received, invitation_expired, deactivate, visibility, other
       channels: phone (default), email, portal, in_person, mail, other
  request list [--late | --all] [--limit N]   open requests by due time (2 business days)
  request resolve ID --note TEXT [--action TYPE:ID | --action audit:N]
  transitions upcoming [--days N] [--limit N] [--offset N]   12th and 18th birthdays ahead
                                       (default 30 days; lists come 100 rows at a time)
  visibility USER MRN                    what that login can see for that patient, and why
  daily [--no-mail]                      expire, transitions, notices, late marks, send mail
  mail send | mail list [--status S] | mail test --to ADDRESS   (supervisors: check mail settings)
  mail serve [--every SECONDS]           the mail service: sends what is due until stopped
       (on the central database only a mail service account sends: staff add NAME --role mailer)
  audit verify [--anchors FILE] | audit anchor | audit list [--record TYPE[:ID]] [--limit N]
  settings list | settings get KEY | settings set KEY VALUE
  staff add NAME --role support_agent|him_specialist|him_supervisor|ehr_feed|mailer|daily_job
            [--password-stdin]        (ehr_feed, mailer, daily_job: the service accounts of the
                                       EHR feed, the mail service and the daily job)
  staff list | staff disable NAME | staff password NAME   (a one-time desktop password;
                                       the embedded file)
  manual                                 the manual page (roff), for man -l -
  completion bash|zsh                    the shell&apos;s completion script

USER is a portal username or e-mail address. --now replaces the clock for this run; a time
without an offset is read in the hospital&apos;s time zone. A live central database keeps the
server&apos;s clock and refuses --now. The acting staff member is --staff,
else $PORTALDESK_STAFF, else your login name. Messages follow $PORTALDESK_LANGUAGE (en, es)
or the system&apos;s language.

Exit codes: 0 done, 2 usage, 3 refused by a rule or bad input, 4 conflict, 5 not found,
6 not permitted, 7 database or mail server unavailable.
</source>
        <translation>Uso: portaldesk-cli [--db FILE] [--now ISO-8601] [--staff NAME] [--json] COMMAND …

  init [--training] [--password-stdin]   crear o migrar la base de datos (--training: una base
                                       central nueva para prácticas, que acepta --now)
  demo-data [--patients N] [--seed S]    familias sintéticas realistas de Los Ángeles
  patient add --mrn M --given G --family F --birth-date YYYY-MM-DD [--language es]
              [--email E] [--phone P] [--sex female|male|other|unknown]
  patient show MRN                       paciente, cuentas, accesos, invitaciones, cronología
  patient verify MRN --birth-date YYYY-MM-DD   verificación de identidad: si la fecha de quien
                                       llama coincide, nunca la fecha (auditado, pocos intentos por hora)
  patient update MRN [--given G] [--family F] [--birth-date D] [--sex S] [--language L]
                 [--email E] [--phone P]  una corrección; una fecha de nacimiento nueva aplica las reglas de edad
  patient reviews [--limit N] [--offset N] | patient reviewed MRN [--note TEXT]   registros que el EHR
                                       cambió y esperan la revisión de un especialista
  import hl7 FILE… | import fhir FILE | import csv FILE   pacientes de la historia clínica (mensajes
                                       ADT, un Bundle o NDJSON de FHIR, CSV), cada uno por separado
  feed listen [--port 2575] [--bind ADDRESS] [--allow RANGES] [--tls-cert F --tls-key F
              --tls-client-ca F]       servidor MLLP para los mensajes ADT de la historia clínica (solo
                                       este equipo salvo --allow 10.1.2.0/24,…)
  feed refused | feed retry ID | feed dismiss ID   los mensajes rechazados de la historia clínica
  merge list | merge resolve ID          las fusiones de la historia clínica en espera (registros en conflicto)
  search TEXT                            cualquier parte del nombre, MRN, correo o teléfono
  enroll --mrn M --form parent|patient --signed YYYY-MM-DD [--given G --family F
         --email E --relationship parent|guardian|family --language L]
         [--override REASON]             (el PIN se lee de la entrada estándar)
  invitation list [--status S] [--mrn M] [--due] [--late] [--limit N] [--offset N]
  invitation send-now USER | reissue USER [--new-pin --verified-by HOW] | revoke USER
       una cuenta desactivada: --new-pin y --restore ACCESO,…|none (el acceso que vuelve)
  activate --token T                     la activación del portal (PIN de la entrada estándar)
  user show USER | user update USER [--email E] [--language L]
  user deactivate USER --reason R [--reported-by WHO] [--verified-by HOW] [--note TEXT]
       motivos: suspected_compromise, family_request, duplicate, deceased, other
  user reverse-death USER --note TEXT   (supervisores) una defunción registrada por error
  consent submit --mrn M --proxy-email E --proxy-given G --proxy-family F --relationship R
                 --signed YYYY-MM-DD --document FILE [--signed-by NAME] [--scope full|limited]
                 [--kind adult_proxy|guardian] [--language L]   (PIN del formulario desde la entrada estándar)
  consent list [--status S] | show ID | approve ID [--override REASON] | reject ID --reason R
  consent revoke ID                      termina de inmediato el acceso del representante
  consent list --expiring DÍAS           consentimientos aprobados cuyo acceso termina en DÍAS
  restriction add --mrn M [--mrn M …] --given G --family F [--email E] --document FILE
                  --reason court_order|custody_order|protective_order|other [--until AAAA-MM-DD]
                  [--note TEXT]       excluye a esa persona de cada expediente al instante (personal de HIM)
  restriction list [--mrn M] [--ending DÍAS | --all] | show ID | document ID --out FILE
  restriction lift ID --reason TEXT     (supervisores) el acceso que terminó sigue terminado
  report [--weeks N]                     invitaciones por semana, activación, solicitudes a tiempo, cumpleaños
  request add --kind K [--mrn M] [--user USER] [--received ISO-8601] [--channel C] [--note TEXT]
       tipos: never_received, invitation_expired, deactivate, visibility, other
       canales: phone (predeterminado), email, portal, in_person, mail, other
  request list [--late | --all] [--limit N]   solicitudes abiertas por vencimiento (2 días hábiles)
  request resolve ID --note TEXT [--action TYPE:ID | --action audit:N]
  transitions upcoming [--days N] [--limit N] [--offset N]   cumpleaños de 12 y 18 años próximos
                                       (predeterminado: 30 días; las listas llegan de 100 en 100 filas)
  visibility USER MRN                    qué puede ver esa cuenta de ese paciente, y por qué
  daily [--no-mail]                      vencimientos, transiciones, avisos, marcas de atraso, envío de correo
  mail send | mail list [--status S] | mail test --to ADDRESS   (supervisores: comprobar la configuración de correo)
  mail serve [--every SECONDS]           el servicio de correo: envía lo pendiente hasta que se detiene
       (en la base de datos central solo envía una cuenta del servicio de correo: staff add NAME --role mailer)
  audit verify [--anchors FILE] | audit anchor | audit list [--record TYPE[:ID]] [--limit N]
  settings list | settings get KEY | settings set KEY VALUE
  staff add NAME --role support_agent|him_specialist|him_supervisor|ehr_feed|mailer|daily_job
            [--password-stdin]        (ehr_feed, mailer, daily_job: las cuentas de servicio de la
                                       interfaz del EHR, del servicio de correo y del trabajo diario)
  staff list | staff disable NAME | staff password NAME   (una contraseña de un solo uso para el
                                       escritorio; el archivo integrado)
  manual                                 la página del manual (roff), para man -l -
  completion bash|zsh                    el script de autocompletado del intérprete

USER es un nombre de usuario del portal o una dirección de correo. --now reemplaza el reloj en esta
ejecución; una hora sin desfase horario se interpreta en la zona horaria del hospital. Una base de
datos central real mantiene el reloj del servidor y rechaza --now. El miembro del
personal que actúa es --staff; si no se indica, $PORTALDESK_STAFF; si no, su nombre de usuario del sistema.
Los mensajes siguen $PORTALDESK_LANGUAGE (en, es) o el idioma del sistema.

Códigos de salida: 0 hecho, 2 uso, 3 rechazado por una regla o datos incorrectos, 4 conflicto,
5 no encontrado, 6 no permitido, 7 base de datos o servidor de correo no disponible.
</translation>
    </message>
</context>
<context>
    <name>ConsentModels</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Representante</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Access ends</source>
        <translation>El acceso termina</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database folder %1 can&apos;t be created.</source>
        <translation>No se puede crear la carpeta de la base de datos %1.</translation>
    </message>
    <message>
        <source>%1 is not a database file.</source>
        <translation>%1 no es un archivo de base de datos.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed.</source>
        <translation>El controlador SQLite de Qt no está instalado.</translation>
    </message>
    <message>
        <source>The database %1 can&apos;t be opened: %2</source>
        <translation>No se puede abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>setting up the database</source>
        <translation>se preparaba la base de datos</translation>
    </message>
    <message>
        <source>%1 is not a PortalDesk database: %2</source>
        <translation>%1 no es una base de datos de PortalDesk: %2</translation>
    </message>
    <message>
        <source>The database is unavailable while %1: %2</source>
        <translation>La base de datos no está disponible mientras %1: %2</translation>
    </message>
    <message>
        <source>That would duplicate an existing record while %1.</source>
        <translation>Eso duplicaría un registro existente mientras %1.</translation>
    </message>
    <message>
        <source>The database refused %1: %2</source>
        <translation>La base de datos rechazó %1: %2</translation>
    </message>
    <message>
        <source>preparing migrations</source>
        <translation>se preparaban las migraciones</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>se leía la versión del esquema</translation>
    </message>
    <message>
        <source>The database has schema version %1, newer than this PortalDesk knows (%2). Install the newer PortalDesk.</source>
        <translation>La base de datos tiene la versión de esquema %1, más nueva que la que conoce este PortalDesk (%2). Instale el PortalDesk más reciente.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) was changed after it was applied to this database; PortalDesk stops rather than guess. Restore the original migration.</source>
        <translation>La migración %1 (%2) se modificó después de aplicarse a esta base de datos; PortalDesk se detiene en lugar de adivinar. Restaure la migración original.</translation>
    </message>
    <message>
        <source>applying migration %1</source>
        <translation>se aplicaba la migración %1</translation>
    </message>
    <message>
        <source>A transaction is already open.</source>
        <translation>Ya hay una transacción abierta.</translation>
    </message>
    <message>
        <source>starting a change</source>
        <translation>se iniciaba un cambio</translation>
    </message>
    <message>
        <source>No transaction is open.</source>
        <translation>No hay ninguna transacción abierta.</translation>
    </message>
    <message>
        <source>saving the change</source>
        <translation>se guardaba el cambio</translation>
    </message>
    <message>
        <source>working with the database</source>
        <translation>se trabajaba con la base de datos</translation>
    </message>
    <message>
        <source>Access grant %1</source>
        <translation>El acceso %1</translation>
    </message>
    <message>
        <source>Invitation %1</source>
        <translation>La invitación %1</translation>
    </message>
    <message>
        <source>%1 was changed by %2 at %3 UTC since you opened it; reload and try again.</source>
        <translation>%1 fue modificado por %2 a las %3 UTC después de que usted lo abrió; vuelva a cargarlo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 ya no existe.</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>El paciente %1</translation>
    </message>
    <message>
        <source>Portal user %1</source>
        <translation>El usuario del portal %1</translation>
    </message>
    <message>
        <source>The database address %1 can&apos;t be used: %2</source>
        <translation>No se puede usar la dirección de base de datos %1: %2</translation>
    </message>
    <message>
        <source>write it as postgresql://NAME@HOST:PORT/DATABASE?sslmode=verify-full</source>
        <translation>escríbala como postgresql://NOMBRE@SERVIDOR:PUERTO/BASEDEDATOS?sslmode=verify-full</translation>
    </message>
    <message>
        <source>the server&apos;s host name is missing.</source>
        <translation>falta el nombre del servidor.</translation>
    </message>
    <message>
        <source>the database name is missing.</source>
        <translation>falta el nombre de la base de datos.</translation>
    </message>
    <message>
        <source>the port is not a number from 1 to 65535.</source>
        <translation>el puerto no es un número de 1 a 65535.</translation>
    </message>
    <message>
        <source>sslmode must be one of %1.</source>
        <translation>sslmode debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>the CA file %1 does not exist.</source>
        <translation>el archivo de CA %1 no existe.</translation>
    </message>
    <message>
        <source>connect_timeout must be from 1 to 300 seconds.</source>
        <translation>connect_timeout debe ser de 1 a 300 segundos.</translation>
    </message>
    <message>
        <source>the option %1 is not known.</source>
        <translation>la opción %1 no se conoce.</translation>
    </message>
    <message>
        <source>%1 needs the server&apos;s CA certificate: add sslrootcert=FILE.</source>
        <translation>%1 necesita el certificado de la CA del servidor: agregue sslrootcert=ARCHIVO.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (on Debian: apt-get install libqt6sql6-psql).</source>
        <translation>El controlador de PostgreSQL para Qt no está instalado (en Debian: apt-get install libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>The central database did not accept the sign-in of %1: %2</source>
        <translation>La base de datos central no aceptó el inicio de sesión de %1: %2</translation>
    </message>
    <message>
        <source>The central database %1 can&apos;t be reached: %2</source>
        <translation>No se puede conectar con la base de datos central %1: %2</translation>
    </message>
    <message>
        <source>The database is busy with another workstation&apos;s change while %1; nothing was changed. Try again in a moment.</source>
        <translation>La base de datos está ocupada con un cambio de otra estación de trabajo mientras %1; no se cambió nada. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Another workstation changed the same records at the same moment while %1; nothing was changed. Try again.</source>
        <translation>Otra estación de trabajo cambió los mismos registros en el mismo momento mientras %1; no se cambió nada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The central database does not allow your role that (%1): %2</source>
        <translation>La base de datos central no permite eso a su rol (%1): %2</translation>
    </message>
    <message>
        <source>taking the job&apos;s lock</source>
        <translation>se tomaba el bloqueo del proceso</translation>
    </message>
    <message>
        <source>The database went away while saving; the change was not saved. Nothing was changed: try again.</source>
        <translation>Se perdió la conexión con la base de datos al guardar; el cambio no se guardó. No se cambió nada: inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database went away while saving (%1). Whether this last change was saved can&apos;t be known until it is back: look at the record before repeating it.</source>
        <translation>Se perdió la conexión con la base de datos al guardar (%1). No se puede saber si este último cambio se guardó hasta que vuelva: revise el registro antes de repetirlo.</translation>
    </message>
    <message>
        <source>The central database is at schema version %1 and this PortalDesk needs %2; its administrator brings it up to date with &quot;portaldesk-cli init&quot;.</source>
        <translation>La base de datos central está en la versión de esquema %1 y este PortalDesk necesita la %2; su administrador la actualiza con &quot;portaldesk-cli init&quot;.</translation>
    </message>
    <message>
        <source>Consent %1</source>
        <translation>El consentimiento %1</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>La solicitud n.º %1</translation>
    </message>
    <message>
        <source>reading the database&apos;s locale</source>
        <translation>leyendo la configuración regional de la base de datos</translation>
    </message>
    <message>
        <source>The database&apos;s character type is %1 (%2): search would skip every letter outside ASCII. Create the database with ENCODING &apos;UTF8&apos; and a UTF-8 LC_CTYPE such as &apos;C.UTF-8&apos; or &apos;en_US.UTF-8&apos;.</source>
        <translation>El tipo de caracteres de la base de datos es %1 (%2): la búsqueda omitiría toda letra fuera de ASCII. Cree la base de datos con ENCODING &apos;UTF8&apos; y un LC_CTYPE UTF-8 como &apos;C.UTF-8&apos; o &apos;en_US.UTF-8&apos;.</translation>
    </message>
    <message>
        <source>Migration %1 would leave rows pointing at rows that don&apos;t exist; nothing was changed.</source>
        <translation>La migración %1 dejaría filas que apuntan a filas inexistentes; no se cambió nada.</translation>
    </message>
    <message>
        <source>No secure random token could be made.</source>
        <translation>No se pudo crear un token aleatorio seguro.</translation>
    </message>
    <message>
        <source>The central database refused %1: %2</source>
        <translation>La base de datos central rechazó %1: %2</translation>
    </message>
    <message>
        <source>The central database found nothing for %1: %2</source>
        <translation>La base de datos central no encontró nada para %1: %2</translation>
    </message>
    <message>
        <source>Only the central database has %1.</source>
        <translation>Solo la base de datos central tiene %1.</translation>
    </message>
    <message>
        <source>without sslmode the connection is encrypted and the server&apos;s certificate verified (verify-full), which needs its CA certificate: add sslrootcert=FILE (or sslmode=disable for a server on this machine).</source>
        <translation>sin sslmode la conexión se cifra y se verifica el certificado del servidor (verify-full), lo que requiere su certificado de CA: añada sslrootcert=FILE (o sslmode=disable para un servidor en este equipo).</translation>
    </message>
</context>
<context>
    <name>DbRunner</name>
    <message>
        <source>Sign in to work on the central database.</source>
        <translation>Inicie sesión para trabajar en la base de datos central.</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <translation>entrega fallida</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>activada</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>vencida</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocada</translation>
    </message>
    <message>
        <source>not yet active</source>
        <translation>todavía no activa</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>full</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>limited</source>
        <translation>limitado</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>padre/madre</translation>
    </message>
    <message>
        <source>legal guardian</source>
        <translation>tutor legal</translation>
    </message>
    <message>
        <source>family member</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>patient turned 12</source>
        <translation>el paciente cumplió 12 años</translation>
    </message>
    <message>
        <source>patient turned 18</source>
        <translation>el paciente cumplió 18 años</translation>
    </message>
    <message>
        <source>login deactivated</source>
        <translation>cuenta desactivada</translation>
    </message>
    <message>
        <source>access restriction</source>
        <translation>restricción de acceso</translation>
    </message>
    <message>
        <source>consent revoked</source>
        <translation>consentimiento revocado</translation>
    </message>
    <message>
        <source>Suspected use by someone else</source>
        <translation>Sospecha de uso por otra persona</translation>
    </message>
    <message>
        <source>The family asked</source>
        <translation>La familia lo pidió</translation>
    </message>
    <message>
        <source>Duplicate login</source>
        <translation>Cuenta duplicada</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <source>Other (explain in the note)</source>
        <translation>Otro (explique en la nota)</translation>
    </message>
    <message>
        <source>parent or guardian</source>
        <translation>padre, madre o tutor</translation>
    </message>
    <message>
        <source>patient&apos;s own</source>
        <translation>el propio paciente</translation>
    </message>
    <message>
        <source>the patient&apos;s own login</source>
        <translation>cuenta propia del paciente</translation>
    </message>
    <message>
        <source>a proxy&apos;s login</source>
        <translation>cuenta de un representante</translation>
    </message>
    <message>
        <source>waiting for review</source>
        <comment>a consent</comment>
        <translation>en espera de revisión</translation>
    </message>
    <message>
        <source>approved</source>
        <comment>a consent</comment>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>rejected</source>
        <comment>a consent</comment>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>revoked</source>
        <comment>a consent</comment>
        <translation>revocado</translation>
    </message>
    <message>
        <source>patient deceased</source>
        <translation>paciente fallecido</translation>
    </message>
    <message>
        <source>records merged</source>
        <translation>registros fusionados</translation>
    </message>
    <message>
        <source>younger after a birth-date correction: access ended at 12 or 18 may not have ended under the new date</source>
        <translation>más joven tras corregir la fecha de nacimiento: un acceso que terminó a los 12 o 18 años quizá no habría terminado con la nueva fecha</translation>
    </message>
    <message>
        <source>the EHR no longer reports the patient&apos;s death</source>
        <translation>el EHR ya no informa del fallecimiento del paciente</translation>
    </message>
    <message>
        <source>court order</source>
        <translation>orden judicial</translation>
    </message>
    <message>
        <source>custody order</source>
        <translation>orden de custodia</translation>
    </message>
    <message>
        <source>protective order</source>
        <translation>orden de protección</translation>
    </message>
    <message>
        <source>other legal document</source>
        <translation>otro documento legal</translation>
    </message>
    <message>
        <source>consent expired</source>
        <translation>consentimiento vencido</translation>
    </message>
    <message>
        <source>consent renewed</source>
        <translation>consentimiento renovado</translation>
    </message>
</context>
<context>
    <name>EnrollmentRules</name>
    <message>
        <source>This form was signed before the patient&apos;s 12th birthday and no longer applies: the patient and a parent or guardian need to sign the forms for ages 12 to 17.</source>
        <translation>Este formulario se firmó antes de que el paciente cumpliera 12 años y ya no es válido: el paciente y uno de sus padres o su tutor legal deben firmar los formularios para las edades de 12 a 17 años.</translation>
    </message>
    <message>
        <source>This form was signed before the patient&apos;s 18th birthday and no longer applies: the patient needs to sign an adult form, and a proxy needs an approved proxy consent.</source>
        <translation>Este formulario se firmó antes de que el paciente cumpliera 18 años y ya no es válido: el paciente debe firmar un formulario de adulto, y un representante necesita un consentimiento de representación aprobado.</translation>
    </message>
    <message>
        <source>This form was signed for a different age group than the patient&apos;s today; check the date signed and the birth date.</source>
        <translation>Este formulario se firmó para un grupo de edad distinto del que tiene hoy el paciente; revise la fecha de firma y la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>A patient form can&apos;t be taken for a patient under 12: children&apos;s access is through a parent or guardian.</source>
        <translation>No se puede aceptar un formulario del paciente si es menor de 12 años: el acceso de los niños es a través de uno de sus padres o su tutor legal.</translation>
    </message>
    <message>
        <source>A patient aged 12 to 17 needs a parent or guardian form on file as well; without one (emancipated minor, parent not available) a supervisor must approve the enrollment with a written reason.</source>
        <translation>Un paciente de 12 a 17 años también necesita un formulario de uno de sus padres o su tutor legal en el expediente; sin él (menor emancipado, padre o madre no disponible) un supervisor debe aprobar la inscripción con un motivo por escrito.</translation>
    </message>
    <message>
        <source>A parent form can&apos;t be taken for a patient aged 18 or over: an adult patient&apos;s proxy gets access only through a proxy consent the patient signs and HIM approves.</source>
        <translation>No se puede aceptar un formulario de los padres para un paciente de 18 años o más: el representante de un paciente adulto solo obtiene acceso mediante un consentimiento que firma el paciente y aprueba HIM.</translation>
    </message>
    <message>
        <source>Unknown age group.</source>
        <translation>Grupo de edad desconocido.</translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message>
        <source>PID-3 holds no identifier of type MR, the hospital&apos;s MRN.</source>
        <translation>PID-3 no tiene ningún identificador de tipo MR, el MRN del hospital.</translation>
    </message>
    <message>
        <source>PID-3 holds no identifier of type MR assigned by %1.</source>
        <translation>PID-3 no tiene ningún identificador de tipo MR asignado por %1.</translation>
    </message>
    <message>
        <source>PID-3: %1</source>
        <translation>PID-3: %1</translation>
    </message>
    <message>
        <source>PID-5 can&apos;t clear the patient&apos;s name.</source>
        <translation>PID-5 no puede borrar el nombre del paciente.</translation>
    </message>
    <message>
        <source>PID-5 must give both the family name and the given name.</source>
        <translation>PID-5 debe dar el apellido y el nombre.</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>PID-5: %1</source>
        <translation>PID-5: %1</translation>
    </message>
    <message>
        <source>PID-7 can&apos;t clear the patient&apos;s birth date.</source>
        <translation>PID-7 no puede borrar la fecha de nacimiento del paciente.</translation>
    </message>
    <message>
        <source>PID-7 &quot;%1&quot; is not a birth date (YYYYMMDD).</source>
        <translation>PID-7 «%1» no es una fecha de nacimiento (AAAAMMDD).</translation>
    </message>
    <message>
        <source>PID-8 &quot;%1&quot; is not a sex code PortalDesk knows (F, M, O, U, A, N, X).</source>
        <translation>PID-8 «%1» no es un código de sexo que PortalDesk conozca (F, M, O, U, A, N, X).</translation>
    </message>
    <message>
        <source>PID-13: %1</source>
        <translation>PID-13: %1</translation>
    </message>
    <message>
        <source>PID-15 &quot;%1&quot; is not a language PortalDesk knows (ISO 639, such as es or spa).</source>
        <translation>PID-15 «%1» no es un idioma que PortalDesk conozca (ISO 639, como es o spa).</translation>
    </message>
    <message>
        <source>PID-29 &quot;%1&quot; is not a date and time.</source>
        <translation>PID-29 «%1» no es una fecha y hora.</translation>
    </message>
    <message>
        <source>PID-30 must be Y or N, not &quot;%1&quot;.</source>
        <translation>PID-30 debe ser Y o N, no «%1».</translation>
    </message>
    <message>
        <source>PortalDesk takes ADT messages, not %1.</source>
        <translation>PortalDesk acepta mensajes ADT, no %1.</translation>
    </message>
    <message>
        <source>HL7 version &quot;%1&quot; is not one PortalDesk reads (2.3 to 2.8).</source>
        <translation>La versión de HL7 «%1» no es una que PortalDesk lea (2.3 a 2.8).</translation>
    </message>
    <message>
        <source>MSH-9 gives no trigger event (such as A08).</source>
        <translation>MSH-9 no indica ningún evento (como A08).</translation>
    </message>
    <message>
        <source>EVN-2 &quot;%1&quot; is not a date and time.</source>
        <translation>EVN-2 «%1» no es una fecha y hora.</translation>
    </message>
    <message>
        <source>MSH-7 &quot;%1&quot; is not a date and time.</source>
        <translation>MSH-7 «%1» no es una fecha y hora.</translation>
    </message>
    <message>
        <source>The message has no PID segment.</source>
        <translation>El mensaje no tiene segmento PID.</translation>
    </message>
    <message>
        <source>A merge (A40) needs an MRG segment naming the prior record.</source>
        <translation>Una fusión (A40) necesita un segmento MRG que nombre el registro anterior.</translation>
    </message>
    <message>
        <source>MRG-1 holds no identifier of type MR for the prior record.</source>
        <translation>MRG-1 no tiene ningún identificador de tipo MR para el registro anterior.</translation>
    </message>
    <message>
        <source>MRG-1: %1</source>
        <translation>MRG-1: %1</translation>
    </message>
    <message>
        <source>MRG-1 names the same MRN as PID-3; a record can&apos;t be merged into itself.</source>
        <translation>MRG-1 nombra el mismo MRN que PID-3; un registro no se puede fusionar consigo mismo.</translation>
    </message>
    <message>
        <source>Message %1 was applied before; not applied again.</source>
        <translation>El mensaje %1 ya se aplicó; no se aplica otra vez.</translation>
    </message>
    <message>
        <source>Older than what was last applied to MRN %1; not applied.</source>
        <translation>Es anterior a lo último aplicado al MRN %1; no se aplica.</translation>
    </message>
    <message>
        <source>MRN %1 registered.</source>
        <translation>MRN %1 registrado.</translation>
    </message>
    <message>
        <source>MRN %1 updated: %2.</source>
        <translation>MRN %1 actualizado: %2.</translation>
    </message>
    <message>
        <source>MRN %1:</source>
        <translation>MRN %1:</translation>
    </message>
    <message>
        <source>MRN %1: nothing differed.</source>
        <translation>MRN %1: nada era distinto.</translation>
    </message>
    <message numerus="yes">
        <source>Recorded as deceased: %n grant(s) ended, no e-mail sent.</source>
        <translation>
            <numerusform>Registrado como fallecido: terminó %n acceso, no se envió ningún correo.</numerusform>
            <numerusform>Registrado como fallecido: terminaron %n accesos, no se envió ningún correo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n grant(s) ended by the age rules.</source>
        <translation>
            <numerusform>%n acceso terminado por las reglas de edad.</numerusform>
            <numerusform>%n accesos terminados por las reglas de edad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Listed for HIM review.</source>
        <translation>Queda en la lista de revisión de HIM.</translation>
    </message>
    <message>
        <source>%1 is not used by PortalDesk; acknowledged and ignored.</source>
        <translation>PortalDesk no usa %1; se confirma y se ignora.</translation>
    </message>
    <message>
        <source>The message is %1 bytes; messages over %2 bytes are refused.</source>
        <translation>El mensaje tiene %1 bytes; se rechazan los mensajes de más de %2 bytes.</translation>
    </message>
    <message>
        <source>This is not an HL7 v2 message: it must begin with an MSH segment and its field separator.</source>
        <translation>Esto no es un mensaje HL7 v2: debe comenzar con un segmento MSH y su separador de campos.</translation>
    </message>
    <message>
        <source>MSH-2 must hold four distinct encoding characters, such as ^~\&amp;.</source>
        <translation>MSH-2 debe tener cuatro caracteres de codificación distintos, como ^~\&amp;.</translation>
    </message>
    <message>
        <source>MSH-18 names the character set %1; PortalDesk reads ASCII, 8859/1 and UNICODE UTF-8.</source>
        <translation>MSH-18 indica el juego de caracteres %1; PortalDesk lee ASCII, 8859/1 y UNICODE UTF-8.</translation>
    </message>
    <message>
        <source>The message is not valid UTF-8, as MSH-18 says it is.</source>
        <translation>El mensaje no es UTF-8 válido, como dice MSH-18.</translation>
    </message>
    <message>
        <source>The message holds characters that are not ASCII; MSH-18 must name its character set.</source>
        <translation>El mensaje tiene caracteres que no son ASCII; MSH-18 debe indicar su juego de caracteres.</translation>
    </message>
    <message>
        <source>Segment %1 has no valid name (&quot;%2&quot;); a segment begins with three capitals or digits.</source>
        <translation>El segmento %1 no tiene un nombre válido («%2»); un segmento comienza con tres mayúsculas o dígitos.</translation>
    </message>
    <message>
        <source>MSH-9, the message type, is empty.</source>
        <translation>MSH-9, el tipo de mensaje, está vacío.</translation>
    </message>
    <message>
        <source>MSH-10, the message control ID, is empty.</source>
        <translation>MSH-10, el identificador de control del mensaje, está vacío.</translation>
    </message>
    <message>
        <source>Can&apos;t read the %1 %2: %3</source>
        <translation>No se puede leer %1 %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or an address range such as 10.1.2.0/24.</source>
        <translation>«%1» no es una dirección ni un rango de direcciones como 10.1.2.0/24.</translation>
    </message>
    <message>
        <source>TLS is not available on this machine.</source>
        <translation>TLS no está disponible en este equipo.</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>el certificado</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>la clave privada</translation>
    </message>
    <message>
        <source>client authorities</source>
        <translation>las autoridades de clientes</translation>
    </message>
    <message>
        <source>The certificate, key or client authorities are not PEM files PortalDesk can use.</source>
        <translation>El certificado, la clave o las autoridades de clientes no son archivos PEM que PortalDesk pueda usar.</translation>
    </message>
    <message>
        <source>Can&apos;t listen on %1 port %2: %3</source>
        <translation>No se puede escuchar en %1, puerto %2: %3</translation>
    </message>
    <message>
        <source>this machine only</source>
        <translation>solo este equipo</translation>
    </message>
    <message>
        <source>%1:%2, from %3</source>
        <translation>%1:%2, desde %3</translation>
    </message>
    <message>
        <source>%1:%2 with TLS and client certificates, from %3</source>
        <translation>%1:%2 con TLS y certificados de cliente, desde %3</translation>
    </message>
    <message>
        <source>not on the allowed list</source>
        <translation>no está en la lista permitida</translation>
    </message>
    <message>
        <source>The message is over %1 bytes and was not read.</source>
        <translation>El mensaje tiene más de %1 bytes y no se leyó.</translation>
    </message>
    <message>
        <source>The message was cut off by the next one&apos;s start.</source>
        <translation>El mensaje quedó cortado por el comienzo del siguiente.</translation>
    </message>
    <message numerus="yes">
        <source>MRN %1 merged into it: %n row(s) moved.</source>
        <translation>
            <numerusform>MRN %1 fusionado con él: se movió %n fila.</numerusform>
            <numerusform>MRN %1 fusionado con él: se movieron %n filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The merge of MRN %1 is held for HIM review (merge %2): %3</source>
        <translation>La fusión del MRN %1 queda en espera de revisión de HIM (fusión %2): %3</translation>
    </message>
    <message>
        <source>Can&apos;t read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>aplicado</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>not a Patient</source>
        <translation>no es un Patient</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>The resource is not a Patient.</source>
        <translation>El recurso no es un Patient.</translation>
    </message>
    <message>
        <source>meta.lastUpdated &quot;%1&quot; is not a date and time.</source>
        <translation>meta.lastUpdated «%1» no es una fecha y hora.</translation>
    </message>
    <message>
        <source>The Patient has no identifier of type MR (the hospital&apos;s MRN).</source>
        <translation>El Patient no tiene ningún identificador de tipo MR (el MRN del hospital).</translation>
    </message>
    <message>
        <source>identifier: %1</source>
        <translation>identifier: %1</translation>
    </message>
    <message>
        <source>link replaced-by must name the surviving record by its identifier (other.identifier.value).</source>
        <translation>link replaced-by debe nombrar el registro que permanece por su identificador (other.identifier.value).</translation>
    </message>
    <message>
        <source>link: %1</source>
        <translation>link: %1</translation>
    </message>
    <message>
        <source>name must give both family and given.</source>
        <translation>name debe dar family y given.</translation>
    </message>
    <message>
        <source>name: %1</source>
        <translation>name: %1</translation>
    </message>
    <message>
        <source>birthDate &quot;%1&quot; is not a whole date (YYYY-MM-DD).</source>
        <translation>birthDate «%1» no es una fecha completa (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>gender &quot;%1&quot; is not female, male, other or unknown.</source>
        <translation>gender «%1» no es female, male, other ni unknown.</translation>
    </message>
    <message>
        <source>telecom: %1</source>
        <translation>telecom: %1</translation>
    </message>
    <message>
        <source>communication &quot;%1&quot; is not a language PortalDesk knows.</source>
        <translation>communication «%1» no es un idioma que PortalDesk conozca.</translation>
    </message>
    <message>
        <source>deceasedDateTime &quot;%1&quot; is not a date and time.</source>
        <translation>deceasedDateTime «%1» no es una fecha y hora.</translation>
    </message>
    <message>
        <source>The Bundle is over %1 MB; export the patients as NDJSON (a bulk $export) instead.</source>
        <translation>El Bundle tiene más de %1 MB; exporte los pacientes como NDJSON (un $export masivo).</translation>
    </message>
    <message>
        <source>The file is not FHIR JSON: %1 at character %2.</source>
        <translation>El archivo no es JSON de FHIR: %1 en el carácter %2.</translation>
    </message>
    <message>
        <source>The file is neither a FHIR Bundle nor NDJSON of Patient resources.</source>
        <translation>El archivo no es un Bundle de FHIR ni NDJSON de recursos Patient.</translation>
    </message>
    <message>
        <source>Not a JSON object: %1.</source>
        <translation>No es un objeto JSON: %1.</translation>
    </message>
    <message>
        <source>The row is not valid UTF-8.</source>
        <translation>La fila no es UTF-8 válido.</translation>
    </message>
    <message>
        <source>A quoted value is never closed.</source>
        <translation>Un valor entre comillas nunca se cierra.</translation>
    </message>
    <message>
        <source>A value is over 1 MB.</source>
        <translation>Un valor tiene más de 1 MB.</translation>
    </message>
    <message>
        <source>The file is empty; a CSV of patients begins with a header row: %1.</source>
        <translation>El archivo está vacío; un CSV de pacientes comienza con una fila de encabezado: %1.</translation>
    </message>
    <message>
        <source>Line 1: &quot;%1&quot; is not a column PortalDesk reads; the columns are %2.</source>
        <translation>Línea 1: «%1» no es una columna que PortalDesk lea; las columnas son %2.</translation>
    </message>
    <message>
        <source>Line 1: the column &quot;%1&quot; appears twice.</source>
        <translation>Línea 1: la columna «%1» aparece dos veces.</translation>
    </message>
    <message>
        <source>Line 1: the header has no mrn column.</source>
        <translation>Línea 1: el encabezado no tiene columna mrn.</translation>
    </message>
    <message>
        <source>The row has %1 values; the header has %2 columns.</source>
        <translation>La fila tiene %1 valores; el encabezado tiene %2 columnas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language PortalDesk knows.</source>
        <translation>«%1» no es un idioma que PortalDesk conozca.</translation>
    </message>
    <message>
        <source>deceased_at &quot;%1&quot; is not a date (YYYY-MM-DD) or an ISO date and time.</source>
        <translation>deceased_at «%1» no es una fecha (AAAA-MM-DD) ni una fecha y hora ISO.</translation>
    </message>
    <message>
        <source>The row has no MRN.</source>
        <translation>La fila no tiene MRN.</translation>
    </message>
</context>
<context>
    <name>FeedModels</name>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Por qué se rechazó</translation>
    </message>
    <message>
        <source>Held since</source>
        <translation>En espera desde</translation>
    </message>
    <message>
        <source>Prior record</source>
        <translation>Registro anterior</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Why it waits</source>
        <translation>Por qué espera</translation>
    </message>
    <message>
        <source>Listed since</source>
        <translation>En la lista desde</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>FileDropTransport</name>
    <message>
        <source>The message has no Message-ID, so it can&apos;t be written to the mail folder.</source>
        <translation>El mensaje no tiene Message-ID, así que no se puede escribir en la carpeta de correo.</translation>
    </message>
    <message>
        <source>No mail folder is set. Set one in the settings so messages can be written.</source>
        <translation>No hay carpeta de correo configurada. Configure una para que se puedan escribir los mensajes.</translation>
    </message>
    <message>
        <source>The mail folder %1 could not be created. Check that the path is right and that you may write there.</source>
        <translation>No se pudo crear la carpeta de correo %1. Compruebe que la ruta sea correcta y que tenga permiso de escritura.</translation>
    </message>
    <message>
        <source>The message could not be written to the mail folder %1: %2</source>
        <translation>No se pudo escribir el mensaje en la carpeta de correo %1: %2</translation>
    </message>
</context>
<context>
    <name>MailTemplates</name>
    <message>
        <source>The e-mail template %1 is missing.</source>
        <translation>Falta la plantilla de correo %1.</translation>
    </message>
    <message>
        <source>The e-mail template %1 has an unclosed “{{”.</source>
        <translation>La plantilla de correo %1 tiene un “{{” sin cerrar.</translation>
    </message>
    <message>
        <source>The e-mail template %1 needs a value for “%2”, and none was given.</source>
        <translation>La plantilla de correo %1 necesita un valor para “%2” y no se proporcionó ninguno.</translation>
    </message>
    <message>
        <source>There is no e-mail template of the kind “%1”.</source>
        <translation>No existe ninguna plantilla de correo del tipo “%1”.</translation>
    </message>
    <message>
        <source>The e-mail template %1 must start with a “Subject:” line followed by a blank line.</source>
        <translation>La plantilla de correo %1 debe empezar con una línea “Subject:” seguida de una línea en blanco.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>The staff desktop for the patient portal&apos;s access side.</source>
        <translation>La aplicación de escritorio del personal para la gestión de accesos al portal del paciente.</translation>
    </message>
    <message>
        <source>Database file (default: the embedded one).</source>
        <translation>Archivo de base de datos (predeterminado: la base de datos integrada).</translation>
    </message>
    <message>
        <source>Fill an empty database with demo data.</source>
        <translation>Llenar una base de datos vacía con datos de demostración.</translation>
    </message>
    <message>
        <source>Run as if it were this instant (ISO-8601).</source>
        <translation>Ejecutar como si fuera este instante (ISO-8601).</translation>
    </message>
    <message>
        <source>Sign-in name to suggest.</source>
        <translation>Nombre de usuario que se sugiere.</translation>
    </message>
    <message>
        <source>The cryptography self-test failed; PortalDesk will not run.</source>
        <translation>Falló la autoprueba criptográfica; PortalDesk no se ejecutará.</translation>
    </message>
    <message>
        <source>Sign in as --staff (on a --demo database, with the demo&apos;s password), save a picture of the main window to FILE and quit (a check that the desktop starts, also without a display).</source>
        <translation>Iniciar sesión como --staff (en una base de datos --demo, con la contraseña de la demostración), guardar una imagen de la ventana principal en FILE y salir (una comprobación de que el escritorio arranca, también sin pantalla).</translation>
    </message>
</context>
<context>
    <name>PatientModels</name>
    <message>
        <source>no access granted</source>
        <translation>sin acceso otorgado</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>ended %1: %2</source>
        <translation>terminó el %1: %2</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Login status</source>
        <translation>Estado de la cuenta</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>replaced by a newer invitation</source>
        <translation>reemplazada por una invitación más reciente</translation>
    </message>
    <message>
        <source>login deactivated</source>
        <translation>cuenta desactivada</translation>
    </message>
    <message>
        <source>e-mail address changed</source>
        <translation>cambió la dirección de correo</translation>
    </message>
    <message>
        <source>login ended</source>
        <translation>cuenta terminada</translation>
    </message>
    <message>
        <source>withdrawn by staff</source>
        <translation>retirada por el personal</translation>
    </message>
    <message>
        <source>reissue</source>
        <translation>nueva emisión</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Enviada a</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>PIN incorrectos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>ended: %1</source>
        <translation>terminado: %1</translation>
    </message>
</context>
<context>
    <name>PinPolicy</name>
    <message>
        <source>The PIN must be %1 to %2 digits (0–9), with no letters, spaces or other characters.</source>
        <translation>El PIN debe tener de %1 a %2 dígitos (0–9), sin letras, espacios ni otros caracteres.</translation>
    </message>
    <message>
        <source>The PIN can&apos;t be the same digit repeated; ask the enrollee for another PIN.</source>
        <translation>El PIN no puede ser el mismo dígito repetido; pida a la persona que se inscribe otro PIN.</translation>
    </message>
    <message>
        <source>The PIN can&apos;t be digits counting up or down (like 1234 or 9876); ask the enrollee for another PIN.</source>
        <translation>El PIN no puede ser una serie de dígitos ascendente o descendente (como 1234 o 9876); pida a la persona que se inscribe otro PIN.</translation>
    </message>
    <message>
        <source>The PIN can&apos;t contain the patient&apos;s birth date (month and day, day and month, or year); ask the enrollee for another PIN.</source>
        <translation>El PIN no puede contener la fecha de nacimiento del paciente (mes y día, día y mes, o año); pida a la persona que se inscribe otro PIN.</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>The hospital&apos;s time zone; every age and business-day rule uses its calendar.</source>
        <translation>La zona horaria del hospital; todas las reglas de edad y de días hábiles usan su calendario.</translation>
    </message>
    <message>
        <source>The hospital&apos;s name as families see it in e-mails.</source>
        <translation>El nombre del hospital tal como lo ven las familias en los correos.</translation>
    </message>
    <message>
        <source>The portal&apos;s name as families see it in e-mails.</source>
        <translation>El nombre del portal tal como lo ven las familias en los correos.</translation>
    </message>
    <message>
        <source>The HIM team&apos;s telephone number given to families.</source>
        <translation>El teléfono del equipo de HIM que se da a las familias.</translation>
    </message>
    <message>
        <source>HIM hours: opening time (HH:mm, Monday to Friday).</source>
        <translation>Horario de HIM: hora de apertura (HH:mm, de lunes a viernes).</translation>
    </message>
    <message>
        <source>HIM hours: closing time (HH:mm).</source>
        <translation>Horario de HIM: hora de cierre (HH:mm).</translation>
    </message>
    <message>
        <source>Birthday of a patient born on 29 February in a common year: feb28 or mar1.</source>
        <translation>Cumpleaños de un paciente nacido el 29 de febrero en un año no bisiesto: feb28 o mar1.</translation>
    </message>
    <message>
        <source>Days after sending that an invitation expires.</source>
        <translation>Días después del envío en que vence una invitación.</translation>
    </message>
    <message>
        <source>Wrong PINs that lock an invitation.</source>
        <translation>PIN incorrectos que bloquean una invitación.</translation>
    </message>
    <message>
        <source>Business days within which an invitation must be sent after enrollment.</source>
        <translation>Días hábiles dentro de los cuales se debe enviar una invitación después de la inscripción.</translation>
    </message>
    <message>
        <source>Business days within which a family&apos;s request must be answered.</source>
        <translation>Días hábiles dentro de los cuales se debe responder la solicitud de una familia.</translation>
    </message>
    <message>
        <source>Days before a 12th or 18th birthday that account holders get a notice.</source>
        <translation>Días antes de que el paciente cumpla 12 o 18 años en que los titulares de las cuentas reciben un aviso.</translation>
    </message>
    <message>
        <source>Activation link in invitations; the token is appended.</source>
        <translation>Enlace de activación de las invitaciones; se le agrega el token al final.</translation>
    </message>
    <message>
        <source>Sender address of every e-mail.</source>
        <translation>Dirección del remitente de todos los correos.</translation>
    </message>
    <message>
        <source>Sender name of every e-mail.</source>
        <translation>Nombre del remitente de todos los correos.</translation>
    </message>
    <message>
        <source>How mail leaves: file (writes .eml files into the drop folder) or smtp.</source>
        <translation>Cómo sale el correo: file (escribe archivos .eml en la carpeta de correo) o smtp.</translation>
    </message>
    <message>
        <source>Folder the file transport writes .eml files into; empty means a &apos;mail&apos; folder beside the database.</source>
        <translation>Carpeta donde el transporte de archivos escribe los .eml; vacío significa una carpeta &apos;mail&apos; junto a la base de datos.</translation>
    </message>
    <message>
        <source>%1 can&apos;t be set to &quot;%2&quot;: %3</source>
        <translation>No se puede asignar &quot;%2&quot; a %1: %3</translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;.</source>
        <translation>No existe ninguna configuración llamada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>not a known time zone (for example America/Los_Angeles)</source>
        <translation>no es una zona horaria conocida (por ejemplo America/Los_Angeles)</translation>
    </message>
    <message>
        <source>use feb28 or mar1</source>
        <translation>use feb28 o mar1</translation>
    </message>
    <message>
        <source>use a time like 07:00</source>
        <translation>use una hora como 07:00</translation>
    </message>
    <message>
        <source>use a whole number of days from 1 to 366</source>
        <translation>use un número entero de días de 1 a 366</translation>
    </message>
    <message>
        <source>use a whole number from 1 to 20</source>
        <translation>use un número entero de 1 a 20</translation>
    </message>
    <message>
        <source>use a whole number of business days from 1 to 30</source>
        <translation>use un número entero de días hábiles de 1 a 30</translation>
    </message>
    <message>
        <source>use file or smtp</source>
        <translation>use file o smtp</translation>
    </message>
    <message>
        <source>not an e-mail address</source>
        <translation>no es una dirección de correo</translation>
    </message>
    <message>
        <source>longer than 500 characters</source>
        <translation>tiene más de 500 caracteres</translation>
    </message>
    <message>
        <source>Minutes without keyboard or mouse use after which the desktop hides patient data.</source>
        <translation>Minutos sin usar el teclado ni el mouse después de los cuales la aplicación oculta los datos de los pacientes.</translation>
    </message>
    <message>
        <source>use a whole number of minutes from 1 to 240</source>
        <translation>use un número entero de minutos de 1 a 240</translation>
    </message>
    <message>
        <source>The SMTP server&apos;s host name (mail.transport smtp).</source>
        <translation>El nombre de host del servidor SMTP (mail.transport smtp).</translation>
    </message>
    <message>
        <source>The SMTP server&apos;s port: 587 for STARTTLS, 465 for TLS.</source>
        <translation>El puerto del servidor SMTP: 587 para STARTTLS, 465 para TLS.</translation>
    </message>
    <message>
        <source>starttls, tls (implicit, port 465) or none (a relay on this machine only).</source>
        <translation>starttls, tls (TLS implícito, puerto 465) o none (solo un servidor de retransmisión en este equipo).</translation>
    </message>
    <message>
        <source>User for SMTP AUTH; empty means no sign-in. The password is never stored here: see mail.smtp_password_file.</source>
        <translation>Usuario para SMTP AUTH; vacío significa que no se inicia sesión. La contraseña nunca se guarda aquí: consulte mail.smtp_password_file.</translation>
    </message>
    <message>
        <source>A file readable only by its owner that holds the SMTP password (or set PORTALDESK_SMTP_PASSWORD).</source>
        <translation>Un archivo que solo su propietario puede leer y que contiene la contraseña SMTP (o configure PORTALDESK_SMTP_PASSWORD).</translation>
    </message>
    <message>
        <source>CA certificates (PEM) to trust for the SMTP server besides the system&apos;s.</source>
        <translation>Certificados de CA (PEM) de confianza para el servidor SMTP, además de los del sistema.</translation>
    </message>
    <message>
        <source>SHA-256 of a server certificate accepted although it does not verify (a supervisor&apos;s exception; empty = none).</source>
        <translation>SHA-256 de un certificado de servidor que se acepta aunque no se pueda verificar (una excepción de un supervisor de HIM; vacío = ninguno).</translation>
    </message>
    <message>
        <source>Seconds to wait for each step of an SMTP conversation.</source>
        <translation>Segundos de espera para cada paso de una conversación SMTP.</translation>
    </message>
    <message>
        <source>use a port number from 1 to 65535</source>
        <translation>use un número de puerto de 1 a 65535</translation>
    </message>
    <message>
        <source>use a whole number of seconds from 1 to 600</source>
        <translation>use un número entero de segundos de 1 a 600</translation>
    </message>
    <message>
        <source>use starttls, tls or none</source>
        <translation>use starttls, tls o none</translation>
    </message>
    <message>
        <source>use the certificate&apos;s SHA-256 as 64 hex digits</source>
        <translation>use el SHA-256 del certificado como 64 dígitos hexadecimales</translation>
    </message>
    <message>
        <source>What proxies of a patient aged 12–17 see: comma-separated portal categories (messages, virtual_visits, lab_results, imaging_reports, prescription_renewals, appointments, clinical_documents, return_to_school_notes, allergies, immunizations, medications). Withheld sensitive results can&apos;t be added.</source>
        <translation>Lo que ven los representantes de un paciente de 12 a 17 años: categorías del portal separadas por comas (messages, virtual_visits, lab_results, imaging_reports, prescription_renewals, appointments, clinical_documents, return_to_school_notes, allergies, immunizations, medications). No se pueden agregar los resultados sensibles que se retienen.</translation>
    </message>
    <message>
        <source>The assigning authority of the hospital&apos;s MRNs in the EHR&apos;s messages (PID-3.4); empty takes the identifier of type MR.</source>
        <translation>La autoridad que asigna los MRN del hospital en los mensajes de la historia clínica (PID-3.4); vacío toma el identificador de tipo MR.</translation>
    </message>
    <message>
        <source>Minutes without a message from the EHR after which the Feed desk warns that the feed is silent.</source>
        <translation>Minutos sin mensajes de la historia clínica tras los cuales el escritorio de la interfaz avisa de que está en silencio.</translation>
    </message>
    <message>
        <source>use a whole number of minutes from 1 to 10080</source>
        <translation>use un número entero de minutos de 1 a 10080</translation>
    </message>
    <message>
        <source>The most messages sent per minute, for a relay that limits its senders (0 = as fast as the server takes them).</source>
        <translation>El máximo de mensajes enviados por minuto, para un servidor de retransmisión que limita a sus remitentes (0 = tan rápido como el servidor los acepte).</translation>
    </message>
    <message>
        <source>use a whole number from 0 (no limit) to 100000</source>
        <translation>use un número entero de 0 (sin límite) a 100000</translation>
    </message>
    <message>
        <source>An append-only file that the audit log&apos;s head is written to by &quot;audit anchor&quot; and every daily run, besides the system log; empty means a file beside the embedded database, and the system log only for the central database.</source>
        <translation>Un archivo de solo anexado donde &quot;audit anchor&quot; y cada ejecución diaria escriben la cabeza del registro de auditoría, además del registro del sistema; vacío significa un archivo junto a la base de datos integrada, y solo el registro del sistema para la base de datos central.</translation>
    </message>
    <message>
        <source>Wrong passwords in a row that lock a staff member&apos;s sign-in (embedded database).</source>
        <translation>Contraseñas incorrectas seguidas que bloquean el inicio de sesión de un miembro del personal (base de datos integrada).</translation>
    </message>
    <message>
        <source>Minutes a staff member&apos;s sign-in stays locked after too many wrong passwords.</source>
        <translation>Minutos que el inicio de sesión de un miembro del personal queda bloqueado tras demasiadas contraseñas incorrectas.</translation>
    </message>
    <message>
        <source>use a whole number of minutes from 1 to 1440</source>
        <translation>use un número entero de minutos de 1 a 1440</translation>
    </message>
    <message>
        <source>Tries at one patient&apos;s birth date in an hour, by all staff together, when verifying a caller&apos;s identity (an agent&apos;s new PIN refused for holding it counts as one).</source>
        <translation>Intentos con la fecha de nacimiento de un paciente en una hora, de todo el personal junto, al verificar la identidad de quien llama (un PIN nuevo de un agente rechazado por contenerla cuenta como uno).</translation>
    </message>
    <message>
        <source>Months after approval that an adult patient&apos;s proxy consent ends (0: never; 18 is a common choice). A change applies to consents approved from then on.</source>
        <translation>Meses después de la aprobación en que termina el consentimiento de representante de un paciente adulto (0: nunca; 18 es una elección habitual). Un cambio se aplica a los consentimientos aprobados desde entonces.</translation>
    </message>
    <message>
        <source>Days before a proxy consent ends that the patient is reminded how to renew it.</source>
        <translation>Días antes de que termine un consentimiento de representante en que se recuerda al paciente cómo renovarlo.</translation>
    </message>
    <message>
        <source>use a whole number of months from 0 (never) to 240</source>
        <translation>use un número entero de meses de 0 (nunca) a 240</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <source>Date of birth and MRN, by phone</source>
        <translation>Fecha de nacimiento y MRN, por teléfono</translation>
    </message>
    <message>
        <source>Photo ID, in person</source>
        <translation>Identificación con foto, en persona</translation>
    </message>
    <message>
        <source>Call-back to the number on file</source>
        <translation>Devolución de llamada al número registrado</translation>
    </message>
    <message>
        <source>Other (describe)</source>
        <translation>Otro (describa)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>none activated</source>
        <translation>ninguna activada</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semana del</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviadas</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Activadas</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Patient portal access — %1</source>
        <translation>Acceso al portal del paciente — %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message>
        <source>Activation rate (of the invitations sent)</source>
        <translation>Tasa de activación (de las invitaciones enviadas)</translation>
    </message>
    <message>
        <source>Median time from sending to activation</source>
        <translation>Mediana del tiempo desde el envío hasta la activación</translation>
    </message>
    <message>
        <source>Requests met within their due time</source>
        <translation>Solicitudes atendidas dentro del plazo</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Requests still open, not yet due</source>
        <translation>Solicitudes todavía abiertas, sin vencer</translation>
    </message>
    <message>
        <source>Turning 12 in the next 30 / 90 days</source>
        <translation>Cumplen 12 años en los próximos 30 / 90 días</translation>
    </message>
    <message>
        <source>Turning 18 in the next 30 / 90 days</source>
        <translation>Cumplen 18 años en los próximos 30 / 90 días</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Met on time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Atrasadas</translation>
    </message>
</context>
<context>
    <name>RequestModels</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>%1 — late</source>
        <translation>%1 — atrasada</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 por %2: %3</translation>
    </message>
</context>
<context>
    <name>RestrictionModels</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>lifted</source>
        <translation>levantada</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Barred person</source>
        <translation>Persona excluida</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>In force until</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <source>until lifted</source>
        <translation>hasta que se levante</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>lifted %1 by %2: %3</source>
        <translation>levantada el %1 por %2: %3</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>MRN or login</source>
        <translation>MRN o cuenta</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Birth date or status</source>
        <translation>Fecha de nacimiento o estado</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Deactivating a login</source>
        <translation>Desactivar una cuenta de acceso</translation>
    </message>
    <message>
        <source>Reason must be one of: %1.</source>
        <translation>El motivo debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Say in a note why the login is deactivated when the reason is &quot;other&quot;.</source>
        <translation>Explique en una nota por qué se desactiva la cuenta cuando el motivo es &quot;other&quot;.</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reportado por</translation>
    </message>
    <message>
        <source>Identity verification</source>
        <translation>Verificación de identidad</translation>
    </message>
    <message>
        <source>Reported by and identity verification are at most %1 characters.</source>
        <translation>&quot;Reportado por&quot; y la verificación de identidad tienen como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>%1 was already deactivated on %2 UTC.</source>
        <translation>%1 ya se había desactivado el %2 UTC.</translation>
    </message>
    <message>
        <source>Changing a login&apos;s contact details</source>
        <translation>Cambiar los datos de contacto de una cuenta</translation>
    </message>
    <message>
        <source>A staff sign-in name is 1–64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>El nombre de usuario del personal tiene de 1 a 64 letras minúsculas, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;, y empieza con una letra.</translation>
    </message>
    <message>
        <source>%1 is not a PortalDesk staff member here; a supervisor adds staff with &quot;staff add&quot;.</source>
        <translation>%1 no es miembro del personal de PortalDesk aquí; un supervisor agrega personal con &quot;staff add&quot;.</translation>
    </message>
    <message>
        <source>%1&apos;s access was disabled.</source>
        <translation>El acceso de %1 fue deshabilitado.</translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;.</source>
        <translation>No existe ninguna configuración llamada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Changing the hospital&apos;s settings</source>
        <translation>Cambiar la configuración del hospital</translation>
    </message>
    <message>
        <source>Adding staff</source>
        <translation>Agregar personal</translation>
    </message>
    <message>
        <source>%1 is already a staff member.</source>
        <translation>%1 ya es miembro del personal.</translation>
    </message>
    <message>
        <source>Disabling staff</source>
        <translation>Deshabilitar personal</translation>
    </message>
    <message>
        <source>You can&apos;t disable your own access.</source>
        <translation>No puede deshabilitar su propio acceso.</translation>
    </message>
    <message>
        <source>%1 is not a staff member.</source>
        <translation>%1 no es miembro del personal.</translation>
    </message>
    <message>
        <source>Verifying the audit log</source>
        <translation>Verificar el registro de auditoría</translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation>Leer el registro de auditoría</translation>
    </message>
    <message>
        <source>Name a record as TYPE or TYPE:ID, for example invitation:12.</source>
        <translation>Indique un registro como TIPO o TIPO:ID, por ejemplo invitation:12.</translation>
    </message>
    <message>
        <source>Mail transport &quot;%1&quot; is not available in this build; set mail.transport to file.</source>
        <translation>El transporte de correo &quot;%1&quot; no está disponible en esta versión; configure mail.transport como file.</translation>
    </message>
    <message>
        <source>The daily run</source>
        <translation>El proceso diario</translation>
    </message>
    <message>
        <source>Days must be a whole number from 0 to 3660.</source>
        <translation>Los días deben ser un número entero de 0 a 3660.</translation>
    </message>
    <message>
        <source>Making demo data</source>
        <translation>Crear datos de demostración</translation>
    </message>
    <message>
        <source>This e-mail address is already %1. Separate logins need separate addresses (shared credentials); only a supervisor&apos;s override with a written reason allows it.</source>
        <translation>Esta dirección de correo ya es %1. Cada cuenta de acceso necesita su propia dirección (credenciales compartidas); solo una excepción de un supervisor con un motivo por escrito lo permite.</translation>
    </message>
    <message>
        <source>No free username could be made.</source>
        <translation>No se pudo crear un nombre de usuario disponible.</translation>
    </message>
    <message>
        <source>Enrolling</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>The form must be parent or patient.</source>
        <translation>El formulario debe ser parent o patient.</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <source>An override</source>
        <translation>Una excepción</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <source>Relationship must be parent, guardian or family.</source>
        <translation>El parentesco debe ser parent, guardian o family.</translation>
    </message>
    <message>
        <source>The form&apos;s signing date %1 is after today (%2).</source>
        <translation>La fecha de firma del formulario, %1, es posterior a hoy (%2).</translation>
    </message>
    <message>
        <source>The form&apos;s signing date is before the patient&apos;s birth date.</source>
        <translation>La fecha de firma del formulario es anterior a la fecha de nacimiento del paciente.</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>An e-mail address is needed to send the invitation.</source>
        <translation>Se necesita una dirección de correo para enviar la invitación.</translation>
    </message>
    <message>
        <source>used by %1, who holds proxy access to this patient</source>
        <translation>la que usa %1, que tiene acceso como representante a este paciente</translation>
    </message>
    <message>
        <source>the patient&apos;s own</source>
        <translation>la del propio paciente</translation>
    </message>
    <message>
        <source>the patient&apos;s own login address</source>
        <translation>la de la cuenta de acceso del propio paciente</translation>
    </message>
    <message>
        <source>used by %1 for this patient</source>
        <translation>la que usa %1 para este paciente</translation>
    </message>
    <message>
        <source>%1 already has %2 access to this patient.</source>
        <translation>%1 ya tiene acceso %2 a este paciente.</translation>
    </message>
    <message>
        <source>%1 already has an active login; access to this patient was added to it.</source>
        <translation>%1 ya tiene una cuenta activa; se le agregó el acceso a este paciente.</translation>
    </message>
    <message>
        <source>%1 already has a live invitation; it now also opens this patient.</source>
        <translation>%1 ya tiene una invitación vigente; ahora también da acceso a este paciente.</translation>
    </message>
    <message>
        <source>The PIN could not be protected; nothing was saved.</source>
        <translation>No se pudo proteger el PIN; no se guardó nada.</translation>
    </message>
    <message>
        <source>Sending an invitation</source>
        <translation>Enviar una invitación</translation>
    </message>
    <message>
        <source>%1 has no invitation waiting to be sent; reissue one instead.</source>
        <translation>%1 no tiene ninguna invitación pendiente de envío; vuelva a emitir una.</translation>
    </message>
    <message>
        <source>%1&apos;s invitation was already sent on %2 UTC; reissue it for a new link.</source>
        <translation>La invitación de %1 ya se envió el %2 UTC; vuelva a emitirla para obtener un enlace nuevo.</translation>
    </message>
    <message>
        <source>Reissuing an invitation</source>
        <translation>Volver a emitir una invitación</translation>
    </message>
    <message>
        <source>A new PIN is set only after the caller&apos;s identity is verified; say how (for example &quot;DOB + MRN&quot; or &quot;photo ID in person&quot;).</source>
        <translation>Solo se asigna un PIN nuevo después de verificar la identidad de quien llama; indique cómo (por ejemplo &quot;fecha de nacimiento + MRN&quot; o &quot;identificación con foto en persona&quot;).</translation>
    </message>
    <message>
        <source>%1 already activated the login; there is nothing to reissue.</source>
        <translation>%1 ya activó la cuenta; no hay nada que volver a emitir.</translation>
    </message>
    <message>
        <source>%1&apos;s login ended at an age transition; the family must re-enroll with the forms for the patient&apos;s age.</source>
        <translation>La cuenta de %1 terminó en una transición de edad; la familia debe volver a inscribirse con los formularios para la edad del paciente.</translation>
    </message>
    <message>
        <source>Bringing back a deactivated login</source>
        <translation>Reactivar una cuenta desactivada</translation>
    </message>
    <message>
        <source>%1 was deactivated; coming back takes a new invitation with a new PIN.</source>
        <translation>%1 fue desactivada; para volver se necesita una invitación nueva con un PIN nuevo.</translation>
    </message>
    <message>
        <source>%1 has never had an invitation; enroll first.</source>
        <translation>%1 nunca ha tenido una invitación; inscríbala primero.</translation>
    </message>
    <message>
        <source>Revoking an invitation</source>
        <translation>Revocar una invitación</translation>
    </message>
    <message>
        <source>%1 has no live invitation to revoke.</source>
        <translation>%1 no tiene ninguna invitación vigente que revocar.</translation>
    </message>
    <message>
        <source>Status must be one of: %1.</source>
        <translation>El estado debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>This activation link is not valid.</source>
        <translation>Este enlace de activación no es válido.</translation>
    </message>
    <message>
        <source>This invitation was replaced by a newer one; use the link in the newest e-mail.</source>
        <translation>Esta invitación fue reemplazada por una más reciente; use el enlace del correo más reciente.</translation>
    </message>
    <message>
        <source>This invitation was withdrawn; call HIM for a new one.</source>
        <translation>Esta invitación fue retirada; llame a HIM para pedir una nueva.</translation>
    </message>
    <message>
        <source>This invitation was already used to activate the login.</source>
        <translation>Esta invitación ya se usó para activar la cuenta.</translation>
    </message>
    <message>
        <source>This invitation is locked after too many wrong PINs; call HIM for a new one.</source>
        <translation>Esta invitación está bloqueada por demasiados PIN incorrectos; llame a HIM para pedir una nueva.</translation>
    </message>
    <message>
        <source>This invitation expired on %1; call HIM for a new one.</source>
        <translation>Esta invitación venció el %1; llame a HIM para pedir una nueva.</translation>
    </message>
    <message>
        <source>This invitation can&apos;t be used.</source>
        <translation>Esta invitación no se puede usar.</translation>
    </message>
    <message>
        <source>Wrong PIN. The invitation is now locked after %1 wrong PINs; call HIM for a new one.</source>
        <translation>PIN incorrecto. La invitación quedó bloqueada después de %1 PIN incorrectos; llame a HIM para pedir una nueva.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN; %n attempt(s) left.</source>
        <translation>
            <numerusform>PIN incorrecto; queda %n intento.</numerusform>
            <numerusform>PIN incorrecto; quedan %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Language &quot;%1&quot; is not a language code such as en or es.</source>
        <translation>El idioma &quot;%1&quot; no es un código de idioma como en o es.</translation>
    </message>
    <message>
        <source>No patient has MRN %1.</source>
        <translation>Ningún paciente tiene el MRN %1.</translation>
    </message>
    <message>
        <source>Give a portal username or e-mail address.</source>
        <translation>Indique un nombre de usuario del portal o una dirección de correo.</translation>
    </message>
    <message>
        <source>%1 logins use the address %2; give the username instead.</source>
        <translation>%1 cuentas usan la dirección %2; indique el nombre de usuario.</translation>
    </message>
    <message>
        <source>No portal user is called %1.</source>
        <translation>Ningún usuario del portal se llama %1.</translation>
    </message>
    <message>
        <source>Adding a patient</source>
        <translation>Agregar un paciente</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex must be female, male, other or unknown.</source>
        <translation>El sexo debe ser female, male, other o unknown.</translation>
    </message>
    <message>
        <source>Birth date %1 is after today (%2) in the hospital&apos;s time zone.</source>
        <translation>La fecha de nacimiento %1 es posterior a hoy (%2) en la zona horaria del hospital.</translation>
    </message>
    <message>
        <source>Birth date is before 1900.</source>
        <translation>La fecha de nacimiento es anterior a 1900.</translation>
    </message>
    <message>
        <source>MRN %1 already belongs to another patient.</source>
        <translation>El MRN %1 ya pertenece a otro paciente.</translation>
    </message>
    <message>
        <source>Search text is longer than 200 characters.</source>
        <translation>El texto de búsqueda tiene más de 200 caracteres.</translation>
    </message>
    <message>
        <source>support agent</source>
        <translation>agente de soporte</translation>
    </message>
    <message>
        <source>HIM specialist</source>
        <translation>especialista de HIM</translation>
    </message>
    <message>
        <source>HIM supervisor</source>
        <translation>supervisor de HIM</translation>
    </message>
    <message>
        <source>%1 needs an %2; %3 is signed in as %4.</source>
        <translation>%1 requiere un %2; %3 inició sesión como %4.</translation>
    </message>
    <message>
        <source>no known role</source>
        <translation>ningún rol conocido</translation>
    </message>
    <message>
        <source>This login&apos;s access ended on the patient&apos;s birthday (the portal&apos;s age rules); the family must re-enroll with the forms for the patient&apos;s age.</source>
        <translation>El acceso de esta cuenta terminó en el cumpleaños del paciente (reglas de edad del portal); la familia debe volver a inscribirse con los formularios para la edad del paciente.</translation>
    </message>
    <message>
        <source>Changing the hospital&apos;s holidays</source>
        <translation>Cambiar los días festivos del hospital</translation>
    </message>
    <message>
        <source>Holiday date</source>
        <translation>Fecha del día festivo</translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation>Nombre del día festivo</translation>
    </message>
    <message>
        <source>%1 is not in the holiday table.</source>
        <translation>%1 no está en la tabla de días festivos.</translation>
    </message>
    <message>
        <source>%1 holds access to no patient.</source>
        <translation>%1 no tiene acceso a ningún paciente.</translation>
    </message>
    <message>
        <source>Sending a test message</source>
        <translation>Enviar un mensaje de prueba</translation>
    </message>
    <message>
        <source>PortalDesk test message</source>
        <translation>Mensaje de prueba de PortalDesk</translation>
    </message>
    <message>
        <source>This message checks %1&apos;s mail settings. Nobody needs to answer it.</source>
        <translation>Este mensaje comprueba la configuración de correo de %1. No es necesario responderlo.</translation>
    </message>
    <message>
        <source>The SMTP password file %1 can be read by others; make it readable by its owner only (chmod 600).</source>
        <translation>Otros usuarios pueden leer el archivo de contraseña SMTP %1; haga que solo su propietario pueda leerlo (chmod 600).</translation>
    </message>
    <message>
        <source>Can&apos;t read the SMTP password file %1: %2</source>
        <translation>No se puede leer el archivo de contraseña SMTP %1: %2</translation>
    </message>
    <message>
        <source>On the central database you act as the login you signed in with (%1), not as %2.</source>
        <translation>En la base de datos central usted actúa con la cuenta con la que inició sesión (%1), no como %2.</translation>
    </message>
    <message>
        <source>The database login %1 is in no PortalDesk staff group; a supervisor adds it with &quot;staff add&quot;.</source>
        <translation>La cuenta de base de datos %1 no está en ningún grupo de personal de PortalDesk; un supervisor la agrega con &quot;staff add&quot;.</translation>
    </message>
    <message>
        <source>On the central database each staff member signs in with a password of at least 12 characters.</source>
        <translation>En la base de datos central cada miembro del personal inicia sesión con una contraseña de al menos 12 caracteres.</translation>
    </message>
    <message>
        <source>The daily run is already going on another workstation; this one did nothing. Each step is done once either way.</source>
        <translation>El proceso diario ya se está ejecutando en otra estación de trabajo; esta no hizo nada. De todos modos, cada paso se hace una sola vez.</translation>
    </message>
    <message>
        <source>Filing a proxy consent</source>
        <translation>Registrar un consentimiento de representación</translation>
    </message>
    <message>
        <source>The consent&apos;s kind must be adult_proxy or guardian.</source>
        <translation>El tipo de consentimiento debe ser adult_proxy o guardian.</translation>
    </message>
    <message>
        <source>The proxy&apos;s relationship must be parent, guardian or family.</source>
        <translation>El parentesco del representante debe ser parent, guardian o family.</translation>
    </message>
    <message>
        <source>The consent&apos;s scope must be full or limited.</source>
        <translation>El alcance del consentimiento debe ser full o limited.</translation>
    </message>
    <message>
        <source>Proxy&apos;s given name</source>
        <translation>Nombre del representante</translation>
    </message>
    <message>
        <source>Proxy&apos;s family name</source>
        <translation>Apellido del representante</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>The scanned consent form is missing; attach it (PDF, PNG or JPEG).</source>
        <translation>Falta el formulario de consentimiento escaneado; adjúntelo (PDF, PNG o JPEG).</translation>
    </message>
    <message>
        <source>The scanned form is %1 MB; the limit is %2 MB. Scan it again at a lower resolution.</source>
        <translation>El formulario escaneado tiene %1 MB; el límite es %2 MB. Vuelva a escanearlo con una resolución más baja.</translation>
    </message>
    <message>
        <source>The scanned form must be a PDF, PNG or JPEG file.</source>
        <translation>El formulario escaneado debe ser un archivo PDF, PNG o JPEG.</translation>
    </message>
    <message>
        <source>The form can&apos;t be signed after today (%1).</source>
        <translation>La fecha de firma del formulario no puede ser posterior a hoy (%1).</translation>
    </message>
    <message>
        <source>Proxy consents are for patients 18 and older; for a younger patient the parent and patient forms are used.</source>
        <translation>Los consentimientos de representación son para pacientes de 18 años o más; para un paciente más joven se usan los formularios de los padres y del paciente.</translation>
    </message>
    <message>
        <source>Reviewing proxy consents</source>
        <translation>Revisar consentimientos de representación</translation>
    </message>
    <message>
        <source>There is no consent %1.</source>
        <translation>No existe el consentimiento %1.</translation>
    </message>
    <message>
        <source>The consent&apos;s patient no longer exists.</source>
        <translation>El paciente del consentimiento ya no existe.</translation>
    </message>
    <message>
        <source>%1 is 18 or older.</source>
        <translation>%1 tiene 18 años o más.</translation>
    </message>
    <message>
        <source>%1 is under 18: a proxy consent does not apply; use the enrollment forms.</source>
        <translation>%1 es menor de 18 años: no corresponde un consentimiento de representación; use los formularios de inscripción.</translation>
    </message>
    <message>
        <source>Signed on %1, on or after the 18th birthday (%2).</source>
        <translation>Firmado el %1, en o después del cumpleaños número 18 (%2).</translation>
    </message>
    <message>
        <source>Signed on %1, before the 18th birthday (%2): the patient must sign again as an adult.</source>
        <translation>Firmado el %1, antes del cumpleaños número 18 (%2): el paciente debe volver a firmar como adulto.</translation>
    </message>
    <message>
        <source>Court papers for a legal guardian of an adult: a supervisor approves, and the access does not end at 18.</source>
        <translation>Documentos judiciales de un tutor legal de un adulto: los aprueba un supervisor, y el acceso no termina a los 18 años.</translation>
    </message>
    <message>
        <source>The signer&apos;s name was not recorded: compare the signature on the form with %1.</source>
        <translation>No se registró el nombre de quien firmó: compare la firma del formulario con %1.</translation>
    </message>
    <message>
        <source>Signed by the patient, %1.</source>
        <translation>Firmado por el paciente, %1.</translation>
    </message>
    <message>
        <source>Signed by %1, not by the patient (%2).</source>
        <translation>Firmado por %1, no por el paciente (%2).</translation>
    </message>
    <message>
        <source>The proxy is not the patient (the names differ).</source>
        <translation>El representante no es el paciente (los nombres son distintos).</translation>
    </message>
    <message>
        <source>%1 already uses this address for this patient (shared credentials); only a supervisor&apos;s override allows it.</source>
        <translation>%1 ya usa esta dirección para este paciente (credenciales compartidas); solo una excepción de un supervisor lo permite.</translation>
    </message>
    <message>
        <source>No one else uses this address for this patient.</source>
        <translation>Nadie más usa esta dirección para este paciente.</translation>
    </message>
    <message>
        <source>The proxy has no other open access to this patient.</source>
        <translation>El representante no tiene ningún otro acceso abierto a este paciente.</translation>
    </message>
    <message numerus="yes">
        <source>The proxy&apos;s login %1 (%2) holds access to %n other patient(s).</source>
        <translation>
            <numerusform>La cuenta %1 (%2) del representante tiene acceso a %n paciente más.</numerusform>
            <numerusform>La cuenta %1 (%2) del representante tiene acceso a %n pacientes más.</numerusform>
        </translation>
    </message>
    <message>
        <source>The proxy has no login yet; approving makes one and queues its invitation.</source>
        <translation>El representante todavía no tiene cuenta; al aprobar se crea una y se pone en cola su invitación.</translation>
    </message>
    <message>
        <source>No earlier consent names this proxy.</source>
        <translation>Ningún consentimiento anterior nombra a este representante.</translation>
    </message>
    <message>
        <source>consent %1 of %2: %3</source>
        <translation>consentimiento %1 del %2: %3</translation>
    </message>
    <message>
        <source>The patient revoked this proxy before. </source>
        <translation>El paciente ya revocó antes a este representante. </translation>
    </message>
    <message>
        <source>Earlier: %1.</source>
        <translation>Anteriores: %1.</translation>
    </message>
    <message>
        <source>Form %1 (%2), SHA-256 %3…, as filed.</source>
        <translation>Formulario %1 (%2), SHA-256 %3…, tal como se registró.</translation>
    </message>
    <message>
        <source>The stored form does not match its SHA-256: it was changed after filing.</source>
        <translation>El formulario guardado no coincide con su SHA-256: se modificó después de registrarse.</translation>
    </message>
    <message>
        <source>Approving a proxy consent</source>
        <translation>Aprobar un consentimiento de representación</translation>
    </message>
    <message>
        <source>Consent %1 was already %2 by %3.</source>
        <translation>El consentimiento %1 ya fue %2 por %3.</translation>
    </message>
    <message>
        <source>Approving a guardian&apos;s court papers</source>
        <translation>Aprobar los documentos judiciales de un tutor</translation>
    </message>
    <message>
        <source>Rejecting a proxy consent</source>
        <translation>Rechazar un consentimiento de representación</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Say why the consent is rejected.</source>
        <translation>Indique por qué se rechaza el consentimiento.</translation>
    </message>
    <message>
        <source>The patient has no e-mail address on file: tell them by phone or letter.</source>
        <translation>El paciente no tiene dirección de correo registrada: avísele por teléfono o por carta.</translation>
    </message>
    <message>
        <source>Revoking a proxy consent</source>
        <translation>Revocar un consentimiento de representación</translation>
    </message>
    <message>
        <source>Only an approved consent can be revoked; consent %1 is %2.</source>
        <translation>Solo se puede revocar un consentimiento aprobado; el consentimiento %1 está %2.</translation>
    </message>
    <message>
        <source>Reading the reports</source>
        <translation>Leer los informes</translation>
    </message>
    <message>
        <source>A report covers 1 to 104 weeks.</source>
        <translation>Un informe abarca de 1 a 104 semanas.</translation>
    </message>
    <message>
        <source>Name the action that resolved the request as TYPE:ID, for example invitation:12 or portal_user:7, or as audit:N for audit event N.</source>
        <translation>Indique la acción que resolvió la solicitud como TIPO:ID, por ejemplo invitation:12 o portal_user:7, o como audit:N para el evento de auditoría N.</translation>
    </message>
    <message>
        <source>Never received the invitation</source>
        <translation>Nunca recibió la invitación</translation>
    </message>
    <message>
        <source>Invitation expired</source>
        <translation>La invitación venció</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Desactivar la cuenta</translation>
    </message>
    <message>
        <source>Can&apos;t see something in the portal</source>
        <translation>No puede ver algo en el portal</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Portal message</source>
        <translation>Mensaje del portal</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Logging a request</source>
        <translation>Registrar una solicitud</translation>
    </message>
    <message>
        <source>Request kind must be one of: %1.</source>
        <translation>El tipo de solicitud debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>Channel must be one of: %1.</source>
        <translation>El medio debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>Say in a note what the family asked for when the kind is &quot;other&quot;.</source>
        <translation>Explique en una nota lo que pidió la familia cuando el tipo es &quot;other&quot;.</translation>
    </message>
    <message>
        <source>Name the patient (MRN) or the portal login (username or e-mail address) the request is about.</source>
        <translation>Indique el paciente (MRN) o la cuenta del portal (nombre de usuario o dirección de correo) a la que se refiere la solicitud.</translation>
    </message>
    <message>
        <source>Received time</source>
        <translation>Hora de recepción</translation>
    </message>
    <message>
        <source>The received time %1 is in the future (it is now %2); give the time the family&apos;s request arrived.</source>
        <translation>La hora de recepción %1 está en el futuro (ahora son las %2); indique la hora en que llegó la solicitud de la familia.</translation>
    </message>
    <message>
        <source>The received time %1 is more than %2 days ago; check the date.</source>
        <translation>La hora de recepción %1 es de hace más de %2 días; revise la fecha.</translation>
    </message>
    <message>
        <source>The login %1 has never had access to the patient with MRN %2; check both, or name only one.</source>
        <translation>La cuenta %1 nunca ha tenido acceso al paciente con MRN %2; revise ambos datos o indique solo uno.</translation>
    </message>
    <message>
        <source>The due time can&apos;t be worked out; check the hospital&apos;s time zone and HIM hours settings.</source>
        <translation>No se puede calcular la hora de vencimiento; revise la zona horaria del hospital y el horario de HIM en la configuración.</translation>
    </message>
    <message>
        <source>The new request could not be read back.</source>
        <translation>No se pudo volver a leer la solicitud nueva.</translation>
    </message>
    <message>
        <source>Reading the request worklist</source>
        <translation>Leer la lista de trabajo de solicitudes</translation>
    </message>
    <message>
        <source>Reading a request</source>
        <translation>Leer una solicitud</translation>
    </message>
    <message>
        <source>No request has number %1.</source>
        <translation>Ninguna solicitud tiene el número %1.</translation>
    </message>
    <message>
        <source>Resolving a request</source>
        <translation>Resolver una solicitud</translation>
    </message>
    <message>
        <source>Resolution note</source>
        <translation>Nota de resolución</translation>
    </message>
    <message>
        <source>Say in a note how the request was resolved.</source>
        <translation>Explique en una nota cómo se resolvió la solicitud.</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>La solicitud n.º %1</translation>
    </message>
    <message>
        <source>%1 was already resolved by %2 at %3 UTC.</source>
        <translation>%1 ya fue resuelta por %2 a las %3 UTC.</translation>
    </message>
    <message>
        <source>There is no audit event %1.</source>
        <translation>No existe el evento de auditoría %1.</translation>
    </message>
    <message>
        <source>No change to %1:%2 is in the audit log; check the reference.</source>
        <translation>No hay ningún cambio de %1:%2 en el registro de auditoría; revise la referencia.</translation>
    </message>
    <message>
        <source>The request could not be read back.</source>
        <translation>No se pudo volver a leer la solicitud.</translation>
    </message>
    <message>
        <source>Explaining what a login can see</source>
        <translation>Explicar lo que puede ver una cuenta</translation>
    </message>
    <message>
        <source>%1 has never held access to patient %2 and is not the patient&apos;s own login.</source>
        <translation>%1 nunca ha tenido acceso al paciente %2 y no es la cuenta propia del paciente.</translation>
    </message>
    <message>
        <source>Reviewing enrollments</source>
        <translation>Revisar inscripciones</translation>
    </message>
    <message>
        <source>The proxy has the patient&apos;s own name and address: a proxy is someone else, with a login of their own.</source>
        <translation>El representante tiene el mismo nombre y la misma dirección que el paciente: un representante es otra persona, con su propia cuenta.</translation>
    </message>
    <message>
        <source>The proxy has the patient&apos;s name; a supervisor confirms it is someone else (Sr., Jr.).</source>
        <translation>El representante tiene el nombre del paciente; un supervisor confirma que es otra persona (padre e hijo del mismo nombre).</translation>
    </message>
    <message>
        <source>the patient revoked the consent</source>
        <translation>el paciente revocó el consentimiento</translation>
    </message>
    <message>
        <source>That action was about another patient or login, not the one this request is about.</source>
        <translation>Esa acción fue sobre otro paciente u otra cuenta, no sobre los de esta solicitud.</translation>
    </message>
    <message>
        <source>Correcting a patient&apos;s record</source>
        <translation>Corregir el registro de un paciente</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>apellido</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>MRN %1 is not on file, and a new record needs its %2.</source>
        <translation>El MRN %1 no está registrado, y un registro nuevo necesita %2.</translation>
    </message>
    <message>
        <source>Applying the EHR&apos;s patient records</source>
        <translation>Aplicar los registros de pacientes de la historia clínica</translation>
    </message>
    <message>
        <source>MRN %1 was merged into MRN %2; the EHR should send the surviving record.</source>
        <translation>El MRN %1 se fusionó con el MRN %2; la historia clínica debe enviar el registro que permanece.</translation>
    </message>
    <message>
        <source>Seeing the EHR&apos;s refused messages</source>
        <translation>Ver los mensajes rechazados de la historia clínica</translation>
    </message>
    <message>
        <source>Retrying a refused message</source>
        <translation>Reintentar un mensaje rechazado</translation>
    </message>
    <message>
        <source>No refused message has number %1.</source>
        <translation>Ningún mensaje rechazado tiene el número %1.</translation>
    </message>
    <message>
        <source>Dismissing a refused message</source>
        <translation>Descartar un mensaje rechazado</translation>
    </message>
    <message>
        <source>Both records have the patient&apos;s own login (%1 and %2); a patient has one. Deactivate the duplicate on MRN %3 (it stays with that record), then carry out the merge.</source>
        <translation>Los dos registros tienen la cuenta propia del paciente (%1 y %2); un paciente tiene una. Desactive la duplicada del MRN %3 (se queda con ese registro) y luego lleve a cabo la fusión.</translation>
    </message>
    <message>
        <source>Login %1 has access to both records (%2 and %3).</source>
        <translation>La cuenta %1 tiene acceso a los dos registros (%2 y %3).</translation>
    </message>
    <message>
        <source>Only one of the two records says the patient died.</source>
        <translation>Solo uno de los dos registros dice que el paciente falleció.</translation>
    </message>
    <message>
        <source>MRN %1 was already merged into another record.</source>
        <translation>El MRN %1 ya se fusionó con otro registro.</translation>
    </message>
    <message>
        <source>Reviewing held merges</source>
        <translation>Revisar las fusiones en espera</translation>
    </message>
    <message>
        <source>Carrying out a held merge</source>
        <translation>Llevar a cabo una fusión en espera</translation>
    </message>
    <message>
        <source>No held merge has number %1.</source>
        <translation>Ninguna fusión en espera tiene el número %1.</translation>
    </message>
    <message>
        <source>The merge of MRN %1 into MRN %2 still conflicts: %3</source>
        <translation>La fusión del MRN %1 con el MRN %2 todavía tiene conflictos: %3</translation>
    </message>
    <message>
        <source>MRN %1 comes from the EHR, which owns its name, birth date, sex, language and contact details: correct them in the EHR, and its next message applies the correction here (the age rules with it).</source>
        <translation>El MRN %1 viene de la historia clínica, a la que pertenecen su nombre, fecha de nacimiento, sexo, idioma y datos de contacto: corríjalos en la historia clínica y su próximo mensaje aplicará aquí la corrección (con las reglas de edad).</translation>
    </message>
    <message>
        <source>Expiring invitations</source>
        <translation>Vencimiento de invitaciones</translation>
    </message>
    <message>
        <source>Ending access at 12 and 18</source>
        <translation>Fin del acceso a los 12 y 18 años</translation>
    </message>
    <message>
        <source>A page holds 1 to 10,000 rows from a position of 0 or more.</source>
        <translation>Una página tiene de 1 a 10 000 filas a partir de una posición de 0 o mayor.</translation>
    </message>
    <message>
        <source>Queuing birthday notices</source>
        <translation>Avisos de cumpleaños en cola</translation>
    </message>
    <message>
        <source>Marking late invitations</source>
        <translation>Marcado de invitaciones atrasadas</translation>
    </message>
    <message>
        <source>Opening a patient</source>
        <translation>Abrir la ficha de un paciente</translation>
    </message>
    <message>
        <source>Finding patients</source>
        <translation>Buscar pacientes</translation>
    </message>
    <message>
        <source>EHR feed service account</source>
        <translation>cuenta de servicio de la interfaz con el EHR</translation>
    </message>
    <message>
        <source>Reviewing patients listed for review</source>
        <translation>Revisar pacientes pendientes de revisión</translation>
    </message>
    <message>
        <source>The note is longer than 2,000 characters.</source>
        <translation>La nota tiene más de 2.000 caracteres.</translation>
    </message>
    <message>
        <source>MRN %1 is not listed for review.</source>
        <translation>El MRN %1 no está pendiente de revisión.</translation>
    </message>
    <message>
        <source>MRN %1 was reviewed by someone else and listed again since; reload and look at it again.</source>
        <translation>Otra persona revisó el MRN %1 y desde entonces volvió a la lista; recargue y revíselo de nuevo.</translation>
    </message>
    <message>
        <source>%1 is a live database, not a training one: its clock is the server&apos;s. A training database is set up new, by the database&apos;s owner, with &quot;init --training&quot; before any patient is added.</source>
        <translation>%1 es una base de datos real, no de prácticas: su reloj es el del servidor. Una base de datos de prácticas se crea nueva, por el propietario de la base de datos, con &quot;init --training&quot; antes de añadir ningún paciente.</translation>
    </message>
    <message>
        <source>The central database %1 is a live one: its clock is the server&apos;s, and a workstation can&apos;t set another time (--now). Only a training database, set up with &quot;init --training&quot;, takes --now.</source>
        <translation>La base de datos central %1 es real: su reloj es el del servidor, y un puesto de trabajo no puede fijar otra hora (--now). Solo una base de datos de prácticas, creada con &quot;init --training&quot;, acepta --now.</translation>
    </message>
    <message>
        <source>The password could not be prepared for the server.</source>
        <translation>No se pudo preparar la contraseña para el servidor.</translation>
    </message>
    <message>
        <source>%1&apos;s invitation is already waiting for the mail server; it counts as sent once the server accepts it.</source>
        <translation>La invitación de %1 ya está esperando al servidor de correo; cuenta como enviada cuando el servidor la acepte.</translation>
    </message>
    <message>
        <source>The audit log&apos;s head could not be written to %1: %2</source>
        <translation>No se pudo escribir la cabeza del registro de auditoría en %1: %2</translation>
    </message>
    <message>
        <source>The anchor file %1 can&apos;t be read: %2</source>
        <translation>No se puede leer el archivo de anclas %1: %2</translation>
    </message>
    <message>
        <source>Line %1 of the anchor file %2 is not an anchor: the file was edited.</source>
        <translation>La línea %1 del archivo de anclas %2 no es un ancla: el archivo se editó.</translation>
    </message>
    <message>
        <source>Anchoring the audit log</source>
        <translation>Anclar el registro de auditoría</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>No se pudo calcular el hash de la contraseña.</translation>
    </message>
    <message>
        <source>Giving a one-time password</source>
        <translation>Dar una contraseña de un solo uso</translation>
    </message>
    <message>
        <source>On the central database each login&apos;s password is the server&apos;s: its administrator changes it there.</source>
        <translation>En la base de datos central la contraseña de cada usuario es del servidor: su administrador la cambia allí.</translation>
    </message>
    <message>
        <source>%1 is not a PortalDesk staff member here.</source>
        <translation>%1 no es miembro del personal de PortalDesk aquí.</translation>
    </message>
    <message>
        <source>Change your own password at sign-in instead; another supervisor can give you a one-time one.</source>
        <translation>Cambie su propia contraseña al iniciar sesión; otro supervisor puede darle una de un solo uso.</translation>
    </message>
    <message>
        <source>That name and password don&apos;t match.</source>
        <translation>Ese nombre y esa contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this sign-in is locked until %1. A supervisor can give a new one-time password sooner.</source>
        <translation>Demasiadas contraseñas incorrectas: este inicio de sesión está bloqueado hasta %1. Un supervisor puede dar antes una nueva contraseña de un solo uso.</translation>
    </message>
    <message>
        <source>A staff password has at least %1 characters.</source>
        <translation>Una contraseña del personal tiene al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>A staff password has at most 200 characters.</source>
        <translation>Una contraseña del personal tiene como máximo 200 caracteres.</translation>
    </message>
    <message>
        <source>A staff password can&apos;t contain the sign-in name.</source>
        <translation>Una contraseña del personal no puede contener el nombre de inicio de sesión.</translation>
    </message>
    <message>
        <source>A staff password can&apos;t contain control characters.</source>
        <translation>Una contraseña del personal no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>No password is set for %1 yet: a supervisor gives a one-time password with &quot;portaldesk-cli staff password %1&quot;.</source>
        <translation>%1 aún no tiene contraseña: un supervisor le da una de un solo uso con &quot;portaldesk-cli staff password %1&quot;.</translation>
    </message>
    <message>
        <source>%1 already has a password.</source>
        <translation>%1 ya tiene contraseña.</translation>
    </message>
    <message>
        <source>Choose a password other than the current one.</source>
        <translation>Elija una contraseña distinta de la actual.</translation>
    </message>
    <message>
        <source>On the central database mail is sent by the mail service (&quot;portaldesk-cli mail serve&quot;, signed in as a mail service account), not by %1 (%2).</source>
        <translation>En la base de datos central el correo lo envía el servicio de correo (&quot;portaldesk-cli mail serve&quot;, con una cuenta del servicio de correo), no %1 (%2).</translation>
    </message>
    <message>
        <source>mail service account</source>
        <translation>cuenta del servicio de correo</translation>
    </message>
    <message>
        <source>On the central database activation links are checked by the portal&apos;s own login (a member of portaldesk_portal), not by staff or service logins.</source>
        <translation>En la base de datos central los enlaces de activación los comprueba el inicio de sesión propio del portal (miembro de portaldesk_portal), no los de personal ni de servicio.</translation>
    </message>
    <message>
        <source>MRN %1 has no birth date on record.</source>
        <translation>El MRN %1 no tiene fecha de nacimiento registrada.</translation>
    </message>
    <message numerus="yes">
        <source>This patient&apos;s birth date was tried %n time(s) in the last hour, the most identity.checks_per_hour allows. Verify the caller another way (photo ID in person) or try again later.</source>
        <translation>
            <numerusform>La fecha de nacimiento de este paciente se intentó %n vez en la última hora, lo máximo que permite identity.checks_per_hour. Verifique a quien llama de otra manera (identificación con foto en persona) o vuelva a intentarlo más tarde.</numerusform>
            <numerusform>La fecha de nacimiento de este paciente se intentó %n veces en la última hora, lo máximo que permite identity.checks_per_hour. Verifique a quien llama de otra manera (identificación con foto en persona) o vuelva a intentarlo más tarde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing the 12th and 18th birthdays ahead</source>
        <translation>Listar los próximos cumpleaños de 12 y 18 años</translation>
    </message>
    <message>
        <source>Verifying a caller&apos;s identity</source>
        <translation>Verificar la identidad de quien llama</translation>
    </message>
    <message>
        <source>The login %1 (%2) on this address was closed because its holder died. It is never reopened, and no second login is made on its address; a supervisor takes back a death recorded in error.</source>
        <translation>La cuenta %1 (%2) de esta dirección se cerró porque su titular falleció. Nunca se reabre, y no se crea una segunda cuenta con su dirección; un supervisor anula una defunción registrada por error.</translation>
    </message>
    <message>
        <source>The login %1 (%2) on this address was deactivated (%3), and this does not reopen it. %4 reopens it first with a new invitation and a new PIN (Reissue with a new PIN), confirming the access that comes back; then try again.</source>
        <translation>La cuenta %1 (%2) de esta dirección se desactivó (%3), y esto no la reabre. %4 la reabre primero con una invitación nueva y un PIN nuevo (volver a emitir con PIN nuevo), confirmando el acceso que vuelve; luego inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>After a suspected compromise, an HIM supervisor</source>
        <translation>Tras una sospecha de acceso indebido, un supervisor de HIM</translation>
    </message>
    <message>
        <source>An HIM specialist</source>
        <translation>Un especialista de HIM</translation>
    </message>
    <message>
        <source>Taking back a death recorded in error</source>
        <translation>Anular una defunción registrada por error</translation>
    </message>
    <message>
        <source>Say in a note how the death was found to be an error.</source>
        <translation>Indique en una nota cómo se supo que la defunción era un error.</translation>
    </message>
    <message>
        <source>%1 was not closed because its holder died; there is nothing to take back.</source>
        <translation>%1 no se cerró por el fallecimiento de su titular; no hay nada que anular.</translation>
    </message>
    <message>
        <source>The EHR still reports the death of %1&apos;s patient; the EHR corrects it, and the record is then listed for review.</source>
        <translation>El EHR todavía informa la defunción del paciente de %1; el EHR la corrige, y entonces el expediente queda para revisión.</translation>
    </message>
    <message>
        <source>the patient died</source>
        <translation>el paciente falleció</translation>
    </message>
    <message>
        <source>the 12th birthday has ended it</source>
        <translation>lo terminó el cumpleaños de 12 años</translation>
    </message>
    <message>
        <source>the 18th birthday has ended it</source>
        <translation>lo terminó el cumpleaños de 18 años</translation>
    </message>
    <message>
        <source>%1 was closed because its holder died: it is never reopened, with the PIN on file or a new one. A supervisor takes back a death recorded in error.</source>
        <translation>%1 se cerró porque su titular falleció: nunca se reabre, ni con el PIN registrado ni con uno nuevo. Un supervisor anula una defunción registrada por error.</translation>
    </message>
    <message>
        <source>Bringing back a login deactivated after a suspected compromise</source>
        <translation>Reabrir una cuenta desactivada por sospecha de acceso indebido</translation>
    </message>
    <message>
        <source>grant %1: MRN %2 (%3), %4 access</source>
        <translation>acceso %1: MRN %2 (%3), acceso %4</translation>
    </message>
    <message>
        <source>grant %1: MRN %2 (%3) does not come back: %4</source>
        <translation>acceso %1: MRN %2 (%3) no vuelve: %4</translation>
    </message>
    <message>
        <source>Reopening %1 brings back only the access you confirm, grant by grant: %2. Say which come back.</source>
        <translation>Al reabrir %1 solo vuelve el acceso que usted confirme, uno por uno: %2. Indique cuáles vuelven.</translation>
    </message>
    <message>
        <source>Grant %1 can&apos;t come back with %2&apos;s login: %3.</source>
        <translation>El acceso %1 no puede volver con la cuenta de %2: %3.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta el %1</translation>
    </message>
    <message>
        <source>until lifted</source>
        <translation>hasta que se levante</translation>
    </message>
    <message>
        <source>The order&apos;s scan is missing; attach it (PDF, PNG or JPEG).</source>
        <translation>Falta el escaneo de la orden; adjúntelo (PDF, PNG o JPEG).</translation>
    </message>
    <message>
        <source>The order&apos;s scan is %1 MB; the limit is %2 MB. Scan it again at a lower resolution.</source>
        <translation>El escaneo de la orden ocupa %1 MB; el límite es %2 MB. Escanéela de nuevo con menos resolución.</translation>
    </message>
    <message>
        <source>The order&apos;s scan must be a PDF, PNG or JPEG file.</source>
        <translation>El escaneo de la orden debe ser un archivo PDF, PNG o JPEG.</translation>
    </message>
    <message>
        <source>Restriction #%1 (%2, %3) bars %4 from MRN %5&apos;s record: no enrollment, consent, invitation or change of address gives them access. HIM staff hold the order.</source>
        <translation>La restricción n.º %1 (%2, %3) prohíbe a %4 el acceso al expediente del MRN %5: ninguna inscripción, consentimiento, invitación ni cambio de dirección le da acceso. El personal de HIM tiene la orden.</translation>
    </message>
    <message>
        <source>Recording an access restriction</source>
        <translation>Registrar una restricción de acceso</translation>
    </message>
    <message>
        <source>Name the patient&apos;s MRN (and each sibling&apos;s the order names).</source>
        <translation>Indique el MRN del paciente (y el de cada hermano que nombre la orden).</translation>
    </message>
    <message>
        <source>The reason is court_order, custody_order, protective_order or other.</source>
        <translation>El motivo es court_order, custody_order, protective_order u other.</translation>
    </message>
    <message>
        <source>Say in a note what the document is when the reason is other.</source>
        <translation>Diga en una nota qué documento es cuando el motivo es other.</translation>
    </message>
    <message>
        <source>In force until</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <source>The restriction&apos;s last day (%1) has passed; today is %2.</source>
        <translation>El último día de la restricción (%1) ya pasó; hoy es %2.</translation>
    </message>
    <message>
        <source>There is no restriction #%1.</source>
        <translation>No existe la restricción n.º %1.</translation>
    </message>
    <message>
        <source>Reading a restriction&apos;s order</source>
        <translation>Leer la orden de una restricción</translation>
    </message>
    <message>
        <source>Restriction #%1&apos;s order is not on file.</source>
        <translation>La orden de la restricción n.º %1 no está archivada.</translation>
    </message>
    <message>
        <source>Lifting an access restriction</source>
        <translation>Levantar una restricción de acceso</translation>
    </message>
    <message>
        <source>Say why the restriction is lifted (for example the new order).</source>
        <translation>Diga por qué se levanta la restricción (por ejemplo, la nueva orden).</translation>
    </message>
    <message>
        <source>Restriction #%1 was lifted by %2 at %3 UTC.</source>
        <translation>%2 levantó la restricción n.º %1 a las %3 UTC.</translation>
    </message>
    <message>
        <source>Restriction #%1 changed since you opened it; reload and try again.</source>
        <translation>La restricción n.º %1 cambió desde que la abrió; vuelva a cargar e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Reviewing consents</source>
        <translation>Revisar consentimientos</translation>
    </message>
    <message>
        <source>Renews consent %1, which ends on %2: access continues without a gap.</source>
        <translation>Renueva el consentimiento %1, que termina el %2: el acceso continúa sin interrupción.</translation>
    </message>
    <message>
        <source>Renews consent %1: access continues without a gap.</source>
        <translation>Renueva el consentimiento %1: el acceso continúa sin interrupción.</translation>
    </message>
    <message>
        <source>Ending expired proxy consents</source>
        <translation>Terminando consentimientos de representante vencidos</translation>
    </message>
    <message>
        <source>Reminding patients of proxy consents that end</source>
        <translation>Avisando a pacientes de consentimientos de representante que terminan</translation>
    </message>
    <message>
        <source>Role must be support_agent, him_specialist, him_supervisor, ehr_feed (the EHR feed&apos;s service account), mailer (the mail service&apos;s account) or daily_job (the daily job&apos;s service account).</source>
        <translation>El rol debe ser support_agent, him_specialist, him_supervisor, ehr_feed (la cuenta de servicio de la interfaz del EHR), mailer (la cuenta del servicio de correo) o daily_job (la cuenta de servicio del trabajo diario).</translation>
    </message>
    <message>
        <source>daily job&apos;s service account</source>
        <translation>cuenta de servicio del trabajo diario</translation>
    </message>
    <message>
        <source>%1 is the EHR feed&apos;s service account: it runs &quot;feed listen&quot; and &quot;import&quot; only.</source>
        <translation>%1 es la cuenta de servicio de la interfaz con el EHR: solo ejecuta &quot;feed listen&quot; e &quot;import&quot;.</translation>
    </message>
    <message>
        <source>%1 is the mail service&apos;s account: it runs &quot;mail serve&quot; and &quot;mail send&quot; only.</source>
        <translation>%1 es la cuenta del servicio de correo: solo ejecuta &quot;mail serve&quot; y &quot;mail send&quot;.</translation>
    </message>
    <message>
        <source>%1 is the daily job&apos;s service account: it runs &quot;daily&quot; only.</source>
        <translation>%1 es la cuenta de servicio del trabajo diario: solo ejecuta &quot;daily&quot;.</translation>
    </message>
    <message>
        <source>%1 It can&apos;t sign in to the desk.</source>
        <translation>%1 No puede iniciar sesión en el escritorio.</translation>
    </message>
</context>
<context>
    <name>Smtp</name>
    <message>
        <source>The mail server %1 can&apos;t take the message now: %2</source>
        <translation>El servidor de correo %1 no puede recibir el mensaje ahora: %2</translation>
    </message>
    <message>
        <source>The mail server refused the message at %1: %2</source>
        <translation>El servidor de correo rechazó el mensaje en %1: %2</translation>
    </message>
    <message>
        <source>it answered %1 with &quot;%2&quot;</source>
        <translation>respondió a %1 con &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the connection closed during %1</source>
        <translation>la conexión se cerró durante %1</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 seconds</source>
        <translation>no respondió a %1 en %2 segundos</translation>
    </message>
    <message>
        <source>an unreadable answer to %1</source>
        <translation>una respuesta ilegible a %1</translation>
    </message>
    <message>
        <source>could not send %1: %2</source>
        <translation>no se pudo enviar %1: %2</translation>
    </message>
    <message>
        <source>No mail server is set (setting mail.smtp_host).</source>
        <translation>No hay un servidor de correo configurado (ajuste mail.smtp_host).</translation>
    </message>
    <message>
        <source>the CA file %1 holds no certificate</source>
        <translation>el archivo de CA %1 no contiene ningún certificado</translation>
    </message>
    <message>
        <source>its certificate was not accepted (%1); check mail.smtp_host and mail.smtp_ca_file</source>
        <translation>su certificado no fue aceptado (%1); revise mail.smtp_host y mail.smtp_ca_file</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>el saludo</translation>
    </message>
    <message>
        <source>it does not offer STARTTLS, and mail is never sent in clear when TLS is set</source>
        <translation>no ofrece STARTTLS, y el correo nunca se envía sin cifrar cuando TLS está configurado</translation>
    </message>
    <message>
        <source>signing in as %1 failed (%2)</source>
        <translation>falló el inicio de sesión como %1 (%2)</translation>
    </message>
    <message>
        <source>it offers no sign-in this program can use (PLAIN or LOGIN)</source>
        <translation>no ofrece ningún inicio de sesión que este programa pueda usar (PLAIN o LOGIN)</translation>
    </message>
    <message>
        <source>The mail server can&apos;t take an address written in another script (it does not offer SMTPUTF8): %1</source>
        <translation>El servidor de correo no acepta una dirección escrita en otro alfabeto (no ofrece SMTPUTF8): %1</translation>
    </message>
    <message>
        <source>A line of the message is longer than SMTP allows.</source>
        <translation>Una línea del mensaje es más larga de lo que permite SMTP.</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>el mensaje</translation>
    </message>
    <message>
        <source>the end of the message</source>
        <translation>el final del mensaje</translation>
    </message>
    <message>
        <source>the server did not confirm the message (%1); it will be sent again</source>
        <translation>el servidor no confirmó el mensaje (%1); se enviará de nuevo</translation>
    </message>
    <message>
        <source>it sent more than its answer to STARTTLS before the encryption began, which may be someone tampering with the connection (STARTTLS injection); nothing was sent</source>
        <translation>envió más que su respuesta a STARTTLS antes de que empezara el cifrado, lo que puede indicar que alguien manipula la conexión (inyección STARTTLS); no se envió nada</translation>
    </message>
    <message>
        <source>The envelope address &quot;%1&quot; can&apos;t be sent: it holds a line break or angle brackets.</source>
        <translation>La dirección de sobre &quot;%1&quot; no se puede enviar: contiene un salto de línea o corchetes angulares.</translation>
    </message>
    <message>
        <source>signing in over a connection that is not encrypted is refused except to this machine; set mail.smtp_tls to starttls or tls</source>
        <translation>no se inicia sesión por una conexión sin cifrar salvo en este equipo; configure mail.smtp_tls como starttls o tls</translation>
    </message>
</context>
<context>
    <name>TimelineText</name>
    <message>
        <source>a newer invitation replaced it</source>
        <translation>una invitación más reciente la reemplazó</translation>
    </message>
    <message>
        <source>the login was deactivated</source>
        <translation>la cuenta fue desactivada</translation>
    </message>
    <message>
        <source>the e-mail address changed</source>
        <translation>cambió la dirección de correo</translation>
    </message>
    <message>
        <source>the login ended with no access left</source>
        <translation>la cuenta terminó sin ningún acceso</translation>
    </message>
    <message>
        <source>withdrawn by staff</source>
        <translation>retirada por el personal</translation>
    </message>
    <message>
        <source>suspected use by someone else</source>
        <translation>sospecha de uso por otra persona</translation>
    </message>
    <message>
        <source>the family asked</source>
        <translation>la familia lo pidió</translation>
    </message>
    <message>
        <source>duplicate login</source>
        <translation>cuenta duplicada</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>fallecido</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>Patient added (MRN %1).</source>
        <translation>Paciente agregado (MRN %1).</translation>
    </message>
    <message>
        <source>Login %1 created (%2).</source>
        <translation>Cuenta %1 creada (%2).</translation>
    </message>
    <message>
        <source>Enrollment form taken: %1 form, signed %2, age group %3.</source>
        <translation>Formulario de inscripción recibido: formulario de %1, firmado el %2, grupo de edad %3.</translation>
    </message>
    <message>
        <source>Supervisor override: %1</source>
        <translation>Excepción del supervisor: %1</translation>
    </message>
    <message>
        <source>Access granted: %1 (%2).</source>
        <translation>Acceso otorgado: %1 (%2).</translation>
    </message>
    <message>
        <source>Access ended (%1) on %2: %3.</source>
        <translation>Acceso terminado (%1) el %2: %3.</translation>
    </message>
    <message>
        <source>Invitation queued for %1.</source>
        <translation>Invitación en cola para %1.</translation>
    </message>
    <message>
        <source>Invitation sent to %1.</source>
        <translation>Invitación enviada a %1.</translation>
    </message>
    <message>
        <source>Invitation reissued to %1 (PIN %2%3).</source>
        <translation>Invitación emitida de nuevo a %1 (PIN %2%3).</translation>
    </message>
    <message>
        <source>Invitation revoked: %1.</source>
        <translation>Invitación revocada: %1.</translation>
    </message>
    <message>
        <source>Login activated with the invitation and PIN.</source>
        <translation>Cuenta activada con la invitación y el PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN entered (%1 so far).</source>
        <translation>Se ingresó un PIN incorrecto (%1 hasta ahora).</translation>
    </message>
    <message>
        <source>Invitation locked after %1 wrong PINs.</source>
        <translation>Invitación bloqueada después de %1 PIN incorrectos.</translation>
    </message>
    <message>
        <source>Invitation expired unused.</source>
        <translation>La invitación venció sin usarse.</translation>
    </message>
    <message>
        <source>Invitation not sent within the business days allowed.</source>
        <translation>La invitación no se envió dentro de los días hábiles permitidos.</translation>
    </message>
    <message>
        <source>Login deactivated: %1; reported by %2; identity checked by %3.</source>
        <translation>Cuenta desactivada: %1; reportado por %2; identidad verificada por %3.</translation>
    </message>
    <message>
        <source>Login ended: no access to any patient was left.</source>
        <translation>Cuenta terminada: no le quedaba acceso a ningún paciente.</translation>
    </message>
    <message>
        <source>Login reopened for a new invitation.</source>
        <translation>Cuenta reabierta para una invitación nueva.</translation>
    </message>
    <message>
        <source>Login details changed.</source>
        <translation>Se cambiaron los datos de la cuenta.</translation>
    </message>
    <message>
        <source>Notice queued: access changes at age %1 on %2.</source>
        <translation>Aviso en cola: el acceso cambia a los %1 años el %2.</translation>
    </message>
    <message>
        <source>E-mail could not be delivered: %1</source>
        <translation>No se pudo entregar el correo: %1</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>cambió</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>se mantuvo</translation>
    </message>
    <message>
        <source>Proxy consent filed for %1 (%2, %3 access), signed %4.</source>
        <translation>Consentimiento de representación registrado para %1 (%2, acceso %3), firmado el %4.</translation>
    </message>
    <message>
        <source>Proxy consent approved.</source>
        <translation>Consentimiento de representación aprobado.</translation>
    </message>
    <message>
        <source>Proxy consent rejected: %1.</source>
        <translation>Consentimiento de representación rechazado: %1.</translation>
    </message>
    <message>
        <source>Proxy consent revoked by the patient; the proxy&apos;s access ended.</source>
        <translation>El paciente revocó el consentimiento de representación; el acceso del representante terminó.</translation>
    </message>
    <message>
        <source>Family request logged: %1.</source>
        <translation>Solicitud de la familia registrada: %1.</translation>
    </message>
    <message>
        <source>Family request resolved.</source>
        <translation>Solicitud de la familia resuelta.</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>apellido</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>Record corrected: %1.</source>
        <translation>Registro corregido: %1.</translation>
    </message>
    <message>
        <source>Younger after a birth-date correction: access that ended at 12 or 18 under the old date was not reopened. Review it.</source>
        <translation>Menor tras corregir la fecha de nacimiento: el acceso que terminó a los 12 o 18 años con la fecha anterior no se reabrió. Revíselo.</translation>
    </message>
    <message>
        <source>Access ended (%1) when the birth date was corrected: %2.</source>
        <translation>El acceso terminó (%1) al corregirse la fecha de nacimiento: %2.</translation>
    </message>
    <message>
        <source>Patient registered by the EHR (MRN %1, message %2).</source>
        <translation>Paciente registrado por la historia clínica (MRN %1, mensaje %2).</translation>
    </message>
    <message>
        <source>Record updated by the EHR (message %1): %2.</source>
        <translation>Registro actualizado por la historia clínica (mensaje %1): %2.</translation>
    </message>
    <message>
        <source>The EHR reports the patient&apos;s death: every access ended, the patient&apos;s own login closed, %1 queued e-mail(s) cancelled; no e-mail went to the family.</source>
        <translation>La historia clínica informa del fallecimiento del paciente: todos los accesos terminaron, la cuenta propia del paciente se cerró, se cancelaron %1 correos en cola; no se envió ningún correo a la familia.</translation>
    </message>
    <message>
        <source>The EHR no longer reports the patient&apos;s death: nothing was reopened. Review the patient&apos;s access.</source>
        <translation>La historia clínica ya no informa del fallecimiento del paciente: no se reabrió nada. Revise el acceso del paciente.</translation>
    </message>
    <message>
        <source>Access ended: the patient died.</source>
        <translation>Acceso terminado: el paciente falleció.</translation>
    </message>
    <message>
        <source>Login closed: the EHR reports the patient&apos;s death.</source>
        <translation>Cuenta cerrada: la historia clínica informa del fallecimiento del paciente.</translation>
    </message>
    <message>
        <source>A refused message from the EHR (%1) was dismissed.</source>
        <translation>Se descartó un mensaje rechazado de la historia clínica (%1).</translation>
    </message>
    <message>
        <source>The EHR merged MRN %1 into this record: its logins, access and requests moved here (%2 rows).</source>
        <translation>La historia clínica fusionó el MRN %1 con este registro: sus cuentas, accesos y solicitudes pasaron aquí (%2 filas).</translation>
    </message>
    <message>
        <source>This record (MRN %1) was merged into MRN %2.</source>
        <translation>Este registro (MRN %1) se fusionó con el MRN %2.</translation>
    </message>
    <message>
        <source>The EHR&apos;s merge of MRN %1 into this record waits for HIM review: %2</source>
        <translation>La fusión del MRN %1 con este registro que envió la historia clínica espera la revisión de HIM: %2</translation>
    </message>
    <message>
        <source>The held merge of MRN %1 was carried out.</source>
        <translation>Se llevó a cabo la fusión en espera del MRN %1.</translation>
    </message>
    <message>
        <source>Access ended (%1) when the records were merged: %2.</source>
        <translation>Acceso terminado (%1) al fusionarse los registros: %2.</translation>
    </message>
    <message>
        <source>Reviewed and taken off the review list.</source>
        <translation>Revisado y retirado de la lista de revisión.</translation>
    </message>
    <message>
        <source>Reviewed and taken off the review list: %1</source>
        <translation>Revisado y retirado de la lista de revisión: %1</translation>
    </message>
    <message>
        <source>Invitation e-mail to %1 waiting for the mail server.</source>
        <translation>Correo de invitación para %1 en espera del servidor de correo.</translation>
    </message>
    <message>
        <source>Access ended (%1): %2.</source>
        <translation>El acceso terminó (%1): %2.</translation>
    </message>
    <message>
        <source>Identity check: the birth date the caller gave matches.</source>
        <translation>Verificación de identidad: la fecha de nacimiento que dio quien llama coincide.</translation>
    </message>
    <message>
        <source>Identity check: the birth date the caller gave doesn&apos;t match.</source>
        <translation>Verificación de identidad: la fecha de nacimiento que dio quien llama no coincide.</translation>
    </message>
    <message>
        <source>A new PIN was refused because it holds the patient&apos;s birth date (counted as a try at the birth date).</source>
        <translation>Se rechazó un PIN nuevo porque contiene la fecha de nacimiento del paciente (cuenta como un intento con la fecha de nacimiento).</translation>
    </message>
    <message>
        <source>Notice queued: access changes at age %1.</source>
        <translation>Aviso en cola: el acceso cambia a los %1 años.</translation>
    </message>
    <message>
        <source>child-bracket access ends on the 12th birthday</source>
        <translation>el acceso de la etapa infantil termina al cumplir 12 años</translation>
    </message>
    <message>
        <source>proxy access ends on the 18th birthday</source>
        <translation>el acceso de los representantes termina al cumplir 18 años</translation>
    </message>
    <message>
        <source>a restriction ends the barred person&apos;s access at once</source>
        <translation>una restricción termina al instante el acceso de la persona excluida</translation>
    </message>
    <message>
        <source>Restriction recorded: %1 is barred from this record by a %2, until a supervisor lifts it.</source>
        <translation>Restricción registrada: %1 tiene prohibido el acceso a este expediente (%2), hasta que un supervisor la levante.</translation>
    </message>
    <message>
        <source>Restriction recorded: %1 is barred from this record by a %2, until %3.</source>
        <translation>Restricción registrada: %1 tiene prohibido el acceso a este expediente (%2), hasta el %3.</translation>
    </message>
    <message>
        <source>Restriction lifted: %1. The access it ended stays ended.</source>
        <translation>Restricción levantada: %1. El acceso que terminó sigue terminado.</translation>
    </message>
    <message>
        <source>an adult&apos;s proxy consent ends on the day fixed at its approval</source>
        <translation>el consentimiento de representante de un adulto termina el día fijado al aprobarlo</translation>
    </message>
    <message>
        <source>a new consent signed by the patient renews access without a gap</source>
        <translation>un consentimiento nuevo firmado por el paciente renueva el acceso sin interrupción</translation>
    </message>
    <message>
        <source>The patient was reminded that the proxy consent ends on %1.</source>
        <translation>Se avisó al paciente de que el consentimiento de representante termina el %1.</translation>
    </message>
    <message>
        <source>The proxy consent ends on %1; the patient has no e-mail address on file to be reminded at.</source>
        <translation>El consentimiento de representante termina el %1; el paciente no tiene correo registrado para avisarle.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>%1 is empty; type the name as it appears on the patient&apos;s record.</source>
        <translation>%1 está vacío; escriba el nombre como aparece en el expediente del paciente.</translation>
    </message>
    <message>
        <source>%1 contains a control character (such as a tab or line break); retype it without pasting.</source>
        <translation>%1 contiene un carácter de control (como un tabulador o un salto de línea); escríbalo de nuevo sin pegarlo.</translation>
    </message>
    <message>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>%1 es demasiado largo: %2 caracteres, como máximo %3.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has no letters in it.</source>
        <translation>%1 &quot;%2&quot; no contiene letras.</translation>
    </message>
    <message>
        <source>The e-mail address is empty.</source>
        <translation>La dirección de correo está vacía.</translation>
    </message>
    <message>
        <source>The e-mail address &quot;%1&quot; is too long: at most %2 characters.</source>
        <translation>La dirección de correo &quot;%1&quot; es demasiado larga: como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>The e-mail address &quot;%1&quot; contains a space or another invisible character.</source>
        <translation>La dirección de correo &quot;%1&quot; contiene un espacio u otro carácter invisible.</translation>
    </message>
    <message>
        <source>The e-mail address &quot;%1&quot; must contain exactly one &quot;@&quot;.</source>
        <translation>La dirección de correo &quot;%1&quot; debe contener exactamente una &quot;@&quot;.</translation>
    </message>
    <message>
        <source>The e-mail address &quot;%1&quot; has nothing before the &quot;@&quot;.</source>
        <translation>La dirección de correo &quot;%1&quot; no tiene nada antes de la &quot;@&quot;.</translation>
    </message>
    <message>
        <source>The e-mail address &quot;%1&quot; has more than %2 characters before the &quot;@&quot;.</source>
        <translation>La dirección de correo &quot;%1&quot; tiene más de %2 caracteres antes de la &quot;@&quot;.</translation>
    </message>
    <message>
        <source>The part before the &quot;@&quot; in &quot;%1&quot; has characters an e-mail address can&apos;t use there.</source>
        <translation>La parte antes de la &quot;@&quot; en &quot;%1&quot; tiene caracteres que una dirección de correo no puede usar ahí.</translation>
    </message>
    <message>
        <source>The part after the &quot;@&quot; in &quot;%1&quot; isn&apos;t a domain name like example.org.</source>
        <translation>La parte después de la &quot;@&quot; en &quot;%1&quot; no es un nombre de dominio como example.org.</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>El número de teléfono está vacío.</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; is too long: at most %2 characters.</source>
        <translation>El número de teléfono &quot;%1&quot; es demasiado largo: como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; may contain only digits 0–9, a leading &quot;+&quot;, spaces, and ( ) - .</source>
        <translation>El número de teléfono &quot;%1&quot; solo puede contener dígitos 0–9, un &quot;+&quot; al principio, espacios y ( ) - .</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; has %2 digits; a phone number has %3 to %4.</source>
        <translation>El número de teléfono &quot;%1&quot; tiene %2 dígitos; un número de teléfono tiene de %3 a %4.</translation>
    </message>
    <message>
        <source>The MRN is empty.</source>
        <translation>El MRN está vacío.</translation>
    </message>
    <message>
        <source>The MRN &quot;%1&quot; must be 1 to %2 letters (A–Z), digits or &quot;-&quot;.</source>
        <translation>El MRN &quot;%1&quot; debe tener de 1 a %2 letras (A–Z), dígitos o &quot;-&quot;.</translation>
    </message>
    <message>
        <source>%1 is empty; use YYYY-MM-DD.</source>
        <translation>%1: falta la fecha; use YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not in the form YYYY-MM-DD (for example 2014-03-09).</source>
        <translation>%1 &quot;%2&quot; no tiene el formato YYYY-MM-DD (por ejemplo 2014-03-09).</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a real date; use YYYY-MM-DD.</source>
        <translation>%1 &quot;%2&quot; no es una fecha real; use YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>%1 is empty; use YYYY-MM-DDThh:mm:ss.</source>
        <translation>%1: falta la fecha y hora; use YYYY-MM-DDThh:mm:ss.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date and time in the form YYYY-MM-DDThh:mm:ss (for example 2026-11-24T09:00:00, optionally ending in Z or +hh:mm).</source>
        <translation>%1 &quot;%2&quot; no es una fecha y hora con el formato YYYY-MM-DDThh:mm:ss (por ejemplo 2026-11-24T09:00:00, que puede terminar en Z o +hh:mm).</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a real date and time.</source>
        <translation>%1 &quot;%2&quot; no es una fecha y hora real.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has a time-zone offset outside -14:00 to +14:00.</source>
        <translation>%1 &quot;%2&quot; tiene un desfase horario fuera del rango de -14:00 a +14:00.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has no time-zone offset and the hospital&apos;s time zone is not set; add Z or +hh:mm.</source>
        <translation>%1 &quot;%2&quot; no tiene desfase horario y la zona horaria del hospital no está configurada; agregue Z o +hh:mm.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; does not exist in the hospital&apos;s time zone (the clocks moved forward then).</source>
        <translation>%1 &quot;%2&quot; no existe en la zona horaria del hospital (los relojes se adelantaron a esa hora).</translation>
    </message>
    <message>
        <source>%1 contains a control character (such as a tab); only letters, punctuation, spaces and line breaks are allowed.</source>
        <translation>%1 contiene un carácter de control (como un tabulador); solo se permiten letras, signos de puntuación, espacios y saltos de línea.</translation>
    </message>
</context>
<context>
    <name>Visibility</name>
    <message>
        <source>messages with the care team</source>
        <translation>mensajes con el equipo de atención médica</translation>
    </message>
    <message>
        <source>virtual visits</source>
        <translation>visitas virtuales</translation>
    </message>
    <message>
        <source>lab results</source>
        <translation>resultados de laboratorio</translation>
    </message>
    <message>
        <source>imaging reports</source>
        <translation>informes de estudios de imagen</translation>
    </message>
    <message>
        <source>prescription renewal requests</source>
        <translation>solicitudes de renovación de recetas</translation>
    </message>
    <message>
        <source>appointments and scheduling</source>
        <translation>citas y programación</translation>
    </message>
    <message>
        <source>clinical documents and post-visit information</source>
        <translation>documentos clínicos e información posterior a la consulta</translation>
    </message>
    <message>
        <source>return-to-school notes</source>
        <translation>notas para el regreso a la escuela</translation>
    </message>
    <message>
        <source>allergies</source>
        <translation>alergias</translation>
    </message>
    <message>
        <source>immunizations</source>
        <translation>vacunas</translation>
    </message>
    <message>
        <source>medications</source>
        <translation>medicamentos</translation>
    </message>
    <message>
        <source>results about sexually transmitted infections</source>
        <translation>resultados sobre infecciones de transmisión sexual</translation>
    </message>
    <message>
        <source>hepatitis results</source>
        <translation>resultados de hepatitis</translation>
    </message>
    <message>
        <source>HIV results</source>
        <translation>Resultados de VIH</translation>
    </message>
    <message>
        <source>pregnancy and birth control information</source>
        <translation>información sobre embarazo y anticoncepción</translation>
    </message>
    <message>
        <source>alcohol and drug treatment records</source>
        <translation>registros de tratamiento por consumo de alcohol y drogas</translation>
    </message>
    <message>
        <source>genetic test results</source>
        <translation>resultados de pruebas genéticas</translation>
    </message>
    <message>
        <source>pathology reports</source>
        <translation>informes de patología</translation>
    </message>
    <message>
        <source>Access ended on %1 at the patient&apos;s 12th birthday (the nightly run has not recorded it yet). The family must re-enroll with the adolescent forms.</source>
        <translation>El acceso terminó el %1, en el cumpleaños número 12 del paciente (el proceso nocturno todavía no lo ha registrado). La familia debe volver a inscribirse con los formularios para adolescentes.</translation>
    </message>
    <message>
        <source>Access ended on %1 at the patient&apos;s 18th birthday (the nightly run has not recorded it yet). A proxy regains access only through the patient&apos;s signed proxy consent.</source>
        <translation>El acceso terminó el %1, en el cumpleaños número 18 del paciente (el proceso nocturno todavía no lo ha registrado). Un representante solo recupera el acceso mediante el consentimiento de representación firmado por el paciente.</translation>
    </message>
    <message>
        <source>Access ended on %1 at the patient&apos;s 12th birthday. The family must re-enroll with the adolescent forms.</source>
        <translation>El acceso terminó el %1, en el cumpleaños número 12 del paciente. La familia debe volver a inscribirse con los formularios para adolescentes.</translation>
    </message>
    <message>
        <source>Access ended on %1 at the patient&apos;s 18th birthday. A proxy regains access only through the patient&apos;s signed proxy consent.</source>
        <translation>El acceso terminó el %1, en el cumpleaños número 18 del paciente. Un representante solo recupera el acceso mediante el consentimiento de representación firmado por el paciente.</translation>
    </message>
    <message>
        <source>Access ended on %1 when the login was deactivated.</source>
        <translation>El acceso terminó el %1, cuando se desactivó la cuenta.</translation>
    </message>
    <message>
        <source>Access ended on %1: HIM revoked it.</source>
        <translation>El acceso terminó el %1: HIM lo revocó.</translation>
    </message>
    <message>
        <source>Access ended on %1: an access restriction bars this person from the patient&apos;s record.</source>
        <translation>El acceso terminó el %1: una restricción de acceso impide a esta persona ver el expediente del paciente.</translation>
    </message>
    <message>
        <source>Access ended on %1 when the patient revoked the proxy consent.</source>
        <translation>El acceso terminó el %1, cuando el paciente revocó el consentimiento de representación.</translation>
    </message>
    <message>
        <source>Access ended on %1 (%2).</source>
        <translation>El acceso terminó el %1 (%2).</translation>
    </message>
    <message>
        <source>This login has not been activated yet: nothing shows until the invitation is used with its PIN.</source>
        <translation>Esta cuenta todavía no se ha activado: no se muestra nada hasta que se use la invitación con su PIN.</translation>
    </message>
    <message>
        <source>This login was deactivated on %1: nothing shows until an HIM specialist issues a new invitation with a new PIN.</source>
        <translation>Esta cuenta se desactivó el %1: no se muestra nada hasta que un especialista de HIM emita una invitación nueva con un PIN nuevo.</translation>
    </message>
    <message>
        <source>This login was deactivated: nothing shows until an HIM specialist issues a new invitation with a new PIN.</source>
        <translation>Esta cuenta se desactivó: no se muestra nada hasta que un especialista de HIM emita una invitación nueva con un PIN nuevo.</translation>
    </message>
    <message>
        <source>This login was terminated on %1 when it was left with no access: nothing shows unless the family enrolls again.</source>
        <translation>Esta cuenta se cerró el %1 al quedarse sin ningún acceso: no se muestra nada a menos que la familia vuelva a inscribirse.</translation>
    </message>
    <message>
        <source>This login was terminated when it was left with no access: nothing shows unless the family enrolls again.</source>
        <translation>Esta cuenta se cerró al quedarse sin ningún acceso: no se muestra nada a menos que la familia vuelva a inscribirse.</translation>
    </message>
    <message>
        <source>This login&apos;s status is &quot;%1&quot;: only an active login shows anything.</source>
        <translation>El estado de esta cuenta es &quot;%1&quot;: solo una cuenta activa muestra algo.</translation>
    </message>
    <message>
        <source>As the patient&apos;s legal guardian this login has full access, which includes %1.</source>
        <translation>Como tutor legal del paciente, esta cuenta tiene acceso completo, que incluye %1.</translation>
    </message>
    <message>
        <source>The patient&apos;s proxy consent gives this login full access, which includes %1.</source>
        <translation>El consentimiento de representación del paciente da a esta cuenta acceso completo, que incluye %1.</translation>
    </message>
    <message>
        <source>Proxies of a patient aged 0–11 have full access, which includes %1.</source>
        <translation>Los representantes de un paciente de 0 a 11 años tienen acceso completo, que incluye %1.</translation>
    </message>
    <message>
        <source>This login has full access, which includes %1.</source>
        <translation>Esta cuenta tiene acceso completo, que incluye %1.</translation>
    </message>
    <message>
        <source>Proxies of a patient aged 12–17 see only the limited set; %1 are in it.</source>
        <translation>Los representantes de un paciente de 12 a 17 años solo ven el conjunto limitado, que incluye %1.</translation>
    </message>
    <message>
        <source>Proxies of a patient aged 12–17 see only the limited set; %1 are not in it.</source>
        <translation>Los representantes de un paciente de 12 a 17 años solo ven el conjunto limitado, que no incluye %1.</translation>
    </message>
    <message>
        <source>This login has limited access, which shows only the limited set; %1 are in it.</source>
        <translation>Esta cuenta tiene acceso limitado, que solo muestra el conjunto limitado, y este incluye %1.</translation>
    </message>
    <message>
        <source>This login has limited access, which shows only the limited set; %1 are not in it.</source>
        <translation>Esta cuenta tiene acceso limitado, que solo muestra el conjunto limitado, y este no incluye %1.</translation>
    </message>
    <message>
        <source>Messages with the care team</source>
        <translation>Mensajes con el equipo de atención médica</translation>
    </message>
    <message>
        <source>Virtual visits</source>
        <translation>Visitas virtuales</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <source>Imaging reports</source>
        <translation>Informes de estudios de imagen</translation>
    </message>
    <message>
        <source>Prescription renewal requests</source>
        <translation>Solicitudes de renovación de recetas</translation>
    </message>
    <message>
        <source>Appointments and scheduling</source>
        <translation>Citas y programación</translation>
    </message>
    <message>
        <source>Clinical documents and post-visit information</source>
        <translation>Documentos clínicos e información posconsulta</translation>
    </message>
    <message>
        <source>Return-to-school notes</source>
        <translation>Notas para el regreso a la escuela</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Sexually transmitted infection results</source>
        <translation>Resultados de infecciones de transmisión sexual</translation>
    </message>
    <message>
        <source>Hepatitis results</source>
        <translation>Resultados de hepatitis</translation>
    </message>
    <message>
        <source>Pregnancy and birth control</source>
        <translation>Embarazo y anticoncepción</translation>
    </message>
    <message>
        <source>Alcohol and drug treatment</source>
        <translation>Tratamiento por consumo de alcohol y drogas</translation>
    </message>
    <message>
        <source>Genetic test results</source>
        <translation>Resultados de pruebas genéticas</translation>
    </message>
    <message>
        <source>Pathology reports</source>
        <translation>Informes de patología</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is withheld from the portal for everyone and can&apos;t be in the limited set</source>
        <translation>&quot;%1&quot; se retiene del portal para todos y no puede estar en el conjunto limitado</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal category (use %2)</source>
        <translation>&quot;%1&quot; no es una categoría del portal (use %2)</translation>
    </message>
    <message>
        <source>name at least one category; a limited access that shows nothing can&apos;t be told apart from no access</source>
        <translation>indique al menos una categoría; un acceso limitado que no muestra nada no se puede distinguir de no tener acceso</translation>
    </message>
    <message>
        <source>The patient is %1 years old; a patient under 12 has no login of their own, only their proxies&apos; logins show the record.</source>
        <translation>El paciente tiene %1 años; un paciente menor de 12 años no tiene cuenta propia, solo las cuentas de sus representantes muestran el expediente.</translation>
    </message>
    <message>
        <source>This login holds no access grant to this patient.</source>
        <translation>Esta cuenta no tiene ningún acceso otorgado a este paciente.</translation>
    </message>
    <message>
        <source>The portal never shows %1, to anyone: the hospital withholds this sensitive category.</source>
        <translation>El portal nunca muestra %1 a nadie: el hospital retiene esta categoría sensible.</translation>
    </message>
    <message>
        <source>The patient&apos;s own login shows %1, like everything on the portal but the withheld categories.</source>
        <translation>La cuenta propia del paciente muestra %1, como todo lo del portal excepto las categorías retenidas.</translation>
    </message>
    <message>
        <source>The patient&apos;s own login: sees all %1 portal categories; the %2 withheld sensitive categories are never shown.</source>
        <translation>Cuenta propia del paciente: ve las %1 categorías del portal; las %2 categorías sensibles retenidas nunca se muestran.</translation>
    </message>
    <message>
        <source>Full access: sees all %1 portal categories; the %2 withheld sensitive categories are never shown.</source>
        <translation>Acceso completo: ve las %1 categorías del portal; las %2 categorías sensibles retenidas nunca se muestran.</translation>
    </message>
    <message>
        <source>Limited access: sees %1 of the %2 portal categories (the hospital&apos;s limited set); the %3 withheld sensitive categories are never shown.</source>
        <translation>Acceso limitado: ve %1 de las %2 categorías del portal (el conjunto limitado del hospital); las %3 categorías sensibles retenidas nunca se muestran.</translation>
    </message>
    <message>
        <source>Sees nothing of this patient. %1</source>
        <translation>No ve nada de este paciente. %1</translation>
    </message>
    <message>
        <source>HIV results</source>
        <comment>within a sentence</comment>
        <translation>resultados de VIH</translation>
    </message>
    <message>
        <source>(The nightly run has not recorded it yet.)</source>
        <translation>(El proceso nocturno todavía no lo ha registrado.)</translation>
    </message>
    <message>
        <source>Access ended at the patient&apos;s 12th birthday. The family must re-enroll with the adolescent forms.</source>
        <translation>El acceso terminó al cumplir el paciente 12 años. La familia debe inscribirse de nuevo con los formularios para adolescentes.</translation>
    </message>
    <message>
        <source>Access ended at the patient&apos;s 18th birthday. A proxy regains access only through the patient&apos;s signed proxy consent.</source>
        <translation>El acceso terminó al cumplir el paciente 18 años. Un representante recupera el acceso solo con el consentimiento de representación firmado por el paciente.</translation>
    </message>
    <message>
        <source>The patient is under 12; a patient under 12 has no login of their own, only their proxies&apos; logins show the record.</source>
        <translation>El paciente tiene menos de 12 años; un paciente menor de 12 no tiene cuenta propia, solo las cuentas de sus representantes muestran el expediente.</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Invitations per week</source>
        <translation>Invitaciones por semana</translation>
    </message>
    <message>
        <source>No invitations were sent, activated or expired in this period.</source>
        <translation>En este periodo no se enviaron, activaron ni vencieron invitaciones.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviadas</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Activadas</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Requests by the week they came in: met on time or late</source>
        <translation>Solicitudes por semana de llegada: atendidas a tiempo o atrasadas</translation>
    </message>
    <message>
        <source>No requests came in during this period.</source>
        <translation>En este periodo no llegó ninguna solicitud.</translation>
    </message>
    <message>
        <source>Met on time</source>
        <translation>Atendidas a tiempo</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Atrasadas</translation>
    </message>
    <message>
        <source>Open, not yet due</source>
        <translation>Abiertas, sin vencer</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semana del %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>In all, %1.</source>
        <translation>En total, %1.</translation>
    </message>
</context>
<context>
    <name>WorklistModels</name>
    <message>
        <source>Login</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Patient MRN</source>
        <translation>MRN del paciente</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Enviada a</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <source>Send by</source>
        <translation>Límite de envío</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>PIN incorrectos</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Cumple</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Qué pasará</translation>
    </message>
    <message>
        <source>Access ends; re-enroll with the 12–17 forms</source>
        <translation>Termina el acceso; volver a inscribir con los formularios de 12 a 17 años</translation>
    </message>
    <message>
        <source>Proxy access ends; needs the patient&apos;s consent</source>
        <translation>Termina el acceso de representante; se necesita el consentimiento del paciente</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>Mail server&apos;s reply</source>
        <translation>Respuesta del servidor de correo</translation>
    </message>
</context>
<context>
    <name>pd::AboutDialog</name>
    <message>
        <source>About PortalDesk</source>
        <translation>Acerca de PortalDesk</translation>
    </message>
    <message>
        <source>The access side of the patient portal: enrollment, invitations and PINs, deactivation, proxy consents, access restrictions and the age rules.</source>
        <translation>La gestión de accesos al portal del paciente: inscripción, invitaciones y PIN, desactivación, consentimientos de representantes, restricciones de acceso y las reglas de edad.</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versiones</translation>
    </message>
    <message>
        <source>&amp;License</source>
        <translation>&amp;Licencia</translation>
    </message>
    <message>
        <source>&amp;Third-party software</source>
        <translation>Software de &amp;terceros</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>C&amp;opiar versiones</translation>
    </message>
    <message>
        <source>asking the database…</source>
        <translation>consultando la base de datos…</translation>
    </message>
    <message>
        <source>not available (%1)</source>
        <translation>no disponible (%1)</translation>
    </message>
    <message>
        <source>PortalDesk: %1</source>
        <translation>PortalDesk: %1</translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2)</source>
        <translation>Qt: %1 (compilado con %2)</translation>
    </message>
    <message>
        <source>OpenSSL: %1</source>
        <translation>OpenSSL: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Database location: %1</source>
        <translation>Ubicación de la base de datos: %1</translation>
    </message>
    <message>
        <source>System: %1 (%2)</source>
        <translation>Sistema: %1 (%2)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Software de terceros</translation>
    </message>
</context>
<context>
    <name>pd::ActionDialog</name>
    <message>
        <source>What this will do</source>
        <translation>Qué hará esta acción</translation>
    </message>
    <message>
        <source>Why this can&apos;t be done yet</source>
        <translation>Por qué todavía no se puede hacer</translation>
    </message>
    <message>
        <source>What will happen:</source>
        <translation>Qué pasará:</translation>
    </message>
    <message>
        <source>Nothing was changed. What you typed is kept: try again in a moment.</source>
        <translation>No se cambió nada. Lo que escribió se conserva: inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>pd::AddRestrictionDialog</name>
    <message>
        <source>Record an access restriction</source>
        <translation>Registrar una restricción de acceso</translation>
    </message>
    <message>
        <source>&amp;Record and end their access</source>
        <translation>&amp;Registrar y terminar su acceso</translation>
    </message>
    <message>
        <source>Patient&apos;s MRN, and each sibling&apos;s the order names</source>
        <translation>MRN del paciente, y el de cada hermano que nombre la orden</translation>
    </message>
    <message>
        <source>MRN, or several separated by commas</source>
        <translation>MRN, o varios separados por comas</translation>
    </message>
    <message>
        <source>Barred person&apos;s given name</source>
        <translation>Nombre de la persona excluida</translation>
    </message>
    <message>
        <source>Barred person&apos;s family name</source>
        <translation>Apellido de la persona excluida</translation>
    </message>
    <message>
        <source>Barred person&apos;s e-mail address, if known</source>
        <translation>Correo electrónico de la persona excluida, si se conoce</translation>
    </message>
    <message>
        <source>optional: any address they use</source>
        <translation>opcional: cualquier dirección que use</translation>
    </message>
    <message>
        <source>Kind of order</source>
        <translation>Tipo de orden</translation>
    </message>
    <message>
        <source>The order ends on</source>
        <translation>La orden termina el</translation>
    </message>
    <message>
        <source>Last day the order is in force</source>
        <translation>Último día en que la orden está vigente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Court and case number, what the order says</source>
        <translation>Tribunal y número de caso, lo que dice la orden</translation>
    </message>
    <message>
        <source>Scanned order</source>
        <translation>Orden escaneada</translation>
    </message>
    <message>
        <source>PDF, PNG or JPEG, up to 10 MB</source>
        <translation>PDF, PNG o JPEG, hasta 10 MB</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Choose the scanned order</source>
        <translation>Elegir la orden escaneada</translation>
    </message>
    <message>
        <source>Patient &amp;MRN(s):</source>
        <translation>&amp;MRN del paciente:</translation>
    </message>
    <message>
        <source>Barred person&apos;s &amp;given name:</source>
        <translation>&amp;Nombre de la persona excluida:</translation>
    </message>
    <message>
        <source>Barred person&apos;s &amp;family name:</source>
        <translation>&amp;Apellido de la persona excluida:</translation>
    </message>
    <message>
        <source>Their &amp;e-mail:</source>
        <translation>Su &amp;correo:</translation>
    </message>
    <message>
        <source>&amp;Kind of order:</source>
        <translation>&amp;Tipo de orden:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>Scanned &amp;order:</source>
        <translation>Orden e&amp;scaneada:</translation>
    </message>
    <message>
        <source>The order&apos;s scan must be a PDF, PNG or JPEG file.</source>
        <translation>El escaneo de la orden debe ser un archivo PDF, PNG o JPEG.</translation>
    </message>
    <message>
        <source>Scanned orders (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Órdenes escaneadas (*.pdf *.png *.jpg *.jpeg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The order %1 can&apos;t be read: %2</source>
        <translation>No se puede leer la orden %1: %2</translation>
    </message>
    <message>
        <source>The order&apos;s scan is larger than 10 MB; scan it again at a lower resolution.</source>
        <translation>El escaneo de la orden supera los 10 MB; escanéela de nuevo con menos resolución.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s MRN (and each sibling&apos;s the order names).</source>
        <translation>Escriba el MRN del paciente (y el de cada hermano que nombre la orden).</translation>
    </message>
    <message>
        <source>Say in a note what the document is when the kind is &quot;other&quot;.</source>
        <translation>Diga en una nota qué documento es cuando el tipo es «otro».</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>La nota es demasiado larga: %1 caracteres como máximo.</translation>
    </message>
    <message>
        <source>Choose the scanned order (PDF, PNG or JPEG).</source>
        <translation>Elija la orden escaneada (PDF, PNG o JPEG).</translation>
    </message>
    <message numerus="yes">
        <source>From now on %1 is barred from %n record(s): their access ends at once, a login left with none is closed, and nothing is mailed to them. While it is in force nobody can enroll them, approve a consent naming them, reissue them an invitation or give them the record through a new address. Anyone with that name, or that e-mail address, is matched.</source>
        <translation>
            <numerusform>Desde ahora %1 tiene prohibido el acceso a %n expediente: su acceso termina al instante, una cuenta que se queda sin acceso se cierra y no se le envía nada. Mientras esté vigente nadie puede inscribirle, aprobar un consentimiento que le nombre, reenviarle una invitación ni darle el expediente con una dirección nueva. Se reconoce a cualquiera con ese nombre o esa dirección de correo.</numerusform>
            <numerusform>Desde ahora %1 tiene prohibido el acceso a %n expedientes: su acceso termina al instante, una cuenta que se queda sin acceso se cierra y no se le envía nada. Mientras esté vigente nadie puede inscribirle, aprobar un consentimiento que le nombre, reenviarle una invitación ni darle los expedientes con una dirección nueva. Se reconoce a cualquiera con ese nombre o esa dirección de correo.</numerusform>
        </translation>
    </message>
    <message>
        <source>the person the order names</source>
        <translation>la persona que nombra la orden</translation>
    </message>
</context>
<context>
    <name>pd::AppController</name>
    <message>
        <source>PortalDesk can&apos;t start</source>
        <translation>PortalDesk no puede iniciarse</translation>
    </message>
    <message>
        <source>Upgrading PortalDesk</source>
        <translation>Actualizando PortalDesk</translation>
    </message>
    <message>
        <source>Preparing search for this version…</source>
        <translation>Preparando la búsqueda para esta versión…</translation>
    </message>
    <message>
        <source>Indexing people for search: %L1 of %L2</source>
        <translation>Indexando personas para la búsqueda: %L1 de %L2</translation>
    </message>
</context>
<context>
    <name>pd::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Database for this workstation</source>
        <translation>Base de datos de este puesto</translation>
    </message>
    <message>
        <source>&amp;Embedded database on this computer</source>
        <translation>Base de datos &amp;integrada en este equipo</translation>
    </message>
    <message>
        <source>The hospital&apos;s &amp;central database (PostgreSQL)</source>
        <translation>La base de datos &amp;central del hospital (PostgreSQL)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de base de datos</translation>
    </message>
    <message>
        <source>the default: %1</source>
        <translation>la predeterminada: %1</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Elegir el archivo de base de datos</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>Bases de datos SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>for example db.hospital.example.org</source>
        <translation>por ejemplo db.hospital.example.org</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Nombre de la base de datos</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Encrypted, server&apos;s name and certificate checked (verify-full)</source>
        <translation>Cifrado, con nombre y certificado del servidor comprobados (verify-full)</translation>
    </message>
    <message>
        <source>Encrypted, certificate checked (verify-ca)</source>
        <translation>Cifrado, con certificado comprobado (verify-ca)</translation>
    </message>
    <message>
        <source>Encrypted, certificate not checked (require)</source>
        <translation>Cifrado, sin comprobar el certificado (require)</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it (prefer)</source>
        <translation>Cifrado cuando el servidor lo ofrece (prefer)</translation>
    </message>
    <message>
        <source>Not encrypted (disable)</source>
        <translation>Sin cifrar (disable)</translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation>Archivo de la autoridad de certificación</translation>
    </message>
    <message>
        <source>the CA that signed the server&apos;s certificate (.pem)</source>
        <translation>la CA que firmó el certificado del servidor (.pem)</translation>
    </message>
    <message>
        <source>Choose the certificate authority file</source>
        <translation>Elegir el archivo de la autoridad de certificación</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autoridad de certificación</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Cifrado:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Archivo de &amp;CA:</translation>
    </message>
    <message>
        <source>Each person signs in with their own database login and password; the password is never kept on this computer.</source>
        <translation>Cada persona inicia sesión con su propio usuario y contraseña de la base de datos; la contraseña nunca se guarda en este equipo.</translation>
    </message>
    <message>
        <source>&amp;Use this database</source>
        <translation>&amp;Usar esta base de datos</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>the embedded database %1</source>
        <translation>la base de datos integrada %1</translation>
    </message>
    <message>
        <source>the central database %1 on %2:%3 (%4)</source>
        <translation>la base de datos central %1 en %2:%3 (%4)</translation>
    </message>
</context>
<context>
    <name>pd::ConsentsPage</name>
    <message>
        <source>Which consents</source>
        <translation>Qué consentimientos</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>En espera de revisión</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobados</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocados</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>&amp;File a consent…</source>
        <translation>Re&amp;gistrar un consentimiento…</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consentimiento</numerusform>
            <numerusform>%n consentimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Representante:</translation>
    </message>
    <message>
        <source>Terms:</source>
        <translation>Condiciones:</translation>
    </message>
    <message>
        <source>Signed:</source>
        <translation>Firmado:</translation>
    </message>
    <message>
        <source>Scanned form</source>
        <translation>Formulario escaneado</translation>
    </message>
    <message>
        <source>&amp;Open the form</source>
        <translation>&amp;Abrir el formulario</translation>
    </message>
    <message>
        <source>Opens the scanned form in this computer&apos;s viewer</source>
        <translation>Abre el formulario escaneado en el visor de este equipo</translation>
    </message>
    <message>
        <source>Automatic checks</source>
        <translation>Comprobaciones automáticas</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Supervisor&apos;s override reason</source>
        <translation>Motivo de la excepción del supervisor</translation>
    </message>
    <message>
        <source>a supervisor&apos;s written reason, to approve despite a shared address</source>
        <translation>el motivo por escrito de un supervisor, para aprobar a pesar de una dirección compartida</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Motivo del rechazo</translation>
    </message>
    <message>
        <source>why it is rejected (kept with the consent)</source>
        <translation>por qué se rechaza (se guarda con el consentimiento)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>A&amp;probar</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Re&amp;vocar</translation>
    </message>
    <message>
        <source>The patient withdrew the consent: the proxy&apos;s access ends now</source>
        <translation>El paciente retiró el consentimiento: el acceso del representante termina ahora</translation>
    </message>
    <message>
        <source>&amp;Override:</source>
        <translation>&amp;Excepción:</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <source>Choose a consent to review it.</source>
        <translation>Elija un consentimiento para revisarlo.</translation>
    </message>
    <message>
        <source>Consent %1 — %2</source>
        <translation>Consentimiento %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, MRN %2, born %3 (%n year(s) old)</source>
        <translation>
            <numerusform>%1, MRN %2, nacido(a) el %3 (%n año)</numerusform>
            <numerusform>%1, MRN %2, nacido(a) el %3 (%n años)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>login %1 (%2)</source>
        <translation>cuenta %1 (%2)</translation>
    </message>
    <message>
        <source>%1; %2 access; %3</source>
        <translation>%1; acceso %2; %3</translation>
    </message>
    <message>
        <source>legal guardian&apos;s court papers</source>
        <translation>documentos judiciales del tutor legal</translation>
    </message>
    <message>
        <source>named by the patient</source>
        <translation>nombrado por el paciente</translation>
    </message>
    <message>
        <source>%1 by %2; filed %3 by %4</source>
        <translation>el %1 por %2; registrado el %3 por %4</translation>
    </message>
    <message>
        <source>(name not recorded)</source>
        <translation>(nombre no registrado)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 KB
SHA-256 %4</source>
        <translation>%1 — %2, %3 KB
SHA-256 %4</translation>
    </message>
    <message>
        <source>A PDF form: open it to read it.</source>
        <translation>Un formulario PDF: ábralo para leerlo.</translation>
    </message>
    <message>
        <source>This form can&apos;t be shown here: open it.</source>
        <translation>Este formulario no se puede mostrar aquí: ábralo.</translation>
    </message>
    <message>
        <source>Approved %1 by %2.</source>
        <translation>Aprobado el %1 por %2.</translation>
    </message>
    <message>
        <source>Rejected %1 by %2: %3</source>
        <translation>Rechazado el %1 por %2: %3</translation>
    </message>
    <message>
        <source>Revoked %1 by %2; the proxy&apos;s access ended then.</source>
        <translation>Revocado el %1 por %2; el acceso del representante terminó en ese momento.</translation>
    </message>
    <message>
        <source>Every check passes. Approving gives the proxy access and queues their invitation.</source>
        <translation>Todas las comprobaciones son correctas. Al aprobarlo, el representante obtiene acceso y se pone en cola su invitación.</translation>
    </message>
    <message>
        <source>Every check passes; a supervisor approves a guardian&apos;s court papers.</source>
        <translation>Todas las comprobaciones son correctas; un supervisor aprueba los documentos judiciales de un tutor.</translation>
    </message>
    <message>
        <source>Only a supervisor&apos;s override with a written reason allows this; otherwise reject it.</source>
        <translation>Solo una excepción de un supervisor con un motivo por escrito permite esto; si no, rechácelo.</translation>
    </message>
    <message>
        <source>A check fails: reject it with the reason, or ask the patient for a corrected form.</source>
        <translation>Una comprobación falla: rechácelo indicando el motivo, o pida al paciente un formulario corregido.</translation>
    </message>
    <message>
        <source>The form could not be written out for viewing: %1</source>
        <translation>No se pudo guardar el formulario para verlo: %1</translation>
    </message>
    <message>
        <source>Approved: %1 now has %2 access.</source>
        <translation>Aprobado: %1 ahora tiene acceso %2.</translation>
    </message>
    <message>
        <source>Say why it is rejected; the reason is kept with the consent.</source>
        <translation>Indique por qué se rechaza; el motivo se guarda con el consentimiento.</translation>
    </message>
    <message>
        <source>Rejected; a notice to the patient is queued.</source>
        <translation>Rechazado; hay un aviso para el paciente en cola.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Rechazado.</translation>
    </message>
    <message>
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <source>End %1&apos;s access to %2&apos;s record now?</source>
        <translation>¿Terminar ahora el acceso de %1 al expediente de %2?</translation>
    </message>
    <message>
        <source>Revoked: the proxy&apos;s access ended now.</source>
        <translation>Revocado: el acceso del representante terminó ahora.</translation>
    </message>
    <message>
        <source>Enrollments to review</source>
        <translation>Inscripciones por revisar</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>Supervisor&apos;s override</source>
        <translation>Excepción del supervisor</translation>
    </message>
    <message>
        <source>Aged 12–17: the patient&apos;s own form is missing</source>
        <translation>De 12 a 17 años: falta el formulario del propio paciente</translation>
    </message>
    <message numerus="yes">
        <source>%n enrollment(s) to review</source>
        <translation>
            <numerusform>%n inscripción por revisar</numerusform>
            <numerusform>%n inscripciones por revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved: %1 gets %2 access once they activate the invitation queued for them.</source>
        <translation>Aprobado: %1 tendrá acceso %2 cuando active la invitación que se puso en cola para esa persona.</translation>
    </message>
    <message>
        <source>%1 of %L2 consents shown; scroll down for more.</source>
        <translation>Se muestran %1 de %L2 consentimientos; desplácese hacia abajo para ver más.</translation>
    </message>
    <message>
        <source>Access ending within 30 days</source>
        <translation>Acceso que termina en 30 días</translation>
    </message>
    <message>
        <source>Access ending within 60 days</source>
        <translation>Acceso que termina en 60 días</translation>
    </message>
    <message>
        <source>Access ending within 90 days</source>
        <translation>Acceso que termina en 90 días</translation>
    </message>
    <message>
        <source>access ends on %1 unless the patient renews it</source>
        <translation>el acceso termina el %1 salvo que el paciente lo renueve</translation>
    </message>
    <message>
        <source>access does not expire</source>
        <translation>el acceso no vence</translation>
    </message>
</context>
<context>
    <name>pd::DeactivateDialog</name>
    <message>
        <source>Deactivate — %1</source>
        <translation>Desactivar — %1</translation>
    </message>
    <message>
        <source>&amp;Deactivate now</source>
        <translation>&amp;Desactivar ya</translation>
    </message>
    <message>
        <source>Reason for deactivating</source>
        <translation>Motivo de la desactivación</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>Who reported it</source>
        <translation>Quién lo reportó</translation>
    </message>
    <message>
        <source>for example: the patient&apos;s mother, by phone</source>
        <translation>por ejemplo: la madre del paciente, por teléfono</translation>
    </message>
    <message>
        <source>How the reporter&apos;s identity was verified</source>
        <translation>Cómo se verificó la identidad de quien lo reportó</translation>
    </message>
    <message>
        <source>choose or describe</source>
        <translation>elija o describa</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Reported &amp;by:</source>
        <translation>Reportado &amp;por:</translation>
    </message>
    <message>
        <source>Identity &amp;verified by:</source>
        <translation>Identidad &amp;verificada por:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Choose why the login is being deactivated.</source>
        <translation>Elija por qué se desactiva la cuenta.</translation>
    </message>
    <message>
        <source>Say who reported it.</source>
        <translation>Indique quién lo reportó.</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reportado por</translation>
    </message>
    <message>
        <source>Say how the reporter&apos;s identity was verified.</source>
        <translation>Indique cómo se verificó la identidad de quien lo reportó.</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verificado por</translation>
    </message>
    <message>
        <source>With &quot;other&quot;, write the reason in the note.</source>
        <translation>Con &quot;Otro&quot;, escriba el motivo en la nota.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in, from this moment.</source>
        <translation>Desde este momento, %1 ya no podrá iniciar sesión.</translation>
    </message>
    <message>
        <source>Its live invitation is revoked.</source>
        <translation>Se revoca su invitación vigente.</translation>
    </message>
    <message>
        <source>A notice goes to %1, the address on file. Coming back takes a new invitation with a new PIN, issued by an HIM specialist.</source>
        <translation>Se envía un aviso a %1, la dirección registrada. Para volver se necesita una invitación nueva con un PIN nuevo, emitida por un especialista de HIM.</translation>
    </message>
</context>
<context>
    <name>pd::EditLoginDialog</name>
    <message>
        <source>Change login — %1</source>
        <translation>Cambiar cuenta — %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Dirección de correo</translation>
    </message>
    <message>
        <source>Language of the login&apos;s e-mails</source>
        <translation>Idioma de los correos de la cuenta</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>C&amp;orreo:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Todavía no ha cambiado nada.</translation>
    </message>
    <message>
        <source>Future e-mails to this login are written in the chosen language.</source>
        <translation>Los próximos correos para esta cuenta se escribirán en el idioma elegido.</translation>
    </message>
    <message>
        <source>The address becomes %1. Any live invitation is revoked (it went to the old address), and a notice of the change goes to %2.</source>
        <translation>La dirección pasa a ser %1. Se revoca cualquier invitación vigente (se envió a la dirección anterior) y se envía un aviso del cambio a %2.</translation>
    </message>
    <message>
        <source>The login is not active yet, so a fresh invitation is queued to the new address.</source>
        <translation>La cuenta todavía no está activa, así que se pone en cola una invitación nueva para la dirección nueva.</translation>
    </message>
</context>
<context>
    <name>pd::EditPatientDialog</name>
    <message>
        <source>Correct patient record — %1</source>
        <translation>Corregir el registro del paciente — %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>Correo de contacto</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Teléfono de contacto</translation>
    </message>
    <message>
        <source>MRN:</source>
        <translation>MRN:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Fecha de &amp;nacimiento:</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xo:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>Co&amp;rreo:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>The birth date is after today.</source>
        <translation>La fecha de nacimiento es posterior a hoy.</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Todavía no ha cambiado nada.</translation>
    </message>
    <message>
        <source>The record is saved as shown; the change is in the patient&apos;s timeline.</source>
        <translation>El registro se guarda como se muestra; el cambio queda en la cronología del paciente.</translation>
    </message>
    <message numerus="yes">
        <source>With the new birth date the patient is %n year(s) old (%1).</source>
        <translation>
            <numerusform>Con la fecha de nacimiento nueva el paciente tiene %n año (%1).</numerusform>
            <numerusform>Con la fecha de nacimiento nueva el paciente tiene %n años (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The age rules apply at once: %n access grant(s) end when you save, and the family must enroll again with the forms for that age.</source>
        <translation>
            <numerusform>Las reglas de edad se aplican de inmediato: %n acceso termina al guardar, y la familia debe inscribirse de nuevo con los formularios de esa edad.</numerusform>
            <numerusform>Las reglas de edad se aplican de inmediato: %n accesos terminan al guardar, y la familia debe inscribirse de nuevo con los formularios de esa edad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Access already ended at 12 or 18 stays ended; the patient is listed for review if the new date would not have ended it.</source>
        <translation>El acceso que ya terminó a los 12 o 18 años sigue terminado; el paciente queda pendiente de revisión si la fecha nueva no lo habría terminado.</translation>
    </message>
    <message>
        <source>From the EHR: this record&apos;s fields are the EHR&apos;s. Correct them there; its next message applies the correction here, the age rules with it.</source>
        <translation>De la historia clínica: los campos de este registro son de la historia clínica. Corríjalos allí; su próximo mensaje aplicará aquí la corrección, con las reglas de edad.</translation>
    </message>
    <message>
        <source>Correct this record in the EHR: its fields come from there.</source>
        <translation>Corrija este registro en la historia clínica: sus campos vienen de allí.</translation>
    </message>
    <message>
        <source>Nothing is saved here: the EHR&apos;s next message brings its correction.</source>
        <translation>Aquí no se guarda nada: el próximo mensaje de la historia clínica trae su corrección.</translation>
    </message>
</context>
<context>
    <name>pd::EnrollDialog</name>
    <message>
        <source>Enroll — %1</source>
        <translation>Inscribir — %1</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Inscribir</translation>
    </message>
    <message>
        <source>Enrollment form</source>
        <translation>Formulario de inscripción</translation>
    </message>
    <message>
        <source>Parent or guardian form</source>
        <translation>Formulario de padre, madre o tutor legal</translation>
    </message>
    <message>
        <source>Patient&apos;s own form</source>
        <translation>Formulario del propio paciente</translation>
    </message>
    <message>
        <source>Date the form was signed</source>
        <translation>Fecha en que se firmó el formulario</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Enrollee&apos;s given name</source>
        <translation>Nombre de la persona que se inscribe</translation>
    </message>
    <message>
        <source>Enrollee&apos;s family name</source>
        <translation>Apellido de la persona que se inscribe</translation>
    </message>
    <message>
        <source>Enrollee&apos;s e-mail address</source>
        <translation>Dirección de correo de la persona que se inscribe</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@example.org</translation>
    </message>
    <message>
        <source>Relationship to the patient</source>
        <translation>Parentesco con el paciente</translation>
    </message>
    <message>
        <source>Enrollee&apos;s language</source>
        <translation>Idioma de la persona que se inscribe</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Supervisor override reason</source>
        <translation>Motivo de la excepción del supervisor</translation>
    </message>
    <message>
        <source>Only for an emancipated minor, or a shared e-mail address</source>
        <translation>Solo para un menor emancipado o una dirección de correo compartida</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Formulario:</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>Firmado &amp;el:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Fa&amp;mily name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>C&amp;orreo:</translation>
    </message>
    <message>
        <source>&amp;Relationship:</source>
        <translation>Paren&amp;tesco:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>I&amp;dioma:</translation>
    </message>
    <message>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo de la excepción:</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <source>The form can&apos;t be signed after today (%1).</source>
        <translation>La fecha de firma del formulario no puede ser posterior a hoy (%1).</translation>
    </message>
    <message>
        <source>The form can&apos;t be signed before the patient was born.</source>
        <translation>La fecha de firma del formulario no puede ser anterior al nacimiento del paciente.</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message numerus="yes">
        <source>Creates the login for %1 &lt;%2&gt; (or uses the existing login with that address), gives it %3 access to %4&apos;s record, and queues an invitation that must be sent within %n business day(s). The PIN is stored only as a hash and is never shown again.</source>
        <translation>
            <numerusform>Crea la cuenta para %1 &lt;%2&gt; (o usa la cuenta existente con esa dirección), le da acceso %3 al expediente de %4 y pone en cola una invitación que debe enviarse en un plazo de %n día hábil. El PIN se guarda solo como hash y nunca se vuelve a mostrar.</numerusform>
            <numerusform>Crea la cuenta para %1 &lt;%2&gt; (o usa la cuenta existente con esa dirección), le da acceso %3 al expediente de %4 y pone en cola una invitación que debe enviarse en un plazo de %n días hábiles. El PIN se guarda solo como hash y nunca se vuelve a mostrar.</numerusform>
        </translation>
    </message>
    <message>
        <source>the enrollee</source>
        <translation>la persona que se inscribe</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>sin dirección todavía</translation>
    </message>
</context>
<context>
    <name>pd::FeedPage</name>
    <message>
        <source>&amp;Import a file…</source>
        <translation>&amp;Importar un archivo…</translation>
    </message>
    <message>
        <source>Refused messages</source>
        <translation>Mensajes rechazados</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Apply the message again, as if the EHR sent it now (after fixing what refused it).</source>
        <translation>Aplicar el mensaje de nuevo, como si la historia clínica lo enviara ahora (tras corregir lo que lo rechazó).</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Descartar…</translation>
    </message>
    <message>
        <source>Merges held for review</source>
        <translation>Fusiones en espera de revisión</translation>
    </message>
    <message>
        <source>&amp;Carry out merge</source>
        <translation>&amp;Llevar a cabo la fusión</translation>
    </message>
    <message>
        <source>Once the conflict is sorted out (the duplicate login deactivated, say), move the prior record into the survivor.</source>
        <translation>Una vez resuelto el conflicto (desactivada la cuenta duplicada, por ejemplo), pasar el registro anterior al que permanece.</translation>
    </message>
    <message>
        <source>Messages refused for their content</source>
        <translation>Mensajes rechazados por su contenido</translation>
    </message>
    <message>
        <source>Merges held because the two records conflict</source>
        <translation>Fusiones en espera porque los dos registros están en conflicto</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n mensaje en espera</numerusform>
            <numerusform>%n mensajes en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) waiting</source>
        <translation>
            <numerusform>%n fusión en espera</numerusform>
            <numerusform>%n fusiones en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>No message from the EHR has arrived yet.</source>
        <translation>Todavía no ha llegado ningún mensaje de la historia clínica.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: the EHR has sent nothing for %n minute(s), since %1 (more than the %2 allowed). Check the interface engine and the listener.</source>
        <translation>
            <numerusform>Aviso: la historia clínica no envía nada desde hace %n minuto, desde las %1 (más de los %2 permitidos). Revise el motor de interfaz y el servidor.</numerusform>
            <numerusform>Aviso: la historia clínica no envía nada desde hace %n minutos, desde las %1 (más de los %2 permitidos). Revise el motor de interfaz y el servidor.</numerusform>
        </translation>
    </message>
    <message>
        <source>The EHR&apos;s feed is talking: the last message arrived at %1.</source>
        <translation>La interfaz de la historia clínica está activa: el último mensaje llegó a las %1.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation>Aplicado: %1</translation>
    </message>
    <message>
        <source>Refused again: %1</source>
        <translation>Rechazado de nuevo: %1</translation>
    </message>
    <message>
        <source>Dismiss a refused message</source>
        <translation>Descartar un mensaje rechazado</translation>
    </message>
    <message>
        <source>Take message %1 off the desk without applying it? The EHR will not send it again by itself.</source>
        <translation>¿Quitar el mensaje %1 del escritorio sin aplicarlo? La historia clínica no lo volverá a enviar por sí sola.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Carry out merge</source>
        <translation>Llevar a cabo la fusión</translation>
    </message>
    <message>
        <source>MRN %1 was merged into MRN %2.</source>
        <translation>El MRN %1 se fusionó con el MRN %2.</translation>
    </message>
    <message>
        <source>Patients to review</source>
        <translation>Pacientes por revisar</translation>
    </message>
    <message>
        <source>&amp;Mark reviewed…</source>
        <translation>&amp;Marcar como revisado…</translation>
    </message>
    <message>
        <source>Once you have looked at the patient&apos;s access and done what it needs (nothing reopens by itself), take the patient off this list with a note.</source>
        <translation>Cuando haya revisado el acceso del paciente y hecho lo necesario (nada se reabre por sí solo), retire al paciente de esta lista con una nota.</translation>
    </message>
    <message>
        <source>%1 of %L2 patients shown; scroll down for more.</source>
        <translation>Se muestran %1 de %L2 pacientes; desplácese hacia abajo para ver más.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) to review</source>
        <translation>
            <numerusform>%n paciente por revisar</numerusform>
            <numerusform>%n pacientes por revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>Patients listed for review (nothing reopens by itself)</source>
        <translation>Pacientes pendientes de revisión (nada se reabre por sí solo)</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marcar como revisado</translation>
    </message>
    <message>
        <source>What did you find or do about MRN %1&apos;s access (%2)?</source>
        <translation>¿Qué encontró o qué hizo con el acceso del MRN %1 (%2)?</translation>
    </message>
</context>
<context>
    <name>pd::ImportDialog</name>
    <message>
        <source>Import patients from the EHR</source>
        <translation>Importar pacientes de la historia clínica</translation>
    </message>
    <message>
        <source>HL7 v2 messages</source>
        <translation>Mensajes HL7 v2</translation>
    </message>
    <message>
        <source>FHIR patients</source>
        <translation>Pacientes FHIR</translation>
    </message>
    <message>
        <source>CSV rows</source>
        <translation>Filas CSV</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Comenzando…</translation>
    </message>
    <message>
        <source>How much of the file is read</source>
        <translation>Cuánto del archivo se ha leído</translation>
    </message>
    <message>
        <source>What was refused</source>
        <translation>Lo que se rechazó</translation>
    </message>
    <message>
        <source>Records that are refused are listed here, with their line.</source>
        <translation>Los registros rechazados aparecen aquí, con su línea.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>%1 read so far…</source>
        <translation>%1 leídos hasta ahora…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>%1 read: %2 applied, %3 not used, %4 refused.</source>
        <translation>%1 leídos: %2 aplicados, %3 sin usar, %4 rechazados.</translation>
    </message>
    <message>
        <source>Stopped as asked; what was applied stays, and importing the file again goes on without applying anything twice.</source>
        <translation>Detenido como se pidió; lo aplicado se queda, e importar el archivo de nuevo sigue sin aplicar nada dos veces.</translation>
    </message>
    <message>
        <source>Stopped at %1: %2 Import the file again to go on.</source>
        <translation>Detenido en %1: %2 Importe el archivo de nuevo para seguir.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… y %1 más.</translation>
    </message>
    <message>
        <source>Stopping after the record in hand…</source>
        <translation>Deteniéndose tras el registro en curso…</translation>
    </message>
</context>
<context>
    <name>pd::LiftRestrictionDialog</name>
    <message>
        <source>Lift restriction #%1</source>
        <translation>Levantar la restricción n.º %1</translation>
    </message>
    <message>
        <source>&amp;Lift</source>
        <translation>&amp;Levantar</translation>
    </message>
    <message>
        <source>%1 is barred from %2&apos;s record (MRN %3) by a %4.</source>
        <translation>%1 tiene prohibido el acceso al expediente de %2 (MRN %3) por %4.</translation>
    </message>
    <message>
        <source>Why it is lifted</source>
        <translation>Por qué se levanta</translation>
    </message>
    <message>
        <source>for example: order vacated, case 26FL01234</source>
        <translation>por ejemplo: orden anulada, caso 26FL01234</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Say why the restriction is lifted (for example the new order).</source>
        <translation>Diga por qué se levanta la restricción (por ejemplo, la nueva orden).</translation>
    </message>
    <message>
        <source>The restriction stops barring %1. Nothing comes back by itself: the access it ended stays ended, and they enroll again with new forms.</source>
        <translation>La restricción deja de excluir a %1. Nada vuelve por sí solo: el acceso que terminó sigue terminado, y se inscribe de nuevo con formularios nuevos.</translation>
    </message>
</context>
<context>
    <name>pd::LogRequestDialog</name>
    <message>
        <source>Log a family&apos;s request</source>
        <translation>Registrar la solicitud de una familia</translation>
    </message>
    <message>
        <source>&amp;Log request</source>
        <translation>Re&amp;gistrar solicitud</translation>
    </message>
    <message>
        <source>What the family asked for</source>
        <translation>Lo que pidió la familia</translation>
    </message>
    <message>
        <source>Patient&apos;s MRN</source>
        <translation>MRN del paciente</translation>
    </message>
    <message>
        <source>Login (username or e-mail)</source>
        <translation>Cuenta (nombre de usuario o correo)</translation>
    </message>
    <message>
        <source>When the request arrived</source>
        <translation>Cuándo llegó la solicitud</translation>
    </message>
    <message>
        <source>now, or YYYY-MM-DD HH:MM in the hospital&apos;s time</source>
        <translation>ahora, o AAAA-MM-DD HH:MM en la hora del hospital</translation>
    </message>
    <message>
        <source>How the request arrived</source>
        <translation>Cómo llegó la solicitud</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Solicitud:</translation>
    </message>
    <message>
        <source>Patient &amp;MRN:</source>
        <translation>&amp;MRN del paciente:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>R&amp;eceived:</source>
        <translation>R&amp;ecibida:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>Me&amp;dio:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Name the patient (MRN) or the login the request is about.</source>
        <translation>Indique el paciente (MRN) o la cuenta a la que se refiere la solicitud.</translation>
    </message>
    <message>
        <source>Say in the note what the family asked for.</source>
        <translation>Explique en la nota lo que pidió la familia.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>La nota tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recepción</translation>
    </message>
    <message numerus="yes">
        <source>It is due %n business day(s) after it arrived (counted in HIM hours), and shows on the requests worklist until someone resolves it.</source>
        <translation>
            <numerusform>Vence %n día hábil después de su llegada (contado en el horario de HIM) y aparece en la lista de trabajo de solicitudes hasta que alguien la resuelva.</numerusform>
            <numerusform>Vence %n días hábiles después de su llegada (contados en el horario de HIM) y aparece en la lista de trabajo de solicitudes hasta que alguien la resuelva.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::MainWindow</name>
    <message>
        <source>PortalDesk — %1 (%2)</source>
        <translation>PortalDesk — %1 (%2)</translation>
    </message>
    <message>
        <source>Worklists</source>
        <translation>Listas de trabajo</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Desbloquear…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar s&amp;esión</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Worklists</source>
        <translation>&amp;Listas de trabajo</translation>
    </message>
    <message>
        <source>&amp;Close patient</source>
        <translation>&amp;Cerrar paciente</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About PortalDesk</source>
        <translation>&amp;Acerca de PortalDesk</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Paciente %1</translation>
    </message>
    <message>
        <source>Open login</source>
        <translation>Abrir cuenta</translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n waiting</source>
        <translation>
            <numerusform>Bandeja de salida: %n en espera</numerusform>
            <numerusform>Bandeja de salida: %n en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: unknown (%1)</source>
        <translation>Bandeja de salida: desconocido (%1)</translation>
    </message>
    <message>
        <source>Mail: %1</source>
        <translation>Correo: %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>What a login can &amp;see…</source>
        <translation>Qué puede &amp;ver una cuenta…</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Interfaz</translation>
    </message>
    <message>
        <source>Import patients from the EHR</source>
        <translation>Importar pacientes de la historia clínica</translation>
    </message>
    <message>
        <source>EHR files (*.hl7 *.txt *.ndjson *.json *.csv);;HL7 v2 (*.hl7 *.txt);;FHIR (*.ndjson *.json);;CSV (*.csv)</source>
        <translation>Archivos de la historia clínica (*.hl7 *.txt *.ndjson *.json *.csv);;HL7 v2 (*.hl7 *.txt);;FHIR (*.ndjson *.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>PortalDesk reads HL7 v2 (.hl7, .txt), FHIR (.ndjson, .json) and CSV (.csv) files.</source>
        <translation>PortalDesk lee archivos HL7 v2 (.hl7, .txt), FHIR (.ndjson, .json) y CSV (.csv).</translation>
    </message>
    <message>
        <source>&amp;Import patients from the EHR…</source>
        <translation>&amp;Importar pacientes de la historia clínica…</translation>
    </message>
    <message>
        <source>PortalDesk is locked.
Patient information is hidden until the person who was working here signs in again.</source>
        <translation>PortalDesk está bloqueado.
La información de pacientes está oculta hasta que la persona que trabajaba aquí vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>PortalDesk — locked</source>
        <translation>PortalDesk — bloqueado</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>Restricciones</translation>
    </message>
</context>
<context>
    <name>pd::PatientPage</name>
    <message>
        <source>&amp;Enroll…</source>
        <translation>I&amp;nscribir…</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Enviar &amp;ya</translation>
    </message>
    <message>
        <source>&amp;Reissue…</source>
        <translation>Volver a &amp;emitir…</translation>
    </message>
    <message>
        <source>New &amp;PIN…</source>
        <translation>Nuevo &amp;PIN…</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Re&amp;vocar</translation>
    </message>
    <message>
        <source>Change e-&amp;mail…</source>
        <translation>Cambiar &amp;correo…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>Enter a signed enrollment form for this patient</source>
        <translation>Registrar un formulario de inscripción firmado para este paciente</translation>
    </message>
    <message>
        <source>Send the selected login&apos;s queued invitation now</source>
        <translation>Enviar ahora la invitación en cola de la cuenta seleccionada</translation>
    </message>
    <message>
        <source>A new link and a new 30-day window; the old invitation stops working</source>
        <translation>Un enlace nuevo y un nuevo plazo de 30 días; la invitación anterior deja de funcionar</translation>
    </message>
    <message>
        <source>Reissue with a new PIN, after verifying the caller&apos;s identity</source>
        <translation>Volver a emitir con un PIN nuevo, después de verificar la identidad de quien llama</translation>
    </message>
    <message>
        <source>Withdraw the selected login&apos;s live invitation</source>
        <translation>Retirar la invitación vigente de la cuenta seleccionada</translation>
    </message>
    <message>
        <source>Stop the selected login at once (someone else got in, family request, …)</source>
        <translation>Detener de inmediato la cuenta seleccionada (otra persona entró, solicitud de la familia, …)</translation>
    </message>
    <message>
        <source>Selected login:</source>
        <translation>Cuenta seleccionada:</translation>
    </message>
    <message>
        <source>Portal access</source>
        <translation>Acceso al portal</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitaciones</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Timeline: what happened, and who did it</source>
        <translation>Cronología: qué pasó y quién lo hizo</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Paciente %1</translation>
    </message>
    <message>
        <source>access from the parent&apos;s child-age enrollment ends; the family re-enrolls with the 12–17 forms</source>
        <translation>termina el acceso de la inscripción de los padres hecha cuando era niño(a); la familia vuelve a inscribirse con los formularios de 12 a 17 años</translation>
    </message>
    <message>
        <source>every proxy&apos;s access ends; a proxy continues only through the patient&apos;s own consent</source>
        <translation>termina el acceso de todos los representantes; un representante solo continúa con el consentimiento del propio paciente</translation>
    </message>
    <message>
        <source>Next age rule: turns %1 (date hidden) — %2.</source>
        <translation>Próxima regla de edad: cumple %1 (fecha oculta) — %2.</translation>
    </message>
    <message>
        <source>Next age rule: turns %1 on %2 — %3.</source>
        <translation>Próxima regla de edad: cumple %1 el %2 — %3.</translation>
    </message>
    <message>
        <source>E-mail: %1 · Phone: %2</source>
        <translation>Correo: %1 · Teléfono: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Someone else changed this record while you had it open, so nothing was changed.

%1

The page now shows the record as it is.</source>
        <translation>Otra persona modificó este registro mientras usted lo tenía abierto, así que no se cambió nada.

%1

La página ahora muestra el registro tal como está.</translation>
    </message>
    <message>
        <source>Send invitation now</source>
        <translation>Enviar invitación ahora</translation>
    </message>
    <message numerus="yes">
        <source>Send %1&apos;s invitation to %2 now? The link works for %n day(s) from sending.</source>
        <translation>
            <numerusform>¿Enviar ahora la invitación de %1 a %2? El enlace funciona durante %n día a partir del envío.</numerusform>
            <numerusform>¿Enviar ahora la invitación de %1 a %2? El enlace funciona durante %n días a partir del envío.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>Revocar invitación</translation>
    </message>
    <message>
        <source>Revoke %1&apos;s live invitation? Its link stops working at once; a new one takes a reissue.</source>
        <translation>¿Revocar la invitación vigente de %1? Su enlace deja de funcionar de inmediato; para tener una nueva hay que volver a emitirla.</translation>
    </message>
    <message>
        <source>What can they &amp;see?</source>
        <translation>¿&amp;Qué puede ver?</translation>
    </message>
    <message>
        <source>Log re&amp;quest…</source>
        <translation>Registrar &amp;solicitud…</translation>
    </message>
    <message>
        <source>Every kind of portal information the selected login sees for this patient, and why</source>
        <translation>Cada tipo de información del portal que la cuenta seleccionada ve de este paciente, y por qué</translation>
    </message>
    <message numerus="yes">
        <source>Log a family&apos;s request about this patient (due in %n business day(s))</source>
        <translation>
            <numerusform>Registrar una solicitud de la familia sobre este paciente (vence en %n día hábil)</numerusform>
            <numerusform>Registrar una solicitud de la familia sobre este paciente (vence en %n días hábiles)</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct rec&amp;ord…</source>
        <translation>Corregir re&amp;gistro…</translation>
    </message>
    <message>
        <source>Correct the patient&apos;s name, birth date or contact details</source>
        <translation>Corregir el nombre, la fecha de nacimiento o los datos de contacto del paciente</translation>
    </message>
    <message>
        <source>The patient is younger now. Access that ended at 12 or 18 under the old birth date was not reopened; the patient is listed for review in the timeline.</source>
        <translation>El paciente ahora es menor. El acceso que terminó a los 12 o 18 años con la fecha de nacimiento anterior no se reabrió; el paciente queda pendiente de revisión en la cronología.</translation>
    </message>
    <message>
        <source>Deceased %1, as the EHR reports: every access to this record ended, the patient&apos;s own login is closed, and no e-mail goes to the family.</source>
        <translation>Fallecido el %1, según la historia clínica: todos los accesos a este registro terminaron, la cuenta propia del paciente está cerrada y no se envía ningún correo a la familia.</translation>
    </message>
    <message>
        <source>%1 (MRN %2 was merged into this record)</source>
        <translation>%1 (el MRN %2 se fusionó con este registro)</translation>
    </message>
    <message>
        <source>Verify &amp;birth date…</source>
        <translation>Verificar fecha de &amp;nacimiento…</translation>
    </message>
    <message>
        <source>Check the birth date a caller gives, without seeing the one on record</source>
        <translation>Comprobar la fecha de nacimiento que da quien llama, sin ver la registrada</translation>
    </message>
    <message>
        <source>MRN %1 · birth date hidden (Verify birth date… checks one a caller gives) · %2 · preferred language %3</source>
        <translation>MRN %1 · fecha de nacimiento oculta (Verificar fecha de nacimiento… comprueba la que da quien llama) · %2 · idioma preferido %3</translation>
    </message>
    <message>
        <source>MRN %1 · born %2 · age %3 · %4 · preferred language %5</source>
        <translation>MRN %1 · nacido(a) el %2 · edad %3 · %4 · idioma preferido %5</translation>
    </message>
    <message>
        <source>This login was closed because its holder died; it is never reopened</source>
        <translation>Esta cuenta se cerró porque su titular falleció; nunca se reabre</translation>
    </message>
    <message>
        <source>After a suspected compromise, an HIM supervisor reopens this login</source>
        <translation>Tras una sospecha de acceso indebido, un supervisor de HIM reabre esta cuenta</translation>
    </message>
    <message>
        <source>Take back deat&amp;h…</source>
        <translation>Anular de&amp;función…</translation>
    </message>
    <message>
        <source>The selected login was closed for a death recorded in error: take the death back (the login stays deactivated until it is reopened with a new PIN)</source>
        <translation>La cuenta seleccionada se cerró por una defunción registrada por error: anule la defunción (la cuenta sigue desactivada hasta que se reabra con un PIN nuevo)</translation>
    </message>
    <message>
        <source>Take back a death recorded in error</source>
        <translation>Anular una defunción registrada por error</translation>
    </message>
    <message>
        <source>%1 was closed because its holder died. Say how the death was found to be an error (it is recorded):</source>
        <translation>%1 se cerró porque su titular falleció. Indique cómo se supo que la defunción era un error (queda registrado):</translation>
    </message>
    <message>
        <source>Restric&amp;t access…</source>
        <translation>Res&amp;tringir acceso…</translation>
    </message>
    <message>
        <source>Record a court, custody or protective order that bars a person from this record</source>
        <translation>Registrar una orden judicial, de custodia o de protección que prohíbe a una persona el acceso a este expediente</translation>
    </message>
</context>
<context>
    <name>pd::ReissueDialog</name>
    <message>
        <source>New PIN — %1</source>
        <translation>PIN nuevo — %1</translation>
    </message>
    <message>
        <source>Reissue — %1</source>
        <translation>Volver a emitir — %1</translation>
    </message>
    <message>
        <source>&amp;Reissue</source>
        <translation>&amp;Volver a emitir</translation>
    </message>
    <message>
        <source>&amp;Keep the PIN on file</source>
        <translation>&amp;Mantener el PIN registrado</translation>
    </message>
    <message>
        <source>Set a &amp;new PIN the caller chooses</source>
        <translation>Un PIN &amp;nuevo que elige quien llama</translation>
    </message>
    <message>
        <source>How the caller&apos;s identity was verified</source>
        <translation>Cómo se verificó la identidad de quien llama</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>Other verification, described</source>
        <translation>Otra verificación, descrita</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>&amp;Identity verified by:</source>
        <translation>&amp;Identidad verificada por:</translation>
    </message>
    <message>
        <source>&amp;Described:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Say how the caller&apos;s identity was verified before setting a new PIN.</source>
        <translation>Indique cómo se verificó la identidad de quien llama antes de asignar un PIN nuevo.</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Describe how the caller&apos;s identity was verified.</source>
        <translation>Describa cómo se verificó la identidad de quien llama.</translation>
    </message>
    <message>
        <source>The current invitation (%1) is revoked and its link stops working. </source>
        <translation>Se revoca la invitación actual (%1) y su enlace deja de funcionar. </translation>
    </message>
    <message>
        <source>The new PIN replaces the old one; how identity was verified is recorded.</source>
        <translation>El PIN nuevo reemplaza al anterior; se registra cómo se verificó la identidad.</translation>
    </message>
    <message>
        <source>The PIN on file stays the same.</source>
        <translation>El PIN registrado no cambia.</translation>
    </message>
    <message numerus="yes">
        <source>A new invitation goes to %1, the address on file, with a new link that works for %n day(s) from sending. </source>
        <translation>
            <numerusform>Se envía una invitación nueva a %1, la dirección registrada, con un enlace nuevo que funciona durante %n día a partir del envío. </numerusform>
            <numerusform>Se envía una invitación nueva a %1, la dirección registrada, con un enlace nuevo que funciona durante %n días a partir del envío. </numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the access that could come back…</source>
        <translation>Leyendo el acceso que podría volver…</translation>
    </message>
    <message>
        <source>Access that comes back:</source>
        <translation>Acceso que vuelve:</translation>
    </message>
    <message>
        <source>This login holds no access; it reopens with none.</source>
        <translation>Esta cuenta no tiene acceso; se reabre sin ninguno.</translation>
    </message>
    <message>
        <source>Tick each patient whose access comes back; the rest ends now.</source>
        <translation>Marque cada paciente cuyo acceso vuelve; el resto termina ahora.</translation>
    </message>
    <message>
        <source>MRN %1 — %2 (%3 access, %4)</source>
        <translation>MRN %1 — %2 (acceso %3, %4)</translation>
    </message>
    <message>
        <source>%1: does not come back: %2</source>
        <translation>%1: no vuelve: %2</translation>
    </message>
    <message>
        <source>The login reopens with no access; any it still holds ends now. </source>
        <translation>La cuenta se reabre sin acceso; el que todavía tenga termina ahora. </translation>
    </message>
    <message>
        <source>The login reopens with access to: %1; any other it holds ends now. </source>
        <translation>La cuenta se reabre con acceso a: %1; cualquier otro que tenga termina ahora. </translation>
    </message>
</context>
<context>
    <name>pd::ReportsPage</name>
    <message>
        <source>Weeks in the report</source>
        <translation>Semanas del informe</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>&amp;Imprimir en PDF…</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>The report has not loaded yet.</source>
        <translation>El informe todavía no se ha cargado.</translation>
    </message>
    <message>
        <source>Patient portal access report</source>
        <translation>Informe de acceso al portal del paciente</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>Print the report to PDF</source>
        <translation>Imprimir el informe en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Invitations and requests per week</source>
        <translation>Invitaciones y solicitudes por semana</translation>
    </message>
    <message>
        <source>Chart of invitations sent, activated and expired per week</source>
        <translation>Gráfico de invitaciones enviadas, activadas y vencidas por semana</translation>
    </message>
    <message>
        <source>Chart of requests met on time and late per week</source>
        <translation>Gráfico de solicitudes atendidas a tiempo y atrasadas por semana</translation>
    </message>
    <message numerus="yes">
        <source> week(s)</source>
        <translation>
            <numerusform> semana</numerusform>
            <numerusform> semanas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::RequestsPage</name>
    <message>
        <source>Which requests</source>
        <translation>Qué solicitudes</translation>
    </message>
    <message>
        <source>Open, soonest due first</source>
        <translation>Abiertas, las que vencen antes primero</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Atrasadas</translation>
    </message>
    <message>
        <source>All, with the resolved</source>
        <translation>Todas, incluidas las resueltas</translation>
    </message>
    <message>
        <source>&amp;Log a request…</source>
        <translation>Re&amp;gistrar una solicitud…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolver…</translation>
    </message>
    <message>
        <source>Family requests</source>
        <translation>Solicitudes de las familias</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n solicitud</numerusform>
            <numerusform>%n solicitudes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n atrasada</numerusform>
            <numerusform>%n atrasadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <source>%1 of %L2 requests shown; scroll down for more.</source>
        <translation>Se muestran %1 de %L2 solicitudes; desplácese hacia abajo para ver más.</translation>
    </message>
</context>
<context>
    <name>pd::ResolveRequestDialog</name>
    <message>
        <source>Resolve request %1</source>
        <translation>Resolver la solicitud %1</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <source>%1 — %2, received %3, due %4</source>
        <translation>%1 — %2, recibida %3, vence %4</translation>
    </message>
    <message>
        <source>The action that answered it</source>
        <translation>La acción con la que se atendió</translation>
    </message>
    <message>
        <source>No linked action (answered by phone or letter)</source>
        <translation>Sin acción vinculada (se atendió por teléfono o por carta)</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>Cómo se resolvió</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Solicitud:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Acción:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Say how it was resolved.</source>
        <translation>Indique cómo se resolvió.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>La nota tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>The request leaves the worklist; it is counted as met late.</source>
        <translation>La solicitud sale de la lista de trabajo; se cuenta como atendida con atraso.</translation>
    </message>
    <message>
        <source>The request leaves the worklist; it is counted as met on time.</source>
        <translation>La solicitud sale de la lista de trabajo; se cuenta como atendida a tiempo.</translation>
    </message>
</context>
<context>
    <name>pd::RestrictionBanner</name>
    <message>
        <source>Access restrictions</source>
        <translation>Restricciones de acceso</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;RESTRICTED:&lt;/b&gt; %1 is barred from this record by a %2, %3 (restriction #%4). Don&apos;t enroll them, reissue to them or discuss the record with them.</source>
        <translation>&lt;b&gt;RESTRINGIDO:&lt;/b&gt; %1 tiene prohibido el acceso a este expediente (%2, %3; restricción n.º %4). No le inscriba, no le reenvíe invitaciones ni hable del expediente con esa persona.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta el %1</translation>
    </message>
    <message>
        <source>until a supervisor lifts it</source>
        <translation>hasta que un supervisor la levante</translation>
    </message>
    <message>
        <source>This login is theirs: it sees nothing of this record.</source>
        <translation>Esta cuenta es suya: no ve nada de este expediente.</translation>
    </message>
</context>
<context>
    <name>pd::RestrictionsPage</name>
    <message>
        <source>Which restrictions</source>
        <translation>Qué restricciones</translation>
    </message>
    <message>
        <source>In force, newest first</source>
        <translation>Vigentes, las más recientes primero</translation>
    </message>
    <message>
        <source>Ending within 30 days</source>
        <translation>Terminan en 30 días</translation>
    </message>
    <message>
        <source>Ending within 60 days</source>
        <translation>Terminan en 60 días</translation>
    </message>
    <message>
        <source>Ending within 90 days</source>
        <translation>Terminan en 90 días</translation>
    </message>
    <message>
        <source>All, with the lifted and ended</source>
        <translation>Todas, con las levantadas y terminadas</translation>
    </message>
    <message>
        <source>Record a &amp;restriction…</source>
        <translation>Registrar una &amp;restricción…</translation>
    </message>
    <message>
        <source>A court, custody or protective order that bars a person from a patient&apos;s record</source>
        <translation>Una orden judicial, de custodia o de protección que prohíbe a una persona el acceso al expediente de un paciente</translation>
    </message>
    <message>
        <source>Open the &amp;order</source>
        <translation>Abrir la &amp;orden</translation>
    </message>
    <message>
        <source>&amp;Lift…</source>
        <translation>&amp;Levantar…</translation>
    </message>
    <message>
        <source>Access restrictions</source>
        <translation>Restricciones de acceso</translation>
    </message>
    <message>
        <source>%1 of %L2 restrictions shown; scroll down for more.</source>
        <translation>Se muestran %1 de %L2 restricciones; desplácese hacia abajo para ver más.</translation>
    </message>
    <message numerus="yes">
        <source>%n restriction(s)</source>
        <translation>
            <numerusform>%n restricción</numerusform>
            <numerusform>%n restricciones</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>The order could not be written out for viewing: %1</source>
        <translation>No se pudo escribir la orden para verla: %1</translation>
    </message>
</context>
<context>
    <name>pd::SearchPanel</name>
    <message>
        <source>Search patients and logins</source>
        <translation>Buscar pacientes y cuentas</translation>
    </message>
    <message>
        <source>Name, MRN, e-mail or phone (Ctrl+F)</source>
        <translation>Nombre, MRN, correo o teléfono (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation>Escriba para buscar.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;.</source>
        <translation>No hay coincidencias con &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n coincidencia.</numerusform>
            <numerusform>%n coincidencias.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) so far; scroll for more.</source>
        <translation>
            <numerusform>%n coincidencia hasta ahora; desplácese para ver más.</numerusform>
            <numerusform>%n coincidencias hasta ahora; desplácese para ver más.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pd::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>This &amp;workstation</source>
        <translation>Esta estación de &amp;trabajo</translation>
    </message>
    <message>
        <source>&amp;Hospital policy</source>
        <translation>Política del &amp;hospital</translation>
    </message>
    <message>
        <source>Hol&amp;idays</source>
        <translation>&amp;Días festivos</translation>
    </message>
    <message>
        <source>Language of PortalDesk</source>
        <translation>Idioma de PortalDesk</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Save workstation settings</source>
        <translation>&amp;Guardar configuración de la estación</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Now open: %1. A different database is opened the next time PortalDesk starts.</source>
        <translation>Abierta ahora: %1. Otra base de datos se abre la próxima vez que se inicie PortalDesk.</translation>
    </message>
    <message>
        <source>Hospital time zone</source>
        <translation>Zona horaria del hospital</translation>
    </message>
    <message>
        <source>Days an invitation stays valid</source>
        <translation>Días de vigencia de una invitación</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Wrong PINs that lock an invitation</source>
        <translation>PIN incorrectos que bloquean una invitación</translation>
    </message>
    <message>
        <source>Days of notice before an age transition</source>
        <translation>Días de aviso antes de una transición de edad</translation>
    </message>
    <message>
        <source>Minutes before the idle lock</source>
        <translation>Minutos antes del bloqueo por inactividad</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>HIM opens at</source>
        <translation>Hora de apertura de HIM</translation>
    </message>
    <message>
        <source>HIM closes at</source>
        <translation>Hora de cierre de HIM</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Invitations &amp;expire after:</source>
        <translation>Las invitaciones &amp;vencen después de:</translation>
    </message>
    <message>
        <source>Wrong PINs before &amp;lock:</source>
        <translation>PIN incorrectos antes del &amp;bloqueo:</translation>
    </message>
    <message>
        <source>Transition &amp;notice:</source>
        <translation>Avis&amp;o de transición:</translation>
    </message>
    <message>
        <source>HIM &amp;opens:</source>
        <translation>HIM &amp;abre:</translation>
    </message>
    <message>
        <source>HIM &amp;closes:</source>
        <translation>HIM cie&amp;rra:</translation>
    </message>
    <message>
        <source>I&amp;dle lock after:</source>
        <translation>Bloqueo por &amp;inactividad después de:</translation>
    </message>
    <message>
        <source>Save &amp;policy</source>
        <translation>Guardar &amp;política</translation>
    </message>
    <message>
        <source>Only an HIM supervisor can change the hospital&apos;s policy.</source>
        <translation>Solo un supervisor de HIM puede cambiar la política del hospital.</translation>
    </message>
    <message>
        <source>The hospital&apos;s own holidays</source>
        <translation>Días festivos propios del hospital</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>HIM is</source>
        <translation>HIM está</translation>
    </message>
    <message>
        <source>Holiday date</source>
        <translation>Fecha del día festivo</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation>Nombre del día festivo</translation>
    </message>
    <message>
        <source>C&amp;losed</source>
        <translation>Ce&amp;rrado</translation>
    </message>
    <message>
        <source>Unchecked: HIM is open on a day a federal holiday would close</source>
        <translation>Sin marcar: HIM abre un día en que cerraría por un día festivo federal</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>US federal holidays are counted by rule (with their observed days); this table adds the hospital&apos;s own closed days, or opens a day a federal holiday would close.</source>
        <translation>Los días festivos federales de EE. UU. se cuentan por regla (con los días en que se observan); esta tabla agrega los días de cierre propios del hospital, o abre un día en que se cerraría por un día festivo federal.</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n setting(s). They apply to every workstation; this window uses them after the next sign-in.</source>
        <translation>
            <numerusform>Se guardó %n configuración. Se aplica a todas las estaciones de trabajo; esta ventana la usará después del próximo inicio de sesión.</numerusform>
            <numerusform>Se guardaron %n configuraciones. Se aplican a todas las estaciones de trabajo; esta ventana las usará después del próximo inicio de sesión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Holiday saved.</source>
        <translation>Día festivo guardado.</translation>
    </message>
    <message>
        <source>Holiday removed.</source>
        <translation>Día festivo eliminado.</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>C&amp;orreo</translation>
    </message>
    <message>
        <source>How mail leaves</source>
        <translation>Cómo sale el correo</translation>
    </message>
    <message>
        <source>Files in a folder (no server)</source>
        <translation>Archivos en una carpeta (sin servidor)</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>Puerto SMTP</translation>
    </message>
    <message>
        <source>SMTP encryption</source>
        <translation>Cifrado SMTP</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (puerto 587)</translation>
    </message>
    <message>
        <source>TLS from the start (port 465)</source>
        <translation>TLS desde el inicio (puerto 465)</translation>
    </message>
    <message>
        <source>None (a relay on this machine only)</source>
        <translation>Ninguno (solo un servidor de retransmisión en este equipo)</translation>
    </message>
    <message>
        <source>SMTP user</source>
        <translation>Usuario SMTP</translation>
    </message>
    <message>
        <source>SMTP password file</source>
        <translation>Archivo de contraseña SMTP</translation>
    </message>
    <message>
        <source>a file only its owner can read; the password is never stored here</source>
        <translation>un archivo que solo su propietario puede leer; la contraseña nunca se guarda aquí</translation>
    </message>
    <message>
        <source>CA certificates file</source>
        <translation>Archivo de certificados de CA</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificate authorities</source>
        <translation>vacío: las autoridades de certificación del sistema</translation>
    </message>
    <message>
        <source>Save &amp;mail settings</source>
        <translation>&amp;Guardar configuración de correo</translation>
    </message>
    <message>
        <source>Send a test message to</source>
        <translation>Enviar un mensaje de prueba a</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@example.org</translation>
    </message>
    <message>
        <source>Send &amp;test message</source>
        <translation>Enviar mensaje de p&amp;rueba</translation>
    </message>
    <message>
        <source>Mail &amp;leaves as:</source>
        <translation>&amp;Modo de envío:</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>&amp;Servidor SMTP:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>Ci&amp;frado:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password file:</source>
        <translation>Archivo de co&amp;ntraseña:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;Archivo de CA:</translation>
    </message>
    <message>
        <source>Send a test &amp;to:</source>
        <translation>&amp;Enviar una prueba a:</translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation>Enviando un mensaje de prueba a %1…</translation>
    </message>
    <message>
        <source>The mail server accepted the test message for %1.</source>
        <translation>El servidor de correo aceptó el mensaje de prueba para %1.</translation>
    </message>
    <message>
        <source>The settings are still being read; try again in a moment.</source>
        <translation>Todavía se está leyendo la configuración; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Cambiar…</translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation>Cambiar la base de datos</translation>
    </message>
    <message>
        <source>Wrong staff passwords that lock a sign-in</source>
        <translation>Contraseñas del personal incorrectas que bloquean un inicio de sesión</translation>
    </message>
    <message>
        <source>Minutes a sign-in stays locked</source>
        <translation>Minutos que un inicio de sesión queda bloqueado</translation>
    </message>
    <message>
        <source>Wrong &amp;passwords before sign-in locks:</source>
        <translation>&amp;Contraseñas incorrectas hasta el bloqueo:</translation>
    </message>
    <message>
        <source>Sign-in locked &amp;for:</source>
        <translation>Inicio de sesión bloqueado &amp;durante:</translation>
    </message>
    <message>
        <source>Months after approval that a proxy consent ends</source>
        <translation>Meses después de la aprobación en que termina un consentimiento de representante</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Days before a proxy consent ends that the patient is reminded</source>
        <translation>Días antes de que termine un consentimiento de representante en que se avisa al paciente</translation>
    </message>
    <message>
        <source>Proxy consents e&amp;xpire after:</source>
        <translation>Los consentimientos vence&amp;n a los:</translation>
    </message>
    <message>
        <source>Consent &amp;reminder:</source>
        <translation>Aviso del con&amp;sentimiento:</translation>
    </message>
</context>
<context>
    <name>pd::SignInDialog</name>
    <message>
        <source>Sign in to PortalDesk</source>
        <translation>Iniciar sesión en PortalDesk</translation>
    </message>
    <message>
        <source>PortalDesk is locked</source>
        <translation>PortalDesk está bloqueado</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Staff sign-in name</source>
        <translation>Nombre de usuario del personal</translation>
    </message>
    <message>
        <source>for example maria.garcia</source>
        <translation>por ejemplo maria.garcia</translation>
    </message>
    <message>
        <source>&amp;Sign-in name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>This database is new: the name you sign in with becomes its first HIM supervisor.</source>
        <translation>Esta base de datos es nueva: el nombre con el que inicie sesión será su primer supervisor de HIM.</translation>
    </message>
    <message>
        <source>Type your sign-in name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>&amp;Base de datos…</translation>
    </message>
    <message>
        <source>Work on another database: this computer&apos;s, or the hospital&apos;s central one</source>
        <translation>Trabajar en otra base de datos: la de este equipo o la central del hospital</translation>
    </message>
    <message>
        <source>Type your database password.</source>
        <translation>Escriba su contraseña de la base de datos.</translation>
    </message>
    <message>
        <source>Patient information is hidden. Only the person who was working here can unlock this window; anyone else signs out first.</source>
        <translation>La información de pacientes está oculta. Solo la persona que trabajaba aquí puede desbloquear esta ventana; cualquier otra persona cierra la sesión primero.</translation>
    </message>
    <message>
        <source>Staff password</source>
        <translation>Contraseña del personal</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>Contraseña nueva &amp;otra vez:</translation>
    </message>
    <message>
        <source>This database is new: the name you sign in with becomes its first HIM supervisor, with the password you choose here (%1 characters or more).</source>
        <translation>Esta base de datos es nueva: el nombre con el que inicie sesión será su primer supervisor de HIM, con la contraseña que elija aquí (%1 caracteres o más).</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Contraseña &amp;otra vez:</translation>
    </message>
    <message>
        <source>You signed in with a one-time password. Choose your own now (%1 characters or more, not your sign-in name); nobody else will know it.</source>
        <translation>Inició sesión con una contraseña de un solo uso. Elija ahora la suya (%1 caracteres o más, sin su nombre de inicio de sesión); nadie más la sabrá.</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>&amp;Guardar contraseña</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no son iguales.</translation>
    </message>
    <message>
        <source>That name and password don&apos;t match. Only the person who was working here can unlock this window; to change who is working here, sign out.</source>
        <translation>Ese nombre y esa contraseña no coinciden. Solo la persona que trabajaba aquí puede desbloquear esta ventana; para cambiar quién trabaja aquí, cierre la sesión.</translation>
    </message>
</context>
<context>
    <name>pd::SubmitConsentDialog</name>
    <message>
        <source>File a proxy consent</source>
        <translation>Registrar un consentimiento de representación</translation>
    </message>
    <message>
        <source>&amp;File for review</source>
        <translation>Re&amp;gistrar para revisión</translation>
    </message>
    <message>
        <source>Patient&apos;s MRN</source>
        <translation>MRN del paciente</translation>
    </message>
    <message>
        <source>Kind of consent</source>
        <translation>Tipo de consentimiento</translation>
    </message>
    <message>
        <source>The patient names a proxy</source>
        <translation>El paciente nombra a un representante</translation>
    </message>
    <message>
        <source>Court papers for a legal guardian</source>
        <translation>Documentos judiciales de un tutor legal</translation>
    </message>
    <message>
        <source>Proxy&apos;s given name</source>
        <translation>Nombre del representante</translation>
    </message>
    <message>
        <source>Proxy&apos;s family name</source>
        <translation>Apellido del representante</translation>
    </message>
    <message>
        <source>Proxy&apos;s e-mail address</source>
        <translation>Dirección de correo del representante</translation>
    </message>
    <message>
        <source>Language of the proxy&apos;s e-mails</source>
        <translation>Idioma de los correos del representante</translation>
    </message>
    <message>
        <source>The patient&apos;s language</source>
        <translation>El idioma del paciente</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Proxy&apos;s relationship to the patient</source>
        <translation>Parentesco del representante con el paciente</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre/madre</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>Tutor legal</translation>
    </message>
    <message>
        <source>Other family</source>
        <translation>Otro familiar</translation>
    </message>
    <message>
        <source>What the proxy may see</source>
        <translation>Lo que puede ver el representante</translation>
    </message>
    <message>
        <source>Full access</source>
        <translation>Acceso completo</translation>
    </message>
    <message>
        <source>Limited access</source>
        <translation>Acceso limitado</translation>
    </message>
    <message>
        <source>Date the form was signed</source>
        <translation>Fecha en que se firmó el formulario</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Name of the person who signed</source>
        <translation>Nombre de la persona que firmó</translation>
    </message>
    <message>
        <source>as written on the form</source>
        <translation>tal como aparece en el formulario</translation>
    </message>
    <message>
        <source>Scanned form</source>
        <translation>Formulario escaneado</translation>
    </message>
    <message>
        <source>PDF, PNG or JPEG, up to 10 MB</source>
        <translation>PDF, PNG o JPEG, hasta 10 MB</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Choose the scanned form</source>
        <translation>Elegir el formulario escaneado</translation>
    </message>
    <message>
        <source>Patient &amp;MRN:</source>
        <translation>&amp;MRN del paciente:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Proxy&apos;s &amp;given name:</source>
        <translation>&amp;Nombre del representante:</translation>
    </message>
    <message>
        <source>Proxy&apos;s &amp;family name:</source>
        <translation>&amp;Apellido del representante:</translation>
    </message>
    <message>
        <source>Proxy&apos;s &amp;e-mail:</source>
        <translation>C&amp;orreo del representante:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Relationship:</source>
        <translation>Parent&amp;esco:</translation>
    </message>
    <message>
        <source>&amp;Access:</source>
        <translation>A&amp;cceso:</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>&amp;Firmado el:</translation>
    </message>
    <message>
        <source>Signed &amp;by:</source>
        <translation>Firma&amp;do por:</translation>
    </message>
    <message>
        <source>Scanned f&amp;orm:</source>
        <translation>Form&amp;ulario escaneado:</translation>
    </message>
    <message>
        <source>Scanned consent form</source>
        <translation>Formulario de consentimiento escaneado</translation>
    </message>
    <message>
        <source>Scanned forms (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Formularios escaneados (*.pdf *.png *.jpg *.jpeg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The form %1 can&apos;t be read: %2</source>
        <translation>No se puede leer el formulario %1: %2</translation>
    </message>
    <message>
        <source>The form is larger than 10 MB; scan it again at a lower resolution.</source>
        <translation>El formulario tiene más de 10 MB; vuelva a escanearlo con una resolución más baja.</translation>
    </message>
    <message>
        <source>The scanned form must be a PDF, PNG or JPEG file.</source>
        <translation>El formulario escaneado debe ser un archivo PDF, PNG o JPEG.</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <source>The form can&apos;t be signed after today (%1).</source>
        <translation>La fecha de firma del formulario no puede ser posterior a hoy (%1).</translation>
    </message>
    <message>
        <source>Choose the scanned form (PDF, PNG or JPEG).</source>
        <translation>Elija el formulario escaneado (PDF, PNG o JPEG).</translation>
    </message>
    <message>
        <source>the proxy</source>
        <translation>el representante</translation>
    </message>
    <message>
        <source>limited</source>
        <translation>limitado</translation>
    </message>
    <message>
        <source>full</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>The consent is filed with its form and waits on the consent desk. Approving it gives %1 %2 access; a proxy without a login of their own gets an invitation with this PIN. Nothing is sent before then.</source>
        <translation>El consentimiento se registra con su formulario y queda en espera en el área de consentimientos. Al aprobarlo, %1 obtiene acceso %2; un representante sin cuenta propia recibe una invitación con este PIN. No se envía nada antes.</translation>
    </message>
</context>
<context>
    <name>pd::VerifyBirthDateDialog</name>
    <message>
        <source>Verify birth date — %1</source>
        <translation>Verificar fecha de nacimiento — %1</translation>
    </message>
    <message numerus="yes">
        <source>Ask the caller for the patient&apos;s birth date and type it as they give it. You see only whether it matches, never the date on record. Every check is recorded in the timeline, and a patient&apos;s birth date can be tried %n time(s) an hour, by all staff together.</source>
        <translation>
            <numerusform>Pida a quien llama la fecha de nacimiento del paciente y escríbala tal como la da. Solo verá si coincide, nunca la fecha registrada. Cada verificación queda en la cronología, y la fecha de nacimiento de un paciente se puede intentar %n vez por hora, entre todo el personal.</numerusform>
            <numerusform>Pida a quien llama la fecha de nacimiento del paciente y escríbala tal como la da. Solo verá si coincide, nunca la fecha registrada. Cada verificación queda en la cronología, y la fecha de nacimiento de un paciente se puede intentar %n veces por hora, entre todo el personal.</numerusform>
        </translation>
    </message>
    <message>
        <source>Birth date the caller gives</source>
        <translation>Fecha de nacimiento que da quien llama</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Birth date the caller gives:</source>
        <translation>Fecha de &amp;nacimiento que da quien llama:</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Comprobar</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Matches: the caller gave the patient&apos;s birth date.</source>
        <translation>Coincide: quien llama dio la fecha de nacimiento del paciente.</translation>
    </message>
    <message>
        <source>Doesn&apos;t match: that is not the patient&apos;s birth date on record.</source>
        <translation>No coincide: esa no es la fecha de nacimiento registrada del paciente.</translation>
    </message>
</context>
<context>
    <name>pd::VisibilityDialog</name>
    <message>
        <source>What a login can see</source>
        <translation>Qué puede ver una cuenta</translation>
    </message>
    <message>
        <source>Login (username or e-mail)</source>
        <translation>Cuenta (nombre de usuario o correo)</translation>
    </message>
    <message>
        <source>Patient&apos;s MRN</source>
        <translation>MRN del paciente</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Explicar</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>Patient &amp;MRN:</source>
        <translation>&amp;MRN del paciente:</translation>
    </message>
    <message>
        <source>What the login can see, and why</source>
        <translation>Lo que puede ver la cuenta, y por qué</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Type the login and the patient&apos;s MRN.</source>
        <translation>Escriba la cuenta y el MRN del paciente.</translation>
    </message>
    <message>
        <source>%1 (%2) for %3, %4 — %5</source>
        <translation>%1 (%2) para %3, %4 — %5</translation>
    </message>
    <message>
        <source>%1 access, %2</source>
        <translation>acceso %1, %2</translation>
    </message>
    <message>
        <source>ended %1 (%2)</source>
        <translation>terminó el %1 (%2)</translation>
    </message>
    <message>
        <source>No access to this patient, ever.</source>
        <translation>Nunca ha tenido acceso a este paciente.</translation>
    </message>
    <message>
        <source>Access: %1</source>
        <translation>Acceso: %1</translation>
    </message>
    <message>
        <source>✔ yes</source>
        <translation>✔ sí</translation>
    </message>
    <message>
        <source>✘ no</source>
        <translation>✘ no</translation>
    </message>
    <message>
        <source>ended (%1)</source>
        <translation>terminó (%1)</translation>
    </message>
    <message>
        <source>The patient&apos;s own login.</source>
        <translation>La cuenta del propio paciente.</translation>
    </message>
    <message>
        <source>Access from the patient&apos;s proxy consent ends on %1, unless the patient signs a new one.</source>
        <translation>El acceso por el consentimiento de representante del paciente termina el %1, salvo que el paciente firme uno nuevo.</translation>
    </message>
</context>
<context>
    <name>pd::WorklistsPage</name>
    <message>
        <source>Worklist</source>
        <translation>Lista de trabajo</translation>
    </message>
    <message>
        <source>Invitations due to be sent</source>
        <translation>Invitaciones pendientes de envío</translation>
    </message>
    <message>
        <source>Invitations late (not sent in time)</source>
        <translation>Invitaciones atrasadas (no enviadas a tiempo)</translation>
    </message>
    <message>
        <source>Invitations expired</source>
        <translation>Invitaciones vencidas</translation>
    </message>
    <message>
        <source>Invitations that could not be delivered</source>
        <translation>Invitaciones que no se pudieron entregar</translation>
    </message>
    <message>
        <source>Invitations locked (too many wrong PINs)</source>
        <translation>Invitaciones bloqueadas (demasiados PIN incorrectos)</translation>
    </message>
    <message numerus="yes">
        <source>Age transitions in the next %n day(s)</source>
        <translation>
            <numerusform>Transiciones de edad en el próximo %n día</numerusform>
            <numerusform>Transiciones de edad en los próximos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter the worklist</source>
        <translation>Filtrar la lista de trabajo</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Filtrar filas</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>Worklist rows</source>
        <translation>Filas de la lista de trabajo</translation>
    </message>
    <message>
        <source>&amp;Worklist:</source>
        <translation>&amp;Lista de trabajo:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) match the filter.</source>
        <translation>
            <numerusform>Coincidencias con el filtro: %1 de %n fila.</numerusform>
            <numerusform>Coincidencias con el filtro: %1 de %n filas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n fila.</numerusform>
            <numerusform>%n filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>worklist-%1.csv</source>
        <translation>lista-de-trabajo-%1.csv</translation>
    </message>
    <message>
        <source>Export worklist</source>
        <translation>Exportar lista de trabajo</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Se guardó %n fila en %1.</numerusform>
            <numerusform>Se guardaron %n filas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %L2 rows shown; scroll down for more.</source>
        <translation>Se muestran %1 de %L2 filas; desplácese hacia abajo para ver más.</translation>
    </message>
</context>
</TS>

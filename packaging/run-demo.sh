#!/usr/bin/env bash
# Builds PortalDesk and walks through the life of a portal login on the embedded database, with demo data:
# a parent enrolls a 9-year-old, the invitation is sent, the link in the e-mail is activated with the PIN.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/packaging/install-deps.sh"
bash "$here/packaging/build.sh" >/dev/null
cli=${PORTALDESK_BUILD_DIR:-$here/build}/app/cli/portaldesk-cli

demo=${PORTALDESK_DEMO_DIR:-$HOME/portaldesk-demo}
mkdir -p "$demo"
rm -f "$demo"/demo.sqlite* && rm -rf "$demo/mail"
db=(--db "$demo/demo.sqlite")
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

say "Create the database and fill it with synthetic Los Angeles families"
"$cli" "${db[@]}" --staff admin init
"$cli" "${db[@]}" --staff admin demo-data --patients 40
me=(--staff maria.garcia)

say "A parent enrolls a 9-year-old (PIN from the form: 482913)"
birth=$(TZ=America/Los_Angeles date -d '9 years ago' +%F)
"$cli" "${db[@]}" "${me[@]}" patient add --mrn 9000001 --given Sofía --family Hernández \
    --birth-date "$birth" --language es --phone "(323) 555-0142"
echo 482913 | "$cli" "${db[@]}" "${me[@]}" enroll --mrn 9000001 --form parent --signed "$(TZ=America/Los_Angeles date +%F)" \
    --given Guadalupe --family Hernández --email guadalupe.hernandez@example.org --language es

say "Send the invitation now and deliver the outbox (the embedded default writes .eml files)"
"$cli" "${db[@]}" "${me[@]}" invitation send-now guadalupe.hernandez@example.org
"$cli" "${db[@]}" "${me[@]}" mail send
eml=$(grep -l "guadalupe.hernandez@example.org" "$demo"/mail/*.eml | head -n 1)
# The body is quoted-printable: join soft line breaks, then read the token after "token=" (=3D).
token=$(sed -e ':a' -e '/=\r\{0,1\}$/{N;s/=\r\{0,1\}\n//;ba' -e '}' "$eml" | grep -o 'token=3D[A-Za-z0-9_-]\{43\}' | head -n 1 | cut -c9-)
echo "E-mail: $eml"

say "The parent activates the link with the PIN"
echo 482913 | "$cli" "${db[@]}" activate --token "$token"

say "The patient's whole story"
"$cli" "${db[@]}" "${me[@]}" patient show 9000001

say "Age transitions in the next 30 days, and the audit chain"
"$cli" "${db[@]}" "${me[@]}" transitions upcoming --days 30
"$cli" "${db[@]}" --staff dana.kim audit verify
echo
echo "Database: $demo/demo.sqlite — try: $cli --db $demo/demo.sqlite --staff maria.garcia search López"

#!/usr/bin/env bash
# Builds PortalDesk, fills the embedded database with demo data, walks through the life of a portal login
# with portaldesk-cli (a parent enrolls a 9-year-old, the invitation is sent, the link is activated with the
# PIN), then starts the desktop on that database. Without a display it saves a picture of the desktop instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/packaging/install-deps.sh"
# Fonts for the demo families' names in Korean, Chinese and Japanese.
PORTALDESK_EXTRA_PACKAGES="fonts-noto-cjk" bash "$here/packaging/install-deps.sh"
bash "$here/packaging/build.sh" >/dev/null
cli=${PORTALDESK_BUILD_DIR:-$here/build}/app/cli/portaldesk-cli
gui=${PORTALDESK_BUILD_DIR:-$here/build}/app/gui/portaldesk

demo=${PORTALDESK_DEMO_DIR:-$HOME/portaldesk-demo}
mkdir -p "$demo"
rm -f "$demo"/demo.sqlite* && rm -rf "$demo/mail"
db=(--db "$demo/demo.sqlite")
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

say "Create the database and fill it with synthetic Los Angeles families"
printf 'portal-desk-demo\n' | "$cli" "${db[@]}" --staff admin init --password-stdin   # the demo's published password
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

say "The desktop (sign in as maria.garcia, sam.lee or dana.kim; password: portal-desk-demo)"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then
    exec "$gui" --db "$demo/demo.sqlite" --demo --staff maria.garcia
fi
QT_QPA_PLATFORM=offscreen "$gui" --db "$demo/demo.sqlite" --demo --staff maria.garcia \
    --screenshot "$demo/portaldesk.png" 2>/dev/null
echo "No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop started off-screen,"
echo "signed in as maria.garcia and saved a picture of its window: $demo/portaldesk.png"
echo "On a desktop session run: $gui --db $demo/demo.sqlite"

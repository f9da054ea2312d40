#!/usr/bin/env bash
# check-debs.sh SOURCE_DIR WORK_DIR: builds the Debian packages with packaging/build-deb.sh and checks them
# as a distribution would: lintian (no error, no warning), desktop-file-validate, appstreamcli (pedantic),
# systemd-analyze verify and security (exposure 3.0 at most), every CLI command in the manual page and the
# completions, and the daily unit's ExecStart run against a fresh embedded database.
set -euo pipefail
src=$(cd "$1" && pwd)
work=$2
PORTALDESK_EXTRA_PACKAGES="lintian desktop-file-utils appstream systemd man-db zsh" \
    bash "$src/packaging/install-deps.sh"
rm -rf "$work"
mkdir -p "$work/debs" "$work/root"
work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

step "build"
bash "$src/packaging/build-deb.sh" "$work/debs"
for p in portaldesk portaldesk-cli portaldesk-server; do
    ls "$work"/debs/"${p}"_*.deb >/dev/null 2>&1 || fail "no $p package"
done

step "lintian"
# Run as root, lintian says so on standard error; that line is not about the packages. Exit 1 means tags
# (the E:/W: check says whether any matter); more means lintian itself did not run through.
status=0
lintian --pedantic --display-info "$work"/debs/*.deb >"$work/lintian.raw" 2>&1 || status=$?
grep -v 'running with root privileges' "$work/lintian.raw" | tee "$work/lintian.txt" || true
[ "$status" -le 1 ] || fail "lintian did not run through (exit $status)"
if grep -E '^(E|W):' "$work/lintian.txt"; then fail "lintian reports errors or warnings"; fi

for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
root=$work/root
units=$root/lib/systemd/system

step "Depends"
dpkg-deb -f "$work"/debs/portaldesk_*.deb Depends | tee "$work/depends.txt"
for p in libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libqt6widgets6 libssl3; do
    grep -q "$p" "$work/depends.txt" || fail "portaldesk does not depend on $p"
done
dpkg-deb -f "$work"/debs/portaldesk_*.deb Recommends | grep -q qt6-wayland || fail "no Recommends: qt6-wayland"

step "desktop file and AppStream"
desktop-file-validate "$root"/usr/share/applications/org.portaldesk.portaldesk.desktop || fail "desktop-file-validate"
grep -q '^Comment\[es\]=' "$root"/usr/share/applications/org.portaldesk.portaldesk.desktop || fail "no Comment[es]"
appstreamcli validate --pedantic --no-net "$root"/usr/share/metainfo/org.portaldesk.portaldesk.metainfo.xml \
    | tee "$work/appstream.txt" || fail "appstreamcli validate"
if grep -E '^[EWIP]:' "$work/appstream.txt"; then fail "appstreamcli has remarks"; fi
for size in 16 32 48 64 128 256 512; do
    [ -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.portaldesk.portaldesk.png" ] || fail "no ${size}px icon"
done
[ -s "$root/usr/share/icons/hicolor/scalable/apps/org.portaldesk.portaldesk.svg" ] || fail "no SVG icon"

step "systemd"
# verify resolves the units against the package's tree, with the host's own units for the targets.
cp -an /lib/systemd/system/. "$units"/ 2>/dev/null || true
MANPATH=$root/usr/share/man systemd-analyze verify --root="$root" /lib/systemd/system/portaldesk-daily.service \
    /lib/systemd/system/portaldesk-daily.timer /lib/systemd/system/portaldesk-mail.service \
    /lib/systemd/system/portaldesk-feed.service 2>&1 | tee "$work/verify.txt"
[ -s "$work/verify.txt" ] && fail "systemd-analyze verify has remarks"
for unit in portaldesk-daily portaldesk-mail portaldesk-feed; do
    systemd-analyze security --offline=true --root="$root" "/lib/systemd/system/$unit.service" >"$work/security.txt" 2>&1 ||
        true
    level=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$work/security.txt")
    echo "$unit: exposure $level"
    [ -n "$level" ] || { cat "$work/security.txt"; fail "no exposure level for $unit"; }
    awk -v l="$level" 'BEGIN { exit !(l <= 3.0) }' || fail "$unit exposure $level is above 3.0"
    grep -q '^User=portaldesk$' "$units/$unit.service" || fail "$unit does not run as portaldesk"
    grep -q '^LoadCredential=pgpass:/etc/portaldesk/' "$units/$unit.service" || fail "$unit has no password credential"
    grep -q 'PGPASSWORD' "$units/$unit.service" && fail "$unit passes a password in the environment"
    grep -q "^ExecStart=/usr/bin/portaldesk-cli " "$units/$unit.service" || fail "$unit's ExecStart is not /usr/bin"
done
grep -q '^u portaldesk ' "$root/usr/lib/sysusers.d/portaldesk.conf" || fail "no sysusers.d user"
dpkg-deb -e "$work"/debs/portaldesk-server_*.deb "$work/server-control"
grep -q 'systemd-sysusers' "$work/server-control/postinst" || fail "the user is not made on installation"
# The services' folder exists from installation on, so the documented set-up can make the database in it.
grep -q '^d /var/lib/portaldesk 0700 portaldesk portaldesk' "$root/usr/lib/tmpfiles.d/portaldesk.conf" ||
    fail "no tmpfiles.d entry for /var/lib/portaldesk"
grep -q 'systemd-tmpfiles .*--create portaldesk.conf' "$work/server-control/postinst" || fail "/var/lib/portaldesk is not made on installation"
if grep -q 'systemctl.*start' "$work/server-control/postinst"; then fail "the services start on installation"; fi

step "manual pages and completions"
man --warnings -E UTF-8 -l -Tutf8 -Z "$root/usr/share/man/man1/portaldesk-cli.1.gz" 2>&1 >/dev/null | tee "$work/man.txt"
man --warnings -E UTF-8 -l -Tutf8 -Z "$root/usr/share/man/man1/portaldesk.1.gz" 2>&1 >/dev/null | tee -a "$work/man.txt"
[ -s "$work/man.txt" ] && fail "groff warns about a manual page"
zsh -n "$root/usr/share/zsh/vendor-completions/_portaldesk-cli" || fail "the zsh completion does not parse"
bash -n "$root/usr/share/bash-completion/completions/portaldesk-cli" || fail "the bash completion does not parse"
ASAN_OPTIONS=detect_leaks=0 "$root/usr/bin/portaldesk-cli" --help >"$work/help.txt"
python3 "$src/tests/package/check_commands.py" "$src/app/cli/CommandTable.cpp" \
    "$root/usr/share/man/man1/portaldesk-cli.1.gz" "$root/usr/share/bash-completion/completions/portaldesk-cli" \
    "$root/usr/share/zsh/vendor-completions/_portaldesk-cli" "$work/help.txt"

step "versions"
"$root/usr/bin/portaldesk-cli" --version | grep -q "^portaldesk-cli [0-9]" || fail "portaldesk-cli --version"
# Without a display, as on a server: --version and --help answer in text.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/portaldesk" --version | grep -q "^PortalDesk [0-9]" ||
    fail "portaldesk --version"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/portaldesk" --db "$work/demo.sqlite" --demo --staff maria.garcia \
    --screenshot "$work/desktop.png" 2>/dev/null || fail "portaldesk --screenshot"
[ "$(stat -c %s "$work/desktop.png")" -gt 10000 ] || fail "the desktop's picture is empty"

step "the daily unit's ExecStart on a fresh embedded database"
state=$work/state
mkdir -p "$state/credentials"
# What SetCredential= hands the service when there is no password file (the embedded database).
sed -n 's/^SetCredential=pgpass://p' "$units/portaldesk-daily.service" >"$state/credentials/pgpass"
db=$state/portaldesk.sqlite
cli=$root/usr/bin/portaldesk-cli
# The set-up server.conf documents, run as written but for the folder.
sed -n 's/^#   runuser -u portaldesk -- //p; s/^#       \(staff add .*\)/\1/p' "$root/etc/portaldesk/server.conf" |
    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' >"$work/setup.txt"
[ "$(wc -l <"$work/setup.txt")" -eq 2 ] || { cat "$work/setup.txt"; fail "server.conf's set-up is not two commands"; }
while read -r line; do
    line=${line//\/var\/lib\/portaldesk\/portaldesk.sqlite/$(printf %q "$db")}
    line=${line/portaldesk-cli/$(printf %q "$cli")}
    echo "+ $line"
    eval "$line" </dev/null || fail "set-up: $line"
done <"$work/setup.txt"
exec_start=$(sed -n 's/^ExecStart=//p' "$units/portaldesk-daily.service")
staff=$(sed -n 's/^Environment=PORTALDESK_STAFF=//p' "$units/portaldesk-daily.service")
# The unit's own command, from its configuration file's database, with the clock pinned.
set -a
# shellcheck disable=SC1091
. "$root/etc/portaldesk/server.conf"
set +a
# shellcheck disable=SC2034 # read below through ${!name}
PORTALDESK_DAILY_DB=$db
# As systemd reads it: words split at spaces, each ${NAME} one word with that variable's value.
read -r -a words <<<"$exec_start"
argv=()
for word in "${words[@]}"; do
    if [[ $word =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$ ]]; then
        argv+=("${!BASH_REMATCH[1]}")
    elif [ "$word" = /usr/bin/portaldesk-cli ]; then
        argv+=("$cli")
    else
        argv+=("$word")
    fi
done
echo "+ ${argv[*]}"
env PORTALDESK_STAFF="$staff" PGPASSFILE="$state/credentials/pgpass" PORTALDESK_SYSLOG_ECHO=1 \
    "${argv[0]}" --now 2026-12-07T00:15:00 "${argv[@]:1}" >"$work/daily.out" 2>"$work/daily.err" ||
    { cat "$work/daily.out" "$work/daily.err"; fail "the daily unit's command failed"; }
cat "$work/daily.out"
python3 - "$work/daily.err" <<'PY'
import json, sys
lines = [l.split(": ", 1)[1] for l in open(sys.argv[1], encoding="utf-8") if l.startswith("portaldesk[") and '"event"' in l]
assert len(lines) == 1, f"expected one summary line, got {lines}"
summary = json.loads(lines[0])
assert summary["event"] == "portaldesk.daily" and summary["ok"] is True, summary
assert summary["at"].startswith("2026-12-07T08:15:00"), summary
print("journal line:", lines[0].strip())
PY
echo
echo "packages: OK"

#!/usr/bin/env bash
# bash packaging/build-deb.sh OUTDIR: builds PortalDesk's Debian packages (portaldesk, portaldesk-cli,
# portaldesk-server) into OUTDIR with debhelper, from a copy of this tree. Installs what it needs on
# Debian 12 (through sudo only when not root).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-deb.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)

PORTALDESK_EXTRA_PACKAGES="debhelper dpkg-dev ${PORTALDESK_EXTRA_PACKAGES:-}" bash "$here/packaging/install-deps.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/portaldesk-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
src="$work/portaldesk-$(sed -n '1s/^portaldesk (\([^)]*\)).*/\1/p' "$here/packaging/debian/changelog")"
mkdir -p "$src"
# The sources only: no build folders, databases or version-control files.
tar -C "$here" --exclude='./build*' --exclude='./.git' --exclude='*.sqlite*' -cf - . | tar -C "$src" -xf -
cp -r "$here/packaging/debian" "$src/debian"

cd "$src"
# Debug symbols stay out: the packages are what workstations install.
DEB_BUILD_OPTIONS="noautodbgsym parallel=$(nproc 2>/dev/null || echo 2) ${DEB_BUILD_OPTIONS:-}" \
    dpkg-buildpackage -b -us -uc --no-sign >"$work/build.log" 2>&1 || {
    tail -n 60 "$work/build.log" >&2
    echo "build-deb.sh: dpkg-buildpackage failed (the last lines are above)" >&2
    exit 1
}
mv "$work"/*.deb "$out"/
ls -1 "$out"/*.deb

#!/usr/bin/env bash
# Installs what PortalDesk needs to build and test on Debian 12 (bookworm) or a derivative.
# Uses sudo only when not already root; does nothing when everything is present.
set -euo pipefail

packages=(
    ca-certificates cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
    qt6-qpa-plugins qt6-translations-l10n fonts-dejavu-core
    libqt6sql6-sqlite libqt6sql6-psql
    libssl-dev openssl sqlite3 tzdata locales python3 python3-aiosmtpd python3-hl7
    postgresql util-linux
    man-db zsh libxml2-utils libplist-utils
)
# Callers may ask for more (the demo adds fonts): PORTALDESK_EXTRA_PACKAGES="a b".
read -r -a extra <<<"${PORTALDESK_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "PortalDesk needs these packages and neither root nor sudo is available: ${missing[*]}" >&2
    exit 1
fi

echo "Installing: ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null

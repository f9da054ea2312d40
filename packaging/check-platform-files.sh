#!/usr/bin/env bash
# Checks the Windows and macOS packaging files as configured in a build tree, on the machine that builds:
# every XML file is well formed, every property list parses, the version resources carry the project's
# version, the scheduled jobs run the daily command at 00:15, and the MSI keeps its upgrade code.
# Usage: check-platform-files.sh SOURCE_DIR BUILD_DIR   (CTest runs it as package-platform-files)
# Installs xmllint and plistutil when missing (Debian, through install-deps.sh).
set -euo pipefail

src=${1:?usage: check-platform-files.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: check-platform-files.sh SOURCE_DIR BUILD_DIR}
pkg="$src/packaging"
out="$build/packaging"

# The upgrade code every PortalDesk MSI has carried: a different one would install beside the old version.
upgrade_guid=7A700789-A9E3-43F2-ABE2-C4E99080F406

# --- Tools -------------------------------------------------------------------------------------------------
# packaging/install-deps.sh brings them on Debian; macOS has plutil instead of libplist's plistutil.
if ! command -v xmllint >/dev/null 2>&1 || { ! command -v plutil >/dev/null 2>&1 && ! command -v plistutil >/dev/null 2>&1; }; then
    if command -v apt-get >/dev/null 2>&1; then
        bash "$pkg/install-deps.sh"
    else
        echo "Needed and not installed: xmllint, and plutil or plistutil" >&2
        exit 1
    fi
fi

# --- Checks ------------------------------------------------------------------------------------------------
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
# "ok" for a group of checks only when none of them failed since the count given.
pass_since() {
    if [ "$failures" -eq "$1" ]; then pass "$2"; fi
}

require_file() {
    [ -f "$1" ] || { fail "missing $1 (configure the build tree with Deploy.cmake included)"; return 1; }
}

# The value of an XPath expression.
xpath() {
    xmllint --xpath "$2" "$1" 2>/dev/null || true
}
# A copy without the default namespace (Task Scheduler's, WiX's), for plain XPath.
plain() {
    local copy
    copy="$work/$(basename "$1")"
    sed 's/ xmlns="[^"]*"//' "$1" >"$copy"
    echo "$copy"
}

well_formed() {
    if xmllint --noout "$1"; then pass "well-formed XML: ${1#"$build/"}"; else fail "not well-formed: $1"; fi
}

# A property list must be well-formed XML, parse as a property list, and have nothing left to configure.
plist_ok() {
    local f=$1 start=$failures
    well_formed "$f"
    if command -v plutil >/dev/null 2>&1; then
        plutil -lint "$f" >/dev/null || fail "plutil rejects $f"
    else
        # plistutil (libplist 2.2) exits 0 even when it can't read a file, and reads loosely: convert to
        # binary and back, and compare what came through.
        local bin="$work/plist.bin" xml="$work/plist.xml" said
        rm -f "$bin" "$xml"
        said=$({ plistutil -i "$f" -f bin -o "$bin" && plistutil -i "$bin" -f xml -o "$xml"; } 2>&1) ||
            said="${said:-plistutil failed}"
        if [ -n "$said" ] || [ ! -s "$xml" ]; then
            fail "plistutil can't read $f: $said"
        elif [ "$(xpath "$xml" 'count(//key)')" != "$(xpath "$f" 'count(//key)')" ]; then
            fail "plistutil reads different keys from $f"
        fi
    fi
    # Whichever tool read it: no key without its value, no number that isn't one.
    xmllint --xpath '//dict[count(key) != count(*[not(self::key)])]' "$f" >/dev/null 2>&1 &&
        fail "a <dict> in $f has a key without a value (or the other way round)"
    local digits="translate(normalize-space(.), '-0123456789', '')"
    xmllint --xpath "//integer[$digits != '' or normalize-space(.) = '']" "$f" >/dev/null 2>&1 &&
        fail "an <integer> in $f is not a whole number"
    if grep -n '@[A-Za-z_]*@' "$f"; then fail "unconfigured @VARIABLE@ in $f"; fi
    pass_since "$start" "property list: ${f#"$build/"}"
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || { echo "No CMAKE_PROJECT_VERSION in $build/CMakeCache.txt" >&2; exit 1; }
IFS=. read -r major minor patch tweak <<<"$version"
rc_version="${major},${minor:-0},${patch:-0},${tweak:-0}"
quad_version="${major}.${minor:-0}.${patch:-0}.${tweak:-0}"

# Windows: version resources, one per program.
for program in portaldesk portaldesk-cli; do
    rc="$out/windows/$program.rc"
    start=$failures
    require_file "$rc" || continue
    grep -q "^FILEVERSION $rc_version\$" "$rc" || fail "$rc: FILEVERSION is not $rc_version"
    grep -q "^PRODUCTVERSION $rc_version\$" "$rc" || fail "$rc: PRODUCTVERSION is not $rc_version"
    grep -q "VALUE \"FileVersion\", \"$quad_version\"" "$rc" || fail "$rc: FileVersion is not $quad_version"
    grep -q "VALUE \"ProductVersion\", \"$version\"" "$rc" || fail "$rc: ProductVersion is not $version"
    grep -q "VALUE \"OriginalFilename\", \"$program.exe\"" "$rc" ||
        fail "$rc: OriginalFilename is not $program.exe"
    for field in CompanyName FileDescription LegalCopyright ProductName InternalName; do
        grep -q "VALUE \"$field\", \"[^\"]" "$rc" || fail "$rc: $field is empty"
    done
    if grep -n '@[A-Za-z_]*@' "$rc"; then fail "unconfigured @VARIABLE@ in $rc"; fi
    pass_since "$start" "version resource: ${rc#"$build/"} ($version)"
done

# Windows: the daily task.
task="$out/windows/portaldesk-daily.xml"
start=$failures
if require_file "$task"; then
    well_formed "$task"
    t=$(plain "$task")
    [ "$(xpath "$t" 'string(/Task/Triggers/CalendarTrigger/StartBoundary)')" = 2025-01-01T00:15:00 ] ||
        fail "$task: the trigger is not at 00:15 local time"
    [ "$(xpath "$t" 'string(/Task/Triggers/CalendarTrigger/ScheduleByDay/DaysInterval)')" = 1 ] ||
        fail "$task: the trigger is not daily"
    [ "$(xpath "$t" 'string(/Task/Settings/StartWhenAvailable)')" = true ] ||
        fail "$task: missed runs are not caught up (StartWhenAvailable)"
    [ "$(xpath "$t" 'string(/Task/Principals/Principal/LogonType)')" = Password ] ||
        fail "$task: does not run whether the account is signed in or not"
    command=$(xpath "$t" 'string(/Task/Actions/Exec/Command)')
    case "$command" in
        *'\portaldesk-cli.exe') ;;
        *) fail "$task: runs '$command', not portaldesk-cli.exe" ;;
    esac
    arguments=$(xpath "$t" 'string(/Task/Actions/Exec/Arguments)')
    case "$arguments" in
        '--db "'*'" daily') ;;
        *) fail "$task: arguments '$arguments', not --db \"…\" daily" ;;
    esac
    if grep -n '@[A-Za-z_]*@' "$task"; then fail "unconfigured @VARIABLE@ in $task"; fi
    # schtasks reads the encoding the declaration names: it must match the bytes.
    head -n 1 "$task" | grep -q '^<?xml version="1.0" encoding="UTF-8"?>' ||
        fail "$task: no UTF-8 declaration"
    if LC_ALL=C grep -q $'[\x80-\xff]' "$task"; then fail "$task: not plain ASCII"; fi
    pass_since "$start" "daily task: runs '$command $arguments' at 00:15"
fi

# Windows: the MSI's database preset and its patch.
wxs="$out/windows/portaldesk-settings.wxs"
start=$failures
if require_file "$wxs"; then
    well_formed "$wxs"
    w=$(plain "$wxs")
    [ "$(xpath "$w" "string(/Wix/Fragment/Property[@Id='PORTALDESK_DATABASE']/@Secure)")" = yes ] ||
        fail "$wxs: PORTALDESK_DATABASE is not a secure property"
    component=$(xpath "$w" 'string(/Wix/Fragment/DirectoryRef/Component/@Id)')
    value=/Wix/Fragment/DirectoryRef/Component/RegistryValue
    [ "$(xpath "$w" "string($value/@Root)")" = HKLM ] || fail "$wxs: not written to HKLM"
    [ "$(xpath "$w" "string($value/@Key)")" = 'Software\PortalDesk\PortalDesk\database' ] ||
        fail "$wxs: not QSettings' key Software\\PortalDesk\\PortalDesk\\database"
    [ "$(xpath "$w" "string($value/@Name)")" = location ] || fail "$wxs: not the value 'location'"
    [ "$(xpath "$w" "string($value/@Value)")" = '[PORTALDESK_DATABASE]' ] ||
        fail "$wxs: does not write PORTALDESK_DATABASE"
    # An upgrade reads back what the installed version wrote, from the same place.
    search=/Wix/Fragment/Property/RegistrySearch
    for attribute in Root Key Name; do
        [ "$(xpath "$w" "string($search/@$attribute)")" = "$(xpath "$w" "string($value/@$attribute)")" ] ||
            fail "$wxs: the upgrade reads $attribute '$(xpath "$w" "string($search/@$attribute)")' elsewhere"
    done
    if grep -n '@[A-Za-z_]*@' "$wxs"; then fail "unconfigured @VARIABLE@ in $wxs"; fi
    patch="$out/windows/wix-patch.xml"
    if require_file "$patch"; then
        well_formed "$patch"
        feature="/CPackWiXPatch/CPackWiXFragment[@Id='#PRODUCTFEATURE']"
        [ "$(xpath "$patch" "string($feature/ComponentRef/@Id)")" = "$component" ] ||
            fail "$patch: does not add $component to the product's feature"
    fi
    pass_since "$start" "MSI: PORTALDESK_DATABASE -> HKLM\\$(xpath "$w" "string($value/@Key)")\\location"
fi

# Windows: the upgrade code, where it is set and, on a Windows build tree, where CPack reads it.
deploy="$pkg/cmake/Deploy.cmake"
set_guid=$(sed -n 's/^set(PD_WIX_UPGRADE_GUID "\([^"]*\)")$/\1/p' "$deploy")
[ "$set_guid" = "$upgrade_guid" ] ||
    fail "$deploy: the MSI upgrade code is '$set_guid'; it must stay $upgrade_guid"
if [ -f "$build/CPackConfig.cmake" ] && grep -q CPACK_WIX_UPGRADE_GUID "$build/CPackConfig.cmake"; then
    grep -q "set(CPACK_WIX_UPGRADE_GUID \"$upgrade_guid\")" "$build/CPackConfig.cmake" ||
        fail "$build/CPackConfig.cmake: CPACK_WIX_UPGRADE_GUID is not $upgrade_guid"
fi
if [ "$set_guid" = "$upgrade_guid" ]; then pass "MSI upgrade code: $upgrade_guid"; fi

# macOS: the bundle's Info.plist (CMake puts in the executable's name when it builds the bundle).
info="$out/macos/Info.plist"
if require_file "$info"; then
    plist_ok "$info"
    key() { xpath "$info" "string(/plist/dict/key[.='$1']/following-sibling::*[1])"; }
    [ "$(key CFBundleIdentifier)" = "org.portaldesk.PortalDesk" ] || fail "$info: CFBundleIdentifier"
    [ "$(key CFBundleShortVersionString)" = "$version" ] ||
        fail "$info: CFBundleShortVersionString is not $version"
    [ "$(key CFBundleVersion)" = "$version" ] || fail "$info: CFBundleVersion is not $version"
    # shellcheck disable=SC2016 # CMake's own placeholder, literally
    [ "$(key CFBundleExecutable)" = '${MACOSX_BUNDLE_EXECUTABLE_NAME}' ] || fail "$info: CFBundleExecutable"
    [ "$(key CFBundleIconFile)" != "" ] || fail "$info: no CFBundleIconFile"
    high_res="/plist/dict/key[.='NSHighResolutionCapable']/following-sibling::*[1]"
    [ "$(xpath "$info" "name($high_res)")" = true ] ||
        fail "$info: not NSHighResolutionCapable"
    for k in CFBundleName CFBundleDisplayName LSMinimumSystemVersion NSHumanReadableCopyright; do
        [ -n "$(key "$k")" ] || fail "$info: $k is empty"
    done
fi

# macOS: the launchd job.
job="$out/macos/org.portaldesk.PortalDesk.daily.plist"
start=$failures
if require_file "$job"; then
    plist_ok "$job"
    jkey() { xpath "$job" "string(/plist/dict/key[.='$1']/following-sibling::*[1]${2:-})"; }
    [ "$(jkey Label)" = "org.portaldesk.PortalDesk.daily" ] || fail "$job: Label"
    hour=$(jkey StartCalendarInterval "/key[.='Hour']/following-sibling::integer[1]")
    minute=$(jkey StartCalendarInterval "/key[.='Minute']/following-sibling::integer[1]")
    [ "$hour:$minute" = 0:15 ] || fail "$job: runs at $hour:$minute, not 00:15"
    array="/plist/dict/key[.='ProgramArguments']/following-sibling::array[1]"
    args=()
    for ((i = 1; i <= $(xpath "$job" "count($array/string)"); i++)); do
        args+=("$(xpath "$job" "string($array/string[$i])")")
    done
    case "${#args[@]}|${args[0]:-}|${args[1]:-}|${args[3]:-}" in
        "4|/Applications/PortalDesk.app/Contents/MacOS/portaldesk-cli|--db|daily") ;;
        *) fail "$job: runs '${args[*]}', not portaldesk-cli --db … daily" ;;
    esac
    [ -n "$(jkey UserName)" ] || fail "$job: no UserName"
    [ -n "$(jkey StandardErrorPath)" ] || fail "$job: no StandardErrorPath"
    pass_since "$start" "launchd job: runs '${args[*]}' at 00:15"
fi

# macOS: files used as they are.
for f in "$pkg/macos/entitlements.plist" "$pkg/macos/org.portaldesk.PortalDesk.defaults.plist"; do
    plist_ok "$f"
done
defaults="$pkg/macos/org.portaldesk.PortalDesk.defaults.plist"
[ -n "$(xpath "$defaults" "string(/plist/dict/key[.='database.location']/following-sibling::string[1])")" ] ||
    fail "$defaults: no database.location (QSettings' database/location on macOS)"
entitlements="$pkg/macos/entitlements.plist"
[ "$(xpath "$entitlements" "count(//key[.='com.apple.security.get-task-allow'])")" = 0 ] ||
    fail "entitlements.plist: get-task-allow is refused by notarization"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "All platform files check out."

# Windows and macOS packaging: version resources, the app bundle, one Qt deployment for both programs, the
# libraries Qt's deployment tools leave out, signing, notarization, and the MSI and the DMG.
#
# Included at the end of the top-level CMakeLists.txt, once portaldesk and portaldesk-cli exist. Linux
# packages are made elsewhere: on Linux this file only writes the configured platform files into the build
# tree (cheap, and the package test checks them there) and registers that test.
include_guard(GLOBAL)
include(GNUInstallDirs)

foreach(pd_target IN ITEMS portaldesk portaldesk-cli)
    if(NOT TARGET ${pd_target})
        message(FATAL_ERROR "Deploy.cmake needs the target ${pd_target}: include it after both programs")
    endif()
endforeach()

get_filename_component(PD_PACKAGING_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(PD_PACKAGING_BINARY_DIR "${CMAKE_BINARY_DIR}/packaging")

# --- Identity -----------------------------------------------------------------------------------------------
# QSettings finds the workstation's settings from the names Startup sets (organization PortalDesk, domain
# portaldesk.org, application PortalDesk): HKLM\Software\PortalDesk\PortalDesk is the machine-wide fallback
# on Windows, and on macOS the preferences domain is org.portaldesk.PortalDesk, the bundle's id. The
# installers preset the database there, so the names must agree.
set(PD_PRODUCT_NAME "PortalDesk")
set(PD_VENDOR "PortalDesk")
set(PD_BUNDLE_ID "org.portaldesk.PortalDesk")
set(PD_MACOS_APP "${PD_PRODUCT_NAME}.app")
set(PD_REGISTRY_KEY "Software\\${PD_VENDOR}\\${PD_PRODUCT_NAME}")
string(TIMESTAMP PD_YEAR "%Y" UTC)
set(PD_COPYRIGHT "Copyright (C) ${PD_YEAR} The PortalDesk developers")
set(PD_DESCRIPTION "${PortalDesk_DESCRIPTION}")

# Every PortalDesk MSI carries this upgrade code: it is how Windows Installer knows a new version replaces
# the one installed instead of going in beside it. It must never change.
set(PD_WIX_UPGRADE_GUID "7A700789-A9E3-43F2-ABE2-C4E99080F406")
# The MSI component that writes the preset database address. Windows Installer tracks the registry value
# by this GUID across versions, so it must never change either.
set(PD_WIX_DATABASE_COMPONENT_GUID "3F78B53E-A9A5-498A-A160-E1E8C06DCE0E")

# Windows versions have four numbers.
foreach(pd_part IN ITEMS MAJOR MINOR PATCH TWEAK)
    set(PD_VERSION_${pd_part} "${PortalDesk_VERSION_${pd_part}}")
    if(PD_VERSION_${pd_part} STREQUAL "")
        set(PD_VERSION_${pd_part} 0)
    endif()
endforeach()
set(PD_VERSION "${PortalDesk_VERSION}")
set(PD_VERSION_RC "${PD_VERSION_MAJOR},${PD_VERSION_MINOR},${PD_VERSION_PATCH},${PD_VERSION_TWEAK}")
set(PD_VERSION_QUAD "${PD_VERSION_MAJOR}.${PD_VERSION_MINOR}.${PD_VERSION_PATCH}.${PD_VERSION_TWEAK}")

# The icons are made in resources/icons, which names the files in PD_ICON_ICO and PD_ICON_ICNS (cache
# variables, or global properties) and builds them with the target portaldesk_icons.
foreach(pd_icon IN ITEMS PD_ICON_ICO PD_ICON_ICNS)
    if(NOT ${pd_icon})
        get_property(${pd_icon} GLOBAL PROPERTY ${pd_icon})
    endif()
endforeach()

# --- Files configured on every platform ---------------------------------------------------------------------
function(pd_xml_escape out text)
    string(REPLACE "&" "&amp;" text "${text}")
    string(REPLACE "<" "&lt;" text "${text}")
    string(REPLACE ">" "&gt;" text "${text}")
    string(REPLACE "\"" "&quot;" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(PORTALDESK_DAILY_DATABASE "" CACHE STRING
    "The database the daily job's Windows task and macOS launchd job open (empty: a placeholder to edit)")
if(PORTALDESK_DAILY_DATABASE)
    set(pd_windows_daily_db "${PORTALDESK_DAILY_DATABASE}")
    set(pd_macos_daily_db "${PORTALDESK_DAILY_DATABASE}")
else()
    set(pd_daily_db_base "postgresql://portaldesk-daily@db.hospital.example/portaldesk?sslmode=verify-full")
    set(pd_windows_daily_db "${pd_daily_db_base}&sslrootcert=C:/ProgramData/PortalDesk/db-ca.pem")
    set(pd_macos_daily_db "${pd_daily_db_base}&sslrootcert=/etc/portaldesk/db-ca.pem")
endif()
pd_xml_escape(PD_WINDOWS_DAILY_DATABASE_XML "${pd_windows_daily_db}")
pd_xml_escape(PD_MACOS_DAILY_DATABASE_XML "${pd_macos_daily_db}")

foreach(pd_target IN ITEMS portaldesk portaldesk-cli)
    get_target_property(pd_name ${pd_target} OUTPUT_NAME)
    if(NOT pd_name)
        set(pd_name "${pd_target}")
    endif()
    string(MAKE_C_IDENTIFIER "${pd_target}" pd_id)
    set(pd_output_name_${pd_id} "${pd_name}")
endforeach()
# Where the MSI puts the command line and the task file (CPACK_PACKAGE_INSTALL_DIRECTORY below).
string(REPLACE "/" "\\" pd_windows_bindir "${CMAKE_INSTALL_BINDIR}")
string(REPLACE "/" "\\" pd_windows_datadir "${CMAKE_INSTALL_DATADIR}")
set(pd_windows_root "%ProgramFiles%\\${PD_PRODUCT_NAME}")
set(PD_WINDOWS_CLI "${pd_windows_root}\\${pd_windows_bindir}\\${pd_output_name_portaldesk_cli}.exe")
set(PD_WINDOWS_TASK_XML "${pd_windows_root}\\${pd_windows_datadir}\\portaldesk\\portaldesk-daily.xml")
set(PD_MACOS_CLI "/Applications/${PD_MACOS_APP}/Contents/MacOS/${pd_output_name_portaldesk_cli}")

configure_file("${PD_PACKAGING_DIR}/windows/portaldesk-daily.xml.in"
    "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk-daily.xml" @ONLY)
configure_file("${PD_PACKAGING_DIR}/windows/portaldesk-settings.wxs.in"
    "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk-settings.wxs" @ONLY)
configure_file("${PD_PACKAGING_DIR}/windows/wix-patch.xml"
    "${PD_PACKAGING_BINARY_DIR}/windows/wix-patch.xml" COPYONLY)

# One version resource per program, both with the icon.
set(PD_RC_HAVE_ICON 0)
set(PD_RC_ICON "")
if(PD_ICON_ICO)
    set(PD_RC_HAVE_ICON 1)
    file(TO_CMAKE_PATH "${PD_ICON_ICO}" PD_RC_ICON)
endif()
set(PD_RC_FILETYPE VFT_APP)
set(PD_RC_ORIGINAL_FILENAME "${pd_output_name_portaldesk}.exe")
set(PD_RC_INTERNAL_NAME "${pd_output_name_portaldesk}")
set(PD_RC_DESCRIPTION "${PD_PRODUCT_NAME}")
configure_file("${PD_PACKAGING_DIR}/windows/portaldesk.rc.in"
    "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk.rc" @ONLY)
set(PD_RC_ORIGINAL_FILENAME "${pd_output_name_portaldesk_cli}.exe")
set(PD_RC_INTERNAL_NAME "${pd_output_name_portaldesk_cli}")
set(PD_RC_DESCRIPTION "${PD_PRODUCT_NAME} command line")
configure_file("${PD_PACKAGING_DIR}/windows/portaldesk.rc.in"
    "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk-cli.rc" @ONLY)

# The oldest macOS the Qt in use runs on, unless the build says otherwise.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(PD_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}")
elseif(Qt6_VERSION VERSION_LESS 6.5)
    set(PD_MACOS_MINIMUM "10.14")
elseif(Qt6_VERSION VERSION_LESS 6.8)
    set(PD_MACOS_MINIMUM "11.0")
else()
    set(PD_MACOS_MINIMUM "12.0")
endif()
set(PD_MACOS_ICON_FILE "PortalDesk.icns")
if(PD_ICON_ICNS)
    get_filename_component(PD_MACOS_ICON_FILE "${PD_ICON_ICNS}" NAME)
endif()
pd_xml_escape(PD_COPYRIGHT_XML "${PD_COPYRIGHT}")
# CMake configures the bundle's Info.plist a second time, for ${MACOSX_BUNDLE_EXECUTABLE_NAME}.
configure_file("${PD_PACKAGING_DIR}/macos/Info.plist.in" "${PD_PACKAGING_BINARY_DIR}/macos/Info.plist" @ONLY)
configure_file("${PD_PACKAGING_DIR}/macos/org.portaldesk.PortalDesk.daily.plist.in"
    "${PD_PACKAGING_BINARY_DIR}/macos/${PD_BUNDLE_ID}.daily.plist" @ONLY)

# --- Windows: resources, runtime libraries, signing ---------------------------------------------------------
if(WIN32)
    target_sources(portaldesk PRIVATE "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk.rc")
    target_sources(portaldesk-cli PRIVATE "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk-cli.rc")
    if(NOT PD_ICON_ICO)
        message(WARNING "PD_ICON_ICO is not set: the Windows programs and the MSI have no icon")
    endif()

    # windeployqt deploys Qt's own libraries and plugins only. OpenSSL (PortalDesk links libcrypto, and
    # Qt's TLS backend loads libssl) and libpq (Qt's PostgreSQL driver loads it) go next to the programs.
    set(PORTALDESK_WINDOWS_RUNTIME_DLLS "" CACHE STRING
        "DLLs to install next to the programs instead of the OpenSSL and libpq ones found (a list of paths)")
    set(pd_runtime_problem "")
    if(NOT PORTALDESK_WINDOWS_RUNTIME_DLLS)
        set(pd_openssl_hints "")
        foreach(pd_root IN ITEMS "${OPENSSL_ROOT_DIR}" "${OpenSSL_ROOT_DIR}" "$ENV{OPENSSL_ROOT_DIR}")
            if(pd_root)
                list(APPEND pd_openssl_hints "${pd_root}/bin" "${pd_root}")
            endif()
        endforeach()
        if(OPENSSL_CRYPTO_LIBRARY)
            # The import library may sit a few levels down (lib/VC/x64/MD): look beside each parent's bin.
            get_filename_component(pd_dir "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
            foreach(pd_level RANGE 4)
                list(APPEND pd_openssl_hints "${pd_dir}/bin" "${pd_dir}")
                get_filename_component(pd_dir "${pd_dir}" DIRECTORY)
            endforeach()
        endif()
        if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(ARM64|arm64|aarch64)$")
            set(pd_openssl_suffix "-arm64")
        elseif(CMAKE_SIZEOF_VOID_P EQUAL 8)
            set(pd_openssl_suffix "-x64")
        else()
            set(pd_openssl_suffix "")
        endif()
        find_file(PD_LIBCRYPTO_DLL NAMES "libcrypto-3${pd_openssl_suffix}.dll" HINTS ${pd_openssl_hints})
        find_file(PD_LIBSSL_DLL NAMES "libssl-3${pd_openssl_suffix}.dll" HINTS ${pd_openssl_hints})

        find_package(PostgreSQL QUIET)
        set(pd_pq_hints "")
        foreach(pd_root IN ITEMS "${PostgreSQL_ROOT}" "$ENV{PostgreSQL_ROOT}")
            if(pd_root)
                list(APPEND pd_pq_hints "${pd_root}/bin")
            endif()
        endforeach()
        if(PostgreSQL_LIBRARY)
            get_filename_component(pd_dir "${PostgreSQL_LIBRARY}" DIRECTORY)
            list(APPEND pd_pq_hints "${pd_dir}/../bin" "${pd_dir}")
        endif()
        find_file(PD_LIBPQ_DLL NAMES libpq.dll HINTS ${pd_pq_hints})

        if(NOT PD_LIBCRYPTO_DLL)
            string(APPEND pd_runtime_problem " libcrypto-3${pd_openssl_suffix}.dll")
        endif()
        if(NOT PD_LIBSSL_DLL)
            string(APPEND pd_runtime_problem " libssl-3${pd_openssl_suffix}.dll")
        endif()
        if(NOT PD_LIBPQ_DLL)
            string(APPEND pd_runtime_problem " libpq.dll")
        endif()
        if(pd_runtime_problem)
            message(WARNING "Not found:${pd_runtime_problem}. The installed programs need OpenSSL 3's "
                "libcrypto/libssl DLLs and libpq.dll: set OpenSSL_ROOT_DIR and PostgreSQL_ROOT (a PostgreSQL "
                "install, whose bin holds libpq.dll and the DLLs it needs), or list every DLL in "
                "PORTALDESK_WINDOWS_RUNTIME_DLLS. Installing and packaging fail until then.")
        endif()
    endif()

    # dumpbin or objdump, for finding what libpq.dll needs at install time.
    if(MSVC)
        get_filename_component(pd_dir "${CMAKE_CXX_COMPILER}" DIRECTORY)
        find_program(PD_DUMPBIN dumpbin HINTS "${pd_dir}")
        set(pd_dependency_tool dumpbin)
        set(pd_dependency_command "${PD_DUMPBIN}")
        # The Visual C++ runtime goes in with the programs; libpq's copy in a PostgreSQL folder is skipped.
        set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
        set(CMAKE_INSTALL_UCRT_LIBRARIES OFF)
        include(InstallRequiredSystemLibraries)
        set(pd_skip_dlls "^(vcruntime|msvcp|concrt|vccorlib|ucrtbase)")
    else()
        set(pd_dependency_tool objdump)
        set(pd_dependency_command "${CMAKE_OBJDUMP}")
        set(pd_skip_dlls "")
    endif()

    # Signing with signtool: a certificate in the Windows certificate store (its SHA-1 thumbprint), a PFX
    # file, or whatever PORTALDESK_SIGNTOOL_OPTIONS names (a hardware or cloud key). A PFX's password comes
    # from the environment variable PORTALDESK_SIGN_PFX_PASSWORD when signing, never from the cache.
    set(PORTALDESK_SIGN_CERT "" CACHE STRING "SHA-1 thumbprint of the code-signing certificate in the store")
    set(PORTALDESK_SIGN_PFX "" CACHE FILEPATH "Code-signing certificate as a PFX file")
    set(PORTALDESK_SIGNTOOL_OPTIONS "" CACHE STRING "Further signtool sign options (a list)")
    set(PORTALDESK_SIGN_TIMESTAMP_URL "" CACHE STRING "RFC 3161 timestamp server for signtool /tr")
    set(pd_signing OFF)
    if(PORTALDESK_SIGN_CERT OR PORTALDESK_SIGN_PFX OR PORTALDESK_SIGNTOOL_OPTIONS)
        set(pd_signing ON)
        if(NOT PORTALDESK_SIGN_TIMESTAMP_URL)
            # Without a timestamp the signature dies with the certificate.
            message(FATAL_ERROR
                "Signing needs PORTALDESK_SIGN_TIMESTAMP_URL (the certificate seller's RFC 3161 server)")
        endif()
        set(pd_kits_bins "")
        set(pd_program_files_x86 "ProgramFiles(x86)")
        foreach(pd_kits IN ITEMS "$ENV{${pd_program_files_x86}}" "$ENV{ProgramFiles}")
            file(TO_CMAKE_PATH "${pd_kits}" pd_kits)
            file(GLOB pd_found LIST_DIRECTORIES true "${pd_kits}/Windows Kits/10/bin/10.*/x64")
            list(SORT pd_found COMPARE NATURAL ORDER DESCENDING)
            list(APPEND pd_kits_bins ${pd_found})
        endforeach()
        find_program(PORTALDESK_SIGNTOOL signtool HINTS ${pd_kits_bins})
        if(NOT PORTALDESK_SIGNTOOL)
            message(FATAL_ERROR "Signing needs signtool.exe (Windows SDK): set PORTALDESK_SIGNTOOL to it")
        endif()
    endif()
endif()

# --- macOS: the bundle --------------------------------------------------------------------------------------
if(APPLE)
    set_target_properties(portaldesk PROPERTIES
        OUTPUT_NAME "${PD_PRODUCT_NAME}"
        MACOSX_BUNDLE TRUE
        MACOSX_BUNDLE_INFO_PLIST "${PD_PACKAGING_BINARY_DIR}/macos/Info.plist"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${PD_BUNDLE_ID}"
        XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER "${PD_BUNDLE_ID}")
    # Both programs live in Contents/MacOS and find the bundled Qt in Contents/Frameworks.
    set_target_properties(portaldesk portaldesk-cli PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")
    if(PD_ICON_ICNS)
        target_sources(portaldesk PRIVATE "${PD_ICON_ICNS}")
        set_source_files_properties("${PD_ICON_ICNS}" TARGET_DIRECTORY portaldesk
            PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED TRUE)
    else()
        message(WARNING "PD_ICON_ICNS is not set: the app bundle and the DMG have no icon")
    endif()
    # The command line goes inside the bundle, so one signature and one notarization cover both and the
    # deployed Qt serves both.
    install(TARGETS portaldesk-cli RUNTIME DESTINATION "${PD_MACOS_APP}/Contents/MacOS")

    set(PORTALDESK_MACOS_SIGN_IDENTITY "" CACHE STRING
        "codesign identity, e.g. \"Developer ID Application: Hospital (TEAMID)\" (empty: not signed)")
    set(PORTALDESK_NOTARY_PROFILE "" CACHE STRING
        "notarytool keychain profile (xcrun notarytool store-credentials) to notarize the app and the DMG")
    if(PORTALDESK_NOTARY_PROFILE AND NOT PORTALDESK_MACOS_SIGN_IDENTITY)
        message(FATAL_ERROR "Notarization needs a signed app: set PORTALDESK_MACOS_SIGN_IDENTITY too")
    endif()
endif()

if(TARGET portaldesk_icons)
    add_dependencies(portaldesk portaldesk_icons)
    add_dependencies(portaldesk-cli portaldesk_icons)
endif()

# --- The files that go with the programs: before the deployment, whose last step signs the bundle -----------
if(WIN32)
    install(FILES "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk-daily.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/portaldesk")
endif()
if(APPLE)
    install(FILES "${PD_PACKAGING_BINARY_DIR}/macos/${PD_BUNDLE_ID}.daily.plist"
        "${PD_PACKAGING_DIR}/macos/${PD_BUNDLE_ID}.defaults.plist"
        DESTINATION "${PD_MACOS_APP}/Contents/Resources")
endif()
if(WIN32 OR APPLE)
    set(pd_notices "")
    foreach(pd_notice IN ITEMS "${PortalDesk_SOURCE_DIR}/LICENSE" "${PD_PACKAGING_DIR}/THIRD-PARTY-NOTICES")
        if(EXISTS "${pd_notice}")
            list(APPEND pd_notices "${pd_notice}")
        endif()
    endforeach()
    if(pd_notices AND WIN32)
        install(FILES ${pd_notices} DESTINATION "${CMAKE_INSTALL_DOCDIR}")
    elseif(pd_notices)
        install(FILES ${pd_notices} DESTINATION "${PD_MACOS_APP}/Contents/Resources")
    endif()
endif()

# --- Deployment, at install time: one script for both programs, run after their install rules ---------------
if(WIN32 OR APPLE)
    # Not qt_generate_deploy_app_script: it deploys one program, and on macOS it asks macdeployqt for App
    # Store compliance, which leaves out Qt's PostgreSQL driver. qt_deploy_runtime_dependencies takes the
    # command line as a further executable; NO_APP_STORE_COMPLIANCE keeps the driver.
    set(pd_deploy_options "")
    if(APPLE)
        set(pd_deploy_options NO_APP_STORE_COMPLIANCE)
    elseif(MSVC AND Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        set(pd_deploy_options NO_COMPILER_RUNTIME)  # InstallRequiredSystemLibraries installs it
    endif()

    # The SQL drivers PortalDesk needs, checked (and on Windows completed) after the Qt deployment.
    set(pd_sql_drivers "")
    set(pd_missing_drivers "")
    foreach(pd_plugin IN ITEMS QSQLiteDriverPlugin QPSQLDriverPlugin)
        if(NOT TARGET Qt6::${pd_plugin} AND EXISTS "${Qt6Sql_DIR}/Qt6${pd_plugin}Config.cmake")
            # What Qt6SqlPlugins.cmake does, for the Qt packages that leave that file out.
            include("${Qt6Sql_DIR}/Qt6${pd_plugin}Config.cmake")
        endif()
        if(TARGET Qt6::${pd_plugin})
            list(APPEND pd_sql_drivers "$<TARGET_FILE:Qt6::${pd_plugin}>")
        else()
            list(APPEND pd_missing_drivers ${pd_plugin})
        endif()
    endforeach()
    if(pd_missing_drivers)
        list(JOIN pd_missing_drivers " and " pd_list)
        message(WARNING "This Qt has no ${pd_list}: installing and packaging will fail")
    endif()

    if(WIN32)
        set(pd_deploy_body [=[
qt_deploy_runtime_dependencies(
    EXECUTABLE "${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:portaldesk>"
    ADDITIONAL_EXECUTABLES "${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:portaldesk-cli>"
    GENERATE_QT_CONF
    @pd_deploy_options@)

set(PD_SQL_DRIVERS "@pd_sql_drivers@")
set(PD_MISSING_DRIVERS "@pd_missing_drivers@")
set(PD_REMOVE_VC_REDIST "@MSVC@")
include("@PD_PACKAGING_DIR@/windows/CheckDeployment.cmake")

set(PD_RUNTIME_DLLS "@PORTALDESK_WINDOWS_RUNTIME_DLLS@")
set(PD_RUNTIME_PROBLEM "@pd_runtime_problem@")
set(PD_OPENSSL_DLLS "@PD_LIBCRYPTO_DLL@;@PD_LIBSSL_DLL@")
set(PD_LIBPQ_DLL "@PD_LIBPQ_DLL@")
set(PD_DEPENDENCY_TOOL "@pd_dependency_tool@")
set(PD_DEPENDENCY_COMMAND "@pd_dependency_command@")
set(PD_SKIP_DLLS "@pd_skip_dlls@")
include("@PD_PACKAGING_DIR@/windows/InstallRuntimeDlls.cmake")

if(@pd_signing@)
    set(PD_SIGNTOOL "@PORTALDESK_SIGNTOOL@")
    set(PD_SIGN_CERT "@PORTALDESK_SIGN_CERT@")
    set(PD_SIGN_PFX "@PORTALDESK_SIGN_PFX@")
    set(PD_SIGNTOOL_OPTIONS "@PORTALDESK_SIGNTOOL_OPTIONS@")
    set(PD_SIGN_TIMESTAMP_URL "@PORTALDESK_SIGN_TIMESTAMP_URL@")
    set(PD_SIGN_FILES
        "${QT_DEPLOY_PREFIX}/${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:portaldesk>"
        "${QT_DEPLOY_PREFIX}/${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:portaldesk-cli>")
    include("@PD_PACKAGING_DIR@/windows/Sign.cmake")
endif()
]=])
    else()
        set(pd_deploy_body [=[
qt_deploy_runtime_dependencies(
    EXECUTABLE "@PD_MACOS_APP@"
    ADDITIONAL_EXECUTABLES "@PD_MACOS_APP@/Contents/MacOS/$<TARGET_FILE_NAME:portaldesk-cli>"
    @pd_deploy_options@)

set(PD_APP "${QT_DEPLOY_PREFIX}/@PD_MACOS_APP@")
set(PD_STRAY_CLI "${QT_DEPLOY_PREFIX}/@CMAKE_INSTALL_BINDIR@/$<TARGET_FILE_NAME:portaldesk-cli>")
set(PD_SQL_DRIVERS "@pd_sql_drivers@")
set(PD_MISSING_DRIVERS "@pd_missing_drivers@")
include("@PD_PACKAGING_DIR@/macos/CheckBundle.cmake")

set(PD_SIGN_IDENTITY "@PORTALDESK_MACOS_SIGN_IDENTITY@")
if(PD_SIGN_IDENTITY)
    set(PD_ENTITLEMENTS "@PD_PACKAGING_DIR@/macos/entitlements.plist")
    include("@PD_PACKAGING_DIR@/macos/Codesign.cmake")
endif()
]=])
    endif()
    string(CONFIGURE "${pd_deploy_body}" pd_deploy_body @ONLY)

    if(COMMAND qt_generate_deploy_script)  # Qt 6.5 and later
        qt_generate_deploy_script(TARGET portaldesk NAME portaldesk-package
            OUTPUT_SCRIPT pd_deploy_script CONTENT "${pd_deploy_body}")
    else()  # Qt 6.4: the same by hand, with the deployment functions of Qt6CoreDeploySupport
        set(pd_deploy_script "${CMAKE_BINARY_DIR}/.qt/deploy_portaldesk-package-$<CONFIG>.cmake")
        file(GENERATE OUTPUT "${pd_deploy_script}"
            CONTENT "include(\"${QT_DEPLOY_SUPPORT}\")\n${pd_deploy_body}")
    endif()
    install(SCRIPT "${pd_deploy_script}")
endif()

# --- Packages: a WiX MSI on Windows, a drag-and-drop DMG on macOS -------------------------------------------
if(WIN32 OR APPLE)
    if(CPack_CMake_INCLUDED)
        message(WARNING "CPack was included before Deploy.cmake: the MSI and DMG settings here are lost")
    endif()
    set(CPACK_PACKAGE_NAME "${PD_PRODUCT_NAME}")
    set(CPACK_PACKAGE_VENDOR "${PD_VENDOR}")
    set(CPACK_PACKAGE_VERSION "${PD_VERSION}")
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PD_DESCRIPTION}")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "${PD_PRODUCT_NAME}")
    set(CPACK_PACKAGE_CHECKSUM SHA256)
    # One installer holding everything: the deployment script works on the whole installed tree, which a
    # per-component staging folder would split.
    set(CPACK_MONOLITHIC_INSTALL ON)
    string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" pd_arch)

    if(WIN32)
        set(CPACK_GENERATOR WIX)
        set(CPACK_PACKAGE_FILE_NAME "${PD_PRODUCT_NAME}-${PD_VERSION}-windows-${pd_arch}")
        # WiX 3 sources (portaldesk-settings.wxs); CPack's WiX 4 mode would need them converted.
        set(CPACK_WIX_VERSION 3)
        set(CPACK_WIX_UPGRADE_GUID "${PD_WIX_UPGRADE_GUID}")
        if(PD_ICON_ICO)
            set(CPACK_WIX_PRODUCT_ICON "${PD_ICON_ICO}")
        endif()
        # CPack WiX reads the licence as .rtf or .txt only.
        if(EXISTS "${PortalDesk_SOURCE_DIR}/LICENSE")
            configure_file("${PortalDesk_SOURCE_DIR}/LICENSE" "${PD_PACKAGING_BINARY_DIR}/windows/LICENSE.txt"
                COPYONLY)
            set(CPACK_RESOURCE_FILE_LICENSE "${PD_PACKAGING_BINARY_DIR}/windows/LICENSE.txt")
        else()
            message(WARNING "No LICENSE at the top of the source tree: the MSI shows CPack's placeholder")
        endif()
        # One Start menu entry, for everyone on the workstation.
        set(CPACK_PACKAGE_EXECUTABLES "${pd_output_name_portaldesk}" "${PD_PRODUCT_NAME}")
        set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
        if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
            set(CPACK_WIX_INSTALL_SCOPE perMachine)
        else()
            set(CPACK_WIX_PROPERTY_ALLUSERS 1)
        endif()
        set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${PD_DESCRIPTION}")
        # PORTALDESK_DATABASE=… on msiexec's command line presets the workstation's database.
        set(CPACK_WIX_EXTRA_SOURCES "${PD_PACKAGING_BINARY_DIR}/windows/portaldesk-settings.wxs")
        set(CPACK_WIX_PATCH_FILE "${PD_PACKAGING_BINARY_DIR}/windows/wix-patch.xml")
        if(pd_signing)
            set(CPACK_PD_SIGNTOOL "${PORTALDESK_SIGNTOOL}")
            set(CPACK_PD_SIGN_CERT "${PORTALDESK_SIGN_CERT}")
            set(CPACK_PD_SIGN_PFX "${PORTALDESK_SIGN_PFX}")
            set(CPACK_PD_SIGNTOOL_OPTIONS "${PORTALDESK_SIGNTOOL_OPTIONS}")
            set(CPACK_PD_SIGN_TIMESTAMP_URL "${PORTALDESK_SIGN_TIMESTAMP_URL}")
            set(CPACK_POST_BUILD_SCRIPTS "${PD_PACKAGING_DIR}/windows/Sign.cmake")
        endif()
    else()
        set(CPACK_GENERATOR DragNDrop)
        set(CPACK_PACKAGE_FILE_NAME "${PD_PRODUCT_NAME}-${PD_VERSION}-macos")
        set(CPACK_DMG_VOLUME_NAME "${PD_PRODUCT_NAME}")
        if(PD_ICON_ICNS)
            set(CPACK_PACKAGE_ICON "${PD_ICON_ICNS}")
        endif()
        if(PORTALDESK_NOTARY_PROFILE)
            set(CPACK_PD_SIGN_IDENTITY "${PORTALDESK_MACOS_SIGN_IDENTITY}")
            set(CPACK_PD_NOTARY_PROFILE "${PORTALDESK_NOTARY_PROFILE}")
            set(CPACK_PD_APP_NAME "${PD_MACOS_APP}")
            # Before the DMG is made: notarize and staple the app; after: sign, notarize and staple the DMG.
            set(CPACK_PRE_BUILD_SCRIPTS "${PD_PACKAGING_DIR}/macos/Notarize.cmake")
            set(CPACK_POST_BUILD_SCRIPTS "${PD_PACKAGING_DIR}/macos/Notarize.cmake")
        elseif(PORTALDESK_MACOS_SIGN_IDENTITY)
            set(CPACK_PD_SIGN_IDENTITY "${PORTALDESK_MACOS_SIGN_IDENTITY}")
            set(CPACK_POST_BUILD_SCRIPTS "${PD_PACKAGING_DIR}/macos/Notarize.cmake")
        endif()
    endif()
    include(CPack)
endif()

# --- The package test: the configured platform files, checked on the build machine --------------------------
if(PORTALDESK_BUILD_TESTS AND (NOT DEFINED BUILD_TESTING OR BUILD_TESTING) AND CMAKE_HOST_UNIX)
    find_program(PD_BASH bash)
    if(PD_BASH)
        add_test(NAME package-platform-files
            COMMAND "${PD_BASH}" "${PD_PACKAGING_DIR}/check-platform-files.sh"
                "${PortalDesk_SOURCE_DIR}" "${CMAKE_BINARY_DIR}")
        set_tests_properties(package-platform-files PROPERTIES LABELS package)
    endif()
endif()

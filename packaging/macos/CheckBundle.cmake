# Install time, after macdeployqt (from the deployment script Deploy.cmake generates): the bundle must hold
# both SQL drivers PortalDesk uses, and nothing in it may load a library from outside the bundle and the
# system, such as libpq or OpenSSL where the build machine keeps them. macdeployqt only prints an error
# when it can't find a library a plugin names, so this is where such a bundle stops.
#
# Set by the caller: PD_APP (the installed bundle), PD_STRAY_CLI (where a command line outside the bundle
# would be), PD_SQL_DRIVERS (the drivers' files in the Qt used to build), PD_MISSING_DRIVERS (the ones that
# Qt lacks).

# The DMG holds the bundle alone: a second, undeployed and unsigned command line beside it would not start
# on another Mac, and notarization refuses it.
if(PD_STRAY_CLI AND EXISTS "${PD_STRAY_CLI}")
    message(FATAL_ERROR "${PD_STRAY_CLI} is installed outside the bundle: on macOS the command line goes "
        "only into ${PD_APP}/Contents/MacOS (skip its other install rule on APPLE)")
endif()

if(PD_MISSING_DRIVERS)
    message(FATAL_ERROR "The Qt used to build has no ${PD_MISSING_DRIVERS}: PortalDesk can't open its "
        "databases without it. Use a Qt with the SQLite and PostgreSQL drivers.")
endif()

foreach(pd_driver IN LISTS PD_SQL_DRIVERS)
    get_filename_component(pd_name "${pd_driver}" NAME)
    if(NOT EXISTS "${PD_APP}/Contents/PlugIns/sqldrivers/${pd_name}")
        message(FATAL_ERROR "${pd_name} is not in ${PD_APP}/Contents/PlugIns/sqldrivers")
    endif()
endforeach()

file(GLOB_RECURSE pd_files LIST_DIRECTORIES false
    "${PD_APP}/Contents/MacOS/*" "${PD_APP}/Contents/Frameworks/*" "${PD_APP}/Contents/PlugIns/*")
set(pd_outside "")
foreach(pd_file IN LISTS pd_files)
    if(IS_SYMLINK "${pd_file}")
        continue()
    endif()
    execute_process(COMMAND otool -L "${pd_file}"
        RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_output ERROR_QUIET)
    if(NOT pd_result EQUAL 0 OR pd_output MATCHES "is not an object file")
        continue()
    endif()
    string(REPLACE "\n" ";" pd_lines "${pd_output}")
    foreach(pd_line IN LISTS pd_lines)
        string(STRIP "${pd_line}" pd_line)
        string(REGEX REPLACE " \\(compatibility.*$" "" pd_library "${pd_line}")
        # Lines ending in a colon name the file itself (once per architecture in a universal binary).
        if(pd_library STREQUAL "" OR pd_library MATCHES ":$" OR pd_library MATCHES "^(@|/usr/lib/|/System/)")
            continue()
        endif()
        list(APPEND pd_outside "${pd_file} -> ${pd_library}")
    endforeach()
endforeach()
if(pd_outside)
    list(JOIN pd_outside "\n  " pd_outside)
    message(FATAL_ERROR "These load libraries from outside the bundle, which other Macs don't have:\n  "
        "${pd_outside}\nInstall them where the plugin expects them (otool -L) before deploying, so that "
        "macdeployqt copies them in.")
endif()

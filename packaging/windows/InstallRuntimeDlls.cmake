# Install time (from the deployment script Deploy.cmake generates): the DLLs windeployqt leaves out, next to
# the programs. OpenSSL 3: PortalDesk links libcrypto, and Qt's TLS backend loads libssl. libpq: Qt's
# PostgreSQL driver loads it, and it needs DLLs of its own (libintl, libiconv, ... depending on the
# PostgreSQL build), which are found here by reading libpq.dll's imports.
#
# Set by the caller:
#   PD_RUNTIME_DLLS      the build machine's explicit list (PORTALDESK_WINDOWS_RUNTIME_DLLS): exactly these
#   PD_RUNTIME_PROBLEM   what the configure step did not find
#   PD_OPENSSL_DLLS, PD_LIBPQ_DLL   what it found
#   PD_DEPENDENCY_TOOL, PD_DEPENDENCY_COMMAND   dumpbin or objdump
#   PD_SKIP_DLLS         a regular expression of DLL names installed otherwise (the compiler's runtime)

# file(INSTALL) adds DESTDIR itself, hence CMAKE_INSTALL_PREFIX rather than QT_DEPLOY_PREFIX.
set(pd_destination "${CMAKE_INSTALL_PREFIX}/${QT_DEPLOY_BIN_DIR}")

if(PD_RUNTIME_DLLS)
    foreach(pd_dll IN LISTS PD_RUNTIME_DLLS)
        if(NOT EXISTS "${pd_dll}")
            message(FATAL_ERROR "PORTALDESK_WINDOWS_RUNTIME_DLLS names ${pd_dll}, which does not exist")
        endif()
    endforeach()
    file(INSTALL ${PD_RUNTIME_DLLS} DESTINATION "${pd_destination}")
    return()
endif()

if(PD_RUNTIME_PROBLEM)
    message(FATAL_ERROR "Not found when configuring:${PD_RUNTIME_PROBLEM}. Without OpenSSL's and libpq's "
        "DLLs the programs don't start or can't reach the central database: set OpenSSL_ROOT_DIR and "
        "PostgreSQL_ROOT, or PORTALDESK_WINDOWS_RUNTIME_DLLS, and configure again.")
endif()

if(NOT PD_DEPENDENCY_COMMAND OR NOT EXISTS "${PD_DEPENDENCY_COMMAND}")
    message(FATAL_ERROR "No ${PD_DEPENDENCY_TOOL} to read what libpq.dll needs: configure from a developer "
        "command prompt, or list the DLLs in PORTALDESK_WINDOWS_RUNTIME_DLLS.")
endif()
set(CMAKE_GET_RUNTIME_DEPENDENCIES_PLATFORM "windows+pe")
set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL "${PD_DEPENDENCY_TOOL}")
set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND "${PD_DEPENDENCY_COMMAND}")

# libpq's own folder is searched first (a PostgreSQL install's bin holds what it needs), then OpenSSL's.
set(pd_search_dirs "")
foreach(pd_dll IN LISTS PD_LIBPQ_DLL PD_OPENSSL_DLLS)
    get_filename_component(pd_dir "${pd_dll}" DIRECTORY)
    list(APPEND pd_search_dirs "${pd_dir}")
endforeach()
list(REMOVE_DUPLICATES pd_search_dirs)

# Windows' own DLLs stay out: the API sets by name, the rest by where they were found.
file(GET_RUNTIME_DEPENDENCIES
    LIBRARIES "${PD_LIBPQ_DLL}"
    DIRECTORIES ${pd_search_dirs}
    PRE_EXCLUDE_REGEXES "^[Aa][Pp][Ii]-[Mm][Ss]-" "^[Ee][Xx][Tt]-[Mm][Ss]-"
    POST_EXCLUDE_REGEXES "[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\]"
    RESOLVED_DEPENDENCIES_VAR pd_resolved
    UNRESOLVED_DEPENDENCIES_VAR pd_unresolved)
if(pd_unresolved)
    message(FATAL_ERROR "libpq.dll needs DLLs that were not found: ${pd_unresolved}. Put them beside "
        "${PD_LIBPQ_DLL}, or list every DLL in PORTALDESK_WINDOWS_RUNTIME_DLLS.")
endif()

set(pd_dlls "${PD_LIBPQ_DLL}")
foreach(pd_dll IN LISTS pd_resolved)
    get_filename_component(pd_name "${pd_dll}" NAME)
    string(TOLOWER "${pd_name}" pd_name)
    if(PD_SKIP_DLLS AND pd_name MATCHES "${PD_SKIP_DLLS}")
        continue()
    endif()
    list(APPEND pd_dlls "${pd_dll}")
endforeach()
# OpenSSL last: where libpq's folder has a copy of its own, the one PortalDesk was built with wins.
list(APPEND pd_dlls ${PD_OPENSSL_DLLS})

foreach(pd_dll IN LISTS pd_dlls)
    message(STATUS "Runtime DLL: ${pd_dll}")
endforeach()
file(INSTALL ${pd_dlls} DESTINATION "${pd_destination}")

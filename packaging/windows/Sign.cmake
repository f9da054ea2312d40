# Authenticode signing with signtool, used twice: at install time for the two programs (from the deployment
# script Deploy.cmake generates, which sets PD_SIGN_* and PD_SIGN_FILES), and as CPack's post-build script
# for the MSI itself (CPack passes its package files and the CPACK_PD_SIGN* settings).
#
# The certificate is one in the Windows certificate store named by its SHA-1 thumbprint, a PFX file whose
# password is read from the environment variable PORTALDESK_SIGN_PFX_PASSWORD (never kept in the build's
# cache), or whatever further signtool options name (a key in a hardware token or a signing service).

foreach(pd_setting IN ITEMS SIGNTOOL SIGN_CERT SIGN_PFX SIGNTOOL_OPTIONS SIGN_TIMESTAMP_URL)
    if(NOT DEFINED PD_${pd_setting} AND DEFINED CPACK_PD_${pd_setting})
        set(PD_${pd_setting} "${CPACK_PD_${pd_setting}}")
    endif()
endforeach()
if(DEFINED CPACK_PACKAGE_FILES)
    set(PD_SIGN_FILES ${CPACK_PACKAGE_FILES})
endif()

if(NOT PD_SIGN_FILES)
    return()
endif()
if(NOT PD_SIGNTOOL OR NOT PD_SIGN_TIMESTAMP_URL)
    message(FATAL_ERROR "Signing needs signtool and a timestamp server (PORTALDESK_SIGNTOOL, "
        "PORTALDESK_SIGN_TIMESTAMP_URL)")
endif()

# SHA-256 for the file digest and the timestamp; /d names what Windows shows when asking to run the MSI.
set(pd_args sign /fd SHA256 /td SHA256 /tr "${PD_SIGN_TIMESTAMP_URL}" /d "PortalDesk")
if(PD_SIGN_CERT)
    list(APPEND pd_args /sha1 "${PD_SIGN_CERT}")
elseif(PD_SIGN_PFX)
    list(APPEND pd_args /f "${PD_SIGN_PFX}")
    if(DEFINED ENV{PORTALDESK_SIGN_PFX_PASSWORD})
        list(APPEND pd_args /p "$ENV{PORTALDESK_SIGN_PFX_PASSWORD}")
    endif()
endif()
list(APPEND pd_args ${PD_SIGNTOOL_OPTIONS})

foreach(pd_file IN LISTS PD_SIGN_FILES)
    if(NOT EXISTS "${pd_file}")
        message(FATAL_ERROR "Nothing to sign at ${pd_file}")
    endif()
    message(STATUS "Signing ${pd_file}")
    # Not echoed: the arguments may hold the PFX password.
    execute_process(COMMAND "${PD_SIGNTOOL}" ${pd_args} "${pd_file}"
        RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_output ERROR_VARIABLE pd_output)
    if(NOT pd_result EQUAL 0)
        message(FATAL_ERROR "signtool could not sign ${pd_file} (${pd_result}):\n${pd_output}")
    endif()
    # Checked against the Authenticode policy, as Windows will.
    execute_process(COMMAND "${PD_SIGNTOOL}" verify /pa "${pd_file}"
        RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_output ERROR_VARIABLE pd_output)
    if(NOT pd_result EQUAL 0)
        message(FATAL_ERROR "The signature on ${pd_file} does not verify (${pd_result}):\n${pd_output}")
    endif()
endforeach()

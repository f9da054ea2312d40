# CPack runs this on macOS before and after it makes the DMG (CPACK_PRE_BUILD_SCRIPTS and
# CPACK_POST_BUILD_SCRIPTS, set by Deploy.cmake):
#   before: notarizes the signed app in CPack's staging folder and staples the ticket to it, so that the app
#           passes Gatekeeper on a Mac that is offline the first time it starts, once copied out of the DMG;
#   after:  signs the DMG, notarizes it and staples its ticket.
# Without a notary profile, only the DMG is signed.
#
# From CPack: CPACK_PD_SIGN_IDENTITY, CPACK_PD_NOTARY_PROFILE (a keychain profile made with
# xcrun notarytool store-credentials), CPACK_PD_APP_NAME, and CPACK_PACKAGE_FILES after the DMG is made.

function(pd_run what)
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_output ERROR_VARIABLE pd_output)
    if(NOT pd_result EQUAL 0)
        message(FATAL_ERROR "${what} failed:\n${pd_output}")
    endif()
    set(pd_output "${pd_output}" PARENT_SCOPE)
endfunction()

# Sends a file to Apple's notary service, waits for the verdict, and staples the ticket to what it covers.
function(pd_notarize upload staple_target)
    message(STATUS "Notarizing ${staple_target}")
    execute_process(
        COMMAND xcrun notarytool submit "${upload}" --keychain-profile "${CPACK_PD_NOTARY_PROFILE}" --wait
            --output-format json
        RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_json ERROR_VARIABLE pd_errors)
    string(JSON pd_status ERROR_VARIABLE pd_json_error GET "${pd_json}" status)
    string(JSON pd_id ERROR_VARIABLE pd_json_error GET "${pd_json}" id)
    if(NOT pd_status STREQUAL "Accepted")
        message(FATAL_ERROR "Notarization of ${staple_target} ended with '${pd_status}' (${pd_result}). "
            "Apple's log: xcrun notarytool log ${pd_id} --keychain-profile ${CPACK_PD_NOTARY_PROFILE}\n"
            "${pd_json}${pd_errors}")
    endif()
    pd_run("Stapling ${staple_target}" xcrun stapler staple "${staple_target}")
endfunction()

if(DEFINED CPACK_PACKAGE_FILES)
    foreach(pd_package IN LISTS CPACK_PACKAGE_FILES)
        if(NOT pd_package MATCHES "\\.dmg$")
            continue()
        endif()
        message(STATUS "Signing ${pd_package}")
        pd_run("Signing ${pd_package}"
            codesign --force --timestamp --sign "${CPACK_PD_SIGN_IDENTITY}" "${pd_package}")
        if(CPACK_PD_NOTARY_PROFILE)
            pd_notarize("${pd_package}" "${pd_package}")
        endif()
    endforeach()
    return()
endif()

if(NOT CPACK_PD_NOTARY_PROFILE)
    return()
endif()
set(pd_app "")
foreach(pd_dir IN ITEMS "${CPACK_TEMPORARY_INSTALL_DIRECTORY}" "${CPACK_TEMPORARY_DIRECTORY}")
    if(pd_dir)
        file(GLOB pd_found LIST_DIRECTORIES true "${pd_dir}/${CPACK_PD_APP_NAME}"
            "${pd_dir}/*/${CPACK_PD_APP_NAME}" "${pd_dir}/*/*/${CPACK_PD_APP_NAME}")
        list(APPEND pd_app ${pd_found})
    endif()
endforeach()
list(REMOVE_DUPLICATES pd_app)
list(LENGTH pd_app pd_count)
if(NOT pd_count EQUAL 1)
    message(FATAL_ERROR "Expected one ${CPACK_PD_APP_NAME} in CPack's staging folder, found: '${pd_app}'")
endif()

# The notary service takes a zip of the app; the ticket is stapled to the app itself.
get_filename_component(pd_parent "${pd_app}" DIRECTORY)
set(pd_zip "${pd_parent}/../notarize-app.zip")
pd_run("Zipping ${pd_app}" ditto -c -k --keepParent "${pd_app}" "${pd_zip}")
pd_notarize("${pd_zip}" "${pd_app}")
file(REMOVE "${pd_zip}")

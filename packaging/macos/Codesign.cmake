# Install time, after macdeployqt and the bundle check (from the deployment script Deploy.cmake generates):
# signs the bundle for the hardened runtime, with a secure timestamp, as notarization requires. Everything
# macdeployqt copied in is signed again with this identity, inside out (libraries and plugins, the Qt
# frameworks, the command line), and the bundle last, whose signature seals the rest.
#
# Set by the caller: PD_APP (the installed bundle), PD_SIGN_IDENTITY, PD_ENTITLEMENTS.

set(pd_codesign codesign --force --timestamp --options runtime --sign "${PD_SIGN_IDENTITY}")

function(pd_sign path)
    execute_process(COMMAND ${pd_codesign} ${ARGN} "${path}"
        RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_output ERROR_VARIABLE pd_output)
    if(NOT pd_result EQUAL 0)
        message(FATAL_ERROR "codesign could not sign ${path}:\n${pd_output}")
    endif()
endfunction()

message(STATUS "Signing ${PD_APP} as ${PD_SIGN_IDENTITY}")
file(GLOB_RECURSE pd_libraries LIST_DIRECTORIES false
    "${PD_APP}/Contents/PlugIns/*.dylib" "${PD_APP}/Contents/Frameworks/*.dylib")
foreach(pd_library IN LISTS pd_libraries)
    if(NOT IS_SYMLINK "${pd_library}")
        pd_sign("${pd_library}")
    endif()
endforeach()
file(GLOB pd_frameworks LIST_DIRECTORIES true "${PD_APP}/Contents/Frameworks/*.framework")
foreach(pd_framework IN LISTS pd_frameworks)
    pd_sign("${pd_framework}")
endforeach()

# The programs other than the bundle's main one, then the bundle (which signs the main one).
file(READ "${PD_APP}/Contents/Info.plist" pd_info)
string(REGEX MATCH "<key>CFBundleExecutable</key>[ \t\r\n]*<string>([^<]*)</string>" pd_match "${pd_info}")
set(pd_main "${CMAKE_MATCH_1}")
file(GLOB pd_programs LIST_DIRECTORIES false "${PD_APP}/Contents/MacOS/*")
foreach(pd_program IN LISTS pd_programs)
    get_filename_component(pd_name "${pd_program}" NAME)
    if(NOT pd_name STREQUAL pd_main)
        pd_sign("${pd_program}" --entitlements "${PD_ENTITLEMENTS}")
    endif()
endforeach()
pd_sign("${PD_APP}" --entitlements "${PD_ENTITLEMENTS}")

execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${PD_APP}"
    RESULT_VARIABLE pd_result OUTPUT_VARIABLE pd_output ERROR_VARIABLE pd_output)
if(NOT pd_result EQUAL 0)
    message(FATAL_ERROR "The signature on ${PD_APP} does not verify:\n${pd_output}")
endif()

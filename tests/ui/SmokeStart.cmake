# Starts the desktop off-screen on a new database with demo data, signs in, saves a picture of the window
# and checks it was written: the program starts as a user would start it.
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}")
execute_process(
    COMMAND "${GUI}" --db "${DIR}/smoke.sqlite" --demo --staff maria.garcia --now 2026-11-24T10:00
            --screenshot "${DIR}/portaldesk.png"
    RESULT_VARIABLE rc TIMEOUT 300)
if(NOT rc EQUAL 0 OR NOT EXISTS "${DIR}/portaldesk.png")
    message(FATAL_ERROR "portaldesk did not start and show its window (exit ${rc})")
endif()
file(REMOVE_RECURSE "${DIR}")

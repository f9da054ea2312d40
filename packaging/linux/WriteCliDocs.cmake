# cmake -DCLI=portaldesk-cli -DOUT=DIR -P WriteCliDocs.cmake: the CLI's manual page and completions.
# A sanitizer-instrumented build's CLI reports Qt's lifetime caches as leaks at exit; they aren't ours.
set(ENV{ASAN_OPTIONS} "detect_leaks=0")
set(ENV{PORTALDESK_LANGUAGE} "en")
foreach(pair "manual;portaldesk-cli.1" "completion;bash;portaldesk-cli.bash" "completion;zsh;_portaldesk-cli")
    list(POP_BACK pair file)
    execute_process(COMMAND ${CLI} ${pair} OUTPUT_FILE ${OUT}/${file}.tmp RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "portaldesk-cli ${pair} failed: ${rc}")
    endif()
    file(RENAME ${OUT}/${file}.tmp ${OUT}/${file})
endforeach()

# SPDX-License-Identifier: GPL-3.0-or-later
# Proves CheckLayering.cmake fails on a ui/ file including QtNetwork and a core/ file including QtWidgets.
file(REMOVE_RECURSE "${WORK_DIR}")
foreach(case ui core)
    file(MAKE_DIRECTORY "${WORK_DIR}/${case}/ui" "${WORK_DIR}/${case}/core/common")
endforeach()
file(WRITE "${WORK_DIR}/ui/ui/Bad.cpp" "#include <QNetworkAccessManager>\n")
file(WRITE "${WORK_DIR}/core/core/common/Bad.cpp" "#include <QWidget>\n")
foreach(case ui core)
    execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${WORK_DIR}/${case} -P ${CMAKE_CURRENT_LIST_DIR}/CheckLayering.cmake
        RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(rc EQUAL 0)
        message(FATAL_ERROR "CheckLayering.cmake accepted a ${case}/ violation")
    endif()
endforeach()
# And a clean tree passes.
file(WRITE "${WORK_DIR}/ui/ui/Bad.cpp" "#include <QWidget>\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${WORK_DIR}/ui -P ${CMAKE_CURRENT_LIST_DIR}/CheckLayering.cmake
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "CheckLayering.cmake rejected a clean tree")
endif()
message(STATUS "layering check bites")

# Install time, after windeployqt (from the deployment script Deploy.cmake generates): makes sure both SQL
# drivers PortalDesk uses are in the plugins folder, the embedded file's and the central database's, and
# drops the Visual C++ redistributable installer windeployqt may leave, since the runtime itself is
# installed next to the programs.
#
# Set by the caller: PD_SQL_DRIVERS (the drivers' files in the Qt used to build), PD_MISSING_DRIVERS (the
# ones that Qt lacks), PD_REMOVE_VC_REDIST. QT_DEPLOY_* come from Qt's deployment support.

if(PD_MISSING_DRIVERS)
    message(FATAL_ERROR "The Qt used to build has no ${PD_MISSING_DRIVERS}: PortalDesk can't open its "
        "databases without it. Use a Qt with the SQLite and PostgreSQL drivers.")
endif()

set(pd_drivers_dir "${QT_DEPLOY_PREFIX}/${QT_DEPLOY_PLUGINS_DIR}/sqldrivers")
foreach(pd_driver IN LISTS PD_SQL_DRIVERS)
    get_filename_component(pd_name "${pd_driver}" NAME)
    if(NOT EXISTS "${pd_drivers_dir}/${pd_name}")
        # file(INSTALL) adds DESTDIR itself, hence CMAKE_INSTALL_PREFIX rather than QT_DEPLOY_PREFIX.
        message(STATUS "windeployqt left out ${pd_name}; installing it")
        file(INSTALL "${pd_driver}"
            DESTINATION "${CMAKE_INSTALL_PREFIX}/${QT_DEPLOY_PLUGINS_DIR}/sqldrivers")
    endif()
endforeach()

if(PD_REMOVE_VC_REDIST)
    file(GLOB pd_redist
        "${QT_DEPLOY_PREFIX}/vc_redist*.exe" "${QT_DEPLOY_PREFIX}/${QT_DEPLOY_BIN_DIR}/vc_redist*.exe")
    if(pd_redist)
        file(REMOVE ${pd_redist})
    endif()
endif()

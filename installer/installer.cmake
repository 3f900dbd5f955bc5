# Debian package (CPack DEB), desktop integration and the queue set-up command.
# Included from printer-driver/CMakeLists.txt (the top-level CMakeLists stays untouched), after
# every other directory with install() rules has been added, so the package holds everything the
# project installs: einvoice, einvoice-agent, the backend, the PPD, and the files below.
# Build it with scripts/build-deb.sh (or: cpack --config <build>/CPackConfig.cmake -G DEB).

set(EINVOICE_INSTALLER_DIR ${CMAKE_SOURCE_DIR}/installer)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# Absolute paths inside the package; the maintainer scripts and the setup command need them.
set(EINVOICE_BACKEND_INSTALL_PATH "${CPACK_PACKAGING_INSTALL_PREFIX}/${EINVOICE_CUPS_BACKEND_DIR}/einvoice")
set(EINVOICE_PPD_INSTALL_PATH "${CPACK_PACKAGING_INSTALL_PREFIX}/${EINVOICE_PPD_DIR}/einvoice.ppd")
set(EINVOICE_SETUP_INSTALL_PATH "${CPACK_PACKAGING_INSTALL_PREFIX}/bin/einvoice-printer-setup")
set(CPACK_DEBIAN_PACKAGE_NAME "einvoice-connector")

set(_gen ${CMAKE_BINARY_DIR}/installer)
configure_file(${EINVOICE_INSTALLER_DIR}/einvoice-printer-setup.in ${_gen}/einvoice-printer-setup @ONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                                WORLD_EXECUTE)
foreach(_script postinst prerm postrm)
    configure_file(${EINVOICE_INSTALLER_DIR}/debian/${_script}.in ${_gen}/debian/${_script} @ONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                                    WORLD_EXECUTE)
endforeach()

install(PROGRAMS ${_gen}/einvoice-printer-setup DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${EINVOICE_INSTALLER_DIR}/einvoice-connector.svg DESTINATION share/icons/hicolor/scalable/apps)
if(TARGET einvoice-agent)
    install(FILES ${EINVOICE_INSTALLER_DIR}/einvoice-agent.desktop DESTINATION share/applications)
    install(FILES ${EINVOICE_INSTALLER_DIR}/einvoice-agent-autostart.desktop DESTINATION /etc/xdg/autostart
            RENAME einvoice-agent.desktop)
endif()
# systemd units and the sysusers entry are owned by resources/systemd (docs/logging.md); each is
# shipped when it exists: the user service, the hardened system service and its system user.
set(_systemd ${CMAKE_SOURCE_DIR}/resources/systemd)
if(EXISTS ${_systemd}/einvoice-agent.service)
    install(FILES ${_systemd}/einvoice-agent.service DESTINATION lib/systemd/user)
endif()
if(EXISTS ${_systemd}/einvoice-agent-system.service)
    install(FILES ${_systemd}/einvoice-agent-system.service DESTINATION lib/systemd/system)
endif()
if(EXISTS ${_systemd}/einvoice-connector.sysusers.conf)
    install(FILES ${_systemd}/einvoice-connector.sysusers.conf DESTINATION lib/sysusers.d
            RENAME einvoice-connector.conf)
endif()

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "einvoice-connector")
set(CPACK_PACKAGE_VENDOR "eInvoice Connector project")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop connector that turns printed and exported invoices into Peppol e-invoices")
# CPack indents every line after the first; no leading spaces here.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "The eInvoice Connector reads invoices printed to the eInvoice virtual
printer or exported into watched folders (PDF, UBL, CII), builds EN 16931
invoices, validates them and writes Peppol BIS Billing 3.0 UBL for a portal.
.
This package contains the einvoice command line, the einvoice-agent, the
CUPS backend and PPD of the virtual printer, and einvoice-printer-setup.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "eInvoice Connector project <maintainers@einvoice-connector.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups, cups-filters, ghostscript")
configure_file(${EINVOICE_INSTALLER_DIR}/debian/conffiles ${_gen}/debian/conffiles COPYONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${_gen}/debian/postinst;${_gen}/debian/prerm;${_gen}/debian/postrm;${_gen}/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
include(CPack)

# Translations of the tray application: English source strings, Swedish, Norwegian bokmål and
# Portuguese. The .ts files are compiled with lrelease and embedded as resources under
# :/i18n/einvoice_<lang>.qm; `cmake --build B --target einvoice-gui_lupdate` refreshes them from
# the sources (the update target qt_add_translations makes).
# The engine's job state labels (context "JobState") are shown in the window, so their source is
# scanned too.
function(einvoice_add_gui_translations target)
    set(_dir ${CMAKE_SOURCE_DIR}/resources/translations)
    get_target_property(_sources ${target} SOURCES)
    list(FILTER _sources INCLUDE REGEX "\\.(cpp|h)$")
    qt_add_translations(${target}
        SOURCES ${_sources} ${CMAKE_SOURCE_DIR}/app/src/core/jobstate.cpp
        TS_FILES ${_dir}/einvoice_sv.ts ${_dir}/einvoice_nb.ts ${_dir}/einvoice_pt.ts
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -no-obsolete -locations none)
endfunction()

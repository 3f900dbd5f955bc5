# Translations of the tray application: English source strings, Swedish, Norwegian bokmål and
# Portuguese. The .ts files are compiled with lrelease and embedded as resources under
# :/i18n/einvoice_<lang>.qm; `cmake --build B --target einvoice-gui_lupdate` refreshes them from
# the sources (the update target qt_add_translations makes).
function(einvoice_add_gui_translations target)
    set(_dir ${CMAKE_SOURCE_DIR}/resources/translations)
    qt_add_translations(${target}
        TS_FILES ${_dir}/einvoice_sv.ts ${_dir}/einvoice_nb.ts ${_dir}/einvoice_pt.ts
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -no-obsolete -locations none)
endfunction()

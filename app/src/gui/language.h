#pragma once

#include <QList>
#include <QLocale>
#include <QPair>
#include <QString>

class QTranslator;

namespace einvoice::gui {

/// The UI language: the system locale by default, or the one chosen in the settings (stored as
/// `[gui] language` in the agent's INI file; "" = system). Installs the embedded translation
/// (:/i18n/einvoice_<lang>.qm) and sets the default QLocale, so dates and amounts follow the
/// same choice. GUI thread; call before widgets are made.
namespace Language {
/// Codes with their names in their own language: ("", "System default"), ("en", "English"),
/// ("sv", "Svenska"), ("nb", "Norsk bokmål"), ("pt", "Português").
QList<QPair<QString, QString>> available();
/// Reads the chosen language from @p configPath ("" when none).
QString configured(const QString &configPath);
QString save(const QString &configPath, const QString &code);
/// Installs the translation for @p code ("" = system locale); returns the locale used.
/// Replaces a translation installed by an earlier call.
QLocale apply(const QString &code);
} // namespace Language

} // namespace einvoice::gui

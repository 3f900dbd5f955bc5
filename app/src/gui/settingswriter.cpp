#include "settingswriter.h"

#include "autostart.h"
#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace einvoice::gui::SettingsWriter {

QString write(const AgentConfig &config, const QString &path, const QString &language, bool startAtLogin)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (const QString e = config.save(path); !e.isEmpty())
        return e;
    if (const QString e = Language::save(path, language); !e.isEmpty())
        return e;
    return Autostart::setEnabled(startAtLogin);
}

} // namespace einvoice::gui::SettingsWriter

#include "settingswriter.h"

#include "autostart.h"
#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace einvoice::gui::SettingsWriter {

QString write(const AgentConfig &config, const QString &path, const QString &language, bool startAtLogin)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (const QString e = config.save(path); !e.isEmpty())
        return e;
    {
        // Keys AgentConfig::load() reads but save() does not write (yet): see docs/gui.md.
        QSettings s(path, QSettings::IniFormat);
        for (const SenderProfile &p : config.profiles) {
            s.beginGroup(QStringLiteral("profile.") + p.id);
            s.setValue(QStringLiteral("proxy"), p.transport.proxy);
            s.setValue(QStringLiteral("sftp_user"), p.transport.sftpUser);
            s.setValue(QStringLiteral("sftp_key_file"), p.transport.sftpKeyFile);
            s.setValue(QStringLiteral("sftp_known_hosts"), p.transport.sftpKnownHosts);
            s.setValue(QStringLiteral("sftp_inbound_dir"), p.transport.sftpInboundDir);
            if (p.transport.kind == QLatin1String("sftp"))
                s.setValue(QStringLiteral("sftp_url"), p.transport.url);
            s.endGroup();
        }
        s.sync();
        if (s.status() != QSettings::NoError)
            return QCoreApplication::translate("einvoice::gui::SettingsWriter",
                                               "%1: cannot write the configuration")
                .arg(path);
    }
    if (const QString e = Language::save(path, language); !e.isEmpty())
        return e;
    return Autostart::setEnabled(startAtLogin);
}

} // namespace einvoice::gui::SettingsWriter

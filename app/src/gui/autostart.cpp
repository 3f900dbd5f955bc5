#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace einvoice::gui::Autostart {

QString desktopFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/einvoice-agent.desktop");
}

bool isEnabled()
{
    return QFile::exists(desktopFilePath());
}

QString setEnabled(bool on, const QString &program)
{
    const QString path = desktopFilePath();
    if (!on) {
        if (QFile::exists(path) && !QFile::remove(path))
            return QCoreApplication::translate("einvoice::gui::Autostart", "%1: cannot remove the file")
                .arg(path);
        return {};
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString exe = program.isEmpty() ? QCoreApplication::applicationFilePath() : program;
    QString quoted = exe;
    if (quoted.contains(QLatin1Char(' ')))
        quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    const QByteArray text = QStringLiteral("[Desktop Entry]\n"
                                           "Type=Application\n"
                                           "Name=eInvoice Connector\n"
                                           "Comment=Sends printed and exported invoices as e-invoices\n"
                                           "Exec=%1\n"
                                           "Icon=einvoice-connector\n"
                                           "Terminal=false\n"
                                           "X-GNOME-Autostart-enabled=true\n")
                                .arg(quoted)
                                .toUtf8();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
        return QCoreApplication::translate("einvoice::gui::Autostart", "%1: cannot write: %2")
            .arg(path, f.errorString());
    return {};
}

} // namespace einvoice::gui::Autostart

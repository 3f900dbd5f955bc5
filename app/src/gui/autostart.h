#pragma once

#include <QString>

namespace einvoice::gui {

/// Start at login through the XDG autostart specification: a .desktop file in
/// $XDG_CONFIG_HOME/autostart (~/.config/autostart/einvoice-agent.desktop). Stateless; any thread.
namespace Autostart {
QString desktopFilePath();
bool isEnabled();
/// Writes or removes the file; returns an error naming the file, or an empty string.
/// @p program is the agent's executable (default: this program).
QString setEnabled(bool on, const QString &program = {});
} // namespace Autostart

} // namespace einvoice::gui

#pragma once

#include "agentconfig.h"

namespace einvoice::gui {

/// Writes what the settings dialog and the wizard collected: AgentConfig::save() plus the
/// transport keys save() does not write yet (proxy, SFTP user/key/known hosts/inbound folder),
/// the UI language and start at login. Secrets are not here (the pages put them in the
/// keychain). Stateless; GUI thread.
namespace SettingsWriter {
QString write(const AgentConfig &config, const QString &path, const QString &language, bool startAtLogin);
}

} // namespace einvoice::gui

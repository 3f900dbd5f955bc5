#pragma once

#include "agentconfig.h"

#include <QDialog>

class QTabWidget;

namespace einvoice::gui {

class GeneralSettingsPage;
class PortalSettingsPage;
class ProfileSettingsPage;
class TokenStore;

/// The settings dialog: Sending (each profile's transport, portal account, proxy, test
/// connection), Sender profiles and General (incoming folder and formats, start at login, language). "Save"
/// checks every page, then writes the configuration file (SettingsWriter) and the token (keychain); the agent
/// applies it by restarting its engine (TrayApp). GUI thread; does not own the store.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const AgentConfig &config, QString configPath, TokenStore &secrets,
                   QWidget *parent = nullptr);

    /// Applies and writes; returns an error for the user (shown in the dialog) or "".
    QString save();
    const AgentConfig &config() const { return m_config; }

    QTabWidget *tabs() const { return m_tabs; }
    PortalSettingsPage *portalPage() const { return m_portal; }
    ProfileSettingsPage *profilePage() const { return m_profiles; }
    GeneralSettingsPage *generalPage() const { return m_general; }

signals:
    void saved(const einvoice::AgentConfig &config);

private:
    AgentConfig m_config;
    QString m_path;
    QTabWidget *m_tabs = nullptr;
    PortalSettingsPage *m_portal = nullptr;
    ProfileSettingsPage *m_profiles = nullptr;
    GeneralSettingsPage *m_general = nullptr;
};

} // namespace einvoice::gui

#pragma once

#include "agentconfig.h"

#include <QWizard>

namespace einvoice::gui {

class GeneralSettingsPage;
class PortalSettingsPage;
class ProfileSettingsPage;
class TokenStore;

/// First-run set-up: welcome, how invoices are sent (portal account with "test connection",
/// SFTP or folder), the company the agent sends for (sender profile), incoming invoices and
/// language, then a summary. Uses the same page widgets as SettingsDialog; each page is checked
/// before going on; Finish writes the configuration (SettingsWriter) and the token (keychain).
/// GUI thread; does not own the store.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        WelcomePage,
        SendingPage,
        ProfilePage,
        GeneralPage,
        DonePage
    };

    SetupWizard(const AgentConfig &defaults, QString configPath, TokenStore &secrets,
                QWidget *parent = nullptr);
    /// Writes everything; returns an error for the user or "".
    QString save();
    const AgentConfig &config() const { return m_config; }

    PortalSettingsPage *portalPage() const { return m_portal; }
    ProfileSettingsPage *profilePage() const { return m_profiles; }
    GeneralSettingsPage *generalPage() const { return m_general; }

    void accept() override;

signals:
    void saved(const einvoice::AgentConfig &config);

private:
    AgentConfig m_config;
    QString m_path;
    PortalSettingsPage *m_portal = nullptr;
    ProfileSettingsPage *m_profiles = nullptr;
    GeneralSettingsPage *m_general = nullptr;
};

} // namespace einvoice::gui

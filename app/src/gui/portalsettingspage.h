#pragma once

#include "agentconfig.h"
#include "connectiontester.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace einvoice::gui {

class TokenStore;

/// Settings page "Sending": how the first sender profile's invoices leave the agent (portal over
/// HTTPS, SFTP, or a folder), the portal address and token, the proxy, and "Test connection"
/// showing DNS, proxy, TLS, sign-in and API results one by one. The token is written only to the
/// TokenStore (the keychain), never to the configuration. GUI thread; does not own the store.
class PortalSettingsPage : public QWidget
{
    Q_OBJECT
public:
    PortalSettingsPage(TokenStore &secrets, QWidget *parent = nullptr);
    void load(const AgentConfig &config);
    /// Copies the page into @p config and stores the token; returns an error for the user.
    QString apply(AgentConfig &config);
    void testConnection();
    ConnectionTester &tester() { return m_tester; }
    QTreeWidget *results() const { return m_results; }

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *outboxEdit() const { return m_outbox; }

private:
    TokenStore &m_secrets;
    QString m_profileId;
    QComboBox *m_kind = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_outbox = nullptr;
    QLineEdit *m_sftpUrl = nullptr;
    QLineEdit *m_sftpUser = nullptr;
    QLineEdit *m_sftpKey = nullptr;
    QPushButton *m_test = nullptr;
    QTreeWidget *m_results = nullptr;
    ConnectionTester m_tester;
    bool m_tokenLoaded = false;
};

} // namespace einvoice::gui

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

/// Settings page "Sending": how a sender profile's invoices leave the agent (portal over HTTPS,
/// SFTP, or a folder), the portal address and token, the proxy, and "Test connection" showing
/// DNS, proxy, TLS, sign-in and API results one by one. With several profiles a combo box picks
/// the one edited; edits are kept per profile, and apply() changes only the profiles whose
/// connection was edited (the others keep theirs exactly). Tokens are written only to the
/// TokenStore (the keychain), never to the configuration. GUI thread; does not own the store.
class PortalSettingsPage : public QWidget
{
    Q_OBJECT
public:
    PortalSettingsPage(TokenStore &secrets, QWidget *parent = nullptr);
    void load(const AgentConfig &config);
    /// A profile added on the profiles page (its connection is written on apply()).
    void addProfile(const SenderProfile &profile);
    /// Copies the edited connections into the matching profiles of @p config and stores their
    /// tokens; returns an error for the user naming the profile when there are several.
    QString apply(AgentConfig &config);
    /// Shows profile @p index's connection (the combo box does this).
    void selectProfile(int index);
    void testConnection();
    ConnectionTester &tester() { return m_tester; }
    QTreeWidget *results() const { return m_results; }

    QComboBox *profileBox() const { return m_profileBox; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *outboxEdit() const { return m_outbox; }

private:
    /// One profile's connection as loaded and as edited.
    struct Edit
    {
        QString id;
        QString name;
        TransportSettings loaded;
        TransportSettings edited;
        QString token;      ///< typed in; "" keeps the stored one
        bool added = false; ///< added in this dialog: always written
    };
    void store(); // widgets -> m_edits[m_current]
    void show(int index);
    bool changed(const Edit &edit) const;
    QString check(const Edit &edit) const;

    TokenStore &m_secrets;
    QList<Edit> m_edits;
    int m_current = -1;
    QLabel *m_profileLabel = nullptr;
    QComboBox *m_profileBox = nullptr;
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
    QLineEdit *m_sftpKnownHosts = nullptr;
    QLineEdit *m_sftpInbound = nullptr;
    QLineEdit *m_sftpStatus = nullptr;
    QLineEdit *m_sftpResponses = nullptr;
    QPushButton *m_test = nullptr;
    QTreeWidget *m_results = nullptr;
    ConnectionTester m_tester;
};

} // namespace einvoice::gui

#pragma once

#include "agentconfig.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace einvoice::gui {

/// Settings page "Sender profiles": the legal entity each profile sends for (name, VAT number,
/// organisation number, electronic address "scheme:id", country), its watched folders and its
/// send policy. Profiles can be added (a new one starts with the first one's connection, which
/// the Sending page edits); edits are kept per profile until apply(). GUI thread.
class ProfileSettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileSettingsPage(QWidget *parent = nullptr);
    void load(const AgentConfig &config);
    /// Copies the profiles into @p config; returns an error naming the profile and the field.
    QString apply(AgentConfig &config);
    void addProfile(const QString &id);

    QComboBox *profileBox() const { return m_profile; }
    QLineEdit *sellerNameEdit() const { return m_name; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QPlainTextEdit *foldersEdit() const { return m_folders; }

signals:
    /// A profile was added (the Sending page offers it too).
    void profileAdded(const einvoice::SenderProfile &profile);

private:
    void store(); // widgets -> m_profiles[m_current]
    void show(int index);

    QList<SenderProfile> m_profiles;
    int m_current = -1;
    QComboBox *m_profile = nullptr;
    QPushButton *m_add = nullptr;
    QLineEdit *m_display = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_vat = nullptr;
    QLineEdit *m_org = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_country = nullptr;
    QPlainTextEdit *m_folders = nullptr;
    QComboBox *m_policy = nullptr;
};

} // namespace einvoice::gui

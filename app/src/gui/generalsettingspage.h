#pragma once

#include "agentconfig.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace einvoice::gui {

/// Settings page "General": the incoming folder and the formats downloaded into it, start at
/// login (XDG autostart) and the language. GUI thread.
class GeneralSettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit GeneralSettingsPage(QWidget *parent = nullptr);
    void load(const AgentConfig &config, const QString &language, bool startAtLogin);
    QString apply(AgentConfig &config);
    QString language() const;
    bool startAtLogin() const;

    QLineEdit *incomingEdit() const { return m_incoming; }
    QComboBox *languageBox() const { return m_language; }

private:
    QLineEdit *m_incoming = nullptr;
    QCheckBox *m_ubl = nullptr;
    QCheckBox *m_cii = nullptr;
    QCheckBox *m_pdf = nullptr;
    QCheckBox *m_autostart = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace einvoice::gui

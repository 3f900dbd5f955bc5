#include "settingsdialog.h"

#include "autostart.h"
#include "generalsettingspage.h"
#include "language.h"
#include "portalsettingspage.h"
#include "profilesettingspage.h"
#include "settingswriter.h"

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace einvoice::gui {

SettingsDialog::SettingsDialog(const AgentConfig &config, QString configPath, TokenStore &secrets,
                               QWidget *parent)
    : QDialog(parent), m_config(config), m_path(std::move(configPath))
{
    setWindowTitle(tr("eInvoice Connector settings"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_portal = new PortalSettingsPage(secrets, m_tabs);
    m_profiles = new ProfileSettingsPage(m_tabs);
    m_general = new GeneralSettingsPage(m_tabs);
    m_tabs->addTab(m_portal, tr("Sending"));
    m_tabs->addTab(m_profiles, tr("Sender profiles"));
    m_tabs->addTab(m_general, tr("General"));
    layout->addWidget(m_tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QString e = save();
        if (e.isEmpty())
            accept();
        else
            QMessageBox::warning(this, tr("Settings not saved"), e);
    });
    m_portal->load(m_config);
    m_profiles->load(m_config);
    connect(m_profiles, &ProfileSettingsPage::profileAdded, m_portal, &PortalSettingsPage::addProfile);
    m_general->load(m_config, Language::configured(m_path), Autostart::isEnabled());
    resize(760, 560);
}

QString SettingsDialog::save()
{
    AgentConfig next = m_config;
    // Profiles first: the Sending page writes the connections it edited on top.
    for (auto apply : {std::function<QString()>([&] { return m_profiles->apply(next); }),
                       std::function<QString()>([&] { return m_portal->apply(next); }),
                       std::function<QString()>([&] { return m_general->apply(next); })}) {
        if (const QString e = apply(); !e.isEmpty())
            return e;
    }
    if (const QString e =
            SettingsWriter::write(next, m_path, m_general->language(), m_general->startAtLogin());
        !e.isEmpty())
        return e;
    m_config = next;
    emit saved(m_config);
    return {};
}

} // namespace einvoice::gui

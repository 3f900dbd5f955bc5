#include "setupwizard.h"

#include "autostart.h"
#include "generalsettingspage.h"
#include "language.h"
#include "portalsettingspage.h"
#include "profilesettingspage.h"
#include "settingswriter.h"

#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>
#include <functional>

namespace einvoice::gui {

namespace {
// A wizard page around one settings widget; going on is refused (with the reason) while the
// widget's values cannot be used.
class WrappedPage : public QWizardPage
{
public:
    WrappedPage(const QString &title, const QString &subTitle, QWidget *content,
                std::function<QString()> check)
        : m_check(std::move(check))
    {
        setTitle(title);
        setSubTitle(subTitle);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(content);
        m_error = new QLabel(this);
        m_error->setWordWrap(true);
        m_error->setStyleSheet(QStringLiteral("color: #b91c1c;"));
        layout->addWidget(m_error);
    }
    bool validatePage() override
    {
        const QString e = m_check ? m_check() : QString();
        m_error->setText(e);
        return e.isEmpty();
    }

private:
    std::function<QString()> m_check;
    QLabel *m_error = nullptr;
};
} // namespace

SetupWizard::SetupWizard(const AgentConfig &defaults, QString configPath, TokenStore &secrets,
                         QWidget *parent)
    : QWizard(parent), m_config(defaults), m_path(std::move(configPath))
{
    setWindowTitle(tr("Set up eInvoice Connector"));
    setWizardStyle(QWizard::ClassicStyle);
    setButtonText(QWizard::NextButton, tr("Next >"));
    setButtonText(QWizard::BackButton, tr("< Back"));
    setButtonText(QWizard::FinishButton, tr("Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));

    auto *welcome = new QWizardPage;
    welcome->setTitle(tr("Welcome"));
    auto *wl = new QVBoxLayout(welcome);
    auto *text =
        new QLabel(tr("eInvoice Connector turns the invoices you print or export from your accounting "
                      "program into e-invoices and sends them to your customers through your "
                      "e-invoicing portal.\n\nThis set-up asks how to reach your portal, which company "
                      "you send for and where incoming invoices go. You can change everything later "
                      "under Settings."),
                   welcome);
    text->setWordWrap(true);
    wl->addWidget(text);
    setPage(WelcomePage, welcome);

    m_portal = new PortalSettingsPage(secrets);
    m_profiles = new ProfileSettingsPage;
    m_general = new GeneralSettingsPage;
    m_portal->load(m_config);
    m_profiles->load(m_config);
    m_general->load(m_config, Language::configured(m_path), Autostart::isEnabled());
    connect(m_profiles, &ProfileSettingsPage::profileAdded, m_portal, &PortalSettingsPage::addProfile);
    setPage(SendingPage, new WrappedPage(tr("Sending"),
                                         tr("How your e-invoices leave this computer. Test the connection "
                                            "before you go on."),
                                         m_portal, [this] {
                                             AgentConfig scratch = m_config;
                                             return m_portal->apply(scratch);
                                         }));
    setPage(ProfilePage, new WrappedPage(tr("Your company"),
                                         tr("The company the invoices are sent for, and the folders your "
                                            "accounting program exports invoices to."),
                                         m_profiles, [this] {
                                             AgentConfig scratch = m_config;
                                             return m_profiles->apply(scratch);
                                         }));
    setPage(GeneralPage,
            new WrappedPage(tr("Incoming invoices and language"),
                            tr("Where invoices your suppliers send you are saved."), m_general, [this] {
                                AgentConfig scratch = m_config;
                                return m_general->apply(scratch);
                            }));
    auto *done = new QWizardPage;
    done->setTitle(tr("Ready"));
    auto *dl = new QVBoxLayout(done);
    auto *doneText =
        new QLabel(tr("Press Finish to save. Print an invoice to the \"eInvoice\" printer or export it "
                      "into a watched folder, and it appears in the send queue."),
                   done);
    doneText->setWordWrap(true);
    dl->addWidget(doneText);
    setPage(DonePage, done);
    resize(760, 600);
}

QString SetupWizard::save()
{
    AgentConfig next = m_config;
    if (QString e = m_profiles->apply(next); !e.isEmpty())
        return e;
    if (QString e = m_portal->apply(next); !e.isEmpty())
        return e;
    if (QString e = m_general->apply(next); !e.isEmpty())
        return e;
    if (QString e = SettingsWriter::write(next, m_path, m_general->language(), m_general->startAtLogin());
        !e.isEmpty())
        return e;
    m_config = next;
    emit saved(m_config);
    return {};
}

void SetupWizard::accept()
{
    const QString e = save();
    if (!e.isEmpty()) {
        QMessageBox::warning(this, tr("Set-up not saved"), e);
        return;
    }
    QWizard::accept();
}

} // namespace einvoice::gui

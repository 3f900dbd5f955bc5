#include "portalsettingspage.h"

#include "tokenstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace einvoice::gui {

PortalSettingsPage::PortalSettingsPage(TokenStore &secrets, QWidget *parent)
    : QWidget(parent), m_secrets(secrets)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_profileBox = new QComboBox(this);
    m_profileBox->setObjectName(QStringLiteral("sendingProfile"));
    m_profileLabel = new QLabel(tr("Sender profile:"), this);
    top->addRow(m_profileLabel, m_profileBox);
    connect(m_profileBox, &QComboBox::currentIndexChanged, this, &PortalSettingsPage::selectProfile);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("e-invoicing portal (HTTPS)"), QStringLiteral("https"));
    m_kind->addItem(tr("SFTP server"), QStringLiteral("sftp"));
    m_kind->addItem(tr("Folder (another program sends)"), QStringLiteral("folder"));
    top->addRow(tr("Send invoices through:"), m_kind);
    layout->addLayout(top);

    m_stack = new QStackedWidget(this);
    auto *https = new QWidget(m_stack);
    auto *hf = new QFormLayout(https);
    m_url = new QLineEdit(https);
    m_url->setPlaceholderText(QStringLiteral("https://portal.example.com"));
    m_token = new QLineEdit(https);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("paste the token from the portal"));
    m_caFile = new QLineEdit(https);
    m_caFile->setPlaceholderText(tr("only if your IT department gave you one"));
    hf->addRow(tr("Portal address:"), m_url);
    hf->addRow(tr("Access token:"), m_token);
    hf->addRow(tr("Extra certificate (PEM):"), m_caFile);
    m_stack->addWidget(https);

    auto *sftp = new QWidget(m_stack);
    auto *sf = new QFormLayout(sftp);
    m_sftpUrl = new QLineEdit(sftp);
    m_sftpUrl->setPlaceholderText(QStringLiteral("sftp://host:22/outbox"));
    m_sftpUser = new QLineEdit(sftp);
    m_sftpKey = new QLineEdit(sftp);
    m_sftpKnownHosts = new QLineEdit(sftp);
    m_sftpKnownHosts->setObjectName(QStringLiteral("sftpKnownHosts"));
    m_sftpKnownHosts->setPlaceholderText(tr("known_hosts file, or SHA256:... from your operator"));
    m_sftpInbound = new QLineEdit(sftp);
    m_sftpInbound->setObjectName(QStringLiteral("sftpInbound"));
    m_sftpInbound->setPlaceholderText(tr("e.g. ~/in; empty: no incoming invoices"));
    m_sftpStatus = new QLineEdit(sftp);
    m_sftpStatus->setObjectName(QStringLiteral("sftpStatus"));
    m_sftpStatus->setPlaceholderText(tr("where answers about your invoices arrive; may be empty"));
    m_sftpResponses = new QLineEdit(sftp);
    m_sftpResponses->setObjectName(QStringLiteral("sftpResponses"));
    m_sftpResponses->setPlaceholderText(tr("empty: the server's outbox folder"));
    sf->addRow(tr("Server:"), m_sftpUrl);
    sf->addRow(tr("User:"), m_sftpUser);
    sf->addRow(tr("Key file:"), m_sftpKey);
    sf->addRow(tr("Server identity:"), m_sftpKnownHosts);
    sf->addRow(tr("Incoming folder on the server:"), m_sftpInbound);
    sf->addRow(tr("Answers to your invoices:"), m_sftpStatus);
    sf->addRow(tr("Your answers go to:"), m_sftpResponses);
    m_stack->addWidget(sftp);

    auto *folder = new QWidget(m_stack);
    auto *ff = new QFormLayout(folder);
    m_outbox = new QLineEdit(folder);
    ff->addRow(tr("Write e-invoices to:"), m_outbox);
    m_stack->addWidget(folder);
    layout->addWidget(m_stack);
    connect(m_kind, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *proxyForm = new QFormLayout;
    m_proxy = new QLineEdit(this);
    m_proxy->setPlaceholderText(tr("empty: use the system's settings"));
    proxyForm->addRow(tr("Proxy:"), m_proxy);
    layout->addLayout(proxyForm);

    m_test = new QPushButton(tr("Test connection"), this);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("connectionResults"));
    m_results->setHeaderLabels({tr("Check"), tr("Result"), tr("Details")});
    m_results->setRootIsDecorated(false);
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int s = 0; s <= int(ConnectionTester::Step::Api); ++s)
        new QTreeWidgetItem(m_results,
                            {ConnectionTester::stepName(ConnectionTester::Step(s)), tr("not tested")});
    layout->addWidget(m_results, 1);
    connect(m_test, &QPushButton::clicked, this, &PortalSettingsPage::testConnection);
    connect(&m_tester, &ConnectionTester::stepFinished, this,
            [this](ConnectionTester::Step step, ConnectionTester::Outcome outcome, const QString &message) {
                QTreeWidgetItem *item = m_results->topLevelItem(int(step));
                item->setText(1, outcome == ConnectionTester::Outcome::Passed   ? tr("OK")
                                 : outcome == ConnectionTester::Outcome::Failed ? tr("Failed")
                                                                                : tr("Skipped"));
                item->setText(2, message);
                item->setToolTip(2, message);
                item->setForeground(1, outcome == ConnectionTester::Outcome::Passed ? QColor(0x1b, 0x7f, 0x3b)
                                       : outcome == ConnectionTester::Outcome::Failed
                                           ? QColor(0xb9, 0x1c, 0x1c)
                                           : QColor(0x6b, 0x72, 0x80));
            });
    connect(&m_tester, &ConnectionTester::finished, this, [this] { m_test->setEnabled(true); });
}

void PortalSettingsPage::load(const AgentConfig &config)
{
    m_edits.clear();
    m_current = -1;
    for (const SenderProfile &p : config.profiles)
        m_edits << Edit{p.id, p.displayName.isEmpty() ? p.id : p.displayName, p.transport, p.transport, {},
                        false};
    const QSignalBlocker block(m_profileBox);
    m_profileBox->clear();
    for (const Edit &e : std::as_const(m_edits))
        m_profileBox->addItem(e.name, e.id);
    m_profileBox->setVisible(m_edits.size() > 1);
    m_profileLabel->setVisible(m_edits.size() > 1);
    show(m_edits.isEmpty() ? -1 : 0);
}

void PortalSettingsPage::addProfile(const SenderProfile &profile)
{
    for (const Edit &e : std::as_const(m_edits))
        if (e.id == profile.id)
            return;
    m_edits << Edit{profile.id,
                    profile.displayName.isEmpty() ? profile.id : profile.displayName,
                    profile.transport,
                    profile.transport,
                    {},
                    true};
    {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->addItem(m_edits.constLast().name, profile.id);
    }
    m_profileBox->setVisible(m_edits.size() > 1);
    m_profileLabel->setVisible(m_edits.size() > 1);
}

void PortalSettingsPage::selectProfile(int index)
{
    if (index == m_current)
        return;
    store();
    show(index);
    if (m_profileBox->currentIndex() != index) {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->setCurrentIndex(index);
    }
}

void PortalSettingsPage::show(int index)
{
    m_current = index >= 0 && index < m_edits.size() ? index : -1;
    const Edit edit = m_current >= 0 ? m_edits.at(m_current) : Edit{};
    const TransportSettings &t = edit.edited;
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(t.kind)));
    m_stack->setCurrentIndex(m_kind->currentIndex());
    m_url->setText(t.kind == QLatin1String("https") ? t.url : QString());
    m_sftpUrl->setText(t.kind == QLatin1String("sftp") ? t.url : QString());
    m_caFile->setText(t.caFile);
    m_proxy->setText(t.proxy);
    m_outbox->setText(t.outboxDir);
    m_sftpUser->setText(t.sftpUser);
    m_sftpKey->setText(t.sftpKeyFile);
    m_sftpKnownHosts->setText(t.sftpKnownHosts);
    m_sftpInbound->setText(t.sftpInboundDir);
    m_sftpStatus->setText(t.sftpStatusDir);
    m_sftpResponses->setText(t.sftpResponseDir);
    // The stored token is not shown; an empty field keeps it.
    m_token->setText(edit.token);
    // Results of a test belong to the profile they were run for.
    for (int i = 0; i < m_results->topLevelItemCount(); ++i) {
        m_results->topLevelItem(i)->setText(1, tr("not tested"));
        m_results->topLevelItem(i)->setText(2, QString());
    }
}

void PortalSettingsPage::store()
{
    if (m_current < 0 || m_current >= m_edits.size())
        return;
    Edit &e = m_edits[m_current];
    TransportSettings &t = e.edited;
    t.kind = m_kind->currentData().toString();
    if (t.kind == QLatin1String("https"))
        t.url = m_url->text().trimmed();
    else if (t.kind == QLatin1String("sftp"))
        t.url = m_sftpUrl->text().trimmed();
    t.caFile = m_caFile->text().trimmed();
    t.proxy = m_proxy->text().trimmed();
    t.outboxDir = m_outbox->text().trimmed();
    t.sftpUser = m_sftpUser->text().trimmed();
    t.sftpKeyFile = m_sftpKey->text().trimmed();
    t.sftpKnownHosts = m_sftpKnownHosts->text().trimmed();
    t.sftpInboundDir = m_sftpInbound->text().trimmed();
    t.sftpStatusDir = m_sftpStatus->text().trimmed();
    t.sftpResponseDir = m_sftpResponses->text().trimmed();
    e.token = m_token->text();
}

bool PortalSettingsPage::changed(const Edit &e) const
{
    const TransportSettings &a = e.loaded;
    const TransportSettings &b = e.edited;
    return e.added || !e.token.isEmpty() || a.kind != b.kind || a.url != b.url || a.caFile != b.caFile ||
           a.proxy != b.proxy || a.outboxDir != b.outboxDir || a.sftpUser != b.sftpUser ||
           a.sftpKeyFile != b.sftpKeyFile || a.sftpKnownHosts != b.sftpKnownHosts ||
           a.sftpInboundDir != b.sftpInboundDir || a.sftpStatusDir != b.sftpStatusDir ||
           a.sftpResponseDir != b.sftpResponseDir;
}

QString PortalSettingsPage::check(const Edit &e) const
{
    const TransportSettings &t = e.edited;
    QString problem;
    if (t.kind == QLatin1String("https")) {
        const QUrl url = QUrl::fromUserInput(t.url);
        if (t.url.isEmpty() || !url.isValid() || url.scheme() != QLatin1String("https") ||
            !t.url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
            problem = tr("The portal address must start with https://.");
    } else if (t.kind == QLatin1String("sftp")) {
        if (!t.url.startsWith(QLatin1String("sftp://")))
            problem = tr("The SFTP server must look like sftp://host:22/folder.");
    } else if (t.outboxDir.isEmpty()) {
        problem = tr("Choose the folder the e-invoices are written to.");
    }
    if (problem.isEmpty() || m_edits.size() < 2)
        return problem;
    return tr("Profile %1: %2").arg(e.name, problem);
}

QString PortalSettingsPage::apply(AgentConfig &config)
{
    if (config.profiles.isEmpty() || m_edits.isEmpty())
        return tr("There is no sender profile to set up.");
    store();
    // Check every edited profile before anything is changed or stored.
    for (int i = 0; i < m_edits.size(); ++i)
        if (i == m_current || changed(m_edits.at(i)))
            if (const QString e = check(m_edits.at(i)); !e.isEmpty())
                return e;
    for (const Edit &e : std::as_const(m_edits)) {
        if (!changed(e))
            continue; // untouched: the profile keeps its connection exactly
        for (SenderProfile &p : config.profiles)
            if (p.id == e.id)
                p.transport = e.edited;
    }
    for (const Edit &e : std::as_const(m_edits))
        if (!e.token.isEmpty())
            if (const QString error = m_secrets.write(TokenStore::tokenKey(e.id), e.token); !error.isEmpty())
                return m_edits.size() < 2 ? error : tr("Profile %1: %2").arg(e.name, error);
    return {};
}

void PortalSettingsPage::testConnection()
{
    ConnectionTester::Target target;
    target.url = QUrl::fromUserInput(m_url->text().trimmed());
    target.token = m_token->text();
    if (target.token.isEmpty() && m_current >= 0)
        target.token = m_secrets.read(TokenStore::tokenKey(m_edits.at(m_current).id));
    target.proxy = m_proxy->text().trimmed();
    target.caFile = m_caFile->text().trimmed();
    for (int i = 0; i < m_results->topLevelItemCount(); ++i) {
        m_results->topLevelItem(i)->setText(1, tr("testing…"));
        m_results->topLevelItem(i)->setText(2, QString());
    }
    m_test->setEnabled(false);
    m_tester.start(target);
}

} // namespace einvoice::gui

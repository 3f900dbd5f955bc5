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
    sf->addRow(tr("Server:"), m_sftpUrl);
    sf->addRow(tr("User:"), m_sftpUser);
    sf->addRow(tr("Key file:"), m_sftpKey);
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
    if (config.profiles.isEmpty())
        return;
    const SenderProfile &p = config.profiles.constFirst();
    m_profileId = p.id;
    const TransportSettings &t = p.transport;
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(t.kind)));
    m_stack->setCurrentIndex(m_kind->currentIndex());
    m_url->setText(t.kind == QLatin1String("https") ? t.url : QString());
    m_sftpUrl->setText(t.kind == QLatin1String("sftp") ? t.url : QString());
    m_caFile->setText(t.caFile);
    m_proxy->setText(t.proxy);
    m_outbox->setText(t.outboxDir);
    m_sftpUser->setText(t.sftpUser);
    m_sftpKey->setText(t.sftpKeyFile);
    // The token is not shown; an empty field keeps the stored one.
    m_token->clear();
    m_tokenLoaded = true;
}

QString PortalSettingsPage::apply(AgentConfig &config)
{
    if (config.profiles.isEmpty())
        return tr("There is no sender profile to set up.");
    TransportSettings &t = config.profiles.first().transport;
    t.kind = m_kind->currentData().toString();
    if (t.kind == QLatin1String("https")) {
        const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
        if (m_url->text().trimmed().isEmpty() || !url.isValid() || url.scheme() != QLatin1String("https"))
            return tr("The portal address must start with https://.");
        t.url = m_url->text().trimmed();
    } else if (t.kind == QLatin1String("sftp")) {
        if (!m_sftpUrl->text().trimmed().startsWith(QLatin1String("sftp://")))
            return tr("The SFTP server must look like sftp://host:22/folder.");
        t.url = m_sftpUrl->text().trimmed();
    } else if (m_outbox->text().trimmed().isEmpty()) {
        return tr("Choose the folder the e-invoices are written to.");
    }
    t.caFile = m_caFile->text().trimmed();
    t.proxy = m_proxy->text().trimmed();
    t.outboxDir = m_outbox->text().trimmed();
    t.sftpUser = m_sftpUser->text().trimmed();
    t.sftpKeyFile = m_sftpKey->text().trimmed();
    if (!m_token->text().isEmpty())
        return m_secrets.write(TokenStore::tokenKey(config.profiles.first().id), m_token->text());
    return {};
}

void PortalSettingsPage::testConnection()
{
    ConnectionTester::Target target;
    target.url = QUrl::fromUserInput(m_url->text().trimmed());
    target.token = m_token->text();
    if (target.token.isEmpty() && !m_profileId.isEmpty())
        target.token = m_secrets.read(TokenStore::tokenKey(m_profileId));
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

#include "profilesettingspage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace einvoice::gui {

ProfileSettingsPage::ProfileSettingsPage(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    auto *row = new QHBoxLayout;
    m_profile = new QComboBox(this);
    m_add = new QPushButton(tr("Add profile…"), this);
    row->addWidget(m_profile, 1);
    row->addWidget(m_add);
    form->addRow(tr("Profile:"), row);
    m_display = new QLineEdit(this);
    m_name = new QLineEdit(this);
    m_vat = new QLineEdit(this);
    m_vat->setPlaceholderText(QStringLiteral("SE556677889901"));
    m_org = new QLineEdit(this);
    m_endpoint = new QLineEdit(this);
    m_endpoint->setPlaceholderText(QStringLiteral("0007:5566778899"));
    m_country = new QLineEdit(this);
    m_country->setMaxLength(2);
    m_country->setPlaceholderText(QStringLiteral("SE"));
    m_folders = new QPlainTextEdit(this);
    m_folders->setPlaceholderText(tr("one folder per line"));
    m_folders->setMaximumHeight(90);
    m_policy = new QComboBox(this);
    m_policy->addItem(tr("I approve every invoice"), sendPolicyName(SendPolicy::ReviewAll));
    m_policy->addItem(tr("Send complete and valid invoices at once"),
                      sendPolicyName(SendPolicy::AutoSendWhenConfident));
    form->addRow(tr("Name in the list:"), m_display);
    form->addRow(tr("Company name:"), m_name);
    form->addRow(tr("VAT number:"), m_vat);
    form->addRow(tr("Organisation number:"), m_org);
    form->addRow(tr("Electronic address:"), m_endpoint);
    form->addRow(tr("Country (2 letters):"), m_country);
    form->addRow(tr("Watched folders:"), m_folders);
    form->addRow(tr("Send policy:"), m_policy);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this](int i) {
        store();
        show(i);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString id =
            QInputDialog::getText(this, tr("Add profile"), tr("Short name (letters, digits, - and _):"),
                                  QLineEdit::Normal, {}, &ok);
        if (ok)
            addProfile(id.trimmed());
    });
}

void ProfileSettingsPage::load(const AgentConfig &config)
{
    m_profiles = config.profiles;
    m_current = -1;
    const QSignalBlocker block(m_profile);
    m_profile->clear();
    for (const SenderProfile &p : std::as_const(m_profiles))
        m_profile->addItem(p.displayName.isEmpty() ? p.id : p.displayName, p.id);
    show(m_profiles.isEmpty() ? -1 : 0);
}

void ProfileSettingsPage::addProfile(const QString &id)
{
    if (!QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(id).hasMatch())
        return;
    for (const SenderProfile &p : std::as_const(m_profiles))
        if (p.id == id)
            return;
    store();
    SenderProfile p;
    p.id = id;
    p.displayName = id;
    if (!m_profiles.isEmpty())
        p.transport = m_profiles.constFirst().transport;
    m_profiles << p;
    m_current = -1;
    m_profile->addItem(id, id);
    m_profile->setCurrentIndex(m_profile->count() - 1);
    emit profileAdded(p);
}

void ProfileSettingsPage::show(int index)
{
    m_current = index;
    const bool has = index >= 0 && index < m_profiles.size();
    const SenderProfile p = has ? m_profiles.at(index) : SenderProfile();
    m_display->setText(p.displayName);
    m_name->setText(p.seller.name);
    m_vat->setText(p.seller.vatId);
    m_org->setText(p.seller.legalRegistration.id);
    m_endpoint->setText(p.seller.electronicAddress.isEmpty()
                            ? QString()
                            : p.seller.electronicAddress.scheme + QLatin1Char(':') +
                                  p.seller.electronicAddress.id);
    m_country->setText(p.seller.address.countryCode);
    m_folders->setPlainText(p.watchFolders.join(QLatin1Char('\n')));
    m_policy->setCurrentIndex(qMax(0, m_policy->findData(sendPolicyName(p.sendPolicy))));
}

void ProfileSettingsPage::store()
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return;
    SenderProfile &p = m_profiles[m_current];
    p.displayName = m_display->text().trimmed();
    p.seller.name = m_name->text().trimmed();
    p.seller.vatId = m_vat->text().trimmed().remove(QLatin1Char(' '));
    p.seller.legalRegistration.id = m_org->text().trimmed();
    const QString endpoint = m_endpoint->text().trimmed();
    const int colon = endpoint.indexOf(QLatin1Char(':'));
    p.seller.electronicAddress =
        colon > 0 ? Identifier{endpoint.mid(colon + 1), endpoint.left(colon)} : Identifier{endpoint, {}};
    p.seller.address.countryCode = m_country->text().trimmed().toUpper();
    QStringList folders;
    for (const QString &line : m_folders->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            folders << line.trimmed();
    p.watchFolders = folders;
    p.sendPolicy = sendPolicyFromName(m_policy->currentData().toString()).value_or(SendPolicy::ReviewAll);
}

QString ProfileSettingsPage::apply(AgentConfig &config)
{
    store();
    for (const SenderProfile &p : std::as_const(m_profiles)) {
        const QString name = p.displayName.isEmpty() ? p.id : p.displayName;
        if (!p.seller.electronicAddress.isEmpty() && p.seller.electronicAddress.scheme.isEmpty())
            return tr("Profile %1: the electronic address needs its scheme, like 0007:5566778899.").arg(name);
        if (!p.seller.address.countryCode.isEmpty() &&
            !QRegularExpression(QStringLiteral("^[A-Z]{2}$")).match(p.seller.address.countryCode).hasMatch())
            return tr("Profile %1: the country must be two letters, like SE.").arg(name);
    }
    // Connections are edited on the Sending page; keep what the configuration has.
    QList<SenderProfile> profiles = m_profiles;
    for (SenderProfile &p : profiles)
        if (const SenderProfile *existing = config.profile(p.id))
            p.transport = existing->transport;
    config.profiles = profiles;
    return {};
}

} // namespace einvoice::gui

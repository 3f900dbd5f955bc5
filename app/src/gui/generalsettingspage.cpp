#include "generalsettingspage.h"

#include "language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

namespace einvoice::gui {

GeneralSettingsPage::GeneralSettingsPage(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    m_incoming = new QLineEdit(this);
    form->addRow(tr("Incoming invoices folder:"), m_incoming);
    auto *formats = new QHBoxLayout;
    m_ubl = new QCheckBox(tr("UBL (Peppol)"), this);
    m_cii = new QCheckBox(tr("CII"), this);
    m_pdf = new QCheckBox(tr("PDF copy"), this);
    formats->addWidget(m_ubl);
    formats->addWidget(m_cii);
    formats->addWidget(m_pdf);
    formats->addStretch(1);
    form->addRow(tr("Download as:"), formats);
    m_autostart = new QCheckBox(tr("Start eInvoice Connector when I log in"), this);
    form->addRow(QString(), m_autostart);
    m_language = new QComboBox(this);
    for (const auto &[code, name] : Language::available())
        m_language->addItem(name, code);
    form->addRow(tr("Language:"), m_language);
}

void GeneralSettingsPage::load(const AgentConfig &config, const QString &language, bool startAtLogin)
{
    m_incoming->setText(config.incomingDir);
    m_ubl->setChecked(config.incomingFormats.contains(QStringLiteral("ubl")));
    m_cii->setChecked(config.incomingFormats.contains(QStringLiteral("cii")));
    m_pdf->setChecked(config.incomingFormats.contains(QStringLiteral("pdf")));
    m_autostart->setChecked(startAtLogin);
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
}

QString GeneralSettingsPage::apply(AgentConfig &config)
{
    QStringList formats;
    if (m_ubl->isChecked())
        formats << QStringLiteral("ubl");
    if (m_cii->isChecked())
        formats << QStringLiteral("cii");
    if (m_pdf->isChecked())
        formats << QStringLiteral("pdf");
    if (!m_ubl->isChecked() && !m_cii->isChecked())
        return tr("Choose UBL or CII for incoming invoices: a PDF copy alone cannot be read.");
    if (m_incoming->text().trimmed().isEmpty())
        return tr("Choose the folder incoming invoices are saved to.");
    config.incomingDir = m_incoming->text().trimmed();
    config.incomingFormats = formats;
    return {};
}

QString GeneralSettingsPage::language() const
{
    return m_language->currentData().toString();
}

bool GeneralSettingsPage::startAtLogin() const
{
    return m_autostart->isChecked();
}

} // namespace einvoice::gui

#pragma once

#include "invoice.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace einvoice {

/// How approved invoices of a profile leave the agent.
enum class SendPolicy
{
    ReviewAll,             ///< a person approves every invoice (the default)
    AutoSendWhenConfident, ///< ready invoices (confident, valid) are approved at once
};
QString sendPolicyName(SendPolicy policy);
/// "0007:5567321707" -> {id, scheme}: the EAS code before the first colon; nullopt otherwise.
std::optional<Identifier> parseSchemeId(const QString &value);
std::optional<SendPolicy> sendPolicyFromName(const QString &name);

/// Settings of the transport a profile sends through. Secrets are never stored here: the token
/// comes from the keychain or a 0600 token file (see docs/configuration.md).
struct TransportSettings
{
    QString kind = QStringLiteral("folder"); ///< folder | https | sftp
    QString outboxDir;                       ///< folder: where e-invoices are written
    QString url;                             ///< https: portal API base; sftp: sftp://host:port/dir
    QString caFile;                          ///< extra CA certificate (PEM) besides the system store
    QString tokenFile;                       ///< headless secret source, must be mode 0600
    QString proxy;                           ///< empty = from the environment
    QString sftpUser;
    QString sftpKeyFile;
    QString sftpKnownHosts;
    QString sftpInboundDir;
    QString sftpStatusDir;   ///< where the operator drops invoice responses about sent invoices
    QString sftpResponseDir; ///< where this agent's invoice responses go; empty = the outbound folder
};

/// One legal entity the agent sends for: its seller identity (filled into invoices where the
/// printed document lacks it), default payment terms, watched folders, send policy and transport.
/// Companies with subsidiaries configure one profile per entity. A value type.
struct SenderProfile
{
    QString id; ///< stable key, part of the journal's idempotency key
    QString displayName;
    Party seller; ///< name, VAT id, legal registration, electronic address, address
    QString iban; ///< default credit transfer account when the document shows none
    QString bic;
    QString paymentTerms;   ///< BT-20 default text
    int paymentDueDays = 0; ///< due date = issue date + days when the document has none (0 = off)
    QStringList watchFolders;
    SendPolicy sendPolicy = SendPolicy::ReviewAll;
    QString outputSyntax = QStringLiteral("ubl"); ///< ubl (Peppol BIS 3) or cii
    TransportSettings transport;
    /// Known customers: buyer name, VAT id or org number (case-insensitive) -> "scheme:id".
    QMap<QString, QString> customerEndpoints;

    /// Fills what the document lacks from the profile; never overwrites what it states, except
    /// that an empty or missing seller electronic address takes the profile's. Returns the
    /// names of the corpus fields that were filled, for the evidence ("profile" source).
    QStringList applyTo(Invoice &invoice) const;
};

} // namespace einvoice

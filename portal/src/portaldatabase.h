#pragma once

#include "ratelimiter.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <mutex>
#include <optional>

namespace einvoice {
class Clock;
}

namespace einvoice::portal {

/// One company account (tenant) of the portal.
struct Account
{
    qint64 id = 0;
    QString name;
    QString endpoint; ///< Peppol electronic address "scheme:id", e.g. "0007:5567321707"
    QString orgNumber;
    QString vatId;
    bool canReceive = true;
    RateLimit rateLimit; ///< per-token override; unlimited() = the server default applies
    QDateTime createdAt;
};

/// One stored e-invoice as the portal tracks it.
struct DocumentRecord
{
    QString id;
    qint64 senderId = 0;
    qint64 receiverId = 0; ///< 0 when the buyer has no account here
    QString senderAccount, receiverAccount;
    QString idempotencyKey;
    QString payloadSha256;
    QString syntax;       ///< "ubl" or "cii": what was uploaded
    QString documentType; ///< "invoice" or "creditnote"
    QString invoiceNumber;
    QDate issueDate;
    QString sellerName, buyerName, sellerEndpoint, buyerEndpoint;
    QString currency;
    QString payable; ///< BT-115 as written in the document (a decimal string)
    bool hasPdf = false;
    QString deliveryStatus; ///< received, validated, delivered, fetched, failed, undeliverable
    QString businessStatus; ///< AB, IP, UQ, RE, AP, PD or empty
    QString businessNote;
    QDateTime createdAt, updatedAt, acknowledgedAt;
    qint64 changeSeq = 0;
};

/// One status event of a document (its timeline).
struct DocumentEvent
{
    qint64 seq = 0;
    QString kind; ///< "delivery" or "business"
    QString status;
    QString message;
    QDateTime time;
};

/// What the intake extracted from an upload; stored with the payload.
struct NewDocument
{
    qint64 senderId = 0;
    QString idempotencyKey;
    QByteArray payload;
    DocumentRecord meta; ///< syntax, number, parties, amounts, hasPdf
};

struct StoreResult
{
    std::optional<DocumentRecord> document;
    bool created = false;
    QString error;
};

/// The portal's SQLite database: accounts, tokens (SHA-256 hashes only), documents, status events.
///
/// Threading: thread-safe. Each thread gets its own QSqlDatabase connection (SQLite connections
/// must not be shared across threads); WAL lets readers run beside the writer, and writes are
/// serialised by one mutex so concurrent uploads never fail with SQLITE_BUSY half-way through an
/// idempotency check. The Clock is not owned and must outlive the database.
class PortalDatabase
{
public:
    PortalDatabase(const QString &path, const Clock &clock);
    ~PortalDatabase();
    PortalDatabase(const PortalDatabase &) = delete;
    PortalDatabase &operator=(const PortalDatabase &) = delete;

    /// Opens (creating if needed) and migrates the schema; false + @p error naming the file.
    bool open(QString *error);
    QString path() const { return m_path; }

    // Accounts and tokens.
    std::optional<Account> addAccount(const Account &account, QString *token, QString *error);
    QList<Account> accounts();
    std::optional<Account> accountByName(const QString &name);
    std::optional<Account> accountById(qint64 id);
    std::optional<Account> accountByEndpoint(const QString &endpoint);
    /// The account a bearer token belongs to, if the token is known and not expired.
    std::optional<Account> accountForToken(const QString &token);
    /// Issues a new token for @p accountId; older tokens stop working after @p graceSecs (0 = now).
    QString rotateToken(qint64 accountId, int graceSecs, QString *error);
    /// Directory search: exact endpoint ("scheme:id" or id), org number or VAT id, or a name part.
    QList<Account> directory(const QString &query);

    // Documents.
    StoreResult storeDocument(const NewDocument &document);
    std::optional<DocumentRecord> document(const QString &id);
    /// The document @p senderId already uploaded under @p idempotencyKey, if any.
    std::optional<DocumentRecord> documentByKey(qint64 senderId, const QString &idempotencyKey);
    QByteArray payload(const QString &id);
    /// Sent documents whose status changed after @p afterSeq, oldest change first.
    QList<DocumentRecord> outboundChanges(qint64 accountId, qint64 afterSeq, int limit);
    /// Received documents; only not yet acknowledged ones unless @p includeAcknowledged.
    QList<DocumentRecord> inbox(qint64 accountId, bool includeAcknowledged, int limit);
    /// Everything an account sent or received, newest first (the web page).
    QList<DocumentRecord> documentsOf(qint64 accountId, int limit);
    QList<DocumentEvent> events(const QString &documentId);
    /// Marks an incoming document acknowledged (idempotent) and moves its delivery status to fetched.
    std::optional<DocumentRecord> acknowledge(const QString &documentId, QString *error);
    /// Records a Peppol invoice response code from the receiver.
    std::optional<DocumentRecord> setBusinessStatus(const QString &documentId, const QString &code,
                                                    const QString &note, QString *error);

    static QByteArray hashToken(const QString &token);

private:
    QSqlDatabase connection();
    bool migrate(QSqlDatabase &db, QString *error);
    qint64 addEvent(QSqlDatabase &db, const QString &documentId, const QString &kind, const QString &status,
                    const QString &message, const QDateTime &time);
    QString newToken(QSqlDatabase &db, qint64 accountId, QString *error);

    QString m_path;
    const Clock &m_clock;
    QString m_connectionPrefix;
    std::mutex m_writeMutex;
};

} // namespace einvoice::portal

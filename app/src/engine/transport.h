#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace einvoice {

/// One e-invoice handed to a transport. The content hash is the idempotency key: a transport
/// must make sending the same document twice (after a crash, a timeout, a retry) end with one
/// document at the other side, never two.
struct OutgoingDocument
{
    qint64 jobId = 0;
    QString senderProfile;
    QString contentHash;   ///< SHA-256 (hex) of the captured original; the idempotency key
    QString syntax;        ///< "ubl" or "cii"
    QByteArray payload;    ///< the e-invoice XML (the original PDF is embedded in it)
    QString fileName;      ///< suggested file name, already safe ("<hash>.xml")
    QString invoiceNumber; ///< for logs and portal listings
    QString buyerEndpoint; ///< buyer electronic address "scheme:id" (e.g. "0007:5567321707"), may be empty
};

/// What happened to one send attempt.
struct SendResult
{
    enum class Outcome
    {
        Accepted,  ///< the other side has the document; remoteId says under which id
        Transient, ///< try again later (network down, 5xx, 429, server busy, keychain locked)
        Permanent, ///< retrying will not help (validation refused, 4xx other than 408/429)
    };
    Outcome outcome = Outcome::Transient;
    QString remoteId;
    QString message;                   ///< user-visible, plain words; names the service and the problem
    QStringList ruleIds;               ///< validation rule ids the other side reported, if any
    std::optional<int> retryAfterSecs; ///< the other side asked for this wait (Retry-After)
    bool duplicate = false;            ///< the other side already had this document (idempotent replay)
};

/// Delivery and business status of a sent document as the other side reports it.
struct RemoteStatus
{
    QString remoteId;       ///< the id send() returned; empty when the other side only names the invoice
    QString deliveryStatus; ///< received, validated, delivered, fetched, failed, undeliverable
    QString businessStatus; ///< Peppol invoice response: AB, IP, UQ, RE, AP, PD (empty if none)
    QString message;
    QDateTime time;
    QString invoiceNumber; ///< set when remoteId is empty (SFTP invoice responses): matched by number
};

struct StatusPoll
{
    bool ok = false;
    QString error;
    QList<RemoteStatus> changes;
    QString nextCursor; ///< pass back next time to get only newer changes
};

/// An incoming document waiting in the inbox at the other side.
struct IncomingDocument
{
    QString remoteId;
    QString senderName;
    QString senderEndpoint; ///< the seller's electronic address "scheme:id", when the other side says
    QString invoiceNumber;
    QString currency;
    QString amount; ///< payable amount as the other side wrote it (decimal text), may be empty
    QDateTime receivedAt;
    std::optional<bool>
        hasPdf; ///< whether a PDF can be fetched ("pdf"); nullopt when the other side does not say
};

struct InboxPoll
{
    bool ok = false;
    QString error;
    QList<IncomingDocument> documents;
};

/// How e-invoices leave the agent and news comes back: the reference portal over HTTPS, SFTP,
/// or a folder. One instance per sender profile.
///
/// Threading: calls are synchronous and may block for as long as the network takes (bounded by
/// the transport's own timeouts); the engine calls them from its sender threads, at most
/// maxConcurrentCalls() sends at a time per instance, and status/inbox polls beside them.
/// Implementations never throw and never log secrets.
class Transport
{
public:
    virtual ~Transport();
    /// Short stable kind name: "folder", "https", "sftp".
    virtual QString kind() const = 0;
    /// Where documents go, for the UI ("https://portal.example/api/v1", "/srv/outbox").
    virtual QString describe() const = 0;
    virtual SendResult send(const OutgoingDocument &document) = 0;
    /// Status changes since @p cursor (empty = from the beginning). Transports without status
    /// tracking return ok with no changes.
    virtual StatusPoll pollStatus(const QString &cursor);
    /// Incoming documents not yet acknowledged. Transports without an inbox return ok, empty.
    virtual InboxPoll pollInbox();
    /// Downloads one incoming document in @p format ("ubl", "cii", "pdf"); empty + error on failure.
    virtual QByteArray fetchIncoming(const QString &remoteId, const QString &format, QString *error);
    /// Tells the other side the document is safely stored here, so it is delivered once.
    virtual QString acknowledgeIncoming(const QString &remoteId);
    /// How many calls the engine may make at once from different threads (default one: calls are
    /// serialised). A transport returning more must be safe for that many concurrent calls.
    virtual int maxConcurrentCalls() const { return 1; }
    /// Whether business responses about incoming invoices can be sent back this way.
    virtual bool supportsResponses() const;
    /// Sends a Peppol invoice response code (AB, IP, UQ, RE, AP, PD) for an incoming document,
    /// with @p note (the reason of a rejection or query). Returns "" when the other side took it,
    /// otherwise the problem in plain words.
    virtual QString respondToIncoming(const QString &remoteId, const QString &code, const QString &note);
};

} // namespace einvoice

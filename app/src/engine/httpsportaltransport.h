#pragma once

#include "transport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace einvoice {

class Clock;

/// One participant found in the portal's directory.
struct Participant
{
    QString name;
    QString endpoint; ///< electronic address "scheme:id"
    QString orgNumber;
    QString vatId;
    bool canReceive = false;
};

struct DirectoryLookup
{
    bool ok = false;
    QString error;
    QList<Participant> participants;
};

/// The Portal API v1 (docs/portal-api.md) over HTTPS with libcurl.
///
/// TLS verification is always on: the system CA store, plus an optional extra CA file (a
/// company's own CA, a test CA). Plain http:// is accepted only for a loopback host. The proxy
/// comes from the options or, when none is set, from the environment (https_proxy, no_proxy...),
/// authenticating with whatever the proxy offers (Basic, NTLM, Negotiate). Curl easy handles are
/// kept in a pool for the transport's lifetime, one per call in flight, and run by one libcurl
/// multi handle (CurlMulti): connections are shared by all calls and reused, at most
/// maxConcurrentCalls() to the portal, and calls in flight together are multiplexed as HTTP/2
/// streams over one connection when the portal speaks h2.
/// The bearer token is asked for on every request through a callback, so a rotated or unlocked
/// secret is picked up without rebuilding the transport; it never appears in messages or logs.
///
/// Threading: calls are synchronous and may come from several threads at once (the engine sends
/// up to maxConcurrentCalls() documents side by side); each takes its own handle from the pool
/// and waits while CurlMulti's thread runs the transfer. Destroying the transport ends the calls
/// still waiting on the portal with a transient error ("cancelled") and waits for them to return.
/// The token source must be callable from any thread. The clock, if given, is not owned and must
/// outlive the transport.
class HttpsPortalTransport : public Transport
{
public:
    struct Options
    {
        QString baseUrl;      ///< e.g. "https://portal.example" (the API lives under /api/v1)
        QString extraCaFile;  ///< PEM file trusted in addition to the system CA store
        QString proxy;        ///< "http://proxy:3128"; empty = from the environment
        bool noProxy = false; ///< ignore the environment's proxy settings too
        QString proxyUser;    ///< for Basic/NTLM; empty with Negotiate (Kerberos ticket)
        QString proxyPassword;
        int connectTimeoutSecs = 15;
        int totalTimeoutSecs = 120;               ///< whole request, upload and answer included
        qint64 maxAnswerBytes = 96 * 1024 * 1024; ///< larger answers are a broken or hostile server
    };
    using TokenSource = std::function<QString()>;

    HttpsPortalTransport(const Options &options, TokenSource token, const Clock *clock = nullptr);
    ~HttpsPortalTransport() override;
    HttpsPortalTransport(const HttpsPortalTransport &) = delete;
    HttpsPortalTransport &operator=(const HttpsPortalTransport &) = delete;

    QString kind() const override;
    QString describe() const override;
    SendResult send(const OutgoingDocument &document) override;
    StatusPoll pollStatus(const QString &cursor) override;
    InboxPoll pollInbox() override;
    QByteArray fetchIncoming(const QString &remoteId, const QString &format, QString *error) override;
    QString acknowledgeIncoming(const QString &remoteId) override;

    bool supportsResponses() const override { return true; }
    /// Uploads in flight at once. They share at most four connections (the reference portal
    /// takes about twice as many invoices per second from four connections as from one, see
    /// bench/portal_bench, and four keep a small portal from being swamped by one agent); the
    /// calls beyond that wait inside libcurl for a free connection, or share one as HTTP/2
    /// streams. Queued there, the next upload starts the moment one ends instead of after the
    /// engine has recorded the result (an agent sent 173-204 invoices/s with 4, see
    /// docs/architecture.md).
    int maxConcurrentCalls() const override { return 16; }
    /// Connections one transport opens to the portal at most.
    static constexpr long kMaxConnections = 4;
    /// Posts the response to /api/v1/inbox/{id}/response; the portal passes it to the seller.
    QString respondToIncoming(const QString &remoteId, const QString &code, const QString &note) override;
    /// Looks a participant up by name, organisation number, VAT id or electronic address.
    DirectoryLookup lookup(const QString &query);

    /// Seconds to wait from a Retry-After value: delta-seconds or an HTTP-date (RFC 9110).
    static std::optional<int> parseRetryAfter(const QString &value, const QDateTime &now);

    /// One HTTP exchange as the transport saw it (exposed for the mapping below and tests).
    struct Reply
    {
        int curlCode = 0;  ///< CURLcode; 0 = an HTTP answer arrived
        QString curlError; ///< curl's explanation when curlCode != 0
        long httpStatus = 0;
        QMap<QString, QString> headers; ///< lower-case names
        QByteArray body;
        QString httpVersion; ///< "1.1", "2"
    };
    /// Maps an upload reply to the engine's outcome (see the class comment in docs/portal-api.md).
    static SendResult mapUploadReply(const Reply &reply, const QString &service, const QDateTime &now);

    /// HTTP version of the last answer ("1.1", "2"), for diagnostics and tests.
    QString lastHttpVersion() const;
    /// How many new connections curl opened so far (connection reuse shows as a small number).
    long connectionsOpened() const;

private:
    /// @p token: the bearer token for this call (asked once per call from the TokenSource).
    Reply request(const char *method, const QString &path, const QByteArray &body,
                  const QList<QByteArray> &extraHeaders, const QString &token);
    /// Same, asking the TokenSource for the token.
    Reply request(const char *method, const QString &path, const QByteArray &body = {},
                  const QList<QByteArray> &extraHeaders = {});
    QString failureText(const Reply &reply) const;

    struct Curl;
    Options m_options;
    TokenSource m_token;
    const Clock *m_clock;
    std::unique_ptr<Curl> m_curl;
    QString m_configError;
};

} // namespace einvoice

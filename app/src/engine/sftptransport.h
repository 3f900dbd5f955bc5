#pragma once

#include "transport.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <mutex>

namespace einvoice {

class Clock;
struct TransportSettings;

/// Sends e-invoices to an operator's SFTP server and picks incoming ones up from an inbound
/// directory there, with libcurl (sftp:// through libssh2). See docs/sftp.md.
///
/// Each e-invoice is uploaded as a hidden temp name (".<hash>.xml.part") and renamed to
/// "<hash>.xml" in the same session, so the operator never picks up half a file. A file of that
/// name already holding the same bytes is an idempotent replay (Accepted, duplicate). The host
/// key is always checked, against a known_hosts file or a pinned SHA-256 fingerprint; without
/// either the transport refuses to connect. Client authentication is by key only (Ed25519 or
/// ECDSA; libssh2 1.10 cannot sign with RSA-SHA2, which OpenSSH 9 requires).
///
/// Incoming: every "*.xml" file in the inbound directory (hidden files skipped) is one incoming
/// document named by its file name; acknowledging moves it into "<inbound>/done/", so it is
/// delivered once and the operator keeps a trace.
///
/// Business responses travel as Peppol Invoice Response files (UBL ApplicationResponse, see
/// InvoiceResponse): respondToIncoming() writes one about an incoming invoice into the response
/// folder (temp name + rename); pollStatus() reads the ones in the status folder, reports each as
/// a status change matched by invoice number, and moves it into "<status>/done/".
///
/// Threading: calls are synchronous and serialised by an internal mutex; one curl handle is kept
/// and run by a CurlMulti (the same driver as HttpsPortalTransport's), whose connection cache
/// keeps the SSH session for the next call. The clock, if given, is not owned and must outlive
/// the transport. Never logs the key passphrase.
class SftpTransport : public Transport
{
public:
    struct Options
    {
        QString host;
        int port = 22;
        QString user;
        /// Remote directories: "/abs/path" from the server's root, or "~/rel" (or "rel") from the
        /// login directory. Any characters, spaces and non-ASCII included (UTF-8 on the wire).
        QString outboundDir;
        QString inboundDir; ///< empty: no inbox
        /// Where the operator drops Peppol invoice responses (UBL ApplicationResponse) about the
        /// invoices sent from here; empty: no status over SFTP.
        QString statusDir;
        /// Where this agent's invoice responses about incoming invoices go; empty: outboundDir.
        QString responseDir;
        QString privateKeyFile; ///< Ed25519 or ECDSA, OpenSSH format
        QString publicKeyFile;  ///< empty: derived from the private key
        QString knownHostsFile; ///< OpenSSH known_hosts; the server must be listed with this key
        /// Pinned key, as `ssh-keygen -lf` prints it ("SHA256:..." or bare). When set, it is the
        /// host check and knownHostsFile is not used (libcurl skips known_hosts then).
        QString hostKeySha256;
        int connectTimeoutSecs = 15; ///< TCP connect plus SSH handshake and login
        int lowSpeedSecs = 30;       ///< abort when no byte moved for this long
        int totalTimeoutSecs = 300;  ///< whole call
    };
    using SecretSource = std::function<QString()>;

    /// Options from a sender profile: url "sftp://[user@]host[:port]/dir" (path from the
    /// server's root; "/~/dir" from the login directory), sftpUser, sftpKeyFile,
    /// sftpKnownHosts (a known_hosts file, or a pinned "SHA256:<base64>" fingerprint) and
    /// sftpInboundDir. @p error receives what is wrong with the settings, "" when usable.
    static Options optionsFromSettings(const TransportSettings &settings, QString *error);

    /// @p keyPassphrase is asked on each call (empty source or empty answer: key without one).
    explicit SftpTransport(const Options &options, SecretSource keyPassphrase = {},
                           const Clock *clock = nullptr);
    /// From a sender profile's settings; unusable settings make every call fail with the reason.
    explicit SftpTransport(const TransportSettings &settings, SecretSource keyPassphrase = {},
                           const Clock *clock = nullptr);
    ~SftpTransport() override;
    SftpTransport(const SftpTransport &) = delete;
    SftpTransport &operator=(const SftpTransport &) = delete;

    QString kind() const override;
    QString describe() const override;
    SendResult send(const OutgoingDocument &document) override;
    InboxPoll pollInbox() override;
    /// "ubl" or "cii": the file as the operator delivered it when it is in that syntax, otherwise
    /// converted by the agent; "pdf": the PDF embedded in the e-invoice.
    QByteArray fetchIncoming(const QString &remoteId, const QString &format, QString *error) override;
    QString acknowledgeIncoming(const QString &remoteId) override;
    /// Ignores @p cursor: the status folder itself is the queue (read files move to done/).
    StatusPoll pollStatus(const QString &cursor) override;
    bool supportsResponses() const override { return !m_options.inboundDir.isEmpty(); }
    QString respondToIncoming(const QString &remoteId, const QString &code, const QString &note) override;

    /// How many SSH connections curl opened so far (a small number shows the session is reused).
    long connectionsOpened() const;

    struct Reply; ///< one curl exchange (sftptransport.cpp)

private:
    struct Request;
    Reply perform(const Request &request);
    QString problem(const Reply &reply, const QString &what) const;
    bool permanent(const Reply &reply) const;
    QString checkUsable() const;
    QString checkIncoming(const QString &remoteId) const;
    QByteArray download(const QByteArray &urlPath, qsizetype maxBytes, Reply *reply);
    enum class Folder
    {
        Inbound,
        Status,
        Response,
    };
    /// The visible "*.xml" files of @p folder, sorted; "" or the problem.
    QString listXml(Folder folder, QStringList *names);
    /// Moves @p name into "<folder>/done/" (kept under a time-stamped name if done/ has one).
    QString moveToDone(Folder folder, const QString &name);

    struct Curl;
    Options m_options;
    SecretSource m_passphrase;
    const Clock *m_clock;
    std::unique_ptr<Curl> m_curl;
    QString m_configError;
    mutable std::mutex m_mutex;
};

} // namespace einvoice

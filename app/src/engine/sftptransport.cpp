#include "sftptransport.h"

#include "clock.h"
#include "curlmulti.h"
#include "einvoicexml.h"
#include "invoiceresponse.h"
#include "senderprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <curl/curl.h>
#include <mutex>

Q_LOGGING_CATEGORY(lcSftpTransport, "einvoice.transport.sftp", QtInfoMsg)

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SftpTransport", text);
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// No e-invoice comes near this; a larger incoming file is a broken or hostile server.
constexpr qsizetype kMaxIncomingBytes = 96 * 1024 * 1024;
constexpr int kMaxInboxEntries = 1000;

/// A remote directory: from the login directory (home) or from the server's root.
struct RemoteDir
{
    bool fromHome = true;
    QStringList segments;
};

bool hasControlChars(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

RemoteDir parseDir(QString path)
{
    RemoteDir dir;
    if (path.startsWith(QLatin1String("/~/")) || path == QLatin1String("/~"))
        path = path.mid(3);
    else if (path.startsWith(QLatin1String("~/")) || path == QLatin1String("~"))
        path = path.mid(2);
    else if (path.startsWith(QLatin1Char('/')))
        dir.fromHome = false;
    dir.segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return dir;
}

/// The path in the URL: each segment percent-encoded (UTF-8); curl decodes it again.
QByteArray urlPath(const RemoteDir &dir, const QString &name, bool trailingSlash = false)
{
    QByteArray p = dir.fromHome ? QByteArrayLiteral("/~") : QByteArray();
    QStringList parts = dir.segments;
    if (!name.isEmpty())
        parts << name;
    for (const QString &s : parts)
        p += '/' + QUrl::toPercentEncoding(s);
    if (trailingSlash || p.isEmpty() || p == "/~")
        p += '/';
    return p;
}

/// The path in a quote command (rename, mkdir, rm): curl takes it literally, relative to the
/// login directory unless it starts with '/'; quoted so spaces survive.
QByteArray quotePath(const RemoteDir &dir, const QString &name)
{
    QStringList parts = dir.segments;
    if (!name.isEmpty())
        parts << name;
    QString p = parts.join(QLatin1Char('/'));
    if (!dir.fromHome)
        p.prepend(QLatin1Char('/'));
    else if (p.isEmpty())
        p = QStringLiteral(".");
    p.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    p.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return '"' + p.toUtf8() + '"';
}

QString displayDir(const RemoteDir &dir)
{
    const QString joined = dir.segments.join(QLatin1Char('/'));
    return dir.fromHome ? QStringLiteral("~/") + joined : QStringLiteral("/") + joined;
}

/// An inbox file name as it may be used in a path: one component, nothing hidden or special.
bool safeName(const QString &name)
{
    return !name.isEmpty() && !name.startsWith(QLatin1Char('.')) && !name.contains(QLatin1Char('/')) &&
           !name.contains(QLatin1Char('\\')) && !hasControlChars(name) && name.size() <= 255;
}

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *user)
{
    auto *u = static_cast<Upload *>(user);
    const qsizetype n = qMin(qsizetype(size * count), u->data->size() - u->offset);
    memcpy(buffer, u->data->constData() + u->offset, size_t(n));
    u->offset += n;
    return size_t(n);
}

} // namespace

struct SftpTransport::Reply
{
    int curlCode = 0;
    QString curlError;
    QByteArray body;
    bool truncated = false; ///< the answer went past the request's byte limit
    qint64 fileTime = -1;
    int hostKeyMatch = -1; ///< curl_khmatch from the known_hosts check, -1 = not checked
};

struct SftpTransport::Request
{
    QByteArray path; ///< URL path (percent-encoded)
    const QByteArray *upload = nullptr;
    bool noBody = false;
    bool listOnly = false;
    bool fileTime = false;
    QList<QByteArray> quote;
    QList<QByteArray> postQuote;
    qsizetype maxBytes = kMaxIncomingBytes;
};

struct SftpTransport::Curl
{
    CURL *handle = nullptr;
    /// Holds the SSH session between calls (its connection cache); one call at a time.
    CurlMulti multi{1, 1};
    long connects = 0;
    RemoteDir outbound;
    RemoteDir inbound;
    RemoteDir status;
    RemoteDir response;
    const RemoteDir &dir(SftpTransport::Folder f) const
    {
        return f == SftpTransport::Folder::Inbound  ? inbound
               : f == SftpTransport::Folder::Status ? status
                                                    : response;
    }
    void setDirs(const SftpTransport::Options &o)
    {
        outbound = parseDir(o.outboundDir);
        inbound = parseDir(o.inboundDir);
        status = parseDir(o.statusDir);
        response = parseDir(o.responseDir.isEmpty() ? o.outboundDir : o.responseDir);
    }
    ~Curl()
    {
        if (handle)
            curl_easy_cleanup(handle);
    }
};

namespace {

struct Collect
{
    QByteArray *body;
    qsizetype max;
    bool *truncated;
};

size_t collectBody(char *data, size_t size, size_t count, void *user)
{
    auto *c = static_cast<Collect *>(user);
    if (c->body->size() + qsizetype(size * count) > c->max) {
        *c->truncated = true;
        return 0; // curl stops with CURLE_WRITE_ERROR
    }
    c->body->append(data, qsizetype(size * count));
    return size * count;
}

/// Accepts the server only when known_hosts lists it with exactly this key: an unknown host is
/// not learnt (trust on first use would let the first man in the middle in) and a changed key
/// is refused.
int checkHostKey(CURL *, const curl_khkey *, const curl_khkey *, curl_khmatch match, void *user)
{
    *static_cast<int *>(user) = int(match);
    return match == CURLKHMATCH_OK ? CURLKHSTAT_FINE : CURLKHSTAT_REJECT;
}

curl_slist *toList(const QList<QByteArray> &commands)
{
    curl_slist *list = nullptr;
    for (const QByteArray &c : commands)
        list = curl_slist_append(list, c.constData());
    return list;
}

} // namespace

SftpTransport::Options SftpTransport::optionsFromSettings(const TransportSettings &settings, QString *error)
{
    Options o;
    QString why;
    const QUrl url(settings.url.trimmed());
    if (!url.isValid() || url.scheme() != QLatin1String("sftp") || url.host().isEmpty()) {
        why = tr("The SFTP address \"%1\" is not of the form sftp://host:port/folder.").arg(settings.url);
    } else {
        o.host = url.host();
        o.port = url.port(22);
        o.user = settings.sftpUser.isEmpty() ? url.userName() : settings.sftpUser;
        o.outboundDir = url.path(QUrl::FullyDecoded);
    }
    o.inboundDir = settings.sftpInboundDir;
    o.statusDir = settings.sftpStatusDir;
    o.responseDir = settings.sftpResponseDir;
    o.privateKeyFile = settings.sftpKeyFile;
    const QString hostKey = settings.sftpKnownHosts.trimmed();
    if (hostKey.startsWith(QLatin1String("SHA256:")))
        o.hostKeySha256 = hostKey;
    else
        o.knownHostsFile = hostKey;
    if (!settings.proxy.isEmpty())
        qCInfo(lcSftpTransport) << "the proxy setting is not used for SFTP";
    if (error)
        *error = why;
    return o;
}

SftpTransport::SftpTransport(const TransportSettings &settings, SecretSource keyPassphrase,
                             const Clock *clock)
    : SftpTransport(Options{}, std::move(keyPassphrase), clock)
{
    QString error;
    m_options = optionsFromSettings(settings, &error);
    m_curl->setDirs(m_options);
    m_configError = error.isEmpty() ? checkUsable() : error;
    if (!m_configError.isEmpty())
        qCWarning(lcSftpTransport).noquote() << m_configError;
}

SftpTransport::SftpTransport(const Options &options, SecretSource keyPassphrase, const Clock *clock)
    : m_options(options), m_passphrase(std::move(keyPassphrase)), m_clock(clock),
      m_curl(std::make_unique<Curl>())
{
    globalInit();
    m_curl->handle = curl_easy_init();
    m_curl->setDirs(m_options);
    if (!m_curl->handle)
        m_configError = tr("libcurl could not be initialised.");
    else if (!options.host.isEmpty())
        m_configError = checkUsable();
    if (!m_configError.isEmpty() && !options.host.isEmpty())
        qCWarning(lcSftpTransport).noquote() << m_configError;
}

SftpTransport::~SftpTransport() = default;

QString SftpTransport::kind() const
{
    return QStringLiteral("sftp");
}

QString SftpTransport::describe() const
{
    return QStringLiteral("sftp://%1@%2:%3%4")
        .arg(m_options.user, m_options.host)
        .arg(m_options.port)
        .arg(m_curl->outbound.fromHome ? QStringLiteral("/") + displayDir(m_curl->outbound)
                                       : displayDir(m_curl->outbound));
}

long SftpTransport::connectionsOpened() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_curl->connects;
}

/// What must hold before connecting; checked again on every call, since files can go away.
QString SftpTransport::checkUsable() const
{
    const QString server = QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
    if (m_options.host.isEmpty())
        return tr("No SFTP server is configured.");
    if (m_options.user.isEmpty())
        return tr("No user name is configured for the SFTP server %1.").arg(server);
    if (hasControlChars(m_options.outboundDir) || hasControlChars(m_options.inboundDir) ||
        hasControlChars(m_options.statusDir) || hasControlChars(m_options.responseDir))
        return tr("The SFTP folders for %1 contain control characters.").arg(server);
    if (m_options.knownHostsFile.isEmpty() && m_options.hostKeySha256.isEmpty())
        return tr("Refusing to connect to the SFTP server %1 without checking its identity: set a "
                  "known_hosts file or the server's pinned key fingerprint (SHA256:...).")
            .arg(server);
    if (m_options.hostKeySha256.isEmpty() && !QFileInfo(m_options.knownHostsFile).isReadable())
        return tr("The known_hosts file %1 for the SFTP server %2 does not exist or cannot be read.")
            .arg(m_options.knownHostsFile, server);
    static const QRegularExpression base64(QStringLiteral("^(SHA256:)?[A-Za-z0-9+/]{43}=?$"));
    if (!m_options.hostKeySha256.isEmpty() && !base64.match(m_options.hostKeySha256.trimmed()).hasMatch())
        return tr("The pinned host key \"%1\" for the SFTP server %2 is not a SHA256 fingerprint as "
                  "ssh-keygen -lf prints it.")
            .arg(m_options.hostKeySha256, server);
    if (m_options.privateKeyFile.isEmpty())
        return tr("No private key file is configured for the SFTP server %1.").arg(server);
    if (!QFileInfo(m_options.privateKeyFile).isReadable())
        return tr("The private key file %1 for the SFTP server %2 does not exist or cannot be read.")
            .arg(m_options.privateKeyFile, server);
    if (!m_options.publicKeyFile.isEmpty() && !QFileInfo(m_options.publicKeyFile).isReadable())
        return tr("The public key file %1 for the SFTP server %2 does not exist or cannot be read.")
            .arg(m_options.publicKeyFile, server);
    return {};
}

SftpTransport::Reply SftpTransport::perform(const Request &request)
{
    Reply reply;
    CURL *h = m_curl->handle;
    curl_easy_reset(h); // the SSH session stays in m_curl->multi for the next call
    QByteArray host = m_options.host.toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const QByteArray url = "sftp://" + host + ':' + QByteArray::number(m_options.port) + request.path;
    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "sftp");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROXY, ""); // not the environment's HTTP proxy
    const QByteArray user = m_options.user.toUtf8();
    curl_easy_setopt(h, CURLOPT_USERNAME, user.constData());
    curl_easy_setopt(h, CURLOPT_SSH_AUTH_TYPES, long(CURLSSH_AUTH_PUBLICKEY));
    const QByteArray privateKey = QFile::encodeName(m_options.privateKeyFile);
    curl_easy_setopt(h, CURLOPT_SSH_PRIVATE_KEYFILE, privateKey.constData());
    // Without a public key file curl would look in $HOME/.ssh; empty lets libssh2 derive it.
    const QByteArray publicKey = QFile::encodeName(m_options.publicKeyFile);
    curl_easy_setopt(h, CURLOPT_SSH_PUBLIC_KEYFILE, publicKey.constData());
    const QByteArray passphrase = m_passphrase ? m_passphrase().toUtf8() : QByteArray();
    if (!passphrase.isEmpty())
        curl_easy_setopt(h, CURLOPT_KEYPASSWD, passphrase.constData());
    // libcurl checks known_hosts only when no fingerprint is pinned (tried: a pinned key that
    // matches passes even when known_hosts lists another key), so the pin is the one check then.
    const QByteArray knownHosts = QFile::encodeName(m_options.knownHostsFile);
    if (!knownHosts.isEmpty() && m_options.hostKeySha256.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSH_KNOWNHOSTS, knownHosts.constData());
        curl_easy_setopt(h, CURLOPT_SSH_KEYFUNCTION, checkHostKey);
        curl_easy_setopt(h, CURLOPT_SSH_KEYDATA, &reply.hostKeyMatch);
    }
    QByteArray pinned = m_options.hostKeySha256.trimmed().toLatin1();
    if (pinned.startsWith("SHA256:"))
        pinned = pinned.mid(7);
    while (pinned.endsWith('='))
        pinned.chop(1); // curl compares against the unpadded base64 that ssh-keygen prints
    if (!pinned.isEmpty())
        curl_easy_setopt(h, CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, pinned.constData());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(m_options.connectTimeoutSecs) * 1000L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(m_options.totalTimeoutSecs) * 1000L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, long(m_options.lowSpeedSecs));
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);

    Upload upload;
    if (request.upload) {
        upload.data = request.upload;
        curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(h, CURLOPT_READFUNCTION, readUpload);
        curl_easy_setopt(h, CURLOPT_READDATA, &upload);
        curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.upload->size()));
        curl_easy_setopt(h, CURLOPT_FTP_CREATE_MISSING_DIRS, long(CURLFTP_CREATE_DIR));
        curl_easy_setopt(h, CURLOPT_NEW_FILE_PERMS, 0644L);
    }
    if (request.noBody)
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    if (request.listOnly)
        curl_easy_setopt(h, CURLOPT_DIRLISTONLY, 1L);
    if (request.fileTime)
        curl_easy_setopt(h, CURLOPT_FILETIME, 1L);
    curl_slist *quote = toList(request.quote);
    curl_slist *postQuote = toList(request.postQuote);
    if (quote)
        curl_easy_setopt(h, CURLOPT_QUOTE, quote);
    if (postQuote)
        curl_easy_setopt(h, CURLOPT_POSTQUOTE, postQuote);
    Collect collect{&reply.body, request.maxBytes, &reply.truncated};
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collectBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &collect);

    const CURLcode code = m_curl->multi.perform(h);
    reply.curlCode = int(code);
    if (code != CURLE_OK)
        reply.curlError =
            QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code)).trimmed();
    if (request.fileTime) {
        curl_off_t t = -1;
        if (curl_easy_getinfo(h, CURLINFO_FILETIME_T, &t) == CURLE_OK)
            reply.fileTime = qint64(t);
    }
    long connects = 0;
    if (curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK)
        m_curl->connects += connects;
    curl_slist_free_all(quote);
    curl_slist_free_all(postQuote);
    return reply;
}

bool SftpTransport::permanent(const Reply &reply) const
{
    switch (reply.curlCode) {
    case CURLE_LOGIN_DENIED:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_REMOTE_ACCESS_DENIED:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_REMOTE_FILE_NOT_FOUND:
        return true;
    case CURLE_QUOTE_ERROR:
        // A rename refused for lack of rights will be refused again; anything else (the file
        // vanished, a server hiccup) may go through on the next attempt.
        return reply.curlError.contains(QLatin1String("ermission denied"));
    default:
        return false;
    }
}

QString SftpTransport::problem(const Reply &reply, const QString &what) const
{
    const QString server = QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
    switch (reply.curlCode) {
    case CURLE_COULDNT_CONNECT:
        return tr("The SFTP server %1 could not be reached (connection refused or no route): %2")
            .arg(server, reply.curlError);
    case CURLE_COULDNT_RESOLVE_HOST:
        return tr("The SFTP server name %1 could not be resolved: %2").arg(m_options.host, reply.curlError);
    case CURLE_OPERATION_TIMEDOUT:
        return tr("The SFTP server %1 did not answer in time: %2").arg(server, reply.curlError);
    case CURLE_FAILED_INIT:
    case CURLE_SSH:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
        return tr("The SFTP server %1 broke off the session (busy or restarting?): %2")
            .arg(server, reply.curlError);
    case CURLE_LOGIN_DENIED:
        return tr("The SFTP server %1 refused the login of user %2 with the key %3. Check that its public "
                  "key is in the server's authorized_keys (RSA keys do not work; use Ed25519 or ECDSA) and, "
                  "for a key with a passphrase, that the passphrase is right.")
            .arg(server, m_options.user, m_options.privateKeyFile);
    case CURLE_PEER_FAILED_VERIFICATION:
        if (reply.hostKeyMatch == CURLKHMATCH_MISMATCH)
            return tr("The host key of the SFTP server %1 does NOT match the one in %2: the key changed or "
                      "someone is intercepting the connection. Nothing was sent.")
                .arg(server, m_options.knownHostsFile);
        if (reply.hostKeyMatch == CURLKHMATCH_MISSING)
            return tr("The SFTP server %1 is not listed in the known_hosts file %2, so its identity cannot "
                      "be checked. Nothing was sent; add the server's key (ssh-keyscan) after verifying it.")
                .arg(server, m_options.knownHostsFile);
        return tr("The host key of the SFTP server %1 does not match the pinned fingerprint %2. Nothing "
                  "was sent.")
            .arg(server, m_options.hostKeySha256);
    case CURLE_REMOTE_ACCESS_DENIED:
        return tr("The SFTP server %1 denied access to %2 (permission denied): %3")
            .arg(server, what, reply.curlError);
    case CURLE_REMOTE_FILE_NOT_FOUND:
        return tr("%1 does not exist on the SFTP server %2.").arg(what, server);
    case CURLE_REMOTE_DISK_FULL:
        return tr("The SFTP server %1 has no room left for %2.").arg(server, what);
    case CURLE_WRITE_ERROR:
        if (reply.truncated)
            return tr("%1 on the SFTP server %2 is larger than the agent accepts.").arg(what, server);
        break;
    default:
        break;
    }
    return tr("SFTP server %1, %2: %3").arg(server, what, reply.curlError);
}

QByteArray SftpTransport::download(const QByteArray &path, qsizetype maxBytes, Reply *reply)
{
    Request r;
    r.path = path;
    r.maxBytes = maxBytes;
    *reply = perform(r);
    return reply->curlCode == CURLE_OK ? reply->body : QByteArray();
}

SendResult SftpTransport::send(const OutgoingDocument &document)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    SendResult result;
    result.outcome = SendResult::Outcome::Permanent;
    if (!m_configError.isEmpty()) {
        result.message = m_configError;
        return result;
    }
    if (const QString e = checkUsable(); !e.isEmpty()) {
        result.message = e;
        return result;
    }
    static const QRegularExpression hashRe(QStringLiteral("^[0-9A-Fa-f]{16,128}$"));
    if (!hashRe.match(document.contentHash).hasMatch()) {
        result.message = tr("Document %1 has no usable content hash, so it cannot be uploaded idempotently.")
                             .arg(document.invoiceNumber);
        return result;
    }
    const RemoteDir &dir = m_curl->outbound;
    const QString name = document.contentHash + QStringLiteral(".xml");
    const QString temp = QStringLiteral(".") + name + QStringLiteral(".part");
    const QString target = displayDir(dir) + QLatin1Char('/') + name;

    // Already there? Read back at most one byte more than ours: same bytes = a replay.
    Reply existing;
    Request check;
    check.path = urlPath(dir, name);
    check.maxBytes = document.payload.size() + 1;
    existing = perform(check);
    const bool present =
        existing.curlCode == CURLE_OK || (existing.curlCode == CURLE_WRITE_ERROR && existing.truncated);
    if (existing.curlCode == CURLE_OK && existing.body == document.payload) {
        result.outcome = SendResult::Outcome::Accepted;
        result.duplicate = true;
        result.remoteId = QStringLiteral("sftp:") + target;
        result.message = tr("The SFTP server %1 already has this e-invoice as %2 (sent before).")
                             .arg(m_options.host, target);
        qCInfo(lcSftpTransport).noquote()
            << "replay of" << document.invoiceNumber << "job" << document.jobId << "already at" << target;
        return result;
    }
    if (!present && existing.curlCode != CURLE_REMOTE_FILE_NOT_FOUND) {
        result.outcome =
            permanent(existing) ? SendResult::Outcome::Permanent : SendResult::Outcome::Transient;
        result.message = problem(existing, tr("the folder %1").arg(displayDir(dir)));
        return result;
    }

    Request up;
    up.path = urlPath(dir, temp);
    up.upload = &document.payload;
    // Same hash, other bytes: the e-invoice was rebuilt (a correction). SFTP v3 rename does not
    // overwrite, so the old file goes first.
    if (present)
        up.postQuote << "rm " + quotePath(dir, name);
    up.postQuote << "rename " + quotePath(dir, temp) + ' ' + quotePath(dir, name);
    const Reply reply = perform(up);
    if (reply.curlCode != CURLE_OK) {
        result.outcome = permanent(reply) ? SendResult::Outcome::Permanent : SendResult::Outcome::Transient;
        result.message = problem(reply, tr("the folder %1").arg(displayDir(dir)));
        qCInfo(lcSftpTransport).noquote() << "upload of" << document.invoiceNumber << "job" << document.jobId
                                          << "failed:" << result.message;
        return result;
    }
    result.outcome = SendResult::Outcome::Accepted;
    result.remoteId = QStringLiteral("sftp:") + target;
    result.message = tr("Uploaded to the SFTP server %1 as %2.").arg(m_options.host, target);
    qCInfo(lcSftpTransport).noquote()
        << "uploaded" << document.invoiceNumber << "job" << document.jobId << "to" << target;
    return result;
}

InboxPoll SftpTransport::pollInbox()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    InboxPoll poll;
    if (!m_configError.isEmpty()) {
        poll.error = m_configError;
        return poll;
    }
    if (m_options.inboundDir.isEmpty()) {
        poll.ok = true; // no inbox configured
        return poll;
    }
    if (const QString e = checkUsable(); !e.isEmpty()) {
        poll.error = e;
        return poll;
    }
    const RemoteDir &dir = m_curl->inbound;
    QStringList names;
    if (const QString e = listXml(Folder::Inbound, &names); !e.isEmpty()) {
        poll.error = e;
        return poll;
    }
    if (names.size() > kMaxInboxEntries)
        names = names.mid(0, kMaxInboxEntries); // the rest comes with the next poll
    for (const QString &name : std::as_const(names)) {
        Request stat;
        stat.path = urlPath(dir, name);
        stat.noBody = true;
        stat.fileTime = true;
        const Reply r = perform(stat);
        if (r.curlCode == CURLE_REMOTE_FILE_NOT_FOUND)
            continue; // taken away since the listing
        if (r.curlCode != CURLE_OK) {
            poll.error = problem(r, tr("The incoming file %1").arg(name));
            return poll;
        }
        IncomingDocument doc;
        doc.remoteId = name;
        if (r.fileTime >= 0)
            doc.receivedAt = QDateTime::fromSecsSinceEpoch(r.fileTime, Qt::UTC);
        poll.documents.append(doc);
    }
    poll.ok = true;
    return poll;
}

QByteArray SftpTransport::fetchIncoming(const QString &remoteId, const QString &format, QString *error)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QString why;
    QByteArray data;
    const RemoteDir &dir = m_curl->inbound;
    if (const QString e = checkIncoming(remoteId); !e.isEmpty()) {
        why = e;
    } else if (format != QLatin1String("ubl") && format != QLatin1String("cii") &&
               format != QLatin1String("pdf")) {
        why = tr("Unknown format \"%1\"; SFTP incoming documents offer ubl, cii and pdf.").arg(format);
    } else {
        Reply reply;
        const QByteArray raw = download(urlPath(dir, remoteId), kMaxIncomingBytes, &reply);
        const QString what = tr("The incoming file %1 in %2").arg(remoteId, displayDir(dir));
        if (reply.curlCode != CURLE_OK) {
            why = problem(reply, what);
        } else if (raw.isEmpty()) {
            why = tr("%1 is empty.").arg(what);
        } else {
            const XmlReadResult read = EInvoiceXml::read(raw, remoteId);
            const Syntax wanted = format == QLatin1String("cii") ? Syntax::Cii : Syntax::Ubl;
            if (!read.ok()) {
                why = tr("%1 is not a readable e-invoice: %2").arg(what, read.error);
            } else if (format == QLatin1String("pdf")) {
                for (const Attachment &a : read.invoice->attachments) {
                    if (a.hasContent() && (a.mimeCode == QLatin1String("application/pdf") ||
                                           a.filename.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))) {
                        data = a.content;
                        break;
                    }
                }
                if (data.isEmpty())
                    why = tr("%1 carries no PDF rendition.").arg(what);
            } else if (read.syntax == wanted) {
                data = raw; // exactly as the operator delivered it
            } else {
                // The operator delivered the other syntax: the agent converts (EN 16931 model).
                data = EInvoiceXml::write(*read.invoice, wanted);
                if (data.isEmpty())
                    why = tr("%1 could not be converted to %2.").arg(what, format.toUpper());
            }
        }
    }
    if (error)
        *error = why;
    return why.isEmpty() ? data : QByteArray();
}

/// What must hold before an incoming document is touched (settings, inbox, a plain file name).
QString SftpTransport::checkIncoming(const QString &remoteId) const
{
    if (!m_configError.isEmpty())
        return m_configError;
    if (m_options.inboundDir.isEmpty())
        return tr("No inbound folder is configured for the SFTP server %1.").arg(m_options.host);
    if (!safeName(remoteId))
        return tr("\"%1\" is not a file name in the inbound folder.").arg(remoteId);
    return checkUsable();
}

QString SftpTransport::acknowledgeIncoming(const QString &remoteId)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (const QString e = checkIncoming(remoteId); !e.isEmpty())
        return e;
    return moveToDone(Folder::Inbound, remoteId);
}

QString SftpTransport::listXml(Folder folder, QStringList *names)
{
    const RemoteDir &dir = m_curl->dir(folder);
    Request list;
    list.path = urlPath(dir, {}, true);
    list.listOnly = true;
    list.maxBytes = 16 * 1024 * 1024;
    const Reply listing = perform(list);
    if (listing.curlCode != CURLE_OK)
        return problem(listing, folder == Folder::Inbound ? tr("The inbound folder %1").arg(displayDir(dir))
                                                          : tr("The status folder %1").arg(displayDir(dir)));
    for (const QByteArray &line : listing.body.split('\n')) {
        QByteArray raw = line;
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (raw.isEmpty() || raw.startsWith('.'))
            continue; // ".", "..", temp files still being written
        const QString name = QString::fromUtf8(raw);
        if (!name.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive))
            continue; // "done/", read-me files, PDFs sent alongside
        if (name.toUtf8() != raw || !safeName(name)) {
            qCWarning(lcSftpTransport).noquote()
                << "skipping the file" << QString::fromLatin1(raw.toPercentEncoding()) << "in"
                << displayDir(dir) << ": its name is not valid UTF-8 or not a plain file name";
            continue;
        }
        *names << name;
    }
    names->sort();
    return {};
}

QString SftpTransport::moveToDone(Folder folder, const QString &name)
{
    const RemoteDir &dir = m_curl->dir(folder);
    RemoteDir done = dir;
    done.segments << QStringLiteral("done");
    const QString what = folder == Folder::Inbound
                             ? tr("The incoming file %1 in %2").arg(name, displayDir(dir))
                             : tr("The file %1 in %2").arg(name, displayDir(dir));

    auto moveTo = [&](const QString &doneName) {
        Request r;
        r.path = urlPath(dir, {}, true);
        r.noBody = true;
        r.quote << "*mkdir " + quotePath(done, {}); // '*': already there is fine
        r.quote << "rename " + quotePath(dir, name) + ' ' + quotePath(done, doneName);
        return perform(r);
    };
    auto exists = [&](const RemoteDir &d, const QString &file, Reply *reply) {
        Request r;
        r.path = urlPath(d, file);
        r.noBody = true;
        *reply = perform(r);
        return reply->curlCode == CURLE_OK;
    };

    Reply moved = moveTo(name);
    if (moved.curlCode == CURLE_OK)
        return {};
    if (moved.curlCode != CURLE_QUOTE_ERROR)
        return problem(moved, what);
    Reply source;
    if (!exists(dir, name, &source)) {
        if (source.curlCode != CURLE_REMOTE_FILE_NOT_FOUND)
            return problem(source, what);
        // Gone: moved before (a crash between the move and the journal) if it sits in done/;
        // otherwise someone else took it.
        Reply inDone;
        if (exists(done, name, &inDone))
            return {};
        return tr("%1 is no longer there, so it cannot be acknowledged.").arg(what);
    }
    // The operator reused a name that done/ already holds: keep both.
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    moved = moveTo(now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z-'")) + name);
    if (moved.curlCode == CURLE_OK)
        return {};
    return problem(moved, what);
}

StatusPoll SftpTransport::pollStatus(const QString &cursor)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    StatusPoll poll;
    poll.nextCursor = cursor;
    if (!m_configError.isEmpty()) {
        poll.error = m_configError;
        return poll;
    }
    if (m_options.statusDir.isEmpty()) {
        poll.ok = true; // no status folder configured
        return poll;
    }
    if (const QString e = checkUsable(); !e.isEmpty()) {
        poll.error = e;
        return poll;
    }
    QStringList names;
    if (const QString e = listXml(Folder::Status, &names); !e.isEmpty()) {
        poll.error = e;
        return poll;
    }
    const RemoteDir &dir = m_curl->status;
    for (const QString &name : names.mid(0, kMaxInboxEntries)) {
        Reply reply;
        const QByteArray xml = download(urlPath(dir, name), 1024 * 1024, &reply);
        if (reply.curlCode == CURLE_REMOTE_FILE_NOT_FOUND)
            continue; // taken away since the listing
        if (reply.curlCode != CURLE_OK) {
            poll.error = problem(reply, tr("The status file %1").arg(name));
            return poll;
        }
        QString error;
        const std::optional<InvoiceResponse> response =
            InvoiceResponse::fromXml(xml, displayDir(dir) + QLatin1Char('/') + name, &error);
        if (response) {
            RemoteStatus status;
            status.invoiceNumber = response->invoiceNumber;
            status.businessStatus = response->code;
            status.message = response->note;
            status.time = QDateTime(response->issueDate, QTime(0, 0), Qt::UTC);
            poll.changes.append(status);
        } else {
            // Kept in done/ for a person to look at; not offered again on every poll.
            qCWarning(lcSftpTransport).noquote()
                << "ignoring a status file that is not an invoice response:" << error;
        }
        // Read: out of the queue. A crash before the engine records the change loses this one
        // answer (the operator keeps the file in done/); acceptable for a status.
        if (const QString e = moveToDone(Folder::Status, name); !e.isEmpty()) {
            poll.error = e;
            return poll;
        }
    }
    poll.ok = true;
    return poll;
}

QString SftpTransport::respondToIncoming(const QString &remoteId, const QString &code, const QString &note)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (const QString e = checkIncoming(remoteId); !e.isEmpty())
        return e;
    // The invoice, to answer it by its number and parties: acknowledged ones are in done/.
    RemoteDir done = m_curl->inbound;
    done.segments << QStringLiteral("done");
    Reply reply;
    QByteArray raw = download(urlPath(done, remoteId), kMaxIncomingBytes, &reply);
    if (reply.curlCode == CURLE_REMOTE_FILE_NOT_FOUND)
        raw = download(urlPath(m_curl->inbound, remoteId), kMaxIncomingBytes, &reply);
    const QString what = tr("The incoming file %1 in %2").arg(remoteId, displayDir(m_curl->inbound));
    if (reply.curlCode != CURLE_OK)
        return problem(reply, what);
    const XmlReadResult read = EInvoiceXml::read(raw, remoteId);
    if (!read.ok())
        return tr("%1 is not a readable e-invoice: %2").arg(what, read.error);
    const QDate today = (m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc()).date();
    const QByteArray xml = InvoiceResponse::about(*read.invoice, code, note, today).toXml();
    // One answer file per invoice and code: sending the same answer again replaces it.
    QString stem = remoteId;
    stem.chop(4); // ".xml"
    const QString name = stem + QStringLiteral(".response-") + code + QStringLiteral(".xml");
    const QString temp = QStringLiteral(".") + name + QStringLiteral(".part");
    const RemoteDir &dir = m_curl->response;
    Request up;
    up.path = urlPath(dir, temp);
    up.upload = &xml;
    up.postQuote << "*rm " + quotePath(dir, name); // '*': not there is fine
    up.postQuote << "rename " + quotePath(dir, temp) + ' ' + quotePath(dir, name);
    const Reply sent = perform(up);
    if (sent.curlCode != CURLE_OK)
        return problem(sent, tr("the folder %1").arg(displayDir(dir)));
    qCInfo(lcSftpTransport).noquote() << "response" << code << "to" << remoteId << "written as"
                                      << displayDir(dir) + QLatin1Char('/') + name;
    return {};
}

} // namespace einvoice

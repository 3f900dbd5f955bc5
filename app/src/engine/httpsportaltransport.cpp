#include "httpsportaltransport.h"

#include "clock.h"
#include "curlmulti.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QUrl>
#include <condition_variable>
#include <curl/curl.h>
#include <mutex>
#include <vector>

Q_LOGGING_CATEGORY(lcHttpsTransport, "einvoice.transport.https", QtInfoMsg)

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HttpsPortalTransport", text);
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// Where the body of an answer goes, with the most it may grow to.
struct BodySink
{
    QByteArray *body;
    qint64 cap;
};

size_t collectBody(char *data, size_t size, size_t count, void *user)
{
    auto *sink = static_cast<BodySink *>(user);
    if (sink->body->size() + qint64(size * count) > sink->cap)
        return 0; // curl stops with CURLE_WRITE_ERROR
    sink->body->append(data, qsizetype(size * count));
    return size * count;
}

size_t collectHeader(char *data, size_t size, size_t count, void *user)
{
    auto *headers = static_cast<QMap<QString, QString> *>(user);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        headers->clear(); // a new response (after 100 Continue or a proxy CONNECT) starts over
        return size * count;
    }
    const int colon = line.indexOf(':');
    if (colon > 0)
        headers->insert(QString::fromLatin1(line.left(colon)).toLower(),
                        QString::fromUtf8(line.mid(colon + 1)).trimmed());
    return size * count;
}

bool isCertificateError(int code)
{
    switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_ISSUER_ERROR:
        return true;
    default:
        return false;
    }
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

bool loopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

/// Document ids go into URL paths: only the characters the portal issues are allowed.
bool safeId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,100}$"));
    return re.match(id).hasMatch();
}

QDateTime parseTime(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

// A pool of easy handles, one per call in flight, all run by one multi handle: the connections
// and the DNS cache live in the multi handle, so every call reuses whichever connection is free,
// whichever thread makes it, and HTTP/2 streams share one connection when the portal speaks h2.
// Each easy handle keeps its TLS session cache between calls.
struct HttpsPortalTransport::Curl
{
    // At most kMaxConnections to the portal; calls beyond them (maxConcurrentCalls()) wait in
    // the multi handle for a free one.
    std::mutex mutex; ///< guards everything below but multi
    std::vector<CURL *> idle;
    QByteArray caBundle; ///< system store + extra CA, handed to curl as a blob; read-only once built
    QString lastHttpVersion;
    long connects = 0;
    int calls = 0;                     ///< public calls in flight, waited for by the destructor
    std::condition_variable callsDone; ///< calls dropped to 0
    CurlMulti multi{kMaxConnections, 2 * kMaxConnections};
    /// Counts a public call until the returned guard goes out of scope.
    auto track()
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            ++calls;
        }
        return qScopeGuard([this] {
            std::lock_guard<std::mutex> lock(mutex);
            if (--calls == 0)
                callsDone.notify_all();
        });
    }
    CURL *acquire()
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (idle.empty())
            return curl_easy_init();
        CURL *h = idle.back();
        idle.pop_back();
        return h;
    }
    void release(CURL *h)
    {
        std::lock_guard<std::mutex> lock(mutex);
        idle.push_back(h);
    }
    ~Curl()
    {
        for (CURL *h : idle)
            curl_easy_cleanup(h);
    }
};

HttpsPortalTransport::HttpsPortalTransport(const Options &options, TokenSource token, const Clock *clock)
    : m_options(options), m_token(std::move(token)), m_clock(clock), m_curl(std::make_unique<Curl>())
{
    globalInit();
    CURL *first = m_curl->acquire();
    QString base = m_options.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.endsWith(QLatin1String("/api/v1")))
        base.chop(7);
    m_options.baseUrl = base;
    const QUrl url(base);
    if (!first) {
        m_configError = tr("libcurl could not be initialised.");
    } else if (!url.isValid() || url.host().isEmpty() ||
               (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        m_configError = tr("The portal address \"%1\" is not an https:// URL.").arg(m_options.baseUrl);
    } else if (url.scheme() == QLatin1String("http") && !loopbackHost(url.host())) {
        m_configError =
            tr("Refusing plain http:// to %1: the API token and invoices would travel unencrypted. "
               "Use https://.")
                .arg(url.host());
    }
    if (m_configError.isEmpty() && !m_options.extraCaFile.isEmpty()) {
        QFile extra(m_options.extraCaFile);
        if (!extra.open(QIODevice::ReadOnly)) {
            m_configError =
                tr("Cannot read the extra CA file %1: %2").arg(m_options.extraCaFile, extra.errorString());
        } else {
            // curl takes one CA source; so the extra CA is added to, not instead of, the system store.
            char *systemPath = nullptr;
            curl_easy_getinfo(first, CURLINFO_CAINFO, &systemPath);
            if (systemPath) {
                QFile system(QString::fromLocal8Bit(systemPath));
                if (system.open(QIODevice::ReadOnly))
                    m_curl->caBundle = system.readAll() + '\n';
            }
            const QByteArray extraPem = extra.readAll();
            if (!extraPem.contains("-----BEGIN CERTIFICATE-----"))
                m_configError =
                    tr("The extra CA file %1 holds no PEM certificate.").arg(m_options.extraCaFile);
            m_curl->caBundle += extraPem;
        }
    }
    if (first)
        m_curl->release(first);
    if (!m_configError.isEmpty())
        qCWarning(lcHttpsTransport).noquote() << m_configError;
}

HttpsPortalTransport::~HttpsPortalTransport()
{
    // Calls still waiting on the portal end now with an error instead of holding the owner up
    // for their timeout; then they must be out of this object before it goes.
    m_curl->multi.abort();
    std::unique_lock<std::mutex> lock(m_curl->mutex);
    m_curl->callsDone.wait(lock, [this] { return m_curl->calls == 0; });
}

QString HttpsPortalTransport::kind() const
{
    return QStringLiteral("https");
}

QString HttpsPortalTransport::describe() const
{
    return m_options.baseUrl + QStringLiteral("/api/v1");
}

QString HttpsPortalTransport::lastHttpVersion() const
{
    std::lock_guard<std::mutex> lock(m_curl->mutex);
    return m_curl->lastHttpVersion;
}

long HttpsPortalTransport::connectionsOpened() const
{
    std::lock_guard<std::mutex> lock(m_curl->mutex);
    return m_curl->connects;
}

HttpsPortalTransport::Reply HttpsPortalTransport::request(const char *method, const QString &path,
                                                          const QByteArray &body,
                                                          const QList<QByteArray> &extraHeaders)
{
    return request(method, path, body, extraHeaders, m_token ? m_token() : QString());
}

HttpsPortalTransport::Reply HttpsPortalTransport::request(const char *method, const QString &path,
                                                          const QByteArray &body,
                                                          const QList<QByteArray> &extraHeaders,
                                                          const QString &token)
{
    Reply reply;
    CURL *h = m_curl->acquire();
    if (!h) {
        reply.curlCode = int(CURLE_OUT_OF_MEMORY);
        reply.curlError = tr("libcurl could not be initialised.");
        return reply;
    }
    const auto giveBack = qScopeGuard([this, h] { m_curl->release(h); });
    // reset() clears options but keeps the TLS session cache; connections and DNS cache are the
    // multi handle's.
    curl_easy_reset(h);
    const QByteArray url = (m_options.baseUrl + path).toUtf8();
    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L); // the bearer token never follows a redirect
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // Calls started together wait for a connection being set up rather than each opening their
    // own, so they become streams on one HTTP/2 connection when the portal speaks h2.
    curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(m_options.connectTimeoutSecs) * 1000L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(m_options.totalTimeoutSecs) * 1000L);
    // gzip only: cheap to decode and widely served; brotli at a server's default quality costs
    // the server far more than it saves on answers of a few kilobytes.
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    const QByteArray userAgent = QByteArrayLiteral("einvoice-connector/") + QByteArray(EINVOICE_VERSION);
    curl_easy_setopt(h, CURLOPT_USERAGENT, userAgent.constData());
    curl_blob blob{};
    if (!m_curl->caBundle.isEmpty()) {
        blob.data = m_curl->caBundle.data();
        blob.len = size_t(m_curl->caBundle.size());
        blob.flags = CURL_BLOB_NOCOPY;
        curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &blob);
    }
    const QByteArray proxy = m_options.proxy.toUtf8();
    if (m_options.noProxy)
        curl_easy_setopt(h, CURLOPT_PROXY, "");
    else if (!proxy.isEmpty())
        curl_easy_setopt(h, CURLOPT_PROXY, proxy.constData());
    curl_easy_setopt(h, CURLOPT_PROXYAUTH, long(CURLAUTH_ANY));
    const QByteArray proxyUser = m_options.proxyUser.toUtf8();
    const QByteArray proxyPassword = m_options.proxyPassword.toUtf8();
    if (!proxyUser.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_PROXYUSERNAME, proxyUser.constData());
        curl_easy_setopt(h, CURLOPT_PROXYPASSWORD, proxyPassword.constData());
    }

    curl_slist *headers = nullptr;
    const QByteArray authorization = QByteArrayLiteral("Authorization: Bearer ") + token.toUtf8();
    headers = curl_slist_append(headers, authorization.constData());
    headers = curl_slist_append(headers, "Accept: application/json, application/problem+json, */*");
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
    for (const QByteArray &extra : extraHeaders)
        headers = curl_slist_append(headers, extra.constData());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    if (qstrcmp(method, "POST") == 0) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.constData());
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collectBody);
    BodySink sink{&reply.body, m_options.maxAnswerBytes};
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, collectHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &reply.headers);
    char errorBuffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);

    const CURLcode rc = m_curl->multi.perform(h);
    curl_slist_free_all(headers);
    reply.curlCode = int(rc);
    if (rc != CURLE_OK) {
        reply.curlError =
            rc == CURLE_WRITE_ERROR ? tr("the answer is larger than %1 bytes").arg(m_options.maxAnswerBytes)
            : rc == CURLE_ABORTED_BY_CALLBACK
                ? tr("the call was cancelled because the connection to the portal is being closed")
                : QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(rc));
        reply.body.clear();
        qCInfo(lcHttpsTransport).noquote()
            << method << m_options.baseUrl + path << "failed:" << reply.curlError;
        return reply;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.httpStatus);
    long version = 0;
    curl_easy_getinfo(h, CURLINFO_HTTP_VERSION, &version);
    reply.httpVersion = version == CURL_HTTP_VERSION_2_0 ? QStringLiteral("2")
                        : version == CURL_HTTP_VERSION_3 ? QStringLiteral("3")
                                                         : QStringLiteral("1.1");
    long connects = 0;
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
    {
        std::lock_guard<std::mutex> lock(m_curl->mutex);
        m_curl->connects += connects;
        m_curl->lastHttpVersion = reply.httpVersion;
    }
    qCDebug(lcHttpsTransport).noquote() << method << path << reply.httpStatus << "HTTP/" + reply.httpVersion;
    return reply;
}

std::optional<int> HttpsPortalTransport::parseRetryAfter(const QString &value, const QDateTime &now)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    constexpr int kMaxWait = 24 * 3600; // a server asking for more than a day is treated as a day
    bool ok = false;
    const qlonglong secs = v.toLongLong(&ok);
    if (ok)
        return secs < 0 ? std::nullopt : std::optional<int>(int(qMin<qlonglong>(secs, kMaxWait)));
    // HTTP-date: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", and the obsolete RFC 850 and
    // asctime forms RFC 9110 still asks recipients to accept. Always GMT; month names in English.
    QString s = v;
    s.remove(QRegularExpression(QStringLiteral("^[A-Za-z]+,?\\s*")));
    s.remove(QRegularExpression(QStringLiteral("\\s*GMT$")));
    s = s.simplified();
    QDateTime when = QDateTime::fromString(s, QStringLiteral("dd MMM yyyy HH:mm:ss"));
    if (!when.isValid()) {
        when = QDateTime::fromString(s, QStringLiteral("dd-MMM-yy HH:mm:ss"));
        if (when.isValid() && when.date().year() < 1970)
            when = when.addYears(100);
    }
    if (!when.isValid())
        when = QDateTime::fromString(s, QStringLiteral("MMM d HH:mm:ss yyyy"));
    if (when.isValid())
        when.setTimeSpec(Qt::UTC);
    if (!when.isValid())
        return std::nullopt;
    return int(qBound<qint64>(0, now.secsTo(when), qint64(kMaxWait)));
}

QString HttpsPortalTransport::failureText(const Reply &reply) const
{
    if (reply.curlCode != 0)
        return tr("The portal %1 could not be reached: %2").arg(describe(), reply.curlError);
    const QJsonObject problem = jsonObject(reply.body);
    QString text = problem.value(QStringLiteral("title")).toString();
    const QString detail = problem.value(QStringLiteral("detail")).toString();
    if (!detail.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + detail;
    if (text.isEmpty())
        text = tr("HTTP status %1").arg(reply.httpStatus);
    return tr("The portal %1 answered %2 (%3).").arg(describe()).arg(reply.httpStatus).arg(text);
}

SendResult HttpsPortalTransport::mapUploadReply(const Reply &reply, const QString &service,
                                                const QDateTime &now)
{
    SendResult result;
    if (reply.curlCode != 0) {
        if (isCertificateError(reply.curlCode)) {
            // A certificate the agent cannot verify is a configuration (or attack) problem that
            // waiting will not fix: stop and tell the user instead of retrying for ever.
            result.outcome = SendResult::Outcome::Permanent;
            result.message =
                tr("The certificate of the portal %1 could not be verified, so nothing was sent: %2. "
                   "If the portal uses its own CA, set its certificate as the extra CA file.")
                    .arg(service, reply.curlError);
        } else if (reply.curlCode == CURLE_URL_MALFORMAT || reply.curlCode == CURLE_UNSUPPORTED_PROTOCOL) {
            result.outcome = SendResult::Outcome::Permanent;
            result.message = tr("The portal address %1 is not usable: %2").arg(service, reply.curlError);
        } else {
            result.outcome = SendResult::Outcome::Transient;
            result.message = tr("The portal %1 could not be reached: %2").arg(service, reply.curlError);
        }
        return result;
    }
    const QJsonObject body = jsonObject(reply.body);
    const long status = reply.httpStatus;
    QString problemText = body.value(QStringLiteral("title")).toString();
    const QString detail = body.value(QStringLiteral("detail")).toString();
    if (!detail.isEmpty())
        problemText += (problemText.isEmpty() ? QString() : QStringLiteral(": ")) + detail;
    if (status == 200 || status == 201) {
        result.remoteId = body.value(QStringLiteral("id")).toString();
        if (result.remoteId.isEmpty()) {
            result.outcome = SendResult::Outcome::Transient;
            result.message =
                tr("The portal %1 accepted the upload but its answer names no document id.").arg(service);
            return result;
        }
        result.outcome = SendResult::Outcome::Accepted;
        result.duplicate = status == 200;
        result.message =
            result.duplicate
                ? tr("The portal %1 already had this document (%2).").arg(service, result.remoteId)
                : tr("Uploaded to %1 as %2.").arg(service, result.remoteId);
        for (const QJsonValue &w : body.value(QStringLiteral("warnings")).toArray())
            result.ruleIds.append(w.toObject().value(QStringLiteral("ruleId")).toString());
        return result;
    }
    if (const auto it = reply.headers.constFind(QStringLiteral("retry-after"));
        it != reply.headers.constEnd())
        result.retryAfterSecs = parseRetryAfter(*it, now);
    if (status == 408 || status == 429 || status >= 500) {
        result.outcome = SendResult::Outcome::Transient;
        result.message =
            status == 429 ? tr("The portal %1 asks to slow down (429 Too Many Requests).").arg(service)
                          : tr("The portal %1 is not able to take the document now (HTTP %2%3).")
                                .arg(service)
                                .arg(status)
                                .arg(problemText.isEmpty() ? QString() : QStringLiteral(": ") + problemText);
        return result;
    }
    result.outcome = SendResult::Outcome::Permanent;
    if (status == 401 || status == 403) {
        result.message =
            tr("The portal %1 refused the API token (HTTP %2): %3 Check or renew the company's token.")
                .arg(service)
                .arg(status)
                .arg(problemText.isEmpty() ? tr("no reason given.") : problemText);
        return result;
    }
    QStringList fatal;
    for (const QJsonValue &e : body.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject o = e.toObject();
        const QString id = o.value(QStringLiteral("ruleId")).toString();
        if (id.isEmpty())
            continue;
        result.ruleIds.append(id);
        if (fatal.size() < 5)
            fatal.append(id + QStringLiteral(" ") + o.value(QStringLiteral("message")).toString());
    }
    if (status == 400 || status == 422) {
        result.message =
            tr("The portal %1 refused the document (HTTP %2): %3").arg(service).arg(status).arg(problemText);
        if (!fatal.isEmpty())
            result.message += QStringLiteral(" — ") + fatal.join(QStringLiteral("; "));
    } else if (status == 413) {
        result.message = tr("The portal %1 refused the document as too large (HTTP 413).").arg(service);
    } else {
        result.message = tr("The portal %1 refused the upload (HTTP %2%3).")
                             .arg(service)
                             .arg(status)
                             .arg(problemText.isEmpty() ? QString() : QStringLiteral(": ") + problemText);
    }
    return result;
}

SendResult HttpsPortalTransport::send(const OutgoingDocument &document)
{
    const auto call = m_curl->track();
    SendResult result;
    if (!m_configError.isEmpty()) {
        result.outcome = SendResult::Outcome::Permanent;
        result.message = m_configError;
        return result;
    }
    const QString token = m_token ? m_token() : QString();
    if (token.isEmpty()) {
        // The secret store may still be locked (desktop login not finished): try again later.
        result.outcome = SendResult::Outcome::Transient;
        result.message =
            tr("No API token is available for the portal %1 yet (keychain locked or token not set).")
                .arg(describe());
        return result;
    }
    if (document.contentHash.isEmpty()) {
        result.outcome = SendResult::Outcome::Permanent;
        result.message = tr("Document %1 has no content hash, so it cannot be uploaded idempotently.")
                             .arg(document.invoiceNumber);
        return result;
    }
    const QList<QByteArray> headers{
        QByteArrayLiteral("Content-Type: application/xml"),
        QByteArrayLiteral("Idempotency-Key: ") + document.contentHash.toUtf8(),
    };
    const Reply reply =
        request("POST", QStringLiteral("/api/v1/documents"), document.payload, headers, token);
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    result = mapUploadReply(reply, describe(), now);
    qCInfo(lcHttpsTransport).noquote() << "upload of" << document.invoiceNumber << "job" << document.jobId
                                       << "->" << reply.httpStatus << result.remoteId;
    return result;
}

StatusPoll HttpsPortalTransport::pollStatus(const QString &cursor)
{
    const auto call = m_curl->track();
    StatusPoll poll;
    poll.nextCursor = cursor;
    if (!m_configError.isEmpty()) {
        poll.error = m_configError;
        return poll;
    }
    // Page through every change since the cursor; a bounded number of pages per call.
    for (int page = 0; page < 50; ++page) {
        QString path = QStringLiteral("/api/v1/documents?limit=500");
        if (!poll.nextCursor.isEmpty())
            path +=
                QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(poll.nextCursor));
        const Reply reply = request("GET", path, {}, {});
        if (reply.curlCode != 0 || reply.httpStatus != 200) {
            poll.error = failureText(reply);
            return poll;
        }
        const QJsonObject body = jsonObject(reply.body);
        for (const QJsonValue &v : body.value(QStringLiteral("documents")).toArray()) {
            const QJsonObject d = v.toObject();
            RemoteStatus s;
            s.remoteId = d.value(QStringLiteral("id")).toString();
            s.deliveryStatus = d.value(QStringLiteral("deliveryStatus")).toString();
            s.businessStatus = d.value(QStringLiteral("businessStatus")).toString();
            s.message = d.value(QStringLiteral("businessNote")).toString();
            s.time = parseTime(d.value(QStringLiteral("updatedAt")));
            poll.changes.append(s);
        }
        poll.nextCursor = body.value(QStringLiteral("nextCursor")).toString(poll.nextCursor);
        if (!body.value(QStringLiteral("hasMore")).toBool())
            break;
    }
    poll.ok = true;
    return poll;
}

InboxPoll HttpsPortalTransport::pollInbox()
{
    const auto call = m_curl->track();
    InboxPoll poll;
    if (!m_configError.isEmpty()) {
        poll.error = m_configError;
        return poll;
    }
    const Reply reply = request("GET", QStringLiteral("/api/v1/inbox?limit=1000"), {}, {});
    if (reply.curlCode != 0 || reply.httpStatus != 200) {
        poll.error = failureText(reply);
        return poll;
    }
    for (const QJsonValue &v : jsonObject(reply.body).value(QStringLiteral("documents")).toArray()) {
        const QJsonObject d = v.toObject();
        IncomingDocument in;
        in.remoteId = d.value(QStringLiteral("id")).toString();
        in.senderName = d.value(QStringLiteral("sellerName")).toString();
        in.senderEndpoint = d.value(QStringLiteral("sellerEndpoint")).toString();
        in.invoiceNumber = d.value(QStringLiteral("invoiceNumber")).toString();
        in.currency = d.value(QStringLiteral("currency")).toString();
        const QJsonValue amount = d.value(QStringLiteral("payableAmount"));
        in.amount = amount.isString() ? amount.toString() : QString();
        in.receivedAt = parseTime(d.value(QStringLiteral("createdAt")));
        in.hasPdf = d.value(QStringLiteral("hasPdf")).toBool();
        poll.documents.append(in);
    }
    poll.ok = true;
    return poll;
}

QByteArray HttpsPortalTransport::fetchIncoming(const QString &remoteId, const QString &format, QString *error)
{
    const auto call = m_curl->track();
    QString why;
    QByteArray data;
    if (!m_configError.isEmpty()) {
        why = m_configError;
    } else if (!safeId(remoteId)) {
        why = tr("\"%1\" is not a portal document id.").arg(remoteId);
    } else if (format != QLatin1String("ubl") && format != QLatin1String("cii") &&
               format != QLatin1String("pdf")) {
        why = tr("Unknown format \"%1\"; the portal offers ubl, cii and pdf.").arg(format);
    } else {
        const Reply reply =
            request("GET", QStringLiteral("/api/v1/inbox/%1/%2").arg(remoteId, format), {}, {});
        if (reply.curlCode == 0 && reply.httpStatus == 200 && !reply.body.isEmpty())
            data = reply.body;
        else
            why = failureText(reply);
    }
    if (error)
        *error = why;
    return data;
}

QString HttpsPortalTransport::acknowledgeIncoming(const QString &remoteId)
{
    const auto call = m_curl->track();
    if (!m_configError.isEmpty())
        return m_configError;
    if (!safeId(remoteId))
        return tr("\"%1\" is not a portal document id.").arg(remoteId);
    const Reply reply = request("POST", QStringLiteral("/api/v1/inbox/%1/ack").arg(remoteId), {}, {});
    if (reply.curlCode == 0 && reply.httpStatus == 200)
        return {};
    return failureText(reply);
}

QString HttpsPortalTransport::respondToIncoming(const QString &remoteId, const QString &code,
                                                const QString &note)
{
    const auto call = m_curl->track();
    if (!m_configError.isEmpty())
        return m_configError;
    if (!safeId(remoteId))
        return tr("\"%1\" is not a portal document id.").arg(remoteId);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("note"), note}})
            .toJson(QJsonDocument::Compact);
    const Reply reply = request("POST", QStringLiteral("/api/v1/inbox/%1/response").arg(remoteId), body,
                                {QByteArrayLiteral("Content-Type: application/json")});
    if (reply.curlCode == 0 && reply.httpStatus == 200)
        return {};
    return failureText(reply);
}

DirectoryLookup HttpsPortalTransport::lookup(const QString &query)
{
    const auto call = m_curl->track();
    DirectoryLookup result;
    if (!m_configError.isEmpty()) {
        result.error = m_configError;
        return result;
    }
    const Reply reply = request(
        "GET", QStringLiteral("/api/v1/directory?q=") + QString::fromLatin1(QUrl::toPercentEncoding(query)),
        {}, {});
    if (reply.curlCode != 0 || reply.httpStatus != 200) {
        result.error = failureText(reply);
        return result;
    }
    for (const QJsonValue &v : jsonObject(reply.body).value(QStringLiteral("participants")).toArray()) {
        const QJsonObject o = v.toObject();
        result.participants.append(
            {o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("endpoint")).toString(),
             o.value(QStringLiteral("orgNumber")).toString(), o.value(QStringLiteral("vatId")).toString(),
             o.value(QStringLiteral("canReceive")).toBool()});
    }
    result.ok = true;
    return result;
}

} // namespace einvoice

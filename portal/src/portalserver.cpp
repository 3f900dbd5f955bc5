#include "portalserver.h"

#include "documentintake.h"
#include "portalpages.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrlQuery>
#include <httplib.h>

Q_LOGGING_CATEGORY(lcPortalHttp, "einvoice.portal.http", QtInfoMsg)

namespace einvoice::portal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PortalServer", text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string ss(const QString &s)
{
    return s.toStdString();
}

const char *kProblemJson = "application/problem+json";
// With the charset, cpp-httplib does not compress: it brotli-compresses plain "application/json"
// at the slowest quality, which cost more CPU than reading and validating the invoice did.
const char *kJson = "application/json; charset=utf-8";
const char *kIdPattern = "(doc_[0-9a-f]{1,64})";

const QStringList &businessCodes()
{
    static const QStringList list{QStringLiteral("AB"), QStringLiteral("IP"), QStringLiteral("UQ"),
                                  QStringLiteral("RE"), QStringLiteral("AP"), QStringLiteral("PD")};
    return list;
}

void problem(httplib::Response &res, int status, const QString &slug, const QString &title,
             const QString &detail, const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("type"), QStringLiteral("https://einvoice-connector.invalid/problems/") + slug);
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("status"), status);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    res.status = status;
    res.set_content(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(), kProblemJson);
}

void json(httplib::Response &res, int status, const QJsonObject &o)
{
    res.status = status;
    res.set_content(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(), kJson);
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject documentJson(const DocumentRecord &d, bool asReceiver)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), d.id);
    o.insert(QStringLiteral("documentType"), d.documentType);
    o.insert(QStringLiteral("invoiceNumber"), d.invoiceNumber);
    o.insert(QStringLiteral("issueDate"), orNull(d.issueDate.toString(Qt::ISODate)));
    o.insert(QStringLiteral("sellerName"), d.sellerName);
    o.insert(QStringLiteral("sellerEndpoint"), orNull(d.sellerEndpoint));
    o.insert(QStringLiteral("buyerName"), d.buyerName);
    o.insert(QStringLiteral("buyerEndpoint"), orNull(d.buyerEndpoint));
    o.insert(QStringLiteral("currency"), d.currency);
    o.insert(QStringLiteral("payableAmount"), d.payable);
    o.insert(QStringLiteral("syntax"), d.syntax);
    o.insert(QStringLiteral("hasPdf"), d.hasPdf);
    o.insert(QStringLiteral("deliveryStatus"), d.deliveryStatus);
    o.insert(QStringLiteral("businessStatus"), orNull(d.businessStatus));
    o.insert(QStringLiteral("businessNote"), orNull(d.businessNote));
    o.insert(QStringLiteral("createdAt"), isoTime(d.createdAt));
    o.insert(QStringLiteral("updatedAt"), isoTime(d.updatedAt));
    o.insert(QStringLiteral("acknowledgedAt"), orNull(isoTime(d.acknowledgedAt)));
    const QString base =
        (asReceiver ? QStringLiteral("/api/v1/inbox/") : QStringLiteral("/api/v1/documents/")) + d.id;
    QJsonObject links{{QStringLiteral("ubl"), base + QStringLiteral("/ubl")},
                      {QStringLiteral("cii"), base + QStringLiteral("/cii")}};
    if (d.hasPdf)
        links.insert(QStringLiteral("pdf"), base + QStringLiteral("/pdf"));
    o.insert(QStringLiteral("links"), links);
    if (asReceiver) {
        o.insert(QStringLiteral("senderAccount"), d.senderAccount);
    } else {
        o.insert(QStringLiteral("idempotencyKey"), d.idempotencyKey);
        o.insert(QStringLiteral("payloadSha256"), d.payloadSha256);
        o.insert(QStringLiteral("receiverAccount"), orNull(d.receiverAccount));
    }
    return o;
}

QJsonObject failureJson(const RuleFailure &f)
{
    return QJsonObject{
        {QStringLiteral("ruleId"), f.ruleId},
        {QStringLiteral("severity"), f.fatal ? QStringLiteral("fatal") : QStringLiteral("warning")},
        {QStringLiteral("message"), f.message},
        {QStringLiteral("location"), orNull(f.location)}};
}

QJsonObject accountJson(const Account &a)
{
    return QJsonObject{{QStringLiteral("name"), a.name},
                       {QStringLiteral("endpoint"), a.endpoint},
                       {QStringLiteral("orgNumber"), orNull(a.orgNumber)},
                       {QStringLiteral("vatId"), orNull(a.vatId)},
                       {QStringLiteral("canReceive"), a.canReceive}};
}

bool validIdempotencyKey(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._:-]{8,128}$"));
    return re.match(key).hasMatch();
}

QString cookieValue(const httplib::Request &req, const QString &name)
{
    const QString header = qs(req.get_header_value("Cookie"));
    for (const QString &part : header.split(QLatin1Char(';'))) {
        const QString p = part.trimmed();
        if (p.startsWith(name + QLatin1Char('=')))
            return p.mid(name.size() + 1);
    }
    return {};
}

void securityHeaders(httplib::Response &res)
{
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                   "frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
}

const char *kSessionCookie = "eip_session";

} // namespace

PortalServer::PortalServer(PortalDatabase &database, const ServerOptions &options)
    : m_db(database), m_options(options)
{
}

PortalServer::~PortalServer() = default;

bool PortalServer::tls() const
{
    return !m_options.certFile.isEmpty();
}

QString PortalServer::baseUrl() const
{
    QString host = m_options.listen.host;
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3")
        .arg(tls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(m_port);
}

bool PortalServer::start(QString *error)
{
    if (m_options.certFile.isEmpty() != m_options.keyFile.isEmpty()) {
        *error = tr("HTTPS needs both --cert and --key.");
        return false;
    }
    if (tls()) {
        for (const QString &file : {m_options.certFile, m_options.keyFile}) {
            if (!QFileInfo(file).isReadable()) {
                *error = tr("Cannot read %1: the file does not exist or is not readable.").arg(file);
                return false;
            }
        }
        auto server = std::make_unique<httplib::SSLServer>(QFile::encodeName(m_options.certFile).constData(),
                                                           QFile::encodeName(m_options.keyFile).constData());
        if (!server->is_valid()) {
            *error = tr("The certificate %1 or the key %2 is not a usable PEM certificate/key pair.")
                         .arg(m_options.certFile, m_options.keyFile);
            return false;
        }
        m_server = std::move(server);
    } else {
        if (!m_options.listen.isLoopback()) {
            *error = tr("Refusing plain HTTP on %1: tokens and invoices would cross the network unencrypted. "
                        "Listen on 127.0.0.1 / ::1, or give --cert and --key for HTTPS.")
                         .arg(m_options.listen.host);
            return false;
        }
        m_server = std::make_unique<httplib::Server>();
    }
    const int threads = qMax(2, m_options.threads);
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    m_server->set_payload_max_length(size_t(m_options.maxUploadBytes));
    // Headers and body go out as separate writes: without TCP_NODELAY, Nagle plus the client's
    // delayed ACK cost ~40 ms per answer on a keep-alive connection.
    m_server->set_tcp_nodelay(true);
    m_server->set_keep_alive_max_count(1000);
    m_server->set_keep_alive_timeout(5);
    m_server->set_read_timeout(30);
    m_server->set_write_timeout(30);
    routes();
    m_port = m_options.listen.port == 0
                 ? m_server->bind_to_any_port(ss(m_options.listen.host))
                 : (m_server->bind_to_port(ss(m_options.listen.host), m_options.listen.port)
                        ? m_options.listen.port
                        : -1);
    if (m_port <= 0) {
        *error = tr("Cannot listen on %1:%2 (address in use or not on this machine).")
                     .arg(m_options.listen.host)
                     .arg(m_options.listen.port);
        return false;
    }
    return true;
}

bool PortalServer::run()
{
    return m_server && m_server->listen_after_bind();
}

void PortalServer::stop()
{
    if (m_server)
        m_server->stop();
}

void PortalServer::routes()
{
    httplib::Server &s = *m_server;
    const std::string id = kIdPattern;
    using Req = const httplib::Request &;
    using Res = httplib::Response &;
    s.Post("/api/v1/documents", [this](Req q, Res r) { upload(q, r); });
    s.Get("/api/v1/documents", [this](Req q, Res r) { listOutbound(q, r); });
    s.Get("/api/v1/documents/" + id, [this](Req q, Res r) { showDocument(q, r); });
    s.Get("/api/v1/documents/" + id + "/(ubl|cii|pdf)", [this](Req q, Res r) { download(q, r, false); });
    s.Get("/api/v1/inbox", [this](Req q, Res r) { listInbox(q, r); });
    s.Get("/api/v1/inbox/" + id + "/(ubl|cii|pdf)", [this](Req q, Res r) { download(q, r, true); });
    s.Post("/api/v1/inbox/" + id + "/ack", [this](Req q, Res r) { acknowledge(q, r); });
    s.Post("/api/v1/inbox/" + id + "/response", [this](Req q, Res r) { postResponse(q, r); });
    s.Get("/api/v1/directory", [this](Req q, Res r) { directory(q, r); });
    s.Get("/api/v1/account", [this](Req q, Res r) { whoami(q, r); });
    s.Post("/api/v1/token/rotate", [this](Req q, Res r) { rotate(q, r); });
    s.Get("/api/v1/health", [](Req, Res r) {
        json(r, 200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    s.Get("/", [](Req, Res r) { r.set_redirect("/portal/", 303); });
    s.Get("/portal", [](Req, Res r) { r.set_redirect("/portal/", 303); });
    s.Get("/portal/", [this](Req q, Res r) { pageList(q, r); });
    s.Get("/portal/login", [this](Req q, Res r) { pageLogin(q, r); });
    s.Post("/portal/login", [this](Req q, Res r) { pageLogin(q, r); });
    s.Post("/portal/logout", [this](Req q, Res r) { pageLogout(q, r); });
    s.Get("/portal/documents/" + id + "/(ubl|cii|pdf)", [this](Req q, Res r) { pageDownload(q, r); });

    s.set_error_handler(httplib::Server::HandlerWithResponse([](Req q, Res r) {
        if (!r.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        if (r.status == 404)
            problem(r, 404, QStringLiteral("not-found"), tr("Not found"),
                    tr("There is nothing at %1 %2.").arg(qs(q.method), qs(q.path)));
        else if (r.status == 413)
            problem(r, 413, QStringLiteral("too-large"), tr("Document too large"),
                    tr("The upload is larger than this portal accepts."));
        else
            problem(r, r.status, QStringLiteral("http-error"), tr("Request failed"), QString());
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler([](Req q, Res r, std::exception_ptr) {
        qCWarning(lcPortalHttp) << "handler failed for" << qs(q.method) << qs(q.path);
        problem(r, 500, QStringLiteral("internal"), tr("Internal error"),
                tr("The portal could not handle the request."));
    });
    s.set_logger([](Req q, const httplib::Response &r) {
        // Paths and statuses only: no headers (tokens), no bodies (invoices).
        qCDebug(lcPortalHttp).noquote() << q.remote_addr.c_str() << qs(q.method) << qs(q.path) << r.status;
    });
}

std::optional<Account> PortalServer::authenticate(const httplib::Request &req, httplib::Response &res)
{
    const QString header = qs(req.get_header_value("Authorization"));
    const QString token = header.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive)
                              ? header.mid(7).trimmed()
                              : QString();
    std::optional<Account> account = token.isEmpty() ? std::nullopt : m_db.accountForToken(token);
    if (!account) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"einvoice-portal\"");
        problem(res, 401, QStringLiteral("unauthorized"), tr("Token refused"),
                token.isEmpty() ? tr("Send the company's API token as \"Authorization: Bearer <token>\".")
                                : tr("The API token is unknown, revoked or expired."));
        return std::nullopt;
    }
    const RateLimit limit = account->rateLimit.unlimited() ? m_options.rateLimit : account->rateLimit;
    const int wait = m_limiter.acquire(PortalDatabase::hashToken(token), limit);
    if (wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        problem(res, 429, QStringLiteral("rate-limited"), tr("Too many requests"),
                tr("This token may make %1 requests per %2 seconds; try again in %3 seconds.")
                    .arg(limit.requests)
                    .arg(limit.windowSecs)
                    .arg(wait),
                QJsonObject{{QStringLiteral("retryAfter"), wait}});
        return std::nullopt;
    }
    return account;
}

void PortalServer::upload(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const QString key = qs(req.get_header_value("Idempotency-Key")).trimmed();
    if (!validIdempotencyKey(key)) {
        problem(res, 400, QStringLiteral("idempotency-key"), tr("Idempotency-Key missing or malformed"),
                tr("Send the document's content hash (8-128 characters of A-Z a-z 0-9 . _ : -) as "
                   "Idempotency-Key."));
        return;
    }
    // A retry is answered from what is stored, before any parsing: same id, status 200.
    if (const auto existing = m_db.documentByKey(account->id, key)) {
        res.set_header("Location", ss(QStringLiteral("/api/v1/documents/") + existing->id));
        json(res, 200, documentJson(*existing, false));
        return;
    }
    const QByteArray payload = QByteArray::fromStdString(req.body);
    const IntakeResult intake = DocumentIntake::inspect(payload);
    if (intake.verdict == IntakeResult::Verdict::Unreadable) {
        problem(res, 400, QStringLiteral("unreadable"), tr("Not a readable e-invoice"), intake.error);
        return;
    }
    QJsonArray errors;
    QJsonArray warnings;
    for (const RuleFailure &f : intake.failures)
        (f.fatal ? errors : warnings).append(failureJson(f));
    if (intake.verdict == IntakeResult::Verdict::Invalid) {
        problem(res, 422, QStringLiteral("validation-failed"), tr("The e-invoice breaks business rules"),
                QCoreApplication::translate("PortalServer",
                                            "%n fatal rule failure(s); the document was not stored.", nullptr,
                                            int(errors.size())),
                QJsonObject{{QStringLiteral("errors"), errors}, {QStringLiteral("warnings"), warnings}});
        return;
    }
    NewDocument doc;
    doc.senderId = account->id;
    doc.idempotencyKey = key;
    doc.payload = payload;
    doc.meta = intake.meta;
    const StoreResult stored = m_db.storeDocument(doc);
    if (!stored.document) {
        qCWarning(lcPortalHttp) << "storing an upload failed:" << stored.error;
        res.set_header("Retry-After", "5");
        problem(res, 503, QStringLiteral("storage"), tr("The portal could not store the document"),
                tr("Try again later."));
        return;
    }
    QJsonObject body = documentJson(*stored.document, false);
    if (stored.created)
        body.insert(QStringLiteral("warnings"), warnings);
    res.set_header("Location", ss(QStringLiteral("/api/v1/documents/") + stored.document->id));
    json(res, stored.created ? 201 : 200, body);
}

void PortalServer::listOutbound(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    qint64 after = 0;
    const QString cursor = qs(req.get_param_value("cursor"));
    if (!cursor.isEmpty()) {
        bool ok = false;
        after = cursor.toLongLong(&ok);
        if (!ok || after < 0) {
            problem(
                res, 400, QStringLiteral("cursor"), tr("Bad cursor"),
                tr("Pass back the nextCursor of an earlier answer, or nothing to start from the beginning."));
            return;
        }
    }
    int limit = 100;
    if (req.has_param("limit"))
        limit = qBound(1, qs(req.get_param_value("limit")).toInt(), 1000);
    const QList<DocumentRecord> docs = m_db.outboundChanges(account->id, after, limit);
    QJsonArray list;
    qint64 next = after;
    for (const DocumentRecord &d : docs) {
        list.append(documentJson(d, false));
        next = qMax(next, d.changeSeq);
    }
    json(res, 200,
         QJsonObject{{QStringLiteral("documents"), list},
                     {QStringLiteral("nextCursor"), QString::number(next)},
                     {QStringLiteral("hasMore"), docs.size() == limit}});
}

void PortalServer::showDocument(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const auto doc = m_db.document(qs(req.matches[1]));
    if (!doc || (doc->senderId != account->id && doc->receiverId != account->id)) {
        problem(res, 404, QStringLiteral("not-found"), tr("No such document"),
                tr("No document %1 for this account.").arg(qs(req.matches[1])));
        return;
    }
    QJsonObject body = documentJson(*doc, doc->senderId != account->id);
    QJsonArray timeline;
    for (const DocumentEvent &e : m_db.events(doc->id))
        timeline.append(QJsonObject{{QStringLiteral("kind"), e.kind},
                                    {QStringLiteral("status"), e.status},
                                    {QStringLiteral("message"), orNull(e.message)},
                                    {QStringLiteral("time"), isoTime(e.time)}});
    body.insert(QStringLiteral("events"), timeline);
    json(res, 200, body);
}

void PortalServer::sendDocument(const DocumentRecord &doc, const QString &format, httplib::Response &res)
{
    QString contentType;
    QString error;
    const QByteArray bytes = DocumentIntake::render(m_db.payload(doc.id), format, &contentType, &error);
    if (bytes.isEmpty()) {
        problem(res, 404, QStringLiteral("no-rendition"), tr("Format not available"),
                tr("Document %1 as %2: %3").arg(doc.id, format, error));
        return;
    }
    res.status = 200;
    res.set_header(
        "Content-Disposition",
        ss(QStringLiteral("attachment; filename=\"%1\"").arg(DocumentIntake::downloadName(doc, format))));
    res.set_content(bytes.toStdString(), ss(contentType));
}

std::optional<DocumentRecord> PortalServer::ownDocument(const httplib::Request &req, httplib::Response &res,
                                                        const Account &account, bool inbox)
{
    // Someone else's document answers exactly like a missing one: ids reveal nothing.
    const auto doc = m_db.document(qs(req.matches[1]));
    if (doc && (inbox ? doc->receiverId == account.id : doc->senderId == account.id))
        return doc;
    problem(res, 404, QStringLiteral("not-found"), tr("No such document"),
            tr("No document %1 in this account's %2.")
                .arg(qs(req.matches[1]), inbox ? tr("inbox") : tr("sent documents")));
    return std::nullopt;
}

void PortalServer::download(const httplib::Request &req, httplib::Response &res, bool inbox)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const auto doc = ownDocument(req, res, *account, inbox);
    if (!doc)
        return;
    sendDocument(*doc, qs(req.matches[2]), res);
}

void PortalServer::listInbox(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const bool all = qs(req.get_param_value("include")) == QLatin1String("acknowledged");
    int limit = 100;
    if (req.has_param("limit"))
        limit = qBound(1, qs(req.get_param_value("limit")).toInt(), 1000);
    QJsonArray list;
    for (const DocumentRecord &d : m_db.inbox(account->id, all, limit))
        list.append(documentJson(d, true));
    json(res, 200, QJsonObject{{QStringLiteral("documents"), list}});
}

void PortalServer::acknowledge(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const auto doc = ownDocument(req, res, *account, true);
    if (!doc)
        return;
    QString error;
    const auto updated = m_db.acknowledge(doc->id, &error);
    if (!updated) {
        res.set_header("Retry-After", "5");
        problem(res, 503, QStringLiteral("storage"), tr("Could not record the acknowledgement"), error);
        return;
    }
    json(res, 200, documentJson(*updated, true));
}

void PortalServer::postResponse(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const auto doc = ownDocument(req, res, *account, true);
    if (!doc)
        return;
    QJsonParseError parseError;
    const QJsonDocument body = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &parseError);
    const QString code = body.object().value(QStringLiteral("code")).toString();
    if (!body.isObject() || !businessCodes().contains(code)) {
        problem(res, 400, QStringLiteral("response-code"), tr("Bad invoice response"),
                tr("Send {\"code\": \"AB|IP|UQ|RE|AP|PD\", \"note\": \"...\"} (the Peppol invoice response "
                   "codes)."));
        return;
    }
    const QString note = body.object().value(QStringLiteral("note")).toString().left(2000);
    QString error;
    const auto updated = m_db.setBusinessStatus(doc->id, code, note, &error);
    if (!updated) {
        res.set_header("Retry-After", "5");
        problem(res, 503, QStringLiteral("storage"), tr("Could not record the invoice response"), error);
        return;
    }
    json(res, 200, documentJson(*updated, true));
}

void PortalServer::directory(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    const QString query = qs(req.get_param_value("q")).trimmed();
    if (query.isEmpty()) {
        problem(res, 400, QStringLiteral("query"), tr("Missing query"),
                tr("Give ?q= with a name, organisation number, VAT id or electronic address."));
        return;
    }
    QJsonArray list;
    for (const Account &a : m_db.directory(query))
        list.append(accountJson(a));
    json(res, 200, QJsonObject{{QStringLiteral("participants"), list}});
}

void PortalServer::whoami(const httplib::Request &req, httplib::Response &res)
{
    if (const auto account = authenticate(req, res))
        json(res, 200, accountJson(*account));
}

void PortalServer::rotate(const httplib::Request &req, httplib::Response &res)
{
    const std::optional<Account> account = authenticate(req, res);
    if (!account)
        return;
    int grace = 3600;
    if (req.has_param("grace"))
        grace = qBound(0, qs(req.get_param_value("grace")).toInt(), 7 * 24 * 3600);
    QString error;
    const QString token = m_db.rotateToken(account->id, grace, &error);
    if (token.isEmpty()) {
        res.set_header("Retry-After", "5");
        problem(res, 503, QStringLiteral("storage"), tr("Could not rotate the token"), error);
        return;
    }
    res.set_header("Cache-Control", "no-store");
    json(res, 200,
         QJsonObject{{QStringLiteral("token"), token}, {QStringLiteral("oldTokenValidSeconds"), grace}});
}

qint64 PortalServer::sessionAccount(const httplib::Request &req) const
{
    const QString session = cookieValue(req, QLatin1String(kSessionCookie));
    return session.isEmpty() ? 0 : m_sessions.account(session);
}

void PortalServer::pageLogin(const httplib::Request &req, httplib::Response &res)
{
    securityHeaders(res);
    if (req.method == "GET") {
        res.set_content(ss(PortalPages::login(QString())), "text/html; charset=utf-8");
        return;
    }
    const QString token = QUrlQuery(qs(req.body)).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    const auto account = m_db.accountForToken(token.trimmed());
    if (!account) {
        res.status = 401;
        res.set_content(ss(PortalPages::login(tr("That token was not accepted."))),
                        "text/html; charset=utf-8");
        return;
    }
    const QString session = m_sessions.create(account->id);
    std::string cookie =
        std::string(kSessionCookie) + "=" + ss(session) + "; Path=/portal; HttpOnly; SameSite=Strict";
    if (tls())
        cookie += "; Secure";
    res.set_header("Set-Cookie", cookie);
    res.set_redirect("/portal/", 303);
}

void PortalServer::pageLogout(const httplib::Request &req, httplib::Response &res)
{
    securityHeaders(res);
    m_sessions.remove(cookieValue(req, QLatin1String(kSessionCookie)));
    res.set_header("Set-Cookie",
                   std::string(kSessionCookie) + "=; Path=/portal; HttpOnly; SameSite=Strict; Max-Age=0");
    res.set_redirect("/portal/login", 303);
}

void PortalServer::pageList(const httplib::Request &req, httplib::Response &res)
{
    securityHeaders(res);
    const std::optional<Account> account = m_db.accountById(sessionAccount(req));
    if (!account) {
        res.set_redirect("/portal/login", 303);
        return;
    }
    res.set_content(ss(PortalPages::documents(*account, m_db.documentsOf(account->id, 500))),
                    "text/html; charset=utf-8");
}

void PortalServer::pageDownload(const httplib::Request &req, httplib::Response &res)
{
    securityHeaders(res);
    const qint64 accountId = sessionAccount(req);
    if (accountId == 0) {
        res.set_redirect("/portal/login", 303);
        return;
    }
    const auto doc = m_db.document(qs(req.matches[1]));
    if (!doc || (doc->senderId != accountId && doc->receiverId != accountId)) {
        problem(res, 404, QStringLiteral("not-found"), tr("No such document"), QString());
        return;
    }
    sendDocument(*doc, qs(req.matches[2]), res);
}

} // namespace einvoice::portal

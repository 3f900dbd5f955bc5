#pragma once

#include "listenaddress.h"
#include "portaldatabase.h"
#include "portalsessions.h"
#include "ratelimiter.h"

#include <QString>
#include <memory>
#include <optional>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace einvoice::portal {

/// How `einvoice-portal serve` runs.
struct ServerOptions
{
    ListenAddress listen;
    QString certFile; ///< PEM certificate (chain); with keyFile, the server speaks HTTPS
    QString keyFile;
    RateLimit rateLimit;                      ///< per token, unless the account sets its own
    int threads = 32;                         ///< worker threads; each open keep-alive connection holds one
    qint64 maxUploadBytes = 64 * 1024 * 1024; ///< the XML reader's own cap
};

/// The Portal API v1 and the customer web pages over cpp-httplib (see docs/portal-api.md).
///
/// Threading: start() and stop() from the owning thread; run() blocks the calling thread while
/// requests are served on the library's worker pool, each worker using its own database
/// connection. The database is not owned and must outlive the server.
class PortalServer
{
public:
    PortalServer(PortalDatabase &database, const ServerOptions &options);
    ~PortalServer();

    /// Checks the options (plain HTTP only on loopback, readable certificate and key), binds the
    /// socket. False + @p error in plain words.
    bool start(QString *error);
    /// The bound port (after start()).
    int port() const { return m_port; }
    bool tls() const;
    QString baseUrl() const;
    /// Serves until stop(); returns false when the server failed.
    bool run();
    void stop();

private:
    void routes();
    std::optional<Account> authenticate(const httplib::Request &request, httplib::Response &response);
    void upload(const httplib::Request &request, httplib::Response &response);
    void listOutbound(const httplib::Request &request, httplib::Response &response);
    void showDocument(const httplib::Request &request, httplib::Response &response);
    void download(const httplib::Request &request, httplib::Response &response, bool inbox);
    void listInbox(const httplib::Request &request, httplib::Response &response);
    void acknowledge(const httplib::Request &request, httplib::Response &response);
    void postResponse(const httplib::Request &request, httplib::Response &response);
    void directory(const httplib::Request &request, httplib::Response &response);
    void whoami(const httplib::Request &request, httplib::Response &response);
    void rotate(const httplib::Request &request, httplib::Response &response);
    void pageLogin(const httplib::Request &request, httplib::Response &response);
    void pageList(const httplib::Request &request, httplib::Response &response);
    void pageDownload(const httplib::Request &request, httplib::Response &response);
    void pageLogout(const httplib::Request &request, httplib::Response &response);
    /// The document named in the path if it is @p account's (received when @p inbox, else sent);
    /// otherwise answers 404 and returns nothing.
    std::optional<DocumentRecord> ownDocument(const httplib::Request &request, httplib::Response &response,
                                              const Account &account, bool inbox);
    qint64 sessionAccount(const httplib::Request &request) const;
    void sendDocument(const DocumentRecord &document, const QString &format, httplib::Response &response);

    PortalDatabase &m_db;
    ServerOptions m_options;
    std::unique_ptr<httplib::Server> m_server;
    RateLimiter m_limiter;
    mutable PortalSessions m_sessions;
    int m_port = 0;
};

} // namespace einvoice::portal

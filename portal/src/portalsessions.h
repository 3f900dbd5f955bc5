#pragma once

#include <QHash>
#include <QString>
#include <chrono>
#include <mutex>

namespace einvoice::portal {

/// Web page sessions: a random session id (kept in an HttpOnly cookie) -> account id. The API
/// token is only ever sent once, in the login form's POST body, never in a URL or cookie.
/// In memory on purpose: a restart logs everybody out, which is fine for a reference portal.
///
/// Threading: thread-safe (one mutex).
class PortalSessions
{
public:
    explicit PortalSessions(std::chrono::seconds lifetime = std::chrono::hours(8));
    /// Starts a session for @p accountId and returns its id.
    QString create(qint64 accountId);
    /// The account of a live session, or 0.
    qint64 account(const QString &sessionId);
    void remove(const QString &sessionId);

private:
    struct Session
    {
        qint64 accountId = 0;
        std::chrono::steady_clock::time_point expires;
    };
    std::chrono::seconds m_lifetime;
    std::mutex m_mutex;
    QHash<QString, Session> m_sessions;
};

} // namespace einvoice::portal

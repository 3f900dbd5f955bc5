#include "portalsessions.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace einvoice::portal {

PortalSessions::PortalSessions(std::chrono::seconds lifetime) : m_lifetime(lifetime) {}

QString PortalSessions::create(qint64 accountId)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
    const QString id =
        QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(m_mutex);
    // Drop expired sessions now and then so the table cannot grow without bound.
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->expires <= now ? m_sessions.erase(it) : std::next(it);
    m_sessions.insert(id, Session{accountId, now + m_lifetime});
    return id;
}

qint64 PortalSessions::account(const QString &sessionId)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.constEnd() || it->expires <= std::chrono::steady_clock::now())
        return 0;
    return it->accountId;
}

void PortalSessions::remove(const QString &sessionId)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_sessions.remove(sessionId);
}

} // namespace einvoice::portal

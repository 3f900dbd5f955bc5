#include "ratelimiter.h"

#include <QString>
#include <QStringList>
#include <cmath>

namespace einvoice::portal {

bool RateLimit::parse(const QString &text, RateLimit *out)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('/'));
    if (parts.isEmpty() || parts.size() > 2)
        return false;
    bool ok = false;
    const int requests = parts[0].toInt(&ok);
    if (!ok || requests < 0)
        return false;
    int window = 60;
    if (parts.size() == 2) {
        window = parts[1].toInt(&ok);
        if (!ok || window <= 0)
            return false;
    }
    out->requests = requests;
    out->windowSecs = window;
    return true;
}

RateLimiter::RateLimiter(TimeSource now) : m_now(std::move(now))
{
    if (!m_now)
        m_now = [] { return std::chrono::steady_clock::now(); };
}

int RateLimiter::acquire(const QByteArray &key, const RateLimit &limit)
{
    if (limit.unlimited())
        return 0;
    const auto now = m_now();
    const double ratePerSec = double(limit.requests) / double(limit.windowSecs);
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        // A new caller starts with a full bucket: the limit is a burst of N, then N per window.
        it = m_buckets.insert(key, Bucket{double(limit.requests), now});
    } else {
        const double elapsed = std::chrono::duration<double>(now - it->last).count();
        it->tokens = std::min(double(limit.requests), it->tokens + std::max(0.0, elapsed) * ratePerSec);
        it->last = now;
    }
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return 0;
    }
    const double wait = (1.0 - it->tokens) / ratePerSec;
    return std::max(1, int(std::ceil(wait)));
}

} // namespace einvoice::portal

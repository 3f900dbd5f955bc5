#pragma once

#include <QByteArray>
#include <QHash>
#include <chrono>
#include <functional>
#include <mutex>

namespace einvoice::portal {

/// A request budget: at most @c requests per @c windowSecs, refilled continuously.
struct RateLimit
{
    int requests = 0; ///< 0 = unlimited
    int windowSecs = 60;
    bool unlimited() const { return requests <= 0 || windowSecs <= 0; }
    /// Parses "N/SECONDS" or "N" (per minute); returns false on anything else.
    static bool parse(const QString &text, RateLimit *out);
};

/// Token-bucket rate limiter keyed by an opaque key (the portal uses the token's hash, so each
/// token has its own budget). Answers how long a refused caller must wait (Retry-After).
///
/// Threading: all methods are thread-safe (one mutex; the work under it is a hash lookup).
/// The time source is injectable so tests can move time without sleeping.
class RateLimiter
{
public:
    using TimeSource = std::function<std::chrono::steady_clock::time_point()>;
    explicit RateLimiter(TimeSource now = {});

    /// Takes one request from @p key's bucket. Returns 0 when allowed, otherwise the whole
    /// number of seconds (at least 1) after which one request will be allowed again.
    int acquire(const QByteArray &key, const RateLimit &limit);

private:
    struct Bucket
    {
        double tokens = 0;
        std::chrono::steady_clock::time_point last;
    };
    TimeSource m_now;
    std::mutex m_mutex;
    QHash<QByteArray, Bucket> m_buckets;
};

} // namespace einvoice::portal

#pragma once

#include "agentconfig.h"

#include <QDateTime>
#include <optional>

namespace einvoice {

/// When to try a transiently failed send again: exponential backoff (base * 2^(attempt-1),
/// capped) with +/- jitter, so a portal that was down is not hit by every agent at the same
/// second when it comes back. A server's Retry-After wins when it asks for a longer wait.
/// Stateless apart from its settings; the random source is passed in so tests are exact.
class RetryPolicy
{
public:
    explicit RetryPolicy(RetrySettings settings = {}) : m_settings(settings) {}

    /// The wait before attempt @p attempts + 1, after @p attempts failed attempts (>= 1).
    /// @p unitRandom is a number in [0, 1) (0.5 = no jitter).
    qint64 delayMs(int attempts, double unitRandom, std::optional<int> retryAfterSecs = std::nullopt) const;
    /// now + delayMs() with a random draw from QRandomGenerator::global().
    QDateTime nextAttempt(const QDateTime &now, int attempts,
                          std::optional<int> retryAfterSecs = std::nullopt) const;
    /// True when no further attempt is allowed after @p attempts failed ones.
    bool exhausted(int attempts) const { return attempts >= m_settings.maxAttempts; }
    const RetrySettings &settings() const { return m_settings; }

private:
    RetrySettings m_settings;
};

} // namespace einvoice

#include "retrypolicy.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace einvoice {

qint64 RetryPolicy::delayMs(int attempts, double unitRandom, std::optional<int> retryAfterSecs) const
{
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const double base = double(m_settings.baseSecs) * 1000.0 * std::pow(2.0, exponent);
    const double capped = std::min(base, double(m_settings.maxSecs) * 1000.0);
    const double factor = 1.0 + m_settings.jitter * (2.0 * std::clamp(unitRandom, 0.0, 1.0) - 1.0);
    qint64 delay = qint64(std::llround(capped * factor));
    if (retryAfterSecs && *retryAfterSecs > 0)
        delay = std::max(delay, qint64(*retryAfterSecs) * 1000);
    return std::max<qint64>(delay, 0);
}

QDateTime RetryPolicy::nextAttempt(const QDateTime &now, int attempts,
                                   std::optional<int> retryAfterSecs) const
{
    return now.addMSecs(delayMs(attempts, QRandomGenerator::global()->generateDouble(), retryAfterSecs));
}

} // namespace einvoice

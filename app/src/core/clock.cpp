#include "clock.h"

#include <QMutexLocker>
#include <QTimeZone>

namespace einvoice {

Clock::~Clock() = default;

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock() : ManualClock(QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc())) {}

ManualClock::ManualClock(const QDateTime &start) : m_now(start.toUTC()) {}

QDateTime ManualClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

void ManualClock::setNow(const QDateTime &time)
{
    QMutexLocker lock(&m_mutex);
    m_now = time.toUTC();
}

void ManualClock::advanceMs(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addMSecs(ms);
}

} // namespace einvoice

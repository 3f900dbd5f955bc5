#pragma once

#include <QDateTime>
#include <QMutex>

namespace einvoice {

/// Source of the current time for the engine (journal timestamps, retry scheduling, backoff).
///
/// Injected rather than read from the system so tests can move time forward explicitly and
/// never sleep. Implementations return UTC and must be safe to call from any thread, because
/// the sender, the pipeline workers and the journal may share one clock. The engine does not
/// own the clock it is given: the caller keeps it alive for as long as it is used.
class Clock
{
public:
    virtual ~Clock();
    /// The current time, in UTC.
    virtual QDateTime now() const = 0;
};

/// The real wall clock (UTC). Stateless; any thread.
class SystemClock : public Clock
{
public:
    QDateTime now() const override;
};

/// A clock that only moves when told to; for tests and benchmarks.
///
/// Starts at a fixed instant (2025-01-01T00:00:00Z unless given) so results do not depend on
/// the day the test runs. Thread-safe: a test may advance it while workers read it.
class ManualClock : public Clock
{
public:
    ManualClock();
    explicit ManualClock(const QDateTime &start);

    QDateTime now() const override;
    /// Sets the time; a local time is converted to UTC. Going backwards is allowed on purpose,
    /// to test code against clock jumps (NTP corrections, suspended laptops).
    void setNow(const QDateTime &time);
    void advanceMs(qint64 ms);
    void advanceSecs(qint64 secs) { advanceMs(secs * 1000); }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace einvoice

#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace einvoice {

/// Monotonic time source for the settle logic, so tests can drive it without sleeping.
///
/// The engine's general Clock (app/src/core/clock.h) did not exist when the watcher was written and
/// gives wall time; settling needs a monotonic clock that does not jump when the user changes the
/// system time, hence this small interface. Implementations must be usable from the thread that
/// owns the FileSettler; they are not owned by the settler (the caller keeps them alive).
class WatchClock
{
public:
    virtual ~WatchClock() = default;
    /// Milliseconds since an arbitrary fixed origin; never goes backwards.
    virtual qint64 elapsedMs() const = 0;
};

/// The real monotonic clock (QElapsedTimer, CLOCK_MONOTONIC on Linux).
class SteadyWatchClock final : public WatchClock
{
public:
    SteadyWatchClock() { m_timer.start(); }
    qint64 elapsedMs() const override { return m_timer.elapsed(); }

    /// A process-wide instance for callers that do not inject their own.
    static const WatchClock &instance();

private:
    QElapsedTimer m_timer;
};

/// A clock that only moves when told to; for tests.
class ManualWatchClock final : public WatchClock
{
public:
    qint64 elapsedMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 0;
};

} // namespace einvoice

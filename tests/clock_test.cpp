#include "clock.h"

#include <QTimeZone>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace einvoice;

TEST(Clock, SystemClockIsUtcAndCurrent)
{
    SystemClock clock;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = clock.now();
    const QDateTime after = QDateTime::currentDateTimeUtc();
    EXPECT_EQ(now.timeSpec(), Qt::UTC);
    EXPECT_LE(before, now);
    EXPECT_LE(now, after);
}

TEST(Clock, ManualClockStartsAtAFixedInstant)
{
    ManualClock clock;
    EXPECT_EQ(clock.now(), QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc()));
    EXPECT_EQ(clock.now().timeSpec(), Qt::UTC);
    // Does not move by itself.
    EXPECT_EQ(clock.now(), clock.now());
}

TEST(Clock, ManualClockAdvancesOnlyWhenTold)
{
    const QDateTime start(QDate(2024, 2, 28), QTime(23, 59, 59, 500), QTimeZone::utc());
    ManualClock clock(start);
    clock.advanceMs(600);
    EXPECT_EQ(clock.now(), QDateTime(QDate(2024, 2, 29), QTime(0, 0, 0, 100), QTimeZone::utc()));
    clock.advanceSecs(86400);
    EXPECT_EQ(clock.now().date(), QDate(2024, 3, 1));
    // Backwards jumps are allowed so code can be tested against them.
    clock.setNow(start);
    EXPECT_EQ(clock.now(), start);
}

TEST(Clock, ManualClockConvertsToUtc)
{
    const QDateTime berlin(QDate(2025, 6, 1), QTime(12, 0), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    ManualClock clock(berlin);
    EXPECT_EQ(clock.now().timeSpec(), Qt::UTC);
    EXPECT_EQ(clock.now().time(), QTime(10, 0));
    clock.setNow(QDateTime(QDate(2025, 1, 1), QTime(1, 0), QTimeZone(3600)));
    EXPECT_EQ(clock.now(), QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc()));
}

TEST(Clock, ManualClockIsThreadSafe)
{
    ManualClock clock;
    const QDateTime start = clock.now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&clock] {
            for (int i = 0; i < 1000; ++i) {
                clock.advanceMs(1);
                (void)clock.now();
            }
        });
    }
    for (auto &t : threads)
        t.join();
    EXPECT_EQ(start.msecsTo(clock.now()), 4000);
}

TEST(Clock, UsableThroughTheInterface)
{
    ManualClock manual;
    const Clock &clock = manual;
    const QDateTime t0 = clock.now();
    manual.advanceSecs(30);
    EXPECT_EQ(t0.secsTo(clock.now()), 30);
}

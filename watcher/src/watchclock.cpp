#include "watchclock.h"

namespace einvoice {

const WatchClock &SteadyWatchClock::instance()
{
    static const SteadyWatchClock clock;
    return clock;
}

} // namespace einvoice

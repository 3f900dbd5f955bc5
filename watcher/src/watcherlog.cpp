#include "watcherlog.h"

namespace einvoice {

Q_LOGGING_CATEGORY(lcWatcher, "einvoice.watcher")

} // namespace einvoice

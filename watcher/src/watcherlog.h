#pragma once

#include <QLoggingCategory>

namespace einvoice {

/// Logging category of the capture library ("einvoice.watcher"); enable with
/// QT_LOGGING_RULES="einvoice.watcher.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcWatcher)

} // namespace einvoice

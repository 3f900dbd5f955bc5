#pragma once

#include "engine.h"

namespace einvoice {

/// The transports this build can make, chosen by each sender profile's `transport` setting:
/// folder always; https and sftp when their implementations are compiled in. Secrets come from
/// the profile's token file (mode 0600 or refused) or the environment, never the config file.
Engine::TransportFactory makeTransportFactory();

} // namespace einvoice

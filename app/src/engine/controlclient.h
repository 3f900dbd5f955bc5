#pragma once

#include <QJsonObject>
#include <QString>

namespace einvoice {

/// The client side of ControlServer: one request, one answer, synchronously, with a timeout.
/// Used by the CLI and by a second tray start. Any thread; no state between calls.
class ControlClient
{
public:
    /// True when an engine answers at @p socketPath.
    static bool isRunning(const QString &socketPath);
    /// Sends @p request; returns the answer, or nullopt with @p error when no engine answers or
    /// the answer is not JSON.
    static std::optional<QJsonObject> request(const QString &socketPath, const QJsonObject &request,
                                              QString *error, int timeoutMs = 30000);
};

} // namespace einvoice

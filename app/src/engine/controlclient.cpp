#include "controlclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace einvoice {

bool ControlClient::isRunning(const QString &socketPath)
{
    QString error;
    const auto answer =
        request(socketPath, QJsonObject{{QStringLiteral("cmd"), QStringLiteral("ping")}}, &error, 2000);
    return answer.has_value();
}

std::optional<QJsonObject> ControlClient::request(const QString &socketPath, const QJsonObject &req,
                                                  QString *error, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(std::min(timeoutMs, 2000))) {
        if (error)
            *error = QCoreApplication::translate("ControlClient", "No agent is running at %1 (%2).")
                         .arg(socketPath, socket.errorString());
        return std::nullopt;
    }
    socket.write(QJsonDocument(req).toJson(QJsonDocument::Compact) + '\n');
    socket.flush();
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    while (!buffer.contains('\n')) {
        const int left = timeoutMs - int(timer.elapsed());
        if (left <= 0 || (!socket.waitForReadyRead(left) && socket.bytesAvailable() == 0)) {
            if (error)
                *error =
                    QCoreApplication::translate("ControlClient", "The agent at %1 did not answer in time.")
                        .arg(socketPath);
            return std::nullopt;
        }
        buffer += socket.readAll();
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.left(buffer.indexOf('\n')), &parse);
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("ControlClient",
                                                 "The agent at %1 answered something unreadable: %2")
                         .arg(socketPath, parse.errorString());
        return std::nullopt;
    }
    return doc.object();
}

} // namespace einvoice

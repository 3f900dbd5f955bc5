#pragma once

#include <QJsonObject>
#include <QLocalServer>
#include <QObject>
#include <functional>

namespace einvoice {

class Engine;

/// Lets `einvoice status` / `einvoice queue ...` (and a second tray start) talk to the running
/// engine over a local socket that only the user can open (QLocalServer::UserAccessOption on a
/// socket inside the 0700 data directory). One JSON object per line each way; requests are
/// handled in the engine's thread, so every action goes through the single journal writer.
/// Protocol in docs/cli.md. Lives in the engine's thread; does not own the engine.
class ControlServer : public QObject
{
    Q_OBJECT
public:
    ControlServer(Engine &engine, QObject *parent = nullptr);
    /// Listens on @p path. Refuses when another engine answers there (one engine per data
    /// directory); removes a stale socket left by a crashed one. Empty string on success.
    QString listen(const QString &path);
    QString path() const { return m_server.fullServerName(); }

    /// Handles one request (also used directly by tests). "poll" and "respond" wait for the
    /// portal: they go through handleAsync().
    QJsonObject handle(const QJsonObject &request);
    /// Handles one request and passes the answer to @p reply, at once or (poll, respond) when
    /// the work is done; always on the engine's thread.
    void handleAsync(const QJsonObject &request, std::function<void(const QJsonObject &)> reply);

signals:
    /// A client asked the front end to show itself (a second tray start).
    void raiseRequested();
    /// A client asked the agent to quit.
    void quitRequested();

private:
    void onConnection();
    Engine &m_engine;
    QLocalServer m_server;
};

} // namespace einvoice

#include "controlserver.h"

#include "controlclient.h"
#include "engine.h"
#include "jobjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcControl, "einvoice.engine.control")

namespace einvoice {

namespace {
QJsonObject answer(const QString &error)
{
    return error.isEmpty() ? QJsonObject{{QStringLiteral("ok"), true}}
                           : QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}
} // namespace

ControlServer::ControlServer(Engine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &ControlServer::onConnection);
}

QString ControlServer::listen(const QString &path)
{
    if (ControlClient::isRunning(path))
        return tr("Another agent is already running (it answers at %1).").arg(path);
    QLocalServer::removeServer(path); // a socket file left by an agent that crashed
    if (!m_server.listen(path))
        return tr("Cannot listen at %1: %2").arg(path, m_server.errorString());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    qCInfo(lcControl) << "listening at" << path;
    return {};
}

void ControlServer::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine(1 << 20);
                QJsonParseError parse;
                const QJsonDocument doc = QJsonDocument::fromJson(line, &parse);
                const QPointer<QLocalSocket> to(socket);
                const auto reply = [to](const QJsonObject &answer) {
                    if (!to)
                        return; // the client went away while a request ran
                    to->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
                    to->flush();
                };
                if (doc.isObject())
                    handleAsync(doc.object(), reply);
                else
                    reply(answer(tr("Not a JSON request: %1").arg(parse.errorString())));
            }
            if (socket->bytesAvailable() > (1 << 20))
                socket->abort();
        });
    }
}

void ControlServer::handleAsync(const QJsonObject &request, std::function<void(const QJsonObject &)> reply)
{
    const QString cmd = request.value(QStringLiteral("cmd")).toString();
    if (cmd == QLatin1String("poll")) {
        // Answers once the poll has been applied, so the caller sees its effect.
        m_engine.pollRemote([this, reply] {
            QJsonObject out = answer({});
            out[QStringLiteral("problems")] = QJsonArray::fromStringList(m_engine.status().problems);
            reply(out);
        });
        return;
    }
    if (cmd == QLatin1String("respond")) {
        m_engine.respondToIncoming(
            request.value(QStringLiteral("id")).toVariant().toLongLong(),
            request.value(QStringLiteral("response")).toString(),
            request.value(QStringLiteral("note")).toString(),
            [reply](const QString &error) { reply(answer(error)); },
            request.value(QStringLiteral("user")).toString());
        return;
    }
    reply(handle(request));
}

QJsonObject ControlServer::handle(const QJsonObject &request)
{
    const QString cmd = request.value(QStringLiteral("cmd")).toString();
    const qint64 id = request.value(QStringLiteral("id")).toVariant().toLongLong();
    const QString who = request.value(QStringLiteral("user")).toString();
    if (cmd == QLatin1String("ping"))
        return answer({});
    if (cmd == QLatin1String("status")) {
        const EngineStatus s = m_engine.status();
        QJsonObject out = answer({});
        out[QStringLiteral("counts")] = JobJson::counts(s.counts);
        out[QStringLiteral("paused")] = s.sendingPaused;
        out[QStringLiteral("reading")] = s.reading;
        out[QStringLiteral("sending")] = s.sending;
        out[QStringLiteral("problems")] = QJsonArray::fromStringList(s.problems);
        out[QStringLiteral("last_send_error")] = s.lastSendError;
        out[QStringLiteral("journal")] = m_engine.config().journalPath;
        out[QStringLiteral("pid")] = qint64(QCoreApplication::applicationPid());
        return out;
    }
    if (cmd == QLatin1String("list")) {
        JobQuery q;
        for (const QJsonValue &v : request.value(QStringLiteral("states")).toArray())
            if (const auto s = jobStateFromName(v.toString()))
                q.states << *s;
            else
                return answer(tr("Unknown state '%1'.").arg(v.toString()));
        q.search = request.value(QStringLiteral("search")).toString();
        q.senderProfile = request.value(QStringLiteral("profile")).toString();
        q.limit = request.value(QStringLiteral("limit")).toInt(0);
        QString error;
        const QList<Job> jobs = m_engine.journal().jobs(q, &error);
        if (!error.isEmpty())
            return answer(error);
        QJsonArray list;
        for (const Job &j : jobs)
            list.append(JobJson::job(j));
        QJsonObject out = answer({});
        out[QStringLiteral("jobs")] = list;
        return out;
    }
    if (cmd == QLatin1String("show")) {
        QString error;
        const std::optional<Job> job = m_engine.journal().job(id, &error);
        if (!job)
            return answer(error);
        QJsonObject out = answer({});
        out[QStringLiteral("job")] = JobJson::job(*job);
        out[QStringLiteral("events")] = JobJson::events(m_engine.journal().events(id));
        out[QStringLiteral("validation")] = m_engine.files().validation(id);
        out[QStringLiteral("source_info")] = m_engine.files().source(id);
        return out;
    }
    if (cmd == QLatin1String("approve"))
        return answer(m_engine.approve(id, who));
    if (cmd == QLatin1String("approve_all")) {
        int count = 0;
        QJsonObject out = answer(m_engine.approveAllReady(&count, who));
        out[QStringLiteral("count")] = count;
        return out;
    }
    if (cmd == QLatin1String("retry"))
        return answer(m_engine.retry(id, who));
    if (cmd == QLatin1String("discard"))
        return answer(m_engine.discard(id, request.value(QStringLiteral("reason")).toString(), who));
    if (cmd == QLatin1String("pause") || cmd == QLatin1String("resume")) {
        m_engine.setSendingPaused(cmd == QLatin1String("pause"));
        return answer({});
    }
    if (cmd == QLatin1String("submit")) {
        const QString profile =
            request.value(QStringLiteral("profile"))
                .toString(m_engine.config().profiles.isEmpty() ? QString()
                                                               : m_engine.config().profiles.constFirst().id);
        const Engine::Submitted s = m_engine.submitFile(request.value(QStringLiteral("path")).toString(),
                                                        profile, SourceKind::Cli, false);
        QJsonObject out = answer(s.error);
        out[QStringLiteral("job_id")] = s.jobId;
        out[QStringLiteral("duplicate")] = s.duplicate;
        return out;
    }
    if (cmd == QLatin1String("incoming")) {
        QString error;
        const QList<IncomingRecord> records =
            m_engine.incoming().list(request.value(QStringLiteral("limit")).toInt(0), &error);
        if (!error.isEmpty())
            return answer(error);
        QJsonArray list;
        for (const IncomingRecord &r : records)
            list.append(JobJson::incoming(r));
        QJsonObject out = answer({});
        out[QStringLiteral("incoming")] = list;
        return out;
    }
    if (cmd == QLatin1String("raise")) {
        emit raiseRequested();
        return answer({});
    }
    if (cmd == QLatin1String("quit")) {
        emit quitRequested();
        return answer({});
    }
    return answer(tr("Unknown request '%1'.").arg(cmd));
}

} // namespace einvoice

#include "agentcli.h"

#include "clicommon.h"
#include "controlclient.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace einvoice::cli::AgentCli {

const QCommandLineOption &configOption()
{
    static const QCommandLineOption option(QStringLiteral("config"), tr("Agent configuration file."),
                                           QStringLiteral("file"));
    return option;
}

const QCommandLineOption &jsonOption()
{
    static const QCommandLineOption option(QStringLiteral("json"), tr("Print JSON instead of text."));
    return option;
}

std::optional<AgentConfig> loadConfig(const QCommandLineParser &parser)
{
    QString path = parser.value(configOption());
    if (path.isEmpty() && QFileInfo::exists(AgentConfig::defaultPath()))
        path = AgentConfig::defaultPath();
    QString error;
    std::optional<AgentConfig> config = AgentConfig::load(path, &error);
    if (!config)
        err() << error << Qt::endl;
    return config;
}

std::optional<QJsonObject> ask(const AgentConfig &config, QJsonObject request, int timeoutMs)
{
    QString error;
    request[QStringLiteral("user")] = qEnvironmentVariable("USER");
    auto a = ControlClient::request(config.controlSocket, request, &error, timeoutMs);
    if (!a) {
        err() << error << Qt::endl;
        return std::nullopt;
    }
    if (!a->value(QStringLiteral("ok")).toBool()) {
        err() << a->value(QStringLiteral("error")).toString() << Qt::endl;
        return std::nullopt;
    }
    return a;
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

std::unique_ptr<Offline> openOffline(const AgentConfig &config)
{
    if (!QFileInfo::exists(config.journalPath)) {
        err() << tr("%1: no job journal yet (the agent has not run with this configuration)")
                     .arg(config.journalPath)
              << Qt::endl;
        return nullptr;
    }
    auto o = std::make_unique<Offline>();
    if (const QString e = o->journal.open(config.journalPath); !e.isEmpty()) {
        err() << e << Qt::endl;
        return nullptr;
    }
    if (o->audit.open(config.dataDir).isEmpty()) {
        Offline *raw = o.get();
        o->journal.setChangeObserver(
            [raw](const Job &job, std::optional<JobState> from, const QString &message) {
                raw->audit.appendTransition(job, from, message);
            });
    }
    o->files = std::make_unique<JobFiles>(config.jobsDir);
    o->actions = std::make_unique<QueueActions>(o->journal, *o->files);
    return o;
}

} // namespace einvoice::cli::AgentCli

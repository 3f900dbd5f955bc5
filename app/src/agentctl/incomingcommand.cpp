#include "incomingcommand.h"

#include "agentcli.h"
#include "clicommon.h"
#include "controlclient.h"
#include "engine.h"
#include "incomingjournal.h"
#include "jobjson.h"
#include "transportfactory.h"

#include <QDateTime>
#include <QJsonArray>

namespace einvoice::cli {

namespace {

QString responseWord(const QString &code)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("AB"), QT_TR_NOOP("acknowledged")}, {QStringLiteral("IP"), QT_TR_NOOP("in process")},
        {QStringLiteral("UQ"), QT_TR_NOOP("under query")},  {QStringLiteral("RE"), QT_TR_NOOP("rejected")},
        {QStringLiteral("AP"), QT_TR_NOOP("accepted")},     {QStringLiteral("PD"), QT_TR_NOOP("paid")}};
    return words.contains(code) ? tr(words.value(code)) : QStringLiteral("-");
}

void printLine(const QJsonObject &r)
{
    const auto cell = [&r](const char *key) {
        const QJsonValue v = r.value(QLatin1String(key));
        return v.isNull() || v.isUndefined() ? QStringLiteral("-") : v.toVariant().toString();
    };
    out() << QStringLiteral("%1  %2  %3  %4 %5  %6  %7")
                 .arg(cell("id"), 5)
                 .arg(cell("issue_date"), -10)
                 .arg(cell("invoice_number"), -14)
                 .arg(cell("amount"), 12)
                 .arg(cell("currency"), -3)
                 .arg(responseWord(r.value(QStringLiteral("response")).toString()), -12)
                 .arg(cell("seller_name"))
          << Qt::endl;
}

// Answers without an agent: the profile's transport made here, the answer recorded in the journal.
QString respondOffline(const AgentConfig &config, qint64 id, const QString &response, const QString &note)
{
    const std::unique_ptr<AgentCli::Offline> offline = AgentCli::openOffline(config);
    if (!offline)
        return tr("The journal could not be opened.");
    IncomingJournal incoming(offline->journal);
    QString error;
    const std::optional<IncomingRecord> record = incoming.byId(id, &error);
    if (!record)
        return error;
    QString code;
    if (QString problem = Engine::checkResponse(response, note, *record, &code); !problem.isEmpty())
        return problem;
    const auto profile = std::find_if(config.profiles.cbegin(), config.profiles.cend(),
                                      [&](const SenderProfile &p) { return p.id == record->profile; });
    if (profile == config.profiles.cend())
        return tr("Incoming invoice %1 arrived for profile %2, which the configuration no longer has.")
            .arg(id)
            .arg(record->profile);
    const std::unique_ptr<Transport> transport = makeTransportFactory()(*profile, &error);
    if (!transport)
        return error;
    if (!transport->supportsResponses())
        return tr("The %1 connection of profile %2 does not carry business responses.")
            .arg(transport->kind(), profile->id);
    if (QString e = transport->respondToIncoming(record->remoteId, code, note); !e.isEmpty())
        return tr("Cannot answer invoice %1 from %2: %3").arg(record->invoiceNumber, record->sellerName, e);
    return incoming.setResponse(id, code, note, QDateTime::currentDateTimeUtc());
}

} // namespace

int IncomingCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "The invoices the agent fetched from the portal into the incoming folder, and the answer to one "
        "of them.\n\n"
        "  list                          newest first: id, date, number, amount, your answer, seller\n"
        "  respond ID RESPONSE [--note]  tell the seller: accept, reject (needs --note), paid, in-process,\n"
        "                                under-query (needs --note) or acknowledge"));
    const QCommandLineOption note(QStringLiteral("note"), tr("Reason or message for the seller."),
                                  QStringLiteral("text"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("Show at most N invoices."),
                                   QStringLiteral("n"));
    parser.addOptions({AgentCli::configOption(), AgentCli::jsonOption(), note, limit});
    parser.addPositionalArgument(QStringLiteral("action"), tr("list or respond"));
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const std::optional<AgentConfig> config = AgentCli::loadConfig(parser);
    if (!config)
        return ExitUsage;
    QStringList pos = parser.positionalArguments();
    const QString action = pos.takeFirst();
    const bool running = ControlClient::isRunning(config->controlSocket);

    if (action == QLatin1String("list")) {
        QJsonArray list;
        if (running) {
            const auto a = AgentCli::ask(*config, {{QStringLiteral("cmd"), QStringLiteral("incoming")},
                                                   {QStringLiteral("limit"), parser.value(limit).toInt()}});
            if (!a)
                return ExitInputError;
            list = a->value(QStringLiteral("incoming")).toArray();
        } else {
            const auto offline = AgentCli::openOffline(*config);
            if (!offline)
                return ExitInputError;
            QString error;
            for (const IncomingRecord &r :
                 IncomingJournal(offline->journal).list(parser.value(limit).toInt(), &error))
                list.append(JobJson::incoming(r));
            if (!error.isEmpty()) {
                err() << error << Qt::endl;
                return ExitInputError;
            }
        }
        if (parser.isSet(AgentCli::jsonOption())) {
            AgentCli::printJson({{QStringLiteral("incoming"), list}});
        } else {
            for (const QJsonValue &r : list)
                printLine(r.toObject());
            if (list.isEmpty())
                out() << tr("No incoming invoices yet.") << Qt::endl;
        }
        return ExitOk;
    }
    if (action == QLatin1String("respond")) {
        bool ok = false;
        const qint64 id = pos.value(0).toLongLong(&ok);
        if (pos.size() != 2 || !ok || id <= 0) {
            err() << tr("respond needs an incoming invoice id and a response (accept, reject, paid, ...)")
                  << Qt::endl;
            return ExitUsage;
        }
        QString error;
        if (running) {
            // The portal may be slow: the agent answers once it has, bounded by its own timeouts.
            if (!AgentCli::ask(*config,
                               {{QStringLiteral("cmd"), QStringLiteral("respond")},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("response"), pos.at(1)},
                                {QStringLiteral("note"), parser.value(note)}},
                               10 * 60 * 1000))
                return ExitInputError;
        } else if (error = respondOffline(*config, id, pos.at(1), parser.value(note)); !error.isEmpty()) {
            err() << error << Qt::endl;
            return ExitInputError;
        }
        out() << tr("Sent: invoice %1 %2.").arg(id).arg(responseWord(*Engine::responseCode(pos.at(1))))
              << Qt::endl;
        return ExitOk;
    }
    err() << tr("unknown action '%1' (list or respond)").arg(action) << Qt::endl;
    return ExitUsage;
}

int IncomingCommand::runPoll(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Ask the portal now for status changes of sent invoices and for incoming invoices (the running "
           "agent does it; returns when the answers are in the journal)."));
    parser.addOptions({AgentCli::configOption()});
    if (const int rc = parseOrExit(parser, args, 0); rc >= 0)
        return rc;
    const std::optional<AgentConfig> config = AgentCli::loadConfig(parser);
    if (!config)
        return ExitUsage;
    if (!ControlClient::isRunning(config->controlSocket)) {
        err() << tr("The agent is not running (%1); start it to poll the portal.").arg(config->controlSocket)
              << Qt::endl;
        return ExitInputError;
    }
    const auto a = AgentCli::ask(*config, {{QStringLiteral("cmd"), QStringLiteral("poll")}}, 10 * 60 * 1000);
    if (!a)
        return ExitInputError;
    const QJsonArray problems = a->value(QStringLiteral("problems")).toArray();
    for (const QJsonValue &p : problems)
        out() << tr("Problem: %1").arg(p.toString()) << Qt::endl;
    out() << tr("Polled.") << Qt::endl;
    return ExitOk;
}

} // namespace einvoice::cli

#include "queuecommand.h"

#include "agentcli.h"
#include "agentconfig.h"
#include "auditlog.h"
#include "clicommon.h"
#include "controlclient.h"
#include "jobfiles.h"
#include "jobjson.h"
#include "queueactions.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace einvoice::cli {

namespace {

const QCommandLineOption &kConfig = AgentCli::configOption();
const QCommandLineOption &kJson = AgentCli::jsonOption();
using AgentCli::loadConfig;
using AgentCli::printJson;

using AgentCli::Offline;
using AgentCli::openOffline;

QString cell(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? QStringLiteral("-") : v.toVariant().toString();
}

void printJobLine(const QJsonObject &j)
{
    out() << QStringLiteral("%1  %2  %3  %4  %5 %6  %7")
                 .arg(j.value(QStringLiteral("id")).toVariant().toString(), 5)
                 .arg(j.value(QStringLiteral("state")).toString(), -12)
                 .arg(cell(j.value(QStringLiteral("issue_date"))), -10)
                 .arg(cell(j.value(QStringLiteral("invoice_number"))), -14)
                 .arg(cell(j.value(QStringLiteral("amount"))), 12)
                 .arg(cell(j.value(QStringLiteral("currency"))), -3)
                 .arg(j.value(QStringLiteral("buyer_name")).isNull()
                          ? QFileInfo(j.value(QStringLiteral("original_path")).toString()).fileName()
                          : j.value(QStringLiteral("buyer_name")).toString())
          << Qt::endl;
}

int printStatus(const QJsonObject &s, bool json, bool running)
{
    if (json) {
        QJsonObject o = s;
        o[QStringLiteral("running")] = running;
        printJson(o);
        return ExitOk;
    }
    out() << (running
                  ? tr("Agent: running (pid %1)").arg(s.value(QStringLiteral("pid")).toVariant().toString())
                  : tr("Agent: not running"))
          << Qt::endl;
    if (running)
        out() << tr("Sending: %1").arg(s.value(QStringLiteral("paused")).toBool() ? tr("paused") : tr("on"))
              << Qt::endl;
    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    for (JobState st : allJobStates()) {
        const int n = counts.value(jobStateName(st)).toInt();
        if (n > 0)
            out() << QStringLiteral("  %1 %2").arg(n, 6).arg(jobStateLabel(st)) << Qt::endl;
    }
    for (const QJsonValue &p : s.value(QStringLiteral("problems")).toArray())
        out() << tr("Problem: %1").arg(p.toString()) << Qt::endl;
    return ExitOk;
}

int fail(const QString &message)
{
    err() << message << Qt::endl;
    return ExitInputError;
}

} // namespace

int QueueCommand::runStatus(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show whether the agent runs and how many documents are in each state."));
    parser.addOptions({kConfig, kJson});
    if (const int rc = parseOrExit(parser, args, 0); rc >= 0)
        return rc;
    const std::optional<AgentConfig> config = loadConfig(parser);
    if (!config)
        return ExitUsage;
    QString error;
    if (const auto answer = ControlClient::request(
            config->controlSocket, QJsonObject{{QStringLiteral("cmd"), QStringLiteral("status")}}, &error))
        return printStatus(*answer, parser.isSet(kJson), true);
    QJsonObject s;
    if (QFileInfo::exists(config->journalPath)) {
        auto offline = openOffline(*config);
        if (!offline)
            return ExitInputError;
        s[QStringLiteral("counts")] = JobJson::counts(offline->journal.countsByState());
    }
    s[QStringLiteral("journal")] = config->journalPath;
    return printStatus(s, parser.isSet(kJson), false);
}

int QueueCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Work on the send queue.\n\n"
           "  list [--state STATE]... [--search TEXT] [--limit N]\n"
           "  show ID\n"
           "  approve ID... | approve --all\n"
           "  retry ID...\n"
           "  discard ID... [--reason TEXT]\n"
           "  pause | resume          (sending; needs the running agent)\n"
           "  submit FILE [--profile ID]  (needs the running agent)\n\n"
           "With a running agent the request goes to it; otherwise the journal is changed directly and the "
           "agent acts on it when it starts."));
    const QCommandLineOption state(QStringLiteral("state"), tr("Only jobs in this state (repeatable)."),
                                   QStringLiteral("state"));
    const QCommandLineOption search(QStringLiteral("search"), tr("Only jobs matching this text."),
                                    QStringLiteral("text"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N jobs."), QStringLiteral("n"),
                                   QStringLiteral("0"));
    const QCommandLineOption all(QStringLiteral("all"), tr("approve: every ready job."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("discard: why (goes into the timeline)."),
                                    QStringLiteral("text"));
    const QCommandLineOption profile(QStringLiteral("profile"), tr("submit: sender profile."),
                                     QStringLiteral("id"));
    parser.addOptions({kConfig, kJson, state, search, limit, all, reason, profile});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("list, show, approve, retry, discard, pause, resume, submit"));
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const std::optional<AgentConfig> config = loadConfig(parser);
    if (!config)
        return ExitUsage;
    QStringList pos = parser.positionalArguments();
    const QString action = pos.takeFirst();
    const bool json = parser.isSet(kJson);
    const QString who = qEnvironmentVariable("USER");
    const bool running = ControlClient::isRunning(config->controlSocket);
    std::unique_ptr<Offline> offline;
    if (!running) {
        offline = openOffline(*config);
        if (!offline)
            return ExitInputError;
    }
    auto ask = [&](const QJsonObject &request) { return AgentCli::ask(*config, request); };
    QList<qint64> ids;
    for (const QString &p : pos) {
        bool ok = false;
        const qint64 id = p.toLongLong(&ok);
        if (!ok || id <= 0) {
            if (action == QLatin1String("submit"))
                continue;
            err() << tr("'%1' is not a job id").arg(p) << Qt::endl;
            return ExitUsage;
        }
        ids << id;
    }

    if (action == QLatin1String("list")) {
        QJsonArray jobs;
        if (running) {
            QJsonArray states;
            for (const QString &s : parser.values(state))
                states.append(s);
            const auto a = ask(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("list")},
                                           {QStringLiteral("states"), states},
                                           {QStringLiteral("search"), parser.value(search)},
                                           {QStringLiteral("limit"), parser.value(limit).toInt()}});
            if (!a)
                return ExitInputError;
            jobs = a->value(QStringLiteral("jobs")).toArray();
        } else {
            JobQuery q;
            for (const QString &s : parser.values(state)) {
                const auto st = jobStateFromName(s);
                if (!st) {
                    err() << tr("unknown state '%1'").arg(s) << Qt::endl;
                    return ExitUsage;
                }
                q.states << *st;
            }
            q.search = parser.value(search);
            q.limit = parser.value(limit).toInt();
            QString error;
            for (const Job &j : offline->journal.jobs(q, &error))
                jobs.append(JobJson::job(j));
            if (!error.isEmpty())
                return fail(error);
        }
        if (json) {
            printJson(QJsonObject{{QStringLiteral("jobs"), jobs}});
        } else {
            for (const QJsonValue &j : jobs)
                printJobLine(j.toObject());
            if (jobs.isEmpty())
                out() << tr("No jobs.") << Qt::endl;
        }
        return ExitOk;
    }
    if (action == QLatin1String("show")) {
        if (ids.size() != 1) {
            err() << tr("show needs one job id") << Qt::endl;
            return ExitUsage;
        }
        QJsonObject shown;
        if (running) {
            const auto a = ask(
                QJsonObject{{QStringLiteral("cmd"), QStringLiteral("show")}, {QStringLiteral("id"), ids[0]}});
            if (!a)
                return ExitInputError;
            shown = *a;
        } else {
            QString error;
            const auto job = offline->journal.job(ids[0], &error);
            if (!job)
                return fail(error);
            shown[QStringLiteral("job")] = JobJson::job(*job);
            shown[QStringLiteral("events")] = JobJson::events(offline->journal.events(ids[0]));
            shown[QStringLiteral("validation")] = offline->files->validation(ids[0]);
            shown[QStringLiteral("source_info")] = offline->files->source(ids[0]);
        }
        if (json) {
            printJson(shown);
            return ExitOk;
        }
        const QJsonObject j = shown.value(QStringLiteral("job")).toObject();
        const auto line = [](const QString &label, const QJsonValue &v) {
            if (!v.isNull() && !v.isUndefined() && !v.toVariant().toString().isEmpty())
                out() << QStringLiteral("%1 %2")
                             .arg(label + QLatin1Char(':'), -16)
                             .arg(v.toVariant().toString())
                      << Qt::endl;
        };
        line(tr("Job"), j.value(QStringLiteral("id")));
        line(tr("State"), jobStateLabel(*jobStateFromName(j.value(QStringLiteral("state")).toString())));
        line(tr("Document"), j.value(QStringLiteral("original_path")));
        line(tr("Invoice"), j.value(QStringLiteral("invoice_number")));
        line(tr("Date"), j.value(QStringLiteral("issue_date")));
        line(tr("Seller"), j.value(QStringLiteral("seller_name")));
        line(tr("Buyer"), j.value(QStringLiteral("buyer_name")));
        if (!j.value(QStringLiteral("amount")).isNull())
            line(tr("Amount"), QStringLiteral("%1 %2").arg(j.value(QStringLiteral("amount")).toString(),
                                                           j.value(QStringLiteral("currency")).toString()));
        line(tr("Attempts"), j.value(QStringLiteral("attempts")));
        line(tr("Next attempt"), j.value(QStringLiteral("next_retry_at")));
        line(tr("Remote id"), j.value(QStringLiteral("remote_id")));
        line(tr("Buyer's answer"), j.value(QStringLiteral("business_status")));
        line(tr("Last error"), j.value(QStringLiteral("last_error")));
        for (const QJsonValue &f : shown.value(QStringLiteral("validation"))
                                       .toObject()
                                       .value(QStringLiteral("failures"))
                                       .toArray()) {
            const QJsonObject o = f.toObject();
            out() << QStringLiteral("  %1 %2: %3")
                         .arg(o.value(QStringLiteral("fatal")).toBool() ? tr("fatal") : tr("warning"),
                              o.value(QStringLiteral("rule")).toString(),
                              o.value(QStringLiteral("message")).toString())
                  << Qt::endl;
        }
        out() << tr("Timeline:") << Qt::endl;
        for (const QJsonValue &e : shown.value(QStringLiteral("events")).toArray()) {
            const QJsonObject o = e.toObject();
            out() << QStringLiteral("  %1  %2  %3")
                         .arg(o.value(QStringLiteral("time")).toString(),
                              o.value(QStringLiteral("state")).toString(),
                              o.value(QStringLiteral("message"))
                                  .toString()
                                  .replace(QLatin1Char('\n'), QStringLiteral("\n      ")))
                  << Qt::endl;
        }
        return ExitOk;
    }
    if (action == QLatin1String("approve") || action == QLatin1String("retry") ||
        action == QLatin1String("discard")) {
        if (action == QLatin1String("approve") && parser.isSet(all)) {
            int count = 0;
            if (running) {
                const auto a = ask(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("approve_all")}});
                if (!a)
                    return ExitInputError;
                count = a->value(QStringLiteral("count")).toInt();
            } else if (const QString e = offline->actions->approveAllReady(&count, who); !e.isEmpty()) {
                return fail(e);
            }
            out() << (count == 1 ? tr("1 job approved.") : tr("%1 jobs approved.").arg(count)) << Qt::endl;
            return ExitOk;
        }
        if (ids.isEmpty()) {
            err() << tr("%1 needs at least one job id").arg(action) << Qt::endl;
            return ExitUsage;
        }
        int failures = 0;
        for (qint64 id : ids) {
            QString e;
            if (running) {
                if (!ask(QJsonObject{{QStringLiteral("cmd"), action},
                                     {QStringLiteral("id"), id},
                                     {QStringLiteral("reason"), parser.value(reason)}}))
                    e = QStringLiteral("-");
            } else if (action == QLatin1String("approve")) {
                e = offline->actions->approve(id, who);
            } else if (action == QLatin1String("retry")) {
                e = offline->actions->retry(id, who);
            } else {
                e = offline->actions->discard(id, parser.value(reason), who);
            }
            if (!e.isEmpty()) {
                if (e != QLatin1String("-"))
                    err() << e << Qt::endl;
                ++failures;
            } else {
                out() << tr("Job %1: %2 done.").arg(id).arg(action) << Qt::endl;
            }
        }
        return failures ? ExitInputError : ExitOk;
    }
    if (action == QLatin1String("pause") || action == QLatin1String("resume") ||
        action == QLatin1String("submit")) {
        if (!running)
            return fail(
                tr("No agent is running (%1); start it with einvoice-agent.").arg(config->controlSocket));
        QJsonObject request{{QStringLiteral("cmd"), action}};
        if (action == QLatin1String("submit")) {
            if (pos.size() != 1) {
                err() << tr("submit needs one file") << Qt::endl;
                return ExitUsage;
            }
            request[QStringLiteral("path")] = QFileInfo(pos[0]).absoluteFilePath();
            if (parser.isSet(profile))
                request[QStringLiteral("profile")] = parser.value(profile);
        }
        const auto a = ask(request);
        if (!a)
            return ExitInputError;
        if (action == QLatin1String("submit"))
            out() << (a->value(QStringLiteral("duplicate")).toBool()
                          ? tr("Already in the queue as job %1 (same content); not added again.")
                          : tr("Added as job %1."))
                         .arg(a->value(QStringLiteral("job_id")).toVariant().toString())
                  << Qt::endl;
        else
            out() << (action == QLatin1String("pause") ? tr("Sending paused.") : tr("Sending resumed."))
                  << Qt::endl;
        return ExitOk;
    }
    err() << tr("unknown queue action '%1'").arg(action) << Qt::endl;
    return ExitUsage;
}

} // namespace einvoice::cli

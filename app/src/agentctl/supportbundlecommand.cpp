#include "supportbundlecommand.h"

#include "agentconfig.h"
#include "clicommon.h"
#include "supportbundle.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace einvoice::cli {

int SupportBundleCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Write a support bundle: one zip with the agent's log files, its audit log (and whether it "
        "verifies), a summary of the job journal (jobs per state; the latest jobs with attempts, last error "
        "and timeline), the configuration with secrets masked, and versions of the agent, Qt, Poppler, curl "
        "and the operating system. Tokens and passwords are always masked. With --redact, names, invoice "
        "numbers and amounts are replaced by placeholders (NAME-1, INVOICE-2, AMOUNT-3) in every file.\n\n"
        "Exit codes: 0 written, 2 the configuration cannot be read, 3 the zip cannot be written, 64 usage."));
    const QCommandLineOption redact(QStringLiteral("redact"),
                                    tr("Replace names, invoice numbers and amounts by placeholders."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("The zip to write (default: einvoice-support-DATE-TIME.zip here)."),
                                    QStringLiteral("FILE.zip"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        tr("The agent's configuration file (default: %1 when it exists).").arg(AgentConfig::defaultPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  tr("How many of the latest jobs to describe in detail (default 50)."),
                                  QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({redact, output, config, jobs});
    if (const int rc = parseOrExit(parser, args, 0); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("unexpected argument '%1'").arg(parser.positionalArguments().first()) << Qt::endl
              << parser.helpText();
        return ExitUsage;
    }
    bool jobsOk = false;
    const int lastJobs = parser.value(jobs).toInt(&jobsOk);
    if (!jobsOk || lastJobs < 0) {
        err() << tr("--jobs: '%1' is not a number of jobs").arg(parser.value(jobs)) << Qt::endl;
        return ExitUsage;
    }

    // An explicit --config must exist; the default one is used only when it does.
    QString configPath = parser.value(config);
    if (configPath.isEmpty() && QFileInfo::exists(AgentConfig::defaultPath()))
        configPath = AgentConfig::defaultPath();
    QString error;
    const std::optional<AgentConfig> agent = AgentConfig::load(configPath, &error);
    if (!agent) {
        err() << error << Qt::endl;
        return ExitInputError;
    }

    SupportBundle::Options options;
    options.outputPath = parser.value(output);
    if (options.outputPath.isEmpty())
        options.outputPath = QDir::current().filePath(
            QStringLiteral("einvoice-support-%1.zip")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    options.logDirectory = agent->logDir;
    options.auditDirectory = agent->dataDir;
    options.journalPath = agent->journalPath;
    options.configPath = agent->configPath;
    options.redact = parser.isSet(redact);
    options.lastJobs = lastJobs;
    // The configuration knows names the journal may not: the sender's own and its customers'.
    for (const SenderProfile &profile : agent->profiles) {
        options.knownNames << profile.displayName << profile.seller.name << profile.seller.tradingName;
        options.knownNames << profile.customerEndpoints.keys();
    }

    const SupportBundle::Result result = SupportBundle::write(options);
    if (!result.ok()) {
        err() << result.error << Qt::endl;
        return ExitOutputError;
    }
    for (const QString &missing : result.missing)
        err() << tr("not included: %1").arg(missing) << Qt::endl;
    out() << tr("%1: support bundle with %2 files (%3)")
                 .arg(QDir::toNativeSeparators(options.outputPath))
                 .arg(result.entries.size())
                 .arg(options.redact ? tr("names, invoice numbers and amounts redacted")
                                     : tr("not redacted: it contains names, invoice numbers and amounts"))
          << Qt::endl;
    return ExitOk;
}

} // namespace einvoice::cli

// einvoice-agentctl: the commands of `einvoice` that work on the agent (status, queue, incoming,
// poll, support-bundle). `einvoice` executes it with its own arguments; it links the engine.
#include "clicommon.h"
#include "incomingcommand.h"
#include "queuecommand.h"
#include "supportbundlecommand.h"

#include <QCoreApplication>

using namespace einvoice::cli;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("einvoice"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EINVOICE_VERSION));
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        err() << tr("Usage: einvoice status|queue|incoming|poll|support-bundle [options]") << Qt::endl;
        return ExitUsage;
    }
    const QString command = args.at(1);
    // QCommandLineParser expects the program name first: "einvoice queue" acts as argv[0].
    args.removeAt(1);
    args[0] = QStringLiteral("einvoice ") + command;
    if (command == QLatin1String("status"))
        return QueueCommand::runStatus(args);
    if (command == QLatin1String("queue"))
        return QueueCommand::run(args);
    if (command == QLatin1String("incoming"))
        return IncomingCommand::run(args);
    if (command == QLatin1String("poll"))
        return IncomingCommand::runPoll(args);
    if (command == QLatin1String("support-bundle"))
        return SupportBundleCommand::run(args);
    err() << tr("unknown command '%1'; 'einvoice --help' lists the commands").arg(command) << Qt::endl;
    return ExitUsage;
}

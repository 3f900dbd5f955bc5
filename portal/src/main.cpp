// einvoice-portal: the reference portal server implementing Portal API v1 (docs/portal-api.md).

#include "clock.h"
#include "portaldatabase.h"
#include "portalserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <csignal>
#include <pthread.h>
#include <thread>

using namespace einvoice;
using namespace einvoice::portal;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message, int code = 1)
{
    err() << "einvoice-portal: " << message << Qt::endl;
    return code;
}

const char *kUsage =
    "Usage:\n"
    "  einvoice-portal account add NAME --endpoint SCHEME:ID [--org-number N] [--vat-id V]\n"
    "                              [--no-receive] [--rate-limit N[/SECONDS]] --db FILE\n"
    "  einvoice-portal account list --db FILE\n"
    "  einvoice-portal token rotate NAME [--grace SECONDS] --db FILE\n"
    "  einvoice-portal serve --listen HOST:PORT --db FILE [--cert C --key K]\n"
    "                        [--rate-limit N[/SECONDS]] [--threads N] [--max-upload-mb M]\n"
    "\n"
    "Plain HTTP is only allowed on a loopback address; anywhere else give --cert and --key.\n"
    "Exit codes: 0 ok, 1 failure, 2 bad usage.\n";

bool openDb(PortalDatabase &db)
{
    QString error;
    if (!db.open(&error)) {
        fail(error);
        return false;
    }
    return true;
}

int accountAdd(QCommandLineParser &p, PortalDatabase &db, const QStringList &args)
{
    if (args.size() != 3 || !p.isSet(QStringLiteral("endpoint")))
        return fail(QCoreApplication::translate("main", "account add needs NAME and --endpoint SCHEME:ID."),
                    2);
    Account account;
    account.name = args[2];
    account.endpoint = p.value(QStringLiteral("endpoint"));
    account.orgNumber = p.value(QStringLiteral("org-number"));
    account.vatId = p.value(QStringLiteral("vat-id"));
    account.canReceive = !p.isSet(QStringLiteral("no-receive"));
    if (p.isSet(QStringLiteral("rate-limit")) &&
        !RateLimit::parse(p.value(QStringLiteral("rate-limit")), &account.rateLimit))
        return fail(QCoreApplication::translate("main", "--rate-limit \"%1\" is not N or N/SECONDS.")
                        .arg(p.value(QStringLiteral("rate-limit"))),
                    2);
    if (!openDb(db))
        return 1;
    QString token;
    QString error;
    const auto created = db.addAccount(account, &token, &error);
    if (!created)
        return fail(error);
    // The token alone on stdout so scripts can capture it; it is shown once and stored hashed.
    out() << token << Qt::endl;
    err() << QCoreApplication::translate("main",
                                         "Account \"%1\" (%2) created. Keep the token above: it is not "
                                         "stored and cannot be shown again.")
                 .arg(created->name, created->endpoint)
          << Qt::endl;
    return 0;
}

int accountList(PortalDatabase &db)
{
    if (!openDb(db))
        return 1;
    for (const Account &a : db.accounts()) {
        out() << a.name << '\t' << a.endpoint << '\t'
              << (a.orgNumber.isEmpty() ? QStringLiteral("-") : a.orgNumber) << '\t'
              << (a.vatId.isEmpty() ? QStringLiteral("-") : a.vatId) << '\t'
              << (a.canReceive ? "receives" : "does-not-receive") << Qt::endl;
    }
    return 0;
}

int tokenRotate(QCommandLineParser &p, PortalDatabase &db, const QStringList &args)
{
    if (args.size() != 3)
        return fail(QCoreApplication::translate("main", "token rotate needs the account NAME."), 2);
    if (!openDb(db))
        return 1;
    const auto account = db.accountByName(args[2]);
    if (!account)
        return fail(
            QCoreApplication::translate("main", "No account named \"%1\" in %2.").arg(args[2], db.path()));
    QString error;
    const QString token = db.rotateToken(account->id, p.value(QStringLiteral("grace")).toInt(), &error);
    if (token.isEmpty())
        return fail(error);
    out() << token << Qt::endl;
    return 0;
}

int serve(QCommandLineParser &p, PortalDatabase &db)
{
    ServerOptions options;
    QString error;
    if (!p.isSet(QStringLiteral("listen")))
        return fail(QCoreApplication::translate("main", "serve needs --listen HOST:PORT."), 2);
    if (!ListenAddress::parse(p.value(QStringLiteral("listen")), &options.listen, &error))
        return fail(error, 2);
    options.certFile = p.value(QStringLiteral("cert"));
    options.keyFile = p.value(QStringLiteral("key"));
    if (p.isSet(QStringLiteral("rate-limit")) &&
        !RateLimit::parse(p.value(QStringLiteral("rate-limit")), &options.rateLimit))
        return fail(QCoreApplication::translate("main", "--rate-limit \"%1\" is not N or N/SECONDS.")
                        .arg(p.value(QStringLiteral("rate-limit"))),
                    2);
    if (p.isSet(QStringLiteral("max-upload-mb"))) {
        const int mb = p.value(QStringLiteral("max-upload-mb")).toInt();
        if (mb < 1 || mb > 64)
            return fail(QCoreApplication::translate("main", "--max-upload-mb must be 1 to 64."), 2);
        options.maxUploadBytes = qint64(mb) * 1024 * 1024;
    }
    if (p.isSet(QStringLiteral("threads")))
        options.threads = qBound(2, p.value(QStringLiteral("threads")).toInt(), 512);
    if (!openDb(db))
        return 1;

    // SIGINT/SIGTERM are taken by one thread with sigwait, so the handler is ordinary code
    // (stopping the server is not async-signal-safe). Blocked before any worker thread starts.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    PortalServer server(db, options);
    if (!server.start(&error))
        return fail(error);
    std::thread signalThread([&server, stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        server.stop();
    });
    out() << "einvoice-portal: listening on " << server.baseUrl() << "/ (web page " << server.baseUrl()
          << "/portal/)" << Qt::endl;
    const bool ok = server.run();
    pthread_kill(signalThread.native_handle(), SIGTERM);
    signalThread.join();
    return ok ? 0 : fail(QCoreApplication::translate("main", "The server stopped with an error."));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("einvoice-portal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EINVOICE_VERSION));
    QCommandLineParser p;
    p.setApplicationDescription(QString::fromLatin1(kUsage));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"),
                            QStringLiteral("account add|list, token rotate, serve"));
    p.addOptions({
        {QStringLiteral("db"), QStringLiteral("SQLite database file."), QStringLiteral("file")},
        {QStringLiteral("endpoint"), QStringLiteral("Electronic address SCHEME:ID."),
         QStringLiteral("address")},
        {QStringLiteral("org-number"), QStringLiteral("Organisation number."), QStringLiteral("number")},
        {QStringLiteral("vat-id"), QStringLiteral("VAT identifier."), QStringLiteral("id")},
        {QStringLiteral("no-receive"), QStringLiteral("The account does not receive e-invoices.")},
        {QStringLiteral("rate-limit"), QStringLiteral("Requests per token: N or N/SECONDS."),
         QStringLiteral("limit")},
        {QStringLiteral("grace"), QStringLiteral("Seconds the old token keeps working."),
         QStringLiteral("secs"), QStringLiteral("0")},
        {QStringLiteral("listen"), QStringLiteral("HOST:PORT (port 0 = any free port)."),
         QStringLiteral("address")},
        {QStringLiteral("cert"), QStringLiteral("PEM certificate for HTTPS."), QStringLiteral("file")},
        {QStringLiteral("key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("file")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads (default 32)."), QStringLiteral("n")},
        {QStringLiteral("max-upload-mb"), QStringLiteral("Largest accepted upload in MiB (default 64)."),
         QStringLiteral("mb")},
    });
    p.process(app);
    const QStringList args = p.positionalArguments();
    if (args.isEmpty()) {
        err() << kUsage;
        return 2;
    }
    if (!p.isSet(QStringLiteral("db")))
        return fail(QCoreApplication::translate("main", "--db FILE is required."), 2);
    SystemClock clock;
    PortalDatabase db(p.value(QStringLiteral("db")), clock);
    const QString command = args.mid(0, 2).join(QLatin1Char(' '));
    if (command == QLatin1String("account add"))
        return accountAdd(p, db, args);
    if (command == QLatin1String("account list") && args.size() == 2)
        return accountList(db);
    if (command == QLatin1String("token rotate"))
        return tokenRotate(p, db, args);
    if (args[0] == QLatin1String("serve") && args.size() == 1)
        return serve(p, db);
    err() << kUsage;
    return 2;
}

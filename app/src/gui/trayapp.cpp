#include "trayapp.h"

#include "clock.h"
#include "controlclient.h"
#include "controlserver.h"
#include "engineinvoiceresponder.h"
#include "httpsportaltransport.h"
#include "incomingmodel.h"
#include "incomingtab.h"
#include "language.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "settingsdialog.h"
#include "setupwizard.h"
#include "tokenstore.h"
#include "transportfactory.h"
#include "trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QUrl>
#include <cstdio>

Q_LOGGING_CATEGORY(lcGuiApp, "einvoice.gui.app")

namespace einvoice::gui {

TrayApp::TrayApp(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    if (!m_options.clock) {
        m_ownClock = std::make_unique<SystemClock>();
        m_options.clock = m_ownClock.get();
    }
    if (!m_options.secrets) {
        m_ownTokens = std::make_unique<KeychainTokenStore>();
        m_options.secrets = m_ownTokens.get();
    }
    build();
}

TrayApp::~TrayApp()
{
    teardown();
}

Engine::TransportFactory TrayApp::defaultTransportFactory(TokenStore &secrets)
{
    return [base = makeTransportFactory(), &secrets](const SenderProfile &profile,
                                                     QString *error) -> std::unique_ptr<Transport> {
        if (profile.transport.kind != QLatin1String("https"))
            return base(profile, error);
        HttpsPortalTransport::Options o;
        o.baseUrl = profile.transport.url;
        o.extraCaFile = profile.transport.caFile;
        o.proxy = profile.transport.proxy;
        // Read for every request, on the sender thread (the store is thread-safe): a token saved
        // in the settings or a keychain unlocked later is used at once.
        const QString key = TokenStore::tokenKey(profile.id);
        const QString id = profile.id;
        return std::make_unique<HttpsPortalTransport>(o, [&secrets, key, id] {
            QString readError;
            const QString token = secrets.read(key, &readError);
            if (token.isEmpty())
                qCWarning(lcGuiApp) << "profile" << id << "has no portal token:" << readError;
            return token;
        });
    };
}

void TrayApp::build()
{
    m_engine = std::make_unique<Engine>(m_options.config, *m_options.clock);
    const Engine::TransportFactory factory =
        m_options.transportFactory ? m_options.transportFactory : defaultTransportFactory(*m_options.secrets);
    m_engine->setTransportFactory(factory);
    m_engineResponder = std::make_unique<EngineInvoiceResponder>(*m_engine);
    m_engine->setAutoRun(m_options.autoRun);
    m_engine->setWatchersEnabled(m_options.watchers);
    m_incoming = std::make_unique<IncomingModel>();
    m_window = std::make_unique<QueueWindow>(*m_engine, *m_incoming, m_options.actions);
    m_tray = std::make_unique<TrayIcon>(*m_engine);
    m_window->incomingTab()->setResponder(m_responder ? m_responder : m_engineResponder.get());
    Engine *engine = m_engine.get();
    // The answer sent about an invoice is in the engine's incoming journal; builds before it kept
    // the tray's answers in the settings table ("incoming_status/<file>").
    m_incoming->setStatusLookup([engine](const QString &path) {
        IncomingAnswer answer;
        if (!engine->journal().isOpen())
            return answer;
        if (const std::optional<IncomingRecord> r = engine->incoming().byPath(path);
            r && !r->response.isEmpty()) {
            answer.status = IncomingModel::statusForCode(r->response);
            answer.note = r->responseNote;
            answer.time = r->respondedAt;
            return answer;
        }
        answer.status =
            engine->journal().setting(QStringLiteral("incoming_status/") + QFileInfo(path).fileName());
        return answer;
    });
    // Answers sent another way (einvoice incoming respond) show too.
    connect(m_engine.get(), &Engine::incomingResponded, m_incoming.get(), &IncomingModel::rescan);

    connect(m_tray.get(), &TrayIcon::openQueueRequested, this, &TrayApp::showWindow);
    connect(m_tray.get(), &TrayIcon::openIncomingRequested, this, [this] {
        m_window->showIncoming();
        if (!m_options.config.incomingDir.isEmpty() && m_options.actions.open)
            m_options.actions.open(QUrl::fromLocalFile(m_options.config.incomingDir));
    });
    connect(m_tray.get(), &TrayIcon::settingsRequested, this, &TrayApp::openSettings);
    connect(m_tray.get(), &TrayIcon::aboutRequested, this, &TrayApp::showAbout);
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &TrayApp::quitRequested);
    connect(m_window.get(), &QueueWindow::settingsRequested, this, &TrayApp::openSettings);
    connect(m_window.get(), &QueueWindow::aboutRequested, this, &TrayApp::showAbout);
    connect(m_window.get(), &QueueWindow::quitRequested, this, &TrayApp::quitRequested);
    connect(m_engine.get(), &Engine::sendFailed, this, [this](qint64 jobId, const QString &message) {
        const std::optional<Job> job = m_engine->journal().job(jobId);
        const QString what = job && !job->display.invoiceNumber.isEmpty() ? job->display.invoiceNumber
                                                                          : tr("document %1").arg(jobId);
        m_tray->notify(tr("Invoice %1 was not sent").arg(what), message, true);
    });
    connect(m_engine.get(), &Engine::intakeFailed, this, [this](const QString &path, const QString &message) {
        m_tray->notify(tr("A document could not be taken in"), tr("%1: %2").arg(path, message), true);
    });
    connect(m_incoming.get(), &IncomingModel::newInvoices, this,
            [this](const QList<IncomingInvoice> &invoices) {
                QStringList lines;
                for (const IncomingInvoice &i : invoices)
                    lines << (i.error.isEmpty() ? tr("%1 from %2").arg(i.number, i.seller) : i.error);
                m_tray->notify(tr("%n new invoice(s) received", nullptr, int(invoices.size())),
                               lines.join(QLatin1Char('\n')));
            });
}

void TrayApp::teardown()
{
    stop();
    m_tray.reset();
    m_window.reset();
    m_incoming.reset();
    m_control.reset();
    m_engineResponder.reset();
    m_engine.reset();
}

QString TrayApp::start()
{
    if (const QString e = m_options.config.ensureDirectories(); !e.isEmpty())
        return e;
    if (const QString e = m_engine->start(); !e.isEmpty())
        return e;
    if (m_options.controlSocket) {
        m_control = std::make_unique<ControlServer>(*m_engine);
        if (const QString e = m_control->listen(m_options.config.controlSocket); !e.isEmpty())
            return e;
        connect(m_control.get(), &ControlServer::raiseRequested, this, &TrayApp::showWindow);
        connect(m_control.get(), &ControlServer::quitRequested, this, &TrayApp::quitRequested,
                Qt::QueuedConnection);
    }
    m_window->model()->reload();
    m_incoming->setFolder(m_options.config.incomingDir);
    m_tray->show();
    m_window->setTrayAvailable(m_tray->available());
    return {};
}

bool TrayApp::showInitialWindow(bool firstRun)
{
    // Without a tray the window is the only way in; on first run it shows what was set up.
    m_window->setTrayAvailable(m_tray->available());
    if (m_tray->available() && !firstRun)
        return false;
    showWindow();
    return true;
}

void TrayApp::stop()
{
    if (m_engine && m_engine->isRunning())
        m_engine->stop();
}

void TrayApp::showWindow()
{
    m_window->setTrayAvailable(m_tray->available());
    m_window->raiseWindow();
}

void TrayApp::openSettings()
{
    SettingsDialog dialog(m_options.config, m_options.configPath, *m_options.secrets, m_window.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const QString e = applyConfig(dialog.config()); !e.isEmpty())
        QMessageBox::warning(m_window.get(), tr("eInvoice Connector"), e);
}

void TrayApp::showAbout()
{
    QMessageBox::about(
        m_window.get(), tr("About eInvoice Connector"),
        tr("<b>eInvoice Connector %1</b><p>Turns printed and exported invoices into Peppol "
           "e-invoices and sends them through your e-invoicing portal.</p><p>Data folder: %2</p>")
            .arg(QStringLiteral(EINVOICE_VERSION), m_options.config.dataDir.toHtmlEscaped()));
}

QString TrayApp::applyConfig(const AgentConfig &config)
{
    const bool visible = m_window && m_window->isVisible();
    teardown();
    m_options.config = config;
    build();
    const QString e = start();
    if (visible)
        showWindow();
    return e;
}

void TrayApp::setResponder(InvoiceResponder *responder)
{
    m_responder = responder;
    if (m_window)
        m_window->incomingTab()->setResponder(responder ? responder : m_engineResponder.get());
}

InvoiceResponder *TrayApp::responder() const
{
    return m_responder ? m_responder : m_engineResponder.get();
}

} // namespace einvoice::gui

using namespace einvoice;
using namespace einvoice::gui;

int runTrayApp(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("einvoice-agent"));
    QApplication::setApplicationDisplayName(QStringLiteral("eInvoice Connector"));
    QApplication::setApplicationVersion(QStringLiteral(EINVOICE_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "eInvoice Connector: the tray application (use --headless to run without a display)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headlessOption(QStringLiteral("headless"),
                                            QCoreApplication::translate("main", "Run without a display."));
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "Configuration file (default %1).")
            .arg(AgentConfig::defaultPath()),
        QStringLiteral("file"));
    const QCommandLineOption setupOption(QStringLiteral("setup"),
                                         QCoreApplication::translate("main", "Run the set-up wizard."));
    parser.addOptions({headlessOption, configOption, setupOption});
    parser.process(app);

    const QString configPath =
        parser.isSet(configOption) ? parser.value(configOption) : AgentConfig::defaultPath();
    const bool firstRun = !QFile::exists(configPath);
    Language::apply(Language::configured(firstRun ? QString() : configPath));
    QString error;
    std::optional<AgentConfig> config = AgentConfig::load(firstRun ? QString() : configPath, &error);
    if (!config) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "eInvoice Connector"), error);
        return 78;
    }
    if (!config->loggingRules.isEmpty())
        QLoggingCategory::setFilterRules(config->loggingRules);

    // Single instance: a running agent raises its window and this start ends.
    if (ControlClient::isRunning(config->controlSocket)) {
        QString e;
        ControlClient::request(config->controlSocket,
                               QJsonObject{{QStringLiteral("cmd"), QStringLiteral("raise")}}, &e, 5000);
        fprintf(stderr, "einvoice-agent: already running; asked it to show its window\n");
        return 0;
    }

    KeychainTokenStore secrets;
    if (firstRun || parser.isSet(setupOption)) {
        SetupWizard wizard(*config, configPath, secrets);
        if (wizard.exec() != QDialog::Accepted)
            return 0;
        config = wizard.config();
        Language::apply(Language::configured(configPath));
    }

    TrayApp::Options options;
    options.config = *config;
    options.configPath = configPath;
    options.secrets = &secrets;
    TrayApp tray(options);
    QObject::connect(&tray, &TrayApp::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    if (const QString e = tray.start(); !e.isEmpty()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "eInvoice Connector"), e);
        return 1;
    }
    tray.showInitialWindow(firstRun);
    const int rc = app.exec();
    tray.stop();
    return rc;
}

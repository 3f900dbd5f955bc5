#pragma once

#include "agentconfig.h"
#include "desktopactions.h"
#include "engine.h"

#include <QObject>
#include <memory>

namespace einvoice {
class Clock;
class ControlServer;
} // namespace einvoice

namespace einvoice::gui {

class EngineInvoiceResponder;
class IncomingModel;
class InvoiceResponder;
class QueueWindow;
class TokenStore;
class TrayIcon;

/// The tray application: owns the engine, its control socket (so `einvoice status` and a
/// second start reach it), the tray icon, the queue window and the incoming model, and wires
/// them together: notifications on new incoming invoices and failed sends, settings and set-up,
/// raise on request. Saving settings restarts the engine with the new configuration.
/// GUI thread. Does not own the clock or the secret store.
class TrayApp : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        AgentConfig config;
        QString configPath;            ///< where settings are saved
        const Clock *clock = nullptr;  ///< default: a SystemClock of its own
        TokenStore *secrets = nullptr; ///< default: the keychain
        DesktopActions actions = DesktopActions::defaults();
        Engine::TransportFactory transportFactory; ///< default: folder/https from the config
        bool controlSocket = true;                 ///< listen on config.controlSocket
        bool autoRun = true;                       ///< engine timers (tests turn them off)
        bool watchers = true;
    };

    explicit TrayApp(Options options, QObject *parent = nullptr);
    ~TrayApp() override;

    /// Starts the engine and the control socket; returns an error for the user or "".
    QString start();
    void stop();

    Engine *engine() const { return m_engine.get(); }
    QueueWindow *window() const { return m_window.get(); }
    TrayIcon *trayIcon() const { return m_tray.get(); }
    IncomingModel *incoming() const { return m_incoming.get(); }
    const AgentConfig &config() const { return m_options.config; }

    void showWindow();
    /// After start(): shows the window when there is no system tray (saying so in the window)
    /// or on the first run; returns whether it did. With a tray the icon is the way in.
    bool showInitialWindow(bool firstRun);
    void openSettings();
    void showAbout();
    /// Replaces the configuration and restarts the engine with it (after settings were saved).
    QString applyConfig(const AgentConfig &config);
    /// Replaces the responder the incoming tab uses (default: an EngineInvoiceResponder over
    /// this engine, remade with it); nullptr returns to the default. Not owned.
    void setResponder(InvoiceResponder *responder);
    InvoiceResponder *responder() const;

    /// The default transport factory: folder, and the portal over HTTPS with the token read
    /// from @p secrets for every request (on the engine's sender thread; the store is
    /// thread-safe). @p secrets must outlive the transports.
    static Engine::TransportFactory defaultTransportFactory(TokenStore &secrets);

signals:
    void quitRequested();

private:
    void build();
    void teardown();

    Options m_options;
    std::unique_ptr<Clock> m_ownClock;
    std::unique_ptr<TokenStore> m_ownTokens;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineInvoiceResponder> m_engineResponder;
    std::unique_ptr<ControlServer> m_control;
    std::unique_ptr<IncomingModel> m_incoming;
    std::unique_ptr<QueueWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    InvoiceResponder *m_responder = nullptr;
};

} // namespace einvoice::gui

/// The tray application's main (einvoice-agent without --headless): single instance (a second
/// start asks the first to raise its window and exits), first-run wizard, tray icon and window.
int runTrayApp(int argc, char **argv);

// The tray icon, the incoming tab, settings, the set-up wizard and the connection test, against
// a real engine and journal (folder transport, temp dirs) and real files.

#include "autostart.h"
#include "connectiontester.h"
#include "controlclient.h"
#include "engine.h"
#include "generalsettingspage.h"
#include "gui_testsupport.h"
#include "incomingmodel.h"
#include "incomingtab.h"
#include "language.h"
#include "portalsettingspage.h"
#include "profilesettingspage.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "settingsdialog.h"
#include "setupwizard.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "trayapp.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <gtest/gtest.h>
#include <thread>

using namespace einvoice;
using namespace einvoice::gui;
using namespace einvoice::test;

namespace {

// Fails every document permanently, as a portal refusing it would.
class RefusingTransport : public Transport
{
public:
    QString kind() const override { return QStringLiteral("refusing"); }
    QString describe() const override { return QStringLiteral("refusing test transport"); }
    SendResult send(const OutgoingDocument &) override
    {
        SendResult r;
        r.outcome = SendResult::Outcome::Permanent;
        r.message = QStringLiteral("The portal refused it: buyer unknown.");
        return r;
    }
};

// Records responses; takes every one.
class RecordingResponder : public InvoiceResponder
{
public:
    bool supports(Response r) const override { return r != Response::Paid; }
    QString respond(const QString &path, Response r, const QString &note) override
    {
        calls << QStringLiteral("%1 %2 %3").arg(QFileInfo(path).fileName(), responseName(r), note);
        return {};
    }
    QStringList calls;
};

class GuiTrayTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_agent.dir.isValid());
        ASSERT_EQ(generateSamples(m_agent.path(QStringLiteral("samples"))), QString());
        // Autostart files go to a private config home.
        qputenv("XDG_CONFIG_HOME", m_agent.path(QStringLiteral("xdg-config")).toUtf8());
        m_actions.confirm = [](QWidget *, const QString &, const QString &) { return true; };
        m_actions.open = [this](const QUrl &url) {
            m_opened << url.toLocalFile();
            return true;
        };
        m_actions.askText = [](QWidget *, const QString &, const QString &) {
            return QStringLiteral("not ordered");
        };
    }
    void TearDown() override { qunsetenv("XDG_CONFIG_HOME"); }

    std::unique_ptr<TrayApp> makeApp(bool control = false, Engine::TransportFactory factory = {})
    {
        TrayApp::Options o;
        o.config = m_agent.config;
        o.configPath = m_agent.configPath;
        o.clock = &m_clock;
        o.secrets = &m_secrets;
        o.actions = m_actions;
        o.controlSocket = control;
        o.watchers = false;
        o.transportFactory = std::move(factory);
        auto app = std::make_unique<TrayApp>(o);
        EXPECT_EQ(app->start(), QString());
        return app;
    }
    QString sample(const QString &name) const { return m_agent.path(QStringLiteral("samples/") + name); }

    GuiAgentDir m_agent;
    SystemClock m_clock;
    gui::MemoryTokenStore m_secrets;
    DesktopActions m_actions;
    QStringList m_opened;
};

TEST(GuiTrayStateTest, IconStateFollowsTheEngineStatus)
{
    EngineStatus s;
    EXPECT_EQ(TrayIcon::stateFor(s), TrayIcon::State::Idle);
    s.reading = 1;
    EXPECT_EQ(TrayIcon::stateFor(s), TrayIcon::State::Working);
    s.counts[JobState::NeedsReview] = 2;
    EXPECT_EQ(TrayIcon::stateFor(s), TrayIcon::State::NeedsAttention);
    EXPECT_TRUE(TrayIcon::describe(s).contains(QStringLiteral("2 document(s) need your review")))
        << qPrintable(TrayIcon::describe(s));
    s.sendingPaused = true;
    EXPECT_EQ(TrayIcon::stateFor(s), TrayIcon::State::Paused);
    s.problems << QStringLiteral("/home/anna/Exports: the folder is missing");
    EXPECT_EQ(TrayIcon::stateFor(s), TrayIcon::State::Error);
    EXPECT_TRUE(TrayIcon::describe(s).contains(QStringLiteral("the folder is missing")));
    // Every state has its own picture, drawn from the embedded SVGs.
    QList<qint64> keys;
    for (auto st : {TrayIcon::State::Idle, TrayIcon::State::Working, TrayIcon::State::NeedsAttention,
                    TrayIcon::State::Error, TrayIcon::State::Paused}) {
        const QIcon icon = TrayIcon::iconFor(st);
        const QImage img = icon.pixmap(32, 32).toImage();
        ASSERT_FALSE(img.isNull());
        keys << qint64(qHash(QByteArray(reinterpret_cast<const char *>(img.constBits()), img.sizeInBytes())));
    }
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(std::unique(keys.begin(), keys.end()), keys.end());
}

TEST_F(GuiTrayTest, MenuPausesSendingAndTheIconSaysSo)
{
    auto app = makeApp();
    TrayIcon *tray = app->trayIcon();
    QAction *pause = nullptr;
    for (QAction *a : tray->menu()->actions())
        if (a->text() == QStringLiteral("Pause sending"))
            pause = a;
    ASSERT_NE(pause, nullptr);
    pause->trigger();
    EXPECT_TRUE(app->engine()->isSendingPaused());
    EXPECT_EQ(tray->state(), TrayIcon::State::Paused);
    EXPECT_EQ(pause->text(), QStringLiteral("Resume sending"));
    EXPECT_TRUE(tray->toolTip().contains(QStringLiteral("Sending is paused.")));
    pause->trigger();
    EXPECT_FALSE(app->engine()->isSendingPaused());
    // Without a system tray (offscreen) the window carries the same actions.
    EXPECT_FALSE(tray->available());
    QAction *windowPause = nullptr;
    for (QAction *a : app->window()->findChildren<QAction *>())
        if (a->text() == QStringLiteral("&Pause sending"))
            windowPause = a;
    ASSERT_NE(windowPause, nullptr);
    windowPause->trigger();
    EXPECT_TRUE(app->engine()->isSendingPaused());
    EXPECT_EQ(tray->state(), TrayIcon::State::Paused);
    windowPause->trigger();
    EXPECT_FALSE(app->engine()->isSendingPaused());
}

TEST_F(GuiTrayTest, ASecondStartRaisesTheWindowOverTheControlSocket)
{
    auto app = makeApp(true);
    EXPECT_FALSE(app->window()->isVisible());
    ASSERT_TRUE(ControlClient::isRunning(m_agent.config.controlSocket) || waitUntil([&] { return true; }, 1));
    // The second start's client blocks on its socket, so it runs on its own thread while this
    // one serves the request.
    std::optional<QJsonObject> answer;
    QString error;
    std::thread client([&] {
        answer = ControlClient::request(m_agent.config.controlSocket,
                                        QJsonObject{{QStringLiteral("cmd"), QStringLiteral("raise")}}, &error,
                                        10000);
    });
    const bool raised = waitUntil([&] { return app->window()->isVisible(); }, 10000);
    waitUntil([&] { return answer.has_value() || !error.isEmpty(); }, 10000);
    client.join();
    EXPECT_TRUE(raised);
    ASSERT_TRUE(answer.has_value()) << qPrintable(error);
    EXPECT_TRUE(answer->value(QStringLiteral("ok")).toBool(true)) << qPrintable(error);
}

TEST_F(GuiTrayTest, AFailedSendIsNotified)
{
    m_agent.config.profiles.first().sendPolicy = SendPolicy::AutoSendWhenConfident;
    auto app = makeApp(
        false, [](const SenderProfile &, QString *) { return std::make_unique<RefusingTransport>(); });
    Engine &engine = *app->engine();
    const Engine::Submitted s = engine.submitFile(sample(QStringLiteral("sv-faktura.pdf")),
                                                  QStringLiteral("northwind"), SourceKind::Folder);
    ASSERT_EQ(s.error, QString());
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(s.jobId)->state == JobState::Failed; }));
    EXPECT_TRUE(waitUntil([&] { return !app->trayIcon()->lastNotification().isEmpty(); }, 5000));
    EXPECT_TRUE(app->trayIcon()->lastNotification().contains(QStringLiteral("10457")))
        << qPrintable(app->trayIcon()->lastNotification());
    EXPECT_TRUE(app->trayIcon()->lastNotification().contains(QStringLiteral("buyer unknown")));
    EXPECT_EQ(app->trayIcon()->state(), TrayIcon::State::Error);
    // The queue's "Failed" filter shows it with the portal's reason.
    QueueWindow *w = app->window();
    w->setFilter(QueueFilterProxy::Filter::Failed);
    EXPECT_EQ(w->proxy()->rowCount(), 1);
}

TEST_F(GuiTrayTest, IncomingInvoicesAreListedNotifiedAndAnswered)
{
    const QString in = m_agent.config.incomingDir;
    ASSERT_TRUE(
        QFile::copy(sample(QStringLiteral("de-rechnung.xml")), in + QStringLiteral("/de-rechnung.xml")));
    ASSERT_TRUE(
        QFile::copy(sample(QStringLiteral("de-rechnung.pdf")), in + QStringLiteral("/de-rechnung.pdf")));
    auto app = makeApp();
    IncomingModel *model = app->incoming();
    ASSERT_EQ(model->rowCount(), 1);
    const IncomingInvoice *inv = model->invoiceAt(0);
    EXPECT_EQ(inv->number, QStringLiteral("RE-2025-00318"));
    EXPECT_EQ(inv->seller, QStringLiteral("Rheinwerk Maschinenbau GmbH"));
    EXPECT_TRUE(inv->amount.has_value());
    EXPECT_TRUE(inv->dueDate.isValid());
    EXPECT_EQ(inv->renditionPath, in + QStringLiteral("/de-rechnung.pdf"));
    EXPECT_EQ(model->index(0, IncomingModel::StatusColumn).data().toString(), QStringLiteral("New"));

    // New arrivals are noticed and notified; a file that is not an e-invoice is listed with why.
    ASSERT_TRUE(QFile::copy(sample(QStringLiteral("pt-fatura.xml")), in + QStringLiteral("/pt-fatura.xml")));
    {
        QFile bad(in + QStringLiteral("/broken.xml"));
        ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
        bad.write("<Invoice><unclosed>");
    }
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 3; }, 10000));
    EXPECT_TRUE(waitUntil(
        [&] { return app->trayIcon()->lastNotification().contains(QStringLiteral("FT 2025/214")); }, 5000))
        << qPrintable(app->trayIcon()->lastNotification());
    bool brokenListed = false;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->invoiceAt(r)->path.endsWith(QStringLiteral("broken.xml"))) {
            brokenListed = true;
            EXPECT_TRUE(model->invoiceAt(r)->error.contains(QStringLiteral("broken.xml")))
                << qPrintable(model->invoiceAt(r)->error);
            EXPECT_EQ(model->index(r, IncomingModel::StatusColumn).data().toString(),
                      QStringLiteral("Cannot be read"));
        }
    EXPECT_TRUE(brokenListed);

    // Without a responder the answer buttons are off; with one, the answer is sent and remembered.
    IncomingTab *tab = app->window()->incomingTab();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->invoiceAt(r)->number == QLatin1String("RE-2025-00318"))
            row = r;
    ASSERT_GE(row, 0);
    tab->table()->selectRow(row);
    auto buttonNamed = [&](const QString &text) {
        for (QPushButton *b : tab->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return static_cast<QPushButton *>(nullptr);
    };
    ASSERT_NE(buttonNamed(QStringLiteral("Accept")), nullptr);
    EXPECT_FALSE(buttonNamed(QStringLiteral("Accept"))->isEnabled());
    RecordingResponder responder;
    app->setResponder(&responder);
    tab->table()->selectRow(row);
    EXPECT_TRUE(buttonNamed(QStringLiteral("Reject…"))->isEnabled());
    EXPECT_FALSE(buttonNamed(QStringLiteral("Mark as paid"))->isEnabled());
    tab->respond(InvoiceResponder::Response::Reject);
    ASSERT_EQ(responder.calls, QStringList{QStringLiteral("de-rechnung.xml rejected not ordered")});
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->invoiceAt(r)->number == QLatin1String("RE-2025-00318"))
            EXPECT_EQ(model->index(r, IncomingModel::StatusColumn).data().toString(),
                      QStringLiteral("Rejected"));
    tab->table()->selectRow(0);
    tab->openRendition();
    tab->reveal();
    EXPECT_FALSE(m_opened.isEmpty());
}

TEST_F(GuiTrayTest, SettingsAreWrittenAndTheTokenOnlyToTheKeychain)
{
    SettingsDialog dialog(m_agent.config, m_agent.configPath, m_secrets);
    PortalSettingsPage *portal = dialog.portalPage();
    portal->kindBox()->setCurrentIndex(portal->kindBox()->findData(QStringLiteral("https")));
    portal->urlEdit()->setText(QStringLiteral("http://portal.example.com"));
    portal->tokenEdit()->setText(QStringLiteral("tok-SECRET-123"));
    // Plain http is refused with a reason, and nothing is written.
    EXPECT_TRUE(dialog.save().contains(QStringLiteral("https://")));
    EXPECT_FALSE(QFile::exists(m_agent.configPath));
    portal->urlEdit()->setText(QStringLiteral("https://portal.example.com"));
    ProfileSettingsPage *profile = dialog.profilePage();
    profile->sellerNameEdit()->setText(QStringLiteral("Northwind Analytics SRL"));
    profile->endpointEdit()->setText(QStringLiteral("0208:0812345603"));
    profile->foldersEdit()->setPlainText(QStringLiteral("/srv/exports/a\n/srv/exports/b\n"));
    GeneralSettingsPage *general = dialog.generalPage();
    general->languageBox()->setCurrentIndex(general->languageBox()->findData(QStringLiteral("sv")));
    ASSERT_EQ(dialog.save(), QString());

    QString error;
    const std::optional<AgentConfig> saved = AgentConfig::load(m_agent.configPath, &error);
    ASSERT_TRUE(saved) << qPrintable(error);
    const SenderProfile &p = saved->profiles.first();
    EXPECT_EQ(p.transport.kind, QStringLiteral("https"));
    EXPECT_EQ(p.transport.url, QStringLiteral("https://portal.example.com"));
    EXPECT_EQ(p.seller.name, QStringLiteral("Northwind Analytics SRL"));
    EXPECT_EQ(p.seller.electronicAddress.scheme, QStringLiteral("0208"));
    EXPECT_EQ(p.watchFolders,
              (QStringList{QStringLiteral("/srv/exports/a"), QStringLiteral("/srv/exports/b")}));
    EXPECT_EQ(Language::configured(m_agent.configPath), QStringLiteral("sv"));
    EXPECT_FALSE(readFile(m_agent.configPath).contains("tok-SECRET-123"));
    EXPECT_EQ(m_secrets.read(gui::TokenStore::tokenKey(p.id)), QStringLiteral("tok-SECRET-123"));
    // Start at login was left off: no autostart file; turned on, the XDG file appears.
    EXPECT_FALSE(QFile::exists(Autostart::desktopFilePath()));
    EXPECT_EQ(Autostart::setEnabled(true, QStringLiteral("/usr/bin/einvoice-agent")), QString());
    EXPECT_TRUE(
        Autostart::desktopFilePath().startsWith(m_agent.path(QStringLiteral("xdg-config/autostart"))));
    EXPECT_TRUE(readFile(Autostart::desktopFilePath()).contains("Exec=/usr/bin/einvoice-agent"));
    EXPECT_EQ(Autostart::setEnabled(false), QString());
    EXPECT_FALSE(Autostart::isEnabled());
}

TEST_F(GuiTrayTest, TheWizardChecksEachPageAndSaves)
{
    SetupWizard wizard(m_agent.config, m_agent.configPath, m_secrets);
    wizard.show();
    EXPECT_EQ(wizard.currentId(), SetupWizard::WelcomePage);
    wizard.next();
    EXPECT_EQ(wizard.currentId(), SetupWizard::SendingPage);
    PortalSettingsPage *portal = wizard.portalPage();
    portal->kindBox()->setCurrentIndex(portal->kindBox()->findData(QStringLiteral("https")));
    portal->urlEdit()->setText(QStringLiteral("portal"));
    wizard.next();
    EXPECT_EQ(wizard.currentId(), SetupWizard::SendingPage); // refused: not an https address
    portal->urlEdit()->setText(QStringLiteral("https://portal.example.com"));
    portal->tokenEdit()->setText(QStringLiteral("wizard-token"));
    wizard.next();
    EXPECT_EQ(wizard.currentId(), SetupWizard::ProfilePage);
    wizard.profilePage()->endpointEdit()->setText(QStringLiteral("no-scheme"));
    wizard.next();
    EXPECT_EQ(wizard.currentId(), SetupWizard::ProfilePage);
    wizard.profilePage()->endpointEdit()->setText(QStringLiteral("0007:5566778899"));
    wizard.next();
    EXPECT_EQ(wizard.currentId(), SetupWizard::GeneralPage);
    wizard.next();
    EXPECT_EQ(wizard.currentId(), SetupWizard::DonePage);
    QSignalSpy saved(&wizard, &SetupWizard::saved);
    wizard.accept();
    EXPECT_EQ(saved.count(), 1);
    QString error;
    const std::optional<AgentConfig> c = AgentConfig::load(m_agent.configPath, &error);
    ASSERT_TRUE(c) << qPrintable(error);
    EXPECT_EQ(c->profiles.first().seller.electronicAddress.id, QStringLiteral("5566778899"));
    EXPECT_EQ(m_secrets.read(gui::TokenStore::tokenKey(c->profiles.first().id)),
              QStringLiteral("wizard-token"));
}

TEST_F(GuiTrayTest, ConnectionTestReportsEachStepSeparately)
{
    ConnectionTester tester;
    QSignalSpy done(&tester, &ConnectionTester::finished);
    // An unknown name: DNS fails, the rest is skipped with the reason.
    ConnectionTester::Target t;
    t.url = QUrl(QStringLiteral("https://no-such-portal.invalid"));
    t.token = QStringLiteral("x");
    tester.start(t);
    ASSERT_TRUE(done.count() == 1 || done.wait(15000));
    QList<ConnectionTester::Result> r = tester.results();
    ASSERT_EQ(r.size(), 5);
    EXPECT_EQ(r[0].outcome, ConnectionTester::Outcome::Failed);
    EXPECT_TRUE(r[0].message.contains(QStringLiteral("no-such-portal.invalid")));
    for (int i = 1; i < 5; ++i)
        EXPECT_EQ(r[i].outcome, ConnectionTester::Outcome::Skipped);

    // A server that answers but speaks no TLS: DNS and proxy pass, TLS fails.
    QTcpServer plain;
    ASSERT_TRUE(plain.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    QObject::connect(&plain, &QTcpServer::newConnection, [&] {
        QTcpSocket *s = plain.nextPendingConnection();
        accepted << s;
        s->write("HTTP/1.0 400 Bad Request\r\n\r\n");
        s->disconnectFromHost();
    });
    t.url = QUrl(QStringLiteral("https://localhost:%1").arg(plain.serverPort()));
    t.proxy.clear();
    t.timeoutMs = 5000;
    tester.start(t);
    ASSERT_TRUE(done.wait(15000));
    r = tester.results();
    ASSERT_EQ(r.size(), 5);
    EXPECT_EQ(r[0].outcome, ConnectionTester::Outcome::Passed) << qPrintable(r[0].message);
    EXPECT_EQ(r[1].outcome, ConnectionTester::Outcome::Passed) << qPrintable(r[1].message);
    EXPECT_EQ(r[2].outcome, ConnectionTester::Outcome::Failed) << qPrintable(r[2].message);
    EXPECT_EQ(r[3].outcome, ConnectionTester::Outcome::Skipped);

    // A proxy that is not there fails at the proxy step.
    t.proxy = QStringLiteral("http://127.0.0.1:1");
    tester.start(t);
    ASSERT_TRUE(done.wait(15000));
    r = tester.results();
    EXPECT_EQ(r[1].outcome, ConnectionTester::Outcome::Failed) << qPrintable(r[1].message);
    EXPECT_TRUE(r[1].message.contains(QStringLiteral("127.0.0.1:1")));
}

TEST_F(GuiTrayTest, LanguageSettingTranslatesAndFormats)
{
    GuiAgentDir agent;
    QueueModel *model = nullptr;
    auto app = makeApp();
    model = app->window()->model();
    Language::apply(QStringLiteral("sv"));
    EXPECT_EQ(model->headerData(QueueModel::AmountColumn, Qt::Horizontal).toString(),
              QStringLiteral("Belopp"));
    EXPECT_EQ(jobStateLabel(JobState::Delivered), QStringLiteral("Levererad"));
    EXPECT_EQ(QLocale().toString(QDate(2025, 3, 14), QLocale::ShortFormat), QStringLiteral("2025-03-14"));
    Language::apply(QStringLiteral("nb"));
    EXPECT_EQ(model->headerData(QueueModel::AmountColumn, Qt::Horizontal).toString(),
              QStringLiteral("Beløp"));
    Language::apply(QStringLiteral("pt"));
    EXPECT_EQ(model->headerData(QueueModel::AmountColumn, Qt::Horizontal).toString(),
              QStringLiteral("Montante"));
    EXPECT_EQ(QLocale().decimalPoint(), QStringLiteral(","));
    Language::apply(QStringLiteral("en"));
    EXPECT_EQ(model->headerData(QueueModel::AmountColumn, Qt::Horizontal).toString(),
              QStringLiteral("Amount"));
}

} // namespace

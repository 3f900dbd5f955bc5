// The tray icon, the incoming tab, settings, the set-up wizard and the connection test, against
// a real engine and journal (folder transport, temp dirs) and real files.

#include "autostart.h"
#include "connectiontester.h"
#include "controlclient.h"
#include "engine.h"
#include "engineinvoiceresponder.h"
#include "foldertransport.h"
#include "generalsettingspage.h"
#include "gui_testsupport.h"
#include "incomingjournal.h"
#include "incomingmodel.h"
#include "incomingtab.h"
#include "language.h"
#include "portalsettingspage.h"
#include "profilesettingspage.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "secretstore.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
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

// Records responses and holds each one until the test answers it (as a slow portal would).
class RecordingResponder : public InvoiceResponder
{
public:
    bool supports(const QString &, Response r, QString *why) const override
    {
        if (r == Response::Paid && why)
            *why = QStringLiteral("this portal takes no payment notices");
        return r != Response::Paid;
    }
    void respond(const QString &path, Response r, const QString &note, Done done) override
    {
        calls << QStringLiteral("%1 %2 %3").arg(QFileInfo(path).fileName(), responseName(r), note);
        pending = std::move(done);
    }
    void finish(const QString &error)
    {
        QTimer::singleShot(0, [done = std::exchange(pending, {}), error] { done(error); });
    }
    QStringList calls;
    Done pending;
};

// A portal connection that carries business responses: sends nothing, and holds each response
// until the test lets it go (so the test sees the tab while the answer is on its way).
class RespondingTransport : public Transport
{
public:
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable cv;
        bool release = false;
        QString answer; ///< what respondToIncoming returns
        QStringList calls;
    };
    explicit RespondingTransport(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}
    QString kind() const override { return QStringLiteral("https"); }
    QString describe() const override { return QStringLiteral("responding test portal"); }
    SendResult send(const OutgoingDocument &) override
    {
        SendResult r;
        r.outcome = SendResult::Outcome::Transient;
        r.message = QStringLiteral("not in this test");
        return r;
    }
    bool supportsResponses() const override { return true; }
    QString respondToIncoming(const QString &remoteId, const QString &code, const QString &note) override
    {
        std::unique_lock lock(m_shared->mutex);
        m_shared->calls << QStringLiteral("%1 %2 %3").arg(remoteId, code, note);
        m_shared->cv.wait_for(lock, std::chrono::seconds(30), [&] { return m_shared->release; });
        m_shared->release = false;
        return m_shared->answer;
    }

private:
    std::shared_ptr<Shared> m_shared;
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
        m_actions.open = [this](const QUrl &url) {
            m_opened << url.toLocalFile();
            return true;
        };
        m_actions.confirm = [this](QWidget *, const QString &, const QString &question) {
            m_questions << question;
            return true;
        };
        m_actions.askText = [this](QWidget *, const QString &, const QString &) { return m_reason; };
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
    QStringList m_questions;
    QString m_reason = QStringLiteral("not ordered");
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
    // The default responder knows only invoices the agent downloaded: these were copied in.
    ASSERT_NE(buttonNamed(QStringLiteral("Accept")), nullptr);
    EXPECT_FALSE(buttonNamed(QStringLiteral("Accept"))->isEnabled());
    EXPECT_TRUE(tab->answerLabel()->text().contains(QStringLiteral("cannot be answered")))
        << qPrintable(tab->answerLabel()->text());
    // A responder of its own: the answer is asynchronous, the buttons are off while it is out.
    RecordingResponder responder;
    app->setResponder(&responder);
    tab->table()->selectRow(row);
    EXPECT_TRUE(buttonNamed(QStringLiteral("Reject…"))->isEnabled());
    EXPECT_FALSE(buttonNamed(QStringLiteral("Mark as paid"))->isEnabled());
    EXPECT_EQ(buttonNamed(QStringLiteral("Mark as paid"))->toolTip(),
              QStringLiteral("this portal takes no payment notices"));
    QSignalSpy finished(tab, &IncomingTab::responseFinished);
    tab->respond(InvoiceResponder::Response::Reject);
    ASSERT_EQ(responder.calls, QStringList{QStringLiteral("de-rechnung.xml rejected not ordered")});
    EXPECT_TRUE(tab->isResponding());
    EXPECT_FALSE(buttonNamed(QStringLiteral("Reject…"))->isEnabled());
    EXPECT_FALSE(buttonNamed(QStringLiteral("Accept"))->isEnabled());
    EXPECT_TRUE(tab->messageLabel()->text().contains(QStringLiteral("RE-2025-00318")));
    tab->respond(InvoiceResponder::Response::Accept); // ignored while one is out
    EXPECT_EQ(responder.calls.size(), 1);
    responder.finish(QStringLiteral("Cannot answer invoice RE-2025-00318: the portal is down."));
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(tab->isResponding());
    EXPECT_EQ(tab->messageLabel()->text(),
              QStringLiteral("Cannot answer invoice RE-2025-00318: the portal is down."));
    EXPECT_TRUE(buttonNamed(QStringLiteral("Reject…"))->isEnabled()); // the same row is still selected
    // A rejection without a reason is not sent.
    m_reason = QStringLiteral("  ");
    tab->respond(InvoiceResponder::Response::Reject);
    EXPECT_EQ(responder.calls.size(), 1);
    EXPECT_TRUE(tab->messageLabel()->text().contains(QStringLiteral("needs a reason")))
        << qPrintable(tab->messageLabel()->text());
    tab->respond(InvoiceResponder::Response::Accept);
    responder.finish({});
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(finished.last().at(1).toString(), QString());
    EXPECT_TRUE(tab->messageLabel()->text().contains(QStringLiteral("Accepted was sent")))
        << qPrintable(tab->messageLabel()->text());
    app->setResponder(nullptr);
    tab->table()->selectRow(0);
    tab->openRendition();
    tab->reveal();
    EXPECT_FALSE(m_opened.isEmpty());
}

TEST_F(GuiTrayTest, AnswersGoThroughTheEngineWhileTheWindowStaysResponsive)
{
    // "northwind" reaches a portal that carries answers; "local" exchanges files through a folder.
    SenderProfile local = m_agent.config.profiles.first();
    local.id = QStringLiteral("local");
    local.displayName = QStringLiteral("Local office");
    local.watchFolders.clear();
    local.transport.kind = QStringLiteral("folder");
    local.transport.outboxDir = m_agent.path(QStringLiteral("outbox-local"));
    m_agent.config.profiles << local;
    auto shared = std::make_shared<RespondingTransport::Shared>();
    auto app = makeApp(false, [shared](const SenderProfile &p, QString *) -> std::unique_ptr<Transport> {
        if (p.id == QLatin1String("local"))
            return std::make_unique<FolderTransport>(p.transport.outboxDir);
        return std::make_unique<RespondingTransport>(shared);
    });
    ASSERT_NE(dynamic_cast<EngineInvoiceResponder *>(app->responder()), nullptr);
    Engine &engine = *app->engine();
    // Stored as the engine stores downloads: <base>.ubl.xml with <base>.pdf beside it.
    const QString in = m_agent.config.incomingDir;
    const QString xml = in + QStringLiteral("/2025-03-14 Rheinwerk RE-2025-00318.ubl.xml");
    const QString pdf = in + QStringLiteral("/2025-03-14 Rheinwerk RE-2025-00318.pdf");
    const QString other = in + QStringLiteral("/2025-03-20 Lisboa FT 2025-214.ubl.xml");
    ASSERT_TRUE(QFile::copy(sample(QStringLiteral("de-rechnung.xml")), xml));
    ASSERT_TRUE(QFile::copy(sample(QStringLiteral("de-rechnung.pdf")), pdf));
    ASSERT_TRUE(QFile::copy(sample(QStringLiteral("pt-fatura.xml")), other));
    IncomingJournal journal = engine.incoming();
    IncomingRecord rec;
    rec.profile = QStringLiteral("northwind");
    rec.remoteId = QStringLiteral("inbox-318");
    rec.sellerName = QStringLiteral("Rheinwerk Maschinenbau GmbH");
    rec.invoiceNumber = QStringLiteral("RE-2025-00318");
    rec.paths = {xml, pdf};
    rec.receivedAt = rec.storedAt = QDateTime::currentDateTimeUtc();
    QString error;
    const qint64 id = journal.record(rec, &error);
    ASSERT_GT(id, 0) << qPrintable(error);
    rec.profile = QStringLiteral("local");
    rec.remoteId = QStringLiteral("folder-214");
    rec.invoiceNumber = QStringLiteral("FT 2025/214");
    rec.paths = {other};
    ASSERT_GT(journal.record(rec, &error), 0) << qPrintable(error);

    IncomingModel *model = app->incoming();
    model->rescan();
    ASSERT_EQ(model->rowCount(), 2);
    IncomingTab *tab = app->window()->incomingTab();
    auto rowOf = [&](const QString &number) {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->invoiceAt(r)->number == number)
                return r;
        return -1;
    };
    auto button = [&](const QString &text) {
        for (QPushButton *b : tab->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return static_cast<QPushButton *>(nullptr);
    };
    const int de = rowOf(QStringLiteral("RE-2025-00318"));
    ASSERT_GE(de, 0);
    EXPECT_EQ(model->invoiceAt(de)->renditionPath, pdf);

    // The folder profile's invoice cannot be answered, and the tab says why.
    tab->table()->selectRow(rowOf(QStringLiteral("FT 2025/214")));
    for (const QString &b :
         {QStringLiteral("Accept"), QStringLiteral("Reject…"), QStringLiteral("Mark as paid")})
        EXPECT_FALSE(button(b)->isEnabled()) << qPrintable(b);
    EXPECT_TRUE(tab->answerLabel()->text().contains(QStringLiteral("through a folder")))
        << qPrintable(tab->answerLabel()->text());
    EXPECT_TRUE(tab->answerLabel()->text().contains(QStringLiteral("Local office")));

    // The portal profile's invoice: a rejection asks for the reason and goes out on the sender
    // thread; the window keeps running (events are processed) while the portal has not answered.
    tab->table()->selectRow(de);
    for (const QString &b :
         {QStringLiteral("Accept"), QStringLiteral("Reject…"), QStringLiteral("Mark as paid")})
        EXPECT_TRUE(button(b)->isEnabled()) << qPrintable(b);
    EXPECT_TRUE(tab->answerLabel()->text().isEmpty());
    QSignalSpy finished(tab, &IncomingTab::responseFinished);
    QSignalSpy responded(&engine, &Engine::incomingResponded);
    button(QStringLiteral("Reject…"))->click();
    EXPECT_TRUE(tab->isResponding());
    bool ticked = false;
    QTimer::singleShot(10, [&] { ticked = true; });
    ASSERT_TRUE(waitUntil(
        [&] {
            const std::lock_guard lock(shared->mutex);
            return ticked && shared->calls.size() == 1;
        },
        10000));
    EXPECT_EQ(shared->calls, QStringList{QStringLiteral("inbox-318 RE not ordered")});
    EXPECT_TRUE(tab->isResponding());
    for (const QString &b :
         {QStringLiteral("Accept"), QStringLiteral("Reject…"), QStringLiteral("Mark as paid")})
        EXPECT_FALSE(button(b)->isEnabled()) << qPrintable(b);
    EXPECT_TRUE(tab->messageLabel()->text().contains(QStringLiteral("RE-2025-00318")));
    {
        const std::lock_guard lock(shared->mutex);
        shared->release = true;
    }
    shared->cv.notify_all();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.last().at(1).toString(), QString());
    ASSERT_EQ(responded.count(), 1);
    EXPECT_EQ(responded.last().at(1).toString(), QStringLiteral("RE"));
    const std::optional<IncomingRecord> stored = journal.byId(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->response, QStringLiteral("RE"));
    EXPECT_EQ(stored->responseNote, QStringLiteral("not ordered"));
    // The answer shows in the list and under it, so nobody answers twice by mistake.
    const int after = rowOf(QStringLiteral("RE-2025-00318"));
    EXPECT_EQ(model->index(after, IncomingModel::StatusColumn).data().toString(), QStringLiteral("Rejected"));
    EXPECT_EQ(tab->table()->selectionModel()->currentIndex().row(), after);
    EXPECT_TRUE(tab->answerLabel()->text().contains(QStringLiteral("Rejected")))
        << qPrintable(tab->answerLabel()->text());
    EXPECT_TRUE(tab->answerLabel()->text().contains(QStringLiteral("not ordered")));

    // Answering again asks first; the portal's refusal names the invoice and the problem.
    {
        const std::lock_guard lock(shared->mutex);
        shared->release = true;
        shared->answer = QStringLiteral("the portal refused the answer: already closed");
    }
    m_questions.clear();
    button(QStringLiteral("Mark as paid"))->click();
    ASSERT_EQ(m_questions.size(), 1);
    EXPECT_TRUE(m_questions.first().contains(QStringLiteral("already answered invoice RE-2025-00318")))
        << qPrintable(m_questions.first());
    ASSERT_TRUE(finished.wait(10000));
    const QString failure = finished.last().at(1).toString();
    EXPECT_TRUE(failure.contains(QStringLiteral("RE-2025-00318"))) << qPrintable(failure);
    EXPECT_TRUE(failure.contains(QStringLiteral("already closed"))) << qPrintable(failure);
    EXPECT_EQ(tab->messageLabel()->text(), failure);
    EXPECT_EQ(journal.byId(id)->response, QStringLiteral("RE"));
    EXPECT_TRUE(button(QStringLiteral("Mark as paid"))->isEnabled());
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
    EXPECT_FALSE(portal->profileBox()->isVisibleTo(portal)); // one profile: nothing to choose
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

TEST_F(GuiTrayTest, SettingsEditTheChosenProfilesConnectionAndKeepTheOthers)
{
    SenderProfile south = m_agent.config.profiles.first();
    south.id = QStringLiteral("southwind");
    south.displayName = QStringLiteral("Southwind Trading");
    south.watchFolders = {m_agent.path(QStringLiteral("in-south"))};
    south.transport.kind = QStringLiteral("https");
    south.transport.url = QStringLiteral("https://portal-b.example.com");
    south.transport.caFile = m_agent.path(QStringLiteral("it-ca.pem"));
    south.transport.proxy = QStringLiteral("http://proxy.example.com:3128");
    m_agent.config.profiles << south;
    ASSERT_EQ(m_agent.config.save(m_agent.configPath), QString());
    QString error;
    const std::optional<AgentConfig> before = AgentConfig::load(m_agent.configPath, &error);
    ASSERT_TRUE(before) << qPrintable(error);
    ASSERT_EQ(before->profiles.size(), 2);

    SettingsDialog dialog(*before, m_agent.configPath, m_secrets);
    PortalSettingsPage *portal = dialog.portalPage();
    EXPECT_TRUE(portal->profileBox()->isVisibleTo(portal));
    ASSERT_EQ(portal->profileBox()->count(), 2);
    EXPECT_EQ(portal->kindBox()->currentData().toString(), QStringLiteral("folder"));
    portal->profileBox()->setCurrentIndex(1);
    EXPECT_EQ(portal->kindBox()->currentData().toString(), QStringLiteral("https"));
    EXPECT_EQ(portal->urlEdit()->text(), QStringLiteral("https://portal-b.example.com"));
    portal->urlEdit()->setText(QStringLiteral("https://portal-c.example.com"));
    portal->tokenEdit()->setText(QStringLiteral("tok-south"));
    // Switching profiles keeps each one's edits.
    portal->profileBox()->setCurrentIndex(0);
    EXPECT_EQ(portal->kindBox()->currentData().toString(), QStringLiteral("folder"));
    EXPECT_TRUE(portal->tokenEdit()->text().isEmpty());
    portal->profileBox()->setCurrentIndex(1);
    EXPECT_EQ(portal->urlEdit()->text(), QStringLiteral("https://portal-c.example.com"));
    EXPECT_EQ(portal->tokenEdit()->text(), QStringLiteral("tok-south"));
    // A problem names the profile it is in; nothing is written.
    portal->urlEdit()->setText(QStringLiteral("http://portal-c.example.com"));
    const QString refused = dialog.save();
    EXPECT_TRUE(refused.contains(QStringLiteral("Southwind Trading"))) << qPrintable(refused);
    EXPECT_TRUE(refused.contains(QStringLiteral("https://"))) << qPrintable(refused);
    EXPECT_TRUE(m_secrets.read(gui::TokenStore::tokenKey(QStringLiteral("southwind"))).isEmpty());
    portal->urlEdit()->setText(QStringLiteral("https://portal-c.example.com"));
    ASSERT_EQ(dialog.save(), QString());

    const std::optional<AgentConfig> after = AgentConfig::load(m_agent.configPath, &error);
    ASSERT_TRUE(after) << qPrintable(error);
    ASSERT_EQ(after->profiles.size(), 2);
    const SenderProfile *s = after->profile(QStringLiteral("southwind"));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->transport.kind, QStringLiteral("https"));
    EXPECT_EQ(s->transport.url, QStringLiteral("https://portal-c.example.com"));
    EXPECT_EQ(s->transport.caFile, before->profile(QStringLiteral("southwind"))->transport.caFile);
    EXPECT_EQ(s->transport.proxy, QStringLiteral("http://proxy.example.com:3128"));
    EXPECT_EQ(s->watchFolders, before->profile(QStringLiteral("southwind"))->watchFolders);
    const SenderProfile *n = after->profile(QStringLiteral("northwind"));
    ASSERT_NE(n, nullptr);
    const TransportSettings &was = before->profile(QStringLiteral("northwind"))->transport;
    EXPECT_EQ(n->transport.kind, was.kind);
    EXPECT_EQ(n->transport.outboxDir, was.outboxDir);
    EXPECT_EQ(n->transport.url, was.url);
    EXPECT_EQ(n->transport.proxy, was.proxy);
    EXPECT_EQ(m_secrets.read(gui::TokenStore::tokenKey(QStringLiteral("southwind"))),
              QStringLiteral("tok-south"));
    EXPECT_TRUE(m_secrets.read(gui::TokenStore::tokenKey(QStringLiteral("northwind"))).isEmpty());

    // A profile added on the profiles page can be given its own connection at once.
    SettingsDialog again(*after, m_agent.configPath, m_secrets);
    again.profilePage()->addProfile(QStringLiteral("eastwind"));
    ASSERT_EQ(again.portalPage()->profileBox()->count(), 3);
    again.portalPage()->profileBox()->setCurrentIndex(2);
    again.portalPage()->kindBox()->setCurrentIndex(
        again.portalPage()->kindBox()->findData(QStringLiteral("folder")));
    again.portalPage()->outboxEdit()->setText(m_agent.path(QStringLiteral("outbox-east")));
    ASSERT_EQ(again.save(), QString());
    const std::optional<AgentConfig> third = AgentConfig::load(m_agent.configPath, &error);
    ASSERT_TRUE(third) << qPrintable(error);
    ASSERT_NE(third->profile(QStringLiteral("eastwind")), nullptr);
    EXPECT_EQ(third->profile(QStringLiteral("eastwind"))->transport.outboxDir,
              m_agent.path(QStringLiteral("outbox-east")));
    EXPECT_EQ(third->profile(QStringLiteral("southwind"))->transport.url,
              QStringLiteral("https://portal-c.example.com"));
}

TEST(GuiTokenStoreTest, KeychainResultsBecomeMessagesForTheUser)
{
    // The engine's store answers; the tray's store only words the answer.
    struct ScriptedStore : SecretStore
    {
        SecretResult next;
        QStringList calls;
        SecretResult read(const QString &key) override
        {
            calls << QStringLiteral("read ") + key;
            return next;
        }
        SecretResult write(const QString &key, const QString &) override
        {
            calls << QStringLiteral("write ") + key;
            return next;
        }
        SecretResult remove(const QString &key) override
        {
            calls << QStringLiteral("remove ") + key;
            return next;
        }
    };
    auto store = std::make_shared<ScriptedStore>();
    KeychainTokenStore tokens(store);
    EXPECT_EQ(KeychainTokenStore::serviceName(), QStringLiteral("einvoice-connector"));
    store->next.state = SecretResult::State::Ok;
    store->next.secret = QStringLiteral("tok");
    QString error;
    EXPECT_EQ(tokens.read(QStringLiteral("portal-token/a"), &error), QStringLiteral("tok"));
    EXPECT_EQ(error, QString());
    EXPECT_EQ(tokens.write(QStringLiteral("portal-token/a"), QStringLiteral("tok")), QString());
    store->next = {};
    store->next.state = SecretResult::State::Locked;
    store->next.error = QStringLiteral("the login keyring is locked");
    const QString locked = tokens.write(QStringLiteral("portal-token/a"), QStringLiteral("tok"));
    EXPECT_TRUE(locked.contains(QStringLiteral("keychain is locked"))) << qPrintable(locked);
    EXPECT_TRUE(locked.contains(QStringLiteral("not stored"))) << qPrintable(locked);
    EXPECT_EQ(tokens.read(QStringLiteral("portal-token/a"), &error), QString());
    EXPECT_TRUE(error.contains(QStringLiteral("keychain is locked"))) << qPrintable(error);
    store->next.state = SecretResult::State::NoKeychain;
    store->next.error = QStringLiteral("no Secret Service on the session bus");
    const QString none = tokens.write(QStringLiteral("portal-token/a"), QStringLiteral("tok"));
    EXPECT_TRUE(none.contains(QStringLiteral("No keychain is available"))) << qPrintable(none);
    EXPECT_TRUE(none.contains(QStringLiteral("no Secret Service"))) << qPrintable(none);
    store->next.state = SecretResult::State::NotFound;
    EXPECT_EQ(tokens.read(QStringLiteral("portal-token/b"), &error), QString());
    EXPECT_TRUE(error.contains(QStringLiteral("No portal token is stored"))) << qPrintable(error);
    store->next.state = SecretResult::State::Failed;
    store->next.error = QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
    EXPECT_TRUE(tokens.remove(QStringLiteral("portal-token/b")).contains(QStringLiteral("AccessDenied")));
    EXPECT_EQ(store->calls,
              (QStringList{QStringLiteral("read portal-token/a"), QStringLiteral("write portal-token/a"),
                           QStringLiteral("write portal-token/a"), QStringLiteral("read portal-token/a"),
                           QStringLiteral("write portal-token/a"), QStringLiteral("read portal-token/b"),
                           QStringLiteral("remove portal-token/b")}));
}

TEST_F(GuiTrayTest, SftpSettingsAreSavedCompleteAndReadBack)
{
    SettingsDialog dialog(m_agent.config, m_agent.configPath, m_secrets);
    PortalSettingsPage *portal = dialog.portalPage();
    portal->kindBox()->setCurrentIndex(portal->kindBox()->findData(QStringLiteral("sftp")));
    const QList<std::pair<const char *, QString>> fields = {
        {"sftpKnownHosts", QStringLiteral("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8")},
        {"sftpInbound", QStringLiteral("~/in")},
        {"sftpStatus", QStringLiteral("~/status")},
        {"sftpResponses", QStringLiteral("~/answers")}};
    for (const auto &[name, value] : fields) {
        auto *edit = portal->findChild<QLineEdit *>(QLatin1String(name));
        ASSERT_NE(edit, nullptr) << name;
        EXPECT_TRUE(edit->isVisibleTo(portal)) << name << " is on the SFTP page";
        edit->setText(value);
    }
    const QList<QLineEdit *> edits = portal->findChildren<QLineEdit *>();
    for (QLineEdit *e : edits) // server, user and key: the unnamed ones on the SFTP page
        if (e->placeholderText() == QStringLiteral("sftp://host:22/outbox"))
            e->setText(QStringLiteral("sftp://sftp.operator.example:2222/out"));
    ASSERT_EQ(dialog.save(), QString());
    QString error;
    const std::optional<AgentConfig> after = AgentConfig::load(m_agent.configPath, &error);
    ASSERT_TRUE(after) << qPrintable(error);
    const TransportSettings &t = after->profiles.first().transport;
    EXPECT_EQ(t.kind, QStringLiteral("sftp"));
    EXPECT_EQ(t.url, QStringLiteral("sftp://sftp.operator.example:2222/out"));
    EXPECT_EQ(t.sftpKnownHosts, QStringLiteral("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"));
    EXPECT_EQ(t.sftpInboundDir, QStringLiteral("~/in"));
    EXPECT_EQ(t.sftpStatusDir, QStringLiteral("~/status"));
    EXPECT_EQ(t.sftpResponseDir, QStringLiteral("~/answers"));
    // Shown again as saved.
    SettingsDialog again(*after, m_agent.configPath, m_secrets);
    EXPECT_EQ(again.portalPage()->findChild<QLineEdit *>(QStringLiteral("sftpStatus"))->text(),
              QStringLiteral("~/status"));
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

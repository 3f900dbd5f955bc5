// The tray icon on a real X server (ctest starts the test under xvfb-run when DISPLAY is unset):
// without a tray host the agent shows its window and says there is no tray; under `trayer` (a
// freedesktop system tray host, scripts/install-deps.sh) the icon is embedded in the tray and the
// window stays closed. Skips, saying why, without an X server or without trayer.

#include "gui_testsupport.h"
#include "queuewindow.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "trayapp.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::gui;
using namespace einvoice::test;

namespace {

bool onX11()
{
    return QGuiApplication::platformName() == QLatin1String("xcb");
}

// The X window ids xwininfo reports for @p window: its parent and the root.
struct WindowInfo
{
    QString parent;
    QString root;
    bool viewable = false;
};

std::optional<WindowInfo> xwininfo(WId window)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("xwininfo"));
    if (tool.isEmpty())
        return std::nullopt;
    const ProcessResult tree =
        run(tool, {QStringLiteral("-tree"), QStringLiteral("-id"), QString::number(window)});
    const ProcessResult info = run(tool, {QStringLiteral("-id"), QString::number(window)});
    if (tree.exitCode != 0 || info.exitCode != 0)
        return std::nullopt;
    WindowInfo w;
    const QString t = QString::fromUtf8(tree.out);
    w.root = QRegularExpression(QStringLiteral("Root window id: (0x[0-9a-f]+)")).match(t).captured(1);
    w.parent = QRegularExpression(QStringLiteral("Parent window id: (0x[0-9a-f]+)")).match(t).captured(1);
    w.viewable = QString::fromUtf8(info.out).contains(QStringLiteral("Map State: IsViewable"));
    return w;
}

class GuiTrayHostTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!onX11())
            GTEST_SKIP() << "needs an X server: run under xvfb-run (ctest does when xvfb-run is installed; "
                            "scripts/install-deps.sh installs xvfb); platform is "
                         << qPrintable(QGuiApplication::platformName());
        if (QSystemTrayIcon::isSystemTrayAvailable())
            GTEST_SKIP()
                << "this display has a system tray already; the test needs one without (xvfb-run -a)";
        ASSERT_TRUE(m_agent.dir.isValid());
    }
    void TearDown() override
    {
        m_app.reset();
        if (m_trayer.state() != QProcess::NotRunning) {
            m_trayer.terminate();
            if (!m_trayer.waitForFinished(5000))
                m_trayer.kill();
            m_trayer.waitForFinished(5000);
        }
    }
    TrayApp &startApp()
    {
        TrayApp::Options o;
        o.config = m_agent.config;
        o.configPath = m_agent.configPath;
        o.clock = &m_clock;
        o.secrets = &m_secrets;
        o.actions.open = [](const QUrl &) { return true; };
        o.controlSocket = false;
        o.watchers = false;
        o.autoRun = false;
        m_app = std::make_unique<TrayApp>(o);
        EXPECT_EQ(m_app->start(), QString());
        return *m_app;
    }

    GuiAgentDir m_agent;
    SystemClock m_clock;
    MemoryTokenStore m_secrets;
    QProcess m_trayer;
    std::unique_ptr<TrayApp> m_app;
};

TEST_F(GuiTrayHostTest, WithoutATrayHostTheWindowShowsAndSaysWhy)
{
    TrayApp &app = startApp();
    EXPECT_FALSE(app.trayIcon()->available());
    EXPECT_TRUE(app.showInitialWindow(false));
    QueueWindow *w = app.window();
    ASSERT_TRUE(waitUntil([&] { return w->isVisible(); }, 5000));
    ASSERT_TRUE(w->noTrayNotice()->isVisible());
    EXPECT_TRUE(w->noTrayNotice()->text().contains(QStringLiteral("no system tray")))
        << qPrintable(w->noTrayNotice()->text());
    EXPECT_TRUE(w->noTrayNotice()->text().contains(QStringLiteral("Quit")));
    // The window's menu carries what the tray menu would.
    QStringList actions;
    for (QAction *a : w->menuBar()->actions().constFirst()->menu()->actions())
        actions << a->text();
    for (const QString &wanted : {QStringLiteral("&Pause sending"), QStringLiteral("&Settings…"),
                                  QStringLiteral("&About"), QStringLiteral("&Quit")})
        EXPECT_TRUE(actions.contains(wanted)) << qPrintable(actions.join(QLatin1Char('|')));
}

TEST_F(GuiTrayHostTest, UnderATrayHostTheIconIsEmbeddedAndTheWindowStaysClosed)
{
    const QString trayer = QStandardPaths::findExecutable(QStringLiteral("trayer"));
    if (trayer.isEmpty())
        GTEST_SKIP() << "trayer (a system tray host) is not installed; scripts/install-deps.sh installs it";
    if (QStandardPaths::findExecutable(QStringLiteral("xwininfo")).isEmpty())
        GTEST_SKIP() << "xwininfo (x11-utils) is not installed; it tells where the icon's window is";
    m_trayer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_trayer.start(trayer, {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                            QStringLiteral("right"), QStringLiteral("--widthtype"), QStringLiteral("request"),
                            QStringLiteral("--height"), QStringLiteral("32"), QStringLiteral("--transparent"),
                            QStringLiteral("false")});
    ASSERT_TRUE(m_trayer.waitForStarted(10000)) << qPrintable(m_trayer.errorString());
    ASSERT_TRUE(waitUntil([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 15000))
        << "trayer started but took no system tray selection";

    TrayApp &app = startApp();
    EXPECT_TRUE(app.trayIcon()->available());
    EXPECT_FALSE(app.showInitialWindow(false));
    EXPECT_FALSE(app.window()->isVisible());
    EXPECT_FALSE(app.window()->noTrayNotice()->isVisibleTo(app.window()));
    // On the first run the window shows anyway (what was set up), without the notice.
    EXPECT_TRUE(app.showInitialWindow(true));
    EXPECT_FALSE(app.window()->noTrayNotice()->isVisibleTo(app.window()));
    app.window()->hide();

    // Qt's XEmbed tray icon is a small top-level window of its own; trayer takes it in: its X parent
    // becomes trayer's window instead of the root, and it is mapped.
    QWidget *icon = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (QLatin1String(w->metaObject()->className()) == QLatin1String("QSystemTrayIconSys") &&
                    w->isVisible())
                    icon = w;
            return icon != nullptr;
        },
        10000))
        << "no tray icon window (Qt chose another way to show the icon)";
    std::optional<WindowInfo> info;
    const bool embedded = waitUntil(
        [&] {
            info = xwininfo(icon->winId());
            return info && !info->parent.isEmpty() && info->parent != info->root && info->viewable;
        },
        15000);
    ASSERT_TRUE(info.has_value());
    EXPECT_TRUE(embedded) << "icon window " << icon->winId() << " parent " << qPrintable(info->parent)
                          << " root " << qPrintable(info->root) << " viewable " << info->viewable;
    EXPECT_GT(icon->width(), 0);
    // The tooltip says how things stand; the menu is there.
    EXPECT_FALSE(app.trayIcon()->toolTip().isEmpty());
    EXPECT_FALSE(app.trayIcon()->menu()->actions().isEmpty());
}

} // namespace

#include "trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

// The icons live in a static library: their resource is registered by name, from the global
// namespace (Q_INIT_RESOURCE declares a global function), before the first icon is loaded.
static void initIconResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(done);
}

namespace einvoice::gui {

TrayIcon::TrayIcon(Engine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    m_menu = new QMenu;
    m_menu->addAction(tr("Open send queue"), this, &TrayIcon::openQueueRequested);
    m_pause = m_menu->addAction(tr("Pause sending"));
    connect(m_pause, &QAction::triggered, this,
            [this] { m_engine.setSendingPaused(!m_engine.isSendingPaused()); });
    m_menu->addAction(tr("Open incoming invoices"), this, &TrayIcon::openIncomingRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Settings…"), this, &TrayIcon::settingsRequested);
    m_menu->addAction(tr("About eInvoice Connector"), this, &TrayIcon::aboutRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);

    m_tray = new QSystemTrayIcon(this);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            emit openQueueRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openQueueRequested);
    connect(&m_engine, &Engine::statusChanged, this, &TrayIcon::update);
    connect(&m_engine, &Engine::jobChanged, this, &TrayIcon::update);
    update();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

TrayIcon::State TrayIcon::stateFor(const EngineStatus &s)
{
    if (!s.problems.isEmpty() || !s.lastSendError.isEmpty())
        return State::Error;
    if (s.sendingPaused)
        return State::Paused;
    if (s.counts.value(JobState::NeedsReview) > 0 || s.counts.value(JobState::Failed) > 0 ||
        s.counts.value(JobState::Rejected) > 0 || s.counts.value(JobState::Ready) > 0)
        return State::NeedsAttention;
    if (s.reading > 0 || s.sending > 0 || s.counts.value(JobState::Captured) > 0 ||
        s.counts.value(JobState::Read) > 0 || s.counts.value(JobState::Approved) > 0 ||
        s.counts.value(JobState::Sending) > 0)
        return State::Working;
    return State::Idle;
}

QIcon TrayIcon::iconFor(State state)
{
    initIconResources();
    switch (state) {
    case State::Idle:
        return QIcon(QStringLiteral(":/icons/tray-idle.svg"));
    case State::Working:
        return QIcon(QStringLiteral(":/icons/tray-working.svg"));
    case State::NeedsAttention:
        return QIcon(QStringLiteral(":/icons/tray-attention.svg"));
    case State::Error:
        return QIcon(QStringLiteral(":/icons/tray-error.svg"));
    case State::Paused:
        return QIcon(QStringLiteral(":/icons/tray-paused.svg"));
    }
    return {};
}

QString TrayIcon::describe(const EngineStatus &s)
{
    QStringList lines;
    if (!s.problems.isEmpty())
        lines << s.problems;
    if (!s.lastSendError.isEmpty())
        lines << tr("Sending failed: %1").arg(s.lastSendError);
    if (s.sendingPaused)
        lines << tr("Sending is paused.");
    if (const int n = s.counts.value(JobState::NeedsReview))
        lines << tr("%n document(s) need your review.", nullptr, n);
    if (const int n = s.counts.value(JobState::Ready))
        lines << tr("%n document(s) ready to send.", nullptr, n);
    if (const int n = s.counts.value(JobState::Failed) + s.counts.value(JobState::Rejected))
        lines << tr("%n document(s) failed or were rejected.", nullptr, n);
    if (s.reading + s.sending > 0)
        lines << tr("Working on %n document(s).", nullptr, s.reading + s.sending);
    if (lines.isEmpty())
        lines << tr("All documents are sent.");
    return lines.join(QLatin1Char('\n'));
}

QString TrayIcon::toolTip() const
{
    return m_tray->toolTip();
}

bool TrayIcon::available() const
{
    return QSystemTrayIcon::isSystemTrayAvailable() && m_tray->isVisible();
}

void TrayIcon::show()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
}

void TrayIcon::notify(const QString &title, const QString &text, bool warning)
{
    m_lastNotification = title + QLatin1Char('\n') + text;
    if (m_tray->isVisible())
        m_tray->showMessage(title, text, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

void TrayIcon::update()
{
    const EngineStatus s = m_engine.status();
    const State state = stateFor(s);
    if (state != m_state || m_tray->icon().isNull()) {
        m_state = state;
        m_tray->setIcon(iconFor(state));
    }
    m_tray->setToolTip(tr("eInvoice Connector") + QLatin1Char('\n') + describe(s));
    m_pause->setText(s.sendingPaused ? tr("Resume sending") : tr("Pause sending"));
}

} // namespace einvoice::gui

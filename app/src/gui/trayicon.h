#pragma once

#include "engine.h"

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace einvoice::gui {

/// The agent's icon in the system tray: its picture says how things stand (idle, working,
/// needs attention, offline or error, paused), its tooltip says it in words, and its menu opens
/// the queue, pauses or resumes sending, opens the incoming folder, settings, about and quit.
/// Desktop notifications (new incoming invoices, a failed send) go through it.
///
/// On desktops without a tray it stays hidden and the window carries the same actions
/// (available() tells which). GUI thread; does not own the engine.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Working,
        NeedsAttention,
        Error,
        Paused,
    };
    Q_ENUM(State)

    explicit TrayIcon(Engine &engine, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// The state an engine status shows as (pure; tests check the mapping).
    static State stateFor(const EngineStatus &status);
    static QIcon iconFor(State state);
    /// One-line description of @p status for the tooltip.
    static QString describe(const EngineStatus &status);

    State state() const { return m_state; }
    QString toolTip() const;
    /// True when the desktop has a system tray and the icon is shown there.
    bool available() const;
    void show();
    QMenu *menu() const { return m_menu; }

    /// A desktop notification (QSystemTrayIcon::showMessage); remembered for tests.
    void notify(const QString &title, const QString &text, bool warning = false);
    QString lastNotification() const { return m_lastNotification; }

signals:
    void openQueueRequested();
    void openIncomingRequested();
    void settingsRequested();
    void aboutRequested();
    void quitRequested();

private:
    void update();

    Engine &m_engine;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_pause = nullptr;
    State m_state = State::Idle;
    QString m_lastNotification;
};

} // namespace einvoice::gui

#pragma once

#include "desktopactions.h"
#include "queuefilterproxy.h"

#include <QMainWindow>

class QAction;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace einvoice {
class Engine;
}

namespace einvoice::gui {

class IncomingModel;
class IncomingTab;
class JobDetailPane;
class QueueModel;

/// The agent's window: the send queue (a portal-style document list with status filters,
/// search and sorting over QueueModel, and the JobDetailPane of the selected document) and the
/// incoming invoices tab. Its menu holds what the tray menu holds, so the agent is fully usable
/// on desktops without a system tray. GUI thread; does not own the engine or the incoming model.
class QueueWindow : public QMainWindow
{
    Q_OBJECT
public:
    QueueWindow(Engine &engine, IncomingModel &incoming, DesktopActions actions, QWidget *parent = nullptr);

    QueueModel *model() const { return m_model; }
    QueueFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    JobDetailPane *detailPane() const { return m_detail; }
    IncomingTab *incomingTab() const { return m_incomingTab; }
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *searchField() const { return m_search; }

    void setFilter(QueueFilterProxy::Filter filter);
    /// Selects the job's row (clearing filters that hide it) and shows it in the detail pane.
    bool selectJob(qint64 jobId);
    /// Approves every ready document after asking; returns how many were approved.
    int sendAllReady();
    void showIncoming();
    /// Brings the window to the front (tray click, a second start).
    void raiseWindow();
    /// Without a system tray the window explains that it is the only way in and how to quit.
    void setTrayAvailable(bool available);
    QLabel *noTrayNotice() const { return m_noTray; }

signals:
    void settingsRequested();
    void aboutRequested();
    void quitRequested();

private:
    void updateStatus();
    void onCurrentChanged();

    Engine &m_engine;
    DesktopActions m_actions;
    QueueModel *m_model = nullptr;
    QueueFilterProxy *m_proxy = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    JobDetailPane *m_detail = nullptr;
    IncomingTab *m_incomingTab = nullptr;
    QButtonGroup *m_filters = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_sendAll = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_noTray = nullptr;
    QAction *m_pause = nullptr;
};

} // namespace einvoice::gui

#include "queuewindow.h"

#include "engine.h"
#include "incomingtab.h"
#include "jobdetailpane.h"
#include "queuemodel.h"
#include "trayicon.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace einvoice::gui {

QueueWindow::QueueWindow(Engine &engine, IncomingModel &incoming, DesktopActions actions, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_actions(std::move(actions))
{
    setWindowTitle(tr("eInvoice Connector"));
    setWindowIcon(TrayIcon::iconFor(TrayIcon::State::Idle));
    m_model = new QueueModel(engine, this);
    m_proxy = new QueueFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *menu = menuBar()->addMenu(tr("&Agent"));
    m_pause = menu->addAction(tr("&Pause sending"));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, &m_engine, &Engine::setSendingPaused);
    menu->addAction(tr("&Settings…"), this, &QueueWindow::settingsRequested);
    menu->addAction(tr("&About"), this, &QueueWindow::aboutRequested);
    menu->addSeparator();
    menu->addAction(tr("&Quit"), this, &QueueWindow::quitRequested);

    m_tabs = new QTabWidget(this);
    auto *queuePage = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(queuePage);
    auto *bar = new QHBoxLayout;
    m_filters = new QButtonGroup(this);
    const QList<QPair<QueueFilterProxy::Filter, QString>> filters{
        {QueueFilterProxy::Filter::All, tr("All")},
        {QueueFilterProxy::Filter::NeedsReview, tr("Needs review")},
        {QueueFilterProxy::Filter::Ready, tr("Ready")},
        {QueueFilterProxy::Filter::Sent, tr("Sent")},
        {QueueFilterProxy::Filter::Failed, tr("Failed")}};
    for (const auto &[filter, label] : filters) {
        auto *b = new QToolButton(queuePage);
        b->setText(label);
        b->setCheckable(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_filters->addButton(b, int(filter));
        bar->addWidget(b);
    }
    m_filters->button(int(QueueFilterProxy::Filter::All))->setChecked(true);
    connect(m_filters, &QButtonGroup::idClicked, this,
            [this](int id) { m_proxy->setFilter(QueueFilterProxy::Filter(id)); });
    bar->addSpacing(12);
    m_search = new QLineEdit(queuePage);
    m_search->setPlaceholderText(tr("Search number, customer, file…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QueueFilterProxy::setSearchText);
    bar->addWidget(m_search, 1);
    m_sendAll = new QPushButton(tr("Send all ready…"), queuePage);
    connect(m_sendAll, &QPushButton::clicked, this, &QueueWindow::sendAllReady);
    bar->addWidget(m_sendAll);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Vertical, queuePage);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueueModel::DateColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail = new JobDetailPane(engine, m_actions, split);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({220, 640});
    layout->addWidget(split, 1);
    m_tabs->addTab(queuePage, tr("Send queue"));

    m_incomingTab = new IncomingTab(incoming, m_actions, m_tabs);
    m_tabs->addTab(m_incomingTab, tr("Incoming"));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    m_noTray = new QLabel(
        tr("Your desktop has no system tray, so eInvoice Connector shows no icon there: this window is "
           "the way in. Closing it keeps the agent working in the background; start eInvoice Connector "
           "again to bring the window back, or choose Agent › Quit to stop it."),
        central);
    m_noTray->setObjectName(QStringLiteral("noTrayNotice"));
    m_noTray->setWordWrap(true);
    m_noTray->setMargin(8);
    m_noTray->setStyleSheet(QStringLiteral("background: #fef3c7; color: #78350f;"));
    m_noTray->hide();
    centralLayout->addWidget(m_noTray);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);
    connect(m_detail, &JobDetailPane::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueueWindow::onCurrentChanged);
    connect(&m_engine, &Engine::statusChanged, this, &QueueWindow::updateStatus);
    connect(&m_engine, &Engine::jobChanged, this, [this](qint64 id, JobState) {
        if (id == m_detail->jobId())
            m_detail->refresh();
        updateStatus();
    });
    updateStatus();
    resize(1200, 860);
}

void QueueWindow::onCurrentChanged()
{
    const QModelIndex idx = m_table->selectionModel()->currentIndex();
    m_detail->showJob(idx.isValid() ? idx.data(QueueModel::JobIdRole).toLongLong() : 0);
}

void QueueWindow::setFilter(QueueFilterProxy::Filter filter)
{
    m_filters->button(int(filter))->setChecked(true);
    m_proxy->setFilter(filter);
}

bool QueueWindow::selectJob(qint64 jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return false;
    QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid()) {
        m_search->clear();
        setFilter(QueueFilterProxy::Filter::All);
        idx = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_table->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    m_table->scrollTo(idx);
    if (m_detail->jobId() != jobId)
        m_detail->showJob(jobId);
    m_tabs->setCurrentIndex(0);
    return true;
}

int QueueWindow::sendAllReady()
{
    const int ready = m_engine.status().counts.value(JobState::Ready);
    if (ready == 0) {
        statusBar()->showMessage(tr("Nothing is ready to send."), 8000);
        return 0;
    }
    if (!m_actions.confirm ||
        !m_actions.confirm(this, tr("Send all ready"), tr("Send %n ready document(s) now?", nullptr, ready)))
        return 0;
    int count = 0;
    const QString error = m_engine.approveAllReady(&count);
    statusBar()->showMessage(
        error.isEmpty() ? tr("%n document(s) approved for sending.", nullptr, count) : error, 8000);
    return count;
}

void QueueWindow::showIncoming()
{
    m_tabs->setCurrentWidget(m_incomingTab);
    raiseWindow();
}

void QueueWindow::setTrayAvailable(bool available)
{
    m_noTray->setVisible(!available);
}

void QueueWindow::raiseWindow()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void QueueWindow::updateStatus()
{
    const EngineStatus s = m_engine.status();
    QStringList parts;
    if (const int n = s.counts.value(JobState::NeedsReview))
        parts << tr("%n need(s) review", nullptr, n);
    if (const int n = s.counts.value(JobState::Ready))
        parts << tr("%n ready", nullptr, n);
    if (const int n = s.counts.value(JobState::Approved) + s.counts.value(JobState::Sending))
        parts << tr("%n waiting to be sent", nullptr, n);
    if (const int n = s.counts.value(JobState::Failed))
        parts << tr("%n failed", nullptr, n);
    if (s.sendingPaused)
        parts << tr("sending paused");
    m_status->setText(parts.isEmpty() ? tr("Nothing waiting") : parts.join(QStringLiteral(" · ")));
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(s.sendingPaused);
    m_sendAll->setEnabled(s.counts.value(JobState::Ready) > 0);
}

} // namespace einvoice::gui

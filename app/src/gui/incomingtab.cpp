#include "incomingtab.h"

#include "incomingmodel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace einvoice::gui {

IncomingTab::IncomingTab(IncomingModel &model, DesktopActions actions, QWidget *parent)
    : QWidget(parent), m_model(model), m_actions(std::move(actions))
{
    auto *layout = new QVBoxLayout(this);
    m_folder = new QLabel(this);
    m_folder->setWordWrap(true);
    layout->addWidget(m_folder);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("incomingTable"));
    m_table->setModel(&m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(tr("Open e-invoice"), this);
    m_openPdf = new QPushButton(tr("Open PDF"), this);
    m_reveal = new QPushButton(tr("Show in folder"), this);
    m_accept = new QPushButton(tr("Accept"), this);
    m_reject = new QPushButton(tr("Reject…"), this);
    m_paid = new QPushButton(tr("Mark as paid"), this);
    for (QPushButton *b : {m_open, m_openPdf, m_reveal})
        buttons->addWidget(b);
    buttons->addStretch(1);
    for (QPushButton *b : {m_accept, m_reject, m_paid})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_open, &QPushButton::clicked, this, &IncomingTab::openInvoice);
    connect(m_openPdf, &QPushButton::clicked, this, &IncomingTab::openRendition);
    connect(m_reveal, &QPushButton::clicked, this, &IncomingTab::reveal);
    connect(m_accept, &QPushButton::clicked, this, [this] { respond(InvoiceResponder::Response::Accept); });
    connect(m_reject, &QPushButton::clicked, this, [this] { respond(InvoiceResponder::Response::Reject); });
    connect(m_paid, &QPushButton::clicked, this, [this] { respond(InvoiceResponder::Response::Paid); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncomingTab::updateButtons);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &IncomingTab::updateButtons);
    updateButtons();
}

void IncomingTab::setResponder(InvoiceResponder *responder)
{
    m_responder = responder;
    updateButtons();
}

int IncomingTab::currentRow() const
{
    return m_table->selectionModel()->currentIndex().row();
}

void IncomingTab::updateButtons()
{
    m_folder->setText(m_model.folder().isEmpty()
                          ? tr("No incoming folder is set up (Settings).")
                          : tr("Invoices downloaded from the portal into %1").arg(m_model.folder()));
    const IncomingInvoice *inv = m_model.invoiceAt(currentRow());
    m_open->setEnabled(inv);
    m_openPdf->setEnabled(inv && !inv->renditionPath.isEmpty());
    m_reveal->setEnabled(inv);
    const QString why = m_responder ? QString() : tr("Your portal does not take responses to invoices.");
    const bool readable = inv && inv->error.isEmpty();
    for (auto [button, response] : {std::pair{m_accept, InvoiceResponder::Response::Accept},
                                    std::pair{m_reject, InvoiceResponder::Response::Reject},
                                    std::pair{m_paid, InvoiceResponder::Response::Paid}}) {
        const bool supported = m_responder && m_responder->supports(response);
        button->setEnabled(readable && supported);
        button->setToolTip(supported ? QString() : why);
    }
}

void IncomingTab::openInvoice()
{
    if (const IncomingInvoice *inv = m_model.invoiceAt(currentRow()))
        if (!m_actions.open || !m_actions.open(QUrl::fromLocalFile(inv->path)))
            m_message->setText(tr("%1: no program to open it.").arg(inv->path));
}

void IncomingTab::openRendition()
{
    if (const IncomingInvoice *inv = m_model.invoiceAt(currentRow()))
        if (!m_actions.open || !m_actions.open(QUrl::fromLocalFile(inv->renditionPath)))
            m_message->setText(tr("%1: no program to open it.").arg(inv->renditionPath));
}

void IncomingTab::reveal()
{
    if (const IncomingInvoice *inv = m_model.invoiceAt(currentRow()))
        if (!m_actions.revealInFolder(inv->path))
            m_message->setText(tr("%1: the folder cannot be opened.").arg(inv->path));
}

void IncomingTab::respond(InvoiceResponder::Response response)
{
    const IncomingInvoice *inv = m_model.invoiceAt(currentRow());
    if (!inv || !m_responder)
        return;
    const QString path = inv->path;
    QString note;
    if (response == InvoiceResponder::Response::Reject) {
        note = m_actions.askText ? m_actions.askText(this, tr("Reject invoice"),
                                                     tr("Why do you reject invoice %1?").arg(inv->number))
                                 : QString();
        if (note.isEmpty())
            return;
    }
    QString error = m_responder->respond(path, response, note);
    if (error.isEmpty() && m_store)
        error = m_store(QFileInfo(path).fileName(), InvoiceResponder::responseName(response));
    m_message->setText(
        error.isEmpty()
            ? tr("Sent: %1.").arg(IncomingModel::statusLabel(InvoiceResponder::responseName(response)))
            : error);
    m_model.rescan();
}

} // namespace einvoice::gui

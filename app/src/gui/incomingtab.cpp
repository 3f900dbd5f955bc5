#include "incomingtab.h"

#include "incomingmodel.h"
#include "localeformat.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
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
    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("incomingAnswer"));
    m_answer->setWordWrap(true);
    layout->addWidget(m_answer);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("incomingMessage"));
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
    // A rescan (new files, an answer sent) resets the model: keep the selected invoice selected.
    connect(&m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const IncomingInvoice *inv = m_model.invoiceAt(currentRow());
        m_selectedPath = inv ? inv->path : QString();
    });
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (int r = 0; !m_selectedPath.isEmpty() && r < m_model.rowCount(); ++r)
            if (m_model.invoiceAt(r)->path == m_selectedPath)
                m_table->selectRow(r);
        updateButtons();
    });
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
    const bool readable = inv && inv->error.isEmpty();
    const bool busy = !m_pending.isEmpty();
    QString whyNot;
    for (auto [button, response] : {std::pair{m_accept, InvoiceResponder::Response::Accept},
                                    std::pair{m_reject, InvoiceResponder::Response::Reject},
                                    std::pair{m_paid, InvoiceResponder::Response::Paid}}) {
        QString why;
        bool supported = false;
        if (!m_responder)
            why = tr(
                "Answers to invoices cannot be sent from this computer; answer the seller in your portal.");
        else if (readable)
            supported = m_responder->supports(inv->path, response, &why);
        button->setEnabled(readable && supported && !busy);
        button->setToolTip(busy        ? tr("Waiting for the portal to take your answer.")
                           : supported ? QString()
                                       : why);
        if (readable && !supported && whyNot.isEmpty())
            whyNot = why;
    }
    QString answer;
    if (readable && !inv->status.isEmpty()) {
        answer = inv->statusTime.isValid() ? tr("You answered invoice %1: %2 (%3).")
                                                 .arg(inv->number, IncomingModel::statusLabel(inv->status),
                                                      LocaleFormat::dateTime(inv->statusTime))
                                           : tr("You answered invoice %1: %2.")
                                                 .arg(inv->number, IncomingModel::statusLabel(inv->status));
        if (!inv->statusNote.isEmpty())
            answer += QLatin1Char(' ') + tr("Reason: %1").arg(inv->statusNote);
    } else if (readable && !whyNot.isEmpty()) {
        answer = whyNot;
    }
    m_answer->setText(answer);
    m_answer->setVisible(!answer.isEmpty());
}

void IncomingTab::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b91c1c;") : QString());
    m_message->setText(text);
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
    if (!inv || !inv->error.isEmpty() || !m_responder || !m_pending.isEmpty())
        return;
    const QString path = inv->path;
    const QString number = inv->number;
    const QString seller = inv->seller;
    QString why;
    if (!m_responder->supports(path, response, &why)) {
        showMessage(why, true);
        return;
    }
    // An answer was sent already: answering again is possible (paid after accepted) but must be meant.
    if (!inv->status.isEmpty()) {
        const QString question =
            tr("You already answered invoice %1 from %2: %3. Send \"%4\" as well?")
                .arg(number, seller, IncomingModel::statusLabel(inv->status),
                     IncomingModel::statusLabel(InvoiceResponder::responseName(response)));
        if (!m_actions.confirm || !m_actions.confirm(this, tr("Answer again"), question))
            return;
    }
    QString note;
    if (response == InvoiceResponder::Response::Reject) {
        // Peppol requires a reason the seller can act on.
        note = m_actions.askText ? m_actions.askText(this, tr("Reject invoice"),
                                                     tr("Why do you reject invoice %1 from %2? The seller "
                                                        "reads this.")
                                                         .arg(number, seller))
                                 : QString();
        note = note.trimmed();
        if (note.isEmpty()) {
            showMessage(tr("Invoice %1 was not rejected: a rejection needs a reason.").arg(number), true);
            return;
        }
    }
    m_pending = path;
    showMessage(tr("Sending your answer about invoice %1 from %2…").arg(number, seller), false);
    updateButtons();
    const QString label = IncomingModel::statusLabel(InvoiceResponder::responseName(response));
    m_responder->respond(
        path, response, note,
        [self = QPointer<IncomingTab>(this), path, number, seller, label](const QString &error) {
            if (!self)
                return;
            self->m_pending.clear();
            if (error.isEmpty())
                self->showMessage(tr("Invoice %1 from %2: %3 was sent.").arg(number, seller, label), false);
            else
                self->showMessage(error, true);
            self->m_model.rescan();
            self->updateButtons();
            emit self->responseFinished(path, error);
        });
}

} // namespace einvoice::gui

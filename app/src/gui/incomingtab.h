#pragma once

#include "desktopactions.h"
#include "invoiceresponder.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace einvoice::gui {

class IncomingModel;

/// The incoming invoices tab: the table of IncomingModel, open the e-invoice or its PDF
/// rendition, show it in its folder, and respond with a business status through an
/// InvoiceResponder (disabled, with the reason shown, when the portal takes none).
/// GUI thread; does not own the model or the responder.
class IncomingTab : public QWidget
{
    Q_OBJECT
public:
    using StatusStore = std::function<QString(const QString &fileName, const QString &status)>;

    IncomingTab(IncomingModel &model, DesktopActions actions, QWidget *parent = nullptr);
    void setResponder(InvoiceResponder *responder);
    /// Where a response that the portal took is remembered (returns an error or "").
    void setStatusStore(StatusStore store) { m_store = std::move(store); }
    QTableView *table() const { return m_table; }

    void openInvoice();
    void openRendition();
    void reveal();
    void respond(InvoiceResponder::Response response);

private:
    void updateButtons();
    int currentRow() const;

    IncomingModel &m_model;
    DesktopActions m_actions;
    InvoiceResponder *m_responder = nullptr;
    StatusStore m_store;
    QTableView *m_table = nullptr;
    QLabel *m_folder = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_openPdf = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_paid = nullptr;
};

} // namespace einvoice::gui

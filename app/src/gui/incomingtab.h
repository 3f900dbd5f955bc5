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
/// InvoiceResponder (disabled, with the reason shown, when the invoice cannot be answered). The
/// answer already sent for the selected invoice is shown, and answering again asks first; a
/// rejection asks for the reason. While an answer is with the portal the answer buttons are off.
/// GUI thread; does not own the model or the responder (which must outlive it or be replaced).
class IncomingTab : public QWidget
{
    Q_OBJECT
public:
    IncomingTab(IncomingModel &model, DesktopActions actions, QWidget *parent = nullptr);
    void setResponder(InvoiceResponder *responder);
    QTableView *table() const { return m_table; }
    /// The result or error line below the buttons, and the line about the selected invoice's
    /// answer (already sent, or why none can be sent).
    QLabel *messageLabel() const { return m_message; }
    QLabel *answerLabel() const { return m_answer; }
    /// True while an answer is with the responder.
    bool isResponding() const { return !m_pending.isEmpty(); }

    void openInvoice();
    void openRendition();
    void reveal();
    /// Answers the selected invoice (asks for the reason of a rejection, and whether to answer
    /// again when an answer was sent already); finished by responseFinished.
    void respond(InvoiceResponder::Response response);

signals:
    /// An answer about the invoice at @p path was taken (@p error empty) or not.
    void responseFinished(const QString &path, const QString &error);

private:
    void updateButtons();
    int currentRow() const;
    void showMessage(const QString &text, bool error);

    IncomingModel &m_model;
    DesktopActions m_actions;
    InvoiceResponder *m_responder = nullptr;
    QString m_pending;      ///< the invoice whose answer is with the responder
    QString m_selectedPath; ///< kept across model resets (rescans)
    QTableView *m_table = nullptr;
    QLabel *m_folder = nullptr;
    QLabel *m_answer = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_openPdf = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_paid = nullptr;
};

} // namespace einvoice::gui

#pragma once

#include "decimal.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace einvoice::gui {

/// One invoice in the incoming folder.
struct IncomingInvoice
{
    QString path;          ///< the e-invoice XML
    QString renditionPath; ///< the PDF rendition beside it (same base name), empty when none
    QString number;
    QString seller;
    QDate issueDate;
    QDate dueDate;
    OptDecimal amount;
    QString currency;
    QString status; ///< "" (new), "accepted", "rejected", "paid", "acknowledged", "in-process", "under-query"
    QString statusNote;   ///< the reason sent with the response (a rejection's)
    QDateTime statusTime; ///< when the response was sent
    QString error;        ///< why the file could not be read (the row still shows, naming it)
};

/// The business response this user already sent about an incoming invoice (empty status: none).
struct IncomingAnswer
{
    QString status; ///< as IncomingInvoice::status
    QString note;
    QDateTime time;
};

/// The invoices the portal transport downloaded into the incoming folder, read with
/// EInvoiceXml (date, seller, number, amount, due date) and kept up to date with a file system
/// watcher. Files that are not e-invoices are listed with the reason, never dropped silently.
/// Response statuses come from a lookup the owner supplies (the engine's incoming journal).
/// A download stored as several files (x.ubl.xml, x.cii.xml, x.pdf) is one row: the UBL file,
/// with the PDF as its rendition.
/// GUI thread.
class IncomingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        SellerColumn,
        NumberColumn,
        AmountColumn,
        DueColumn,
        StatusColumn,
        ColumnCount
    };
    /// The response already sent about the invoice stored at a path.
    using StatusLookup = std::function<IncomingAnswer(const QString &path)>;

    explicit IncomingModel(QObject *parent = nullptr);
    /// Watches @p dir; the first scan does not count as "new".
    void setFolder(const QString &dir);
    QString folder() const { return m_dir; }
    void setStatusLookup(StatusLookup lookup) { m_status = std::move(lookup); }
    /// Scans the folder again now.
    void rescan();
    const IncomingInvoice *invoiceAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(const QString &status);
    /// The status name for a Peppol invoice response code (AP -> "accepted"...); "" if unknown.
    static QString statusForCode(const QString &code);
    static IncomingInvoice read(const QString &path);

signals:
    /// Invoices that appeared since the last scan (for the desktop notification).
    void newInvoices(const QList<einvoice::gui::IncomingInvoice> &invoices);

private:
    QString m_dir;
    QList<IncomingInvoice> m_rows;
    QSet<QString> m_seen;
    bool m_scanned = false;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    StatusLookup m_status;
};

} // namespace einvoice::gui

#include "incomingmodel.h"

#include "einvoicexml.h"
#include "invoiceresponder.h"
#include "localeformat.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace einvoice::gui {

QString InvoiceResponder::responseName(Response response)
{
    switch (response) {
    case Response::Accept:
        return QStringLiteral("accepted");
    case Response::Reject:
        return QStringLiteral("rejected");
    case Response::Paid:
        return QStringLiteral("paid");
    }
    return {};
}

namespace {
// "x.ubl.xml", "x.cii.xml" and "x.xml" all belong to the download "x" (the engine's IncomingStore
// names them so; the PDF rendition is "x.pdf").
QString baseOf(const QString &fileName)
{
    QString base = fileName;
    for (const QLatin1String suffix :
         {QLatin1String(".ubl.xml"), QLatin1String(".cii.xml"), QLatin1String(".xml")})
        if (base.endsWith(suffix, Qt::CaseInsensitive))
            return base.chopped(suffix.size());
    return base;
}
} // namespace

IncomingModel::IncomingModel(QObject *parent) : QAbstractTableModel(parent)
{
    // Downloads arrive as several files (XML, then the PDF); one scan after they settle.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &IncomingModel::rescan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_debounce.start(); });
}

void IncomingModel::setFolder(const QString &dir)
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_dir = dir;
    m_scanned = false;
    m_seen.clear();
    if (QFileInfo(dir).isDir())
        m_watcher.addPath(dir);
    rescan();
}

IncomingInvoice IncomingModel::read(const QString &path)
{
    IncomingInvoice inv;
    inv.path = path;
    const QFileInfo fi(path);
    const QString pdf = fi.dir().filePath(baseOf(fi.fileName()) + QStringLiteral(".pdf"));
    if (QFileInfo::exists(pdf))
        inv.renditionPath = pdf;
    const XmlReadResult r = EInvoiceXml::readFile(path);
    if (!r.ok()) {
        inv.error = r.error;
        return inv;
    }
    const Invoice &i = *r.invoice;
    inv.number = i.number;
    inv.seller = i.seller.name;
    inv.issueDate = i.issueDate;
    inv.dueDate = i.dueDate;
    inv.amount = i.totals.payable;
    inv.currency = i.currency;
    return inv;
}

void IncomingModel::rescan()
{
    QList<IncomingInvoice> rows;
    QList<IncomingInvoice> fresh;
    if (!m_dir.isEmpty() && QFileInfo(m_dir).isDir()) {
        if (!m_watcher.directories().contains(m_dir))
            m_watcher.addPath(m_dir);
        const QFileInfoList files =
            QDir(m_dir).entryInfoList({QStringLiteral("*.xml")}, QDir::Files, QDir::Time);
        QSet<QString> ublBases;
        for (const QFileInfo &fi : files)
            if (fi.fileName().endsWith(QLatin1String(".ubl.xml"), Qt::CaseInsensitive))
                ublBases.insert(baseOf(fi.fileName()));
        for (const QFileInfo &fi : files) {
            // The CII copy of a download that has a UBL one is the same invoice.
            if (fi.fileName().endsWith(QLatin1String(".cii.xml"), Qt::CaseInsensitive) &&
                ublBases.contains(baseOf(fi.fileName())))
                continue;
            IncomingInvoice inv = read(fi.filePath());
            if (m_status) {
                const IncomingAnswer answer = m_status(fi.filePath());
                inv.status = answer.status;
                inv.statusNote = answer.note;
                inv.statusTime = answer.time;
            }
            if (!m_seen.contains(fi.filePath())) {
                m_seen.insert(fi.filePath());
                if (m_scanned)
                    fresh << inv;
            }
            rows << inv;
        }
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    m_scanned = true;
    if (!fresh.isEmpty())
        emit newInvoices(fresh);
}

const IncomingInvoice *IncomingModel::invoiceAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int IncomingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncomingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncomingModel::statusLabel(const QString &status)
{
    if (status == QLatin1String("accepted"))
        return tr("Accepted");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    if (status == QLatin1String("paid"))
        return tr("Paid");
    if (status == QLatin1String("acknowledged"))
        return tr("Acknowledged");
    if (status == QLatin1String("in-process"))
        return tr("In process");
    if (status == QLatin1String("under-query"))
        return tr("Under query");
    return tr("New");
}

QString IncomingModel::statusForCode(const QString &code)
{
    static const QHash<QString, QString> names{{QStringLiteral("AP"), QStringLiteral("accepted")},
                                               {QStringLiteral("RE"), QStringLiteral("rejected")},
                                               {QStringLiteral("PD"), QStringLiteral("paid")},
                                               {QStringLiteral("AB"), QStringLiteral("acknowledged")},
                                               {QStringLiteral("IP"), QStringLiteral("in-process")},
                                               {QStringLiteral("UQ"), QStringLiteral("under-query")}};
    return names.value(code.trimmed().toUpper());
}

QVariant IncomingModel::data(const QModelIndex &index, int role) const
{
    const IncomingInvoice *inv = invoiceAt(index.row());
    if (!inv)
        return {};
    if (role == Qt::ToolTipRole)
        return inv->error.isEmpty() ? inv->path : inv->error;
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (!inv->error.isEmpty()) {
        if (index.column() == SellerColumn)
            return QFileInfo(inv->path).fileName();
        if (index.column() == StatusColumn)
            return tr("Cannot be read");
        return {};
    }
    switch (index.column()) {
    case DateColumn:
        return LocaleFormat::date(inv->issueDate);
    case SellerColumn:
        return inv->seller;
    case NumberColumn:
        return inv->number;
    case AmountColumn:
        return inv->amount ? LocaleFormat::amount(*inv->amount, inv->currency) : QString();
    case DueColumn:
        return LocaleFormat::date(inv->dueDate);
    case StatusColumn:
        return statusLabel(inv->status);
    }
    return {};
}

QVariant IncomingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case SellerColumn:
        return tr("Seller");
    case NumberColumn:
        return tr("Invoice number");
    case AmountColumn:
        return tr("Amount");
    case DueColumn:
        return tr("Due date");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace einvoice::gui

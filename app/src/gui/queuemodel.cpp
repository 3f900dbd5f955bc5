#include "queuemodel.h"

#include "engine.h"
#include "localeformat.h"

#include <QFile>
#include <QFileInfo>

Q_LOGGING_CATEGORY(lcGuiQueue, "einvoice.gui.queue")

namespace einvoice::gui {

QueueModel::QueueModel(JobJournal &journal, const JobFiles &files, QObject *parent)
    : QAbstractTableModel(parent), m_journal(journal), m_files(files)
{
    reload();
}

QueueModel::QueueModel(Engine &engine, QObject *parent) : QueueModel(engine.journal(), engine.files(), parent)
{
    connect(&engine, &Engine::jobChanged, this, [this](qint64 id, JobState) { refreshJob(id); });
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void QueueModel::reload()
{
    beginResetModel();
    m_jobs.clear();
    m_rows.clear();
    m_error.clear();
    if (m_journal.isOpen()) {
        JobQuery q;
        q.order = JobOrder::NewestFirst;
        m_jobs = m_journal.jobs(q, &m_error);
        if (!m_error.isEmpty())
            qCWarning(lcGuiQueue) << m_error;
    }
    for (int i = 0; i < m_jobs.size(); ++i)
        m_rows.insert(m_jobs.at(i).id, i);
    endResetModel();
}

void QueueModel::refreshJob(qint64 jobId)
{
    QString error;
    const std::optional<Job> job = m_journal.job(jobId, &error);
    if (!job) {
        m_error = error;
        qCWarning(lcGuiQueue) << "job" << jobId << error;
        return;
    }
    m_creditNote.remove(jobId); // a correction may rebuild the draft
    const auto it = m_rows.constFind(jobId);
    if (it != m_rows.constEnd()) {
        m_jobs[*it] = *job;
        emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        return;
    }
    // New jobs go on top, as the table is newest first.
    beginInsertRows({}, 0, 0);
    m_jobs.prepend(*job);
    m_rows.clear();
    for (int i = 0; i < m_jobs.size(); ++i)
        m_rows.insert(m_jobs.at(i).id, i);
    endInsertRows();
}

int QueueModel::rowOf(qint64 jobId) const
{
    return m_rows.value(jobId, -1);
}

const Job *QueueModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? &m_jobs.at(row) : nullptr;
}

QString QueueModel::documentType(const Job &job) const
{
    auto it = m_creditNote.constFind(job.id);
    if (it == m_creditNote.constEnd()) {
        // The root element is enough; reading the whole draft for every row would be slow.
        QFile f(m_files.draftPath(job.id));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        it = m_creditNote.insert(job.id, f.read(4096).contains("<CreditNote"));
    }
    return *it ? tr("Credit note") : tr("Invoice");
}

namespace {
// Amounts sort as fixed-width text: exact for any Decimal, no float. Negative amounts get a
// lower prefix and their digits complemented, so -10 sorts before -2.
QString amountSortKey(const Decimal &amount)
{
    QString digits = amount.abs().toString(4).rightJustified(40, QLatin1Char('0'));
    if (!amount.isNegative())
        return QLatin1Char('1') + digits;
    for (QChar &c : digits)
        if (c.isDigit())
            c = QChar('9' - (c.toLatin1() - '0'));
    return QLatin1Char('0') + digits;
}

QString sourceText(const Job &job)
{
    const QString name = QFileInfo(job.originalPath).fileName();
    switch (job.source) {
    case SourceKind::Printer:
        return QueueModel::tr("Printer: %1").arg(name);
    case SourceKind::Folder:
        return QueueModel::tr("Folder: %1").arg(name);
    case SourceKind::Cli:
        return QueueModel::tr("Added: %1").arg(name);
    }
    return name;
}
} // namespace

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    const Job *job = jobAt(index.row());
    if (!job || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const JobDisplay &d = job->display;
    switch (role) {
    case JobIdRole:
        return job->id;
    case StateRole:
        return int(job->state);
    case SearchRole:
        return QStringList{d.invoiceNumber,   d.buyerName,   d.sellerName,
                           job->originalPath, job->remoteId, jobStateLabel(job->state)}
            .join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !job->lastError.isEmpty())
            return job->lastError;
        if (index.column() == SourceColumn)
            return job->originalPath;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return d.issueDate.isValid() ? QDateTime(d.issueDate, QTime(0, 0)) : job->createdAt;
        case AmountColumn:
            return d.amount ? amountSortKey(*d.amount) : QString();
        case StatusColumn:
            return int(job->state);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return d.issueDate.isValid() ? LocaleFormat::date(d.issueDate)
                                         : LocaleFormat::dateTime(job->createdAt);
        case TypeColumn:
            return documentType(*job);
        case CustomerColumn:
            return d.buyerName;
        case NumberColumn:
            return d.invoiceNumber;
        case AmountColumn:
            return d.amount ? LocaleFormat::amount(*d.amount, d.currency) : QString();
        case StatusColumn:
            return jobStateLabel(job->state);
        case SourceColumn:
            return sourceText(*job);
        }
        return {};
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TypeColumn:
        return tr("Type");
    case CustomerColumn:
        return tr("Customer");
    case NumberColumn:
        return tr("Invoice number");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

} // namespace einvoice::gui

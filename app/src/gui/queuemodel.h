#pragma once

#include "jobfiles.h"
#include "jobjournal.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGuiQueue)

namespace einvoice {
class Engine;
}

namespace einvoice::gui {

/// The send queue as a table: one row per job in the journal (date, document type, customer,
/// invoice number, amount with currency, status, source), newest first. Rows are refreshed
/// from the journal when the engine reports a job change; the model never writes.
///
/// Threading: GUI thread only (it reads the engine's journal, which belongs to that thread).
/// Does not own the journal or the files; both must outlive the model.
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        TypeColumn,
        CustomerColumn,
        NumberColumn,
        AmountColumn,
        StatusColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role
    {
        JobIdRole = Qt::UserRole + 1,
        StateRole,  ///< JobState as int
        SortRole,   ///< a value that sorts right (dates, decimal amounts, state order)
        SearchRole, ///< all text a search matches
    };

    QueueModel(JobJournal &journal, const JobFiles &files, QObject *parent = nullptr);
    /// Connects to the engine's jobChanged signal (the usual set-up).
    QueueModel(Engine &engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Reads every job again (start-up, or after another process changed the journal).
    void reload();
    /// Re-reads one job; inserts it when new.
    void refreshJob(qint64 jobId);
    int rowOf(qint64 jobId) const;
    const Job *jobAt(int row) const;
    /// The last error reading the journal (shown in the window's status bar).
    QString lastError() const { return m_error; }

    /// "Invoice" / "Credit note" for a job, from its draft (cached; the journal row has no type).
    QString documentType(const Job &job) const;

private:
    JobJournal &m_journal;
    const JobFiles &m_files;
    QList<Job> m_jobs;
    QHash<qint64, int> m_rows;
    mutable QHash<qint64, bool> m_creditNote;
    QString m_error;
};

} // namespace einvoice::gui

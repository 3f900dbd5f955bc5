#pragma once

#include "clock.h"
#include "jobjournal.h"
#include "jobstate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <optional>

namespace einvoice {

/// One state change of one document, as the audit log keeps it.
struct AuditRecord
{
    qint64 sequence = 0; // set by AuditLog::append: 1, 2, 3 ... across all audit files
    QDateTime time;      // UTC; append() stamps it from the clock when left invalid
    qint64 jobId = 0;
    QString contentHash;
    QString senderProfile;
    QString fromState; // jobStateName(); empty for the record of a new job
    QString toState;
    QString remoteId;
    QString message;
    QString previousHash; // set by append(): SHA-256 (hex) of the previous line's bytes
};

/// One problem verify() found: which file, which line (1-based), what is wrong.
struct AuditIssue
{
    QString file;
    int line = 0;
    QString problem;
};

struct AuditVerification
{
    int files = 0;
    int records = 0; // well-formed records read
    QList<AuditIssue> issues;
    bool ok() const { return issues.isEmpty(); }
    /// "PATH:LINE: problem" per issue, one per line.
    QString report() const;
};

/// The append-only audit log of every state change: `audit.jsonl` in the data directory, one
/// JSON object per line with sequence number, time, job id, content hash, sender profile, from
/// and to state, remote id and message.
///
/// Append-only: the file is opened O_APPEND and never rewritten; each record is written with one
/// write(2) and, by default, fsync'ed before append() returns (about one disk flush per state
/// change, which the journal's own synchronous=FULL commit already costs; see setSyncEvery()). Tamper
/// evidence: every record carries the SHA-256 of the previous line's exact bytes (the first record of all
/// carries 64 zeros) and a sequence number, so verify() finds a changed, removed, inserted or reordered line,
/// naming the line. Editing the very last line or cutting lines off the end is not detectable from the file
/// alone: compare the last sequence number with the journal's events.
///
/// Monthly files: when a record's month (UTC) differs from the month of the active file's last
/// record, `audit.jsonl` is renamed to `audit-YYYY-MM.jsonl` (never deleted) and a new one is
/// started; the chain and the sequence continue across files.
///
/// A line left incomplete by a crash is closed with a newline at the next open (it stays, and
/// verify() reports it); later records chain to its bytes as they are.
///
/// Threading: append() is thread-safe (one mutex). Processes: appends are serialised with an
/// exclusive flock on `audit.lock` in the same folder, and a writer that finds the file changed
/// by another process (the CLI approving a job while no daemon runs) re-reads the chain's end
/// first, so the chain stays intact. Not copyable; owns its file descriptors; the Clock, when
/// given, must outlive it. Errors are translated strings naming the file (empty on success).
class AuditLog
{
public:
    AuditLog();
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    /// Opens (creating when needed, mode 0700/0600) the audit log in @p directory.
    QString open(const QString &directory, const Clock *clock = nullptr);
    void close();
    bool isOpen() const;
    QString directory() const;
    /// The active file: <directory>/audit.jsonl.
    QString filePath() const;

    /// Durability bound: fsync after every @p records appends (default 1: every record is on disk
    /// when append() returns). With N > 1 at most N - 1 records sit in the page cache only: they
    /// survive the agent being killed (kill -9, crash), and are lost only if the machine itself
    /// goes down before the next fsync. flush() and close() fsync at once. Values < 1 count as 1.
    void setSyncEvery(int records);
    /// fsyncs what was appended and not yet synced.
    QString flush();

    /// Appends @p record (sequence and previousHash are filled in; time when invalid).
    QString append(const AuditRecord &record);
    /// The record for @p job after it moved from @p from (nullopt: newly recorded) to job.state.
    QString appendTransition(const Job &job, std::optional<JobState> from, const QString &message);

    /// The audit files of @p directory in chain order: the monthly files, then audit.jsonl.
    static QStringList files(const QString &directory);
    /// Reads every audit file of @p directory back and checks each line: JSON, fields, sequence
    /// and hash chain. Never changes anything.
    static AuditVerification verify(const QString &directory);
    /// Parses one line; nullopt with @p error for a malformed one.
    static std::optional<AuditRecord> parseLine(const QByteArray &line, QString *error = nullptr);
    /// The exact line append() writes for @p record (without the newline).
    static QByteArray formatLine(const AuditRecord &record);
    static QString sha256Hex(const QByteArray &bytes);

private:
    struct ChainEnd
    {
        qint64 sequence = 0;
        QString lastLineHash;
        bool needsNewline = false;
    };
    QString lock();
    void unlock();
    QString openActive();
    QString syncToDisk();
    QString rotate(const QString &month);
    static std::optional<ChainEnd> readChainEnd(const QString &path, QString *error);

    mutable QMutex m_mutex;
    QString m_directory;
    const Clock *m_clock = nullptr;
    int m_fd = -1;
    int m_lockFd = -1;
    qint64 m_knownSize = -1; // the active file's size after our last write; another writer changes it
    quint64 m_knownInode = 0;
    int m_syncEvery = 1;
    int m_unsynced = 0;
    ChainEnd m_end;
    QString m_fileMonth; // "YYYY-MM" of the active file's first record; empty while it is empty
};

} // namespace einvoice

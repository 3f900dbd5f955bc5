#pragma once

#include "clock.h"
#include "decimal.h"
#include "jobstate.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace einvoice {

/// How a document reached the agent.
enum class SourceKind
{
    Printer,
    Folder,
    Cli
};
/// Stable names stored in the journal: "printer", "folder", "cli".
QString sourceKindName(SourceKind kind);
std::optional<SourceKind> sourceKindFromName(const QString &name);

/// What the queue and the timeline show about a document before opening it. All optional:
/// nothing is known at capture, most of it after reading.
struct JobDisplay
{
    QString invoiceNumber;
    QString sellerName;
    QString buyerName;
    OptDecimal amount; // stored as decimal text with its scale ("1234.50"), never as a float
    QString currency;  // ISO 4217 code
    QDate issueDate;
};

/// A document to record. contentHash is the SHA-256 of the spooled bytes (64 hex digits);
/// together with senderProfile it is the idempotency key, here and at the portal.
struct NewJob
{
    QString senderProfile;
    QString contentHash;
    SourceKind source = SourceKind::Folder;
    QString originalPath;
    QString spoolPath;
    JobDisplay display;
    QString message; // the first timeline entry; a default one is written when empty
};

/// One document as recorded in the journal. Times are UTC.
struct Job
{
    qint64 id = 0;
    QString senderProfile;
    QString contentHash;
    SourceKind source = SourceKind::Folder;
    QString originalPath;
    QString spoolPath;
    JobDisplay display;
    JobState state = JobState::Captured;
    int attempts = 0;      // send attempts so far (entries into "sending")
    QDateTime nextRetryAt; // null unless a retry is scheduled
    QString remoteId;
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString businessStatus; // the buyer's last invoice response code (AB, IP, UQ, RE, AP, PD), or ""
};

/// One entry of a job's timeline. Events are append-only: never changed, never deleted.
struct JobEvent
{
    qint64 id = 0; // increases with every event written; orders events with equal times
    qint64 jobId = 0;
    QDateTime time;
    JobState state = JobState::Captured;
    QString message;
};

/// Extra changes written together with a transition. Fields left unset keep their value,
/// with two deliberate exceptions: nextRetryAt is cleared unless given (a retry time belongs to
/// one wait in "approved" and must not leak into later states), and attempts grows by one on
/// every entry into "sending" unless given.
struct TransitionOptions
{
    /// Refuse the transition unless the job is in this state now: protects a decision taken on
    /// an older view of the job (the UI's, or another process's) from being applied to a newer one.
    std::optional<JobState> expectedState;
    std::optional<QString> remoteId;
    std::optional<int> attempts;
    std::optional<QDateTime> nextRetryAt;
    std::optional<QString> lastError; // an empty string clears it
    std::optional<JobDisplay> display;
    std::optional<QString> spoolPath;
};

struct AddJobResult
{
    qint64 jobId = 0;
    bool isDuplicate = false; // the same content was already recorded for this sender profile
    QString error;            // empty on success
    bool ok() const { return error.isEmpty(); }
};

enum class JobOrder
{
    NewestFirst,
    OldestFirst,
    RecentlyUpdatedFirst
};

/// Filter for jobs(). Empty fields do not filter.
struct JobQuery
{
    QList<JobState> states;
    QString senderProfile;
    /// Matched case-insensitively (Unicode case folding, NFKC) against invoice number, seller,
    /// buyer, original file name/path, remote id and the content hash.
    QString search;
    QString invoiceNumber; ///< exact match, by index (the engine's reprint check)
    JobOrder order = JobOrder::NewestFirst;
    int limit = 0; // 0 = no limit
    int offset = 0;
};

/// The durable record of every document the agent took in: one SQLite file with one row per
/// document (its state, attempts, retry time, remote id) and an append-only event timeline.
///
/// Durability: WAL with synchronous=FULL, every change in one explicit transaction, so after a
/// crash or kill -9 each job is exactly in its last committed state and its timeline ends with
/// that state. The file is checked with PRAGMA integrity_check at open; a damaged file is
/// reported by name and left exactly as it was.
///
/// Threading: an instance belongs to the thread that opened it (QSqlDatabase connections are
/// per thread) and every call from another thread fails with an error. The engine has one
/// writer, the owning thread. Other threads or processes (the CLI, the tray) open their own
/// JobJournal on the same file; WAL lets them read while the writer writes, and their rare
/// writes wait for the lock (BEGIN IMMEDIATE with a busy timeout) instead of failing.
///
/// Errors are returned as translated, human-readable strings (empty on success); nothing
/// throws. Not copyable; owns its database connection; does not own the Clock.
class JobJournal
{
public:
    /// The schema version this build writes (PRAGMA user_version).
    static int schemaVersion();

    JobJournal();
    ~JobJournal();
    JobJournal(const JobJournal &) = delete;
    JobJournal &operator=(const JobJournal &) = delete;

    /// Opens or creates the journal at @p path, checks its integrity and brings its schema up to
    /// date. @p clock stamps every change and must outlive the journal; null uses the system
    /// clock. Returns an empty string on success.
    QString open(const QString &path, const Clock *clock = nullptr);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    /// Records a captured document in state "captured" with a first event. A document whose
    /// content hash is already recorded for the same sender profile is a duplicate: the
    /// existing job id comes back with isDuplicate set and nothing is written.
    AddJobResult addJob(const NewJob &job);

    /// Moves a job to @p to, refusing moves that isTransitionAllowed() does not allow. The job
    /// row and its event are written in one transaction: both or neither.
    QString transition(qint64 jobId, JobState to, const QString &message,
                       const TransitionOptions &options = {});

    /// One move of a transition chain.
    struct Step
    {
        JobState to;
        QString message;
        TransitionOptions options;
    };
    /// Several moves in one transaction (e.g. read -> ready -> approved): all or none, with one
    /// event each, and one disk flush instead of one per move.
    QString transitionChain(qint64 jobId, const QList<Step> &steps);

    /// How soon a batch's commit must be on disk.
    enum class Durability
    {
        /// On disk when endBatch() returns (the WAL is flushed): what the agent cannot redo,
        /// such as a document taken in (its original is moved away afterwards) or a user's
        /// decision.
        Flushed,
        /// Committed, but flushed only with the next flushed commit or WAL checkpoint. After a
        /// power cut or kernel crash the journal may come back without the last such batches,
        /// never with half of one and never out of order (the WAL is written in commit order);
        /// a killed agent loses nothing. Only for changes the agent redoes by itself: a
        /// reading (the document is read again) or a send (sent again under the same
        /// idempotency key, which the portal answers with the document it already has).
        /// Only in WAL mode; a journal that had to fall back to a rollback journal flushes
        /// every batch, because there NORMAL risks a corrupt file rather than a lost commit.
        Deferred,
    };

    /// Groups every change made until the matching endBatch() into one transaction: one disk
    /// flush for many jobs (the sender's results arrive many at a time). Each change inside keeps
    /// its own all-or-nothing (a savepoint); a crash before endBatch() loses the whole batch,
    /// which the engine allows only for changes that are safe to redo (a job left in "sending"
    /// is sent again under the same idempotency key). Nests; the outermost batch's durability
    /// holds for all of it. Same thread as the journal.
    QString beginBatch(Durability durability = Durability::Flushed);
    QString endBatch();
    /// SQLite's synchronous level on the journal's connection now (2 FULL, 1 NORMAL); -1 when
    /// closed. For tests and the support bundle.
    int synchronousLevel() const;

    /// Appends an event to a job's timeline without changing its state (a correction that
    /// leaves it under review, the same document exported again). Touches updatedAt.
    /// With @p display, the queue's columns take the new values too (a correction that leaves
    /// the job under review still shows the corrected number and amount).
    QString note(qint64 jobId, const QString &message,
                 const std::optional<JobDisplay> &display = std::nullopt);

    /// Records the buyer's business response (Peppol invoice response code AB, IP, UQ, RE, AP or
    /// PD) on a sent job with a timeline event, in one transaction; audited through the observer.
    QString setBusinessStatus(qint64 jobId, const QString &code, const QString &message);

    /// The SQLite connection name, for companions that keep their own tables in the same file
    /// (IncomingJournal). Same thread as the journal.
    QString connectionName() const { return m_connectionName; }

    std::optional<Job> job(qint64 jobId, QString *error = nullptr) const;
    /// The job recorded for this idempotency key, if any.
    std::optional<Job> jobByContent(const QString &senderProfile, const QString &contentHash,
                                    QString *error = nullptr) const;
    QList<Job> jobs(const JobQuery &query = {}, QString *error = nullptr) const;
    /// The job's timeline, oldest first.
    QList<JobEvent> events(qint64 jobId, QString *error = nullptr) const;
    /// Approved jobs whose scheduled retry time has come (nextRetryAt <= @p now), earliest first.
    QList<Job> jobsDueForRetry(const QDateTime &now, int limit = 0, QString *error = nullptr) const;
    /// Everything the sender may take now: approved jobs never tried or whose retry time has
    /// come, oldest first.
    QList<Job> jobsDueForSending(const QDateTime &now, int limit = 0, QString *error = nullptr) const;
    /// Number of jobs in each state; every state is present, zero when empty.
    QMap<JobState, int> countsByState(QString *error = nullptr) const;

    /// Call once at engine start, before the sender runs, and never while another engine uses
    /// the same journal. Jobs found in "sending" were handed to the transport when the previous
    /// run died, and whether the portal got them is unknown. They go back to "approved", due at
    /// once, with an event saying so. Sending again cannot create a second invoice because the
    /// transport sends the content hash as the idempotency key: a portal that already has the
    /// document answers with the existing remote id (the folder transport names its file after
    /// the hash, so it rewrites the same file). Every other state is already a consistent
    /// resting point, because each transition committed atomically. Returns the ids requeued.
    QList<qint64> recoverAfterCrash(QString *error = nullptr);

    /// Called after every committed change (new job, transition, note is not a change of state)
    /// with the job as it is now, the state it came from (nullopt for a new job) and the
    /// timeline message: the engine's audit log listens here, so every writer — engine, CLI,
    /// tray — is audited the same way. Called on the journal's thread; for changes inside a batch,
    /// in order once endBatch() has committed them, and not at all when the batch fails.
    using ChangeObserver =
        std::function<void(const Job &job, std::optional<JobState> from, const QString &message)>;
    void setChangeObserver(ChangeObserver observer) { m_observer = std::move(observer); }

    /// Small key/value store for the engine's own bookkeeping (e.g. the last scan time).
    QString setting(const QString &key, const QString &defaultValue = {}, QString *error = nullptr) const;
    QString setSetting(const QString &key, const QString &value);

    /// Times as stored: UTC ISO-8601 with milliseconds ("2025-01-01T08:30:00.000Z").
    static QString formatTime(const QDateTime &time);
    static QDateTime parseTime(const QString &text);

private:
    struct Private;
    QString checkUsable() const;
    void restoreSynchronous();
    QDateTime now() const;

    void notify(qint64 jobId, std::optional<JobState> from, const QString &message,
                std::optional<JobState> as = std::nullopt);
    QString annotate(qint64 jobId, const QString &message, const std::optional<JobDisplay> &display,
                     const std::optional<QString> &businessStatus);

    std::unique_ptr<Private> d;
    ChangeObserver m_observer;
    QString m_path;
    QString m_connectionName;
    const Clock *m_clock = nullptr;
    QThread *m_owner = nullptr;
};

} // namespace einvoice

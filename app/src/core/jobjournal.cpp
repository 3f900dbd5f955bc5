#include "jobjournal.h"

#include "jobjournal_migrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>
#include <QVariant>
#include <utility>
#include <vector>

namespace einvoice {

Q_LOGGING_CATEGORY(lcJournal, "einvoice.journal", QtInfoMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobJournal", text);
}

// The columns readJob() expects, in this order.
const QString kJobColumns = QStringLiteral(
    "id, sender_profile, content_hash, source_kind, original_path, spool_path, invoice_number, seller_name, "
    "buyer_name, amount, currency, issue_date, state, attempts, next_retry_at, remote_id, last_error, "
    "created_at, updated_at, business_status");

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "unknown".
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(JobJournal::formatTime(time)) : QVariant(QMetaType::fromType<QString>());
}

// Case-folded, NFKC text the search matches against; see the note in the v1 migration.
QString foldForSearch(const QString &text)
{
    // Qt folds case character by character (simple folding), so "ß" stays "ß"; German users type
    // "ss" for it, as full Unicode folding would.
    return text.normalized(QString::NormalizationForm_KC)
        .toCaseFolded()
        .replace(QChar(0x00DF), QLatin1String("ss"));
}

QString searchTextFor(const Job &job)
{
    const QStringList parts = {job.display.invoiceNumber, job.display.sellerName, job.display.buyerName,
                               job.originalPath,          job.remoteId,           job.contentHash};
    return foldForSearch(parts.join(QLatin1Char('\n')));
}

Job readJob(const QSqlQuery &q)
{
    Job j;
    j.id = q.value(0).toLongLong();
    j.senderProfile = q.value(1).toString();
    j.contentHash = q.value(2).toString();
    j.source = sourceKindFromName(q.value(3).toString()).value_or(SourceKind::Folder);
    j.originalPath = q.value(4).toString();
    j.spoolPath = q.value(5).toString();
    j.display.invoiceNumber = q.value(6).toString();
    j.display.sellerName = q.value(7).toString();
    j.display.buyerName = q.value(8).toString();
    if (!q.value(9).isNull())
        j.display.amount = Decimal::parse(q.value(9).toString());
    j.display.currency = q.value(10).toString();
    if (!q.value(11).isNull())
        j.display.issueDate = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    j.state = jobStateFromName(q.value(12).toString()).value_or(JobState::Captured);
    j.attempts = q.value(13).toInt();
    if (!q.value(14).isNull())
        j.nextRetryAt = JobJournal::parseTime(q.value(14).toString());
    j.remoteId = q.value(15).toString();
    j.lastError = q.value(16).toString();
    j.createdAt = JobJournal::parseTime(q.value(17).toString());
    j.updatedAt = JobJournal::parseTime(q.value(18).toString());
    j.businessStatus = q.value(19).toString();
    return j;
}

bool isSha256Hex(const QString &hash)
{
    if (hash.size() != 64)
        return false;
    for (QChar c : hash) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Printer:
        return QStringLiteral("printer");
    case SourceKind::Folder:
        return QStringLiteral("folder");
    case SourceKind::Cli:
        return QStringLiteral("cli");
    }
    return {};
}

std::optional<SourceKind> sourceKindFromName(const QString &name)
{
    for (SourceKind k : {SourceKind::Printer, SourceKind::Folder, SourceKind::Cli}) {
        if (sourceKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

// The connection and the statements used on every change, prepared once per connection.
struct JobJournal::Private
{
    QSqlDatabase db;
    int batchDepth = 0;         ///< > 0 while a batch (one outer transaction) is open
    bool deferredBatch = false; ///< the open batch runs at synchronous=NORMAL
    bool wal = false;           ///< WAL mode: NORMAL may lose the last commits, never corrupts
    /// Changes made inside the open batch, told to the observer once the batch is committed
    /// (and never, when it is rolled back: the audit log records only what happened).
    struct Change
    {
        Job job;
        std::optional<JobState> from;
        QString message;
    };
    std::vector<Change> pendingChanges;
    QSqlQuery findByKey;
    QSqlQuery insertJob;
    QSqlQuery insertEvent;
    QSqlQuery selectJob;
    QSqlQuery updateJob;

    explicit Private(const QSqlDatabase &database)
        : db(database), findByKey(db), insertJob(db), insertEvent(db), selectJob(db), updateJob(db)
    {
    }
};

// An explicit write transaction. BEGIN IMMEDIATE takes the write lock up front, so a second
// writer (the CLI while the daemon runs) waits for the busy timeout instead of failing half-way
// through a read-then-write sequence. Rolls back unless committed. Inside a batch
// (JobJournal::beginBatch) it is a savepoint: all or nothing for its own changes, made durable
// with the batch.
class JournalTransaction
{
public:
    JournalTransaction(QSqlDatabase &db, int batchDepth) : m_db(db), m_nested(batchDepth > 0)
    {
        QSqlQuery q(m_db);
        m_active =
            q.exec(m_nested ? QStringLiteral("SAVEPOINT journal_step") : QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active)
            m_error = q.lastError().text();
    }
    ~JournalTransaction()
    {
        if (!m_active)
            return;
        if (m_nested) {
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK TO journal_step"));
            QSqlQuery(m_db).exec(QStringLiteral("RELEASE journal_step"));
        } else {
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        }
    }
    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit()
    {
        QSqlQuery q(m_db);
        if (!q.exec(m_nested ? QStringLiteral("RELEASE journal_step") : QStringLiteral("COMMIT"))) {
            m_error = q.lastError().text();
            return false; // the destructor rolls back
        }
        m_active = false;
        return true;
    }

private:
    QSqlDatabase &m_db;
    bool m_nested = false;
    bool m_active = false;
    QString m_error;
};

int JobJournal::schemaVersion()
{
    return journalMigrations().last().toVersion;
}

JobJournal::JobJournal() = default;

JobJournal::~JobJournal()
{
    close();
}

QString JobJournal::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime JobJournal::parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QString JobJournal::open(const QString &path, const Clock *clock)
{
    static const SystemClock systemClock;
    if (isOpen())
        return tr("The job journal %1 is already open.").arg(m_path);
    if (path.isEmpty())
        return tr("No file name was given for the job journal.");
    const QFileInfo info(path);
    const QString fileName = QDir::toNativeSeparators(info.absoluteFilePath());
    if (!QDir().mkpath(info.absolutePath()))
        return tr("Cannot create the folder %1 for the job journal.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));

    m_connectionName = QStringLiteral("einvoice.journal.%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        if (!db.isValid()) {
            error = tr("Cannot open the job journal %1: the Qt SQLite driver (QSQLITE) is not installed.")
                        .arg(fileName);
        } else {
            db.setDatabaseName(info.absoluteFilePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            if (!db.open())
                error = tr("Cannot open the job journal %1: %2").arg(fileName, db.lastError().text());
        }
        if (error.isEmpty()) {
            d = std::make_unique<Private>(db);
            m_path = fileName;
        }
    }
    if (!error.isEmpty()) {
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
        return error;
    }

    QSqlQuery q(d->db);
    // Integrity first, before anything writes: on a damaged or foreign file even setting the
    // journal mode would write to it. Nothing here ever deletes or repairs the file; that is
    // the owner's decision (restore a backup, or move it aside and start anew).
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        error =
            tr("The job journal %1 cannot be read: it is damaged or not a database (%2). The file was left "
               "as it is; restore it from a backup, or move it aside to start a new journal.")
                .arg(fileName, q.lastError().text());
    } else {
        QStringList problems;
        while (q.next()) {
            const QString row = q.value(0).toString();
            // A badly damaged file yields hundreds of lines; the first few say enough.
            if (row != QLatin1String("ok") && problems.size() < 4)
                problems << row.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(0, 4 - problems.size());
        }
        if (q.lastError().isValid())
            problems << q.lastError().text();
        if (!problems.isEmpty()) {
            error = tr("The job journal %1 is damaged (%2). The file was left as it is; restore it from a "
                       "backup, or move it aside to start a new journal.")
                        .arg(fileName, problems.join(QStringLiteral("; ")));
        }
    }
    q.finish();

    if (error.isEmpty()) {
        error = migrateJournalSchema(d->db, journalMigrations(), fileName);
    }
    if (error.isEmpty()) {
        // WAL: readers (the tray, the CLI) never block the writer and the writer never blocks them,
        // and a commit is one append to the WAL file.
        // synchronous=FULL rather than NORMAL: with NORMAL in WAL mode a kill -9 loses nothing,
        // but a power cut or kernel crash may drop the last commits. The intake moves the user's
        // original to Processed/ right after the job is recorded, so a dropped commit would be a
        // lost invoice. FULL syncs the WAL on every commit; that costs one fsync per change,
        // which is cheap next to reading a PDF (see bench/journal_bench.cpp).
        if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && q.next()) {
            const QString mode = q.value(0).toString();
            d->wal = mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
            if (!d->wal) {
                // Happens on file systems without shared memory (some network shares). Still
                // correct with a rollback journal, only readers and the writer wait for each other.
                qCWarning(lcJournal) << "journal" << fileName << "could not use WAL, runs in" << mode
                                     << "mode";
            }
        } else {
            error = tr("Cannot set up the job journal %1: %2").arg(fileName, q.lastError().text());
        }
        q.finish();
    }
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (error.isEmpty() && !q.exec(QString::fromLatin1(pragma)))
            error = tr("Cannot set up the job journal %1: %2").arg(fileName, q.lastError().text());
    }

    if (error.isEmpty()) {
        const struct
        {
            QSqlQuery &query;
            QString sql;
        } statements[] = {
            {d->findByKey,
             QStringLiteral("SELECT id FROM jobs WHERE sender_profile = ? AND content_hash = ?")},
            {d->insertJob,
             QStringLiteral(
                 "INSERT INTO jobs (sender_profile, content_hash, source_kind, original_path, spool_path, "
                 "invoice_number, seller_name, buyer_name, amount, currency, issue_date, state, attempts, "
                 "search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, "
                 "?)")},
            {d->insertEvent,
             QStringLiteral("INSERT INTO events (job_id, time, state, message) VALUES (?, ?, ?, ?)")},
            {d->selectJob, QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(kJobColumns)},
            // "AND state = ?" guards against a change made by another connection between our read
            // and this write; with BEGIN IMMEDIATE it cannot happen, but it costs nothing.
            {d->updateJob,
             QStringLiteral(
                 "UPDATE jobs SET state = ?, attempts = ?, next_retry_at = ?, remote_id = ?, last_error = ?, "
                 "spool_path = ?, invoice_number = ?, seller_name = ?, buyer_name = ?, amount = ?, "
                 "currency = ?, issue_date = ?, search_text = ?, updated_at = ? WHERE id = ? AND state = ?")},
        };
        for (const auto &s : statements) {
            if (!s.query.prepare(s.sql)) {
                error = tr("Cannot prepare the job journal %1: %2").arg(fileName, s.query.lastError().text());
                break;
            }
        }
    }

    if (!error.isEmpty()) {
        qCWarning(lcJournal).noquote() << error;
        close();
        return error;
    }
    m_clock = clock ? clock : &systemClock;
    m_owner = QThread::currentThread();
    qCInfo(lcJournal) << "opened journal" << fileName << "schema version" << schemaVersion();
    return {};
}

void JobJournal::close()
{
    if (!d && m_connectionName.isEmpty())
        return;
    // Every query and every copy of the QSqlDatabase handle must be gone before the connection
    // is removed, or Qt warns and keeps it alive.
    if (d)
        d->db.close();
    d.reset();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_owner = nullptr;
    m_clock = nullptr;
}

bool JobJournal::isOpen() const
{
    return d && d->db.isOpen();
}

QString JobJournal::checkUsable() const
{
    if (!isOpen())
        return tr("The job journal is not open.");
    if (QThread::currentThread() != m_owner) {
        return tr("The job journal %1 was opened by another thread; each thread must open its own.")
            .arg(m_path);
    }
    return {};
}

QDateTime JobJournal::now() const
{
    return m_clock->now().toUTC();
}

AddJobResult JobJournal::addJob(const NewJob &newJob)
{
    AddJobResult result;
    if (result.error = checkUsable(); !result.error.isEmpty())
        return result;
    const QString profile = newJob.senderProfile.trimmed();
    const QString hash = newJob.contentHash.trimmed().toLower();
    if (profile.isEmpty()) {
        result.error = tr("A document cannot be recorded without a sender profile.");
        return result;
    }
    if (!isSha256Hex(hash)) {
        result.error =
            tr("“%1” is not a SHA-256 content hash (64 hexadecimal digits).").arg(newJob.contentHash);
        return result;
    }

    JournalTransaction tx(d->db, d->batchDepth);
    if (!tx.isActive()) {
        result.error = tr("Cannot write to the job journal %1: %2").arg(m_path, tx.error());
        return result;
    }
    QSqlQuery &find = d->findByKey;
    find.bindValue(0, profile);
    find.bindValue(1, hash);
    if (!find.exec()) {
        result.error = tr("Cannot read the job journal %1: %2").arg(m_path, find.lastError().text());
        return result;
    }
    if (find.next()) {
        // A re-export or re-print of the same document: report the job we have, write nothing.
        result.jobId = find.value(0).toLongLong();
        result.isDuplicate = true;
        find.finish();
        qCDebug(lcJournal) << "duplicate of job" << result.jobId << "profile" << profile << "hash" << hash;
        return result; // the transaction rolls back; nothing was written
    }
    find.finish();

    Job job;
    job.senderProfile = profile;
    job.contentHash = hash;
    job.source = newJob.source;
    job.originalPath = newJob.originalPath;
    job.spoolPath = newJob.spoolPath;
    job.display = newJob.display;
    const QString stamp = formatTime(now());

    QSqlQuery &ins = d->insertJob;
    ins.bindValue(0, profile);
    ins.bindValue(1, hash);
    ins.bindValue(2, sourceKindName(job.source));
    ins.bindValue(3, nonNull(job.originalPath));
    ins.bindValue(4, nonNull(job.spoolPath));
    ins.bindValue(5, nonNull(job.display.invoiceNumber));
    ins.bindValue(6, nonNull(job.display.sellerName));
    ins.bindValue(7, nonNull(job.display.buyerName));
    ins.bindValue(8, job.display.amount ? QVariant(job.display.amount->toString())
                                        : QVariant(QMetaType::fromType<QString>()));
    ins.bindValue(9, nonNull(job.display.currency));
    ins.bindValue(10, job.display.issueDate.isValid() ? QVariant(job.display.issueDate.toString(Qt::ISODate))
                                                      : QVariant(QMetaType::fromType<QString>()));
    ins.bindValue(11, jobStateName(JobState::Captured));
    ins.bindValue(12, searchTextFor(job));
    ins.bindValue(13, stamp);
    ins.bindValue(14, stamp);
    if (!ins.exec()) {
        result.error =
            tr("Cannot record the document in the job journal %1: %2").arg(m_path, ins.lastError().text());
        return result;
    }
    const qint64 id = ins.lastInsertId().toLongLong();

    QString message = newJob.message;
    if (message.isEmpty()) {
        switch (job.source) {
        case SourceKind::Printer:
            message = tr("Received from the eInvoice printer");
            break;
        case SourceKind::Folder:
            message = tr("Taken from the export folder: %1").arg(QDir::toNativeSeparators(job.originalPath));
            break;
        case SourceKind::Cli:
            message = tr("Added on the command line: %1").arg(QDir::toNativeSeparators(job.originalPath));
            break;
        }
    }
    QSqlQuery &ev = d->insertEvent;
    ev.bindValue(0, id);
    ev.bindValue(1, stamp);
    ev.bindValue(2, jobStateName(JobState::Captured));
    ev.bindValue(3, message);
    if (!ev.exec()) {
        result.error =
            tr("Cannot record the document in the job journal %1: %2").arg(m_path, ev.lastError().text());
        return result;
    }
    if (!tx.commit()) {
        result.error = tr("Cannot record the document in the job journal %1: %2").arg(m_path, tx.error());
        return result;
    }
    notify(id, std::nullopt, message);
    result.jobId = id;
    qCDebug(lcJournal) << "job" << id << "captured, profile" << profile << "hash" << hash;
    return result;
}

// The body of a transition, run inside a transaction the caller owns.
static QString applyTransition(QSqlQuery &select, QSqlQuery &update, QSqlQuery &insertEvent,
                               const QString &path, qint64 jobId, JobState to, const QString &message,
                               const TransitionOptions &options, const QDateTime &now)
{
    select.bindValue(0, jobId);
    if (!select.exec())
        return tr("Cannot read the job journal %1: %2").arg(path, select.lastError().text());
    if (!select.next()) {
        select.finish();
        return tr("There is no job %1 in the job journal %2.").arg(jobId).arg(path);
    }
    Job job = readJob(select);
    select.finish();
    const JobState from = job.state;

    if (options.expectedState && *options.expectedState != from) {
        return tr("Job %1 is “%2” now, not “%3” as expected; it was changed meanwhile. Nothing was changed.")
            .arg(jobId)
            .arg(jobStateName(from), jobStateName(*options.expectedState));
    }
    if (!isTransitionAllowed(from, to)) {
        return tr("Job %1 cannot go from “%2” to “%3”. Nothing was changed.")
            .arg(jobId)
            .arg(jobStateName(from), jobStateName(to));
    }
    if (options.nextRetryAt && options.nextRetryAt->isValid() && to != JobState::Approved) {
        return tr("A retry time can only be set when job %1 goes back to “approved”, not to “%2”.")
            .arg(jobId)
            .arg(jobStateName(to));
    }
    if (options.attempts && *options.attempts < 0)
        return tr("The number of attempts cannot be negative (job %1).").arg(jobId);

    job.state = to;
    if (options.attempts)
        job.attempts = *options.attempts;
    else if (to == JobState::Sending)
        ++job.attempts;
    job.nextRetryAt = options.nextRetryAt ? *options.nextRetryAt : QDateTime();
    if (options.remoteId)
        job.remoteId = *options.remoteId;
    if (options.lastError)
        job.lastError = *options.lastError;
    if (options.display)
        job.display = *options.display;
    if (options.spoolPath)
        job.spoolPath = *options.spoolPath;
    const QString stamp = JobJournal::formatTime(now);

    update.bindValue(0, jobStateName(to));
    update.bindValue(1, job.attempts);
    update.bindValue(2, timeOrNull(job.nextRetryAt));
    update.bindValue(3, nonNull(job.remoteId));
    update.bindValue(4, nonNull(job.lastError));
    update.bindValue(5, nonNull(job.spoolPath));
    update.bindValue(6, nonNull(job.display.invoiceNumber));
    update.bindValue(7, nonNull(job.display.sellerName));
    update.bindValue(8, nonNull(job.display.buyerName));
    update.bindValue(9, job.display.amount ? QVariant(job.display.amount->toString())
                                           : QVariant(QMetaType::fromType<QString>()));
    update.bindValue(10, nonNull(job.display.currency));
    update.bindValue(11, job.display.issueDate.isValid()
                             ? QVariant(job.display.issueDate.toString(Qt::ISODate))
                             : QVariant(QMetaType::fromType<QString>()));
    update.bindValue(12, searchTextFor(job));
    update.bindValue(13, stamp);
    update.bindValue(14, jobId);
    update.bindValue(15, jobStateName(from));
    if (!update.exec())
        return tr("Cannot change job %1 in the job journal %2: %3")
            .arg(jobId)
            .arg(path, update.lastError().text());
    if (update.numRowsAffected() != 1)
        return tr("Job %1 was changed by someone else meanwhile; nothing was changed.").arg(jobId);

    insertEvent.bindValue(0, jobId);
    insertEvent.bindValue(1, stamp);
    insertEvent.bindValue(2, jobStateName(to));
    insertEvent.bindValue(3, nonNull(message));
    if (!insertEvent.exec())
        return tr("Cannot change job %1 in the job journal %2: %3")
            .arg(jobId)
            .arg(path, insertEvent.lastError().text());
    qCDebug(lcJournal) << "job" << jobId << jobStateName(from) << "->" << jobStateName(to);
    return {};
}

QString JobJournal::transition(qint64 jobId, JobState to, const QString &message,
                               const TransitionOptions &options)
{
    if (QString e = checkUsable(); !e.isEmpty())
        return e;
    JournalTransaction tx(d->db, d->batchDepth);
    if (!tx.isActive())
        return tr("Cannot write to the job journal %1: %2").arg(m_path, tx.error());
    std::optional<JobState> from;
    if (m_observer)
        if (const std::optional<Job> before = job(jobId))
            from = before->state;
    const QString error = applyTransition(d->selectJob, d->updateJob, d->insertEvent, m_path, jobId, to,
                                          message, options, now());
    if (!error.isEmpty())
        return error; // rolled back: neither the row nor the event was written
    if (!tx.commit())
        return tr("Cannot change job %1 in the job journal %2: %3").arg(jobId).arg(m_path, tx.error());
    notify(jobId, from, message);
    return {};
}

QString JobJournal::transitionChain(qint64 jobId, const QList<Step> &steps)
{
    if (QString e = checkUsable(); !e.isEmpty())
        return e;
    JournalTransaction tx(d->db, d->batchDepth);
    if (!tx.isActive())
        return tr("Cannot write to the job journal %1: %2").arg(m_path, tx.error());
    std::optional<JobState> from;
    if (m_observer)
        if (const std::optional<Job> before = job(jobId))
            from = before->state;
    const QDateTime stamp = now();
    for (const Step &step : steps) {
        const QString error = applyTransition(d->selectJob, d->updateJob, d->insertEvent, m_path, jobId,
                                              step.to, step.message, step.options, stamp);
        if (!error.isEmpty())
            return error; // rolled back: none of the moves was written
    }
    if (!tx.commit())
        return tr("Cannot change job %1 in the job journal %2: %3").arg(jobId).arg(m_path, tx.error());
    for (const Step &step : steps) {
        notify(jobId, from, step.message, step.to);
        from = step.to;
    }
    return {};
}

void JobJournal::notify(qint64 jobId, std::optional<JobState> from, const QString &message,
                        std::optional<JobState> as)
{
    if (!m_observer)
        return;
    std::optional<Job> now = job(jobId);
    if (!now)
        return;
    if (as)
        now->state = *as; // a chain reports each of its moves
    if (d->batchDepth > 0) {
        d->pendingChanges.push_back({*now, from, message});
        return;
    }
    m_observer(*now, from, message);
}

QString JobJournal::beginBatch(Durability durability)
{
    if (QString e = checkUsable(); !e.isEmpty())
        return e;
    if (d->batchDepth++ > 0)
        return {};
    QSqlQuery q(d->db);
    // SQLite allows the level to change only outside a transaction: set here, reset in endBatch().
    // Only in WAL mode: with a rollback journal (file systems without shared memory) NORMAL can
    // corrupt the file on a power cut, so every batch stays flushed there.
    d->deferredBatch =
        durability == Durability::Deferred && d->wal && q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        const QString error = q.lastError().text();
        d->batchDepth = 0;
        restoreSynchronous();
        return tr("Cannot write to the job journal %1: %2").arg(m_path, error);
    }
    return {};
}

void JobJournal::restoreSynchronous()
{
    if (!std::exchange(d->deferredBatch, false))
        return;
    QSqlQuery q(d->db);
    if (!q.exec(QStringLiteral("PRAGMA synchronous = FULL")))
        qCWarning(lcJournal) << "journal" << m_path
                             << "could not return to synchronous=FULL:" << q.lastError().text();
}

int JobJournal::synchronousLevel() const
{
    if (!isOpen())
        return -1;
    QSqlQuery q(d->db);
    return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt() : -1;
}

QString JobJournal::endBatch()
{
    if (!d || d->batchDepth == 0)
        return {};
    if (--d->batchDepth > 0)
        return {};
    QSqlQuery q(d->db);
    std::vector<Private::Change> changes = std::exchange(d->pendingChanges, {});
    if (q.exec(QStringLiteral("COMMIT"))) {
        restoreSynchronous();
        if (m_observer)
            for (const Private::Change &c : changes)
                m_observer(c.job, c.from, c.message);
        return {};
    }
    const QString error = q.lastError().text();
    QSqlQuery(d->db).exec(QStringLiteral("ROLLBACK"));
    restoreSynchronous();
    return tr("Cannot write to the job journal %1: %2").arg(m_path, error);
}

QString JobJournal::note(qint64 jobId, const QString &message, const std::optional<JobDisplay> &display)
{
    return annotate(jobId, message, display, std::nullopt);
}

QString JobJournal::setBusinessStatus(qint64 jobId, const QString &code, const QString &message)
{
    static const QStringList codes = {QStringLiteral("AB"), QStringLiteral("IP"), QStringLiteral("UQ"),
                                      QStringLiteral("RE"), QStringLiteral("AP"), QStringLiteral("PD")};
    if (!codes.contains(code))
        return tr("\"%1\" is not an invoice response code (AB, IP, UQ, RE, AP, PD).").arg(code);
    if (QString e = annotate(jobId, message, std::nullopt, code); !e.isEmpty())
        return e;
    // Audited like a transition: the buyer's answer is part of the invoice's history.
    if (const std::optional<Job> now = job(jobId))
        notify(jobId, now->state, message);
    return {};
}

QString JobJournal::annotate(qint64 jobId, const QString &message, const std::optional<JobDisplay> &display,
                             const std::optional<QString> &businessStatus)
{
    if (QString e = checkUsable(); !e.isEmpty())
        return e;
    JournalTransaction tx(d->db, d->batchDepth);
    if (!tx.isActive())
        return tr("Cannot write to the job journal %1: %2").arg(m_path, tx.error());
    QString error;
    const std::optional<Job> current = job(jobId, &error);
    if (!current)
        return error;
    const QString stamp = formatTime(now());
    QSqlQuery touch(d->db);
    if (display) {
        Job changed = *current;
        changed.display = *display;
        touch.prepare(
            QStringLiteral("UPDATE jobs SET invoice_number = ?, seller_name = ?, buyer_name = ?, amount = ?, "
                           "currency = ?, issue_date = ?, search_text = ?, updated_at = ? WHERE id = ?"));
        touch.addBindValue(nonNull(display->invoiceNumber));
        touch.addBindValue(nonNull(display->sellerName));
        touch.addBindValue(nonNull(display->buyerName));
        touch.addBindValue(display->amount ? QVariant(display->amount->toString())
                                           : QVariant(QMetaType::fromType<QString>()));
        touch.addBindValue(nonNull(display->currency));
        touch.addBindValue(display->issueDate.isValid() ? QVariant(display->issueDate.toString(Qt::ISODate))
                                                        : QVariant(QMetaType::fromType<QString>()));
        touch.addBindValue(searchTextFor(changed));
    } else if (businessStatus) {
        touch.prepare(QStringLiteral("UPDATE jobs SET business_status = ?, updated_at = ? WHERE id = ?"));
        touch.addBindValue(*businessStatus);
    } else {
        touch.prepare(QStringLiteral("UPDATE jobs SET updated_at = ? WHERE id = ?"));
    }
    touch.addBindValue(stamp);
    touch.addBindValue(jobId);
    if (!touch.exec())
        return tr("Cannot change job %1 in the job journal %2: %3")
            .arg(jobId)
            .arg(m_path, touch.lastError().text());
    QSqlQuery &ev = d->insertEvent;
    ev.bindValue(0, jobId);
    ev.bindValue(1, stamp);
    ev.bindValue(2, jobStateName(current->state));
    ev.bindValue(3, message.isNull() ? QString(QLatin1String("")) : message);
    if (!ev.exec())
        return tr("Cannot change job %1 in the job journal %2: %3")
            .arg(jobId)
            .arg(m_path, ev.lastError().text());
    ev.finish();
    if (!tx.commit())
        return tr("Cannot change job %1 in the job journal %2: %3").arg(jobId).arg(m_path, tx.error());
    return {};
}

std::optional<Job> JobJournal::job(qint64 jobId, QString *error) const
{
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return std::nullopt;
    }
    QSqlQuery &q = d->selectJob;
    q.bindValue(0, jobId);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the job journal %1: %2").arg(m_path, q.lastError().text());
        return std::nullopt;
    }
    std::optional<Job> result;
    if (q.next())
        result = readJob(q);
    else if (error)
        *error = tr("There is no job %1 in the job journal %2.").arg(jobId).arg(m_path);
    q.finish();
    return result;
}

std::optional<Job> JobJournal::jobByContent(const QString &senderProfile, const QString &contentHash,
                                            QString *error) const
{
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return std::nullopt;
    }
    QSqlQuery q(d->db);
    q.prepare(
        QStringLiteral("SELECT %1 FROM jobs WHERE sender_profile = ? AND content_hash = ?").arg(kJobColumns));
    q.addBindValue(senderProfile.trimmed());
    q.addBindValue(contentHash.trimmed().toLower());
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the job journal %1: %2").arg(m_path, q.lastError().text());
        return std::nullopt;
    }
    if (q.next())
        return readJob(q);
    return std::nullopt;
}

// Runs a job SELECT built from trusted SQL text and bound values.
static QList<Job> runJobQuery(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                              const QString &path, QString *error)
{
    QList<Job> list;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    if (ok) {
        for (const QVariant &v : values)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok) {
        if (error)
            *error = tr("Cannot read the job journal %1: %2").arg(path, q.lastError().text());
        return list;
    }
    while (q.next())
        list << readJob(q);
    return list;
}

QList<Job> JobJournal::jobs(const JobQuery &query, QString *error) const
{
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return {};
    }
    QStringList where;
    QVariantList values;
    if (!query.states.isEmpty()) {
        QStringList marks;
        for (JobState s : query.states) {
            marks << QStringLiteral("?");
            values << jobStateName(s);
        }
        where << QStringLiteral("state IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    if (!query.senderProfile.isEmpty()) {
        where << QStringLiteral("sender_profile = ?");
        values << query.senderProfile;
    }
    if (!query.invoiceNumber.isEmpty()) {
        where << QStringLiteral("invoice_number = ?");
        values << query.invoiceNumber;
    }
    const QString needle = foldForSearch(query.search.trimmed());
    if (!needle.isEmpty()) {
        // instr() rather than LIKE: no wildcard escaping, and the text is already folded.
        where << QStringLiteral("instr(search_text, ?) > 0");
        values << needle;
    }
    QString sql = QStringLiteral("SELECT %1 FROM jobs").arg(kJobColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    switch (query.order) {
    case JobOrder::NewestFirst:
        sql += QStringLiteral(" ORDER BY id DESC");
        break;
    case JobOrder::OldestFirst:
        sql += QStringLiteral(" ORDER BY id ASC");
        break;
    case JobOrder::RecentlyUpdatedFirst:
        sql += QStringLiteral(" ORDER BY updated_at DESC, id DESC");
        break;
    }
    sql += QStringLiteral(" LIMIT ? OFFSET ?");
    values << (query.limit > 0 ? query.limit : -1) << qMax(0, query.offset);
    return runJobQuery(d->db, sql, values, m_path, error);
}

QList<JobEvent> JobJournal::events(qint64 jobId, QString *error) const
{
    QList<JobEvent> list;
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return list;
    }
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, job_id, time, state, message FROM events WHERE job_id = ? ORDER BY id"));
    q.addBindValue(jobId);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the job journal %1: %2").arg(m_path, q.lastError().text());
        return list;
    }
    while (q.next()) {
        JobEvent e;
        e.id = q.value(0).toLongLong();
        e.jobId = q.value(1).toLongLong();
        e.time = parseTime(q.value(2).toString());
        e.state = jobStateFromName(q.value(3).toString()).value_or(JobState::Captured);
        e.message = q.value(4).toString();
        list << e;
    }
    return list;
}

QList<Job> JobJournal::jobsDueForRetry(const QDateTime &now, int limit, QString *error) const
{
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return {};
    }
    return runJobQuery(d->db,
                       QStringLiteral("SELECT %1 FROM jobs WHERE state = ? AND next_retry_at IS NOT NULL AND "
                                      "next_retry_at <= ? ORDER BY next_retry_at, id LIMIT ?")
                           .arg(kJobColumns),
                       {jobStateName(JobState::Approved), formatTime(now), limit > 0 ? limit : -1}, m_path,
                       error);
}

QList<Job> JobJournal::jobsDueForSending(const QDateTime &now, int limit, QString *error) const
{
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return {};
    }
    return runJobQuery(d->db,
                       QStringLiteral("SELECT %1 FROM jobs WHERE state = ? AND (next_retry_at IS NULL OR "
                                      "next_retry_at <= ?) ORDER BY id LIMIT ?")
                           .arg(kJobColumns),
                       {jobStateName(JobState::Approved), formatTime(now), limit > 0 ? limit : -1}, m_path,
                       error);
}

QMap<JobState, int> JobJournal::countsByState(QString *error) const
{
    QMap<JobState, int> counts;
    for (JobState s : allJobStates())
        counts.insert(s, 0);
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return counts;
    }
    QSqlQuery q(d->db);
    if (!q.exec(QStringLiteral("SELECT state, count(*) FROM jobs GROUP BY state"))) {
        if (error)
            *error = tr("Cannot read the job journal %1: %2").arg(m_path, q.lastError().text());
        return counts;
    }
    while (q.next()) {
        if (const auto s = jobStateFromName(q.value(0).toString()))
            counts[*s] = q.value(1).toInt();
    }
    return counts;
}

QList<qint64> JobJournal::recoverAfterCrash(QString *error)
{
    QList<qint64> requeued;
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return requeued;
    }
    JournalTransaction tx(d->db, d->batchDepth);
    if (!tx.isActive()) {
        if (error)
            *error = tr("Cannot write to the job journal %1: %2").arg(m_path, tx.error());
        return requeued;
    }
    QList<qint64> inFlight;
    {
        QSqlQuery q(d->db);
        q.prepare(QStringLiteral("SELECT id FROM jobs WHERE state = ? ORDER BY id"));
        q.addBindValue(jobStateName(JobState::Sending));
        if (!q.exec()) {
            if (error)
                *error = tr("Cannot read the job journal %1: %2").arg(m_path, q.lastError().text());
            return requeued;
        }
        while (q.next())
            inFlight << q.value(0).toLongLong();
    }
    const QDateTime at = now();
    const QString message =
        tr("The agent stopped while sending this document, so whether the portal received it is "
           "unknown. It will be sent again with the same idempotency key (its content hash); a "
           "portal that already has it keeps the first copy.");
    // All jobs in one transaction: after a second crash during recovery either all of them or
    // none of them are back in "approved", and the next start simply recovers again.
    for (qint64 id : inFlight) {
        TransitionOptions options;
        options.expectedState = JobState::Sending;
        options.nextRetryAt = at; // due at once
        const QString e = applyTransition(d->selectJob, d->updateJob, d->insertEvent, m_path, id,
                                          JobState::Approved, message, options, at);
        if (!e.isEmpty()) {
            if (error)
                *error = e;
            return {};
        }
    }
    if (!tx.commit()) {
        if (error)
            *error = tr("Cannot write to the job journal %1: %2").arg(m_path, tx.error());
        return {};
    }
    requeued = inFlight;
    if (!requeued.isEmpty())
        qCInfo(lcJournal) << "crash recovery: requeued" << requeued.size() << "job(s) left in sending"
                          << requeued;
    return requeued;
}

QString JobJournal::setting(const QString &key, const QString &defaultValue, QString *error) const
{
    if (QString e = checkUsable(); !e.isEmpty()) {
        if (error)
            *error = e;
        return defaultValue;
    }
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the job journal %1: %2").arg(m_path, q.lastError().text());
        return defaultValue;
    }
    return q.next() ? q.value(0).toString() : defaultValue;
}

QString JobJournal::setSetting(const QString &key, const QString &value)
{
    if (QString e = checkUsable(); !e.isEmpty())
        return e;
    // One statement is its own atomic transaction in SQLite; no explicit BEGIN needed.
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(nonNull(value));
    if (!q.exec())
        return tr("Cannot write to the job journal %1: %2").arg(m_path, q.lastError().text());
    return {};
}

} // namespace einvoice

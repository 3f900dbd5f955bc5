// Tests of the job journal with real SQLite files on disk. Time comes from a ManualClock, so no
// test sleeps; the crash test kills a child process with SIGKILL while it writes.
#include "jobjournal.h"
#include "jobjournal_migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>
#include <cstdio>
#include <gtest/gtest.h>
#include <thread>

using namespace einvoice;

namespace {

QString hashOf(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

NewJob makeJob(const QString &profile, const QByteArray &content, SourceKind source = SourceKind::Folder)
{
    NewJob j;
    j.senderProfile = profile;
    j.contentHash = hashOf(content);
    j.source = source;
    j.originalPath = QStringLiteral("/export/") + QString::fromUtf8(content) + QStringLiteral(".pdf");
    j.spoolPath = QStringLiteral("/spool/") + j.contentHash + QStringLiteral(".pdf");
    return j;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << qPrintable(path);
    ASSERT_EQ(f.write(bytes), bytes.size());
}

// A plain SQLite connection beside the journal's, to look at or tamper with the file.
class RawDb
{
public:
    explicit RawDb(const QString &path) : m_name(QStringLiteral("raw.%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QString exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) ? QString() : q.lastError().text();
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

// Shortest legal route from captured to @p target, by breadth-first search over the rules.
QList<JobState> routeTo(JobState target)
{
    QMap<JobState, QList<JobState>> routes;
    routes.insert(JobState::Captured, {});
    QList<JobState> queue = {JobState::Captured};
    while (!queue.isEmpty()) {
        const JobState s = queue.takeFirst();
        for (JobState next : allowedTransitions(s)) {
            if (!routes.contains(next)) {
                routes.insert(next, routes.value(s) + QList<JobState>{next});
                queue << next;
            }
        }
    }
    return routes.value(target);
}

class JobJournalTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(m_journal.open(dbPath(), &m_clock), QString());
    }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("journal.db")); }

    // Adds a job and walks it to @p state along legal moves; returns its id.
    qint64 jobIn(JobState state, const QByteArray &content)
    {
        const AddJobResult r = m_journal.addJob(makeJob(QStringLiteral("acme"), content));
        EXPECT_TRUE(r.ok()) << qPrintable(r.error);
        for (JobState s : routeTo(state)) {
            const QString e = m_journal.transition(r.jobId, s, QStringLiteral("to ") + jobStateName(s));
            EXPECT_EQ(e, QString()) << qPrintable(e);
        }
        return r.jobId;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock;
    JobJournal m_journal;
};

} // namespace

// --- open, schema, damage -------------------------------------------------------------------

TEST_F(JobJournalTest, CreatesTheFileWithSchemaAndPragmas)
{
    EXPECT_TRUE(m_journal.isOpen());
    EXPECT_TRUE(QFileInfo::exists(dbPath()));
    EXPECT_EQ(JobJournal::schemaVersion(), 2);
    RawDb raw(dbPath());
    ASSERT_TRUE(raw.isOpen());
    EXPECT_EQ(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 2);
    EXPECT_EQ(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    for (const char *table : {"jobs", "events", "settings", "incoming"}) {
        EXPECT_EQ(raw.value(QStringLiteral(
                                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                .arg(QLatin1String(table)))
                      .toInt(),
                  1)
            << table;
    }
}

TEST_F(JobJournalTest, ReopenKeepsEverything)
{
    const qint64 id = jobIn(JobState::Approved, "reopen");
    m_journal.close();
    EXPECT_FALSE(m_journal.isOpen());
    JobJournal again;
    ASSERT_EQ(again.open(dbPath(), &m_clock), QString());
    const auto job = again.job(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->state, JobState::Approved);
    EXPECT_EQ(again.events(id).size(), 1 + routeTo(JobState::Approved).size());
}

TEST_F(JobJournalTest, CreatesMissingFolders)
{
    JobJournal j;
    const QString nested = m_dir.filePath(QStringLiteral("a/b/c/journal.db"));
    ASSERT_EQ(j.open(nested, &m_clock), QString());
    EXPECT_TRUE(QFileInfo::exists(nested));
}

TEST_F(JobJournalTest, OpeningTwiceOrEmptyPathIsAnError)
{
    EXPECT_NE(m_journal.open(dbPath(), &m_clock), QString());
    JobJournal j;
    EXPECT_NE(j.open(QString(), &m_clock), QString());
    EXPECT_FALSE(j.isOpen());
    const AddJobResult r = j.addJob(makeJob(QStringLiteral("acme"), "x"));
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.error.contains(QStringLiteral("not open"))) << qPrintable(r.error);
}

TEST_F(JobJournalTest, MigratesAnEmptyFileAndAVersionZeroDatabase)
{
    const QString emptyFile = m_dir.filePath(QStringLiteral("empty.db"));
    writeFile(emptyFile, {});
    const QString v0 = m_dir.filePath(QStringLiteral("v0.db"));
    {
        RawDb raw(v0);
        ASSERT_TRUE(raw.isOpen());
        ASSERT_EQ(raw.exec(QStringLiteral("PRAGMA user_version = 0")), QString());
    }
    for (const QString &path : {emptyFile, v0}) {
        {
            JobJournal j;
            ASSERT_EQ(j.open(path, &m_clock), QString()) << qPrintable(path);
            EXPECT_TRUE(j.addJob(makeJob(QStringLiteral("acme"), "migrated")).ok());
        }
        RawDb raw(path);
        EXPECT_EQ(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), JobJournal::schemaVersion());
    }
}

TEST_F(JobJournalTest, RefusesADatabaseFromAFutureVersion)
{
    m_journal.close();
    {
        RawDb raw(dbPath());
        ASSERT_EQ(raw.exec(QStringLiteral("PRAGMA user_version = 99")), QString());
    }
    JobJournal j;
    const QString error = j.open(dbPath(), &m_clock);
    EXPECT_FALSE(j.isOpen());
    EXPECT_TRUE(error.contains(QDir::toNativeSeparators(dbPath()))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("newer version"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("99"))) << qPrintable(error);
    RawDb raw(dbPath());
    EXPECT_EQ(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 99)
        << "the file must be left unchanged";
}

TEST_F(JobJournalTest, RefusesSomeoneElsesDatabase)
{
    const QString foreign = m_dir.filePath(QStringLiteral("foreign.db"));
    {
        RawDb raw(foreign);
        ASSERT_EQ(raw.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")), QString());
    }
    JobJournal j;
    const QString error = j.open(foreign, &m_clock);
    EXPECT_TRUE(error.contains(QStringLiteral("not an eInvoice Connector job journal"))) << qPrintable(error);
    RawDb raw(foreign);
    EXPECT_EQ(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'jobs'")).toInt(), 0);
}

TEST_F(JobJournalTest, MigrationsRunInOrderAndAFailedStepChangesNothing)
{
    m_journal.close();
    QList<JournalMigration> history = journalMigrations();
    const int base = JobJournal::schemaVersion();
    history << JournalMigration{base + 1,
                                QStringLiteral("notes"),
                                {QStringLiteral("ALTER TABLE jobs ADD COLUMN note TEXT")}}
            << JournalMigration{base + 2,
                                QStringLiteral("tags"),
                                {QStringLiteral("CREATE TABLE tags (job_id INTEGER, tag TEXT)"),
                                 QStringLiteral("CREATE INDEX tags_by_job ON tags (job_id)")}};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("migrate"));
        db.setDatabaseName(dbPath());
        ASSERT_TRUE(db.open());
        EXPECT_EQ(migrateJournalSchema(db, history, dbPath()), QString());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        EXPECT_EQ(q.value(0).toInt(), base + 2);
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT note FROM jobs")));
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT tag FROM tags")));

        // The next step fails half-way: its first statement must be rolled back with it.
        QList<JournalMigration> broken = history;
        broken << JournalMigration{
            base + 3,
            QStringLiteral("broken"),
            {QStringLiteral("CREATE TABLE half (x)"), QStringLiteral("THIS IS NOT SQL")}};
        const QString error = migrateJournalSchema(db, broken, dbPath());
        EXPECT_TRUE(error.contains(QStringLiteral("schema version %1").arg(base + 3))) << qPrintable(error);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        EXPECT_EQ(q.value(0).toInt(), base + 2);
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half'")) &&
                    q.next());
        EXPECT_EQ(q.value(0).toInt(), 0);

        // A history with a gap is a programming error and is refused before touching anything.
        QList<JournalMigration> gap = history;
        gap << JournalMigration{base + 5, QStringLiteral("gap"), {QStringLiteral("CREATE TABLE gap (x)")}};
        EXPECT_NE(migrateJournalSchema(db, gap, dbPath()), QString());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("migrate"));

    // This build only knows up to `base`, so the migrated file is now "from the future".
    JobJournal j;
    EXPECT_TRUE(j.open(dbPath(), &m_clock).contains(QStringLiteral("newer version")));
}

TEST_F(JobJournalTest, VersionOneJournalIsMigratedWithItsJobsKept)
{
    m_journal.close();
    const QString v1 = m_dir.filePath(QStringLiteral("v1.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(v1);
        ASSERT_TRUE(db.open());
        ASSERT_EQ(migrateJournalSchema(db, journalMigrations().mid(0, 1), v1), QString());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(
            QStringLiteral(
                "INSERT INTO jobs (sender_profile, content_hash, source_kind, state, created_at, updated_at) "
                "VALUES ('acme', '%1', 'folder', 'sent', '2025-01-01T08:00:00.000Z', "
                "'2025-01-01T08:00:00.000Z')")
                .arg(QString(64, QLatin1Char('a')))))
            << q.lastError().text().toStdString();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    JobJournal j;
    ASSERT_EQ(j.open(v1, &m_clock), QString());
    const QList<Job> jobs = j.jobs();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_EQ(jobs[0].state, JobState::Sent);
    EXPECT_EQ(jobs[0].businessStatus, QString());
    EXPECT_EQ(j.setBusinessStatus(jobs[0].id, QStringLiteral("PD"), QStringLiteral("Invoice paid")),
              QString());
    EXPECT_EQ(j.job(jobs[0].id)->businessStatus, QStringLiteral("PD"));
    EXPECT_EQ(j.events(jobs[0].id).last().message, QStringLiteral("Invoice paid"));
    EXPECT_NE(j.setBusinessStatus(jobs[0].id, QStringLiteral("XX"), QStringLiteral("?")), QString());
    EXPECT_EQ(j.job(jobs[0].id)->businessStatus, QStringLiteral("PD"));
}

TEST_F(JobJournalTest, GarbageFileIsReportedAndKept)
{
    m_journal.close();
    const QString path = m_dir.filePath(QStringLiteral("garbage.db"));
    QByteArray garbage(16384, '\0');
    QRandomGenerator rng(42);
    for (char &c : garbage)
        c = char(rng.bounded(256));
    writeFile(path, garbage);

    JobJournal j;
    const QString error = j.open(path, &m_clock);
    EXPECT_FALSE(j.isOpen());
    EXPECT_TRUE(error.contains(QDir::toNativeSeparators(path))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("damaged"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("left as it is"))) << qPrintable(error);
    ASSERT_TRUE(QFileInfo::exists(path));
    EXPECT_EQ(readAll(path), garbage) << "the damaged file must not be changed";
}

TEST_F(JobJournalTest, CorruptPagesAreReportedAndKept)
{
    for (int i = 0; i < 400; ++i)
        ASSERT_TRUE(m_journal.addJob(makeJob(QStringLiteral("acme"), QByteArray::number(i))).ok());
    m_journal.close(); // checkpoints the WAL into the main file
    ASSERT_FALSE(QFileInfo::exists(dbPath() + QStringLiteral("-wal")));
    QByteArray bytes = readAll(dbPath());
    ASSERT_GT(bytes.size(), 4096 * 8);
    // Keep the header page intact so SQLite recognises the file, and break pages in the middle.
    for (int i = 4096 * 2; i < 4096 * 6; ++i)
        bytes[i] = char(0x5a ^ (i & 0xff));
    writeFile(dbPath(), bytes);

    JobJournal j;
    const QString error = j.open(dbPath(), &m_clock);
    EXPECT_FALSE(j.isOpen());
    EXPECT_TRUE(error.contains(QDir::toNativeSeparators(dbPath()))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("damaged"))) << qPrintable(error);
    EXPECT_EQ(readAll(dbPath()), bytes);
}

// --- adding and duplicates ------------------------------------------------------------------

TEST_F(JobJournalTest, AddRecordsTheJobAndOneEvent)
{
    NewJob n = makeJob(QStringLiteral("acme"), "invoice-1", SourceKind::Printer);
    n.display.invoiceNumber = QStringLiteral("INV-001");
    n.display.sellerName = QStringLiteral("Acme GmbH");
    n.display.buyerName = QStringLiteral("Müller & Söhne");
    n.display.amount = Decimal::fromString(QStringLiteral("1234.50"));
    n.display.currency = QStringLiteral("EUR");
    n.display.issueDate = QDate(2025, 3, 31);
    const AddJobResult r = m_journal.addJob(n);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_GT(r.jobId, 0);
    EXPECT_FALSE(r.isDuplicate);

    const auto job = m_journal.job(r.jobId);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->senderProfile, QStringLiteral("acme"));
    EXPECT_EQ(job->contentHash, n.contentHash);
    EXPECT_EQ(job->source, SourceKind::Printer);
    EXPECT_EQ(job->originalPath, n.originalPath);
    EXPECT_EQ(job->spoolPath, n.spoolPath);
    EXPECT_EQ(job->display.invoiceNumber, QStringLiteral("INV-001"));
    EXPECT_EQ(job->display.buyerName, QStringLiteral("Müller & Söhne"));
    ASSERT_TRUE(job->display.amount.has_value());
    EXPECT_EQ(job->display.amount->toString(), QStringLiteral("1234.50")) << "scale is kept";
    EXPECT_EQ(job->display.currency, QStringLiteral("EUR"));
    EXPECT_EQ(job->display.issueDate, QDate(2025, 3, 31));
    EXPECT_EQ(job->state, JobState::Captured);
    EXPECT_EQ(job->attempts, 0);
    EXPECT_FALSE(job->nextRetryAt.isValid());
    EXPECT_EQ(job->createdAt, m_clock.now());
    EXPECT_EQ(job->updatedAt, m_clock.now());

    const QList<JobEvent> events = m_journal.events(r.jobId);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].state, JobState::Captured);
    EXPECT_EQ(events[0].time, m_clock.now());
    EXPECT_FALSE(events[0].message.isEmpty());

    RawDb raw(dbPath());
    EXPECT_EQ(raw.value(QStringLiteral("SELECT amount FROM jobs")).toString(), QStringLiteral("1234.50"));
    EXPECT_EQ(raw.value(QStringLiteral("SELECT typeof(amount) FROM jobs")).toString(),
              QStringLiteral("text"));
    EXPECT_EQ(raw.value(QStringLiteral("SELECT created_at FROM jobs")).toString(),
              QStringLiteral("2025-01-01T00:00:00.000Z"));
}

TEST_F(JobJournalTest, DuplicateContentForTheSameProfileRecordsNothing)
{
    const AddJobResult first = m_journal.addJob(makeJob(QStringLiteral("acme"), "same bytes"));
    ASSERT_TRUE(first.ok());
    m_clock.advanceSecs(60);

    NewJob again = makeJob(QStringLiteral("acme"), "same bytes");
    again.originalPath = QStringLiteral("/export/reprint of the same.pdf");
    const AddJobResult dup = m_journal.addJob(again);
    ASSERT_TRUE(dup.ok()) << qPrintable(dup.error);
    EXPECT_TRUE(dup.isDuplicate);
    EXPECT_EQ(dup.jobId, first.jobId);

    // Upper-case hex is the same hash.
    NewJob upper = makeJob(QStringLiteral("acme"), "same bytes");
    upper.contentHash = upper.contentHash.toUpper();
    const AddJobResult dup2 = m_journal.addJob(upper);
    EXPECT_TRUE(dup2.isDuplicate);
    EXPECT_EQ(dup2.jobId, first.jobId);

    EXPECT_EQ(m_journal.jobs().size(), 1);
    EXPECT_EQ(m_journal.events(first.jobId).size(), 1);
    const auto job = m_journal.job(first.jobId);
    EXPECT_EQ(job->originalPath, makeJob(QStringLiteral("acme"), "same bytes").originalPath);
    EXPECT_EQ(job->updatedAt, job->createdAt);

    // The same content for another legal entity is another invoice.
    const AddJobResult other = m_journal.addJob(makeJob(QStringLiteral("acme-subsidiary"), "same bytes"));
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(other.isDuplicate);
    EXPECT_NE(other.jobId, first.jobId);
    EXPECT_EQ(m_journal.jobs().size(), 2);

    const auto byKey = m_journal.jobByContent(QStringLiteral("acme-subsidiary"), hashOf("same bytes"));
    ASSERT_TRUE(byKey.has_value());
    EXPECT_EQ(byKey->id, other.jobId);
    EXPECT_FALSE(m_journal.jobByContent(QStringLiteral("nobody"), hashOf("same bytes")).has_value());
}

TEST_F(JobJournalTest, AddRefusesBadInput)
{
    NewJob noProfile = makeJob(QStringLiteral("  "), "x");
    EXPECT_FALSE(m_journal.addJob(noProfile).ok());
    NewJob badHash = makeJob(QStringLiteral("acme"), "x");
    badHash.contentHash = QStringLiteral("not-a-hash");
    const AddJobResult r = m_journal.addJob(badHash);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.error.contains(QStringLiteral("SHA-256"))) << qPrintable(r.error);
    badHash.contentHash = QString(64, QLatin1Char('g'));
    EXPECT_FALSE(m_journal.addJob(badHash).ok());
    EXPECT_TRUE(m_journal.jobs().isEmpty());
}

// --- transitions ----------------------------------------------------------------------------

TEST_F(JobJournalTest, EveryLegalTransitionIsAccepted)
{
    int n = 0;
    for (JobState from : allJobStates()) {
        for (JobState to : allowedTransitions(from)) {
            const qint64 id = jobIn(from, QByteArray("legal-") + QByteArray::number(++n));
            const int before = m_journal.events(id).size();
            m_clock.advanceMs(1);
            const QString e = m_journal.transition(id, to, QStringLiteral("step"));
            EXPECT_EQ(e, QString()) << qPrintable(jobStateName(from)) << " -> "
                                    << qPrintable(jobStateName(to));
            const auto job = m_journal.job(id);
            ASSERT_TRUE(job.has_value());
            EXPECT_EQ(job->state, to);
            EXPECT_EQ(job->updatedAt, m_clock.now());
            const QList<JobEvent> events = m_journal.events(id);
            ASSERT_EQ(events.size(), before + 1);
            EXPECT_EQ(events.last().state, to);
            EXPECT_EQ(events.last().message, QStringLiteral("step"));
        }
    }
    EXPECT_GE(n, 20);
}

TEST_F(JobJournalTest, EveryIllegalTransitionIsRefusedAndChangesNothing)
{
    int n = 0;
    for (JobState from : allJobStates()) {
        const qint64 id = jobIn(from, QByteArray("illegal-") + QByteArray::number(++n));
        const auto before = m_journal.job(id);
        const int eventsBefore = m_journal.events(id).size();
        for (JobState to : allJobStates()) {
            if (isTransitionAllowed(from, to))
                continue;
            m_clock.advanceMs(1);
            const QString e = m_journal.transition(id, to, QStringLiteral("must not appear"));
            EXPECT_FALSE(e.isEmpty())
                << qPrintable(jobStateName(from)) << " -> " << qPrintable(jobStateName(to));
            EXPECT_TRUE(e.contains(jobStateName(from)) && e.contains(jobStateName(to))) << qPrintable(e);
        }
        const auto after = m_journal.job(id);
        EXPECT_EQ(after->state, from);
        EXPECT_EQ(after->updatedAt, before->updatedAt);
        EXPECT_EQ(m_journal.events(id).size(), eventsBefore);
    }
    // A few by name, as the bookkeeper would meet them.
    const qint64 sent = jobIn(JobState::Sent, "named");
    EXPECT_NE(m_journal.transition(sent, JobState::Approved, {}), QString());
    EXPECT_NE(m_journal.transition(sent, JobState::Discarded, {}), QString());
    const qint64 fresh = jobIn(JobState::Captured, "named-2");
    EXPECT_NE(m_journal.transition(fresh, JobState::Sending, {}), QString());
    EXPECT_NE(m_journal.transition(fresh, JobState::Captured, {}), QString()) << "staying is no transition";
}

TEST_F(JobJournalTest, StateRulesAndNames)
{
    for (JobState s : allJobStates()) {
        EXPECT_EQ(jobStateFromName(jobStateName(s)), s);
        EXPECT_FALSE(jobStateLabel(s).isEmpty());
        EXPECT_FALSE(isTransitionAllowed(s, s));
        // Every state is reachable from captured.
        EXPECT_TRUE(s == JobState::Captured || !routeTo(s).isEmpty()) << qPrintable(jobStateName(s));
    }
    EXPECT_FALSE(jobStateFromName(QStringLiteral("lost")).has_value());
    const QList<JobState> finals = {JobState::Delivered, JobState::Rejected, JobState::Failed,
                                    JobState::Discarded};
    for (JobState s : allJobStates())
        EXPECT_EQ(isFinalState(s), finals.contains(s)) << qPrintable(jobStateName(s));
    EXPECT_TRUE(allowedTransitions(JobState::Delivered).isEmpty());
    EXPECT_TRUE(allowedTransitions(JobState::Rejected).isEmpty());
    EXPECT_TRUE(allowedTransitions(JobState::Discarded).isEmpty());
    EXPECT_FALSE(isTransitionAllowed(JobState::Sending, JobState::Discarded))
        << "outcome unknown while sending";
}

TEST_F(JobJournalTest, UnknownJobAndStaleExpectationsAreRefused)
{
    const QString e = m_journal.transition(4711, JobState::Read, {});
    EXPECT_TRUE(e.contains(QStringLiteral("4711"))) << qPrintable(e);
    QString error;
    EXPECT_FALSE(m_journal.job(4711, &error).has_value());
    EXPECT_FALSE(error.isEmpty());

    const qint64 id = jobIn(JobState::Ready, "stale");
    TransitionOptions o;
    o.expectedState = JobState::NeedsReview; // the UI still shows an older state
    const QString stale = m_journal.transition(id, JobState::Approved, {}, o);
    EXPECT_TRUE(stale.contains(QStringLiteral("ready"))) << qPrintable(stale);
    EXPECT_EQ(m_journal.job(id)->state, JobState::Ready);
    o.expectedState = JobState::Ready;
    EXPECT_EQ(m_journal.transition(id, JobState::Approved, {}, o), QString());
}

TEST_F(JobJournalTest, TransitionOptionsAreWrittenWithTheState)
{
    const qint64 id = jobIn(JobState::Read, "options");
    TransitionOptions read;
    JobDisplay display;
    display.invoiceNumber = QStringLiteral("R-2025-17");
    display.sellerName = QStringLiteral("Seller SARL");
    display.amount = Decimal::fromString(QStringLiteral("99.90"));
    display.currency = QStringLiteral("EUR");
    read.display = display;
    read.spoolPath = QStringLiteral("/spool/moved.pdf");
    ASSERT_EQ(m_journal.transition(id, JobState::Ready, QStringLiteral("complete"), read), QString());
    ASSERT_EQ(m_journal.transition(id, JobState::Approved, {}), QString());
    auto job = m_journal.job(id);
    EXPECT_EQ(job->display.invoiceNumber, QStringLiteral("R-2025-17"));
    EXPECT_EQ(job->display.amount->toString(), QStringLiteral("99.90"));
    EXPECT_EQ(job->spoolPath, QStringLiteral("/spool/moved.pdf"));

    // Attempts count entries into "sending" by themselves.
    ASSERT_EQ(m_journal.transition(id, JobState::Sending, {}), QString());
    EXPECT_EQ(m_journal.job(id)->attempts, 1);
    TransitionOptions transient;
    transient.lastError = QStringLiteral("portal timeout");
    transient.nextRetryAt = m_clock.now().addSecs(30);
    ASSERT_EQ(m_journal.transition(id, JobState::Approved, QStringLiteral("retry later"), transient),
              QString());
    job = m_journal.job(id);
    EXPECT_EQ(job->lastError, QStringLiteral("portal timeout"));
    EXPECT_EQ(job->nextRetryAt, m_clock.now().addSecs(30));
    ASSERT_EQ(m_journal.transition(id, JobState::Sending, {}), QString());
    job = m_journal.job(id);
    EXPECT_EQ(job->attempts, 2);
    EXPECT_FALSE(job->nextRetryAt.isValid()) << "a retry time does not outlive its wait";

    // A retry time only makes sense when going back to approved.
    TransitionOptions wrong;
    wrong.nextRetryAt = m_clock.now();
    EXPECT_NE(m_journal.transition(id, JobState::Sent, {}, wrong), QString());
    EXPECT_EQ(m_journal.job(id)->state, JobState::Sending);

    TransitionOptions sent;
    sent.remoteId = QStringLiteral("PORTAL-123");
    sent.lastError = QString(QLatin1String(""));
    ASSERT_EQ(m_journal.transition(id, JobState::Sent, QStringLiteral("accepted"), sent), QString());
    job = m_journal.job(id);
    EXPECT_EQ(job->remoteId, QStringLiteral("PORTAL-123"));
    EXPECT_TRUE(job->lastError.isEmpty());
    EXPECT_EQ(job->attempts, 2);

    // A person's retry of a failed job may reset the attempts.
    const qint64 failed = jobIn(JobState::Failed, "failed");
    TransitionOptions reset;
    reset.attempts = 0;
    ASSERT_EQ(m_journal.transition(failed, JobState::Approved, QStringLiteral("retry by user"), reset),
              QString());
    EXPECT_EQ(m_journal.job(failed)->attempts, 0);
    reset.attempts = -1;
    EXPECT_NE(m_journal.transition(failed, JobState::Sending, {}, reset), QString());
}

TEST_F(JobJournalTest, EventsAreAppendedInOrderWithTheClocksTimes)
{
    const QDateTime t0 = m_clock.now();
    const qint64 id = m_journal.addJob(makeJob(QStringLiteral("acme"), "timeline")).jobId;
    const QList<JobState> path = {JobState::Read,    JobState::NeedsReview, JobState::Approved,
                                  JobState::Sending, JobState::Sent,        JobState::Delivered};
    QList<QDateTime> times = {t0};
    for (int i = 0; i < path.size(); ++i) {
        m_clock.advanceMs(1500 + i); // odd steps to see the milliseconds survive
        times << m_clock.now();
        ASSERT_EQ(m_journal.transition(id, path[i], QStringLiteral("step %1").arg(i)), QString());
    }
    // Two events in the same millisecond still keep their order.
    const qint64 other = m_journal.addJob(makeJob(QStringLiteral("acme"), "same-ms")).jobId;
    ASSERT_EQ(m_journal.transition(other, JobState::Read, QStringLiteral("a")), QString());
    ASSERT_EQ(m_journal.transition(other, JobState::Ready, QStringLiteral("b")), QString());

    const QList<JobEvent> events = m_journal.events(id);
    ASSERT_EQ(events.size(), path.size() + 1);
    EXPECT_EQ(events[0].state, JobState::Captured);
    for (int i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i].jobId, id);
        EXPECT_EQ(events[i].time, times[i]) << i;
        EXPECT_EQ(events[i].time.timeSpec(), Qt::UTC);
        if (i > 0) {
            EXPECT_EQ(events[i].state, path[i - 1]);
            EXPECT_EQ(events[i].message, QStringLiteral("step %1").arg(i - 1));
            EXPECT_GT(events[i].id, events[i - 1].id);
        }
    }
    const auto job = m_journal.job(id);
    EXPECT_EQ(job->createdAt, t0);
    EXPECT_EQ(job->updatedAt, times.last());
    const QList<JobEvent> same = m_journal.events(other);
    ASSERT_EQ(same.size(), 3);
    EXPECT_EQ(same[1].message, QStringLiteral("a"));
    EXPECT_EQ(same[2].message, QStringLiteral("b"));
    EXPECT_EQ(same[1].time, same[2].time);
}

TEST_F(JobJournalTest, EventsAreAppendOnlyInTheFileItself)
{
    const qint64 id = jobIn(JobState::Ready, "append-only");
    RawDb raw(dbPath());
    EXPECT_NE(raw.exec(QStringLiteral("UPDATE events SET message = 'rewritten'")), QString());
    EXPECT_NE(raw.exec(QStringLiteral("DELETE FROM events")), QString());
    EXPECT_EQ(m_journal.events(id).size(), 3);
}

TEST_F(JobJournalTest, TimesAreUtcIsoWithMilliseconds)
{
    const QDateTime local(QDate(2025, 7, 1), QTime(14, 30, 5, 7),
                          QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    EXPECT_EQ(JobJournal::formatTime(local), QStringLiteral("2025-07-01T12:30:05.007Z"));
    EXPECT_EQ(JobJournal::parseTime(QStringLiteral("2025-07-01T12:30:05.007Z")), local);
    EXPECT_EQ(JobJournal::parseTime(QStringLiteral("2025-07-01T12:30:05.007Z")).timeSpec(), Qt::UTC);
}

// --- retries and crash recovery -------------------------------------------------------------

TEST_F(JobJournalTest, RetryIsDueExactlyWhenScheduled)
{
    const qint64 waiting = jobIn(JobState::Sending, "retry");
    const qint64 fresh = jobIn(JobState::Approved, "fresh");
    TransitionOptions later;
    later.nextRetryAt = m_clock.now().addSecs(60);
    later.lastError = QStringLiteral("HTTP 503");
    ASSERT_EQ(m_journal.transition(waiting, JobState::Approved, QStringLiteral("retry in 60 s"), later),
              QString());

    EXPECT_TRUE(m_journal.jobsDueForRetry(m_clock.now()).isEmpty());
    QList<Job> sendable = m_journal.jobsDueForSending(m_clock.now());
    ASSERT_EQ(sendable.size(), 1);
    EXPECT_EQ(sendable[0].id, fresh);

    m_clock.advanceSecs(59);
    EXPECT_TRUE(m_journal.jobsDueForRetry(m_clock.now()).isEmpty());
    m_clock.advanceMs(999);
    EXPECT_TRUE(m_journal.jobsDueForRetry(m_clock.now()).isEmpty());
    m_clock.advanceMs(1);
    const QList<Job> due = m_journal.jobsDueForRetry(m_clock.now());
    ASSERT_EQ(due.size(), 1);
    EXPECT_EQ(due[0].id, waiting);
    EXPECT_EQ(due[0].lastError, QStringLiteral("HTTP 503"));
    sendable = m_journal.jobsDueForSending(m_clock.now());
    ASSERT_EQ(sendable.size(), 2);
    EXPECT_EQ(m_journal.jobsDueForSending(m_clock.now(), 1).size(), 1);

    // Earliest retry first.
    const qint64 sooner = jobIn(JobState::Sending, "sooner");
    TransitionOptions soon;
    soon.nextRetryAt = m_clock.now().addSecs(-5);
    ASSERT_EQ(m_journal.transition(sooner, JobState::Approved, {}, soon), QString());
    const QList<Job> ordered = m_journal.jobsDueForRetry(m_clock.now());
    ASSERT_EQ(ordered.size(), 2);
    EXPECT_EQ(ordered[0].id, sooner);

    // Once sent, it is no longer due.
    ASSERT_EQ(m_journal.transition(waiting, JobState::Sending, {}), QString());
    ASSERT_EQ(m_journal.transition(sooner, JobState::Sending, {}), QString());
    EXPECT_TRUE(m_journal.jobsDueForRetry(m_clock.now().addDays(1)).isEmpty());
}

TEST_F(JobJournalTest, RecoveryRequeuesJobsLeftInSending)
{
    const qint64 a = jobIn(JobState::Sending, "in-flight-a");
    const qint64 b = jobIn(JobState::Sending, "in-flight-b");
    const qint64 sent = jobIn(JobState::Sent, "sent");
    const qint64 review = jobIn(JobState::NeedsReview, "review");
    m_journal.close();

    m_clock.advanceSecs(3600); // the machine comes back an hour later
    JobJournal restarted;
    ASSERT_EQ(restarted.open(dbPath(), &m_clock), QString());
    QString error;
    const QList<qint64> requeued = restarted.recoverAfterCrash(&error);
    EXPECT_EQ(error, QString());
    EXPECT_EQ(requeued, (QList<qint64>{a, b}));
    for (qint64 id : {a, b}) {
        const auto job = restarted.job(id);
        EXPECT_EQ(job->state, JobState::Approved);
        EXPECT_EQ(job->attempts, 1) << "the interrupted attempt still counts";
        EXPECT_EQ(job->nextRetryAt, m_clock.now());
        const JobEvent last = restarted.events(id).last();
        EXPECT_EQ(last.state, JobState::Approved);
        EXPECT_EQ(last.time, m_clock.now());
        EXPECT_TRUE(last.message.contains(QStringLiteral("idempotency key"))) << qPrintable(last.message);
    }
    EXPECT_EQ(restarted.job(sent)->state, JobState::Sent);
    EXPECT_EQ(restarted.job(review)->state, JobState::NeedsReview);
    EXPECT_EQ(restarted.jobsDueForSending(m_clock.now()).size(), 2);
    EXPECT_TRUE(restarted.recoverAfterCrash().isEmpty()) << "nothing left to recover";
}

// --- queries --------------------------------------------------------------------------------

TEST_F(JobJournalTest, QueriesFilterSearchOrderAndLimit)
{
    struct Row
    {
        const char *content;
        const char *profile;
        QString seller;
        QString number;
        JobState state;
    };
    const QList<Row> rows = {
        {"q1", "acme", QStringLiteral("MÜLLER GmbH"), QStringLiteral("A-1"), JobState::NeedsReview},
        {"q2", "acme", QStringLiteral("Straße AG"), QStringLiteral("A-2"), JobState::Ready},
        {"q3", "acme", QStringLiteral("Café Noir"), QStringLiteral("B-100%"), JobState::Delivered},
        {"q4", "beta", QStringLiteral("Other Ltd"), QStringLiteral("A-4"), JobState::NeedsReview},
    };
    QList<qint64> ids;
    for (const Row &r : rows) {
        NewJob n = makeJob(QString::fromLatin1(r.profile), r.content);
        n.display.sellerName = r.seller;
        n.display.invoiceNumber = r.number;
        const qint64 id = m_journal.addJob(n).jobId;
        for (JobState s : routeTo(r.state))
            ASSERT_EQ(m_journal.transition(id, s, {}), QString());
        m_clock.advanceSecs(1);
        ids << id;
    }
    auto idsOf = [](const QList<Job> &jobs) {
        QList<qint64> out;
        for (const Job &j : jobs)
            out << j.id;
        return out;
    };
    EXPECT_EQ(idsOf(m_journal.jobs()), (QList<qint64>{ids[3], ids[2], ids[1], ids[0]}));
    JobQuery q;
    q.order = JobOrder::OldestFirst;
    EXPECT_EQ(idsOf(m_journal.jobs(q)), ids);
    q.states = {JobState::NeedsReview};
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[0], ids[3]}));
    q.senderProfile = QStringLiteral("beta");
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[3]}));
    q = {};
    q.states = {JobState::Ready, JobState::Delivered};
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[2], ids[1]}));

    // Unicode-aware, case-insensitive search; NFD input finds NFC text.
    q = {};
    q.search = QStringLiteral("müller");
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[0]}));
    q.search = QStringLiteral("STRASSE"); // case folding maps ß to ss
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[1]}));
    q.search = QStringLiteral("cafe\u0301");
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[2]}));
    q.search = QStringLiteral("100%"); // no wildcard surprises
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[2]}));
    q.search = QStringLiteral("a-");
    EXPECT_EQ(m_journal.jobs(q).size(), 3);
    q.search = hashOf("q4").left(12);
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[3]}));
    q.search = QStringLiteral("nothing like it");
    EXPECT_TRUE(m_journal.jobs(q).isEmpty());

    q = {};
    q.limit = 2;
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[3], ids[2]}));
    q.offset = 2;
    EXPECT_EQ(idsOf(m_journal.jobs(q)), (QList<qint64>{ids[1], ids[0]}));

    // Recently updated first.
    m_clock.advanceSecs(10);
    ASSERT_EQ(m_journal.transition(ids[0], JobState::Approved, {}), QString());
    q = {};
    q.order = JobOrder::RecentlyUpdatedFirst;
    EXPECT_EQ(m_journal.jobs(q).first().id, ids[0]);
}

TEST_F(JobJournalTest, CountsPerState)
{
    jobIn(JobState::Captured, "c1");
    jobIn(JobState::Captured, "c2");
    jobIn(JobState::NeedsReview, "n1");
    jobIn(JobState::Delivered, "d1");
    const QMap<JobState, int> counts = m_journal.countsByState();
    EXPECT_EQ(counts.size(), allJobStates().size());
    EXPECT_EQ(counts.value(JobState::Captured), 2);
    EXPECT_EQ(counts.value(JobState::NeedsReview), 1);
    EXPECT_EQ(counts.value(JobState::Delivered), 1);
    EXPECT_EQ(counts.value(JobState::Sending), 0);
}

TEST_F(JobJournalTest, Settings)
{
    EXPECT_EQ(m_journal.setting(QStringLiteral("last_scan"), QStringLiteral("never")),
              QStringLiteral("never"));
    EXPECT_EQ(m_journal.setSetting(QStringLiteral("last_scan"), QStringLiteral("a")), QString());
    EXPECT_EQ(m_journal.setSetting(QStringLiteral("last_scan"), QStringLiteral("b")), QString());
    EXPECT_EQ(m_journal.setting(QStringLiteral("last_scan")), QStringLiteral("b"));
}

// --- connections and threads ----------------------------------------------------------------

TEST_F(JobJournalTest, SeveralJournalsCoexist)
{
    // A second file, and a second connection to the same file (a reader such as the tray).
    JobJournal other;
    ASSERT_EQ(other.open(m_dir.filePath(QStringLiteral("other.db")), &m_clock), QString());
    JobJournal reader;
    ASSERT_EQ(reader.open(dbPath(), &m_clock), QString());
    const qint64 id = m_journal.addJob(makeJob(QStringLiteral("acme"), "shared")).jobId;
    EXPECT_TRUE(other.jobs().isEmpty());
    ASSERT_TRUE(reader.job(id).has_value()) << "a committed job is visible to other connections";
    // The reader's duplicate check sees the writer's job too.
    const AddJobResult dup = reader.addJob(makeJob(QStringLiteral("acme"), "shared"));
    EXPECT_TRUE(dup.isDuplicate);
    EXPECT_EQ(dup.jobId, id);
}

TEST_F(JobJournalTest, OnlyTheOwningThreadMayUseIt)
{
    const qint64 id = jobIn(JobState::Ready, "thread");
    QString fromOtherThread;
    std::thread t([&] { m_journal.job(id, &fromOtherThread); });
    t.join();
    EXPECT_TRUE(fromOtherThread.contains(QStringLiteral("another thread"))) << qPrintable(fromOtherThread);

    // The supported way: the other thread opens its own journal on the same file.
    QString ownError;
    JobState seen = JobState::Captured;
    std::thread own([&] {
        JobJournal mine;
        ownError = mine.open(dbPath(), &m_clock);
        if (ownError.isEmpty())
            seen = mine.job(id, &ownError).value_or(Job{}).state;
    });
    own.join();
    EXPECT_EQ(ownError, QString());
    EXPECT_EQ(seen, JobState::Ready);
}

// --- crash safety ---------------------------------------------------------------------------

namespace {

const char kCrashDbEnv[] = "EINVOICE_JOURNAL_CRASH_DB";
const char kCrashOutboxEnv[] = "EINVOICE_JOURNAL_CRASH_OUTBOX";
const char kCrashDocsEnv[] = "EINVOICE_JOURNAL_CRASH_DOCS";
const char kStartedMarker[] = "CRASH-CHILD-STARTED";

QByteArray crashDocument(int n)
{
    return "crash-test document " + QByteArray::number(n);
}

// The child's fake transport: writes the e-invoice named after its content hash (idempotent,
// like the folder transport) and logs every physical send.
void fakeSend(const QString &outbox, const Job &job)
{
    QSaveFile out(outbox + QLatin1Char('/') + job.contentHash + QStringLiteral(".xml"));
    if (out.open(QIODevice::WriteOnly)) {
        out.write(job.contentHash.toLatin1());
        out.commit();
    }
    QFile log(outbox + QStringLiteral("/sends.log"));
    if (log.open(QIODevice::WriteOnly | QIODevice::Append))
        log.write(job.contentHash.toLatin1() + '\n');
}

// Checks what must hold after any crash: each job in one state that its timeline explains.
void expectConsistent(const QString &dbPath, const QString &outbox, int docs, int *unfinished)
{
    JobJournal j;
    ManualClock clock;
    const QString error = j.open(dbPath, &clock); // includes PRAGMA integrity_check
    ASSERT_EQ(error, QString());
    QSet<QString> expectedHashes;
    for (int n = 0; n < docs; ++n)
        expectedHashes << hashOf(crashDocument(n));
    const QList<Job> jobs = j.jobs();
    QSet<QString> seen;
    int open = 0;
    for (const Job &job : jobs) {
        EXPECT_TRUE(expectedHashes.contains(job.contentHash));
        EXPECT_FALSE(seen.contains(job.contentHash)) << "one job per document";
        seen << job.contentHash;
        const QList<JobEvent> events = j.events(job.id);
        ASSERT_FALSE(events.isEmpty()) << job.id;
        EXPECT_EQ(events.first().state, JobState::Captured) << job.id;
        int sendingEvents = 0;
        int sentEvents = 0;
        for (int i = 0; i < events.size(); ++i) {
            if (i > 0) {
                EXPECT_TRUE(isTransitionAllowed(events[i - 1].state, events[i].state))
                    << "job " << job.id << ": " << qPrintable(jobStateName(events[i - 1].state)) << " -> "
                    << qPrintable(jobStateName(events[i].state));
            }
            sendingEvents += events[i].state == JobState::Sending ? 1 : 0;
            sentEvents += events[i].state == JobState::Sent ? 1 : 0;
        }
        EXPECT_EQ(events.last().state, job.state) << "job " << job.id << ": row and timeline agree";
        EXPECT_EQ(job.attempts, sendingEvents) << job.id;
        EXPECT_LE(sentEvents, 1) << "job " << job.id << " recorded as sent twice";
        if (job.state == JobState::Sent || job.state == JobState::Delivered) {
            EXPECT_FALSE(job.remoteId.isEmpty());
            EXPECT_TRUE(
                QFileInfo::exists(outbox + QLatin1Char('/') + job.contentHash + QStringLiteral(".xml")));
        }
        open += isFinalState(job.state) ? 0 : 1;
    }
    *unfinished = open + (docs - int(jobs.size()));
}

} // namespace

// Child mode of KillNineRepeatedly: skipped unless the parent test starts it. Plays the engine:
// recovers, takes in every document (re-scanning is idempotent) and drives each to delivered.
// DISABLED_: not a test of its own; only JobJournalCrash.KillNineRepeatedly runs it, as a child.
TEST(JobJournalCrashChild, DISABLED_WriteUntilKilled)
{
    if (qEnvironmentVariableIsEmpty(kCrashDbEnv))
        GTEST_SKIP() << "child process of JobJournalCrash.KillNineRepeatedly";
    const QString dbPath = qEnvironmentVariable(kCrashDbEnv);
    const QString outbox = qEnvironmentVariable(kCrashOutboxEnv);
    const int docs = qEnvironmentVariableIntValue(kCrashDocsEnv);
    SystemClock clock;
    JobJournal j;
    ASSERT_EQ(j.open(dbPath, &clock), QString());
    QString error;
    j.recoverAfterCrash(&error);
    ASSERT_EQ(error, QString());
    std::printf("%s\n", kStartedMarker);
    std::fflush(stdout);

    for (int n = 0; n < docs; ++n) {
        NewJob nj = makeJob(QStringLiteral("acme"), crashDocument(n));
        const AddJobResult added = j.addJob(nj);
        ASSERT_TRUE(added.ok()) << qPrintable(added.error);
        for (;;) {
            const auto job = j.job(added.jobId, &error);
            ASSERT_TRUE(job.has_value()) << qPrintable(error);
            if (job->state == JobState::Delivered)
                break;
            JobState next = job->state;
            TransitionOptions o;
            o.expectedState = job->state;
            switch (job->state) {
            case JobState::Captured:
                next = JobState::Read;
                o.display =
                    JobDisplay{QStringLiteral("INV-%1").arg(n), QStringLiteral("Acme"),
                               QStringLiteral("Buyer"),         Decimal::fromString(QStringLiteral("10.00")),
                               QStringLiteral("EUR"),           QDate(2025, 1, 2)};
                break;
            case JobState::Read:
                next = n % 5 == 0 ? JobState::NeedsReview : JobState::Ready;
                break;
            case JobState::NeedsReview:
            case JobState::Ready:
                next = JobState::Approved;
                break;
            case JobState::Approved:
                next = JobState::Sending;
                break;
            case JobState::Sending:
                fakeSend(outbox, *job);
                if (n % 7 == 0 && job->attempts == 1) { // a transient failure, retried at once
                    next = JobState::Approved;
                    o.nextRetryAt = clock.now();
                    o.lastError = QStringLiteral("simulated timeout");
                } else {
                    next = JobState::Sent;
                    o.remoteId = QStringLiteral("R-") + job->contentHash.left(12);
                }
                break;
            case JobState::Sent:
                next = JobState::Delivered;
                break;
            default:
                FAIL() << "unexpected state " << qPrintable(jobStateName(job->state));
            }
            const QString e = j.transition(added.jobId, next, QStringLiteral("crash test step"), o);
            ASSERT_EQ(e, QString());
        }
    }
}

TEST(JobJournalCrash, KillNineRepeatedly)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("journal.db"));
    const QString outbox = dir.filePath(QStringLiteral("outbox"));
    ASSERT_TRUE(QDir().mkpath(outbox));
    const int docs = 300;
    const QString self = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    ASSERT_FALSE(self.isEmpty());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kCrashDbEnv), dbPath);
    env.insert(QString::fromLatin1(kCrashOutboxEnv), outbox);
    env.insert(QString::fromLatin1(kCrashDocsEnv), QString::number(docs));
    const QStringList args = {QStringLiteral("--gtest_filter=JobJournalCrashChild.DISABLED_WriteUntilKilled"),
                              QStringLiteral("--gtest_also_run_disabled_tests")};

    QRandomGenerator rng(20250101);
    int killsMidway = 0;
    for (int round = 0; round < 8; ++round) {
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(self, args);
        ASSERT_TRUE(child.waitForStarted(10000));
        QByteArray out;
        while (!out.contains(kStartedMarker) && child.state() == QProcess::Running) {
            child.waitForReadyRead(30000);
            out += child.readAllStandardOutput();
        }
        ASSERT_TRUE(out.contains(kStartedMarker)) << out.constData();
        // Let it write for a random while, then kill -9 wherever it happens to be.
        const int delayMs = 20 + int(rng.bounded(250));
        if (!child.waitForFinished(delayMs)) {
            child.kill(); // SIGKILL on Unix
            ASSERT_TRUE(child.waitForFinished(10000));
        }
        int unfinished = 0;
        expectConsistent(dbPath, outbox, docs, &unfinished);
        if (HasFatalFailure())
            return;
        if (unfinished > 0 && unfinished < docs)
            ++killsMidway;
        std::printf("round %d: killed after %d ms, %d of %d documents unfinished\n", round, delayMs,
                    unfinished, docs);
    }
    EXPECT_GE(killsMidway, 3) << "the kills should land while the child writes";

    // Restart once more and let it finish: nothing lost, each document delivered exactly once.
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(self, args);
    ASSERT_TRUE(child.waitForFinished(180000));
    const QByteArray out = child.readAllStandardOutput();
    ASSERT_EQ(child.exitCode(), 0) << out.constData();
    ASSERT_TRUE(out.contains("[  PASSED  ] 1 test")) << out.constData();

    int unfinished = -1;
    expectConsistent(dbPath, outbox, docs, &unfinished);
    EXPECT_EQ(unfinished, 0);
    JobJournal j;
    ASSERT_EQ(j.open(dbPath), QString());
    EXPECT_EQ(j.countsByState().value(JobState::Delivered), docs);
    EXPECT_EQ(j.jobs().size(), docs);
    const QStringList files = QDir(outbox).entryList({QStringLiteral("*.xml")}, QDir::Files);
    EXPECT_EQ(files.size(), docs) << "one e-invoice per distinct document";
    // Physical sends may repeat after a kill (that is what the idempotency key is for), but
    // each repeat is of a known document.
    const QList<QByteArray> sends = readAll(outbox + QStringLiteral("/sends.log")).split('\n');
    QSet<QString> known;
    for (const Job &job : j.jobs())
        known << job.contentHash;
    for (const QByteArray &line : sends) {
        if (!line.isEmpty()) {
            EXPECT_TRUE(known.contains(QString::fromLatin1(line)));
        }
    }
    std::printf("%d physical sends for %d documents (repeats after kills and simulated timeouts)\n",
                int(sends.size()) - 1, docs);
}

TEST_F(JobJournalTest, TheObserverHearsOfABatchsChangesOnlyOnceTheyAreCommitted)
{
    QStringList heard;
    m_journal.setChangeObserver([&](const Job &job, std::optional<JobState> from, const QString &message) {
        heard << QStringLiteral("%1 %2->%3 %4")
                     .arg(job.id)
                     .arg(from ? jobStateName(*from) : QStringLiteral("new"), jobStateName(job.state),
                          message);
    });
    const qint64 a = m_journal.addJob(makeJob(QStringLiteral("acme"), "observed-a")).jobId;
    ASSERT_EQ(heard.size(), 1) << "outside a batch: at once";
    heard.clear();

    ASSERT_EQ(m_journal.beginBatch(), QString());
    const qint64 b = m_journal.addJob(makeJob(QStringLiteral("acme"), "observed-b")).jobId;
    EXPECT_EQ(m_journal.transition(a, JobState::Read, QStringLiteral("read a")), QString());
    EXPECT_NE(m_journal.transition(b, JobState::Sent, QStringLiteral("not allowed")), QString());
    EXPECT_TRUE(heard.isEmpty()) << qPrintable(heard.join(QLatin1Char('\n')));
    ASSERT_EQ(m_journal.endBatch(), QString());
    // In order, each with the job as it was then; the refused step is not among them.
    ASSERT_EQ(heard.size(), 2) << qPrintable(heard.join(QLatin1Char('\n')));
    EXPECT_TRUE(heard[0].startsWith(QStringLiteral("%1 new->captured ").arg(b))) << qPrintable(heard[0]);
    EXPECT_EQ(heard[1], QStringLiteral("%1 captured->read read a").arg(a));

    // A batch that never commits is never heard of.
    heard.clear();
    ASSERT_EQ(m_journal.beginBatch(), QString());
    EXPECT_EQ(m_journal.transition(b, JobState::Read, QStringLiteral("read b")), QString());
    m_journal.close();
    EXPECT_TRUE(heard.isEmpty()) << qPrintable(heard.join(QLatin1Char('\n')));
}

TEST_F(JobJournalTest, ADeferredBatchSkipsOnlyItsOwnFlushAndIsCommittedForEveryReader)
{
    const qint64 a = m_journal.addJob(makeJob(QStringLiteral("acme"), "deferred-a")).jobId;
    EXPECT_EQ(m_journal.synchronousLevel(), 2) << "every commit flushed by default";

    ASSERT_EQ(m_journal.beginBatch(JobJournal::Durability::Deferred), QString());
    EXPECT_EQ(m_journal.synchronousLevel(), 1) << "the deferred batch is not flushed";
    EXPECT_EQ(m_journal.transition(a, JobState::Read, QStringLiteral("read a")), QString());
    ASSERT_EQ(m_journal.beginBatch(), QString()) << "nested: the outer batch decides";
    EXPECT_EQ(m_journal.synchronousLevel(), 1);
    ASSERT_EQ(m_journal.endBatch(), QString());
    ASSERT_EQ(m_journal.endBatch(), QString());
    EXPECT_EQ(m_journal.synchronousLevel(), 2) << "what comes after is flushed again";

    // Committed: another connection (the CLI, the tray) sees it.
    JobJournal other;
    ASSERT_EQ(other.open(dbPath(), &m_clock), QString());
    ASSERT_TRUE(other.job(a).has_value());
    EXPECT_EQ(other.job(a)->state, JobState::Read);

    // A flushed batch stays flushed.
    ASSERT_EQ(m_journal.beginBatch(), QString());
    EXPECT_EQ(m_journal.synchronousLevel(), 2);
    ASSERT_EQ(m_journal.endBatch(), QString());
}

TEST_F(JobJournalTest, ABatchIsOneTransactionWhoseStepsStayAllOrNothing)
{
    const qint64 a = m_journal.addJob(makeJob(QStringLiteral("acme"), "batch-a")).jobId;
    const qint64 b = m_journal.addJob(makeJob(QStringLiteral("acme"), "batch-b")).jobId;
    ASSERT_EQ(m_journal.beginBatch(), QString());
    EXPECT_EQ(m_journal.transition(a, JobState::Read, QStringLiteral("read a")), QString());
    // A refused step inside the batch changes nothing and does not spoil the others.
    EXPECT_NE(m_journal.transition(b, JobState::Sent, QStringLiteral("not allowed")), QString());
    EXPECT_EQ(m_journal.transition(b, JobState::Read, QStringLiteral("read b")), QString());
    {
        // Another connection sees nothing of the batch before it ends.
        JobJournal other;
        ASSERT_EQ(other.open(dbPath(), &m_clock), QString());
        EXPECT_EQ(other.job(a)->state, JobState::Captured);
    }
    EXPECT_EQ(m_journal.endBatch(), QString());
    JobJournal other;
    ASSERT_EQ(other.open(dbPath(), &m_clock), QString());
    EXPECT_EQ(other.job(a)->state, JobState::Read);
    EXPECT_EQ(other.job(b)->state, JobState::Read);
    EXPECT_EQ(other.events(b).size(), 2) << "the refused step left no event";

    // A batch never ended (the process died) leaves nothing behind.
    ASSERT_EQ(m_journal.beginBatch(), QString());
    EXPECT_EQ(m_journal.transition(a, JobState::Ready, QStringLiteral("ready a")), QString());
    m_journal.close();
    EXPECT_EQ(other.job(a)->state, JobState::Read);
}

#include "jobjournal_migrations.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace einvoice {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("JobJournal", text);
}

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().text();
}

// Version 1: jobs, events, settings.
//
// Notes on choices that later versions must keep in mind:
// - Times are TEXT in UTC ISO-8601 with milliseconds: fixed width, so text order is time order
//   and "next_retry_at <= ?" works without date functions.
// - amount is TEXT, not NUMERIC: NUMERIC affinity would turn "1234.50" into a float.
// - state names are listed in a CHECK: a new state needs a migration, which is the point.
// - search_text is a case-folded, NFKC copy of the searchable fields, written by the C++ side,
//   because SQLite's LIKE and lower() fold ASCII only ("Müller" would not find "MÜLLER").
// - AUTOINCREMENT so an id is never reused; the audit log and support bundles refer to ids.
// - events are append-only, enforced by triggers rather than by convention.
JournalMigration version1()
{
    JournalMigration m;
    m.toVersion = 1;
    m.description = QStringLiteral("jobs, events and settings");
    m.statements = {
        QStringLiteral(R"(CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sender_profile TEXT NOT NULL CHECK (sender_profile <> ''),
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('printer', 'folder', 'cli')),
    original_path TEXT NOT NULL DEFAULT '',
    spool_path TEXT NOT NULL DEFAULT '',
    invoice_number TEXT NOT NULL DEFAULT '',
    seller_name TEXT NOT NULL DEFAULT '',
    buyer_name TEXT NOT NULL DEFAULT '',
    amount TEXT,
    currency TEXT NOT NULL DEFAULT '',
    issue_date TEXT,
    state TEXT NOT NULL CHECK (state IN ('captured', 'read', 'needs_review', 'ready', 'approved',
        'sending', 'sent', 'delivered', 'rejected', 'failed', 'discarded')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_retry_at TEXT,
    remote_id TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (sender_profile, content_hash)
))"),
        QStringLiteral("CREATE INDEX jobs_by_state ON jobs (state, next_retry_at)"),
        QStringLiteral("CREATE INDEX jobs_by_update ON jobs (updated_at)"),
        QStringLiteral(R"(CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE RESTRICT,
    time TEXT NOT NULL,
    state TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT ''
))"),
        QStringLiteral("CREATE INDEX events_by_job ON events (job_id, id)"),
        QStringLiteral("CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
                       "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"),
        QStringLiteral("CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
                       "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
    };
    return m;
}
// Version 2: the buyer's business response on sent jobs, and the incoming invoices.
//
// - business_status holds the last Peppol invoice response code the buyer sent (AB, IP, UQ, RE,
//   AP, PD) so the queue can show "paid" without reading the timeline; the timeline keeps the
//   history.
// - incoming has one row per document the portal offered, written once its files are stored:
//   UNIQUE (profile, remote_id) keeps a document stored once however often it is offered again,
//   acknowledged says whether the portal was told, and response* what this user answered.
//   paths is the stored files, one per line (file names never hold a newline: IncomingStore).
// - jobs_by_number: documents looked up by invoice number (reprints, answers over SFTP).
JournalMigration version2()
{
    JournalMigration m;
    m.toVersion = 2;
    m.description = QStringLiteral("business status of sent jobs, incoming invoices");
    m.statements = {
        QStringLiteral("ALTER TABLE jobs ADD COLUMN business_status TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(R"(CREATE TABLE incoming (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    profile TEXT NOT NULL CHECK (profile <> ''),
    remote_id TEXT NOT NULL CHECK (remote_id <> ''),
    seller_name TEXT NOT NULL DEFAULT '',
    seller_endpoint TEXT NOT NULL DEFAULT '',
    invoice_number TEXT NOT NULL DEFAULT '',
    issue_date TEXT,
    amount TEXT,
    currency TEXT NOT NULL DEFAULT '',
    paths TEXT NOT NULL DEFAULT '',
    received_at TEXT,
    stored_at TEXT NOT NULL,
    acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
    response TEXT NOT NULL DEFAULT '' CHECK (response IN ('', 'AB', 'IP', 'UQ', 'RE', 'AP', 'PD')),
    response_note TEXT NOT NULL DEFAULT '',
    responded_at TEXT,
    UNIQUE (profile, remote_id)
))"),
        QStringLiteral("CREATE INDEX incoming_by_time ON incoming (stored_at)"),
        // The reprint check looks every document up by its number: without an index that is a
        // scan of the whole journal per document.
        QStringLiteral("CREATE INDEX jobs_by_number ON jobs (sender_profile, invoice_number)"),
        // The readers take the oldest captured documents first: without (state, id) every call
        // sorts all of them, which is slow when thousands arrive at once.
        QStringLiteral("CREATE INDEX jobs_by_state_id ON jobs (state, id)"),
    };
    return m;
}
} // namespace

const QList<JournalMigration> &journalMigrations()
{
    static const QList<JournalMigration> migrations = {version1(), version2()};
    return migrations;
}

QString migrateJournalSchema(QSqlDatabase &db, const QList<JournalMigration> &migrations,
                             const QString &fileName)
{
    for (int i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).toVersion != i + 1) // a programming error, caught by the tests
            return tr("The job journal's schema history is out of order at version %1.")
                .arg(migrations.at(i).toVersion);
    }
    const int target = migrations.isEmpty() ? 0 : migrations.last().toVersion;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return tr("Cannot read the schema version of the job journal %1: %2").arg(fileName, sqlError(q));
    const int current = q.value(0).toInt();
    q.finish();
    if (current > target) {
        return tr("The job journal %1 was written by a newer version of eInvoice Connector (schema %2; this "
                  "version understands up to %3). Update eInvoice Connector; the file was left unchanged.")
            .arg(fileName)
            .arg(current)
            .arg(target);
    }
    if (current == 0) {
        // An empty file and a fresh database both have version 0 and no tables. Tables at
        // version 0 mean the path points at some other program's database: do not touch it.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' "
                                   "ESCAPE '\\'")) ||
            !q.next())
            return tr("Cannot read the job journal %1: %2").arg(fileName, sqlError(q));
        const int objects = q.value(0).toInt();
        q.finish();
        if (objects > 0) {
            return tr("The file %1 is an SQLite database but not an eInvoice Connector job journal; it was "
                      "left unchanged. Choose another location for the journal.")
                .arg(fileName);
        }
    }
    for (const JournalMigration &m : migrations) {
        if (m.toVersion <= current)
            continue;
        // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once cannot
        // both migrate; the second waits, then sees the new version inside its transaction...
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return tr("Cannot update the job journal %1: %2").arg(fileName, sqlError(q));
        // ...which is why the version is read again here.
        int now = -1;
        if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
            now = q.value(0).toInt();
        q.finish();
        if (now >= m.toVersion) {
            q.exec(QStringLiteral("COMMIT"));
            continue;
        }
        QString failure;
        for (const QString &statement : m.statements) {
            if (!q.exec(statement)) {
                failure = sqlError(q);
                break;
            }
        }
        // PRAGMA takes no bound parameters; the value is an int from our own table.
        if (failure.isEmpty() && !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.toVersion)))
            failure = sqlError(q);
        if (failure.isEmpty() && !q.exec(QStringLiteral("COMMIT")))
            failure = sqlError(q);
        if (!failure.isEmpty()) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return tr("Cannot update the job journal %1 to schema version %2 (%3): %4")
                .arg(fileName)
                .arg(m.toVersion)
                .arg(m.description, failure);
        }
        qCInfo(lcJournal) << "journal" << fileName << "migrated to schema version" << m.toVersion << "-"
                          << m.description;
    }
    return {};
}

} // namespace einvoice

#pragma once
// Internal to the job journal: the schema history and the code that applies it. In a header of
// its own so tests can drive the mechanism with made-up migrations.

#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace einvoice {

Q_DECLARE_LOGGING_CATEGORY(lcJournal)

/// One step of the schema history: the statements that take the database from version
/// toVersion - 1 to toVersion. Released migrations are frozen: never edit one, add the next.
struct JournalMigration
{
    int toVersion = 0;
    QString description;
    QStringList statements;
};

/// The journal's schema history, in order; the last entry is the current version.
const QList<JournalMigration> &journalMigrations();

/// Brings @p db from its PRAGMA user_version to the last version in @p migrations, one
/// transaction per step (user_version is written inside the step's transaction, so a crash
/// leaves the database at the previous or the next version, never in between). Refuses a
/// database newer than the newest migration and a version-0 database that already holds
/// tables (someone else's SQLite file). @p fileName names the file in errors. Returns "" on
/// success.
QString migrateJournalSchema(QSqlDatabase &db, const QList<JournalMigration> &migrations,
                             const QString &fileName);

} // namespace einvoice

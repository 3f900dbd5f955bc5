#include "incomingjournal.h"

#include "jobjournal.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IncomingJournal", text);
}

const QString kColumns = QStringLiteral(
    "id, profile, remote_id, seller_name, seller_endpoint, invoice_number, issue_date, amount, currency, "
    "paths, received_at, stored_at, acknowledged, response, response_note, responded_at");

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

IncomingRecord readRecord(const QSqlQuery &q)
{
    IncomingRecord r;
    r.id = q.value(0).toLongLong();
    r.profile = q.value(1).toString();
    r.remoteId = q.value(2).toString();
    r.sellerName = q.value(3).toString();
    r.sellerEndpoint = q.value(4).toString();
    r.invoiceNumber = q.value(5).toString();
    if (!q.value(6).isNull())
        r.issueDate = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    if (!q.value(7).isNull())
        r.amount = Decimal::parse(q.value(7).toString());
    r.currency = q.value(8).toString();
    r.paths = q.value(9).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!q.value(10).isNull())
        r.receivedAt = JobJournal::parseTime(q.value(10).toString());
    r.storedAt = JobJournal::parseTime(q.value(11).toString());
    r.acknowledged = q.value(12).toInt() != 0;
    r.response = q.value(13).toString();
    r.responseNote = q.value(14).toString();
    if (!q.value(15).isNull())
        r.respondedAt = JobJournal::parseTime(q.value(15).toString());
    return r;
}

} // namespace

qint64 IncomingJournal::record(const IncomingRecord &record, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_journal.connectionName(), false);
    QSqlQuery q(db);
    // INSERT OR IGNORE: a document offered again (the acknowledgement got lost) keeps its row.
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO incoming (profile, remote_id, seller_name, seller_endpoint, invoice_number, "
        "issue_date, amount, currency, paths, received_at, stored_at, acknowledged) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    q.addBindValue(record.profile);
    q.addBindValue(record.remoteId);
    q.addBindValue(nonNull(record.sellerName));
    q.addBindValue(nonNull(record.sellerEndpoint));
    q.addBindValue(nonNull(record.invoiceNumber));
    q.addBindValue(
        textOrNull(record.issueDate.isValid() ? record.issueDate.toString(Qt::ISODate) : QString()));
    q.addBindValue(textOrNull(record.amount ? record.amount->toString() : QString()));
    q.addBindValue(nonNull(record.currency));
    q.addBindValue(record.paths.join(QLatin1Char('\n')));
    q.addBindValue(
        textOrNull(record.receivedAt.isValid() ? JobJournal::formatTime(record.receivedAt) : QString()));
    q.addBindValue(JobJournal::formatTime(record.storedAt));
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot record the incoming invoice %1 in the journal %2: %3")
                         .arg(record.remoteId, m_journal.path(), q.lastError().text());
        return 0;
    }
    const QList<IncomingRecord> found =
        select(QStringLiteral("profile = ? AND remote_id = ?"), {record.profile, record.remoteId}, 1, error);
    return found.isEmpty() ? 0 : found.first().id;
}

bool IncomingJournal::contains(const QString &profile, const QString &remoteId) const
{
    return !select(QStringLiteral("profile = ? AND remote_id = ?"), {profile, remoteId}, 1, nullptr)
                .isEmpty();
}

QSet<QString> IncomingJournal::keys(QString *error) const
{
    QSet<QString> out;
    QSqlQuery q(QSqlDatabase::database(m_journal.connectionName(), false));
    if (!m_journal.isOpen() || !q.exec(QStringLiteral("SELECT profile, remote_id FROM incoming"))) {
        if (error)
            *error = tr("Cannot read the incoming invoices from the journal %1: %2")
                         .arg(m_journal.path(), q.lastError().text());
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString());
    return out;
}

QString IncomingJournal::markAcknowledged(const QString &profile, const QString &remoteId)
{
    QSqlQuery q(QSqlDatabase::database(m_journal.connectionName(), false));
    q.prepare(QStringLiteral("UPDATE incoming SET acknowledged = 1 WHERE profile = ? AND remote_id = ?"));
    q.addBindValue(profile);
    q.addBindValue(remoteId);
    if (!q.exec())
        return tr("Cannot update the incoming invoice %1 in the journal %2: %3")
            .arg(remoteId, m_journal.path(), q.lastError().text());
    return {};
}

QString IncomingJournal::setResponse(qint64 id, const QString &code, const QString &note,
                                     const QDateTime &time)
{
    QSqlQuery q(QSqlDatabase::database(m_journal.connectionName(), false));
    q.prepare(
        QStringLiteral("UPDATE incoming SET response = ?, response_note = ?, responded_at = ? WHERE id = ?"));
    q.addBindValue(code);
    q.addBindValue(nonNull(note));
    q.addBindValue(JobJournal::formatTime(time));
    q.addBindValue(id);
    if (!q.exec())
        return tr("Cannot record the response to incoming invoice %1 in the journal %2: %3")
            .arg(id)
            .arg(m_journal.path(), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return tr("There is no incoming invoice %1 in the journal %2.").arg(id).arg(m_journal.path());
    return {};
}

std::optional<IncomingRecord> IncomingJournal::byId(qint64 id, QString *error) const
{
    const QList<IncomingRecord> found = select(QStringLiteral("id = ?"), {id}, 1, error);
    if (found.isEmpty()) {
        if (error && error->isEmpty())
            *error = tr("There is no incoming invoice %1 in the journal %2.").arg(id).arg(m_journal.path());
        return std::nullopt;
    }
    return found.first();
}

std::optional<IncomingRecord> IncomingJournal::byPath(const QString &path, QString *error) const
{
    // instr on whole lines, not LIKE: a path may hold % or _.
    const QList<IncomingRecord> found =
        select(QStringLiteral("instr(char(10) || paths || char(10), char(10) || ? || char(10)) > 0"), {path},
               1, error);
    if (found.isEmpty()) {
        if (error && error->isEmpty())
            *error = tr("%1 is not an incoming invoice this agent stored.").arg(path);
        return std::nullopt;
    }
    return found.first();
}

QList<IncomingRecord> IncomingJournal::list(int limit, QString *error) const
{
    return select(QString(), {}, limit, error);
}

QList<IncomingRecord> IncomingJournal::select(const QString &where, const QVariantList &values, int limit,
                                              QString *error) const
{
    QList<IncomingRecord> out;
    if (!m_journal.isOpen()) {
        if (error)
            *error = tr("The job journal is not open.");
        return out;
    }
    QSqlQuery q(QSqlDatabase::database(m_journal.connectionName(), false));
    QString sql = QStringLiteral("SELECT %1 FROM incoming").arg(kColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    sql += QStringLiteral(" ORDER BY id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = tr("Cannot read the incoming invoices from the journal %1: %2")
                         .arg(m_journal.path(), q.lastError().text());
        return out;
    }
    while (q.next())
        out << readRecord(q);
    return out;
}

} // namespace einvoice

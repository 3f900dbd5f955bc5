#include "portaldatabase.h"

#include "clock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>
#include <atomic>

Q_LOGGING_CATEGORY(lcPortalDb, "einvoice.portal.db", QtInfoMsg)

namespace einvoice::portal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PortalDatabase", text);
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

const char *kDocumentColumns =
    "d.id, d.sender_id, d.receiver_id, s.name, r.name, d.idempotency_key, d.payload_sha256, d.syntax, "
    "d.document_type, d.invoice_number, d.issue_date, d.seller_name, d.buyer_name, d.seller_endpoint, "
    "d.buyer_endpoint, d.currency, d.payable, d.has_pdf, d.delivery_status, d.business_status, "
    "d.business_note, d.created_at, d.updated_at, d.acknowledged_at, d.change_seq "
    "FROM documents d JOIN accounts s ON s.id = d.sender_id LEFT JOIN accounts r ON r.id = d.receiver_id ";

DocumentRecord readDocument(const QSqlQuery &q)
{
    DocumentRecord d;
    int i = 0;
    d.id = q.value(i++).toString();
    d.senderId = q.value(i++).toLongLong();
    d.receiverId = q.value(i++).toLongLong();
    d.senderAccount = q.value(i++).toString();
    d.receiverAccount = q.value(i++).toString();
    d.idempotencyKey = q.value(i++).toString();
    d.payloadSha256 = q.value(i++).toString();
    d.syntax = q.value(i++).toString();
    d.documentType = q.value(i++).toString();
    d.invoiceNumber = q.value(i++).toString();
    d.issueDate = QDate::fromString(q.value(i++).toString(), Qt::ISODate);
    d.sellerName = q.value(i++).toString();
    d.buyerName = q.value(i++).toString();
    d.sellerEndpoint = q.value(i++).toString();
    d.buyerEndpoint = q.value(i++).toString();
    d.currency = q.value(i++).toString();
    d.payable = q.value(i++).toString();
    d.hasPdf = q.value(i++).toBool();
    d.deliveryStatus = q.value(i++).toString();
    d.businessStatus = q.value(i++).toString();
    d.businessNote = q.value(i++).toString();
    d.createdAt = parseTime(q.value(i++));
    d.updatedAt = parseTime(q.value(i++));
    d.acknowledgedAt = parseTime(q.value(i++));
    d.changeSeq = q.value(i++).toLongLong();
    return d;
}

/// Runs a prepared document query and reads every row.
QList<DocumentRecord> readDocuments(QSqlQuery &q)
{
    QList<DocumentRecord> out;
    if (q.exec())
        while (q.next())
            out.append(readDocument(q));
    else
        qCWarning(lcPortalDb) << "SQL failed:" << q.lastQuery() << q.lastError().text();
    return out;
}

const char *kAccountColumns = "id, name, endpoint, org_number, vat_id, can_receive, rate_requests, "
                              "rate_window, created_at FROM accounts ";

Account readAccount(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.endpoint = q.value(2).toString();
    a.orgNumber = q.value(3).toString();
    a.vatId = q.value(4).toString();
    a.canReceive = q.value(5).toBool();
    a.rateLimit.requests = q.value(6).toInt();
    a.rateLimit.windowSecs = q.value(7).toInt();
    a.createdAt = parseTime(q.value(8));
    return a;
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    qCWarning(lcPortalDb) << "SQL failed:" << q.lastQuery() << q.lastError().text();
    return false;
}

/// Qt binds a null QString as SQL NULL; text columns here are NOT NULL DEFAULT ''.
QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

/// Normalises an electronic address "scheme:id" so lookups ignore case and blanks.
QString normaliseEndpoint(const QString &endpoint)
{
    return endpoint.trimmed().toLower().remove(QLatin1Char(' '));
}

std::atomic<int> g_instanceCounter{0};

} // namespace

PortalDatabase::PortalDatabase(const QString &path, const Clock &clock)
    : m_path(path), m_clock(clock),
      m_connectionPrefix(QStringLiteral("einvoice-portal-%1-").arg(g_instanceCounter.fetch_add(1)))
{
}

PortalDatabase::~PortalDatabase()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name);
    }
}

QSqlDatabase PortalDatabase::connection()
{
    // A serial per thread rather than the thread id: ids are reused after a thread ends, and a
    // connection made by a dead thread must never be handed to a new one.
    static std::atomic<int> threadSerials{0};
    thread_local const int threadSerial = threadSerials.fetch_add(1);
    const QString name = m_connectionPrefix + QString::number(threadSerial);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    // The CLI may add accounts while the server runs: wait for a lock instead of failing.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    return db;
}

bool PortalDatabase::open(QString *error)
{
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = tr("Cannot open the portal database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
        *error =
            tr("The portal database %1 is not a usable SQLite file: %2").arg(m_path, q.lastError().text());
        return false;
    }
    q.finish();
    std::lock_guard<std::mutex> lock(m_writeMutex);
    QString why;
    if (!migrate(db, &why)) {
        *error = tr("Cannot set up the portal database %1: %2").arg(m_path, why);
        return false;
    }
    return true;
}

bool PortalDatabase::migrate(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > 1) {
        *error = tr("the database was written by a newer einvoice-portal (schema %1)").arg(version);
        return false;
    }
    if (version == 1)
        return true;
    const char *statements[] = {
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, "
        "endpoint TEXT NOT NULL UNIQUE, org_number TEXT NOT NULL DEFAULT '', vat_id TEXT NOT NULL DEFAULT "
        "'', "
        "can_receive INTEGER NOT NULL DEFAULT 1, rate_requests INTEGER NOT NULL DEFAULT 0, "
        "rate_window INTEGER NOT NULL DEFAULT 60, created_at TEXT NOT NULL)",
        "CREATE TABLE tokens (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), "
        "token_hash BLOB NOT NULL UNIQUE, created_at TEXT NOT NULL, expires_at TEXT)",
        "CREATE TABLE documents (id TEXT PRIMARY KEY, sender_id INTEGER NOT NULL REFERENCES accounts(id), "
        "receiver_id INTEGER REFERENCES accounts(id), idempotency_key TEXT NOT NULL, payload_sha256 TEXT NOT "
        "NULL, "
        "syntax TEXT NOT NULL, document_type TEXT NOT NULL, invoice_number TEXT NOT NULL, issue_date TEXT, "
        "seller_name TEXT, buyer_name TEXT, seller_endpoint TEXT, buyer_endpoint TEXT, currency TEXT, "
        "payable TEXT, "
        "has_pdf INTEGER NOT NULL DEFAULT 0, delivery_status TEXT NOT NULL, business_status TEXT NOT NULL "
        "DEFAULT '', "
        "business_note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
        "acknowledged_at TEXT, change_seq INTEGER NOT NULL DEFAULT 0, payload BLOB NOT NULL, "
        "UNIQUE (sender_id, idempotency_key))",
        "CREATE INDEX documents_outbound ON documents (sender_id, change_seq)",
        "CREATE INDEX documents_inbox ON documents (receiver_id, acknowledged_at, created_at)",
        "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL "
        "REFERENCES documents(id), kind TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL DEFAULT "
        "'', "
        "at TEXT NOT NULL)",
        "CREATE INDEX events_document ON events (document_id, seq)",
        "PRAGMA user_version = 1",
    };
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    for (const char *sql : statements) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *error = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    q.finish();
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

QByteArray PortalDatabase::hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

QString PortalDatabase::newToken(QSqlDatabase &db, qint64 accountId, QString *error)
{
    // 256 random bits: guessing is hopeless, so the login needs no attempt counter.
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
    const QString token =
        QStringLiteral("eip_") +
        QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO tokens (account_id, token_hash, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(hashToken(token));
    q.addBindValue(isoTime(m_clock.now()));
    if (!exec(q, error))
        return {};
    return token;
}

std::optional<Account> PortalDatabase::addAccount(const Account &account, QString *token, QString *error)
{
    if (account.name.trimmed().isEmpty()) {
        *error = tr("An account needs a name.");
        return std::nullopt;
    }
    const QString endpoint = normaliseEndpoint(account.endpoint);
    const int colon = endpoint.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == endpoint.size() - 1) {
        *error = tr("The electronic address \"%1\" is not SCHEME:ID (e.g. 0007:5567321707).")
                     .arg(account.endpoint);
        return std::nullopt;
    }
    QSqlDatabase db = connection();
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO accounts (name, endpoint, org_number, vat_id, can_receive, rate_requests, "
        "rate_window, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(account.name.trimmed());
    q.addBindValue(endpoint);
    q.addBindValue(nn(account.orgNumber.trimmed()));
    q.addBindValue(nn(account.vatId.trimmed().toUpper()));
    q.addBindValue(account.canReceive ? 1 : 0);
    q.addBindValue(account.rateLimit.requests);
    q.addBindValue(account.rateLimit.windowSecs);
    q.addBindValue(isoTime(m_clock.now()));
    if (!q.exec()) {
        const QString why = q.lastError().text();
        db.rollback();
        if (why.contains(QLatin1String("UNIQUE")))
            *error = tr("An account with the name \"%1\" or the electronic address %2 already exists.")
                         .arg(account.name, endpoint);
        else
            *error = why;
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    *token = newToken(db, id, error);
    if (token->isEmpty() || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    Account created = account;
    created.id = id;
    created.endpoint = endpoint;
    return created;
}

QList<Account> PortalDatabase::accounts()
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kAccountColumns) + QStringLiteral("ORDER BY id"));
    QList<Account> out;
    if (exec(q, nullptr))
        while (q.next())
            out.append(readAccount(q));
    return out;
}

std::optional<Account> PortalDatabase::accountByName(const QString &name)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kAccountColumns) + QStringLiteral("WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (exec(q, nullptr) && q.next())
        return readAccount(q);
    return std::nullopt;
}

std::optional<Account> PortalDatabase::accountById(qint64 id)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kAccountColumns) + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (exec(q, nullptr) && q.next())
        return readAccount(q);
    return std::nullopt;
}

std::optional<Account> PortalDatabase::accountByEndpoint(const QString &endpoint)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kAccountColumns) +
              QStringLiteral("WHERE endpoint = ?"));
    q.addBindValue(normaliseEndpoint(endpoint));
    if (exec(q, nullptr) && q.next())
        return readAccount(q);
    return std::nullopt;
}

std::optional<Account> PortalDatabase::accountForToken(const QString &token)
{
    if (token.isEmpty())
        return std::nullopt;
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT a.id, a.name, a.endpoint, a.org_number, a.vat_id, a.can_receive, "
                             "a.rate_requests, a.rate_window, a.created_at, t.expires_at FROM tokens t "
                             "JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ?"));
    q.addBindValue(hashToken(token));
    if (!exec(q, nullptr) || !q.next())
        return std::nullopt;
    const QDateTime expires = parseTime(q.value(9));
    if (expires.isValid() && expires <= m_clock.now())
        return std::nullopt;
    return readAccount(q);
}

QString PortalDatabase::rotateToken(qint64 accountId, int graceSecs, QString *error)
{
    QSqlDatabase db = connection();
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return {};
    }
    QSqlQuery q(db);
    // Old tokens keep working for the grace period so a client can store the new one first.
    q.prepare(QStringLiteral("UPDATE tokens SET expires_at = ? WHERE account_id = ? AND "
                             "(expires_at IS NULL OR expires_at > ?)"));
    const QDateTime now = m_clock.now();
    q.addBindValue(isoTime(now.addSecs(qMax(0, graceSecs))));
    q.addBindValue(accountId);
    q.addBindValue(isoTime(now.addSecs(qMax(0, graceSecs))));
    if (!exec(q, error)) {
        db.rollback();
        return {};
    }
    const QString token = newToken(db, accountId, error);
    if (token.isEmpty() || !db.commit()) {
        db.rollback();
        return {};
    }
    return token;
}

QList<Account> PortalDatabase::directory(const QString &query)
{
    const QString needle = query.trimmed();
    QList<Account> out;
    if (needle.isEmpty())
        return out;
    QSqlQuery q(connection());
    // Exact identifiers first; a name part only when no identifier matched.
    q.prepare(
        QStringLiteral("SELECT ") + QLatin1String(kAccountColumns) +
        QStringLiteral("WHERE endpoint = ? OR substr(endpoint, instr(endpoint, ':') + 1) = ? OR "
                       "replace(org_number, '-', '') = replace(?, '-', '') OR vat_id = ? ORDER BY name"));
    const QString lower = normaliseEndpoint(needle);
    q.addBindValue(lower);
    q.addBindValue(lower);
    q.addBindValue(needle);
    q.addBindValue(needle.toUpper().remove(QLatin1Char(' ')));
    if (exec(q, nullptr))
        while (q.next())
            out.append(readAccount(q));
    if (!out.isEmpty())
        return out;
    QSqlQuery byName(connection());
    byName.prepare(QStringLiteral("SELECT ") + QLatin1String(kAccountColumns) +
                   QStringLiteral("WHERE instr(lower(name), lower(?)) > 0 ORDER BY name LIMIT 50"));
    byName.addBindValue(needle);
    if (exec(byName, nullptr))
        while (byName.next())
            out.append(readAccount(byName));
    return out;
}

qint64 PortalDatabase::addEvent(QSqlDatabase &db, const QString &documentId, const QString &kind,
                                const QString &status, const QString &message, const QDateTime &time)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO events (document_id, kind, status, message, at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(documentId);
    q.addBindValue(kind);
    q.addBindValue(status);
    q.addBindValue(nn(message));
    q.addBindValue(isoTime(time));
    if (!exec(q, nullptr))
        return -1;
    return q.lastInsertId().toLongLong();
}

StoreResult PortalDatabase::storeDocument(const NewDocument &document)
{
    StoreResult result;
    QSqlDatabase db = connection();
    const DocumentRecord &m = document.meta;
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (!db.transaction()) {
        result.error = db.lastError().text();
        return result;
    }
    auto fail = [&](const QString &why) {
        db.rollback();
        result.error = why;
        return result;
    };
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM documents WHERE sender_id = ? AND idempotency_key = ?"));
    find.addBindValue(document.senderId);
    find.addBindValue(document.idempotencyKey);
    if (!exec(find, &result.error))
        return fail(result.error);
    const bool exists = find.next();
    const QString existing = exists ? find.value(0).toString() : QString();
    find.finish();
    if (exists) {
        db.rollback();
        result.document = this->document(existing);
        result.created = false;
        return result;
    }
    std::optional<Account> receiver;
    if (!m.buyerEndpoint.isEmpty())
        receiver = accountByEndpoint(m.buyerEndpoint);
    const QDateTime now = m_clock.now();
    const QString id = QStringLiteral("doc_") + randomHex(12);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO documents (id, sender_id, receiver_id, idempotency_key, "
                             "payload_sha256, syntax, document_type, "
                             "invoice_number, issue_date, seller_name, buyer_name, seller_endpoint, "
                             "buyer_endpoint, currency, payable, "
                             "has_pdf, delivery_status, created_at, updated_at, payload) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(document.senderId);
    q.addBindValue(receiver && receiver->canReceive ? QVariant(receiver->id)
                                                    : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(document.idempotencyKey);
    q.addBindValue(
        QString::fromLatin1(QCryptographicHash::hash(document.payload, QCryptographicHash::Sha256).toHex()));
    q.addBindValue(m.syntax);
    q.addBindValue(m.documentType);
    q.addBindValue(nn(m.invoiceNumber));
    q.addBindValue(m.issueDate.toString(Qt::ISODate));
    q.addBindValue(m.sellerName);
    q.addBindValue(m.buyerName);
    q.addBindValue(m.sellerEndpoint);
    q.addBindValue(m.buyerEndpoint);
    q.addBindValue(m.currency);
    q.addBindValue(m.payable);
    q.addBindValue(m.hasPdf ? 1 : 0);
    q.addBindValue(isoTime(now));
    q.addBindValue(isoTime(now));
    q.addBindValue(document.payload);
    if (!exec(q, &result.error))
        return fail(result.error);
    if (addEvent(db, id, QStringLiteral("delivery"), QStringLiteral("received"), QString(), now) < 0 ||
        addEvent(db, id, QStringLiteral("delivery"), QStringLiteral("validated"),
                 tr("Valid EN 16931 / Peppol BIS 3 e-invoice."), now) < 0)
        return fail(tr("could not record the status events"));
    QString finalStatus;
    QString message;
    if (receiver && receiver->canReceive) {
        finalStatus = QStringLiteral("delivered");
        message = tr("In the inbox of %1 (%2).").arg(receiver->name, receiver->endpoint);
    } else if (receiver) {
        finalStatus = QStringLiteral("undeliverable");
        message = tr("%1 (%2) does not receive e-invoices through this portal.")
                      .arg(receiver->name, receiver->endpoint);
    } else {
        finalStatus = QStringLiteral("undeliverable");
        message =
            m.buyerEndpoint.isEmpty()
                ? tr("The invoice has no buyer electronic address (BT-49), so it cannot be routed.")
                : tr("No participant with the electronic address %1 is registered.").arg(m.buyerEndpoint);
    }
    const qint64 seq = addEvent(db, id, QStringLiteral("delivery"), finalStatus, message, now);
    if (seq < 0)
        return fail(tr("could not record the status event"));
    QSqlQuery upd(db);
    upd.prepare(QStringLiteral("UPDATE documents SET delivery_status = ?, change_seq = ? WHERE id = ?"));
    upd.addBindValue(finalStatus);
    upd.addBindValue(seq);
    upd.addBindValue(id);
    if (!exec(upd, &result.error))
        return fail(result.error);
    if (!db.commit())
        return fail(db.lastError().text());
    result.document = this->document(id);
    result.created = true;
    return result;
}

std::optional<DocumentRecord> PortalDatabase::document(const QString &id)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kDocumentColumns) + QStringLiteral("WHERE d.id = ?"));
    q.addBindValue(id);
    if (exec(q, nullptr) && q.next())
        return readDocument(q);
    return std::nullopt;
}

std::optional<DocumentRecord> PortalDatabase::documentByKey(qint64 senderId, const QString &idempotencyKey)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kDocumentColumns) +
              QStringLiteral("WHERE d.sender_id = ? AND d.idempotency_key = ?"));
    q.addBindValue(senderId);
    q.addBindValue(idempotencyKey);
    if (exec(q, nullptr) && q.next())
        return readDocument(q);
    return std::nullopt;
}

QByteArray PortalDatabase::payload(const QString &id)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT payload FROM documents WHERE id = ?"));
    q.addBindValue(id);
    if (exec(q, nullptr) && q.next())
        return q.value(0).toByteArray();
    return {};
}

QList<DocumentRecord> PortalDatabase::outboundChanges(qint64 accountId, qint64 afterSeq, int limit)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kDocumentColumns) +
              QStringLiteral("WHERE d.sender_id = ? AND d.change_seq > ? ORDER BY d.change_seq LIMIT ?"));
    q.addBindValue(accountId);
    q.addBindValue(afterSeq);
    q.addBindValue(limit);
    return readDocuments(q);
}

QList<DocumentRecord> PortalDatabase::inbox(qint64 accountId, bool includeAcknowledged, int limit)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kDocumentColumns) +
              QStringLiteral("WHERE d.receiver_id = ? ") +
              (includeAcknowledged ? QString() : QStringLiteral("AND d.acknowledged_at IS NULL ")) +
              QStringLiteral("ORDER BY d.created_at, d.id LIMIT ?"));
    q.addBindValue(accountId);
    q.addBindValue(limit);
    return readDocuments(q);
}

QList<DocumentRecord> PortalDatabase::documentsOf(qint64 accountId, int limit)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(kDocumentColumns) +
              QStringLiteral(
                  "WHERE d.sender_id = ? OR d.receiver_id = ? ORDER BY d.created_at DESC, d.id LIMIT ?"));
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    q.addBindValue(limit);
    return readDocuments(q);
}

QList<DocumentEvent> PortalDatabase::events(const QString &documentId)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral(
        "SELECT seq, kind, status, message, at FROM events WHERE document_id = ? ORDER BY seq"));
    q.addBindValue(documentId);
    QList<DocumentEvent> out;
    if (exec(q, nullptr))
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), parseTime(q.value(4))});
    return out;
}

std::optional<DocumentRecord> PortalDatabase::acknowledge(const QString &documentId, QString *error)
{
    QSqlDatabase db = connection();
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT acknowledged_at FROM documents WHERE id = ?"));
    q.addBindValue(documentId);
    if (!exec(q, error) || !q.next()) {
        db.rollback();
        return std::nullopt;
    }
    const bool firstTime = q.value(0).isNull();
    q.finish();
    if (firstTime) {
        const QDateTime now = m_clock.now();
        const qint64 seq = addEvent(db, documentId, QStringLiteral("delivery"), QStringLiteral("fetched"),
                                    tr("The receiver fetched and acknowledged the document."), now);
        QSqlQuery upd(db);
        upd.prepare(
            QStringLiteral("UPDATE documents SET acknowledged_at = ?, updated_at = ?, delivery_status = "
                           "'fetched', change_seq = ? WHERE id = ?"));
        upd.addBindValue(isoTime(now));
        upd.addBindValue(isoTime(now));
        upd.addBindValue(seq);
        upd.addBindValue(documentId);
        if (seq < 0 || !exec(upd, error) || !db.commit()) {
            db.rollback();
            return std::nullopt;
        }
    } else {
        db.rollback(); // already acknowledged: nothing changes, the answer is the same
    }
    return document(documentId);
}

std::optional<DocumentRecord> PortalDatabase::setBusinessStatus(const QString &documentId,
                                                                const QString &code, const QString &note,
                                                                QString *error)
{
    QSqlDatabase db = connection();
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    const QDateTime now = m_clock.now();
    const qint64 seq = addEvent(db, documentId, QStringLiteral("business"), code, note, now);
    QSqlQuery upd(db);
    upd.prepare(QStringLiteral("UPDATE documents SET business_status = ?, business_note = ?, updated_at = ?, "
                               "change_seq = ? WHERE id = ?"));
    upd.addBindValue(code);
    upd.addBindValue(nn(note));
    upd.addBindValue(isoTime(now));
    upd.addBindValue(seq);
    upd.addBindValue(documentId);
    if (seq < 0 || !exec(upd, error) || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    return document(documentId);
}

} // namespace einvoice::portal

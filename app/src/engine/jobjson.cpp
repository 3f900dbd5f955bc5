#include "jobjson.h"

namespace einvoice::JobJson {

namespace {
QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(JobJournal::formatTime(t)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject job(const Job &j)
{
    QJsonObject o;
    o[QStringLiteral("id")] = j.id;
    o[QStringLiteral("profile")] = j.senderProfile;
    o[QStringLiteral("content_hash")] = j.contentHash;
    o[QStringLiteral("source")] = sourceKindName(j.source);
    o[QStringLiteral("original_path")] = text(j.originalPath);
    o[QStringLiteral("spool_path")] = text(j.spoolPath);
    o[QStringLiteral("state")] = jobStateName(j.state);
    o[QStringLiteral("attempts")] = j.attempts;
    o[QStringLiteral("next_retry_at")] = time(j.nextRetryAt);
    o[QStringLiteral("remote_id")] = text(j.remoteId);
    o[QStringLiteral("last_error")] = text(j.lastError);
    o[QStringLiteral("business_status")] = text(j.businessStatus);
    o[QStringLiteral("created_at")] = time(j.createdAt);
    o[QStringLiteral("updated_at")] = time(j.updatedAt);
    o[QStringLiteral("invoice_number")] = text(j.display.invoiceNumber);
    o[QStringLiteral("seller_name")] = text(j.display.sellerName);
    o[QStringLiteral("buyer_name")] = text(j.display.buyerName);
    o[QStringLiteral("amount")] =
        j.display.amount ? QJsonValue(j.display.amount->toString()) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("currency")] = text(j.display.currency);
    o[QStringLiteral("issue_date")] = j.display.issueDate.isValid()
                                          ? QJsonValue(j.display.issueDate.toString(Qt::ISODate))
                                          : QJsonValue(QJsonValue::Null);
    return o;
}

QJsonObject incoming(const IncomingRecord &r)
{
    QJsonObject o;
    o[QStringLiteral("id")] = r.id;
    o[QStringLiteral("profile")] = r.profile;
    o[QStringLiteral("remote_id")] = r.remoteId;
    o[QStringLiteral("seller_name")] = text(r.sellerName);
    o[QStringLiteral("seller_endpoint")] = text(r.sellerEndpoint);
    o[QStringLiteral("invoice_number")] = text(r.invoiceNumber);
    o[QStringLiteral("issue_date")] =
        r.issueDate.isValid() ? QJsonValue(r.issueDate.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("amount")] = r.amount ? QJsonValue(r.amount->toString()) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("currency")] = text(r.currency);
    o[QStringLiteral("paths")] = QJsonArray::fromStringList(r.paths);
    o[QStringLiteral("received_at")] = time(r.receivedAt);
    o[QStringLiteral("stored_at")] = time(r.storedAt);
    o[QStringLiteral("acknowledged")] = r.acknowledged;
    o[QStringLiteral("response")] = text(r.response);
    o[QStringLiteral("response_note")] = text(r.responseNote);
    o[QStringLiteral("responded_at")] = time(r.respondedAt);
    return o;
}

QJsonObject event(const JobEvent &e)
{
    return QJsonObject{{QStringLiteral("id"), e.id},
                       {QStringLiteral("time"), time(e.time)},
                       {QStringLiteral("state"), jobStateName(e.state)},
                       {QStringLiteral("message"), e.message}};
}

QJsonArray events(const QList<JobEvent> &list)
{
    QJsonArray a;
    for (const JobEvent &e : list)
        a.append(event(e));
    return a;
}

QJsonObject counts(const QMap<JobState, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        o[jobStateName(it.key())] = it.value();
    return o;
}

} // namespace einvoice::JobJson

#pragma once

#include "decimal.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace einvoice {

class JobJournal;

/// One invoice that arrived from the portal and was stored in the incoming folder.
struct IncomingRecord
{
    qint64 id = 0;
    QString profile;  ///< the sender profile (company account) it arrived for
    QString remoteId; ///< the portal's id; with profile, the key
    QString sellerName;
    QString sellerEndpoint; ///< "scheme:id" when the portal says
    QString invoiceNumber;
    QDate issueDate;
    std::optional<Decimal> amount;
    QString currency;
    QStringList paths; ///< the stored files (UBL, CII, PDF as chosen)
    QDateTime receivedAt;
    QDateTime storedAt;
    bool acknowledged = false; ///< the portal was told it is stored
    QString response;          ///< the business response this user sent (AB, IP, UQ, RE, AP, PD) or ""
    QString responseNote;
    QDateTime respondedAt;
};

/// The incoming invoices table kept in the job journal's file (schema version 2): what was
/// stored, whether the portal was told, and what this user answered. A document is recorded once
/// per (profile, remote id), however often the portal offers it.
///
/// Threading and ownership: uses the journal's connection, so only on the journal's thread and
/// only while the journal is open; holds a reference to it and owns nothing. Errors come back as
/// translated text (empty on success).
class IncomingJournal
{
public:
    explicit IncomingJournal(JobJournal &journal) : m_journal(journal) {}

    /// Records a stored document; the existing id when (profile, remoteId) is already there.
    qint64 record(const IncomingRecord &record, QString *error = nullptr);
    /// Whether (profile, remoteId) was recorded (stored here already).
    bool contains(const QString &profile, const QString &remoteId) const;
    /// Every recorded document as "profile/remoteId": what a poll must not store again.
    QSet<QString> keys(QString *error = nullptr) const;
    QString markAcknowledged(const QString &profile, const QString &remoteId);
    /// Stores the response this user sent for record @p id.
    QString setResponse(qint64 id, const QString &code, const QString &note, const QDateTime &time);

    std::optional<IncomingRecord> byId(qint64 id, QString *error = nullptr) const;
    /// The record one of whose stored files is @p path.
    std::optional<IncomingRecord> byPath(const QString &path, QString *error = nullptr) const;
    /// Newest first; @p limit 0 = all.
    QList<IncomingRecord> list(int limit = 0, QString *error = nullptr) const;

private:
    QList<IncomingRecord> select(const QString &where, const QVariantList &values, int limit,
                                 QString *error) const;
    JobJournal &m_journal;
};

} // namespace einvoice

#pragma once

#include "invoice.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <optional>

namespace einvoice {

/// A Peppol BIS Invoice Response 3 (UBL ApplicationResponse): the buyer's business answer about
/// one invoice (AB acknowledged, IP in process, UQ under query, RE rejected, AP accepted, PD paid)
/// travelling back to the seller. Over SFTP, operators carry these as files beside the invoices,
/// so the agent writes one when the user answers an incoming invoice and reads the ones that
/// arrive about the invoices it sent. Plain data plus stateless functions; any thread.
struct InvoiceResponse
{
    QString id; ///< the response's own id
    QDate issueDate;
    QString senderName;        ///< who answers: the buyer
    Identifier senderEndpoint; ///< the buyer's electronic address (scheme = EAS code)
    QString receiverName;      ///< who is answered: the seller
    Identifier receiverEndpoint;
    QString code; ///< UNCL4343 subset: AB, IP, UQ, RE, AP, PD
    QString note; ///< the reason (a rejection or query needs one)
    QString invoiceNumber;
    QDate invoiceIssueDate;
    QString documentTypeCode = QStringLiteral("380"); ///< 380 invoice, 381 credit note

    /// The answer to @p invoice from its buyer.
    static InvoiceResponse about(const Invoice &invoice, const QString &code, const QString &note,
                                 const QDate &today);

    QByteArray toXml() const;
    /// Parses an ApplicationResponse; nullopt with @p error naming @p source and the problem when
    /// it is not XML, not an ApplicationResponse, or has no response code or invoice reference.
    static std::optional<InvoiceResponse> fromXml(const QByteArray &xml, const QString &source,
                                                  QString *error);
};

} // namespace einvoice

#include "extractionresult.h"

#include <QJsonArray>
#include <QJsonValue>

namespace einvoice {

QString fieldSourceName(FieldSource source)
{
    switch (source) {
    case FieldSource::EmbeddedXml:
        return QStringLiteral("embedded_xml");
    case FieldSource::Template:
        return QStringLiteral("template");
    case FieldSource::Label:
        return QStringLiteral("label");
    case FieldSource::Arithmetic:
        return QStringLiteral("arithmetic");
    case FieldSource::Profile:
        return QStringLiteral("profile");
    case FieldSource::User:
        return QStringLiteral("user");
    }
    return QStringLiteral("unknown");
}

QStringList ExtractionResult::fieldNames()
{
    return {QStringLiteral("invoice_number"),
            QStringLiteral("issue_date"),
            QStringLiteral("due_date"),
            QStringLiteral("currency"),
            QStringLiteral("seller_name"),
            QStringLiteral("seller_vat_id"),
            QStringLiteral("seller_org_id"),
            QStringLiteral("buyer_name"),
            QStringLiteral("buyer_vat_id"),
            QStringLiteral("buyer_reference"),
            QStringLiteral("order_reference"),
            QStringLiteral("iban"),
            QStringLiteral("total_without_vat"),
            QStringLiteral("vat_total"),
            QStringLiteral("total_with_vat"),
            QStringLiteral("amount_due"),
            QStringLiteral("line_count"),
            QStringLiteral("vat_breakdown"),
            QStringLiteral("lines")};
}

namespace {

QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue amount(const OptDecimal &d)
{
    return d ? QJsonValue(d->toString()) : QJsonValue(QJsonValue::Null);
}

/// BT-131 is mandatory in EN 16931, but ZUGFeRD 1.0 BASIC lines may omit it; the reader marks
/// such lines so an amount the document never stated is not reported as read.
QJsonValue lineAmount(const InvoiceLine &line)
{
    return line.netAmountMissing ? QJsonValue(QJsonValue::Null) : QJsonValue(line.netAmount.toString());
}

} // namespace

QJsonObject ExtractionResult::fieldsJson() const
{
    const Invoice &inv = invoice;
    // BT-109, BT-112 and BT-115 are mandatory in the model (plain Decimal), so "absent" cannot
    // be told from the value. A zero there means "not read" when nothing at all was read (no
    // number, no breakdown, no lines), or when a reader recorded evidence for other fields but
    // none for this one; an embedded e-invoice that says 0.00 keeps its zero.
    const bool blank =
        inv.number.isEmpty() && inv.vatBreakdown.isEmpty() && inv.lines.isEmpty() && !inv.issueDate.isValid();
    auto mandatory = [&](const QString &field, const Decimal &value) -> QJsonValue {
        if (value.isZero() && (blank || (!evidence.isEmpty() && !evidence.contains(field))))
            return QJsonValue(QJsonValue::Null);
        return value.toString();
    };

    QString iban;
    for (const PaymentMeans &pm : inv.paymentMeans) {
        for (const CreditTransfer &ct : pm.creditTransfers) {
            if (!ct.accountId.isEmpty()) {
                iban = ct.accountId;
                break;
            }
        }
        if (!iban.isEmpty())
            break;
    }

    QJsonObject f;
    f.insert(QStringLiteral("invoice_number"), text(inv.number));
    f.insert(QStringLiteral("issue_date"), date(inv.issueDate));
    f.insert(QStringLiteral("due_date"), date(inv.dueDate));
    f.insert(QStringLiteral("currency"), text(inv.currency));
    f.insert(QStringLiteral("seller_name"), text(inv.seller.name));
    f.insert(QStringLiteral("seller_vat_id"), text(inv.seller.vatId));
    f.insert(QStringLiteral("seller_org_id"), text(inv.seller.legalRegistration.id));
    f.insert(QStringLiteral("buyer_name"), text(inv.buyer.name));
    f.insert(QStringLiteral("buyer_vat_id"), text(inv.buyer.vatId));
    f.insert(QStringLiteral("buyer_reference"), text(inv.buyerReference));
    f.insert(QStringLiteral("order_reference"), text(inv.orderReference));
    f.insert(QStringLiteral("iban"), text(iban));
    f.insert(QStringLiteral("total_without_vat"),
             mandatory(QStringLiteral("total_without_vat"), inv.totals.taxExclusive));
    f.insert(QStringLiteral("vat_total"), amount(inv.totals.vatTotal));
    f.insert(QStringLiteral("total_with_vat"),
             mandatory(QStringLiteral("total_with_vat"), inv.totals.taxInclusive));
    f.insert(QStringLiteral("amount_due"), mandatory(QStringLiteral("amount_due"), inv.totals.payable));

    // MINIMUM and BASIC WL carry no lines by design: no lines is "unknown", not zero. Lines a
    // reader made up to keep the e-invoice whole (one per VAT rate, low confidence) were not
    // read from the document either.
    const auto linesEvidence = evidence.constFind(QStringLiteral("lines"));
    const bool linesRead = !inv.lines.isEmpty() && (linesEvidence == evidence.constEnd() ||
                                                    linesEvidence->confidence >= kMadeUpLines);
    if (!linesRead) {
        f.insert(QStringLiteral("line_count"), QJsonValue(QJsonValue::Null));
    } else {
        f.insert(QStringLiteral("line_count"), int(inv.lines.size()));
    }

    if (inv.vatBreakdown.isEmpty()) {
        f.insert(QStringLiteral("vat_breakdown"), QJsonValue(QJsonValue::Null));
    } else {
        QJsonArray breakdown;
        for (const VatBreakdown &vb : inv.vatBreakdown) {
            breakdown.append(QJsonObject{{QStringLiteral("rate"), amount(vb.rate)},
                                         {QStringLiteral("taxable"), vb.taxableAmount.toString()},
                                         {QStringLiteral("tax"), vb.taxAmount.toString()}});
        }
        f.insert(QStringLiteral("vat_breakdown"), breakdown);
    }

    if (!linesRead) {
        f.insert(QStringLiteral("lines"), QJsonValue(QJsonValue::Null));
    } else {
        QJsonArray lines;
        for (const InvoiceLine &line : inv.lines) {
            lines.append(QJsonObject{{QStringLiteral("description"), text(line.itemName)},
                                     {QStringLiteral("quantity"), line.quantity.toString()},
                                     {QStringLiteral("net_amount"), lineAmount(line)}});
        }
        f.insert(QStringLiteral("lines"), lines);
    }
    return f;
}

QJsonObject ExtractionResult::toJson() const
{
    QJsonObject out;
    out.insert(QStringLiteral("file"), path);
    out.insert(QStringLiteral("fields"), fieldsJson());
    out.insert(QStringLiteral("ready"), ready);

    QJsonObject confidence;
    QJsonObject source;
    for (auto it = evidence.constBegin(); it != evidence.constEnd(); ++it) {
        confidence.insert(it.key(), it->confidence);
        source.insert(it.key(), fieldSourceName(it->source));
    }
    out.insert(QStringLiteral("confidence"), confidence);
    out.insert(QStringLiteral("source"), source);
    out.insert(QStringLiteral("review_reasons"), QJsonArray::fromStringList(reviewReasons));
    if (fromEmbeddedXml) {
        out.insert(QStringLiteral("embedded"),
                   QJsonObject{{QStringLiteral("file"), embeddedFileName},
                               {QStringLiteral("syntax"), syntaxName(embeddedSyntax)}});
    } else {
        out.insert(QStringLiteral("embedded"), QJsonValue(QJsonValue::Null));
    }
    return out;
}

} // namespace einvoice

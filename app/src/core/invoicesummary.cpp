#include "invoicesummary.h"

#include <QCoreApplication>
#include <QStringList>

namespace einvoice {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("InvoiceSummary", text);
}

QString date(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : tr("-");
}

QString amount(const Decimal &value, const QString &currency)
{
    return currency.isEmpty() ? value.toString() : value.toString() + QLatin1Char(' ') + currency;
}

QString partyBlock(const QString &role, const Party &p)
{
    QStringList out;
    out << QStringLiteral("%1: %2").arg(role, p.name.isEmpty() ? tr("(no name)") : p.name);
    QStringList ids;
    if (!p.vatId.isEmpty())
        ids << tr("VAT %1").arg(p.vatId);
    if (!p.legalRegistration.isEmpty())
        ids << tr("reg. %1").arg(p.legalRegistration.id);
    if (!p.electronicAddress.isEmpty())
        ids << tr("address %1:%2").arg(p.electronicAddress.scheme, p.electronicAddress.id);
    if (!ids.isEmpty())
        out << QStringLiteral("    ") + ids.join(QStringLiteral(", "));
    QStringList addr;
    for (const QString &part :
         {p.address.line1, p.address.line2, p.address.postCode + QLatin1Char(' ') + p.address.city,
          p.address.countryCode})
        if (!part.trimmed().isEmpty())
            addr << part.trimmed();
    if (!addr.isEmpty())
        out << QStringLiteral("    ") + addr.join(QStringLiteral(", "));
    return out.join(QLatin1Char('\n'));
}
} // namespace

QString InvoiceSummary::typeName(const QString &code)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("380"), QT_TRANSLATE_NOOP("InvoiceSummary", "Commercial invoice")},
        {QStringLiteral("381"), QT_TRANSLATE_NOOP("InvoiceSummary", "Credit note")},
        {QStringLiteral("383"), QT_TRANSLATE_NOOP("InvoiceSummary", "Debit note")},
        {QStringLiteral("384"), QT_TRANSLATE_NOOP("InvoiceSummary", "Corrected invoice")},
        {QStringLiteral("386"), QT_TRANSLATE_NOOP("InvoiceSummary", "Prepayment invoice")},
        {QStringLiteral("389"), QT_TRANSLATE_NOOP("InvoiceSummary", "Self-billed invoice")},
        {QStringLiteral("326"), QT_TRANSLATE_NOOP("InvoiceSummary", "Partial invoice")},
        {QStringLiteral("751"), QT_TRANSLATE_NOOP("InvoiceSummary", "Invoice information for accounting")},
        {QStringLiteral("875"), QT_TRANSLATE_NOOP("InvoiceSummary", "Partial construction invoice")},
        {QStringLiteral("877"), QT_TRANSLATE_NOOP("InvoiceSummary", "Final construction invoice")},
    };
    const auto it = names.constFind(code);
    return it == names.constEnd() ? tr("Document type %1").arg(code) : tr(it.value());
}

QString InvoiceSummary::oneLine(const Invoice &inv)
{
    return QStringLiteral("%1 %2 %3 %4 -> %5 %6")
        .arg(typeName(inv.typeCode), inv.number, date(inv.issueDate), inv.seller.name, inv.buyer.name,
             amount(inv.totals.payable, inv.currency));
}

QString InvoiceSummary::toText(const Invoice &inv)
{
    QStringList out;
    out << QStringLiteral("%1 %2").arg(typeName(inv.typeCode), inv.number);
    out << tr("Issued %1, due %2, currency %3").arg(date(inv.issueDate), date(inv.dueDate), inv.currency);
    QStringList refs;
    if (!inv.buyerReference.isEmpty())
        refs << tr("buyer reference %1").arg(inv.buyerReference);
    if (!inv.orderReference.isEmpty())
        refs << tr("order %1").arg(inv.orderReference);
    if (!inv.contractReference.isEmpty())
        refs << tr("contract %1").arg(inv.contractReference);
    if (!inv.projectReference.isEmpty())
        refs << tr("project %1").arg(inv.projectReference);
    for (const PrecedingInvoice &p : inv.precedingInvoices)
        refs << tr("corrects invoice %1").arg(p.number);
    if (!refs.isEmpty())
        out << refs.join(QStringLiteral(", "));
    out << QString();
    out << partyBlock(tr("Seller"), inv.seller);
    out << partyBlock(tr("Buyer"), inv.buyer);
    if (!inv.payee.isEmpty())
        out << partyBlock(tr("Payee"), inv.payee);
    out << QString();
    out << tr("Lines (%1):").arg(inv.lines.size());
    for (const InvoiceLine &l : inv.lines) {
        const QString vat =
            l.vatRate ? QStringLiteral("%1 %2%").arg(l.vatCategory, l.vatRate->toString()) : l.vatCategory;
        out << QStringLiteral("  %1. %2  %3 %4 x %5 = %6  [%7]")
                   .arg(l.id, l.itemName, l.quantity.toString(), l.unitCode, l.netPrice.toString(),
                        l.netAmount.toString(), vat);
    }
    for (const AllowanceCharge &ac : inv.allowanceCharges)
        out << QStringLiteral("  %1: %2 %3")
                   .arg(ac.isCharge ? tr("Charge") : tr("Allowance"),
                        ac.reason.isEmpty() ? ac.reasonCode : ac.reason, ac.amount.toString());
    out << QString();
    out << tr("VAT breakdown:");
    for (const VatBreakdown &v : inv.vatBreakdown)
        out << tr("  %1 %2: %3 of %4%5")
                   .arg(v.category, v.rate ? v.rate->toString() + QLatin1Char('%') : QString(),
                        v.taxAmount.toString(), v.taxableAmount.toString(),
                        v.exemptionReason.isEmpty() && v.exemptionReasonCode.isEmpty()
                            ? QString()
                            : QStringLiteral(" (%1)").arg(v.exemptionReason.isEmpty() ? v.exemptionReasonCode
                                                                                      : v.exemptionReason));
    out << tr("Total without VAT: %1").arg(amount(inv.totals.taxExclusive, inv.currency));
    out << tr("VAT:               %1").arg(amount(inv.totals.vatTotal.value_or(Decimal()), inv.currency));
    out << tr("Total with VAT:    %1").arg(amount(inv.totals.taxInclusive, inv.currency));
    if (inv.totals.prepaid)
        out << tr("Paid:              %1").arg(amount(*inv.totals.prepaid, inv.currency));
    out << tr("Amount due:        %1").arg(amount(inv.totals.payable, inv.currency));
    for (const PaymentMeans &pm : inv.paymentMeans) {
        QStringList parts;
        parts << tr("Payment means %1").arg(pm.typeCode);
        for (const CreditTransfer &ct : pm.creditTransfers)
            parts << tr("account %1").arg(ct.accountId) +
                         (ct.bic.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(ct.bic));
        if (!pm.remittanceInfo.isEmpty())
            parts << tr("reference %1").arg(pm.remittanceInfo);
        out << parts.join(QStringLiteral(", "));
    }
    if (!inv.paymentTerms.isEmpty())
        out << tr("Terms: %1").arg(inv.paymentTerms);
    for (const Attachment &a : inv.attachments)
        out << tr("Attachment: %1 %2 (%3 bytes)")
                   .arg(a.filename.isEmpty() ? a.id : a.filename, a.mimeCode)
                   .arg(a.content.size());
    return out.join(QLatin1Char('\n'));
}

} // namespace einvoice

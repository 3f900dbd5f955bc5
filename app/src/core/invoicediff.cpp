#include "invoicediff.h"

#include <QCryptographicHash>

namespace einvoice {

namespace {

QString show(const QString &s)
{
    return s;
}

QString show(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString show(const Decimal &d)
{
    return d.toString();
}

QString show(const OptDecimal &d)
{
    return d ? d->toString() : QString();
}

QString show(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QString show(const Identifier &id)
{
    return id.scheme.isEmpty() ? id.id : QStringLiteral("%1 [%2]").arg(id.id, id.scheme);
}

// Decimals are equal by value: the scale is a presentation detail of the document.
bool same(const OptDecimal &a, const OptDecimal &b)
{
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

template <typename T> bool same(const T &a, const T &b)
{
    return a == b;
}

class Differ
{
public:
    QStringList out;

    template <typename T> void field(const QString &prefix, const char *term, const T &a, const T &b)
    {
        if (!same(a, b))
            out << QStringLiteral("%1%2: '%3' != '%4'").arg(prefix, QLatin1String(term), show(a), show(b));
    }
    /// Compares list sizes; returns the number of entries both have, for element-wise comparison.
    template <typename T>
    int count(const QString &prefix, const char *term, const QList<T> &a, const QList<T> &b)
    {
        if (a.size() != b.size())
            out << QStringLiteral("%1%2 count: '%3' != '%4'")
                       .arg(prefix, QLatin1String(term))
                       .arg(a.size())
                       .arg(b.size());
        return int(std::min(a.size(), b.size()));
    }

    struct AddressTerms
    {
        const char *line1, *line2, *line3, *city, *postCode, *subdivision, *country;
    };
    struct PartyTerms
    {
        const char *name, *tradingName, *identifier, *legal, *vat, *taxRegistration, *legalInfo, *endpoint;
        AddressTerms address;
        const char *contactName, *phone, *email;
    };

    void address(const QString &p, const AddressTerms &t, const Address &a, const Address &b)
    {
        field(p, t.line1, a.line1, b.line1);
        field(p, t.line2, a.line2, b.line2);
        field(p, t.line3, a.line3, b.line3);
        field(p, t.city, a.city, b.city);
        field(p, t.postCode, a.postCode, b.postCode);
        field(p, t.subdivision, a.subdivision, b.subdivision);
        field(p, t.country, a.countryCode, b.countryCode);
    }

    void party(const QString &p, const PartyTerms &t, const Party &a, const Party &b)
    {
        field(p, t.name, a.name, b.name);
        field(p, t.tradingName, a.tradingName, b.tradingName);
        const int n = count(p, t.identifier, a.identifiers, b.identifiers);
        for (int i = 0; i < n; ++i)
            field(p, qPrintable(QStringLiteral("%1[%2]").arg(QLatin1String(t.identifier)).arg(i + 1)),
                  a.identifiers[i], b.identifiers[i]);
        field(p, t.legal, a.legalRegistration, b.legalRegistration);
        field(p, t.vat, a.vatId, b.vatId);
        field(p, t.taxRegistration, a.taxRegistrationId, b.taxRegistrationId);
        field(p, t.legalInfo, a.legalInfo, b.legalInfo);
        field(p, t.endpoint, a.electronicAddress, b.electronicAddress);
        address(p, t.address, a.address, b.address);
        field(p, t.contactName, a.contact.name, b.contact.name);
        field(p, t.phone, a.contact.phone, b.contact.phone);
        field(p, t.email, a.contact.email, b.contact.email);
    }

    void period(const QString &p, const char *startTerm, const char *endTerm, const Period &a,
                const Period &b)
    {
        field(p, startTerm, a.start, b.start);
        field(p, endTerm, a.end, b.end);
        field(p, "period description code (BT-8 in UBL)", a.descriptionCode, b.descriptionCode);
    }

    void allowanceCharge(const QString &p, const AllowanceCharge &a, const AllowanceCharge &b)
    {
        field(p, "charge indicator", a.isCharge, b.isCharge);
        field(p, "amount", a.amount, b.amount);
        field(p, "base amount", a.baseAmount, b.baseAmount);
        field(p, "percentage", a.percentage, b.percentage);
        field(p, "VAT category", a.vatCategory, b.vatCategory);
        field(p, "VAT rate", a.vatRate, b.vatRate);
        field(p, "reason", a.reason, b.reason);
        field(p, "reason code", a.reasonCode, b.reasonCode);
    }

    void line(const QString &p, const InvoiceLine &a, const InvoiceLine &b)
    {
        field(p, "BT-126 line id", a.id, b.id);
        field(p, "BT-127 line note", a.note, b.note);
        field(p, "BT-128 invoiced object id", a.objectId, b.objectId);
        field(p, "BT-129 quantity", a.quantity, b.quantity);
        field(p, "BT-130 unit code", a.unitCode, b.unitCode);
        field(p, "BT-131 line net amount", a.netAmount, b.netAmount);
        field(p, "BT-132 order line reference", a.orderLineRef, b.orderLineRef);
        field(p, "BT-133 accounting cost", a.accountingCost, b.accountingCost);
        period(p + QStringLiteral("BG-26 "), "BT-134 start date", "BT-135 end date", a.period, b.period);
        const int n = count(p, "BG-27/28 allowance/charge", a.allowanceCharges, b.allowanceCharges);
        for (int i = 0; i < n; ++i)
            allowanceCharge(p + QStringLiteral("BG-27/28[%1] ").arg(i + 1), a.allowanceCharges[i],
                            b.allowanceCharges[i]);
        field(p, "BT-146 net price", a.netPrice, b.netPrice);
        field(p, "BT-147 price discount", a.priceDiscount, b.priceDiscount);
        field(p, "BT-148 gross price", a.grossPrice, b.grossPrice);
        field(p, "BT-149 base quantity", a.baseQuantity, b.baseQuantity);
        field(p, "BT-150 base quantity unit", a.baseQuantityUnit, b.baseQuantityUnit);
        field(p, "BT-151 VAT category", a.vatCategory, b.vatCategory);
        field(p, "BT-152 VAT rate", a.vatRate, b.vatRate);
        field(p, "BT-153 item name", a.itemName, b.itemName);
        field(p, "BT-154 item description", a.itemDescription, b.itemDescription);
        field(p, "BT-155 seller item id", a.sellerItemId, b.sellerItemId);
        field(p, "BT-156 buyer item id", a.buyerItemId, b.buyerItemId);
        field(p, "BT-157 standard item id", a.standardItemId, b.standardItemId);
        const int c = count(p, "BT-158 classification", a.classifications, b.classifications);
        for (int i = 0; i < c; ++i) {
            const QString q = p + QStringLiteral("classification[%1] ").arg(i + 1);
            field(q, "BT-158 code", a.classifications[i].code, b.classifications[i].code);
            field(q, "BT-158-1 list id", a.classifications[i].listId, b.classifications[i].listId);
            field(q, "BT-158-2 list version", a.classifications[i].listVersion,
                  b.classifications[i].listVersion);
        }
        field(p, "BT-159 origin country", a.originCountry, b.originCountry);
        field(p, "parent line id (sub-line)", a.parentLineId, b.parentLineId);
        field(p, "line status reason code", a.lineStatusReasonCode, b.lineStatusReasonCode);
        const int m = count(p, "BG-32 item attribute", a.attributes, b.attributes);
        for (int i = 0; i < m; ++i) {
            const QString q = p + QStringLiteral("BG-32[%1] ").arg(i + 1);
            field(q, "BT-160 name", a.attributes[i].name, b.attributes[i].name);
            field(q, "BT-161 value", a.attributes[i].value, b.attributes[i].value);
        }
    }

    void attachment(const QString &p, const Attachment &a, const Attachment &b)
    {
        field(p, "BT-122 reference", a.id, b.id);
        field(p, "BT-123 description", a.description, b.description);
        field(p, "BT-124 external URI", a.externalUri, b.externalUri);
        field(p, "document type code", a.typeCode, b.typeCode);
        field(p, "BT-125-1 MIME code", a.mimeCode, b.mimeCode);
        field(p, "BT-125-2 filename", a.filename, b.filename);
        if (a.content != b.content) {
            // Binary content is summarised: size and hash say enough to locate the problem.
            auto describe = [](const QByteArray &c) {
                return QStringLiteral("%1 bytes, sha256 %2")
                    .arg(c.size())
                    .arg(QString::fromLatin1(
                        QCryptographicHash::hash(c, QCryptographicHash::Sha256).toHex().left(16)));
            };
            out << QStringLiteral("%1BT-125 attached document: '%2' != '%3'")
                       .arg(p, describe(a.content), describe(b.content));
        }
    }

    void paymentMeans(const QString &p, const PaymentMeans &a, const PaymentMeans &b)
    {
        field(p, "BT-81 payment means code", a.typeCode, b.typeCode);
        field(p, "BT-82 payment means text", a.typeText, b.typeText);
        field(p, "BT-83 remittance information", a.remittanceInfo, b.remittanceInfo);
        const int n = count(p, "BG-17 credit transfer", a.creditTransfers, b.creditTransfers);
        for (int i = 0; i < n; ++i) {
            const QString q = p + QStringLiteral("BG-17[%1] ").arg(i + 1);
            field(q, "BT-84 account id", a.creditTransfers[i].accountId, b.creditTransfers[i].accountId);
            field(q, "BT-85 account name", a.creditTransfers[i].accountName,
                  b.creditTransfers[i].accountName);
            field(q, "BT-86 service provider id", a.creditTransfers[i].bic, b.creditTransfers[i].bic);
        }
        field(p, "BG-18 BT-87 card number", a.card.primaryAccountNumber, b.card.primaryAccountNumber);
        field(p, "BG-18 BT-88 card holder", a.card.holderName, b.card.holderName);
        field(p, "BG-18 card network", a.card.networkId, b.card.networkId);
        field(p, "BG-19 BT-89 mandate reference", a.directDebit.mandateReference,
              b.directDebit.mandateReference);
        field(p, "BG-19 BT-90 creditor id", a.directDebit.creditorId, b.directDebit.creditorId);
        field(p, "BG-19 BT-91 debited account", a.directDebit.debitedAccountId,
              b.directDebit.debitedAccountId);
    }
};

} // namespace

QStringList InvoiceDiff::differences(const Invoice &a, const Invoice &b)
{
    Differ d;
    const QString top;
    d.field(top, "document kind", a.isCreditNote() ? QStringLiteral("CreditNote") : QStringLiteral("Invoice"),
            b.isCreditNote() ? QStringLiteral("CreditNote") : QStringLiteral("Invoice"));
    d.field(top, "BT-24 specification id", a.customizationId, b.customizationId);
    d.field(top, "BT-23 process id", a.profileId, b.profileId);
    d.field(top, "BT-1 invoice number", a.number, b.number);
    d.field(top, "BT-2 issue date", a.issueDate, b.issueDate);
    d.field(top, "BT-3 type code", a.typeCode, b.typeCode);
    d.field(top, "BT-5 currency", a.currency, b.currency);
    d.field(top, "BT-6 VAT accounting currency", a.vatCurrency, b.vatCurrency);
    d.field(top, "BT-7 VAT point date", a.taxPointDate, b.taxPointDate);
    d.field(top, "BT-8 VAT point date code", a.taxPointDateCode, b.taxPointDateCode);
    d.field(top, "BT-9 due date", a.dueDate, b.dueDate);
    d.field(top, "BT-10 buyer reference", a.buyerReference, b.buyerReference);
    d.field(top, "BT-11 project reference", a.projectReference, b.projectReference);
    d.field(top, "BT-12 contract reference", a.contractReference, b.contractReference);
    d.field(top, "BT-13 purchase order reference", a.orderReference, b.orderReference);
    d.field(top, "BT-14 sales order reference", a.salesOrderReference, b.salesOrderReference);
    d.field(top, "BT-15 receiving advice reference", a.receivingAdviceReference, b.receivingAdviceReference);
    d.field(top, "BT-16 despatch advice reference", a.despatchAdviceReference, b.despatchAdviceReference);
    d.field(top, "BT-17 tender or lot reference", a.tenderReference, b.tenderReference);
    d.field(top, "BT-18 invoiced object id", a.invoicedObject, b.invoicedObject);
    d.field(top, "BT-19 buyer accounting reference", a.accountingCost, b.accountingCost);
    d.field(top, "BT-20 payment terms", a.paymentTerms, b.paymentTerms);

    int n = d.count(top, "BG-1 note", a.notes, b.notes);
    for (int i = 0; i < n; ++i) {
        const QString p = QStringLiteral("BG-1[%1] ").arg(i + 1);
        d.field(p, "BT-21 subject code", a.notes[i].subjectCode, b.notes[i].subjectCode);
        d.field(p, "BT-22 note", a.notes[i].text, b.notes[i].text);
    }
    n = d.count(top, "BG-3 preceding invoice", a.precedingInvoices, b.precedingInvoices);
    for (int i = 0; i < n; ++i) {
        const QString p = QStringLiteral("BG-3[%1] ").arg(i + 1);
        d.field(p, "BT-25 preceding invoice number", a.precedingInvoices[i].number,
                b.precedingInvoices[i].number);
        d.field(p, "BT-26 preceding invoice date", a.precedingInvoices[i].issueDate,
                b.precedingInvoices[i].issueDate);
    }

    // Business term numbers differ per role; fields a role does not have in EN 16931 are named only.
    static const Differ::PartyTerms seller{"BT-27 seller name",
                                           "BT-28 seller trading name",
                                           "BT-29 seller identifier",
                                           "BT-30 seller legal registration id",
                                           "BT-31 seller VAT id",
                                           "BT-32 seller tax registration id",
                                           "BT-33 seller additional legal information",
                                           "BT-34 seller electronic address",
                                           {"BT-35 seller address line 1", "BT-36 seller address line 2",
                                            "BT-162 seller address line 3", "BT-37 seller city",
                                            "BT-38 seller post code", "BT-39 seller country subdivision",
                                            "BT-40 seller country code"},
                                           "BT-41 seller contact point",
                                           "BT-42 seller contact phone",
                                           "BT-43 seller contact email"};
    static const Differ::PartyTerms buyer{"BT-44 buyer name",
                                          "BT-45 buyer trading name",
                                          "BT-46 buyer identifier",
                                          "BT-47 buyer legal registration id",
                                          "BT-48 buyer VAT id",
                                          "buyer tax registration id",
                                          "buyer additional legal information",
                                          "BT-49 buyer electronic address",
                                          {"BT-50 buyer address line 1", "BT-51 buyer address line 2",
                                           "BT-163 buyer address line 3", "BT-52 buyer city",
                                           "BT-53 buyer post code", "BT-54 buyer country subdivision",
                                           "BT-55 buyer country code"},
                                          "BT-56 buyer contact point",
                                          "BT-57 buyer contact phone",
                                          "BT-58 buyer contact email"};
    static const Differ::PartyTerms payee{"BT-59 payee name",
                                          "payee trading name",
                                          "BT-60 payee identifier",
                                          "BT-61 payee legal registration id",
                                          "payee VAT id",
                                          "payee tax registration id",
                                          "payee additional legal information",
                                          "payee electronic address",
                                          {"payee address line 1", "payee address line 2",
                                           "payee address line 3", "payee city", "payee post code",
                                           "payee country subdivision", "payee country code"},
                                          "payee contact name",
                                          "payee contact phone",
                                          "payee contact email"};
    static const Differ::PartyTerms taxRep{
        "BT-62 tax representative name",
        "tax representative trading name",
        "tax representative identifier",
        "tax representative legal registration id",
        "BT-63 tax representative VAT id",
        "tax representative tax registration id",
        "tax representative additional legal information",
        "tax representative electronic address",
        {"BT-64 tax representative address line 1", "BT-65 tax representative address line 2",
         "BT-164 tax representative address line 3", "BT-66 tax representative city",
         "BT-67 tax representative post code", "BT-68 tax representative country subdivision",
         "BT-69 tax representative country code"},
        "tax representative contact name",
        "tax representative contact phone",
        "tax representative contact email"};
    d.party(QStringLiteral("BG-4 "), seller, a.seller, b.seller);
    d.party(QStringLiteral("BG-7 "), buyer, a.buyer, b.buyer);
    d.party(QStringLiteral("BG-10 "), payee, a.payee, b.payee);
    d.party(QStringLiteral("BG-11 "), taxRep, a.taxRepresentative, b.taxRepresentative);

    const QString del = QStringLiteral("BG-13 ");
    d.field(del, "BT-70 deliver to party name", a.delivery.partyName, b.delivery.partyName);
    d.field(del, "BT-71 location id", a.delivery.locationId, b.delivery.locationId);
    d.field(del, "BT-72 actual delivery date", a.delivery.actualDate, b.delivery.actualDate);
    static const Differ::AddressTerms deliveryAddress{
        "BT-75 deliver to address line 1",  "BT-76 deliver to address line 2",
        "BT-165 deliver to address line 3", "BT-77 deliver to city",
        "BT-78 deliver to post code",       "BT-79 deliver to country subdivision",
        "BT-80 deliver to country code"};
    d.address(QStringLiteral("BG-15 "), deliveryAddress, a.delivery.address, b.delivery.address);

    d.period(QStringLiteral("BG-14 "), "BT-73 invoice period start date", "BT-74 invoice period end date",
             a.invoicePeriod, b.invoicePeriod);

    n = d.count(top, "BG-16 payment instructions", a.paymentMeans, b.paymentMeans);
    for (int i = 0; i < n; ++i)
        d.paymentMeans(QStringLiteral("BG-16[%1] ").arg(i + 1), a.paymentMeans[i], b.paymentMeans[i]);

    n = d.count(top, "BG-20/21 document allowance/charge", a.allowanceCharges, b.allowanceCharges);
    for (int i = 0; i < n; ++i)
        d.allowanceCharge(QStringLiteral("BG-20/21[%1] ").arg(i + 1), a.allowanceCharges[i],
                          b.allowanceCharges[i]);

    const DocumentTotals &ta = a.totals, &tb = b.totals;
    const QString tot = QStringLiteral("BG-22 ");
    d.field(tot, "BT-106 sum of line net amounts", ta.lineNetTotal, tb.lineNetTotal);
    d.field(tot, "BT-107 sum of allowances", ta.allowanceTotal, tb.allowanceTotal);
    d.field(tot, "BT-108 sum of charges", ta.chargeTotal, tb.chargeTotal);
    d.field(tot, "BT-109 total without VAT", ta.taxExclusive, tb.taxExclusive);
    d.field(tot, "BT-110 VAT total", ta.vatTotal, tb.vatTotal);
    d.field(tot, "BT-111 VAT total in accounting currency", ta.vatTotalAccounting, tb.vatTotalAccounting);
    d.field(tot, "BT-112 total with VAT", ta.taxInclusive, tb.taxInclusive);
    d.field(tot, "BT-113 paid amount", ta.prepaid, tb.prepaid);
    d.field(tot, "BT-114 rounding amount", ta.rounding, tb.rounding);
    d.field(tot, "BT-115 amount due", ta.payable, tb.payable);

    n = d.count(top, "BG-23 VAT breakdown", a.vatBreakdown, b.vatBreakdown);
    for (int i = 0; i < n; ++i) {
        const QString p = QStringLiteral("BG-23[%1] ").arg(i + 1);
        const VatBreakdown &va = a.vatBreakdown[i], &vb = b.vatBreakdown[i];
        d.field(p, "BT-116 taxable amount", va.taxableAmount, vb.taxableAmount);
        d.field(p, "BT-117 VAT amount", va.taxAmount, vb.taxAmount);
        d.field(p, "BT-118 VAT category", va.category, vb.category);
        d.field(p, "BT-119 VAT rate", va.rate, vb.rate);
        d.field(p, "BT-120 exemption reason", va.exemptionReason, vb.exemptionReason);
        d.field(p, "BT-121 exemption reason code", va.exemptionReasonCode, vb.exemptionReasonCode);
    }

    n = d.count(top, "BG-24 supporting document", a.attachments, b.attachments);
    for (int i = 0; i < n; ++i)
        d.attachment(QStringLiteral("BG-24[%1] ").arg(i + 1), a.attachments[i], b.attachments[i]);

    n = d.count(top, "BG-25 invoice line", a.lines, b.lines);
    for (int i = 0; i < n; ++i)
        d.line(QStringLiteral("BG-25[%1] ").arg(i + 1), a.lines[i], b.lines[i]);

    return d.out;
}

} // namespace einvoice

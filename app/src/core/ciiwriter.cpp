#include "ciiwriter.h"

#include "ciireader.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>
#include <algorithm>
#include <utility>

namespace einvoice {

namespace {

const QString kRsm = QString::fromLatin1(CiiReader::kRsmNs);
const QString kRam = QString::fromLatin1(CiiReader::kRamNs);
const QString kUdt = QString::fromLatin1(CiiReader::kUdtNs);
const QString kQdt = QString::fromLatin1(CiiReader::kQdtNs);

/// Thin layer over QXmlStreamWriter that never writes an empty element: every optional value is
/// checked here, so the element order below can follow the D16B schema one to one.
class Out
{
public:
    explicit Out(QByteArray *buffer) : m_w(buffer)
    {
        m_w.setAutoFormatting(true);
        m_w.setAutoFormattingIndent(2);
    }

    QXmlStreamWriter &w() { return m_w; }

    void start(const QString &name, const QString &ns = kRam) { m_w.writeStartElement(ns, name); }
    void end() { m_w.writeEndElement(); }

    void text(const QString &name, const QString &value, const QString &ns = kRam)
    {
        if (!value.isEmpty())
            m_w.writeTextElement(ns, name, value);
    }

    /// Element with one attribute; the attribute is left out when empty.
    void text(const QString &name, const QString &value, const QString &attr, const QString &attrValue)
    {
        if (value.isEmpty())
            return;
        m_w.writeStartElement(kRam, name);
        if (!attrValue.isEmpty())
            m_w.writeAttribute(attr, attrValue);
        m_w.writeCharacters(value);
        m_w.writeEndElement();
    }

    void id(const QString &name, const Identifier &identifier)
    {
        text(name, identifier.id, QStringLiteral("schemeID"), identifier.scheme);
    }

    void amount(const QString &name, const Decimal &value)
    {
        m_w.writeTextElement(kRam, name, value.toString());
    }
    void amount(const QString &name, const OptDecimal &value)
    {
        if (value)
            amount(name, *value);
    }

    /// DateTime wrapper with a udt:DateTimeString in format 102.
    void dateTime(const QString &name, const QDate &date, const QString &ns = kUdt)
    {
        if (date.isNull())
            return;
        start(name);
        m_w.writeStartElement(ns, QStringLiteral("DateTimeString"));
        m_w.writeAttribute(QStringLiteral("format"), QStringLiteral("102"));
        m_w.writeCharacters(date.toString(QStringLiteral("yyyyMMdd")));
        m_w.writeEndElement();
        end();
    }

    void indicator(const QString &name, bool value)
    {
        start(name);
        m_w.writeTextElement(kUdt, QStringLiteral("Indicator"),
                             value ? QStringLiteral("true") : QStringLiteral("false"));
        end();
    }

private:
    QXmlStreamWriter m_w;
};

bool looksLikeIban(const QString &account)
{
    static const QRegularExpression iban(QStringLiteral("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"));
    return iban.match(QString(account).remove(QLatin1Char(' '))).hasMatch();
}

void writeAddress(Out &o, const Address &a)
{
    if (a.isEmpty())
        return;
    o.start(QStringLiteral("PostalTradeAddress"));
    o.text(QStringLiteral("PostcodeCode"), a.postCode);
    o.text(QStringLiteral("LineOne"), a.line1);
    o.text(QStringLiteral("LineTwo"), a.line2);
    o.text(QStringLiteral("LineThree"), a.line3);
    o.text(QStringLiteral("CityName"), a.city);
    o.text(QStringLiteral("CountryID"), a.countryCode);
    o.text(QStringLiteral("CountrySubDivisionName"), a.subdivision);
    o.end();
}

void writeParty(Out &o, const QString &element, const Party &p)
{
    if (p.isEmpty() && p.legalInfo.isEmpty())
        return;
    o.start(element);
    // BT-29: the schema wants all ram:ID before all ram:GlobalID; ids with a scheme are GlobalIDs.
    for (const Identifier &i : p.identifiers)
        if (i.scheme.isEmpty())
            o.text(QStringLiteral("ID"), i.id);
    for (const Identifier &i : p.identifiers)
        if (!i.scheme.isEmpty())
            o.id(QStringLiteral("GlobalID"), i);
    o.text(QStringLiteral("Name"), p.name);
    o.text(QStringLiteral("Description"), p.legalInfo);
    if (!p.legalRegistration.isEmpty() || !p.tradingName.isEmpty()) {
        o.start(QStringLiteral("SpecifiedLegalOrganization"));
        o.id(QStringLiteral("ID"), p.legalRegistration);
        o.text(QStringLiteral("TradingBusinessName"), p.tradingName);
        o.end();
    }
    if (!p.contact.isEmpty()) {
        o.start(QStringLiteral("DefinedTradeContact"));
        o.text(QStringLiteral("PersonName"), p.contact.name);
        if (!p.contact.phone.isEmpty()) {
            o.start(QStringLiteral("TelephoneUniversalCommunication"));
            o.text(QStringLiteral("CompleteNumber"), p.contact.phone);
            o.end();
        }
        if (!p.contact.email.isEmpty()) {
            o.start(QStringLiteral("EmailURIUniversalCommunication"));
            o.text(QStringLiteral("URIID"), p.contact.email);
            o.end();
        }
        o.end();
    }
    writeAddress(o, p.address);
    if (!p.electronicAddress.isEmpty()) {
        o.start(QStringLiteral("URIUniversalCommunication"));
        o.id(QStringLiteral("URIID"), p.electronicAddress);
        o.end();
    }
    if (!p.vatId.isEmpty()) {
        o.start(QStringLiteral("SpecifiedTaxRegistration"));
        o.text(QStringLiteral("ID"), p.vatId, QStringLiteral("schemeID"), QStringLiteral("VA"));
        o.end();
    }
    if (!p.taxRegistrationId.isEmpty()) {
        o.start(QStringLiteral("SpecifiedTaxRegistration"));
        o.text(QStringLiteral("ID"), p.taxRegistrationId, QStringLiteral("schemeID"), QStringLiteral("FC"));
        o.end();
    }
    o.end();
}

void writePeriod(Out &o, const Period &p)
{
    if (p.start.isNull() && p.end.isNull())
        return;
    o.start(QStringLiteral("BillingSpecifiedPeriod"));
    o.dateTime(QStringLiteral("StartDateTime"), p.start);
    o.dateTime(QStringLiteral("EndDateTime"), p.end);
    o.end();
}

void writeAllowanceCharge(Out &o, const AllowanceCharge &ac, bool documentLevel)
{
    o.start(QStringLiteral("SpecifiedTradeAllowanceCharge"));
    o.indicator(QStringLiteral("ChargeIndicator"), ac.isCharge);
    o.amount(QStringLiteral("CalculationPercent"), ac.percentage);
    o.amount(QStringLiteral("BasisAmount"), ac.baseAmount);
    o.amount(QStringLiteral("ActualAmount"), ac.amount);
    o.text(QStringLiteral("ReasonCode"), ac.reasonCode);
    o.text(QStringLiteral("Reason"), ac.reason);
    if (documentLevel && (!ac.vatCategory.isEmpty() || ac.vatRate)) {
        o.start(QStringLiteral("CategoryTradeTax"));
        o.text(QStringLiteral("TypeCode"), QStringLiteral("VAT"));
        o.text(QStringLiteral("CategoryCode"), ac.vatCategory);
        o.amount(QStringLiteral("RateApplicablePercent"), ac.vatRate);
        o.end();
    }
    o.end();
}

void writeObjectReference(Out &o, const Identifier &object)
{
    if (object.isEmpty())
        return;
    o.start(QStringLiteral("AdditionalReferencedDocument"));
    o.text(QStringLiteral("IssuerAssignedID"), object.id);
    o.text(QStringLiteral("TypeCode"), QStringLiteral("130"));
    o.text(QStringLiteral("ReferenceTypeCode"), object.scheme);
    o.end();
}

void writeLine(Out &o, const InvoiceLine &l)
{
    o.start(QStringLiteral("IncludedSupplyChainTradeLineItem"));

    o.start(QStringLiteral("AssociatedDocumentLineDocument"));
    o.text(QStringLiteral("LineID"), l.id);
    if (!l.note.isEmpty()) {
        o.start(QStringLiteral("IncludedNote"));
        o.text(QStringLiteral("Content"), l.note);
        o.end();
    }
    o.end();

    o.start(QStringLiteral("SpecifiedTradeProduct"));
    o.id(QStringLiteral("GlobalID"), l.standardItemId);
    o.text(QStringLiteral("SellerAssignedID"), l.sellerItemId);
    o.text(QStringLiteral("BuyerAssignedID"), l.buyerItemId);
    o.text(QStringLiteral("Name"), l.itemName);
    o.text(QStringLiteral("Description"), l.itemDescription);
    for (const ItemAttribute &a : l.attributes) {
        o.start(QStringLiteral("ApplicableProductCharacteristic"));
        o.text(QStringLiteral("Description"), a.name);
        o.text(QStringLiteral("Value"), a.value);
        o.end();
    }
    for (const InvoiceLine::Classification &c : l.classifications) {
        if (c.code.isEmpty())
            continue;
        o.start(QStringLiteral("DesignatedProductClassification"));
        o.w().writeStartElement(kRam, QStringLiteral("ClassCode"));
        if (!c.listId.isEmpty())
            o.w().writeAttribute(QStringLiteral("listID"), c.listId);
        if (!c.listVersion.isEmpty())
            o.w().writeAttribute(QStringLiteral("listVersionID"), c.listVersion);
        o.w().writeCharacters(c.code);
        o.end();
        o.end();
    }
    if (!l.originCountry.isEmpty()) {
        o.start(QStringLiteral("OriginTradeCountry"));
        o.text(QStringLiteral("ID"), l.originCountry);
        o.end();
    }
    o.end();

    o.start(QStringLiteral("SpecifiedLineTradeAgreement"));
    if (!l.orderLineRef.isEmpty()) {
        o.start(QStringLiteral("BuyerOrderReferencedDocument"));
        o.text(QStringLiteral("LineID"), l.orderLineRef);
        o.end();
    }
    if (l.grossPrice) {
        o.start(QStringLiteral("GrossPriceProductTradePrice"));
        o.amount(QStringLiteral("ChargeAmount"), *l.grossPrice);
        if (l.priceDiscount) {
            o.start(QStringLiteral("AppliedTradeAllowanceCharge"));
            o.indicator(QStringLiteral("ChargeIndicator"), false);
            o.amount(QStringLiteral("ActualAmount"), *l.priceDiscount);
            o.end();
        }
        o.end();
    }
    o.start(QStringLiteral("NetPriceProductTradePrice"));
    o.amount(QStringLiteral("ChargeAmount"), l.netPrice);
    if (l.baseQuantity)
        o.text(QStringLiteral("BasisQuantity"), l.baseQuantity->toString(), QStringLiteral("unitCode"),
               l.baseQuantityUnit);
    o.end();
    o.end();

    o.start(QStringLiteral("SpecifiedLineTradeDelivery"));
    o.text(QStringLiteral("BilledQuantity"), l.quantity.toString(), QStringLiteral("unitCode"), l.unitCode);
    o.end();

    o.start(QStringLiteral("SpecifiedLineTradeSettlement"));
    o.start(QStringLiteral("ApplicableTradeTax"));
    o.text(QStringLiteral("TypeCode"), QStringLiteral("VAT"));
    o.text(QStringLiteral("CategoryCode"), l.vatCategory);
    o.amount(QStringLiteral("RateApplicablePercent"), l.vatRate);
    o.end();
    writePeriod(o, l.period);
    for (const AllowanceCharge &ac : l.allowanceCharges)
        writeAllowanceCharge(o, ac, false);
    o.start(QStringLiteral("SpecifiedTradeSettlementLineMonetarySummation"));
    o.amount(QStringLiteral("LineTotalAmount"), l.netAmount);
    o.end();
    writeObjectReference(o, l.objectId);
    if (!l.accountingCost.isEmpty()) {
        o.start(QStringLiteral("ReceivableSpecifiedTradeAccountingAccount"));
        o.text(QStringLiteral("ID"), l.accountingCost);
        o.end();
    }
    o.end();

    o.end();
}

void writeReferencedDocument(Out &o, const QString &element, const QString &id)
{
    if (id.isEmpty())
        return;
    o.start(element);
    o.text(QStringLiteral("IssuerAssignedID"), id);
    o.end();
}

void writeAgreement(Out &o, const Invoice &inv)
{
    o.start(QStringLiteral("ApplicableHeaderTradeAgreement"));
    o.text(QStringLiteral("BuyerReference"), inv.buyerReference);
    // Seller and buyer are mandatory in the schema's EN 16931 use; written even when empty so the
    // validator, not the schema, reports what is missing.
    for (const auto &[element, party] : {std::pair{QStringLiteral("SellerTradeParty"), &inv.seller},
                                         std::pair{QStringLiteral("BuyerTradeParty"), &inv.buyer}}) {
        if (party->isEmpty()) {
            o.start(element);
            o.end();
        } else {
            writeParty(o, element, *party);
        }
    }
    writeParty(o, QStringLiteral("SellerTaxRepresentativeTradeParty"), inv.taxRepresentative);
    writeReferencedDocument(o, QStringLiteral("SellerOrderReferencedDocument"), inv.salesOrderReference);
    writeReferencedDocument(o, QStringLiteral("BuyerOrderReferencedDocument"), inv.orderReference);
    writeReferencedDocument(o, QStringLiteral("ContractReferencedDocument"), inv.contractReference);
    for (const Attachment &a : inv.attachments) {
        o.start(QStringLiteral("AdditionalReferencedDocument"));
        o.text(QStringLiteral("IssuerAssignedID"), a.id);
        o.text(QStringLiteral("URIID"), a.externalUri);
        o.text(QStringLiteral("TypeCode"), a.typeCode.isEmpty() ? QStringLiteral("916") : a.typeCode);
        o.text(QStringLiteral("Name"), a.description);
        if (a.hasContent()) {
            o.start(QStringLiteral("AttachmentBinaryObject"));
            o.w().writeAttribute(QStringLiteral("mimeCode"), a.mimeCode);
            o.w().writeAttribute(QStringLiteral("filename"), a.filename);
            o.w().writeCharacters(QString::fromLatin1(a.content.toBase64()));
            o.end();
        }
        o.end();
    }
    if (!inv.tenderReference.isEmpty()) {
        o.start(QStringLiteral("AdditionalReferencedDocument"));
        o.text(QStringLiteral("IssuerAssignedID"), inv.tenderReference);
        o.text(QStringLiteral("TypeCode"), QStringLiteral("50"));
        o.end();
    }
    writeObjectReference(o, inv.invoicedObject);
    if (!inv.projectReference.isEmpty()) {
        o.start(QStringLiteral("SpecifiedProcuringProject"));
        o.text(QStringLiteral("ID"), inv.projectReference);
        // The schema requires a project name, EN 16931 has no term for it.
        o.text(QStringLiteral("Name"), QStringLiteral("Project reference"));
        o.end();
    }
    o.end();
}

void writeDelivery(Out &o, const Invoice &inv)
{
    // Mandatory in the schema, so written even when there is nothing to deliver.
    o.start(QStringLiteral("ApplicableHeaderTradeDelivery"));
    const Delivery &d = inv.delivery;
    if (!d.partyName.isEmpty() || !d.locationId.isEmpty() || !d.address.isEmpty()) {
        o.start(QStringLiteral("ShipToTradeParty"));
        if (d.locationId.scheme.isEmpty())
            o.text(QStringLiteral("ID"), d.locationId.id);
        else
            o.id(QStringLiteral("GlobalID"), d.locationId);
        o.text(QStringLiteral("Name"), d.partyName);
        writeAddress(o, d.address);
        o.end();
    }
    if (!d.actualDate.isNull()) {
        o.start(QStringLiteral("ActualDeliverySupplyChainEvent"));
        o.dateTime(QStringLiteral("OccurrenceDateTime"), d.actualDate);
        o.end();
    }
    writeReferencedDocument(o, QStringLiteral("DespatchAdviceReferencedDocument"),
                            inv.despatchAdviceReference);
    writeReferencedDocument(o, QStringLiteral("ReceivingAdviceReferencedDocument"),
                            inv.receivingAdviceReference);
    o.end();
}

QString dueDateTypeCode(const QString &bt8)
{
    // BT-8 in the model is UNTDID 2005 (as in UBL); CII uses UNTDID 2475.
    if (bt8 == QLatin1String("3"))
        return QStringLiteral("5");
    if (bt8 == QLatin1String("35"))
        return QStringLiteral("29");
    if (bt8 == QLatin1String("432"))
        return QStringLiteral("72");
    return bt8;
}

void writeSettlement(Out &o, const Invoice &inv)
{
    o.start(QStringLiteral("ApplicableHeaderTradeSettlement"));

    QString creditorId, mandate, paymentReference;
    for (const PaymentMeans &pm : inv.paymentMeans) {
        if (creditorId.isEmpty())
            creditorId = pm.directDebit.creditorId;
        if (mandate.isEmpty())
            mandate = pm.directDebit.mandateReference;
        if (paymentReference.isEmpty())
            paymentReference = pm.remittanceInfo;
    }
    o.text(QStringLiteral("CreditorReferenceID"), creditorId);
    o.text(QStringLiteral("PaymentReference"), paymentReference);
    o.text(QStringLiteral("TaxCurrencyCode"), inv.vatCurrency);
    o.text(QStringLiteral("InvoiceCurrencyCode"), inv.currency);
    writeParty(o, QStringLiteral("PayeeTradeParty"), inv.payee);

    for (const PaymentMeans &pm : inv.paymentMeans) {
        // CII has one creditor account per payment means: several credit transfers become
        // several means with the same code.
        const int count = std::max<int>(1, int(pm.creditTransfers.size()));
        for (int i = 0; i < count; ++i) {
            const bool hasOwnContent = !pm.typeCode.isEmpty() || !pm.typeText.isEmpty() || pm.hasCard() ||
                                       !pm.directDebit.debitedAccountId.isEmpty() ||
                                       !pm.creditTransfers.isEmpty();
            if (!hasOwnContent)
                break; // only carried header values (BT-83/89/90), written above
            o.start(QStringLiteral("SpecifiedTradeSettlementPaymentMeans"));
            o.text(QStringLiteral("TypeCode"), pm.typeCode);
            o.text(QStringLiteral("Information"), pm.typeText);
            if (i == 0 && pm.hasCard()) {
                o.start(QStringLiteral("ApplicableTradeSettlementFinancialCard"));
                o.text(QStringLiteral("ID"), pm.card.primaryAccountNumber);
                o.text(QStringLiteral("CardholderName"), pm.card.holderName);
                o.end();
            }
            if (i == 0 && !pm.directDebit.debitedAccountId.isEmpty()) {
                o.start(QStringLiteral("PayerPartyDebtorFinancialAccount"));
                o.text(QStringLiteral("IBANID"), pm.directDebit.debitedAccountId);
                o.end();
            }
            if (i < pm.creditTransfers.size()) {
                const CreditTransfer &ct = pm.creditTransfers.at(i);
                if (!ct.accountId.isEmpty() || !ct.accountName.isEmpty()) {
                    o.start(QStringLiteral("PayeePartyCreditorFinancialAccount"));
                    if (looksLikeIban(ct.accountId))
                        o.text(QStringLiteral("IBANID"), ct.accountId);
                    o.text(QStringLiteral("AccountName"), ct.accountName);
                    if (!looksLikeIban(ct.accountId))
                        o.text(QStringLiteral("ProprietaryID"), ct.accountId);
                    o.end();
                }
                if (!ct.bic.isEmpty()) {
                    o.start(QStringLiteral("PayeeSpecifiedCreditorFinancialInstitution"));
                    o.text(QStringLiteral("BICID"), ct.bic);
                    o.end();
                }
            }
            o.end();
        }
    }

    const QString taxPointCode = dueDateTypeCode(
        inv.taxPointDateCode.isEmpty() ? inv.invoicePeriod.descriptionCode : inv.taxPointDateCode);
    for (const VatBreakdown &v : inv.vatBreakdown) {
        o.start(QStringLiteral("ApplicableTradeTax"));
        o.amount(QStringLiteral("CalculatedAmount"), v.taxAmount);
        o.text(QStringLiteral("TypeCode"), QStringLiteral("VAT"));
        o.text(QStringLiteral("ExemptionReason"), v.exemptionReason);
        o.amount(QStringLiteral("BasisAmount"), v.taxableAmount);
        o.text(QStringLiteral("CategoryCode"), v.category);
        o.text(QStringLiteral("ExemptionReasonCode"), v.exemptionReasonCode);
        if (!inv.taxPointDate.isNull()) {
            o.start(QStringLiteral("TaxPointDate"));
            o.w().writeStartElement(kUdt, QStringLiteral("DateString"));
            o.w().writeAttribute(QStringLiteral("format"), QStringLiteral("102"));
            o.w().writeCharacters(inv.taxPointDate.toString(QStringLiteral("yyyyMMdd")));
            o.end();
            o.end();
        }
        o.text(QStringLiteral("DueDateTypeCode"), taxPointCode);
        o.amount(QStringLiteral("RateApplicablePercent"), v.rate);
        o.end();
    }

    writePeriod(o, inv.invoicePeriod);
    for (const AllowanceCharge &ac : inv.allowanceCharges)
        writeAllowanceCharge(o, ac, true);

    if (!inv.paymentTerms.isEmpty() || !inv.dueDate.isNull() || !mandate.isEmpty()) {
        o.start(QStringLiteral("SpecifiedTradePaymentTerms"));
        o.text(QStringLiteral("Description"), inv.paymentTerms);
        o.dateTime(QStringLiteral("DueDateDateTime"), inv.dueDate);
        o.text(QStringLiteral("DirectDebitMandateID"), mandate);
        o.end();
    }

    const DocumentTotals &t = inv.totals;
    o.start(QStringLiteral("SpecifiedTradeSettlementHeaderMonetarySummation"));
    o.amount(QStringLiteral("LineTotalAmount"), t.lineNetTotal);
    o.amount(QStringLiteral("ChargeTotalAmount"), t.chargeTotal);
    o.amount(QStringLiteral("AllowanceTotalAmount"), t.allowanceTotal);
    o.amount(QStringLiteral("TaxBasisTotalAmount"), t.taxExclusive);
    if (t.vatTotal)
        o.text(QStringLiteral("TaxTotalAmount"), t.vatTotal->toString(), QStringLiteral("currencyID"),
               inv.currency);
    if (t.vatTotalAccounting)
        o.text(QStringLiteral("TaxTotalAmount"), t.vatTotalAccounting->toString(),
               QStringLiteral("currencyID"), inv.vatCurrency);
    o.amount(QStringLiteral("RoundingAmount"), t.rounding);
    o.amount(QStringLiteral("GrandTotalAmount"), t.taxInclusive);
    o.amount(QStringLiteral("TotalPrepaidAmount"), t.prepaid);
    o.amount(QStringLiteral("DuePayableAmount"), t.payable);
    o.end();

    // D16B has room for one preceding invoice only (BG-3 allows several).
    if (!inv.precedingInvoices.isEmpty()) {
        const PrecedingInvoice &p = inv.precedingInvoices.first();
        o.start(QStringLiteral("InvoiceReferencedDocument"));
        o.text(QStringLiteral("IssuerAssignedID"), p.number);
        o.dateTime(QStringLiteral("FormattedIssueDateTime"), p.issueDate, kQdt);
        o.end();
    }
    if (!inv.accountingCost.isEmpty()) {
        o.start(QStringLiteral("ReceivableSpecifiedTradeAccountingAccount"));
        o.text(QStringLiteral("ID"), inv.accountingCost);
        o.end();
    }
    o.end();
}

} // namespace

QByteArray CiiWriter::write(const Invoice &inv)
{
    QByteArray buffer;
    Out o(&buffer);
    QXmlStreamWriter &w = o.w();
    w.writeStartDocument();
    w.writeNamespace(kRsm, QStringLiteral("rsm"));
    w.writeNamespace(kQdt, QStringLiteral("qdt"));
    w.writeNamespace(kRam, QStringLiteral("ram"));
    w.writeNamespace(kUdt, QStringLiteral("udt"));
    o.start(QStringLiteral("CrossIndustryInvoice"), kRsm);

    o.start(QStringLiteral("ExchangedDocumentContext"), kRsm);
    if (!inv.profileId.isEmpty()) {
        o.start(QStringLiteral("BusinessProcessSpecifiedDocumentContextParameter"));
        o.text(QStringLiteral("ID"), inv.profileId);
        o.end();
    }
    o.start(QStringLiteral("GuidelineSpecifiedDocumentContextParameter"));
    // Only EN 16931 specification ids (including CIUS/extensions built on it) describe what is
    // written here; anything else (e.g. a ZUGFeRD 1.0 or BASIC WL profile read in) is replaced.
    o.text(QStringLiteral("ID"), inv.customizationId.startsWith(QLatin1String(kEn16931CustomizationId))
                                     ? inv.customizationId
                                     : QString::fromLatin1(kEn16931CustomizationId));
    o.end();
    o.end();

    o.start(QStringLiteral("ExchangedDocument"), kRsm);
    o.text(QStringLiteral("ID"), inv.number);
    o.text(QStringLiteral("TypeCode"), !inv.typeCode.isEmpty() ? inv.typeCode
                                       : inv.isCreditNote()    ? QStringLiteral("381")
                                                               : QStringLiteral("380"));
    o.dateTime(QStringLiteral("IssueDateTime"), inv.issueDate);
    for (const Note &n : inv.notes) {
        if (n.text.isEmpty() && n.subjectCode.isEmpty())
            continue;
        o.start(QStringLiteral("IncludedNote"));
        o.text(QStringLiteral("Content"), n.text);
        o.text(QStringLiteral("SubjectCode"), n.subjectCode);
        o.end();
    }
    o.end();

    o.start(QStringLiteral("SupplyChainTradeTransaction"), kRsm);
    for (const InvoiceLine &l : inv.coreLines()) // EXTENDED sub-line trees: the leaves
        writeLine(o, l);
    writeAgreement(o, inv);
    writeDelivery(o, inv);
    writeSettlement(o, inv);
    o.end();

    o.end();
    w.writeEndDocument();
    return buffer;
}

} // namespace einvoice

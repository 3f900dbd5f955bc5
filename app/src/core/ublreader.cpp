#include "ublreader.h"

#include "xmltree.h"

#include <QRegularExpression>

namespace einvoice {

namespace {

// Collects the first problem found while walking the document. The walk continues after an
// error (so the code stays linear), but only the first message is reported: it is the one the
// user can act on, later ones are often consequences.
class UblParser
{
public:
    explicit UblParser(const XmlElement &root) : m_root(root) {}

    std::optional<Invoice> parse(QString *error);

private:
    const XmlElement &m_root;
    QString m_error;
    bool m_creditNote = false;

    void fail(const QString &message, const XmlElement *where)
    {
        if (!m_error.isEmpty())
            return;
        m_error = message;
        if (where && where->line > 0)
            m_error += QStringLiteral(" (XML line %1)").arg(where->line);
    }

    static QString text(const XmlElement *parent, const QString &path)
    {
        return parent ? parent->textAt(path) : QString();
    }

    OptDecimal optDecimal(const XmlElement *parent, const QString &path, const QString &what);
    Decimal decimal(const XmlElement *parent, const QString &path, const QString &what)
    {
        return optDecimal(parent, path, what).value_or(Decimal());
    }
    QDate date(const XmlElement *parent, const QString &path, const QString &what);
    static Identifier identifier(const XmlElement *parent, const QString &path);

    Address address(const XmlElement *e);
    Party party(const XmlElement *partyElement, bool nameIsPartyName);
    Period period(const XmlElement *e, const QString &what);
    AllowanceCharge allowanceCharge(const XmlElement *e, const QString &what);
    PaymentMeans paymentMeans(const XmlElement *e);
    void readDocumentReferences(Invoice &inv);
    void readTaxTotals(Invoice &inv);
    void readTotals(Invoice &inv);
    InvoiceLine line(const XmlElement *e, int index);
    void assignCreditorIds(Invoice &inv);
};

OptDecimal UblParser::optDecimal(const XmlElement *parent, const QString &path, const QString &what)
{
    const XmlElement *e = parent ? parent->at(path) : nullptr;
    if (!e || e->text.isEmpty())
        return std::nullopt;
    const auto value = Decimal::parse(e->text);
    if (!value)
        fail(QStringLiteral("%1 '%2' is not a number").arg(what, e->text), e);
    return value;
}

QDate UblParser::date(const XmlElement *parent, const QString &path, const QString &what)
{
    const XmlElement *e = parent ? parent->at(path) : nullptr;
    if (!e || e->text.isEmpty())
        return QDate();
    // xsd:date may carry a time zone ("2017-11-13Z", "2017-11-13+01:00"); a calendar date has none.
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})(Z|[+-]\\d{2}:\\d{2})?$"));
    const auto match = pattern.match(e->text);
    const QDate d =
        match.hasMatch() ? QDate::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd")) : QDate();
    if (!d.isValid())
        fail(QStringLiteral("%1 '%2' is not a date (expected YYYY-MM-DD)").arg(what, e->text), e);
    return d;
}

Identifier UblParser::identifier(const XmlElement *parent, const QString &path)
{
    const XmlElement *e = parent ? parent->at(path) : nullptr;
    if (!e)
        return {};
    return Identifier{e->text, e->attribute(QStringLiteral("schemeID"))};
}

Address UblParser::address(const XmlElement *e)
{
    Address a;
    if (!e)
        return a;
    a.line1 = e->textAt(QStringLiteral("StreetName"));
    a.line2 = e->textAt(QStringLiteral("AdditionalStreetName"));
    // BT-162 is the first AddressLine; UBL allows several, so later ones are kept by joining.
    QStringList lines;
    for (const XmlElement *l : e->all(QStringLiteral("AddressLine/Line")))
        if (!l->text.isEmpty())
            lines << l->text;
    a.line3 = lines.join(QLatin1Char('\n'));
    a.city = e->textAt(QStringLiteral("CityName"));
    a.postCode = e->textAt(QStringLiteral("PostalZone"));
    a.subdivision = e->textAt(QStringLiteral("CountrySubentity"));
    a.countryCode = e->textAt(QStringLiteral("Country/IdentificationCode"));
    return a;
}

Party UblParser::party(const XmlElement *p, bool nameIsPartyName)
{
    Party party;
    if (!p)
        return party;
    party.electronicAddress = identifier(p, QStringLiteral("EndpointID"));
    for (const XmlElement *id : p->all(QStringLiteral("PartyIdentification/ID")))
        party.identifiers.append(Identifier{id->text, id->attribute(QStringLiteral("schemeID"))});
    // Seller and buyer carry their legal name in PartyLegalEntity and the trading name in PartyName;
    // payee and tax representative have only PartyName, which is then their name (BT-59 / BT-62).
    const QString partyName = p->textAt(QStringLiteral("PartyName/Name"));
    if (nameIsPartyName)
        party.name = partyName;
    else
        party.tradingName = partyName;
    party.address = address(p->child(QStringLiteral("PostalAddress")));
    for (const XmlElement *scheme : p->childrenNamed(QStringLiteral("PartyTaxScheme"))) {
        const QString companyId = scheme->textAt(QStringLiteral("CompanyID"));
        if (scheme->textAt(QStringLiteral("TaxScheme/ID"))
                .compare(QLatin1String("VAT"), Qt::CaseInsensitive) == 0) {
            if (party.vatId.isEmpty())
                party.vatId = companyId;
        } else if (party.taxRegistrationId.isEmpty()) {
            party.taxRegistrationId = companyId;
        }
    }
    if (const XmlElement *legal = p->child(QStringLiteral("PartyLegalEntity"))) {
        if (!nameIsPartyName)
            party.name = legal->textAt(QStringLiteral("RegistrationName"));
        else if (party.name.isEmpty())
            party.name = legal->textAt(QStringLiteral("RegistrationName"));
        party.legalRegistration = identifier(legal, QStringLiteral("CompanyID"));
        party.legalInfo = legal->textAt(QStringLiteral("CompanyLegalForm"));
    }
    if (const XmlElement *c = p->child(QStringLiteral("Contact"))) {
        party.contact.name = c->textAt(QStringLiteral("Name"));
        party.contact.phone = c->textAt(QStringLiteral("Telephone"));
        party.contact.email = c->textAt(QStringLiteral("ElectronicMail"));
    }
    return party;
}

Period UblParser::period(const XmlElement *e, const QString &what)
{
    Period p;
    if (!e)
        return p;
    p.start = date(e, QStringLiteral("StartDate"), what + QStringLiteral(" start date"));
    p.end = date(e, QStringLiteral("EndDate"), what + QStringLiteral(" end date"));
    p.descriptionCode = e->textAt(QStringLiteral("DescriptionCode"));
    return p;
}

AllowanceCharge UblParser::allowanceCharge(const XmlElement *e, const QString &what)
{
    AllowanceCharge ac;
    const QString indicator = e->textAt(QStringLiteral("ChargeIndicator"));
    if (indicator != QLatin1String("true") && indicator != QLatin1String("false") &&
        indicator != QLatin1String("1") && indicator != QLatin1String("0"))
        fail(QStringLiteral("%1: ChargeIndicator '%2' is not 'true' or 'false'").arg(what, indicator), e);
    ac.isCharge = indicator == QLatin1String("true") || indicator == QLatin1String("1");
    ac.reasonCode = e->textAt(QStringLiteral("AllowanceChargeReasonCode"));
    ac.reason = e->textAt(QStringLiteral("AllowanceChargeReason"));
    ac.percentage =
        optDecimal(e, QStringLiteral("MultiplierFactorNumeric"), what + QStringLiteral(" percentage"));
    ac.amount = decimal(e, QStringLiteral("Amount"), what + QStringLiteral(" amount"));
    ac.baseAmount = optDecimal(e, QStringLiteral("BaseAmount"), what + QStringLiteral(" base amount"));
    if (const XmlElement *cat = e->child(QStringLiteral("TaxCategory"))) {
        ac.vatCategory = cat->textAt(QStringLiteral("ID"));
        ac.vatRate = optDecimal(cat, QStringLiteral("Percent"), what + QStringLiteral(" VAT rate"));
    }
    return ac;
}

PaymentMeans UblParser::paymentMeans(const XmlElement *e)
{
    PaymentMeans pm;
    const XmlElement *code = e->child(QStringLiteral("PaymentMeansCode"));
    if (code) {
        pm.typeCode = code->text;
        pm.typeText = code->attribute(QStringLiteral("name"));
    }
    pm.remittanceInfo = e->textAt(QStringLiteral("PaymentID"));
    if (const XmlElement *account = e->child(QStringLiteral("PayeeFinancialAccount"))) {
        CreditTransfer ct;
        ct.accountId = account->textAt(QStringLiteral("ID"));
        ct.accountName = account->textAt(QStringLiteral("Name"));
        ct.bic = account->textAt(QStringLiteral("FinancialInstitutionBranch/ID"));
        pm.creditTransfers.append(ct);
    }
    if (const XmlElement *card = e->child(QStringLiteral("CardAccount"))) {
        pm.card.primaryAccountNumber = card->textAt(QStringLiteral("PrimaryAccountNumberID"));
        pm.card.networkId = card->textAt(QStringLiteral("NetworkID"));
        pm.card.holderName = card->textAt(QStringLiteral("HolderName"));
    }
    if (const XmlElement *mandate = e->child(QStringLiteral("PaymentMandate"))) {
        pm.directDebit.mandateReference = mandate->textAt(QStringLiteral("ID"));
        pm.directDebit.debitedAccountId = mandate->textAt(QStringLiteral("PayerFinancialAccount/ID"));
    }
    return pm;
}

void UblParser::readDocumentReferences(Invoice &inv)
{
    if (const XmlElement *order = m_root.child(QStringLiteral("OrderReference"))) {
        inv.orderReference = order->textAt(QStringLiteral("ID"));
        inv.salesOrderReference = order->textAt(QStringLiteral("SalesOrderID"));
        // Peppol requires OrderReference/ID and tells senders to put "NA" there when only the
        // sales order id is known; that placeholder is not a buyer's order reference.
        if (inv.orderReference == QLatin1String("NA") && !inv.salesOrderReference.isEmpty())
            inv.orderReference.clear();
    }
    int index = 0;
    for (const XmlElement *billing : m_root.childrenNamed(QStringLiteral("BillingReference"))) {
        ++index;
        const XmlElement *ref = billing->child(QStringLiteral("InvoiceDocumentReference"));
        if (!ref)
            continue;
        PrecedingInvoice p;
        p.number = ref->textAt(QStringLiteral("ID"));
        p.issueDate = date(ref, QStringLiteral("IssueDate"),
                           QStringLiteral("BT-26 preceding invoice issue date (BG-3 #%1)").arg(index));
        inv.precedingInvoices.append(p);
    }
    inv.despatchAdviceReference = m_root.textAt(QStringLiteral("DespatchDocumentReference/ID"));
    inv.receivingAdviceReference = m_root.textAt(QStringLiteral("ReceiptDocumentReference/ID"));
    inv.tenderReference = m_root.textAt(QStringLiteral("OriginatorDocumentReference/ID"));
    inv.contractReference = m_root.textAt(QStringLiteral("ContractDocumentReference/ID"));
    inv.projectReference = m_root.textAt(QStringLiteral("ProjectReference/ID"));

    index = 0;
    for (const XmlElement *ref : m_root.childrenNamed(QStringLiteral("AdditionalDocumentReference"))) {
        ++index;
        const QString typeCode = ref->textAt(QStringLiteral("DocumentTypeCode"));
        if (typeCode == QLatin1String("130") && inv.invoicedObject.isEmpty()) {
            inv.invoicedObject = identifier(ref, QStringLiteral("ID"));
            continue;
        }
        // The UBL CreditNote has no ProjectReference; Peppol carries BT-11 there as document type 50.
        if (m_creditNote && typeCode == QLatin1String("50") && inv.projectReference.isEmpty()) {
            inv.projectReference = ref->textAt(QStringLiteral("ID"));
            continue;
        }
        Attachment a;
        a.id = ref->textAt(QStringLiteral("ID"));
        a.typeCode = typeCode;
        a.description = ref->textAt(QStringLiteral("DocumentDescription"));
        a.externalUri = ref->textAt(QStringLiteral("Attachment/ExternalReference/URI"));
        if (const XmlElement *bin = ref->at(QStringLiteral("Attachment/EmbeddedDocumentBinaryObject"))) {
            a.mimeCode = bin->attribute(QStringLiteral("mimeCode"));
            a.filename = bin->attribute(QStringLiteral("filename"));
            QByteArray encoded = bin->text.toLatin1();
            // base64Binary allows whitespace (line breaks every 76 characters are common).
            encoded.replace(' ', QByteArray())
                .replace('\n', QByteArray())
                .replace('\r', QByteArray())
                .replace('\t', QByteArray());
            const auto decoded =
                QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                fail(QStringLiteral("BT-125 attached document '%1' (BG-24 #%2) is not valid base64")
                         .arg(a.id)
                         .arg(index),
                     bin);
            else
                a.content = *decoded;
        }
        inv.attachments.append(a);
    }
}

void UblParser::readTaxTotals(Invoice &inv)
{
    // BT-110 and the breakdown come from the TaxTotal with subtotals; a TaxTotal without subtotals
    // is the VAT total in accounting currency BT-111 (or BT-110 when it is the only one).
    const auto totals = m_root.childrenNamed(QStringLiteral("TaxTotal"));
    int index = 0;
    for (const XmlElement *total : totals) {
        const auto subtotals = total->childrenNamed(QStringLiteral("TaxSubtotal"));
        if (subtotals.isEmpty())
            continue;
        if (!inv.totals.vatTotal)
            inv.totals.vatTotal =
                optDecimal(total, QStringLiteral("TaxAmount"), QStringLiteral("BT-110 VAT total"));
        for (const XmlElement *sub : subtotals) {
            ++index;
            const QString where = QStringLiteral(" (BG-23 #%1)").arg(index);
            VatBreakdown b;
            b.taxableAmount = decimal(sub, QStringLiteral("TaxableAmount"),
                                      QStringLiteral("BT-116 VAT taxable amount") + where);
            b.taxAmount =
                decimal(sub, QStringLiteral("TaxAmount"), QStringLiteral("BT-117 VAT amount") + where);
            if (const XmlElement *cat = sub->child(QStringLiteral("TaxCategory"))) {
                b.category = cat->textAt(QStringLiteral("ID"));
                b.rate =
                    optDecimal(cat, QStringLiteral("Percent"), QStringLiteral("BT-119 VAT rate") + where);
                b.exemptionReasonCode = cat->textAt(QStringLiteral("TaxExemptionReasonCode"));
                b.exemptionReason = cat->textAt(QStringLiteral("TaxExemptionReason"));
            }
            inv.vatBreakdown.append(b);
        }
    }
    for (const XmlElement *total : totals) {
        if (!total->childrenNamed(QStringLiteral("TaxSubtotal")).isEmpty())
            continue;
        const XmlElement *amount = total->child(QStringLiteral("TaxAmount"));
        const QString currency = amount ? amount->attribute(QStringLiteral("currencyID")) : QString();
        const bool inDocumentCurrency = currency.isEmpty() || currency == inv.currency;
        if (!inv.totals.vatTotal && inDocumentCurrency &&
            (inv.vatCurrency.isEmpty() || inv.vatCurrency == inv.currency))
            inv.totals.vatTotal =
                optDecimal(total, QStringLiteral("TaxAmount"), QStringLiteral("BT-110 VAT total"));
        else if (!inv.totals.vatTotalAccounting)
            inv.totals.vatTotalAccounting =
                optDecimal(total, QStringLiteral("TaxAmount"),
                           QStringLiteral("BT-111 VAT total in accounting currency"));
    }
}

void UblParser::readTotals(Invoice &inv)
{
    const XmlElement *m = m_root.child(QStringLiteral("LegalMonetaryTotal"));
    if (!m) {
        fail(QStringLiteral("the document totals (cac:LegalMonetaryTotal, BG-22) are missing"), &m_root);
        return;
    }
    DocumentTotals &t = inv.totals;
    t.lineNetTotal =
        decimal(m, QStringLiteral("LineExtensionAmount"), QStringLiteral("BT-106 sum of line net amounts"));
    t.taxExclusive =
        decimal(m, QStringLiteral("TaxExclusiveAmount"), QStringLiteral("BT-109 total amount without VAT"));
    t.taxInclusive =
        decimal(m, QStringLiteral("TaxInclusiveAmount"), QStringLiteral("BT-112 total amount with VAT"));
    t.allowanceTotal =
        optDecimal(m, QStringLiteral("AllowanceTotalAmount"), QStringLiteral("BT-107 sum of allowances"));
    t.chargeTotal =
        optDecimal(m, QStringLiteral("ChargeTotalAmount"), QStringLiteral("BT-108 sum of charges"));
    t.prepaid = optDecimal(m, QStringLiteral("PrepaidAmount"), QStringLiteral("BT-113 paid amount"));
    t.rounding =
        optDecimal(m, QStringLiteral("PayableRoundingAmount"), QStringLiteral("BT-114 rounding amount"));
    if (!m->child(QStringLiteral("PayableAmount")))
        fail(QStringLiteral("BT-115 amount due for payment (cbc:PayableAmount) is missing"), m);
    t.payable = decimal(m, QStringLiteral("PayableAmount"), QStringLiteral("BT-115 amount due for payment"));
}

InvoiceLine UblParser::line(const XmlElement *e, int index)
{
    InvoiceLine l;
    l.id = e->textAt(QStringLiteral("ID"));
    const QString where = QStringLiteral(" of line %1").arg(l.id.isEmpty() ? QString::number(index) : l.id);
    QStringList notes;
    for (const XmlElement *n : e->childrenNamed(QStringLiteral("Note")))
        notes << n->text;
    l.note = notes.join(QLatin1Char('\n'));
    const QString quantityName =
        m_creditNote ? QStringLiteral("CreditedQuantity") : QStringLiteral("InvoicedQuantity");
    if (const XmlElement *q = e->child(quantityName)) {
        l.unitCode = q->attribute(QStringLiteral("unitCode"));
        l.quantity = decimal(e, quantityName, QStringLiteral("BT-129 invoiced quantity") + where);
    }
    l.netAmount =
        decimal(e, QStringLiteral("LineExtensionAmount"), QStringLiteral("BT-131 net amount") + where);
    l.accountingCost = e->textAt(QStringLiteral("AccountingCost"));
    l.period = period(e->child(QStringLiteral("InvoicePeriod")), QStringLiteral("BG-26 line period") + where);
    l.orderLineRef = e->textAt(QStringLiteral("OrderLineReference/LineID"));
    for (const XmlElement *ref : e->childrenNamed(QStringLiteral("DocumentReference"))) {
        if (ref->textAt(QStringLiteral("DocumentTypeCode")) == QLatin1String("130") && l.objectId.isEmpty())
            l.objectId = identifier(ref, QStringLiteral("ID"));
    }
    int acIndex = 0;
    for (const XmlElement *ac : e->childrenNamed(QStringLiteral("AllowanceCharge")))
        l.allowanceCharges.append(
            allowanceCharge(ac, QStringLiteral("BG-27/BG-28 allowance/charge #%1").arg(++acIndex) + where));

    if (const XmlElement *item = e->child(QStringLiteral("Item"))) {
        l.itemDescription = item->textAt(QStringLiteral("Description"));
        l.itemName = item->textAt(QStringLiteral("Name"));
        l.buyerItemId = item->textAt(QStringLiteral("BuyersItemIdentification/ID"));
        l.sellerItemId = item->textAt(QStringLiteral("SellersItemIdentification/ID"));
        l.standardItemId = identifier(item, QStringLiteral("StandardItemIdentification/ID"));
        l.originCountry = item->textAt(QStringLiteral("OriginCountry/IdentificationCode"));
        for (const XmlElement *c :
             item->all(QStringLiteral("CommodityClassification/ItemClassificationCode"))) {
            InvoiceLine::Classification cl;
            cl.code = c->text;
            cl.listId = c->attribute(QStringLiteral("listID"));
            cl.listVersion = c->attribute(QStringLiteral("listVersionID"));
            l.classifications.append(cl);
        }
        if (const XmlElement *cat = item->child(QStringLiteral("ClassifiedTaxCategory"))) {
            l.vatCategory = cat->textAt(QStringLiteral("ID"));
            l.vatRate = optDecimal(cat, QStringLiteral("Percent"), QStringLiteral("BT-152 VAT rate") + where);
        }
        for (const XmlElement *prop : item->childrenNamed(QStringLiteral("AdditionalItemProperty")))
            l.attributes.append(
                ItemAttribute{prop->textAt(QStringLiteral("Name")), prop->textAt(QStringLiteral("Value"))});
    }
    if (const XmlElement *price = e->child(QStringLiteral("Price"))) {
        l.netPrice =
            decimal(price, QStringLiteral("PriceAmount"), QStringLiteral("BT-146 item net price") + where);
        if (const XmlElement *bq = price->child(QStringLiteral("BaseQuantity"))) {
            l.baseQuantity = optDecimal(price, QStringLiteral("BaseQuantity"),
                                        QStringLiteral("BT-149 price base quantity") + where);
            l.baseQuantityUnit = bq->attribute(QStringLiteral("unitCode"));
        }
        if (const XmlElement *ac = price->child(QStringLiteral("AllowanceCharge"))) {
            l.priceDiscount =
                optDecimal(ac, QStringLiteral("Amount"), QStringLiteral("BT-147 price discount") + where);
            l.grossPrice =
                optDecimal(ac, QStringLiteral("BaseAmount"), QStringLiteral("BT-148 gross price") + where);
        }
    }
    return l;
}

void UblParser::assignCreditorIds(Invoice &inv)
{
    // BT-90 (bank assigned creditor id) is a party identifier with scheme "SEPA" of the payee, or
    // of the seller when there is no payee. The model keeps it with the direct debit it belongs to.
    Party &holder = inv.payee.isEmpty() ? inv.seller : inv.payee;
    QList<int> debitMeans;
    for (int i = 0; i < inv.paymentMeans.size(); ++i) {
        const PaymentMeans &pm = inv.paymentMeans.at(i);
        if (pm.hasDirectDebit() || pm.typeCode == QLatin1String("49") || pm.typeCode == QLatin1String("59"))
            debitMeans << i;
    }
    if (debitMeans.isEmpty())
        return;
    for (int i = 0; i < holder.identifiers.size(); ++i) {
        if (holder.identifiers.at(i).scheme.compare(QLatin1String("SEPA"), Qt::CaseInsensitive) != 0)
            continue;
        for (int m : debitMeans)
            inv.paymentMeans[m].directDebit.creditorId = holder.identifiers.at(i).id;
        holder.identifiers.removeAt(i);
        return;
    }
}

std::optional<Invoice> UblParser::parse(QString *error)
{
    auto failed = [&]() -> std::optional<Invoice> {
        if (error)
            *error = m_error;
        return std::nullopt;
    };
    const bool isInvoice =
        m_root.name == QLatin1String("Invoice") && m_root.ns == QLatin1String(UblReader::kInvoiceNs);
    m_creditNote =
        m_root.name == QLatin1String("CreditNote") && m_root.ns == QLatin1String(UblReader::kCreditNoteNs);
    if (!isInvoice && !m_creditNote) {
        fail(QStringLiteral(
                 "not a UBL 2.1 invoice: the root element is {%1}%2, expected {%3}Invoice or {%4}CreditNote")
                 .arg(m_root.ns, m_root.name, QLatin1String(UblReader::kInvoiceNs),
                      QLatin1String(UblReader::kCreditNoteNs)),
             nullptr);
        return failed();
    }

    Invoice inv;
    inv.kind = m_creditNote ? DocumentKind::CreditNote : DocumentKind::Invoice;
    inv.customizationId = m_root.textAt(QStringLiteral("CustomizationID"));
    inv.profileId = m_root.textAt(QStringLiteral("ProfileID"));
    inv.number = m_root.textAt(QStringLiteral("ID"));
    if (inv.number.isEmpty())
        fail(QStringLiteral("BT-1 invoice number (cbc:ID) is missing"), &m_root);
    if (!m_root.child(QStringLiteral("IssueDate")))
        fail(QStringLiteral("BT-2 issue date (cbc:IssueDate) is missing"), &m_root);
    inv.issueDate = date(&m_root, QStringLiteral("IssueDate"), QStringLiteral("BT-2 issue date"));
    inv.typeCode = m_root.textAt(m_creditNote ? QStringLiteral("CreditNoteTypeCode")
                                              : QStringLiteral("InvoiceTypeCode"));
    inv.currency = m_root.textAt(QStringLiteral("DocumentCurrencyCode"));
    inv.vatCurrency = m_root.textAt(QStringLiteral("TaxCurrencyCode"));
    inv.taxPointDate = date(&m_root, QStringLiteral("TaxPointDate"), QStringLiteral("BT-7 VAT point date"));
    inv.dueDate = date(&m_root, QStringLiteral("DueDate"), QStringLiteral("BT-9 payment due date"));
    inv.buyerReference = m_root.textAt(QStringLiteral("BuyerReference"));
    inv.accountingCost = m_root.textAt(QStringLiteral("AccountingCost"));

    // EN 16931 binds the note subject code BT-21 as a "#CODE#" prefix of the note text.
    static const QRegularExpression subject(QStringLiteral("^#([A-Za-z0-9]{1,10})#"));
    for (const XmlElement *n : m_root.childrenNamed(QStringLiteral("Note"))) {
        Note note;
        note.text = n->text;
        const auto match = subject.match(n->text);
        if (match.hasMatch()) {
            note.subjectCode = match.captured(1);
            note.text = n->text.mid(match.capturedLength(0));
        }
        inv.notes.append(note);
    }

    inv.invoicePeriod =
        period(m_root.child(QStringLiteral("InvoicePeriod")), QStringLiteral("BG-14 invoice period"));
    // BT-8 lives in InvoicePeriod/DescriptionCode in UBL; the model has it as taxPointDateCode too.
    inv.taxPointDateCode = inv.invoicePeriod.descriptionCode;

    readDocumentReferences(inv);

    const XmlElement *seller = m_root.at(QStringLiteral("AccountingSupplierParty/Party"));
    if (!seller)
        fail(QStringLiteral("the seller (cac:AccountingSupplierParty/cac:Party, BG-4) is missing"), &m_root);
    inv.seller = party(seller, false);
    const XmlElement *buyer = m_root.at(QStringLiteral("AccountingCustomerParty/Party"));
    if (!buyer)
        fail(QStringLiteral("the buyer (cac:AccountingCustomerParty/cac:Party, BG-7) is missing"), &m_root);
    inv.buyer = party(buyer, false);
    inv.payee = party(m_root.child(QStringLiteral("PayeeParty")), true);
    inv.taxRepresentative = party(m_root.child(QStringLiteral("TaxRepresentativeParty")), true);

    if (const XmlElement *d = m_root.child(QStringLiteral("Delivery"))) {
        inv.delivery.actualDate =
            date(d, QStringLiteral("ActualDeliveryDate"), QStringLiteral("BT-72 delivery date"));
        inv.delivery.locationId = identifier(d, QStringLiteral("DeliveryLocation/ID"));
        inv.delivery.address = address(d->at(QStringLiteral("DeliveryLocation/Address")));
        inv.delivery.partyName = d->textAt(QStringLiteral("DeliveryParty/PartyName/Name"));
    }

    int index = 0;
    for (const XmlElement *pm : m_root.childrenNamed(QStringLiteral("PaymentMeans"))) {
        inv.paymentMeans.append(paymentMeans(pm));
        // The UBL CreditNote has no DueDate; Peppol puts BT-9 into PaymentMeans/PaymentDueDate.
        if (inv.dueDate.isNull())
            inv.dueDate = date(pm, QStringLiteral("PaymentDueDate"), QStringLiteral("BT-9 payment due date"));
    }
    QStringList terms;
    for (const XmlElement *n : m_root.all(QStringLiteral("PaymentTerms/Note")))
        if (!n->text.isEmpty())
            terms << n->text;
    inv.paymentTerms = terms.join(QLatin1Char('\n'));

    index = 0;
    for (const XmlElement *ac : m_root.childrenNamed(QStringLiteral("AllowanceCharge")))
        inv.allowanceCharges.append(
            allowanceCharge(ac, QStringLiteral("BG-20/BG-21 document allowance/charge #%1").arg(++index)));

    readTaxTotals(inv);
    readTotals(inv);

    index = 0;
    const QString lineName = m_creditNote ? QStringLiteral("CreditNoteLine") : QStringLiteral("InvoiceLine");
    for (const XmlElement *l : m_root.childrenNamed(lineName))
        inv.lines.append(line(l, ++index));

    assignCreditorIds(inv);

    if (!m_error.isEmpty())
        return failed();
    return inv;
}

} // namespace

std::optional<Invoice> UblReader::read(const XmlElement &root, QString *error)
{
    return UblParser(root).parse(error);
}

} // namespace einvoice

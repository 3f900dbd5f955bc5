#include "ublwriter.h"

#include "ublreader.h"

#include <QXmlStreamWriter>
#include <algorithm>
#include <memory>
#include <vector>

namespace einvoice {

namespace {

// The document is first built as a small tree and then pruned, so that no element without
// content reaches the output (Peppol R008 rejects empty elements) however sparse the model is.
struct Node
{
    bool cac = true; // prefix: cac (aggregate) or cbc (basic)
    QString name;
    QString text;
    QList<QPair<QString, QString>> attributes;
    std::vector<std::unique_ptr<Node>> children;

    Node &add(const QString &aggregate)
    {
        children.push_back(std::make_unique<Node>());
        Node &n = *children.back();
        n.name = aggregate;
        return n;
    }
    Node &value(const QString &basic, const QString &content)
    {
        Node &n = add(basic);
        n.cac = false;
        n.text = content;
        return n;
    }
    Node &value(const QString &basic, const QString &content, const QString &attribute,
                const QString &attrValue)
    {
        Node &n = value(basic, content);
        if (!attrValue.isEmpty())
            n.attributes.append({attribute, attrValue});
        return n;
    }
    /// Drops empty descendants; returns true when this node itself has nothing to say.
    bool prune()
    {
        std::vector<std::unique_ptr<Node>> kept;
        for (auto &c : children)
            if (!c->prune())
                kept.push_back(std::move(c));
        children = std::move(kept);
        return children.empty() && text.isEmpty();
    }
    void write(QXmlStreamWriter &w) const
    {
        w.writeStartElement(QLatin1String(cac ? UblReader::kCacNs : UblReader::kCbcNs), name);
        for (const auto &a : attributes)
            w.writeAttribute(a.first, a.second);
        if (children.empty())
            w.writeCharacters(text);
        for (const auto &c : children)
            c->write(w);
        w.writeEndElement();
    }
};

QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString text(const OptDecimal &d)
{
    return d ? d->toString() : QString();
}

class UblBuilder
{
public:
    explicit UblBuilder(const Invoice &invoice) : m_inv(invoice), m_creditNote(invoice.isCreditNote()) {}

    QByteArray build();

private:
    const Invoice &m_inv;
    const bool m_creditNote;

    void amount(Node &parent, const QString &name, const Decimal &value) const
    {
        parent.value(name, value.toString(), QStringLiteral("currencyID"), m_inv.currency);
    }
    void amount(Node &parent, const QString &name, const OptDecimal &value) const
    {
        if (value)
            amount(parent, name, *value);
    }
    static void address(Node &parent, const QString &name, const Address &a);
    static void period(Node &parent, const Period &p, const QString &descriptionCode);
    static void taxCategory(Node &parent, const QString &name, const QString &category,
                            const OptDecimal &rate, const QString &exemptionCode = QString(),
                            const QString &exemption = QString());
    /// Fills @p n (a cac:Party, cac:PayeeParty or cac:TaxRepresentativeParty) with a PartyType.
    void party(Node &n, const Party &p, bool nameIsPartyName, const QStringList &creditorIds) const;
    void allowanceCharge(Node &parent, const AllowanceCharge &ac) const;
    void documentReferences(Node &root) const;
    void paymentMeans(Node &root) const;
    void taxTotals(Node &root) const;
    void line(Node &root, const InvoiceLine &l) const;
};

void UblBuilder::address(Node &parent, const QString &name, const Address &a)
{
    Node &n = parent.add(name);
    n.value(QStringLiteral("StreetName"), a.line1);
    n.value(QStringLiteral("AdditionalStreetName"), a.line2);
    n.value(QStringLiteral("CityName"), a.city);
    n.value(QStringLiteral("PostalZone"), a.postCode);
    n.value(QStringLiteral("CountrySubentity"), a.subdivision);
    // The reader joins several AddressLine elements with line breaks; split them back.
    for (const QString &l : a.line3.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        n.add(QStringLiteral("AddressLine")).value(QStringLiteral("Line"), l);
    n.add(QStringLiteral("Country")).value(QStringLiteral("IdentificationCode"), a.countryCode);
}

void UblBuilder::period(Node &parent, const Period &p, const QString &descriptionCode)
{
    Node &n = parent.add(QStringLiteral("InvoicePeriod"));
    n.value(QStringLiteral("StartDate"), isoDate(p.start));
    n.value(QStringLiteral("EndDate"), isoDate(p.end));
    n.value(QStringLiteral("DescriptionCode"), descriptionCode);
}

void UblBuilder::taxCategory(Node &parent, const QString &name, const QString &category,
                             const OptDecimal &rate, const QString &exemptionCode, const QString &exemption)
{
    if (category.isEmpty() && !rate && exemptionCode.isEmpty() && exemption.isEmpty())
        return;
    Node &n = parent.add(name);
    n.value(QStringLiteral("ID"), category);
    n.value(QStringLiteral("Percent"), text(rate));
    n.value(QStringLiteral("TaxExemptionReasonCode"), exemptionCode);
    n.value(QStringLiteral("TaxExemptionReason"), exemption);
    n.add(QStringLiteral("TaxScheme")).value(QStringLiteral("ID"), QStringLiteral("VAT"));
}

void UblBuilder::party(Node &n, const Party &p, bool nameIsPartyName, const QStringList &creditorIds) const
{
    n.value(QStringLiteral("EndpointID"), p.electronicAddress.id, QStringLiteral("schemeID"),
            p.electronicAddress.scheme);
    for (const Identifier &id : p.identifiers)
        n.add(QStringLiteral("PartyIdentification"))
            .value(QStringLiteral("ID"), id.id, QStringLiteral("schemeID"), id.scheme);
    for (const QString &creditor : creditorIds)
        if (!p.identifiers.contains(Identifier{creditor, QStringLiteral("SEPA")}))
            n.add(QStringLiteral("PartyIdentification"))
                .value(QStringLiteral("ID"), creditor, QStringLiteral("schemeID"), QStringLiteral("SEPA"));
    n.add(QStringLiteral("PartyName"))
        .value(QStringLiteral("Name"), nameIsPartyName ? p.name : p.tradingName);
    if (!p.address.isEmpty())
        address(n, QStringLiteral("PostalAddress"), p.address);
    if (!p.vatId.isEmpty()) {
        Node &scheme = n.add(QStringLiteral("PartyTaxScheme"));
        scheme.value(QStringLiteral("CompanyID"), p.vatId);
        scheme.add(QStringLiteral("TaxScheme")).value(QStringLiteral("ID"), QStringLiteral("VAT"));
    }
    if (!p.taxRegistrationId.isEmpty()) {
        // Any scheme other than VAT marks the local tax registration (BT-32); Peppol uses "TAX".
        Node &scheme = n.add(QStringLiteral("PartyTaxScheme"));
        scheme.value(QStringLiteral("CompanyID"), p.taxRegistrationId);
        scheme.add(QStringLiteral("TaxScheme")).value(QStringLiteral("ID"), QStringLiteral("TAX"));
    }
    Node &legal = n.add(QStringLiteral("PartyLegalEntity"));
    if (!nameIsPartyName)
        legal.value(QStringLiteral("RegistrationName"), p.name);
    legal.value(QStringLiteral("CompanyID"), p.legalRegistration.id, QStringLiteral("schemeID"),
                p.legalRegistration.scheme);
    legal.value(QStringLiteral("CompanyLegalForm"), p.legalInfo);
    Node &contact = n.add(QStringLiteral("Contact"));
    contact.value(QStringLiteral("Name"), p.contact.name);
    contact.value(QStringLiteral("Telephone"), p.contact.phone);
    contact.value(QStringLiteral("ElectronicMail"), p.contact.email);
}

void UblBuilder::allowanceCharge(Node &parent, const AllowanceCharge &ac) const
{
    Node &n = parent.add(QStringLiteral("AllowanceCharge"));
    n.value(QStringLiteral("ChargeIndicator"),
            ac.isCharge ? QStringLiteral("true") : QStringLiteral("false"));
    n.value(QStringLiteral("AllowanceChargeReasonCode"), ac.reasonCode);
    n.value(QStringLiteral("AllowanceChargeReason"), ac.reason);
    n.value(QStringLiteral("MultiplierFactorNumeric"), text(ac.percentage));
    amount(n, QStringLiteral("Amount"), ac.amount);
    amount(n, QStringLiteral("BaseAmount"), ac.baseAmount);
    taxCategory(n, QStringLiteral("TaxCategory"), ac.vatCategory, ac.vatRate);
}

void UblBuilder::documentReferences(Node &root) const
{
    // Element order differs between the two documents: the Invoice has Despatch, Receipt,
    // Originator, Contract, Additional, Project; the CreditNote has Despatch, Receipt, Contract,
    // Additional, Originator and no ProjectReference at all.
    if (!m_inv.orderReference.isEmpty() || !m_inv.salesOrderReference.isEmpty()) {
        Node &order = root.add(QStringLiteral("OrderReference"));
        // OrderReference/ID is mandatory; Peppol prescribes "NA" when only a sales order id exists.
        order.value(QStringLiteral("ID"),
                    m_inv.orderReference.isEmpty() ? QStringLiteral("NA") : m_inv.orderReference);
        order.value(QStringLiteral("SalesOrderID"), m_inv.salesOrderReference);
    }
    for (const PrecedingInvoice &p : m_inv.precedingInvoices) {
        if (p.number.isEmpty())
            continue; // the reference ID is mandatory in UBL (and BR-55)
        Node &ref =
            root.add(QStringLiteral("BillingReference")).add(QStringLiteral("InvoiceDocumentReference"));
        ref.value(QStringLiteral("ID"), p.number);
        ref.value(QStringLiteral("IssueDate"), isoDate(p.issueDate));
    }
    root.add(QStringLiteral("DespatchDocumentReference"))
        .value(QStringLiteral("ID"), m_inv.despatchAdviceReference);
    root.add(QStringLiteral("ReceiptDocumentReference"))
        .value(QStringLiteral("ID"), m_inv.receivingAdviceReference);
    if (!m_creditNote)
        root.add(QStringLiteral("OriginatorDocumentReference"))
            .value(QStringLiteral("ID"), m_inv.tenderReference);
    root.add(QStringLiteral("ContractDocumentReference"))
        .value(QStringLiteral("ID"), m_inv.contractReference);

    if (!m_inv.invoicedObject.isEmpty()) {
        Node &ref = root.add(QStringLiteral("AdditionalDocumentReference"));
        ref.value(QStringLiteral("ID"), m_inv.invoicedObject.id, QStringLiteral("schemeID"),
                  m_inv.invoicedObject.scheme);
        ref.value(QStringLiteral("DocumentTypeCode"), QStringLiteral("130"));
    }
    if (m_creditNote && !m_inv.projectReference.isEmpty()) {
        Node &ref = root.add(QStringLiteral("AdditionalDocumentReference"));
        ref.value(QStringLiteral("ID"), m_inv.projectReference);
        ref.value(QStringLiteral("DocumentTypeCode"), QStringLiteral("50"));
    }
    for (const Attachment &a : m_inv.attachments) {
        Node &ref = root.add(QStringLiteral("AdditionalDocumentReference"));
        ref.value(QStringLiteral("ID"), a.id);
        ref.value(QStringLiteral("DocumentTypeCode"), a.typeCode);
        ref.value(QStringLiteral("DocumentDescription"), a.description);
        Node &attachment = ref.add(QStringLiteral("Attachment"));
        if (a.hasContent()) {
            Node &bin = attachment.value(QStringLiteral("EmbeddedDocumentBinaryObject"),
                                         QString::fromLatin1(a.content.toBase64()));
            // mimeCode is a mandatory attribute of the UBL binary object.
            bin.attributes.append(
                {QStringLiteral("mimeCode"),
                 a.mimeCode.isEmpty() ? QStringLiteral("application/octet-stream") : a.mimeCode});
            // Peppol (UBL-DT-07) rejects a binary object without filename; the reference is unique enough.
            bin.attributes.append({QStringLiteral("filename"), !a.filename.isEmpty() ? a.filename
                                                               : !a.id.isEmpty()
                                                                   ? a.id
                                                                   : QStringLiteral("attachment")});
        }
        attachment.add(QStringLiteral("ExternalReference")).value(QStringLiteral("URI"), a.externalUri);
    }

    if (m_creditNote)
        root.add(QStringLiteral("OriginatorDocumentReference"))
            .value(QStringLiteral("ID"), m_inv.tenderReference);
    else
        root.add(QStringLiteral("ProjectReference")).value(QStringLiteral("ID"), m_inv.projectReference);
}

void UblBuilder::paymentMeans(Node &root) const
{
    for (const PaymentMeans &pm : m_inv.paymentMeans) {
        // UBL has one payee account per PaymentMeans; several credit transfer accounts (BG-17 is
        // repeatable) become several PaymentMeans with the same code and reference.
        const int count = std::max<int>(1, int(pm.creditTransfers.size()));
        for (int i = 0; i < count; ++i) {
            Node &n = root.add(QStringLiteral("PaymentMeans"));
            n.value(QStringLiteral("PaymentMeansCode"), pm.typeCode, QStringLiteral("name"), pm.typeText);
            // The CreditNote has no DueDate at document level; Peppol carries BT-9 here instead.
            if (m_creditNote)
                n.value(QStringLiteral("PaymentDueDate"), isoDate(m_inv.dueDate));
            n.value(QStringLiteral("PaymentID"), pm.remittanceInfo);
            if (i == 0 && pm.hasCard()) {
                Node &card = n.add(QStringLiteral("CardAccount"));
                card.value(QStringLiteral("PrimaryAccountNumberID"), pm.card.primaryAccountNumber);
                card.value(QStringLiteral("NetworkID"), pm.card.networkId);
                card.value(QStringLiteral("HolderName"), pm.card.holderName);
            }
            if (i < pm.creditTransfers.size()) {
                const CreditTransfer &ct = pm.creditTransfers.at(i);
                Node &account = n.add(QStringLiteral("PayeeFinancialAccount"));
                account.value(QStringLiteral("ID"), ct.accountId);
                account.value(QStringLiteral("Name"), ct.accountName);
                account.add(QStringLiteral("FinancialInstitutionBranch")).value(QStringLiteral("ID"), ct.bic);
            }
            if (i == 0) {
                Node &mandate = n.add(QStringLiteral("PaymentMandate"));
                mandate.value(QStringLiteral("ID"), pm.directDebit.mandateReference);
                mandate.add(QStringLiteral("PayerFinancialAccount"))
                    .value(QStringLiteral("ID"), pm.directDebit.debitedAccountId);
            }
        }
    }
}

void UblBuilder::taxTotals(Node &root) const
{
    if (m_inv.totals.vatTotal || !m_inv.vatBreakdown.isEmpty()) {
        Node &total = root.add(QStringLiteral("TaxTotal"));
        if (m_inv.totals.vatTotal) {
            amount(total, QStringLiteral("TaxAmount"), *m_inv.totals.vatTotal);
        } else {
            // TaxAmount is mandatory in a TaxTotal; without BT-110 the breakdown's sum is the best value.
            Decimal sum;
            for (const VatBreakdown &b : m_inv.vatBreakdown)
                sum += b.taxAmount;
            amount(total, QStringLiteral("TaxAmount"), sum);
        }
        for (const VatBreakdown &b : m_inv.vatBreakdown) {
            Node &sub = total.add(QStringLiteral("TaxSubtotal"));
            amount(sub, QStringLiteral("TaxableAmount"), b.taxableAmount);
            amount(sub, QStringLiteral("TaxAmount"), b.taxAmount);
            Node &cat = sub.add(QStringLiteral("TaxCategory"));
            cat.value(QStringLiteral("ID"), b.category);
            cat.value(QStringLiteral("Percent"), text(b.rate));
            cat.value(QStringLiteral("TaxExemptionReasonCode"), b.exemptionReasonCode);
            cat.value(QStringLiteral("TaxExemptionReason"), b.exemptionReason);
            cat.add(QStringLiteral("TaxScheme")).value(QStringLiteral("ID"), QStringLiteral("VAT"));
        }
    }
    if (m_inv.totals.vatTotalAccounting) {
        // BT-111 is the VAT total in the accounting currency BT-6, without breakdown.
        const QString currency = m_inv.vatCurrency.isEmpty() ? m_inv.currency : m_inv.vatCurrency;
        root.add(QStringLiteral("TaxTotal"))
            .value(QStringLiteral("TaxAmount"), m_inv.totals.vatTotalAccounting->toString(),
                   QStringLiteral("currencyID"), currency);
    }
}

void UblBuilder::line(Node &root, const InvoiceLine &l) const
{
    Node &n = root.add(m_creditNote ? QStringLiteral("CreditNoteLine") : QStringLiteral("InvoiceLine"));
    n.value(QStringLiteral("ID"), l.id);
    n.value(QStringLiteral("Note"), l.note);
    n.value(m_creditNote ? QStringLiteral("CreditedQuantity") : QStringLiteral("InvoicedQuantity"),
            l.quantity.toString(), QStringLiteral("unitCode"), l.unitCode);
    amount(n, QStringLiteral("LineExtensionAmount"), l.netAmount);
    n.value(QStringLiteral("AccountingCost"), l.accountingCost);
    period(n, l.period, l.period.descriptionCode);
    n.add(QStringLiteral("OrderLineReference")).value(QStringLiteral("LineID"), l.orderLineRef);
    if (!l.objectId.isEmpty()) {
        Node &ref = n.add(QStringLiteral("DocumentReference"));
        ref.value(QStringLiteral("ID"), l.objectId.id, QStringLiteral("schemeID"), l.objectId.scheme);
        ref.value(QStringLiteral("DocumentTypeCode"), QStringLiteral("130"));
    }
    for (const AllowanceCharge &ac : l.allowanceCharges)
        allowanceCharge(n, ac);

    Node &item = n.add(QStringLiteral("Item"));
    item.value(QStringLiteral("Description"), l.itemDescription);
    item.value(QStringLiteral("Name"), l.itemName);
    item.add(QStringLiteral("BuyersItemIdentification")).value(QStringLiteral("ID"), l.buyerItemId);
    item.add(QStringLiteral("SellersItemIdentification")).value(QStringLiteral("ID"), l.sellerItemId);
    item.add(QStringLiteral("StandardItemIdentification"))
        .value(QStringLiteral("ID"), l.standardItemId.id, QStringLiteral("schemeID"),
               l.standardItemId.scheme);
    item.add(QStringLiteral("OriginCountry")).value(QStringLiteral("IdentificationCode"), l.originCountry);
    for (const InvoiceLine::Classification &c : l.classifications) {
        Node &code =
            item.add(QStringLiteral("CommodityClassification"))
                .value(QStringLiteral("ItemClassificationCode"), c.code, QStringLiteral("listID"), c.listId);
        if (!c.listVersion.isEmpty())
            code.attributes.append({QStringLiteral("listVersionID"), c.listVersion});
    }
    taxCategory(item, QStringLiteral("ClassifiedTaxCategory"), l.vatCategory, l.vatRate);
    for (const ItemAttribute &a : l.attributes) {
        Node &prop = item.add(QStringLiteral("AdditionalItemProperty"));
        prop.value(QStringLiteral("Name"), a.name);
        prop.value(QStringLiteral("Value"), a.value);
    }

    Node &price = n.add(QStringLiteral("Price"));
    amount(price, QStringLiteral("PriceAmount"), l.netPrice);
    if (l.baseQuantity)
        price.value(QStringLiteral("BaseQuantity"), l.baseQuantity->toString(), QStringLiteral("unitCode"),
                    l.baseQuantityUnit);
    if (l.priceDiscount || l.grossPrice) {
        Node &ac = price.add(QStringLiteral("AllowanceCharge"));
        ac.value(QStringLiteral("ChargeIndicator"), QStringLiteral("false"));
        // Amount is mandatory in UBL; a gross price alone implies the discount gross - net.
        amount(ac, QStringLiteral("Amount"),
               l.priceDiscount ? *l.priceDiscount : Decimal(*l.grossPrice - l.netPrice));
        amount(ac, QStringLiteral("BaseAmount"), l.grossPrice);
    }
}

QByteArray UblBuilder::build()
{
    Node root;
    root.name = m_creditNote ? QStringLiteral("CreditNote") : QStringLiteral("Invoice");
    const Invoice &inv = m_inv;

    root.value(QStringLiteral("CustomizationID"), inv.customizationId.isEmpty()
                                                      ? QString::fromLatin1(kPeppolCustomizationId)
                                                      : inv.customizationId);
    root.value(QStringLiteral("ProfileID"),
               inv.profileId.isEmpty() ? QString::fromLatin1(kPeppolProfileId) : inv.profileId);
    root.value(QStringLiteral("ID"), inv.number);
    root.value(QStringLiteral("IssueDate"), isoDate(inv.issueDate));
    if (m_creditNote) {
        root.value(QStringLiteral("TaxPointDate"), isoDate(inv.taxPointDate));
        root.value(QStringLiteral("CreditNoteTypeCode"), inv.typeCode);
    } else {
        root.value(QStringLiteral("DueDate"), isoDate(inv.dueDate));
        root.value(QStringLiteral("InvoiceTypeCode"), inv.typeCode);
    }
    for (const Note &note : inv.notes) {
        // EN 16931 binds the subject code BT-21 as a "#CODE#" prefix of the text.
        const QString prefix =
            note.subjectCode.isEmpty() ? QString() : QLatin1Char('#') + note.subjectCode + QLatin1Char('#');
        root.value(QStringLiteral("Note"), prefix + note.text);
    }
    if (!m_creditNote)
        root.value(QStringLiteral("TaxPointDate"), isoDate(inv.taxPointDate));
    root.value(QStringLiteral("DocumentCurrencyCode"), inv.currency);
    root.value(QStringLiteral("TaxCurrencyCode"), inv.vatCurrency);
    root.value(QStringLiteral("AccountingCost"), inv.accountingCost);
    root.value(QStringLiteral("BuyerReference"), inv.buyerReference);
    period(root, inv.invoicePeriod,
           inv.invoicePeriod.descriptionCode.isEmpty() ? inv.taxPointDateCode
                                                       : inv.invoicePeriod.descriptionCode);
    documentReferences(root);

    QStringList creditorIds;
    for (const PaymentMeans &pm : inv.paymentMeans)
        if (!pm.directDebit.creditorId.isEmpty() && !creditorIds.contains(pm.directDebit.creditorId))
            creditorIds << pm.directDebit.creditorId;
    // BT-90 is a SEPA party identifier of the payee, or of the seller when the seller is paid.
    const bool hasPayee = !inv.payee.isEmpty();
    party(root.add(QStringLiteral("AccountingSupplierParty")).add(QStringLiteral("Party")), inv.seller, false,
          hasPayee ? QStringList() : creditorIds);
    party(root.add(QStringLiteral("AccountingCustomerParty")).add(QStringLiteral("Party")), inv.buyer, false,
          {});
    if (hasPayee)
        party(root.add(QStringLiteral("PayeeParty")), inv.payee, true, creditorIds);
    if (!inv.taxRepresentative.isEmpty())
        party(root.add(QStringLiteral("TaxRepresentativeParty")), inv.taxRepresentative, true, {});

    if (!inv.delivery.isEmpty()) {
        Node &d = root.add(QStringLiteral("Delivery"));
        d.value(QStringLiteral("ActualDeliveryDate"), isoDate(inv.delivery.actualDate));
        Node &location = d.add(QStringLiteral("DeliveryLocation"));
        location.value(QStringLiteral("ID"), inv.delivery.locationId.id, QStringLiteral("schemeID"),
                       inv.delivery.locationId.scheme);
        if (!inv.delivery.address.isEmpty())
            address(location, QStringLiteral("Address"), inv.delivery.address);
        d.add(QStringLiteral("DeliveryParty"))
            .add(QStringLiteral("PartyName"))
            .value(QStringLiteral("Name"), inv.delivery.partyName);
    }

    paymentMeans(root);
    root.add(QStringLiteral("PaymentTerms")).value(QStringLiteral("Note"), inv.paymentTerms);
    for (const AllowanceCharge &ac : inv.allowanceCharges)
        allowanceCharge(root, ac);
    taxTotals(root);

    Node &totals = root.add(QStringLiteral("LegalMonetaryTotal"));
    const DocumentTotals &t = inv.totals;
    amount(totals, QStringLiteral("LineExtensionAmount"), t.lineNetTotal);
    amount(totals, QStringLiteral("TaxExclusiveAmount"), t.taxExclusive);
    amount(totals, QStringLiteral("TaxInclusiveAmount"), t.taxInclusive);
    amount(totals, QStringLiteral("AllowanceTotalAmount"), t.allowanceTotal);
    amount(totals, QStringLiteral("ChargeTotalAmount"), t.chargeTotal);
    amount(totals, QStringLiteral("PrepaidAmount"), t.prepaid);
    amount(totals, QStringLiteral("PayableRoundingAmount"), t.rounding);
    amount(totals, QStringLiteral("PayableAmount"), t.payable);

    for (const InvoiceLine &l : inv.coreLines()) // EXTENDED sub-line trees: the leaves
        line(root, l);

    root.prune();

    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(4);
    w.writeStartDocument();
    const QString ns = QLatin1String(m_creditNote ? UblReader::kCreditNoteNs : UblReader::kInvoiceNs);
    w.writeDefaultNamespace(ns);
    w.writeNamespace(QLatin1String(UblReader::kCacNs), QStringLiteral("cac"));
    w.writeNamespace(QLatin1String(UblReader::kCbcNs), QStringLiteral("cbc"));
    w.writeStartElement(ns, root.name);
    for (const auto &c : root.children)
        c->write(w);
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace

QByteArray UblWriter::write(const Invoice &invoice)
{
    return UblBuilder(invoice).build();
}

} // namespace einvoice

#include "ciireader.h"

#include "xmltree.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace einvoice {

namespace {

// Everything is matched on local names: Factur-X, ZUGFeRD 2.x and XRechnung files use different
// prefixes (and ZUGFeRD 1.0 other namespace versions), while the root namespace was already
// checked by EInvoiceXml::detect.

QString tr(const char *text)
{
    return QCoreApplication::translate("CiiReader", text);
}

/// Collects the first problem while the reader carries on, so one pass gives a complete model or
/// one clear reason why not.
class Reader
{
public:
    QString error;
    bool zugferd1 = false; // ZUGFeRD 1.0 BASIC lines may carry no price and no amount

    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }

    /// Text of the first child (of the alternatives) that exists; alternatives cover the
    /// ZUGFeRD 1.0 names.
    static const XmlElement *childOf(const XmlElement *e, std::initializer_list<const char *> names)
    {
        if (!e)
            return nullptr;
        for (const char *n : names)
            if (const XmlElement *c = e->child(QLatin1String(n)))
                return c;
        return nullptr;
    }

    static QString text(const XmlElement *e, const QString &path) { return e ? e->textAt(path) : QString(); }

    OptDecimal decimal(const XmlElement *e, const QString &what)
    {
        if (!e)
            return std::nullopt;
        QString t = e->text;
        t.remove(QLatin1Char(' '));
        if (t.isEmpty())
            return std::nullopt;
        auto value = Decimal::parse(t);
        if (!value)
            fail(tr("%1 (line %2) is not a valid number: \"%3\"; expected digits with '.' as decimal mark")
                     .arg(what)
                     .arg(e->line)
                     .arg(e->text));
        return value;
    }

    OptDecimal decimalAt(const XmlElement *parent, const QString &path)
    {
        return parent ? decimal(parent->at(path), path) : std::nullopt;
    }

    Decimal requiredDecimal(const XmlElement *parent, const QString &path, const QString &context)
    {
        if (const auto d = decimalAt(parent, path))
            return *d;
        if (error.isEmpty() && !(parent && parent->at(path)))
            fail(tr("%1 has no %2, which is required").arg(context, path));
        return Decimal();
    }

    /// A date in a DateTimeString / DateString wrapper (format 102 = CCYYMMDD); also accepts an
    /// ISO date, which some generators write despite the format code.
    QDate date(const XmlElement *holder, const QString &what)
    {
        if (!holder)
            return {};
        const XmlElement *s = childOf(holder, {"DateTimeString", "DateString"});
        if (!s) {
            // udt:DateTime / udt:Date (xs:dateTime / xs:date) variants.
            s = childOf(holder, {"DateTime", "Date"});
            if (!s)
                return {};
            const QDate d = QDate::fromString(s->text.left(10), Qt::ISODate);
            if (!d.isValid())
                fail(tr("%1 (line %2) is not a valid date: \"%3\"").arg(what).arg(s->line).arg(s->text));
            return d;
        }
        const QString format = s->attribute(QStringLiteral("format"));
        const QString t = s->text.trimmed();
        if (t.isEmpty())
            return {};
        QDate d;
        if (format.isEmpty() || format == QLatin1String("102"))
            d = QDate::fromString(t, QStringLiteral("yyyyMMdd"));
        if (!d.isValid() && format.isEmpty())
            d = QDate::fromString(t.left(10), Qt::ISODate);
        if (!d.isValid()) {
            if (!format.isEmpty() && format != QLatin1String("102"))
                fail(tr("%1 (line %2) uses date format %3; only format 102 (CCYYMMDD) is supported")
                         .arg(what)
                         .arg(s->line)
                         .arg(format));
            else
                fail(tr("%1 (line %2) is not a valid date: \"%3\"; expected CCYYMMDD (format 102)")
                         .arg(what)
                         .arg(s->line)
                         .arg(t));
        }
        return d;
    }

    /// IBANs are often written in groups of four for humans ("DE12 3456 ..."); the electronic
    /// form (BT-84/BT-91) has no spaces.
    static QString compactIban(QString iban)
    {
        iban.remove(QRegularExpression(QStringLiteral("\\s")));
        return iban;
    }

    static Identifier identifier(const XmlElement *e)
    {
        // A scheme without an id (e.g. an empty URIID schemeID="EM") carries nothing.
        if (!e || e->text.isEmpty())
            return {};
        return Identifier{e->text, e->attribute(QStringLiteral("schemeID"))};
    }

    /// IssuerAssignedID (D16B) or ID (ZUGFeRD 1.0) of a referenced document.
    static QString documentId(const XmlElement *doc)
    {
        if (!doc)
            return {};
        const QString id = doc->textAt(QStringLiteral("IssuerAssignedID"));
        return id.isEmpty() ? doc->textAt(QStringLiteral("ID")) : id;
    }

    static QString rateText(const XmlElement *tax)
    {
        const XmlElement *r = childOf(tax, {"RateApplicablePercent", "ApplicablePercent"});
        return r ? r->text : QString();
    }

    OptDecimal rate(const XmlElement *tax)
    {
        return decimal(childOf(tax, {"RateApplicablePercent", "ApplicablePercent"}),
                       QStringLiteral("VAT rate"));
    }

    static Address address(const XmlElement *a)
    {
        Address out;
        if (!a)
            return out;
        out.line1 = a->textAt(QStringLiteral("LineOne"));
        out.line2 = a->textAt(QStringLiteral("LineTwo"));
        out.line3 = a->textAt(QStringLiteral("LineThree"));
        out.city = a->textAt(QStringLiteral("CityName"));
        out.postCode = a->textAt(QStringLiteral("PostcodeCode"));
        out.subdivision = a->textAt(QStringLiteral("CountrySubDivisionName"));
        out.countryCode = a->textAt(QStringLiteral("CountryID"));
        return out;
    }

    static Party party(const XmlElement *p)
    {
        Party out;
        if (!p)
            return out;
        // BT-29: ram:ID without scheme, ram:GlobalID with its ISO 6523 scheme; document order kept.
        for (const auto &c : p->children) {
            if (c->name == QLatin1String("ID") || c->name == QLatin1String("GlobalID"))
                out.identifiers.append(identifier(c.get()));
        }
        out.name = p->textAt(QStringLiteral("Name"));
        // BT-33: several Description elements are joined, the model holds one text.
        QStringList descriptions;
        for (const XmlElement *d : p->childrenNamed(QStringLiteral("Description")))
            descriptions << d->text;
        out.legalInfo = descriptions.join(QLatin1Char('\n'));
        if (const XmlElement *org = p->child(QStringLiteral("SpecifiedLegalOrganization"))) {
            out.legalRegistration = identifier(org->child(QStringLiteral("ID")));
            out.tradingName = org->textAt(QStringLiteral("TradingBusinessName"));
        }
        if (const XmlElement *c = p->child(QStringLiteral("DefinedTradeContact"))) {
            out.contact.name = c->textAt(QStringLiteral("PersonName"));
            if (out.contact.name.isEmpty())
                out.contact.name = c->textAt(QStringLiteral("DepartmentName"));
            out.contact.phone = c->textAt(QStringLiteral("TelephoneUniversalCommunication/CompleteNumber"));
            out.contact.email = c->textAt(QStringLiteral("EmailURIUniversalCommunication/URIID"));
        }
        out.address = address(p->child(QStringLiteral("PostalTradeAddress")));
        out.electronicAddress = identifier(p->at(QStringLiteral("URIUniversalCommunication/URIID")));
        // Some generators put several IDs into one SpecifiedTaxRegistration; each counts.
        for (const XmlElement *id : p->all(QStringLiteral("SpecifiedTaxRegistration/ID"))) {
            const QString scheme = id->attribute(QStringLiteral("schemeID"));
            if (scheme == QLatin1String("FC")) {
                if (out.taxRegistrationId.isEmpty())
                    out.taxRegistrationId = id->text;
            } else if (out.vatId.isEmpty()) {
                // "VA" and (in old files) an unqualified registration are the VAT id.
                out.vatId = id->text;
            }
        }
        return out;
    }

    AllowanceCharge allowanceCharge(const XmlElement *ac, bool documentLevel)
    {
        AllowanceCharge out;
        const QString indicator = ac->textAt(QStringLiteral("ChargeIndicator/Indicator"));
        out.isCharge = indicator == QLatin1String("true") || indicator == QLatin1String("1");
        if (indicator.isEmpty())
            fail(tr("an allowance or charge (line %1) has no ChargeIndicator").arg(ac->line));
        out.percentage = decimalAt(ac, QStringLiteral("CalculationPercent"));
        out.baseAmount = decimalAt(ac, QStringLiteral("BasisAmount"));
        out.amount = requiredDecimal(ac, QStringLiteral("ActualAmount"),
                                     tr("the allowance or charge at line %1").arg(ac->line));
        out.reasonCode = ac->textAt(QStringLiteral("ReasonCode"));
        out.reason = ac->textAt(QStringLiteral("Reason"));
        if (documentLevel) {
            if (const XmlElement *tax = ac->child(QStringLiteral("CategoryTradeTax"))) {
                out.vatCategory = tax->textAt(QStringLiteral("CategoryCode"));
                out.vatRate = rate(tax);
            }
        }
        return out;
    }

    Period period(const XmlElement *p)
    {
        Period out;
        if (!p)
            return out;
        out.start = date(p->child(QStringLiteral("StartDateTime")), QStringLiteral("period start"));
        out.end = date(p->child(QStringLiteral("EndDateTime")), QStringLiteral("period end"));
        return out;
    }

    static bool isNoteOnly(const XmlElement *item, const XmlElement *settlement, const XmlElement *delivery)
    {
        // EXTENDED "Gruppen"/"INFORMATION" items carry only a note: no amount, quantity or price.
        // They are not EN 16931 invoice lines.
        if (settlement && childOf(settlement, {"SpecifiedTradeSettlementLineMonetarySummation",
                                               "SpecifiedTradeSettlementMonetarySummation"}))
            return false;
        if (delivery && delivery->child(QStringLiteral("BilledQuantity")))
            return false;
        const XmlElement *agreement =
            childOf(item, {"SpecifiedLineTradeAgreement", "SpecifiedSupplyChainTradeAgreement"});
        return !(agreement && agreement->child(QStringLiteral("NetPriceProductTradePrice")));
    }

    std::optional<InvoiceLine> line(const XmlElement *item)
    {
        const XmlElement *doc = item->child(QStringLiteral("AssociatedDocumentLineDocument"));
        const XmlElement *agreement =
            childOf(item, {"SpecifiedLineTradeAgreement", "SpecifiedSupplyChainTradeAgreement"});
        const XmlElement *delivery =
            childOf(item, {"SpecifiedLineTradeDelivery", "SpecifiedSupplyChainTradeDelivery"});
        const XmlElement *settlement =
            childOf(item, {"SpecifiedLineTradeSettlement", "SpecifiedSupplyChainTradeSettlement"});
        if (isNoteOnly(item, settlement, delivery))
            return std::nullopt;

        InvoiceLine l;
        bool missingPrice = false;
        bool hasAmount = false;
        l.id = text(doc, QStringLiteral("LineID"));
        l.parentLineId = text(doc, QStringLiteral("ParentLineID"));
        l.lineStatusReasonCode = text(doc, QStringLiteral("LineStatusReasonCode"));
        const QString where = l.id.isEmpty() ? tr("the invoice line at XML line %1").arg(item->line)
                                             : tr("invoice line %1").arg(l.id);
        QStringList notes;
        if (doc)
            for (const XmlElement *n : doc->childrenNamed(QStringLiteral("IncludedNote")))
                for (const XmlElement *c : n->childrenNamed(QStringLiteral("Content")))
                    notes << c->text;
        l.note = notes.join(QLatin1Char('\n'));

        if (const XmlElement *p = item->child(QStringLiteral("SpecifiedTradeProduct"))) {
            l.standardItemId = identifier(p->child(QStringLiteral("GlobalID")));
            l.sellerItemId = p->textAt(QStringLiteral("SellerAssignedID"));
            l.buyerItemId = p->textAt(QStringLiteral("BuyerAssignedID"));
            l.itemName = p->textAt(QStringLiteral("Name"));
            l.itemDescription = p->textAt(QStringLiteral("Description"));
            for (const XmlElement *c : p->childrenNamed(QStringLiteral("ApplicableProductCharacteristic")))
                l.attributes.append(ItemAttribute{c->textAt(QStringLiteral("Description")),
                                                  c->textAt(QStringLiteral("Value"))});
            for (const XmlElement *c : p->childrenNamed(QStringLiteral("DesignatedProductClassification"))) {
                const XmlElement *code = c->child(QStringLiteral("ClassCode"));
                if (!code)
                    continue;
                l.classifications.append(
                    InvoiceLine::Classification{code->text, code->attribute(QStringLiteral("listID")),
                                                code->attribute(QStringLiteral("listVersionID"))});
            }
            l.originCountry = p->textAt(QStringLiteral("OriginTradeCountry/ID"));
        }

        if (agreement) {
            l.orderLineRef = agreement->textAt(QStringLiteral("BuyerOrderReferencedDocument/LineID"));
            const XmlElement *gross = agreement->child(QStringLiteral("GrossPriceProductTradePrice"));
            const XmlElement *net = agreement->child(QStringLiteral("NetPriceProductTradePrice"));
            if (gross) {
                l.grossPrice = decimalAt(gross, QStringLiteral("ChargeAmount"));
                for (const XmlElement *ac :
                     gross->childrenNamed(QStringLiteral("AppliedTradeAllowanceCharge"))) {
                    // BT-147 is the price discount; a surcharge on the gross price has no EN 16931 term.
                    if (ac->textAt(QStringLiteral("ChargeIndicator/Indicator")) == QLatin1String("true"))
                        continue;
                    const OptDecimal amount = decimalAt(ac, QStringLiteral("ActualAmount"));
                    if (amount)
                        l.priceDiscount = l.priceDiscount ? *l.priceDiscount + *amount : *amount;
                }
            }
            if (net) {
                l.netPrice = requiredDecimal(net, QStringLiteral("ChargeAmount"), where);
                if (const XmlElement *bq = net->child(QStringLiteral("BasisQuantity"))) {
                    l.baseQuantity = decimal(bq, QStringLiteral("BasisQuantity"));
                    l.baseQuantityUnit = bq->attribute(QStringLiteral("unitCode"));
                }
            } else {
                missingPrice = true;
            }
            if (!l.baseQuantity && gross) {
                if (const XmlElement *bq = gross->child(QStringLiteral("BasisQuantity"))) {
                    l.baseQuantity = decimal(bq, QStringLiteral("BasisQuantity"));
                    l.baseQuantityUnit = bq->attribute(QStringLiteral("unitCode"));
                }
            }
        } else {
            missingPrice = true;
        }

        if (const XmlElement *q = delivery ? delivery->child(QStringLiteral("BilledQuantity")) : nullptr) {
            if (auto d = decimal(q, QStringLiteral("BilledQuantity")))
                l.quantity = *d;
            l.unitCode = q->attribute(QStringLiteral("unitCode"));
        } else {
            fail(tr("%1 has no invoiced quantity (BilledQuantity)").arg(where));
        }

        if (settlement) {
            if (const XmlElement *tax = settlement->child(QStringLiteral("ApplicableTradeTax"))) {
                l.vatCategory = tax->textAt(QStringLiteral("CategoryCode"));
                l.vatRate = rate(tax);
            }
            l.period = period(settlement->child(QStringLiteral("BillingSpecifiedPeriod")));
            for (const XmlElement *ac :
                 settlement->childrenNamed(QStringLiteral("SpecifiedTradeAllowanceCharge")))
                l.allowanceCharges.append(allowanceCharge(ac, false));
            const XmlElement *sum = childOf(settlement, {"SpecifiedTradeSettlementLineMonetarySummation",
                                                         "SpecifiedTradeSettlementMonetarySummation"});
            if (sum || !zugferd1)
                l.netAmount = requiredDecimal(sum, QStringLiteral("LineTotalAmount"),
                                              where + tr(" (line monetary summation)"));
            hasAmount = sum && sum->child(QStringLiteral("LineTotalAmount"));
            for (const XmlElement *ref :
                 settlement->childrenNamed(QStringLiteral("AdditionalReferencedDocument"))) {
                if (ref->textAt(QStringLiteral("TypeCode")) == QLatin1String("130") && l.objectId.isEmpty())
                    l.objectId =
                        Identifier{documentId(ref), ref->textAt(QStringLiteral("ReferenceTypeCode"))};
            }
            l.accountingCost =
                settlement->textAt(QStringLiteral("ReceivableSpecifiedTradeAccountingAccount/ID"));
        } else if (!zugferd1) {
            fail(tr("%1 has no line settlement (SpecifiedLineTradeSettlement)").arg(where));
        }
        if (missingPrice && !zugferd1)
            fail(tr("%1 has no net price (NetPriceProductTradePrice)").arg(where));
        if (missingPrice && hasAmount) {
            // ZUGFeRD 1.0 BASIC makes the price optional; the document still states quantity and
            // net amount, from which BT-146 follows.
            if (!l.quantity.isZero())
                l.netPrice = l.netAmount.divided(l.quantity, std::max(4, l.netAmount.scale())).normalized();
        }
        l.netAmountMissing = !hasAmount;
        return l;
    }

    void headerAgreement(const XmlElement *a, Invoice &inv)
    {
        inv.buyerReference = a->textAt(QStringLiteral("BuyerReference"));
        inv.seller = party(a->child(QStringLiteral("SellerTradeParty")));
        inv.buyer = party(a->child(QStringLiteral("BuyerTradeParty")));
        inv.taxRepresentative = party(a->child(QStringLiteral("SellerTaxRepresentativeTradeParty")));
        inv.salesOrderReference = documentId(a->child(QStringLiteral("SellerOrderReferencedDocument")));
        inv.orderReference = documentId(a->child(QStringLiteral("BuyerOrderReferencedDocument")));
        inv.contractReference = documentId(a->child(QStringLiteral("ContractReferencedDocument")));
        for (const XmlElement *ref : a->childrenNamed(QStringLiteral("AdditionalReferencedDocument"))) {
            const QString type = ref->textAt(QStringLiteral("TypeCode"));
            if (type == QLatin1String("50") && inv.tenderReference.isEmpty()) {
                inv.tenderReference = documentId(ref);
            } else if (type == QLatin1String("130") && inv.invoicedObject.isEmpty()) {
                inv.invoicedObject =
                    Identifier{documentId(ref), ref->textAt(QStringLiteral("ReferenceTypeCode"))};
            } else {
                Attachment att;
                att.id = documentId(ref);
                att.externalUri = ref->textAt(QStringLiteral("URIID"));
                // 916 is CII's code for "supporting document"; in the model (and UBL) that is the
                // absence of a document type code, so it is not kept.
                att.typeCode = type == QLatin1String("916") ? QString() : type;
                att.description = ref->textAt(QStringLiteral("Name"));
                if (const XmlElement *bin = ref->child(QStringLiteral("AttachmentBinaryObject"))) {
                    att.mimeCode = bin->attribute(QStringLiteral("mimeCode"));
                    att.filename = bin->attribute(QStringLiteral("filename"));
                    QByteArray b64 = bin->text.toLatin1();
                    b64 = b64.simplified().replace(' ', QByteArray());
                    const auto decoded =
                        QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
                    if (decoded)
                        att.content = *decoded;
                    else
                        fail(tr("the attachment \"%1\" (line %2) is not valid base64")
                                 .arg(att.id)
                                 .arg(bin->line));
                }
                inv.attachments.append(att);
            }
        }
        inv.projectReference = a->textAt(QStringLiteral("SpecifiedProcuringProject/ID"));
    }

    void headerDelivery(const XmlElement *d, Invoice &inv)
    {
        if (const XmlElement *ship = d->child(QStringLiteral("ShipToTradeParty"))) {
            inv.delivery.partyName = ship->textAt(QStringLiteral("Name"));
            const XmlElement *id = ship->child(QStringLiteral("ID"));
            if (!id)
                id = ship->child(QStringLiteral("GlobalID"));
            inv.delivery.locationId = identifier(id);
            inv.delivery.address = address(ship->child(QStringLiteral("PostalTradeAddress")));
        }
        inv.delivery.actualDate =
            date(d->at(QStringLiteral("ActualDeliverySupplyChainEvent/OccurrenceDateTime")),
                 QStringLiteral("ActualDeliverySupplyChainEvent"));
        inv.despatchAdviceReference =
            documentId(d->child(QStringLiteral("DespatchAdviceReferencedDocument")));
        inv.receivingAdviceReference =
            documentId(d->child(QStringLiteral("ReceivingAdviceReferencedDocument")));
    }

    void headerSettlement(const XmlElement *s, Invoice &inv)
    {
        inv.currency = s->textAt(QStringLiteral("InvoiceCurrencyCode"));
        if (inv.currency.isEmpty())
            fail(tr("the invoice currency (InvoiceCurrencyCode) is missing"));
        inv.vatCurrency = s->textAt(QStringLiteral("TaxCurrencyCode"));
        inv.payee = party(s->child(QStringLiteral("PayeeTradeParty")));

        const QString creditorId = s->textAt(QStringLiteral("CreditorReferenceID"));
        const QString paymentReference = s->textAt(QStringLiteral("PaymentReference"));
        for (const XmlElement *m : s->childrenNamed(QStringLiteral("SpecifiedTradeSettlementPaymentMeans"))) {
            PaymentMeans pm;
            pm.typeCode = m->textAt(QStringLiteral("TypeCode"));
            pm.typeText = m->textAt(QStringLiteral("Information"));
            if (const XmlElement *card = m->child(QStringLiteral("ApplicableTradeSettlementFinancialCard"))) {
                pm.card.primaryAccountNumber = card->textAt(QStringLiteral("ID"));
                pm.card.holderName = card->textAt(QStringLiteral("CardholderName"));
            }
            if (const XmlElement *debtor = m->child(QStringLiteral("PayerPartyDebtorFinancialAccount"))) {
                pm.directDebit.debitedAccountId = compactIban(debtor->textAt(QStringLiteral("IBANID")));
                if (pm.directDebit.debitedAccountId.isEmpty())
                    pm.directDebit.debitedAccountId = debtor->textAt(QStringLiteral("ProprietaryID"));
            }
            const XmlElement *account = m->child(QStringLiteral("PayeePartyCreditorFinancialAccount"));
            const QString bic = m->textAt(QStringLiteral("PayeeSpecifiedCreditorFinancialInstitution/BICID"));
            if (account || !bic.isEmpty()) {
                CreditTransfer ct;
                if (account) {
                    ct.accountId = compactIban(account->textAt(QStringLiteral("IBANID")));
                    if (ct.accountId.isEmpty())
                        ct.accountId = account->textAt(QStringLiteral("ProprietaryID"));
                    ct.accountName = account->textAt(QStringLiteral("AccountName"));
                }
                ct.bic = bic;
                pm.creditTransfers.append(ct);
            }
            inv.paymentMeans.append(pm);
        }

        int taxPointCodeSeen = 0;
        for (const XmlElement *t : s->childrenNamed(QStringLiteral("ApplicableTradeTax"))) {
            VatBreakdown v;
            v.taxAmount = requiredDecimal(t, QStringLiteral("CalculatedAmount"), tr("a VAT breakdown"));
            v.taxableAmount = requiredDecimal(t, QStringLiteral("BasisAmount"), tr("a VAT breakdown"));
            v.category = t->textAt(QStringLiteral("CategoryCode"));
            v.rate = rate(t);
            v.exemptionReason = t->textAt(QStringLiteral("ExemptionReason"));
            v.exemptionReasonCode = t->textAt(QStringLiteral("ExemptionReasonCode"));
            if (inv.taxPointDate.isNull())
                inv.taxPointDate =
                    date(t->child(QStringLiteral("TaxPointDate")), QStringLiteral("TaxPointDate"));
            const QString due = t->textAt(QStringLiteral("DueDateTypeCode"));
            if (!due.isEmpty() && taxPointCodeSeen++ == 0) {
                // BT-8: CII uses UNTDID 2475 event codes, the model (like UBL) UNTDID 2005.
                if (due == QLatin1String("5"))
                    inv.taxPointDateCode = QStringLiteral("3");
                else if (due == QLatin1String("29"))
                    inv.taxPointDateCode = QStringLiteral("35");
                else if (due == QLatin1String("72"))
                    inv.taxPointDateCode = QStringLiteral("432");
                else
                    inv.taxPointDateCode = due;
            }
            inv.vatBreakdown.append(v);
        }

        inv.invoicePeriod = period(s->child(QStringLiteral("BillingSpecifiedPeriod")));
        // taxPointDateCode is the model's place for BT-8; the period code is the UBL spelling of the
        // same term, kept in step so both syntaxes see one value.
        inv.invoicePeriod.descriptionCode = inv.taxPointDateCode;

        for (const XmlElement *ac : s->childrenNamed(QStringLiteral("SpecifiedTradeAllowanceCharge")))
            inv.allowanceCharges.append(allowanceCharge(ac, true));

        QStringList terms;
        QString mandate;
        for (const XmlElement *t : s->childrenNamed(QStringLiteral("SpecifiedTradePaymentTerms"))) {
            for (const XmlElement *d : t->childrenNamed(QStringLiteral("Description")))
                terms << d->text;
            if (inv.dueDate.isNull())
                inv.dueDate =
                    date(t->child(QStringLiteral("DueDateDateTime")), QStringLiteral("DueDateDateTime"));
            if (mandate.isEmpty())
                mandate = t->textAt(QStringLiteral("DirectDebitMandateID"));
        }
        inv.paymentTerms = terms.join(QLatin1Char('\n'));

        // BT-83, BT-89 and BT-90 are single header values in CII; the model keeps them with the
        // payment means (as UBL does).
        if (!paymentReference.isEmpty() || !creditorId.isEmpty() || !mandate.isEmpty()) {
            if (inv.paymentMeans.isEmpty())
                inv.paymentMeans.append(PaymentMeans{});
            for (PaymentMeans &pm : inv.paymentMeans)
                pm.remittanceInfo = paymentReference;
            if (!creditorId.isEmpty() || !mandate.isEmpty()) {
                // They belong to the direct debit means (as the UBL reader keeps them); without
                // one, to the first means so that nothing is lost.
                bool placed = false;
                for (PaymentMeans &pm : inv.paymentMeans) {
                    if (!pm.directDebit.debitedAccountId.isEmpty() || pm.typeCode == QLatin1String("49") ||
                        pm.typeCode == QLatin1String("59")) {
                        pm.directDebit.creditorId = creditorId;
                        pm.directDebit.mandateReference = mandate;
                        placed = true;
                    }
                }
                if (!placed) {
                    inv.paymentMeans.first().directDebit.creditorId = creditorId;
                    inv.paymentMeans.first().directDebit.mandateReference = mandate;
                }
            }
        }

        const XmlElement *sum = Reader::childOf(s, {"SpecifiedTradeSettlementHeaderMonetarySummation",
                                                    "SpecifiedTradeSettlementMonetarySummation"});
        if (!sum) {
            fail(tr("the document totals (SpecifiedTradeSettlementHeaderMonetarySummation) are missing"));
        } else {
            const QString ctx = tr("the document totals");
            if (auto d = decimalAt(sum, QStringLiteral("LineTotalAmount")))
                inv.totals.lineNetTotal = *d;
            inv.totals.chargeTotal = decimalAt(sum, QStringLiteral("ChargeTotalAmount"));
            inv.totals.allowanceTotal = decimalAt(sum, QStringLiteral("AllowanceTotalAmount"));
            inv.totals.taxExclusive = requiredDecimal(sum, QStringLiteral("TaxBasisTotalAmount"), ctx);
            for (const XmlElement *t : sum->childrenNamed(QStringLiteral("TaxTotalAmount"))) {
                const QString cur = t->attribute(QStringLiteral("currencyID"));
                const OptDecimal value = decimal(t, QStringLiteral("TaxTotalAmount"));
                const bool accounting =
                    !inv.vatCurrency.isEmpty() && inv.vatCurrency != inv.currency && cur == inv.vatCurrency;
                if (accounting)
                    inv.totals.vatTotalAccounting = value;
                else if (!inv.totals.vatTotal)
                    inv.totals.vatTotal = value;
            }
            inv.totals.rounding = decimalAt(sum, QStringLiteral("RoundingAmount"));
            inv.totals.taxInclusive = requiredDecimal(sum, QStringLiteral("GrandTotalAmount"), ctx);
            inv.totals.prepaid = decimalAt(sum, QStringLiteral("TotalPrepaidAmount"));
            if (sum->child(QStringLiteral("DuePayableAmount")) ||
                !sum->child(QStringLiteral("GrandTotalAmount"))) {
                inv.totals.payable = requiredDecimal(sum, QStringLiteral("DuePayableAmount"), ctx);
            } else {
                // Some ZUGFeRD 1.0 BASIC files leave out the amount due; it follows from the
                // other totals (BT-115 = BT-112 - BT-113 + BT-114).
                inv.totals.payable = inv.totals.taxInclusive - inv.totals.prepaid.value_or(Decimal()) +
                                     inv.totals.rounding.value_or(Decimal());
            }
        }

        for (const XmlElement *ref : s->childrenNamed(QStringLiteral("InvoiceReferencedDocument"))) {
            PrecedingInvoice p;
            p.number = documentId(ref);
            p.issueDate = date(Reader::childOf(ref, {"FormattedIssueDateTime", "IssueDateTime"}),
                               QStringLiteral("InvoiceReferencedDocument"));
            if (!p.number.isEmpty())
                inv.precedingInvoices.append(p);
        }
        inv.accountingCost = s->textAt(QStringLiteral("ReceivableSpecifiedTradeAccountingAccount/ID"));
    }
};

bool isCreditNoteType(const QString &code)
{
    // UNTDID 1001 codes that EN 16931 / Peppol treat as credit notes.
    static const QStringList codes{QStringLiteral("81"),  QStringLiteral("83"),  QStringLiteral("261"),
                                   QStringLiteral("262"), QStringLiteral("296"), QStringLiteral("308"),
                                   QStringLiteral("381"), QStringLiteral("396"), QStringLiteral("420"),
                                   QStringLiteral("458"), QStringLiteral("532")};
    return codes.contains(code);
}

} // namespace

// ZUGFeRD 1.0 BASIC predates EN 16931: it may leave out line ids and VAT category codes. The
// meaning is not in doubt (a positive VAT rate is the standard rate, lines are numbered in
// order), so fill them in rather than refuse documents that were valid in their own standard.
static void completeZugferd1(Invoice &inv)
{
    auto category = [](QString &code, const OptDecimal &rate) {
        if (code.isEmpty() && rate && rate->signum() > 0)
            code = QStringLiteral("S");
    };
    for (VatBreakdown &v : inv.vatBreakdown)
        category(v.category, v.rate);
    int n = 0;
    for (InvoiceLine &l : inv.lines) {
        ++n;
        if (l.id.isEmpty())
            l.id = QString::number(n);
        // BASIC lines carry no VAT at all; with a single VAT rate in the document it is theirs.
        if (l.vatCategory.isEmpty() && !l.vatRate && inv.vatBreakdown.size() == 1) {
            l.vatCategory = inv.vatBreakdown.first().category;
            l.vatRate = inv.vatBreakdown.first().rate;
        }
        category(l.vatCategory, l.vatRate);
    }
    // A payment instruction with an account but no means code is a credit transfer.
    for (PaymentMeans &pm : inv.paymentMeans)
        if (pm.typeCode.isEmpty())
            pm.typeCode = pm.creditTransfers.isEmpty() ? QStringLiteral("1") : QStringLiteral("30");
    for (AllowanceCharge &ac : inv.allowanceCharges)
        category(ac.vatCategory, ac.vatRate);
}

std::optional<Invoice> CiiReader::read(const XmlElement &root, QString *error)
{
    auto setError = [error](const QString &message) {
        if (error)
            *error = message;
    };
    const bool v1 = root.name == QLatin1String("CrossIndustryDocument");
    if (!v1 && root.name != QLatin1String("CrossIndustryInvoice")) {
        setError(
            tr("not a CII invoice: the root element is %1, expected CrossIndustryInvoice").arg(root.name));
        return std::nullopt;
    }

    Reader r;
    r.zugferd1 = v1;
    Invoice inv;
    const XmlElement *context =
        Reader::childOf(&root, {"ExchangedDocumentContext", "SpecifiedExchangedDocumentContext"});
    const XmlElement *doc = Reader::childOf(&root, {"ExchangedDocument", "HeaderExchangedDocument"});
    const XmlElement *tx =
        Reader::childOf(&root, {"SupplyChainTradeTransaction", "SpecifiedSupplyChainTradeTransaction"});
    if (!doc) {
        setError(tr("the document header (ExchangedDocument) is missing"));
        return std::nullopt;
    }
    if (!tx) {
        setError(tr("the trade transaction (SupplyChainTradeTransaction) is missing"));
        return std::nullopt;
    }

    if (context) {
        inv.customizationId =
            context->textAt(QStringLiteral("GuidelineSpecifiedDocumentContextParameter/ID"));
        inv.profileId =
            context->textAt(QStringLiteral("BusinessProcessSpecifiedDocumentContextParameter/ID"));
    }
    if (inv.customizationId.isEmpty())
        r.fail(tr("the specification identifier (GuidelineSpecifiedDocumentContextParameter/ID) is missing"));

    inv.number = doc->textAt(QStringLiteral("ID"));
    if (inv.number.isEmpty())
        r.fail(tr("the invoice number (ExchangedDocument/ID) is missing"));
    inv.typeCode = doc->textAt(QStringLiteral("TypeCode"));
    if (inv.typeCode.isEmpty())
        r.fail(tr("the invoice type code (ExchangedDocument/TypeCode) is missing"));
    inv.kind = isCreditNoteType(inv.typeCode) ? DocumentKind::CreditNote : DocumentKind::Invoice;
    inv.issueDate = r.date(doc->child(QStringLiteral("IssueDateTime")), QStringLiteral("IssueDateTime"));
    if (inv.issueDate.isNull())
        r.fail(tr("the issue date (ExchangedDocument/IssueDateTime) is missing"));
    for (const XmlElement *n : doc->childrenNamed(QStringLiteral("IncludedNote"))) {
        QStringList contents;
        for (const XmlElement *c : n->childrenNamed(QStringLiteral("Content")))
            contents << c->text;
        Note note{n->textAt(QStringLiteral("SubjectCode")), contents.join(QLatin1Char('\n'))};
        if (!note.text.isEmpty() || !note.subjectCode.isEmpty())
            inv.notes.append(note);
    }

    const XmlElement *agreement =
        Reader::childOf(tx, {"ApplicableHeaderTradeAgreement", "ApplicableSupplyChainTradeAgreement"});
    const XmlElement *delivery =
        Reader::childOf(tx, {"ApplicableHeaderTradeDelivery", "ApplicableSupplyChainTradeDelivery"});
    const XmlElement *settlement =
        Reader::childOf(tx, {"ApplicableHeaderTradeSettlement", "ApplicableSupplyChainTradeSettlement"});
    if (!agreement)
        r.fail(tr("the seller and buyer (ApplicableHeaderTradeAgreement) are missing"));
    else
        r.headerAgreement(agreement, inv);
    if (delivery)
        r.headerDelivery(delivery, inv);
    if (!settlement)
        r.fail(tr("the settlement with currency and totals (ApplicableHeaderTradeSettlement) is missing"));
    else
        r.headerSettlement(settlement, inv);

    for (const XmlElement *item : tx->childrenNamed(QStringLiteral("IncludedSupplyChainTradeLineItem"))) {
        if (auto l = r.line(item))
            inv.lines.append(*l);
    }
    if (v1)
        completeZugferd1(inv);

    if (!r.error.isEmpty()) {
        setError(r.error);
        return std::nullopt;
    }
    return inv;
}

} // namespace einvoice

#pragma once

#include "decimal.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <algorithm>

namespace einvoice {

// The EN 16931 semantic model, as Peppol BIS Billing 3.0 uses it. Plain value types: the
// readers fill them, the writers and the validator read them. Field comments give the
// business term (BT) or group (BG). An empty QString / null QDate / empty optional means
// "not present in the document". Money, quantities and rates are Decimal, never double.

/// An identifier with an optional scheme (ISO 6523 ICD, EAS, UNTDID 1153, ...).
struct Identifier
{
    QString id;
    QString scheme;
    bool isEmpty() const { return id.isEmpty(); }
    bool operator==(const Identifier &o) const { return id == o.id && scheme == o.scheme; }
};

/// BG-5 / BG-8 / BG-12 / BG-15: postal address.
struct Address
{
    QString line1;       // BT-35
    QString line2;       // BT-36
    QString line3;       // BT-162
    QString city;        // BT-37
    QString postCode;    // BT-38
    QString subdivision; // BT-39 country subdivision
    QString countryCode; // BT-40 ISO 3166-1 alpha-2
    bool isEmpty() const
    {
        return line1.isEmpty() && line2.isEmpty() && line3.isEmpty() && city.isEmpty() &&
               postCode.isEmpty() && subdivision.isEmpty() && countryCode.isEmpty();
    }
};

/// BG-6 / BG-9: contact.
struct Contact
{
    QString name;  // BT-41 / BT-56
    QString phone; // BT-42 / BT-57
    QString email; // BT-43 / BT-58
    bool isEmpty() const { return name.isEmpty() && phone.isEmpty() && email.isEmpty(); }
};

/// BG-4 seller / BG-7 buyer (also used for payee BG-10 and tax representative BG-11, which
/// use only a subset of the fields).
struct Party
{
    QString name;                  // BT-27 / BT-44 / BT-59 / BT-62
    QString tradingName;           // BT-28 / BT-45
    QList<Identifier> identifiers; // BT-29 / BT-46 / BT-60 (seller: several allowed)
    Identifier legalRegistration;  // BT-30 / BT-47 / BT-61 with scheme
    QString vatId;                 // BT-31 / BT-48 / BT-63
    QString taxRegistrationId;     // BT-32 seller tax registration (local tax id, "FC")
    QString legalInfo;             // BT-33 additional legal information
    Identifier electronicAddress;  // BT-34 / BT-49 with EAS scheme
    Address address;               // BG-5 / BG-8 / BG-12
    Contact contact;               // BG-6 / BG-9
    bool isEmpty() const
    {
        return name.isEmpty() && tradingName.isEmpty() && identifiers.isEmpty() &&
               legalRegistration.isEmpty() && vatId.isEmpty() && taxRegistrationId.isEmpty() &&
               electronicAddress.isEmpty() && address.isEmpty() && contact.isEmpty();
    }
};

/// BG-13 delivery information.
struct Delivery
{
    QString partyName;     // BT-70
    Identifier locationId; // BT-71 with scheme
    QDate actualDate;      // BT-72
    Address address;       // BG-15
    bool isEmpty() const
    {
        return partyName.isEmpty() && locationId.isEmpty() && actualDate.isNull() && address.isEmpty();
    }
};

/// BG-14 / BG-26: period.
struct Period
{
    QDate start;             // BT-73 / BT-134
    QDate end;               // BT-74 / BT-135
    QString descriptionCode; // BT-8 when used for the VAT point date code (UBL InvoicePeriod/DescriptionCode)
    bool isEmpty() const { return start.isNull() && end.isNull() && descriptionCode.isEmpty(); }
};

/// BG-16 payment instructions, with BG-17 credit transfer, BG-18 card, BG-19 direct debit.
struct CreditTransfer
{
    QString accountId;   // BT-84 (IBAN or a proprietary account number)
    QString accountName; // BT-85
    QString bic;         // BT-86 service provider id
};

struct PaymentCard
{
    QString primaryAccountNumber; // BT-87 (masked)
    QString holderName;           // BT-88
    QString networkId;            // card network (UBL NetworkID, mandatory in UBL)
};

struct DirectDebit
{
    QString mandateReference; // BT-89
    QString creditorId;       // BT-90 bank assigned creditor id
    QString debitedAccountId; // BT-91
};

struct PaymentMeans
{
    QString typeCode;                      // BT-81 UNCL 4461
    QString typeText;                      // BT-82
    QString remittanceInfo;                // BT-83 payment reference (UBL PaymentID)
    QList<CreditTransfer> creditTransfers; // BG-17
    PaymentCard card;                      // BG-18 (empty when absent)
    DirectDebit directDebit;               // BG-19 (empty when absent)
    bool hasCard() const { return !card.primaryAccountNumber.isEmpty(); }
    bool hasDirectDebit() const
    {
        return !directDebit.mandateReference.isEmpty() || !directDebit.creditorId.isEmpty() ||
               !directDebit.debitedAccountId.isEmpty();
    }
};

/// BG-20 document allowance / BG-21 document charge / BG-27 line allowance / BG-28 line charge.
struct AllowanceCharge
{
    bool isCharge = false;
    Decimal amount;        // BT-92 / BT-99 / BT-136 / BT-141
    OptDecimal baseAmount; // BT-93 / BT-100 / BT-137 / BT-142
    OptDecimal percentage; // BT-94 / BT-101 / BT-138 / BT-143
    QString vatCategory;   // BT-95 / BT-102 (document level only)
    OptDecimal vatRate;    // BT-96 / BT-103 (document level only)
    QString reason;        // BT-97 / BT-104 / BT-139 / BT-144
    QString reasonCode;    // BT-98 / BT-105 / BT-140 / BT-145
};

/// BG-32 item attribute.
struct ItemAttribute
{
    QString name;  // BT-160
    QString value; // BT-161
};

/// BG-25 invoice line.
struct InvoiceLine
{
    QString id;                              // BT-126
    QString note;                            // BT-127
    Identifier objectId;                     // BT-128 invoiced object id with scheme
    Decimal quantity;                        // BT-129
    QString unitCode;                        // BT-130 UN/ECE Rec 20
    Decimal netAmount;                       // BT-131
    QString orderLineRef;                    // BT-132
    QString accountingCost;                  // BT-133
    Period period;                           // BG-26
    QList<AllowanceCharge> allowanceCharges; // BG-27 / BG-28
    Decimal netPrice;                        // BT-146
    OptDecimal priceDiscount;                // BT-147
    OptDecimal grossPrice;                   // BT-148
    OptDecimal baseQuantity;                 // BT-149
    QString baseQuantityUnit;                // BT-150
    QString vatCategory;                     // BT-151
    OptDecimal vatRate;                      // BT-152
    QString itemName;                        // BT-153
    QString itemDescription;                 // BT-154
    QString sellerItemId;                    // BT-155
    QString buyerItemId;                     // BT-156
    Identifier standardItemId;               // BT-157 with scheme
    struct Classification
    {
        QString code;        // BT-158
        QString listId;      // BT-158-1
        QString listVersion; // BT-158-2
    };
    QList<Classification> classifications;
    QString originCountry;           // BT-159
    QList<ItemAttribute> attributes; // BG-32
    // Sub-invoice lines of ZUGFeRD/Factur-X EXTENDED (not EN 16931 core): the parent line id and
    // the status reason (GROUP, DETAIL, INFORMATION). Only top-level lines add up to BT-106.
    QString parentLineId;
    // True when the source stated no line net amount (ZUGFeRD 1.0 BASIC allows that); netAmount
    // is then zero and must not be shown as if it had been read.
    bool netAmountMissing = false;
    QString lineStatusReasonCode;
    bool isSubLine() const { return !parentLineId.isEmpty(); }
};

/// BG-23 VAT breakdown.
struct VatBreakdown
{
    Decimal taxableAmount;       // BT-116
    Decimal taxAmount;           // BT-117
    QString category;            // BT-118 UNCL 5305
    OptDecimal rate;             // BT-119
    QString exemptionReason;     // BT-120
    QString exemptionReasonCode; // BT-121 VATEX
};

/// BG-22 document totals.
struct DocumentTotals
{
    Decimal lineNetTotal;          // BT-106
    OptDecimal allowanceTotal;     // BT-107
    OptDecimal chargeTotal;        // BT-108
    Decimal taxExclusive;          // BT-109
    OptDecimal vatTotal;           // BT-110
    OptDecimal vatTotalAccounting; // BT-111 (in BT-6)
    Decimal taxInclusive;          // BT-112
    OptDecimal prepaid;            // BT-113
    OptDecimal rounding;           // BT-114
    Decimal payable;               // BT-115
};

/// BG-24 additional supporting document; the original PDF travels here as an embedded object.
struct Attachment
{
    QString id;          // BT-122
    QString description; // BT-123
    QString externalUri; // BT-124
    QString typeCode;    // UBL DocumentTypeCode (130 = invoiced object, BT-18 uses it)
    QString mimeCode;    // BT-125-1
    QString filename;    // BT-125-2
    QByteArray content;  // BT-125 (decoded bytes)
    bool hasContent() const { return !content.isEmpty(); }
};

struct Note
{
    QString subjectCode; // BT-21 UNCL 4451
    QString text;        // BT-22
};

/// BG-3 preceding invoice reference.
struct PrecedingInvoice
{
    QString number;  // BT-25
    QDate issueDate; // BT-26
};

enum class DocumentKind
{
    Invoice,
    CreditNote
};

/// One e-invoice (Invoice or CreditNote) in the EN 16931 model.
struct Invoice
{
    DocumentKind kind = DocumentKind::Invoice;
    QString customizationId;                   // BT-24
    QString profileId;                         // BT-23
    QString number;                            // BT-1
    QDate issueDate;                           // BT-2
    QString typeCode;                          // BT-3 UNTDID 1001 (380, 381, 384, 389, 751, ...)
    QString currency;                          // BT-5
    QString vatCurrency;                       // BT-6
    QDate taxPointDate;                        // BT-7
    QString taxPointDateCode;                  // BT-8
    QDate dueDate;                             // BT-9
    QString buyerReference;                    // BT-10
    QString projectReference;                  // BT-11
    QString contractReference;                 // BT-12
    QString orderReference;                    // BT-13
    QString salesOrderReference;               // BT-14
    QString receivingAdviceReference;          // BT-15
    QString despatchAdviceReference;           // BT-16
    QString tenderReference;                   // BT-17
    Identifier invoicedObject;                 // BT-18 with scheme
    QString accountingCost;                    // BT-19
    QString paymentTerms;                      // BT-20
    QList<Note> notes;                         // BG-1
    QList<PrecedingInvoice> precedingInvoices; // BG-3
    Party seller;                              // BG-4
    Party buyer;                               // BG-7
    Party payee;                               // BG-10 (empty when the seller is paid)
    Party taxRepresentative;                   // BG-11
    Delivery delivery;                         // BG-13
    Period invoicePeriod;                      // BG-14
    QList<PaymentMeans> paymentMeans;          // BG-16
    QList<AllowanceCharge> allowanceCharges;   // BG-20 / BG-21
    DocumentTotals totals;                     // BG-22
    QList<VatBreakdown> vatBreakdown;          // BG-23
    QList<Attachment> attachments;             // BG-24
    QList<InvoiceLine> lines;                  // BG-25

    bool isCreditNote() const { return kind == DocumentKind::CreditNote; }

    /// The EN 16931 invoice lines: for ZUGFeRD/Factur-X EXTENDED sub-invoice lines, the leaves
    /// (a GROUP line whose DETAIL lines are present is replaced by them, since VAT is stated per
    /// detail); otherwise all lines. What the writers write and the validator checks.
    QList<InvoiceLine> coreLines() const
    {
        QList<InvoiceLine> out;
        for (const InvoiceLine &l : lines) {
            const bool hasChildren =
                !l.id.isEmpty() && std::any_of(lines.begin(), lines.end(),
                                               [&](const InvoiceLine &c) { return c.parentLineId == l.id; });
            if (!hasChildren)
                out.append(l);
        }
        return out;
    }
};

/// Peppol BIS Billing 3.0 identifiers.
inline const char *kPeppolCustomizationId =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
inline const char *kPeppolProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
/// EN 16931 CII guideline id (Factur-X / ZUGFeRD "EN 16931" profile).
inline const char *kEn16931CustomizationId = "urn:cen.eu:en16931:2017";

} // namespace einvoice

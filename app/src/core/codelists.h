#pragma once

#include <QString>

namespace einvoice {

/// Membership tests for the code lists EN 16931 and Peppol BIS Billing 3.0 use. The values are
/// data from the standards (see codelists.cpp for the version and coverage of each list).
/// Comparisons are exact (codes are case-sensitive) unless a function says otherwise.
/// Stateless; any thread (the tables are built once, thread-safely, on first use).
namespace codelists {

bool isCurrency(const QString &code);                 // ISO 4217 alpha-3
bool isCountry(const QString &code);                  // ISO 3166-1 alpha-2 plus 1A (Kosovo), XI
bool isVatCategory(const QString &code);              // UNCL 5305 subset used by EN 16931
bool isInvoiceTypeCode(const QString &code);          // UNTDID 1001, EN 16931 invoice subset
bool isCreditNoteTypeCode(const QString &code);       // UNTDID 1001, EN 16931 credit note subset
bool isPeppolInvoiceTypeCode(const QString &code);    // Peppol profile 01 invoice subset
bool isPeppolCreditNoteTypeCode(const QString &code); // Peppol profile 01 credit note subset
bool isPaymentMeansCode(const QString &code);         // UNCL 4461
bool isAllowanceReasonCode(const QString &code);      // UNCL 5189 subset
bool isChargeReasonCode(const QString &code);         // UNCL 7161
bool isVatexCode(const QString &code);                // CEF VATEX, case-insensitive
bool isVatPointDateCode(const QString &code);         // UNTDID 2005 subset (3, 35, 432)
bool isMimeCode(const QString &code);                 // EN 16931 / Peppol attachment MIME subset
bool isIcd(const QString &code);                      // ISO 6523 ICD
bool isEas(const QString &code);                      // CEF EAS (EN 16931 list)
bool isPeppolEas(const QString &code);                // EAS as accepted by Peppol BIS 3
bool isUnitCode(const QString &code);                 // UN/ECE Rec 20 + Rec 21
bool isReferenceQualifier(const QString &code);       // UNTDID 1153 (invoiced object scheme)
bool isItemClassificationList(const QString &code);   // UNTDID 7143

/// A list's version/coverage note, for messages and the report ("UN/ECE Rec 20 rev. ...").
QString coverageNote();

} // namespace codelists
} // namespace einvoice

#pragma once

#include <QString>

namespace einvoice {

/// Check-digit and format helpers for the identifiers that appear on invoices. Pure functions
/// on the identifier text; used by the validator and by the PDF text reader to tell a real
/// number from a look-alike. All helpers are strict about the format they document: callers
/// that read human-formatted text (spaces, hyphens) should normalize first with digitsOnly()
/// or compactIdentifier(). Stateless; any thread.
namespace identifiers {

/// Removes spaces, hyphens, dots and slashes ("556 036-0793" -> "5560360793").
QString compactIdentifier(const QString &text);
/// True when @p text is non-empty and consists of ASCII digits only.
bool isDigits(const QString &text);

/// Luhn (mod 10, doubling every second digit from the right) over a string of digits.
bool luhnValid(const QString &digits);
/// GS1 mod 10 check digit (weights 3,1,3,... from the right, check digit excluded) over any
/// length of digits; GLN (13), GTIN-8/12/13/14 and SSCC all use it.
bool gs1CheckDigitValid(const QString &digits);

/// IBAN: ISO 13616, 2 letters + 2 check digits + up to 30 alphanumerics, mod 97 == 1.
/// Spaces are ignored, letters may be lower case.
bool isValidIban(const QString &iban);

/// Swedish organisationsnummer: exactly 10 digits (no hyphen) with a Luhn check digit
/// (PEPPOL-COMMON-R049 / SE-R-013).
bool isValidSwedishOrgNumber(const QString &number);
/// Norwegian organisasjonsnummer: 9 digits, mod 11 with weights 3 2 7 6 5 4 3 2
/// (PEPPOL-COMMON-R041).
bool isValidNorwegianOrgNumber(const QString &number);
/// Danish CVR number format as Peppol checks it: 8 digits, optionally prefixed "DK"
/// (PEPPOL-COMMON-R042). No checksum: numbers issued since 2017 no longer satisfy mod 11.
bool isValidDanishCvrFormat(const QString &number);
/// The historical CVR mod 11 check (weights 2 7 6 5 4 3 2 1) on 8 digits, optional "DK" prefix.
/// Informational only, see isValidDanishCvrFormat().
bool danishCvrChecksumOk(const QString &number);
/// Finnish business id (Y-tunnus) "1234567-8": 7 digits, hyphen, mod 11 check digit with
/// weights 7 9 10 5 8 4 2. The form without hyphen (8 digits) is accepted as well.
bool isValidFinnishBusinessId(const QString &id);
/// GS1 Global Location Number: 13 digits with a GS1 check digit.
bool isValidGln(const QString &gln);
/// Belgian enterprise number (KBO/BCE): 10 digits starting with 0 or 1, the last two are
/// 97 - (first eight mod 97) (PEPPOL-COMMON-R043).
bool isValidBelgianEnterpriseNumber(const QString &number);
/// Australian Business Number: 11 digits, weighted mod 89 (PEPPOL-COMMON-R050).
bool isValidAustralianAbn(const QString &abn);

/// The two-letter country prefix of a VAT identifier ("SE556036079301" -> "SE"), empty when the
/// text does not start with two ASCII letters. Greece uses "EL", Northern Ireland "XI".
QString vatIdCountryPrefix(const QString &vatId);
/// True when the VAT id starts with an ISO 3166-1 alpha-2 code or "EL" (BR-CO-09).
bool hasValidVatIdCountryPrefix(const QString &vatId);
/// The ISO 3166-1 country a VAT id belongs to ("EL" -> "GR"), empty when there is no prefix.
QString vatIdCountry(const QString &vatId);

} // namespace identifiers
} // namespace einvoice

// Peppol national rules: Sweden (SE-R), Norway (NO-R), Denmark (DK-R), the Netherlands (NL-R)
// and Germany (DE-R, UBL only, seller and buyer German). Not covered: SE-R-011 (wording of the
// official test unclear), DK-R-004 (non-VAT taxes; needs the tax category reason texts),
// the GR/IS/IT rules (GR needs MARK references the model does not keep).

#include "identifiers.h"
#include "validator_internal.h"

#include <QRegularExpression>
#include <QSet>

namespace einvoice::validation {

namespace {

bool has(const QString &s)
{
    return !s.trimmed().isEmpty();
}

bool addressComplete(const Address &a)
{
    return has(a.line1) && has(a.city) && has(a.postCode);
}

bool isAnyOf(const QString &code, const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' ')).contains(code.trimmed());
}

void checkSweden(const Invoice &inv, Report &r)
{
    const QString vat = inv.seller.vatId.trimmed();
    if (vat.startsWith(QLatin1String("SE"))) {
        if (vat.size() != 14)
            r.fatal("SE-R-001",
                    Tr::tr("The Swedish seller VAT identifier (BT-31) \"%1\" must have 14 characters "
                           "(SE + 10-digit organisation number + 01).")
                        .arg(vat));
        if (!identifiers::isDigits(vat.right(12)))
            r.fatal(
                "SE-R-002",
                Tr::tr("The last 12 characters of the Swedish seller VAT identifier \"%1\" must be digits.")
                    .arg(vat));
    }
    const QString orgNo = inv.seller.legalRegistration.id.trimmed();
    if (!orgNo.isEmpty()) {
        if (!identifiers::isDigits(orgNo))
            r.fatal(
                "SE-R-003",
                Tr::tr("The Swedish seller organisation number (BT-30) \"%1\" must be numeric.").arg(orgNo));
        if (orgNo.size() != 10)
            r.fatal("SE-R-004",
                    Tr::tr("The Swedish seller organisation number (BT-30) \"%1\" must have 10 digits.")
                        .arg(orgNo));
        if (!identifiers::isValidSwedishOrgNumber(orgNo))
            r.fatal("SE-R-013",
                    Tr::tr("The Swedish seller organisation number (BT-30) \"%1\" has an invalid check "
                           "digit.")
                        .arg(orgNo));
    }
    const QString taxReg = inv.seller.taxRegistrationId.trimmed();
    if (!taxReg.isEmpty() && taxReg.toUpper() != QStringLiteral("GODKÄND FÖR F-SKATT"))
        r.fatal("SE-R-005",
                Tr::tr("The Swedish seller tax registration (BT-32) must read \"Godkänd för F-skatt\"; "
                       "found \"%1\".")
                    .arg(taxReg));
    if (vat.startsWith(QLatin1String("SE"))) {
        auto rateOk = [](const OptDecimal &rate) {
            return rate && (*rate == Decimal(25) || *rate == Decimal(12) || *rate == Decimal(6));
        };
        for (const InvoiceLine &line : inv.lines) {
            if (line.vatCategory.trimmed() == QLatin1String("S") && !rateOk(line.vatRate))
                r.fatal("SE-R-006",
                        Tr::tr("Swedish standard-rated VAT is 25, 12 or 6 %; found %1 %.")
                            .arg(rateText(line.vatRate)),
                        lineLocation(line));
        }
        for (const VatBreakdown &b : inv.vatBreakdown) {
            if (b.category.trimmed() == QLatin1String("S") && !rateOk(b.rate))
                r.fatal(
                    "SE-R-006",
                    Tr::tr("Swedish standard-rated VAT is 25, 12 or 6 %; found %1 %.").arg(rateText(b.rate)),
                    breakdownLocation(b));
        }
    }
    for (const PaymentMeans &pm : inv.paymentMeans) {
        for (const CreditTransfer &ct : pm.creditTransfers) {
            const QString account = ct.accountId.trimmed();
            if (ct.bic.trimmed() == QLatin1String("SE:PLUSGIRO")) {
                if (!identifiers::isDigits(account))
                    r.warning("SE-R-007",
                              Tr::tr("The Plusgiro account \"%1\" should be numeric.").arg(account));
                if (account.size() < 2 || account.size() > 8)
                    r.warning("SE-R-010",
                              Tr::tr("The Plusgiro account \"%1\" should have 2 to 8 digits.").arg(account));
            } else if (ct.bic.trimmed() == QLatin1String("SE:BANKGIRO")) {
                if (!identifiers::isDigits(account))
                    r.warning("SE-R-008",
                              Tr::tr("The Bankgiro account \"%1\" should be numeric.").arg(account));
                if (account.size() < 7 || account.size() > 8)
                    r.warning("SE-R-009",
                              Tr::tr("The Bankgiro account \"%1\" should have 7 or 8 digits.").arg(account));
            }
        }
        if (partyCountry(inv.buyer) == QLatin1String("SE") && pm.typeCode.trimmed() == QLatin1String("58"))
            r.warning("SE-R-012",
                      Tr::tr("Between Swedish parties a credit transfer should use payment means code 30, "
                             "not 58."));
    }
}

void checkNorway(const Invoice &inv, Report &r)
{
    const QString vat = inv.seller.vatId.trimmed();
    static const QRegularExpression noVat(QStringLiteral("^NO([0-9]{9})MVA$"));
    if (!vat.isEmpty()) {
        const auto m = noVat.match(vat);
        if (!m.hasMatch() || !identifiers::isValidNorwegianOrgNumber(m.captured(1)))
            r.fatal("NO-R-001",
                    Tr::tr("The Norwegian seller VAT identifier (BT-31) \"%1\" must be NO + a valid "
                           "9-digit organisation number + MVA.")
                        .arg(vat));
    }
    const QString registered = inv.seller.taxRegistrationId + QLatin1Char(' ') + inv.seller.legalInfo;
    if (!registered.contains(QLatin1String("Foretaksregisteret"), Qt::CaseInsensitive))
        r.warning("NO-R-002",
                  Tr::tr("Norwegian limited companies should state \"Foretaksregisteret\" on the invoice "
                         "(seller tax registration BT-32)."));
}

void checkDenmark(const Invoice &inv, Report &r)
{
    if (inv.seller.legalRegistration.isEmpty())
        r.fatal("DK-R-002",
                Tr::tr("A Danish seller needs the legal registration identifier (BT-30, CVR number)."));
    else if (has(inv.seller.legalRegistration.scheme) &&
             inv.seller.legalRegistration.scheme.trimmed() != QLatin1String("0184"))
        r.fatal("DK-R-014",
                Tr::tr("The Danish seller legal registration identifier must use scheme 0184 (CVR); "
                       "found \"%1\".")
                    .arg(inv.seller.legalRegistration.scheme));
    for (const Party *p : {&inv.seller, &inv.buyer}) {
        for (const Identifier &id : p->identifiers) {
            if (!id.isEmpty() && !has(id.scheme))
                r.fatal("DK-R-013",
                        Tr::tr("The party identifier \"%1\" needs a scheme identifier.").arg(id.id));
        }
    }
    for (const InvoiceLine &line : inv.lines) {
        for (const auto &c : line.classifications) {
            if (c.listId.trimmed() == QLatin1String("MP") && !isAnyOf(c.listVersion, "19.05.01 26.08.01"))
                r.warning("DK-R-003",
                          Tr::tr("Item classifications of Danish suppliers should use UNSPSC version "
                                 "19.05.01 or 26.08.01; found \"%1\".")
                              .arg(c.listVersion),
                          lineLocation(line));
        }
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    for (const PaymentMeans &pm : inv.paymentMeans) {
        const QString code = pm.typeCode.trimmed();
        if (!isAnyOf(code, "1 10 31 42 48 49 50 58 59 93 97"))
            r.fatal("DK-R-005",
                    Tr::tr("Payment means code %1 is not allowed for Danish suppliers.").arg(code));
        const QString account =
            pm.creditTransfers.isEmpty() ? QString() : pm.creditTransfers.first().accountId.trimmed();
        const QString branch =
            pm.creditTransfers.isEmpty() ? QString() : pm.creditTransfers.first().bic.trimmed();
        const QString ref = pm.remittanceInfo.trimmed();
        if ((code == QLatin1String("31") || code == QLatin1String("42")) &&
            (account.isEmpty() || branch.isEmpty()))
            r.fatal("DK-R-006",
                    Tr::tr("Payment means %1 needs the bank account (BT-84) and the registration (branch) "
                           "number.")
                        .arg(code));
        if (code == QLatin1String("49") &&
            (!has(pm.directDebit.mandateReference) || !has(pm.directDebit.debitedAccountId)))
            r.fatal("DK-R-007",
                    Tr::tr("Payment means 49 needs the mandate reference (BT-89) and the debited account "
                           "(BT-91)."));
        if (code == QLatin1String("50")) {
            const QString prefix = ref.left(3);
            if (!isAnyOf(prefix, "01# 04# 15#") || account.size() < 7 || account.size() > 8 ||
                !digits.match(account).hasMatch())
                r.fatal("DK-R-008",
                        Tr::tr("Payment means 50 (giro) needs a payment id (BT-83) starting with 01#, 04# "
                               "or 15# and a giro account of 7-8 digits; found \"%1\", \"%2\".")
                            .arg(ref, account));
            else if (prefix != QLatin1String("01#") &&
                     !QRegularExpression(QStringLiteral("^[0-9]{2}#[0-9]{16}$")).match(ref).hasMatch())
                r.fatal("DK-R-009",
                        Tr::tr("Payment id \"%1\" must end with a 16-digit instruction id.").arg(ref));
        }
        if (code == QLatin1String("93")) {
            const QString prefix = ref.left(3);
            if (!isAnyOf(prefix, "71# 73# 75#") || account.size() != 8)
                r.fatal("DK-R-010",
                        Tr::tr("Payment means 93 (FIK) needs a payment id (BT-83) starting with 71#, 73# "
                               "or 75# and an 8-character creditor number; found \"%1\", \"%2\".")
                            .arg(ref, account));
            else if (prefix != QLatin1String("73#") &&
                     !QRegularExpression(QStringLiteral("^[0-9]{2}#[0-9]{15,16}$")).match(ref).hasMatch())
                r.fatal("DK-R-011",
                        Tr::tr("Payment id \"%1\" must end with a 15-16 digit instruction id.").arg(ref));
        }
    }
    if (inv.isCreditNote() && inv.totals.payable.isNegative())
        r.fatal("DK-R-016", Tr::tr("A Danish credit note must not have a negative amount due (BT-115 %1).")
                                .arg(money(inv.totals.payable)));
}

void checkNetherlands(const Invoice &inv, Report &r)
{
    const bool buyerNl = partyCountry(inv.buyer) == QLatin1String("NL");
    if ((inv.isCreditNote() || inv.typeCode.trimmed() == QLatin1String("381")) &&
        inv.precedingInvoices.isEmpty())
        r.fatal("NL-R-001", Tr::tr("A Dutch credit note must reference the corrected invoice (BG-3)."));
    if (!addressComplete(inv.seller.address))
        r.fatal("NL-R-002",
                Tr::tr("A Dutch seller address needs street (BT-35), city (BT-37) and post code (BT-38)."));
    const QString legalScheme = inv.seller.legalRegistration.scheme.trimmed();
    if (!inv.seller.legalRegistration.isEmpty() && legalScheme != QLatin1String("0106") &&
        legalScheme != QLatin1String("0190"))
        r.fatal("NL-R-003",
                Tr::tr("A Dutch seller legal registration identifier needs scheme 0106 (KvK) or 0190 (OIN); "
                       "found \"%1\".")
                    .arg(legalScheme));
    if (buyerNl) {
        if (!addressComplete(inv.buyer.address))
            r.fatal(
                "NL-R-004",
                Tr::tr("A Dutch buyer address needs street (BT-50), city (BT-52) and post code (BT-53)."));
        const QString buyerScheme = inv.buyer.legalRegistration.scheme.trimmed();
        if (!inv.buyer.legalRegistration.isEmpty() && buyerScheme != QLatin1String("0106") &&
            buyerScheme != QLatin1String("0190"))
            r.fatal("NL-R-005",
                    Tr::tr("A Dutch buyer legal registration identifier needs scheme 0106 (KvK) or 0190 "
                           "(OIN); found \"%1\".")
                        .arg(buyerScheme));
        for (const PaymentMeans &pm : inv.paymentMeans) {
            if (!isAnyOf(pm.typeCode, "30 48 49 57 58 59"))
                r.fatal("NL-R-008",
                        Tr::tr("Payment means code %1 is not allowed between Dutch parties (use 30, 48, 49, "
                               "57, 58 or 59).")
                            .arg(pm.typeCode));
        }
    }
    if (!inv.taxRepresentative.isEmpty() && partyCountry(inv.taxRepresentative) == QLatin1String("NL") &&
        !addressComplete(inv.taxRepresentative.address))
        r.fatal("NL-R-006", Tr::tr("A Dutch tax representative address needs street, city and post code."));
    if (!inv.isCreditNote() && inv.totals.payable > Decimal(0) && inv.paymentMeans.isEmpty())
        r.fatal("NL-R-007",
                Tr::tr("A Dutch seller must give payment instructions (BG-16) when the buyer pays."));
    if (!has(inv.orderReference)) {
        for (const InvoiceLine &line : inv.lines) {
            if (has(line.orderLineRef))
                r.fatal("NL-R-009",
                        Tr::tr("The line references order line \"%1\" (BT-132), so the purchase order "
                               "reference (BT-13) is required.")
                            .arg(line.orderLineRef),
                        lineLocation(line));
        }
    }
}

void checkGermany(const Invoice &inv, Report &r)
{
    const Party &s = inv.seller;
    if (inv.paymentMeans.isEmpty())
        r.fatal("DE-R-001", Tr::tr("Payment instructions (BG-16) are required."));
    if (s.contact.isEmpty())
        r.fatal("DE-R-002", Tr::tr("The seller contact (BG-6) is required."));
    if (!has(s.address.city))
        r.fatal("DE-R-003", Tr::tr("The seller city (BT-37) is required."));
    if (!has(s.address.postCode))
        r.fatal("DE-R-004", Tr::tr("The seller post code (BT-38) is required."));
    if (!has(s.contact.name))
        r.fatal("DE-R-005", Tr::tr("The seller contact point (BT-41) is required."));
    if (!has(s.contact.phone))
        r.fatal("DE-R-006", Tr::tr("The seller contact telephone number (BT-42) is required."));
    if (!has(s.contact.email))
        r.fatal("DE-R-007", Tr::tr("The seller contact e-mail address (BT-43) is required."));
    if (!has(inv.buyer.address.city))
        r.fatal("DE-R-008", Tr::tr("The buyer city (BT-52) is required."));
    if (!has(inv.buyer.address.postCode))
        r.fatal("DE-R-009", Tr::tr("The buyer post code (BT-53) is required."));
    if (!inv.delivery.address.isEmpty()) {
        if (!has(inv.delivery.address.city))
            r.fatal("DE-R-010", Tr::tr("The deliver-to city (BT-77) is required."));
        if (!has(inv.delivery.address.postCode))
            r.fatal("DE-R-011", Tr::tr("The deliver-to post code (BT-78) is required."));
    }
    bool taxable = false;
    for (const VatBreakdown &b : inv.vatBreakdown) {
        if (!b.rate)
            r.fatal("DE-R-014", Tr::tr("The VAT rate (BT-119) is required.").arg(b.category),
                    breakdownLocation(b));
        taxable = taxable || isAnyOf(b.category, "S Z E AE K G L M");
    }
    if (!has(inv.buyerReference))
        r.fatal("DE-R-015", Tr::tr("The buyer reference (BT-10, Leitweg-ID for public buyers) is required."));
    if (taxable && !has(s.vatId) && !has(s.taxRegistrationId) && !has(inv.taxRepresentative.vatId))
        r.fatal("DE-R-016",
                Tr::tr("The seller VAT identifier (BT-31), tax registration (BT-32) or tax representative "
                       "VAT identifier (BT-63) is required."));
    if (!isAnyOf(inv.typeCode, "326 380 384 389 381 875 876 877"))
        r.warning("DE-R-017",
                  Tr::tr("Invoice type code %1 is not one of 326, 380, 384, 389, 381, 875, 876, 877.")
                      .arg(inv.typeCode));
    static const QRegularExpression skonto(QStringLiteral(
        "^#SKONTO#TAGE=[0-9]+#PROZENT=[0-9]+\\.[0-9]{2}(#BASISBETRAG=-?[0-9]+\\.[0-9]{2})?#$"));
    for (const QString &termLine : inv.paymentTerms.split(QLatin1Char('\n'))) {
        const QString t = termLine.trimmed();
        if (t.startsWith(QLatin1Char('#')) && !skonto.match(t).hasMatch())
            r.fatal(
                "DE-R-018",
                Tr::tr("The payment terms line \"%1\" does not follow #SKONTO#TAGE=n#PROZENT=n.nn#.").arg(t));
    }
    QSet<QString> names;
    for (const Attachment &a : inv.attachments) {
        if (a.filename.isEmpty())
            continue;
        const QString key = a.filename.toLower();
        if (names.contains(key))
            r.fatal("DE-R-022", Tr::tr("The attachment file name \"%1\" is used twice.").arg(a.filename));
        names.insert(key);
    }
    for (const PaymentMeans &pm : inv.paymentMeans) {
        const QString code = pm.typeCode.trimmed();
        const bool transfer = !pm.creditTransfers.isEmpty();
        if (isAnyOf(code, "30 58")) {
            if (!transfer)
                r.fatal("DE-R-023-1",
                        Tr::tr("Payment means %1 needs credit transfer details (BG-17).").arg(code));
            if (pm.hasCard() || pm.hasDirectDebit())
                r.fatal("DE-R-023-2",
                        Tr::tr("Payment means %1 must not carry card (BG-18) or direct debit (BG-19) "
                               "details.")
                            .arg(code));
            if (code == QLatin1String("58")) {
                for (const CreditTransfer &ct : pm.creditTransfers) {
                    if (!identifiers::isValidIban(ct.accountId))
                        r.warning(
                            "DE-R-019",
                            Tr::tr("The account \"%1\" (BT-84) should be a valid IBAN.").arg(ct.accountId));
                }
            }
        }
        if (isAnyOf(code, "48 54 55")) {
            if (!pm.hasCard())
                r.fatal("DE-R-024-1",
                        Tr::tr("Payment means %1 needs payment card details (BG-18).").arg(code));
            if (transfer || pm.hasDirectDebit())
                r.fatal("DE-R-024-2",
                        Tr::tr("Payment means %1 must not carry credit transfer (BG-17) or direct debit "
                               "(BG-19) details.")
                            .arg(code));
        }
        if (code == QLatin1String("59")) {
            if (!pm.hasDirectDebit())
                r.fatal("DE-R-025-1", Tr::tr("Payment means 59 needs direct debit details (BG-19)."));
            if (transfer || pm.hasCard())
                r.fatal("DE-R-025-2",
                        Tr::tr("Payment means 59 must not carry credit transfer (BG-17) or card (BG-18) "
                               "details."));
            if (has(pm.directDebit.debitedAccountId) &&
                !identifiers::isValidIban(pm.directDebit.debitedAccountId))
                r.warning("DE-R-020", Tr::tr("The debited account \"%1\" (BT-91) should be a valid IBAN.")
                                          .arg(pm.directDebit.debitedAccountId));
        }
        if (pm.hasDirectDebit()) {
            if (!has(pm.directDebit.creditorId))
                r.fatal("DE-R-030",
                        Tr::tr("Direct debit needs the bank assigned creditor identifier (BT-90)."));
            if (!has(pm.directDebit.debitedAccountId))
                r.fatal("DE-R-031", Tr::tr("Direct debit needs the debited account identifier (BT-91)."));
        }
    }
    if (inv.typeCode.trimmed() == QLatin1String("384") && inv.precedingInvoices.isEmpty())
        r.warning("DE-R-026",
                  Tr::tr("A corrected invoice (384) should reference the preceding invoice (BG-3)."));
    if (has(s.contact.phone)) {
        int digitCount = 0;
        for (const QChar c : s.contact.phone)
            digitCount += c.isDigit() ? 1 : 0;
        if (digitCount < 3)
            r.warning("DE-R-027", Tr::tr("The seller telephone number \"%1\" should have at least 3 digits.")
                                      .arg(s.contact.phone));
    }
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    if (has(s.contact.email) && !email.match(s.contact.email.trimmed()).hasMatch())
        r.warning("DE-R-028",
                  Tr::tr("The seller e-mail address \"%1\" does not look valid.").arg(s.contact.email));
}

} // namespace

void checkNational(const Invoice &inv, const Validator::Options &options, Report &r)
{
    const QString seller = partyCountry(inv.seller);
    if (seller == QLatin1String("SE"))
        checkSweden(inv, r);
    else if (seller == QLatin1String("NO"))
        checkNorway(inv, r);
    else if (seller == QLatin1String("DK"))
        checkDenmark(inv, r);
    else if (seller == QLatin1String("NL"))
        checkNetherlands(inv, r);
    else if (seller == QLatin1String("DE") && partyCountry(inv.buyer) == QLatin1String("DE") &&
             options.syntax == Syntax::Ubl)
        checkGermany(inv, r);
}

} // namespace einvoice::validation

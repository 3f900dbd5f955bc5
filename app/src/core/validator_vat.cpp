// The VAT category rule families BR-S, BR-Z, BR-E, BR-AE, BR-IC (K), BR-G, BR-O, BR-AF (L),
// BR-AG (M) -01..-10 plus BR-IC-11/12, BR-O-11..14 and BR-B-01/02. The families share their
// numbering, so one table describes what differs per category.

#include "validator_internal.h"

#include <QMap>

namespace einvoice::validation {

namespace {

enum class RateRule
{
    Positive,
    Zero,
    Absent,
    NonNegative
};
enum class PartyRule
{
    SellerAny,
    SellerAnyAndBuyer,
    SellerVatAndBuyerVat,
    SellerVat,
    NoVatIds
};

struct CategorySpec
{
    const char *code;
    const char *family; // rule id infix: BR-<family>-nn
    const char *name;
    RateRule rate;
    PartyRule party;
    bool rated;             // S, L, M: amounts grouped per rate, VAT = taxable x rate
    bool exemptionRequired; // otherwise exemption reasons are forbidden
};

const CategorySpec kSpecs[] = {
    {"S", "S", QT_TRANSLATE_NOOP("Validator", "standard rated"), RateRule::Positive, PartyRule::SellerAny,
     true, false},
    {"Z", "Z", QT_TRANSLATE_NOOP("Validator", "zero rated"), RateRule::Zero, PartyRule::SellerAny, false,
     false},
    {"E", "E", QT_TRANSLATE_NOOP("Validator", "exempt from VAT"), RateRule::Zero, PartyRule::SellerAny, false,
     true},
    {"AE", "AE", QT_TRANSLATE_NOOP("Validator", "reverse charge"), RateRule::Zero,
     PartyRule::SellerAnyAndBuyer, false, true},
    {"K", "IC", QT_TRANSLATE_NOOP("Validator", "intra-community supply"), RateRule::Zero,
     PartyRule::SellerVatAndBuyerVat, false, true},
    {"G", "G", QT_TRANSLATE_NOOP("Validator", "export outside the EU"), RateRule::Zero, PartyRule::SellerVat,
     false, true},
    {"O", "O", QT_TRANSLATE_NOOP("Validator", "not subject to VAT"), RateRule::Absent, PartyRule::NoVatIds,
     false, true},
    {"L", "AF", QT_TRANSLATE_NOOP("Validator", "IGIC (Canary Islands)"), RateRule::NonNegative,
     PartyRule::SellerAny, true, false},
    {"M", "AG", QT_TRANSLATE_NOOP("Validator", "IPSI (Ceuta and Melilla)"), RateRule::NonNegative,
     PartyRule::SellerAny, true, false},
};

QString ruleId(const CategorySpec &spec, int number)
{
    return QStringLiteral("BR-%1-%2").arg(QLatin1String(spec.family)).arg(number, 2, 10, QLatin1Char('0'));
}

bool has(const QString &s)
{
    return !s.trimmed().isEmpty();
}

bool partiesOk(const Invoice &inv, PartyRule rule)
{
    const bool sellerVat = has(inv.seller.vatId) || has(inv.taxRepresentative.vatId);
    const bool sellerAny = sellerVat || has(inv.seller.taxRegistrationId);
    switch (rule) {
    case PartyRule::SellerAny:
        return sellerAny;
    case PartyRule::SellerAnyAndBuyer:
        return sellerAny && (has(inv.buyer.vatId) || has(inv.buyer.legalRegistration.id));
    case PartyRule::SellerVatAndBuyerVat:
        return sellerVat && has(inv.buyer.vatId);
    case PartyRule::SellerVat:
        return sellerVat;
    case PartyRule::NoVatIds:
        return !sellerVat && !has(inv.buyer.vatId);
    }
    return true;
}

QString partyRequirement(PartyRule rule)
{
    switch (rule) {
    case PartyRule::SellerAny:
        return Tr::tr(
            "the seller VAT identifier (BT-31), the seller tax registration identifier (BT-32) or the tax "
            "representative VAT identifier (BT-63) is required");
    case PartyRule::SellerAnyAndBuyer:
        return Tr::tr(
            "the seller VAT identifier (BT-31), tax registration identifier (BT-32) or tax representative "
            "VAT identifier (BT-63) is required, and the buyer VAT identifier (BT-48) or legal registration "
            "identifier (BT-47)");
    case PartyRule::SellerVatAndBuyerVat:
        return Tr::tr(
            "the seller VAT identifier (BT-31) or tax representative VAT identifier (BT-63) and the buyer "
            "VAT identifier (BT-48) are required");
    case PartyRule::SellerVat:
        return Tr::tr(
            "the seller VAT identifier (BT-31) or tax representative VAT identifier (BT-63) is required");
    case PartyRule::NoVatIds:
        return Tr::tr(
            "the seller VAT identifier (BT-31), tax representative VAT identifier (BT-63) and buyer VAT "
            "identifier (BT-48) must not be given");
    }
    return QString();
}

bool rateOk(RateRule rule, const OptDecimal &rate)
{
    switch (rule) {
    case RateRule::Positive:
        return rate && *rate > Decimal(0);
    case RateRule::Zero:
        return rate && rate->isZero();
    case RateRule::Absent:
        return !rate;
    case RateRule::NonNegative:
        return rate && !rate->isNegative();
    }
    return true;
}

QString rateRequirement(RateRule rule)
{
    switch (rule) {
    case RateRule::Positive:
        return Tr::tr("must be greater than zero");
    case RateRule::Zero:
        return Tr::tr("must be 0");
    case RateRule::Absent:
        return Tr::tr("must not be given");
    case RateRule::NonNegative:
        return Tr::tr("must be given and not negative");
    }
    return QString();
}

/// One taxable item: a line, a document allowance (negative) or a document charge.
struct Item
{
    QString category;
    OptDecimal rate;
    Decimal signedAmount;
    int kind; // 0 line, 1 document allowance, 2 document charge
    QString location;
};

QList<Item> collectItems(const Invoice &inv)
{
    QList<Item> items;
    for (const InvoiceLine &line : inv.lines) {
        items.append({line.vatCategory.trimmed(), line.vatRate, line.netAmount, 0, lineLocation(line)});
    }
    int index = 0;
    for (const AllowanceCharge &ac : inv.allowanceCharges) {
        ++index;
        if (ac.isCharge)
            items.append({ac.vatCategory.trimmed(), ac.vatRate, ac.amount, 2,
                          Tr::tr("document charge %1").arg(index)});
        else
            items.append({ac.vatCategory.trimmed(), ac.vatRate, -ac.amount, 1,
                          Tr::tr("document allowance %1").arg(index)});
    }
    return items;
}

QString kindName(int kind)
{
    switch (kind) {
    case 0:
        return Tr::tr("line");
    case 1:
        return Tr::tr("document allowance");
    default:
        return Tr::tr("document charge");
    }
}

const char *rateTerm(int kind)
{
    return kind == 0 ? "BT-152" : (kind == 1 ? "BT-96" : "BT-103");
}

void checkCategory(const Invoice &inv, const QList<Item> &items, const CategorySpec &spec, Report &r)
{
    const QString code = QLatin1String(spec.code);
    QList<const Item *> mine;
    for (const Item &item : items) {
        if (item.category == code)
            mine.append(&item);
    }
    QList<const VatBreakdown *> groups;
    for (const VatBreakdown &b : inv.vatBreakdown) {
        if (b.category.trimmed() == code)
            groups.append(&b);
    }

    // -01: the breakdown has a group for the category.
    if (!mine.isEmpty()) {
        const bool ok = spec.rated ? !groups.isEmpty() : groups.size() == 1;
        if (!ok)
            r.fatalId(
                ruleId(spec, 1),
                spec.rated
                    ? Tr::tr("Items use VAT category %1 (%2) but the VAT breakdown (BG-23) has no %1 group.")
                          .arg(code, Tr::tr(spec.name))
                    : Tr::tr("Items use VAT category %1 (%2), so the VAT breakdown (BG-23) needs exactly "
                             "one %1 group; found %3.")
                          .arg(code, Tr::tr(spec.name))
                          .arg(groups.size()));
    }

    // -02..-04 parties and -05..-07 rates, per item.
    const bool partiesFine = partiesOk(inv, spec.party);
    for (const Item *item : mine) {
        if (!partiesFine)
            r.fatalId(ruleId(spec, 2 + item->kind),
                      Tr::tr("The %1 is in VAT category %2, so %3.")
                          .arg(kindName(item->kind), code, partyRequirement(spec.party)),
                      item->location);
        if (!rateOk(spec.rate, item->rate))
            r.fatalId(ruleId(spec, 5 + item->kind),
                      Tr::tr("The %1 is in VAT category %2, so its VAT rate (%3) %4; found %5.")
                          .arg(kindName(item->kind), code, QLatin1String(rateTerm(item->kind)),
                               rateRequirement(spec.rate), rateText(item->rate)),
                      item->location);
    }

    for (const VatBreakdown *b : groups) {
        const QString loc = breakdownLocation(*b);
        // -08 taxable amount.
        Decimal expected;
        bool anyItem = false;
        for (const Item *item : mine) {
            if (spec.rated && !(b->rate && item->rate && *item->rate == *b->rate))
                continue;
            expected += item->signedAmount;
            anyItem = true;
        }
        if (spec.rated) {
            if (anyItem && !withinOneUnit(b->taxableAmount, expected))
                r.fatalId(ruleId(spec, 8),
                          Tr::tr("BT-116 taxable amount %1 for category %2 at %3 % should be %4 (= lines - "
                                 "allowances + "
                                 "charges in that category and rate).")
                              .arg(money(b->taxableAmount), code, rateText(b->rate),
                                   expected.rounded(2).toString()),
                          loc);
        } else if (b->taxableAmount != expected.rounded(2)) {
            r.fatalId(ruleId(spec, 8),
                      Tr::tr("BT-116 taxable amount %1 for category %2 should be %3 (= lines - allowances + "
                             "charges in "
                             "that category).")
                          .arg(money(b->taxableAmount), code, expected.rounded(2).toString()),
                      loc);
        }
        // -09 VAT amount.
        if (spec.rated) {
            if (b->rate) {
                const Decimal vat = expectedVat(b->taxableAmount, *b->rate);
                if (!withinOneUnit(b->taxAmount, vat))
                    r.fatalId(
                        ruleId(spec, 9),
                        Tr::tr("BT-117 VAT amount %1 for category %2 should be %3 (= BT-116 %4 x %5 %).")
                            .arg(money(b->taxAmount), code, vat.toString(), money(b->taxableAmount),
                                 b->rate->toString()),
                        loc);
            }
        } else if (!b->taxAmount.isZero()) {
            r.fatalId(ruleId(spec, 9),
                      Tr::tr("BT-117 VAT amount for category %1 (%2) must be 0; found %3.")
                          .arg(code, Tr::tr(spec.name), money(b->taxAmount)),
                      loc);
        }
        // -10 exemption reason.
        const bool hasExemption = has(b->exemptionReason) || has(b->exemptionReasonCode);
        if (spec.exemptionRequired && !hasExemption)
            r.fatalId(
                ruleId(spec, 10),
                Tr::tr(
                    "The VAT breakdown for category %1 (%2) needs an exemption reason text (BT-120) or code "
                    "(BT-121).")
                    .arg(code, Tr::tr(spec.name)),
                loc);
        if (!spec.exemptionRequired && hasExemption)
            r.fatalId(
                ruleId(spec, 10),
                Tr::tr(
                    "The VAT breakdown for category %1 (%2) must not have an exemption reason; found \"%3\".")
                    .arg(code, Tr::tr(spec.name),
                         has(b->exemptionReasonCode) ? b->exemptionReasonCode : b->exemptionReason),
                loc);
    }
}

} // namespace

void checkVatCategories(const Invoice &inv, Report &r)
{
    const QList<Item> items = collectItems(inv);
    for (const CategorySpec &spec : kSpecs)
        checkCategory(inv, items, spec, r);

    bool hasK = false, hasO = false, hasB = false, hasS = false;
    for (const VatBreakdown &b : inv.vatBreakdown) {
        const QString c = b.category.trimmed();
        hasK = hasK || c == QLatin1String("K");
        hasO = hasO || c == QLatin1String("O");
        hasB = hasB || c == QLatin1String("B");
        hasS = hasS || c == QLatin1String("S");
    }
    for (const Item &item : items) {
        hasB = hasB || item.category == QLatin1String("B");
        hasS = hasS || item.category == QLatin1String("S");
    }

    if (hasK) {
        const Period &p = inv.invoicePeriod;
        if (!inv.delivery.actualDate.isValid() && !p.start.isValid() && !p.end.isValid())
            r.fatal("BR-IC-11",
                    Tr::tr("An intra-community supply (category K) needs the actual delivery date (BT-72) "
                           "or the invoicing period (BG-14)."));
        if (inv.delivery.address.countryCode.trimmed().isEmpty())
            r.fatal("BR-IC-12",
                    Tr::tr("An intra-community supply (category K) needs the deliver-to country code "
                           "(BT-80)."));
    }

    if (hasO) {
        if (inv.vatBreakdown.size() > 1)
            r.fatal("BR-O-11",
                    Tr::tr("An invoice with a 'not subject to VAT' (O) breakdown must have no other VAT "
                           "breakdown group; found %1 groups.")
                        .arg(inv.vatBreakdown.size()));
        for (const Item &item : items) {
            if (item.category == QLatin1String("O") || item.category.isEmpty())
                continue;
            const char *id = item.kind == 0 ? "BR-O-12" : (item.kind == 1 ? "BR-O-13" : "BR-O-14");
            r.fatal(id,
                    Tr::tr("The invoice is 'not subject to VAT' (O), but this %1 uses VAT category %2.")
                        .arg(kindName(item.kind), item.category),
                    item.location);
        }
    }

    if (hasB) {
        const QString sellerCountry = partyCountry(inv.seller);
        const QString buyerCountry = partyCountry(inv.buyer);
        if (sellerCountry != QLatin1String("IT") || buyerCountry != QLatin1String("IT"))
            r.fatal("BR-B-01",
                    Tr::tr("VAT category B (split payment) is only allowed in domestic Italian invoices; "
                           "seller country is \"%1\", buyer country \"%2\".")
                        .arg(sellerCountry, buyerCountry));
        if (hasS)
            r.fatal("BR-B-02",
                    Tr::tr("VAT category B (split payment) must not be mixed with category S in one "
                           "invoice."));
    }
}

} // namespace einvoice::validation

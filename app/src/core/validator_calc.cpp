// The calculation check: document totals (BR-CO-10..16) and VAT per breakdown (BR-CO-17).
// Totals compare exactly after rounding to 2 decimals, as the official schematron does;
// BR-CO-17 allows a difference below one currency unit.

#include "validator_internal.h"

namespace einvoice::validation {

namespace {

Decimal orZero(const OptDecimal &d)
{
    return d ? *d : Decimal(0);
}

QString m2(const Decimal &d)
{
    return d.rounded(2).toString();
}

} // namespace

/// True when |found| and |expected| differ by less than one unit (the BR-CO-17 / BR-S-09 test,
/// which compares absolute values).
bool withinOneUnit(const Decimal &found, const Decimal &expected)
{
    const Decimal a = found.abs();
    const Decimal e = expected.abs();
    return a - Decimal(1) < e && a + Decimal(1) > e;
}

/// BT-116 x BT-119 / 100, rounded to 2 decimals, on absolute values like the official test.
Decimal expectedVat(const Decimal &taxable, const Decimal &rate)
{
    return (taxable.abs() * rate).divided(Decimal(100), 2);
}

void checkCalculation(const Invoice &inv, Report &r)
{
    const DocumentTotals &t = inv.totals;

    Decimal lineSum;
    int topLevel = 0;
    for (const InvoiceLine &line : inv.lines) {
        lineSum += line.netAmount;
        ++topLevel;
    }
    if (t.lineNetTotal != lineSum.rounded(2))
        r.fatal("BR-CO-10",
                Tr::tr("BT-106 sum of line net amounts %1 should be %2 (= sum of %3 line net amounts "
                       "BT-131).")
                    .arg(money(t.lineNetTotal), m2(lineSum))
                    .arg(topLevel));

    Decimal allowanceSum, chargeSum;
    int allowances = 0, charges = 0;
    for (const AllowanceCharge &ac : inv.allowanceCharges) {
        if (ac.isCharge) {
            chargeSum += ac.amount;
            ++charges;
        } else {
            allowanceSum += ac.amount;
            ++allowances;
        }
    }
    if (t.allowanceTotal ? *t.allowanceTotal != allowanceSum.rounded(2) : allowances > 0)
        r.fatal("BR-CO-11",
                Tr::tr("BT-107 sum of allowances %1 should be %2 (= sum of %3 document-level allowance "
                       "amounts BT-92).")
                    .arg(t.allowanceTotal ? money(*t.allowanceTotal) : Tr::tr("(missing)"), m2(allowanceSum))
                    .arg(allowances));
    if (t.chargeTotal ? *t.chargeTotal != chargeSum.rounded(2) : charges > 0)
        r.fatal("BR-CO-12",
                Tr::tr("BT-108 sum of charges %1 should be %2 (= sum of %3 document-level charge amounts "
                       "BT-99).")
                    .arg(t.chargeTotal ? money(*t.chargeTotal) : Tr::tr("(missing)"), m2(chargeSum))
                    .arg(charges));

    const Decimal expectedExclusive =
        (t.lineNetTotal - orZero(t.allowanceTotal) + orZero(t.chargeTotal)).rounded(2);
    if (t.taxExclusive != expectedExclusive)
        r.fatal("BR-CO-13",
                Tr::tr("BT-109 total without VAT %1 should be %2 (= BT-106 %3 - BT-107 %4 + BT-108 %5).")
                    .arg(money(t.taxExclusive), expectedExclusive.toString(), money(t.lineNetTotal),
                         money(orZero(t.allowanceTotal)), money(orZero(t.chargeTotal))));

    Decimal vatSum;
    for (const VatBreakdown &b : inv.vatBreakdown)
        vatSum += b.taxAmount;
    if (t.vatTotal && *t.vatTotal != vatSum.rounded(2))
        r.fatal("BR-CO-14",
                Tr::tr("BT-110 VAT total %1 should be %2 (= sum of %3 VAT breakdown amounts BT-117).")
                    .arg(money(*t.vatTotal), m2(vatSum))
                    .arg(inv.vatBreakdown.size()));

    const Decimal expectedInclusive = (t.taxExclusive + orZero(t.vatTotal)).rounded(2);
    if (t.taxInclusive != expectedInclusive)
        r.fatal("BR-CO-15", Tr::tr("BT-112 total with VAT %1 should be %2 (= BT-109 %3 + BT-110 %4).")
                                .arg(money(t.taxInclusive), expectedInclusive.toString(),
                                     money(t.taxExclusive), money(orZero(t.vatTotal))));

    const Decimal expectedPayable = (t.taxInclusive - orZero(t.prepaid) + orZero(t.rounding)).rounded(2);
    if (t.payable != expectedPayable)
        r.fatal("BR-CO-16", Tr::tr("BT-115 amount due %1 should be %2 (= BT-112 %3 - BT-113 %4 + BT-114 %5).")
                                .arg(money(t.payable), expectedPayable.toString(), money(t.taxInclusive),
                                     money(orZero(t.prepaid)), money(orZero(t.rounding))));

    for (const VatBreakdown &b : inv.vatBreakdown) {
        if (!b.rate)
            continue;
        const Decimal expected = expectedVat(b.taxableAmount, *b.rate);
        if (!withinOneUnit(b.taxAmount, expected))
            r.fatal("BR-CO-17",
                    Tr::tr("BT-117 VAT amount %1 for category %2 should be %3 (= BT-116 %4 x BT-119 %5 %, "
                           "tolerance 1).")
                        .arg(money(b.taxAmount), b.category, expected.toString(), money(b.taxableAmount),
                             b.rate->toString()),
                    breakdownLocation(b));
    }
}

} // namespace einvoice::validation

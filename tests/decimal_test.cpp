#include "decimal.h"

#include <gtest/gtest.h>

using einvoice::Decimal;

namespace {
Decimal d(const char *s)
{
    auto v = Decimal::parse(QString::fromLatin1(s));
    EXPECT_TRUE(v.has_value()) << s;
    return v.value_or(Decimal());
}
} // namespace

TEST(Decimal, ParseKeepsScale)
{
    EXPECT_EQ(d("20.0000").toString(), "20.0000");
    EXPECT_EQ(d("-0.5").toString(), "-0.5");
    EXPECT_EQ(d("+12").toString(), "12");
    EXPECT_EQ(d(".5").toString(), "0.5");
    EXPECT_EQ(d("00012.30").toString(), "12.30");
}

TEST(Decimal, RejectsGarbage)
{
    for (const char *bad : {"", "abc", "1,5", "1.2.3", "1e5", "--1", "-", ".", "1 000"})
        EXPECT_FALSE(Decimal::parse(QString::fromLatin1(bad)).has_value()) << bad;
}

TEST(Decimal, ExactArithmetic)
{
    // 0.1 + 0.2 is exactly 0.3, unlike binary floating point.
    EXPECT_EQ(d("0.1") + d("0.2"), d("0.3"));
    EXPECT_EQ((d("1234.56") - d("0.56")).toString(), "1234.00");
    EXPECT_EQ((d("3.0000") * d("9.99")).toString(), "29.970000");
    EXPECT_EQ(d("20.0000"), d("20"));
    EXPECT_LT(d("-1.5"), d("-1.49"));
}

TEST(Decimal, RoundsHalfAwayFromZero)
{
    EXPECT_EQ(d("2.345").rounded(2).toString(), "2.35");
    EXPECT_EQ(d("-2.345").rounded(2).toString(), "-2.35");
    EXPECT_EQ(d("2.344999").rounded(2).toString(), "2.34");
    EXPECT_EQ(d("0.005").rounded(2).toString(), "0.01");
    EXPECT_EQ(d("19").rounded(2).toString(), "19.00");
}

TEST(Decimal, DivisionRounds)
{
    EXPECT_EQ(d("10").divided(d("3"), 2).toString(), "3.33");
    EXPECT_EQ(d("2").divided(d("3"), 2).toString(), "0.67");
    EXPECT_EQ(d("-2").divided(d("3"), 2).toString(), "-0.67");
    EXPECT_EQ(d("1").divided(d("8"), 2).toString(), "0.13");
    EXPECT_EQ(d("-1").divided(d("8"), 2).toString(), "-0.13");
    EXPECT_EQ(d("1").divided(d("0"), 2).toString(), "0");
}

TEST(Decimal, VatOfTaxableAmount)
{
    // BR-CO-17: tax = taxable x rate / 100, rounded to 2 decimals.
    const Decimal taxable = d("129.37");
    const Decimal rate = d("7.00");
    EXPECT_EQ((taxable * rate).divided(Decimal(100), 2).toString(), "9.06");
}

TEST(Decimal, Normalized)
{
    EXPECT_EQ(d("20.0000").normalized().toString(), "20");
    EXPECT_EQ(d("1.2300").fractionDigits(), 2);
    EXPECT_EQ(d("100").normalized().toString(), "100");
}

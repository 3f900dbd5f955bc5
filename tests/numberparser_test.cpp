#include "numberparser.h"

#include <gtest/gtest.h>

using einvoice::NumberParser;

namespace {
QString parsed(const char *text, NumberParser::DecimalMark mark = NumberParser::DecimalMark::Unknown)
{
    const auto v = NumberParser(mark).parse(QString::fromUtf8(text));
    return v ? v->toString() : QStringLiteral("<none>");
}
} // namespace

TEST(NumberParser, LocaleStyles)
{
    EXPECT_EQ(parsed("1 234,56"), "1234.56");
    EXPECT_EQ(parsed("1\u00a0234,56"), "1234.56");
    EXPECT_EQ(parsed("1.234,56"), "1234.56");
    EXPECT_EQ(parsed("1,234.56"), "1234.56");
    EXPECT_EQ(parsed("1'234.56"), "1234.56");
    EXPECT_EQ(parsed("1 234 567,5"), "1234567.5");
    EXPECT_EQ(parsed("12,50"), "12.50");
    EXPECT_EQ(parsed("12.5000"), "12.5000");
    EXPECT_EQ(parsed("0"), "0");
}

TEST(NumberParser, SignsAndCurrencies)
{
    EXPECT_EQ(parsed("-12,50"), "-12.50");
    EXPECT_EQ(parsed("12,50-"), "-12.50");
    EXPECT_EQ(parsed("(12.50)"), "-12.50");
    EXPECT_EQ(parsed("\u2212 1.234,56"), "-1234.56");
    EXPECT_EQ(parsed("kr 1 234,50"), "1234.50");
    EXPECT_EQ(parsed("kr. 5.514,40"), "5514.40");
    EXPECT_EQ(parsed("1.234,56 €"), "1234.56");
    EXPECT_EQ(parsed("€1,234.56"), "1234.56");
    EXPECT_EQ(parsed("44 358,10 SEK"), "44358.10");
    EXPECT_EQ(parsed("NOK 7.024,03"), "7024.03");
}

TEST(NumberParser, AmbiguousThousandsFollowTheDocument)
{
    EXPECT_EQ(parsed("1.234", NumberParser::DecimalMark::Comma), "1234");
    EXPECT_EQ(parsed("1.234", NumberParser::DecimalMark::Point), "1.234");
    EXPECT_EQ(parsed("1,234", NumberParser::DecimalMark::Point), "1234");
    EXPECT_EQ(parsed("0,125"), "0.125");
    EXPECT_EQ(NumberParser::guessMark("Sum 1.234,56 and 12,00"), NumberParser::DecimalMark::Comma);
    EXPECT_EQ(NumberParser::guessMark("Total 1,234.56 tax 12.00"), NumberParser::DecimalMark::Point);
}

TEST(NumberParser, RejectsNonAmounts)
{
    EXPECT_EQ(parsed("abc"), "<none>");
    EXPECT_EQ(parsed("25 %"), "<none>");
    EXPECT_EQ(parsed("12,50 and 13,00"), "<none>");
    EXPECT_EQ(parsed("Moms 12,50"), "<none>");
}

TEST(NumberParser, FindsNumbersInALine)
{
    const auto found =
        NumberParser(NumberParser::DecimalMark::Comma).findAll(QStringLiteral("25 %  27 390,00   6 847,50"));
    ASSERT_EQ(found.size(), 3);
    EXPECT_TRUE(found[0].percent);
    EXPECT_EQ(found[0].value.toString(), "25");
    EXPECT_EQ(found[1].value.toString(), "27390.00");
    EXPECT_EQ(found[2].value.toString(), "6847.50");
    const auto withCurrency = NumberParser().findAll(QStringLiteral("Å BETALE 21.273,55 NOK"));
    ASSERT_EQ(withCurrency.size(), 1);
    EXPECT_EQ(withCurrency[0].currency, "NOK");
}

TEST(NumberParser, TakesTheCurrencyStandingRightBeforeOrAfterTheNumber)
{
    const NumberParser parser(NumberParser::DecimalMark::Comma);
    auto currencyOf = [&](const char *line) {
        const auto found = parser.findAll(QString::fromUtf8(line));
        return found.isEmpty() ? QStringLiteral("<no number>") : found.first().currency;
    };
    EXPECT_EQ(currencyOf("Total EUR 1.234,50"), "EUR");
    EXPECT_EQ(currencyOf("Summe: 12,00 €"), "EUR");
    EXPECT_EQ(currencyOf("USD 12,00"), "USD");
    EXPECT_EQ(currencyOf("£5,00"), "GBP");
    EXPECT_EQ(currencyOf("Beløp NOK. 50,00"), "NOK");
    // A word before that is no currency does not hide the code after.
    EXPECT_EQ(currencyOf("Sum 12,00 SEK."), "SEK");
    EXPECT_EQ(currencyOf("Totalt: 100,00 kr"), "kr");
    EXPECT_EQ(currencyOf("Summa 99,00 Kr-"), "kr");
    EXPECT_EQ(currencyOf("Preis 5,00 EUR/Stk"), "EUR");
    // Codes are two or three letters standing alone.
    EXPECT_EQ(currencyOf("12,00EURO"), "");
    EXPECT_EQ(currencyOf("EURO 5,00"), "");
    EXPECT_EQ(currencyOf("xEUR 5,00"), "");
    EXPECT_EQ(currencyOf("abcd 12,00"), "");
    EXPECT_EQ(currencyOf("x 7,50 ab_c"), "");
}

TEST(NumberParser, GuessesTheDecimalMarkFromTwoDigitDecimals)
{
    using M = NumberParser::DecimalMark;
    EXPECT_EQ(NumberParser::guessMark(QStringLiteral("Sum 1.234,50 kr\nMoms 308,63")), M::Comma);
    EXPECT_EQ(NumberParser::guessMark(QStringLiteral("Total 1,234.50\nVAT 246.90")), M::Point);
    // Three decimals or more are no amounts of money; equal counts decide nothing.
    EXPECT_EQ(NumberParser::guessMark(QStringLiteral("1.234 2,345 3,14159")), M::Unknown);
    EXPECT_EQ(NumberParser::guessMark(QStringLiteral("1,50 2.50")), M::Unknown);
    // At the very end of the text, and overlapping ("1,23,45" holds two).
    EXPECT_EQ(NumberParser::guessMark(QStringLiteral("9.99 1,23,45")), M::Comma);
    EXPECT_EQ(NumberParser::guessMark(QStringLiteral("")), M::Unknown);
}

// The edges of the printed forms, with the span each number covers in its line.
TEST(NumberParser, FindsEachNumberWithItsSignsAndSpan)
{
    const NumberParser comma(NumberParser::DecimalMark::Comma);
    auto one = [&](const char *line) {
        const auto found = comma.findAll(QString::fromUtf8(line));
        return found.size() == 1 ? found.first() : einvoice::FoundNumber{};
    };
    EXPECT_EQ(one("(12,50)").value.toString(), "-12.50");
    EXPECT_EQ(one("12,50-").value.toString(), "-12.50");
    EXPECT_EQ(one("\u221212,50").value.toString(), "-12.50");
    EXPECT_EQ(one("+12,50").value.toString(), "12.50");
    EXPECT_TRUE(one("25 %").percent);
    EXPECT_EQ(one("25 %").length, 4);
    // A space before the digits belongs to the number when nothing word-like precedes it.
    EXPECT_EQ(one("Sum: 100").start, 4);
    EXPECT_EQ(one("Sum 100").start, 4);
    // Groups of three, then decimals; a longer run after a separator is decimals.
    EXPECT_EQ(one("1.234.567,89").value.toString(), "1234567.89");
    EXPECT_EQ(one("1 234 567").value.toString(), "1234567");
    EXPECT_EQ(one("12,3456").value.toString(), "12.3456");
    // "12-3" is a range or a code, not a trailing minus; a number inside a word is none.
    EXPECT_EQ(comma.findAll(QStringLiteral("12-3")).size(), 2);
    EXPECT_FALSE(comma.findAll(QStringLiteral("12-3")).first().value.isNegative());
    EXPECT_TRUE(comma.findAll(QStringLiteral("A4 x5 _9")).isEmpty());
    const auto several = comma.findAll(QStringLiteral("2 st à 100,00 = 200,00 kr"));
    ASSERT_EQ(several.size(), 3);
    EXPECT_EQ(several[2].value.toString(), "200.00");
    EXPECT_EQ(several[2].currency, "kr");
}

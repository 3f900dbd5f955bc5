#include "dateparser.h"

#include <gtest/gtest.h>

using einvoice::DateParser;

namespace {
QDate d(const char *text, bool monthFirst = false)
{
    return DateParser(monthFirst).parse(QString::fromUtf8(text));
}
} // namespace

TEST(DateParser, NumericForms)
{
    const QDate want(2026, 3, 14);
    EXPECT_EQ(d("2026-03-14"), want);
    EXPECT_EQ(d("14.03.2026"), want);
    EXPECT_EQ(d("14.3.2026"), want);
    EXPECT_EQ(d("14/03/2026"), want);
    EXPECT_EQ(d("14-03-2026"), want);
    EXPECT_EQ(d("14.03.26"), want);
    EXPECT_EQ(d("2026/03/14"), want);
    EXPECT_EQ(d("2.8.2025"), QDate(2025, 8, 2));
}

TEST(DateParser, MonthFirstOnlyWhenHintedOrForced)
{
    EXPECT_EQ(d("03/04/2026"), QDate(2026, 4, 3));
    EXPECT_EQ(d("03/04/2026", true), QDate(2026, 3, 4));
    EXPECT_EQ(d("03/14/2026"), QDate(2026, 3, 14)); // 14 cannot be a month
    EXPECT_EQ(d("14/03/2026", true), QDate(2026, 3, 14));
}

TEST(DateParser, WrittenMonthsInManyLanguages)
{
    const QDate want(2026, 3, 14);
    EXPECT_EQ(d("14 mars 2026"), want);         // sv, nb, fr
    EXPECT_EQ(d("14. marts 2026"), want);       // da
    EXPECT_EQ(d("14. März 2026"), want);        // de
    EXPECT_EQ(d("14 maart 2026"), want);        // nl
    EXPECT_EQ(d("14 de marzo de 2026"), want);  // es
    EXPECT_EQ(d("14 de março de 2026"), want);  // pt
    EXPECT_EQ(d("14 marzo 2026"), want);        // it
    EXPECT_EQ(d("14. maaliskuuta 2026"), want); // fi
    EXPECT_EQ(d("March 14, 2026"), want);       // en
    EXPECT_EQ(d("14-Mar-2026"), want);
    EXPECT_EQ(d("14 Mar. 2026"), want);
    EXPECT_EQ(d("1. desember 2025"), QDate(2025, 12, 1));
    EXPECT_EQ(d("5 juil. 2025"), QDate(2025, 7, 5));
    EXPECT_EQ(d("3 oktober 2025"), QDate(2025, 10, 3));
    EXPECT_EQ(d("14. marraskuuta 2025"), QDate(2025, 11, 14));
}

TEST(DateParser, RejectsNonDates)
{
    EXPECT_FALSE(d("31.02.2026").isValid());
    EXPECT_FALSE(d("1.234,56").isValid());
    EXPECT_FALSE(d("hello").isValid());
    EXPECT_FALSE(d("14 potatoes 2026").isValid());
}

TEST(DateParser, FindsDatesInText)
{
    const auto found =
        DateParser().findAll(QStringLiteral("Handelsrechnung Nr. 471102 vom 05.03.2018, fällig 2018-04-04"));
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].date, QDate(2018, 3, 5));
    EXPECT_EQ(found[1].date, QDate(2018, 4, 4));
}

TEST(DateParser, WrittenMonthWithASpaceBeforeTheComma)
{
    EXPECT_EQ(d("August 3 , 2014"), QDate(2014, 8, 3));
    EXPECT_EQ(d("August 3, 2014"), QDate(2014, 8, 3));
}

// Each form with the fewest digits it allows: a line is only searched for the forms its digits
// can make, and these must still be found.
TEST(DateParser, FindsEachFormWithTheFewestDigitsItAllows)
{
    EXPECT_EQ(d("4.3.26"), QDate(2026, 3, 4));
    EXPECT_EQ(d("4 / 3 / 26"), QDate(2026, 3, 4));
    EXPECT_EQ(d("2026-3-4"), QDate(2026, 3, 4));
    EXPECT_EQ(d("4 mars 2026"), QDate(2026, 3, 4));
    EXPECT_EQ(d("March 4, 2026"), QDate(2026, 3, 4));
    EXPECT_EQ(d("20260304"), QDate(2026, 3, 4));
    const auto found = DateParser().findAll(QStringLiteral("Forfall 4.3.26, levert 20260301"));
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].date, QDate(2026, 3, 4));
    EXPECT_EQ(found[1].date, QDate(2026, 3, 1));
    EXPECT_TRUE(DateParser().findAll(QStringLiteral("Side 1 av 2, kunde 123")).isEmpty());
}

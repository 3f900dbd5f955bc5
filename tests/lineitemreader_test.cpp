// The line-table reader on synthetic pages: words placed as a printed invoice places them.
#include "extractionresult.h"
#include "lineitemreader.h"

#include <gtest/gtest.h>

using namespace einvoice;

namespace {

// (text, x, y): each word 6 pt per letter, words of one item separated by 3 pt.
QList<TextWord> words(const QList<std::tuple<QString, double, double>> &items)
{
    QList<TextWord> out;
    for (const auto &[text, x, y] : items) {
        double cx = x;
        for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            out.append(TextWord{w, QRectF(cx, y, 6.0 * w.size(), 10)});
            cx += 6.0 * w.size() + 3;
        }
    }
    return out;
}

PdfTextLayout page(const QList<std::tuple<QString, double, double>> &items)
{
    return PdfTextLayout::fromWords({words(items)}, {QSizeF(595, 842)});
}

const NumberParser kComma(NumberParser::DecimalMark::Comma);

} // namespace

TEST(LineItemReader, ReadsSwedishTableUntilTotals)
{
    const PdfTextLayout layout = page({
        {"Art.nr", 20, 300},
        {"Benämning", 80, 300},
        {"Antal", 300, 300},
        {"Enhet", 350, 300},
        {"À-pris", 420, 300},
        {"Belopp", 520, 300},
        {"58989", 20, 315},
        {"Frakt", 80, 315},
        {"10", 305, 315},
        {"st", 350, 315},
        {"300,00", 420, 315},
        {"3000,00", 515, 315},
        {"43171", 20, 330},
        {"Serviceavtal Premium", 80, 330},
        {"2", 310, 330},
        {"mån", 350, 330},
        {"4740,00", 415, 330},
        {"9480,00", 515, 330},
        {"Totalt exkl. moms", 80, 380},
        {"12480,00", 510, 380},
    });
    const LineItemResult r = LineItemReader::read(layout, kComma);
    ASSERT_TRUE(r.tableFound);
    ASSERT_EQ(r.lines.size(), 2);
    EXPECT_EQ(r.lines[0].itemName, QStringLiteral("Frakt")); // the item number column is not the name
    EXPECT_EQ(r.lines[0].quantity, Decimal(10));
    EXPECT_EQ(r.lines[0].unitCode, QStringLiteral("H87"));
    EXPECT_EQ(r.lines[0].netAmount.toString(), QStringLiteral("3000.00"));
    EXPECT_EQ(r.lines[0].netPrice.toString(), QStringLiteral("300.00"));
    EXPECT_EQ(r.lines[1].itemName, QStringLiteral("Serviceavtal Premium"));
    EXPECT_EQ(r.lines[1].unitCode, QStringLiteral("MON"));
    EXPECT_EQ(r.sum.toString(), QStringLiteral("12480.00"));
}

TEST(LineItemReader, WrappedDescriptionAndRateColumn)
{
    const PdfTextLayout layout = page({
        {"Beschreibung", 80, 300},
        {"Menge", 300, 300},
        {"Steuersatz", 380, 300},
        {"Nettobetrag", 500, 300},
        {"Baugelände abräumen", 80, 315},
        {"300", 300, 315},
        {"19%", 390, 315},
        {"2100,00", 510, 315},
        {"Schutt entsorgen", 80, 327},
        {"Pflaster-", 80, 345},
        {"1", 300, 345},
        {"7%", 390, 345},
        {"50,00", 520, 345},
        {"fläche", 80, 357},
        {"Summe", 80, 420},
        {"2150,00", 510, 420},
    });
    const LineItemResult r = LineItemReader::read(layout, kComma);
    ASSERT_EQ(r.lines.size(), 2);
    EXPECT_EQ(r.lines[0].itemName, QStringLiteral("Baugelände abräumen Schutt entsorgen"));
    EXPECT_EQ(r.lines[0].vatRate.value_or(Decimal()), Decimal(19));
    EXPECT_EQ(r.lines[1].itemName, QStringLiteral("Pflaster-fläche"));
    EXPECT_EQ(r.lines[1].vatRate.value_or(Decimal()), Decimal(7));
}

TEST(LineItemReader, NoTableWithoutHeader)
{
    const PdfTextLayout layout = page({{"Frakt", 80, 315}, {"3000,00", 515, 315}});
    const LineItemResult r = LineItemReader::read(layout, kComma);
    EXPECT_FALSE(r.tableFound);
    EXPECT_TRUE(r.lines.isEmpty());
}

TEST(LineItemReader, OneLinePerVatRateKeepsTheTotals)
{
    Invoice inv;
    VatBreakdown a;
    a.category = QStringLiteral("S");
    a.rate = Decimal::fromString(QStringLiteral("25.00"));
    a.taxableAmount = Decimal::fromString(QStringLiteral("1000.00"));
    VatBreakdown b = a;
    b.rate = Decimal::fromString(QStringLiteral("12.00"));
    b.taxableAmount = Decimal::fromString(QStringLiteral("-50.00"));
    inv.vatBreakdown = {a, b};
    const QList<InvoiceLine> lines = LineItemReader::linesPerVatRate(inv, QStringLiteral("sv"));
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[0].itemName, QStringLiteral("Fakturabelopp med 25% moms"));
    EXPECT_EQ(lines[0].netAmount.toString(), QStringLiteral("1000.00"));
    EXPECT_EQ(lines[0].vatRate.value_or(Decimal()), Decimal(25));
    EXPECT_EQ(lines[1].quantity, Decimal(-1)); // a negative base stays right: -1 x 50.00
    EXPECT_EQ(lines[1].netPrice.toString(), QStringLiteral("50.00"));
    EXPECT_EQ(lines[1].netAmount.toString(), QStringLiteral("-50.00"));
}

TEST(LineItemReader, MadeUpLinesAreNotReportedAsRead)
{
    ExtractionResult r;
    InvoiceLine l;
    l.itemName = QStringLiteral("Invoice amount at 25% VAT");
    l.quantity = Decimal(1);
    l.netAmount = Decimal(100);
    r.invoice.lines = {l};
    r.evidence.insert(QStringLiteral("lines"), FieldEvidence{0.2, FieldSource::Arithmetic, -1, QRectF()});
    EXPECT_TRUE(r.fieldsJson().value(QStringLiteral("lines")).isNull());
    EXPECT_TRUE(r.fieldsJson().value(QStringLiteral("line_count")).isNull());
    r.evidence[QStringLiteral("lines")].confidence = 0.85;
    EXPECT_EQ(r.fieldsJson().value(QStringLiteral("line_count")).toInt(), 1);
}

#include "pdftextlayout.h"
#include "textinvoicereader.h"
#include "texttable.h"

#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

// Synthetic printed pages: words are 6 pt per letter wide and 10 pt high, 3 pt apart.
struct Item
{
    QString text;
    double x; // left edge, or right edge when right-aligned
    double y;
    bool right = false;
};

double widthOf(const QString &text)
{
    double w = 0;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words)
        w += 6.0 * word.size();
    return w + 3.0 * (words.size() - 1);
}

QList<TextWord> page(const QList<Item> &items)
{
    QList<TextWord> words;
    for (const Item &it : items) {
        double cx = it.right ? it.x - widthOf(it.text) : it.x;
        for (const QString &w : it.text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            words.append(TextWord{w, QRectF(cx, it.y, 6.0 * w.size(), 10)});
            cx += 6.0 * w.size() + 3;
        }
    }
    return words;
}

// Column positions of the synthetic tables: description left-aligned, numbers right-aligned.
constexpr double kDesc = 70, kQty = 290, kUnit = 300, kPrice = 400, kRate = 450, kAmount = 540;

/// A header row: description title, quantity, unit, price, amount (right-aligned numbers).
QList<Item> header(double y, const QString &desc, const QString &qty, const QString &unit,
                   const QString &price, const QString &amount)
{
    return {{desc, kDesc, y},
            {qty, kQty, y, true},
            {unit, kUnit, y},
            {price, kPrice, y, true},
            {amount, kAmount, y, true}};
}

QList<Item> row(double y, const QString &desc, const QString &qty, const QString &unit, const QString &price,
                const QString &amount)
{
    return {{desc, kDesc, y},
            {qty, kQty, y, true},
            {unit, kUnit, y},
            {price, kPrice, y, true},
            {amount, kAmount, y, true}};
}

PdfTextLayout layoutOf(const QList<QList<Item>> &pages)
{
    QList<QList<TextWord>> words;
    QList<QSizeF> sizes;
    for (const QList<Item> &p : pages) {
        words << page(p);
        sizes << QSizeF(595, 842);
    }
    return PdfTextLayout::fromWords(words, sizes);
}

const NumberParser kComma(NumberParser::DecimalMark::Comma);

} // namespace

TEST(TextTableReader, FindsTheHeaderInSeveralLanguages)
{
    const QList<QStringList> titles = {
        {"Benämning", "Antal", "Enhet", "À-pris", "Belopp"},            // sv
        {"Beskrivelse", "Antall", "Enh.", "Enhetspris", "Beløp"},       // nb
        {"Kuvaus", "Määrä", "Yks.", "Á hinta", "Yhteensä"},             // fi
        {"Bezeichnung", "Menge", "Einheit", "Einzelpreis", "Betrag"},   // de
        {"Désignation", "Qté", "Unité", "Prix unitaire", "Montant"},    // fr
        {"Descrição", "Quantidade", "Unidade", "Preço unit.", "Valor"}, // pt
        {"Description", "Quantity", "Unit", "Unit price", "Amount"},    // en
    };
    for (const QStringList &t : titles) {
        QList<Item> items = header(200, t[0], t[1], t[2], t[3], t[4]);
        items << row(215, "Konsulttimmar", "10", "tim", "950,00", "9 500,00");
        items << row(230, "Resa Malmö", "1", "st", "1 200,00", "1 200,00");
        const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
        SCOPED_TRACE(t.join(' ').toStdString());
        EXPECT_TRUE(table.headerFound);
        ASSERT_EQ(table.lines.size(), 2);
        EXPECT_EQ(table.lines[0].itemName, "Konsulttimmar");
        EXPECT_EQ(table.lines[0].quantity.toString(), "10");
        EXPECT_EQ(table.lines[0].unitCode, "HUR");
        EXPECT_EQ(table.lines[0].netPrice.toString(), "950.00");
        EXPECT_EQ(table.lines[0].netAmount.toString(), "9500.00");
        EXPECT_EQ(table.lines[1].itemName, "Resa Malmö");
        EXPECT_EQ(table.lines[1].unitCode, "H87");
        EXPECT_EQ(table.lines[1].id, "2");
        EXPECT_EQ(table.sum.toString(), "10700.00");
        EXPECT_EQ(table.inconsistentRows, 0);
    }
}

TEST(TextTableReader, NoHeaderNoTable)
{
    QList<Item> items = {{"Tack för ditt köp", 40, 200}};
    items << row(215, "Konsulttimmar", "10", "tim", "950,00", "9 500,00");
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    EXPECT_FALSE(table.headerFound);
    EXPECT_TRUE(table.lines.isEmpty());
}

TEST(TextTableReader, JoinsMultiLineDescriptionsAndSkipsItemCodes)
{
    QList<Item> items = {{"Art.nr", 10, 200}};
    items << header(200, "Benämning", "Antal", "Enhet", "À-pris", "Belopp");
    items << Item{"A-1001", 10, 215} << row(215, "Installation av", "8", "tim", "650,00", "5 200,00");
    items << Item{"ventilationsaggregat", kDesc, 227};
    items << Item{"B-77", 10, 242} << row(242, "Filter F7", "4", "st", "125,00", "500,00");
    // Far below the table: notes are not part of the last description.
    items << Item{"Betalningsvillkor 30 dagar", kDesc, 340};
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[0].itemName, "Installation av ventilationsaggregat");
    EXPECT_EQ(table.lines[1].itemName, "Filter F7");
    EXPECT_EQ(table.sum.toString(), "5700.00");
}

TEST(TextTableReader, ReadsRowsAcrossTwoPagesAndStopsAtTotals)
{
    QList<Item> first = header(200, "Beskrivelse", "Antall", "Enh.", "Enhetspris", "Beløp");
    first << row(215, "Leie av lift", "3", "dag", "1 500,00", "4 500,00");
    first << row(230, "Frakt", "1", "stk", "800,00", "800,00");
    first << Item{"Side 1 av 2", 500, 800}; // page footer, after a wide gap
    QList<Item> second = {{"Fakturanr. 1001", 40, 60}};
    second << header(100, "Beskrivelse", "Antall", "Enh.", "Enhetspris", "Beløp");
    second << row(115, "Drivstoff", "20", "l", "25,00", "500,00");
    second << Item{"Sum eks. mva", 300, 130} << Item{"5 800,00", kAmount, 130, true};
    second << Item{"Side 2 av 2", 500, 800};
    const TextTable table = TextTableReader(kComma).read(layoutOf({first, second}));
    ASSERT_EQ(table.lines.size(), 3);
    EXPECT_EQ(table.lines[0].unitCode, "DAY");
    EXPECT_EQ(table.lines[2].itemName, "Drivstoff");
    EXPECT_EQ(table.lines[2].unitCode, "LTR");
    EXPECT_EQ(table.lines[2].id, "3");
    EXPECT_EQ(table.sum.toString(), "5800.00");
    EXPECT_EQ(table.page, 0);
}

TEST(TextTableReader, GoesOnOnAPageWithoutTheHeader)
{
    QList<Item> first = header(600, "Beskrivelse", "Antall", "Enh.", "Enhetspris", "Beløp");
    first << row(615, "Leie av lift", "3", "dag", "1 500,00", "4 500,00");
    first << Item{"Side 1 av 2", 500, 800};
    // Page 2 starts with a page header that has numbers of its own, then the rows go on.
    QList<Item> second = {{"Fakturanr. 1001", 40, 60}, {"Side 2 av 2", 500, 60}};
    second << row(100, "Drivstoff", "20", "l", "25,00", "500,00");
    second << Item{"Sum eks. mva", 300, 115} << Item{"5 000,00", kAmount, 115, true};
    const TextTable table = TextTableReader(kComma).read(layoutOf({first, second}));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[1].itemName, "Drivstoff");
    EXPECT_EQ(table.sum.toString(), "5000.00");
}

TEST(TextTableReader, ReadsTitlesPrintedOnTwoLines)
{
    // "Positions-" over "betrag", and an amount title qualified by "eks. mva".
    QList<Item> items = {{"Pos", 10, 200},
                         {"Beschreibung", kDesc, 200},
                         {"Menge", kQty, 200, true},
                         {"Preis", kPrice, 200, true},
                         {"Positions-", kAmount, 190, true},
                         {"betrag", kAmount, 201, true}};
    items << Item{"1", 10, 215} << row(215, "Trennblätter A4", "20", "Stk", "9,90", "198,00");
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 1);
    EXPECT_EQ(table.lines[0].itemName, "Trennblätter A4");
    EXPECT_EQ(table.lines[0].quantity.toString(), "20");

    QList<Item> nb = {
        {"Beskrivelse", kDesc, 200}, {"Mva sats %", 440, 200, true}, {"Total eks. mva.", kAmount, 200, true}};
    nb << Item{"Container", kDesc, 215} << Item{"25,00", 440, 215, true}
       << Item{"-4.853,00", kAmount, 215, true};
    const TextTable credit = TextTableReader(kComma).read(layoutOf({nb}));
    ASSERT_EQ(credit.lines.size(), 1);
    EXPECT_EQ(credit.lines[0].netAmount.toString(), "-4853.00");
    ASSERT_TRUE(credit.lines[0].vatRate.has_value());
    EXPECT_EQ(credit.lines[0].vatRate->toString(), "25.00");
}

TEST(TextTableReader, ChecksQuantityTimesPriceWithADiscountColumn)
{
    QList<Item> items = {{"Descrição", kDesc, 200},       {"Quant.", kQty, 200, true},
                         {"Preço Unit.", 380, 200, true}, {"Desc. %", 440, 200, true},
                         {"IVA", 480, 200, true},         {"Total", kAmount, 200, true}};
    auto discounted = [&](double y, const QString &d, const QString &q, const QString &p, const QString &disc,
                          const QString &a) {
        items << Item{d, kDesc, y} << Item{q, kQty, y, true} << Item{p, 380, y, true}
              << Item{disc, 440, y, true} << Item{"23", 480, y, true} << Item{a, kAmount, y, true};
    };
    discounted(215, "Pintura de interiores", "2,00", "100,00", "10", "180,00");
    discounted(230, "Limpeza de escritórios", "3,00", "50,00", "0,00", "150,00");
    const TextTable ok = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(ok.lines.size(), 2);
    EXPECT_EQ(ok.inconsistentRows, 0);
    EXPECT_EQ(ok.lines[0].quantity.toString(), "2.00");
    EXPECT_EQ(ok.lines[0].netAmount.toString(), "180.00");
    EXPECT_EQ(ok.lines[0].netPrice.toString(), "90.00"); // the net price is after the discount
    ASSERT_TRUE(ok.lines[0].vatRate.has_value());
    EXPECT_EQ(ok.lines[0].vatRate->toString(), "23");

    discounted(245, "Portes de envio", "2,00", "10,00", "0,00", "35,00"); // 2 x 10 is not 35
    const TextTable bad = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(bad.lines.size(), 3);
    EXPECT_EQ(bad.inconsistentRows, 1);
}

TEST(TextTableReader, MapsPrintedUnits)
{
    EXPECT_EQ(TextTableReader::unitCode("st"), "H87");
    EXPECT_EQ(TextTableReader::unitCode("Stück"), "H87");
    EXPECT_EQ(TextTableReader::unitCode("tim"), "HUR");
    EXPECT_EQ(TextTableReader::unitCode("Std."), "HUR");
    EXPECT_EQ(TextTableReader::unitCode("kg"), "KGM");
    EXPECT_EQ(TextTableReader::unitCode("mån"), "MON");
    EXPECT_EQ(TextTableReader::unitCode("dag"), "DAY");
    EXPECT_EQ(TextTableReader::unitCode("pall"), "C62");
}

namespace {

/// A whole Swedish invoice; @p rows go into its line table.
PdfTextLayout invoiceWith(const QList<QList<Item>> &rows, const QList<Item> &extraTitles = {})
{
    QList<Item> items = {{"Österlens Konsult AB", 40, 60},
                         {"Faktura", 400, 60},
                         {"Fakturanummer", 400, 80},
                         {"20345", 500, 80},
                         {"Datum", 400, 95},
                         {"2025-06-12", 500, 95},
                         {"Järnvägsgatan 28", 40, 75},
                         {"553 16 Jönköping", 40, 90},
                         {"Almgren Ventilation AB", 300, 160},
                         {"Mejerivägen 6", 300, 175},
                         {"553 16 Jönköping", 300, 190}};
    items << header(230, "Benämning", "Antal", "Enhet", "À-pris", "Belopp") << extraTitles;
    for (const QList<Item> &r : rows)
        items << r;
    items << QList<Item>{{"Moms %", 40, 400},
                         {"Momsunderlag", 100, 400},
                         {"Moms", 200, 400},
                         {"25 %", 40, 415},
                         {"1 000,00", 100, 415},
                         {"250,00", 200, 415},
                         {"Totalt exkl. moms", 300, 460},
                         {"1 000,00", kAmount, 460, true},
                         {"Moms", 300, 475},
                         {"250,00", kAmount, 475, true},
                         {"Totalt att betala", 300, 490},
                         {"1 250,00 SEK", kAmount, 490, true},
                         {"Organisationsnummer", 40, 760},
                         {"556713-3557", 180, 760},
                         {"Österlens Konsult AB", 300, 760}};
    return layoutOf({items});
}

} // namespace

TEST(TextTableReader, LinesThatAddUpGoIntoTheInvoice)
{
    const ExtractionResult r = GenericTextInvoiceReader::readLayout(
        invoiceWith({row(245, "Konsulttimmar", "8", "tim", "100,00", "800,00"),
                     row(260, "Resa", "1", "st", "200,00", "200,00")}));
    ASSERT_EQ(r.invoice.lines.size(), 2);
    EXPECT_EQ(r.invoice.lines[0].itemName, "Konsulttimmar");
    EXPECT_EQ(r.invoice.lines[0].unitCode, "HUR");
    ASSERT_TRUE(r.invoice.lines[0].vatRate.has_value());
    EXPECT_EQ(r.invoice.lines[0].vatRate->normalized().toString(), "25");
    EXPECT_EQ(r.invoice.lines[0].vatCategory, "S");
    EXPECT_GE(r.evidence.value("lines").confidence, 0.8);
    EXPECT_EQ(r.evidence.value("lines").source, FieldSource::Label);
    const QJsonObject f = r.fieldsJson();
    EXPECT_EQ(f.value("line_count").toInt(), 2);
    EXPECT_EQ(f.value("lines").toArray().size(), 2);
    for (const QString &reason : r.reviewReasons)
        EXPECT_FALSE(reason.contains("line")) << reason.toStdString();
}

TEST(TextTableReader, FallsBackToOneLinePerVatRateWhenLinesDoNotAddUp)
{
    // 800 + 150 is not the printed net total of 1 000.
    const ExtractionResult r = GenericTextInvoiceReader::readLayout(
        invoiceWith({row(245, "Konsulttimmar", "8", "tim", "100,00", "800,00"),
                     row(260, "Resa", "1", "st", "150,00", "150,00")}));
    ASSERT_EQ(r.invoice.lines.size(), 1);
    const InvoiceLine &l = r.invoice.lines[0];
    EXPECT_EQ(l.itemName, "Fakturabelopp med 25% moms");
    EXPECT_EQ(l.quantity.toString(), "1");
    EXPECT_EQ(l.netAmount.toString(), "1000.00");
    EXPECT_EQ(l.netPrice.toString(), "1000.00");
    EXPECT_LT(r.evidence.value("lines").confidence, kMadeUpLines);
    EXPECT_EQ(r.evidence.value("lines").source, FieldSource::Arithmetic);
    EXPECT_LT(r.evidence.value("line_count").confidence, kMadeUpLines);
    // The made-up line keeps the e-invoice right but is not reported as read.
    const QJsonObject f = r.fieldsJson();
    EXPECT_TRUE(f.value("lines").isNull());
    EXPECT_TRUE(f.value("line_count").isNull());
    EXPECT_FALSE(r.ready);
    EXPECT_TRUE(r.reviewReasons.join(' ').contains("one line per VAT rate"));
}

TEST(TextTableReader, NotReadyWhenQuantityTimesPriceDoesNotGiveTheAmount)
{
    // The amounts add up to the net total, but 8 x 90 is not 800: a quantity or price is misread.
    const ExtractionResult r = GenericTextInvoiceReader::readLayout(
        invoiceWith({row(245, "Konsulttimmar", "8", "tim", "90,00", "800,00"),
                     row(260, "Resa", "1", "st", "200,00", "200,00")}));
    EXPECT_EQ(r.invoice.lines.size(), 2);
    EXPECT_LT(r.evidence.value("lines").confidence, 0.8);
    EXPECT_FALSE(r.ready);
    EXPECT_TRUE(r.reviewReasons.join(' ').contains("quantity x unit price"));
}

TEST(TextTableReader, LinesAddingUpToThePrintedLineTotalGetADocumentAllowance)
{
    // 800 + 300 = 1 100 before a document discount of 100; the net total is 1 000.
    const ExtractionResult r = GenericTextInvoiceReader::readLayout(
        invoiceWith({row(245, "Konsulttimmar", "8", "tim", "100,00", "800,00"),
                     row(260, "Resa", "1", "st", "300,00", "300,00"),
                     {{"Summa rader", 300, 275}, {"1 100,00", kAmount, 275, true}}}));
    ASSERT_EQ(r.invoice.lines.size(), 2);
    ASSERT_EQ(r.invoice.allowanceCharges.size(), 1);
    const AllowanceCharge &ac = r.invoice.allowanceCharges[0];
    EXPECT_FALSE(ac.isCharge);
    EXPECT_EQ(ac.amount.toString(), "100.00");
    ASSERT_TRUE(ac.vatRate.has_value());
    EXPECT_EQ(ac.vatRate->normalized().toString(), "25");
    ASSERT_TRUE(r.invoice.totals.allowanceTotal.has_value());
    EXPECT_EQ(r.invoice.totals.allowanceTotal->toString(), "100.00");
    EXPECT_EQ(r.fieldsJson().value("line_count").toInt(), 2);
}

TEST(TextTableReader, KeepsItemAttributesOutOfTheName)
{
    QList<Item> items = {{"Pos", 10, 200}};
    items << header(200, "Bezeichnung", "Menge", "Einheit", "Preis", "Betrag");
    items << Item{"1", 10, 215} << row(215, "Lieferung eines", "1", "Stk", "205,00", "205,00");
    items << Item{"Art-Nr-Lieferant:", 10, 227} << Item{"Solarziegels", kDesc, 227};
    items << Item{"4012345045654 (GTIN)", kDesc, 239};
    items << Item{"Bruttopreis :205,00", kDesc, 251};
    items << Item{"Montage am Dach", kDesc, 263}; // a note after the attributes
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 1);
    EXPECT_EQ(table.lines[0].itemName, "Lieferung eines Solarziegels");
}

TEST(TextTableReader, GuessesTheDocumentLanguage)
{
    EXPECT_EQ(TextTableReader::guessLanguage("Faktura\nAtt betala 100,00\nMoms 25 %"), "sv");
    EXPECT_EQ(TextTableReader::guessLanguage("Rechnung\nGesamt 100,00\nMwSt 19 %"), "de");
    EXPECT_EQ(TextTableReader::guessLanguage("Invoice\nTotal 100.00\nVAT 20 %"), "en");
}

TEST(TextTableReader, APositionNumberUnderARowEndsItsNameButAnArticleNumberDoesNot)
{
    QList<Item> items = {{"Pos", 10, 200}};
    items << header(200, "Beschreibung", "Menge", "Einheit", "Preis", "Betrag");
    items << row(215, "TGA Obermonteur/", "3", "Std", "43,20", "129,60");
    items << Item{"Monteur", kDesc, 227};
    items << Item{"01", 10, 239} << Item{"01 Beamermontage", kDesc, 239}; // a sub-position
    items << Item{"2", 10, 260} << row(260, "Trennblätter", "20", "Stk", "9,90", "198,00");
    items << Item{"TB100A4", 10, 272} << Item{"A4", kDesc, 272}; // article number beside the name
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[0].itemName, "TGA Obermonteur/Monteur");
    EXPECT_EQ(table.lines[1].itemName, "Trennblätter A4");
}

TEST(TextTableReader, DropsAnIdentifierLabelWithItsValueAndKeepsALoneComma)
{
    QList<Item> items = {{"Pos", 10, 200}};
    items << header(200, "Beschreibung", "Menge", "Einheit", "Preis", "Betrag");
    items << Item{"1", 10, 215} << row(215, "Kd-Nr: Toolbox Schere", "10", "Stk", "100,00", "1.000,00");
    items << Item{"2", 10, 240} << row(240, "15 cm , Verdichtung", "1", "Stk", "5,00", "5,00");
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[0].itemName, "Schere");
    EXPECT_EQ(table.lines[1].itemName, "15 cm , Verdichtung");
}

TEST(TextTableReader, AQuantityPrintedWithoutDecimalsIsTheOneThatGivesTheAmount)
{
    // 2,00 x 6 is not 13,00: the layout rounded 6.5 km to 6.
    QList<Item> items = header(200, "Beschreibung", "Menge", "Einheit", "Preis", "Betrag");
    items << row(215, "Stadtfahrt", "6", "km", "2,00", "13,00");
    items << row(230, "Grundpreis", "1", "Stk", "3,90", "3,90");
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[0].quantity.toString(), "6.5");
    EXPECT_EQ(table.inconsistentRows, 0);
    // A quantity far off is a misreading, not a rounding.
    QList<Item> off = header(200, "Beschreibung", "Menge", "Einheit", "Preis", "Betrag");
    off << row(215, "Stadtfahrt", "5", "km", "2,00", "13,00");
    EXPECT_EQ(TextTableReader(kComma).read(layoutOf({off})).inconsistentRows, 1);
}

TEST(TextTableReader, ANamePrintedJustAboveItsNumbersBelongsToThatRow)
{
    QList<Item> items = header(200, "Désignation", "Qté", "Unité", "P.U. HT", "Total HT");
    items << Item{"PRESTATION SUPPORT", kDesc, 214} << row(219, "", "1,00", "PCE", "60,00", "60,00");
    items << Item{"Période de 01/01/2022 au 31/01/2022", kDesc, 229};
    items << Item{"FOURNITURES DIVERSES", kDesc, 258} << row(263, "", "3,00", "PCE", "10,00", "30,00");
    // Rows spaced unevenly: the third is further down but its quantity x price confirms it.
    items << Item{"APPEL", kDesc, 310} << row(315, "", "1,00", "PCE", "5,00", "5,00");
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 3);
    EXPECT_EQ(table.lines[1].itemName, "FOURNITURES DIVERSES");
    EXPECT_EQ(table.lines[2].itemName, "APPEL");
    EXPECT_EQ(table.sum.toString(), "95.00");
}

TEST(TextTableReader, AllowanceAndChargeRowsUnderTheItemsAreDocumentLevel)
{
    // 800 + 300 = 1 100 items; a discount of 150 and a charge of 50 give the net total of 1 000.
    const ExtractionResult r = GenericTextInvoiceReader::readLayout(
        invoiceWith({row(245, "Konsulttimmar", "8", "tim", "100,00", "800,00"),
                     row(260, "Resa", "3", "st", "100,00", "300,00"),
                     {{"Rabatt : Kundrabatt", kDesc, 320}, {"-150,00", kAmount, 320, true}},
                     {{"Zuschlag : Frakt", kDesc, 335}, {"50,00", kAmount, 335, true}}}));
    ASSERT_EQ(r.invoice.lines.size(), 2);
    ASSERT_EQ(r.invoice.allowanceCharges.size(), 2);
    EXPECT_FALSE(r.invoice.allowanceCharges[0].isCharge);
    EXPECT_EQ(r.invoice.allowanceCharges[0].amount.toString(), "150.00");
    EXPECT_TRUE(r.invoice.allowanceCharges[1].isCharge);
    EXPECT_EQ(r.invoice.totals.lineNetTotal.toString(), "1100.00");
    ASSERT_TRUE(r.invoice.totals.allowanceTotal && r.invoice.totals.chargeTotal);
    EXPECT_EQ(
        (r.invoice.totals.lineNetTotal - *r.invoice.totals.allowanceTotal + *r.invoice.totals.chargeTotal)
            .toString(),
        "1000.00");
    // Both carry the one VAT rate, so the breakdown's base is met: nothing to review there.
    EXPECT_GE(r.evidence.value("lines").confidence, 0.8);
    EXPECT_FALSE(r.reviewReasons.join(' ').contains("allowances")) << r.reviewReasons.join(' ').toStdString();
    EXPECT_EQ(r.fieldsJson().value("line_count").toInt(), 2);
    // The same rows without priced items are ordinary lines ("Rabatt gitt av selger").
    const TextTable plain =
        TextTableReader(kComma).read(layoutOf({header(200, "Beskrivelse", "Antall", "Enh.", "Pris", "Beløp") +
                                               QList<Item>{{"Bytte av sentral", kDesc, 215},
                                                           {"2 990,00", kAmount, 215, true},
                                                           {"Rabatt gitt av selger", kDesc, 230},
                                                           {"-1 490,00", kAmount, 230, true}}}));
    EXPECT_EQ(plain.lines.size(), 2);
    EXPECT_TRUE(plain.allowanceCharges.isEmpty());
}

TEST(TextTableReader, NestsBundlesAndSubtotalsSoThatTheTopLevelAddsUp)
{
    auto lines = [](const QStringList &amounts) {
        QList<InvoiceLine> out;
        for (const QString &a : amounts) {
            InvoiceLine l;
            l.id = QString::number(out.size() + 1);
            l.netAmount = Decimal::fromString(a);
            out << l;
        }
        return out;
    };
    // Details above their subtotal.
    QList<InvoiceLine> groups = lines({"600.00", "450.00", "1050.00", "360.00", "90.00", "450.00"});
    ASSERT_TRUE(TextTableReader::nestSubLines(groups, Decimal::fromString("1500.00")));
    EXPECT_EQ(groups[0].parentLineId, "3");
    EXPECT_EQ(groups[1].parentLineId, "3");
    EXPECT_TRUE(groups[2].parentLineId.isEmpty());
    EXPECT_EQ(groups[2].lineStatusReasonCode, "GROUP");
    EXPECT_EQ(groups[4].parentLineId, "6");
    // A bundle over its parts, one part a bundle itself.
    QList<InvoiceLine> bundle = lines({"216.00", "30.00", "60.00", "126.00", "90.00", "36.00"});
    ASSERT_TRUE(TextTableReader::nestSubLines(bundle, Decimal::fromString("216.00")));
    EXPECT_TRUE(bundle[0].parentLineId.isEmpty());
    EXPECT_EQ(bundle[1].parentLineId, "1");
    EXPECT_EQ(bundle[3].parentLineId, "1");
    EXPECT_EQ(bundle[4].parentLineId, "4");
    // Flat tables and tables that cannot add up stay as they are.
    QList<InvoiceLine> flat = lines({"100.00", "200.00", "300.00"});
    EXPECT_FALSE(TextTableReader::nestSubLines(flat, Decimal::fromString("600.00")));
    EXPECT_FALSE(TextTableReader::nestSubLines(flat, Decimal::fromString("550.00")));
    EXPECT_TRUE(flat[0].parentLineId.isEmpty());
}

TEST(TextTableReader, ReadsAmountRowsWithoutAHeaderWhenTheyAddUpToTheNetTotal)
{
    const QList<Item> items = {{"BELØP", kAmount, 190, true},
                               {"Installations no: 500362 Solfjellet", kDesc, 205},
                               {"Servicebesøk", kDesc, 217},
                               {"Bytte av sentral", kDesc, 229},
                               {"1,00", kPrice, 229, true},
                               {"2990.00", kAmount, 229, true},
                               {"Rabatt gitt av selger", kDesc, 241},
                               {"1,00", kPrice, 241, true},
                               {"-1490.00", kAmount, 241, true},
                               {"GSM/GPRS modul", kDesc, 253},
                               {"1,00", kPrice, 253, true},
                               {"0.00", kAmount, 253, true},
                               {"Øresavrunding", 400, 290},
                               {"0,00", kAmount, 290, true},
                               {"MVA Beløp", kDesc, 305},
                               {"375,00", 200, 305, true}};
    const TextTable table =
        TextTableReader(kComma).readAmountRows(layoutOf({items}), Decimal::fromString("1500.00"));
    ASSERT_EQ(table.lines.size(), 3);
    EXPECT_EQ(table.lines[1].itemName, "Rabatt gitt av selger");
    EXPECT_EQ(table.lines[1].netAmount.toString(), "-1490.00");
    EXPECT_EQ(table.sum.toString(), "1500.00");
    // Rows that do not add up to the net total are no table.
    EXPECT_TRUE(TextTableReader(kComma)
                    .readAmountRows(layoutOf({items}), Decimal::fromString("1400.00"))
                    .lines.isEmpty());
}

TEST(TextTableReader, UnderANameAndDescriptionTitleTheNameEndsAtTheDash)
{
    QList<Item> items = header(200, "Nom & Désignation", "Qté", "Unité", "P.U. HT", "Total HT");
    items << row(215, "PRESTATION SUPPORT - Description", "1,00", "PCE", "60,00", "60,00");
    items << Item{"Période de 01/01/2022 au 31/01/2022", kDesc, 227};
    TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 1);
    EXPECT_EQ(table.lines[0].itemName, "PRESTATION SUPPORT");
    EXPECT_EQ(table.lines[0].itemDescription, "Description Période de 01/01/2022 au 31/01/2022");
    // A plain description title keeps the dash: it is part of the name.
    QList<Item> plain = header(200, "Beschreibung", "Menge", "Einheit", "Preis", "Betrag");
    plain << row(215, "Stadtfahrt - 2,00 Euro je km", "6,50", "km", "2,00", "13,00");
    table = TextTableReader(kComma).read(layoutOf({plain}));
    ASSERT_EQ(table.lines.size(), 1);
    EXPECT_EQ(table.lines[0].itemName, "Stadtfahrt - 2,00 Euro je km");
}

TEST(TextTableReader, GluesWordsBrokenAfterAHyphenButNotAPlusMinus)
{
    QList<Item> items = header(200, "Beschreibung", "Menge", "Einheit", "Preis", "Betrag");
    items << row(215, "Beamer-", "1", "Stk", "122,50", "122,50");
    items << Item{"Deckenhalterung", kDesc, 227};
    items << row(250, "Dicke 5 +/-", "1", "Stk", "5,00", "5,00");
    items << Item{"1,5 cm", kDesc, 262};
    const TextTable table = TextTableReader(kComma).read(layoutOf({items}));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[0].itemName, "Beamer-Deckenhalterung");
    EXPECT_EQ(table.lines[1].itemName, "Dicke 5 +/- 1,5 cm");
}

TEST(TextTableReader, TakesTheAmountColumnThatAddsUpToTheNetTotalWhenRowsConfirmIt)
{
    // "Netto ... Belopp": the right-most amounts include VAT; the net column left of it adds up.
    auto rows = [](const QString &first, const QString &second) {
        QList<Item> a = row(245, "Konsulttimmar", "8", "tim", "100,00", first);
        a << Item{"800,00", 470, 245, true};
        QList<Item> b = row(260, "Resa", "1", "st", "200,00", second);
        b << Item{"200,00", 470, 260, true};
        return QList<QList<Item>>{a, b};
    };
    const ExtractionResult r = GenericTextInvoiceReader::readLayout(
        invoiceWith(rows("1 000,00", "250,00"), {{"Netto", 470, 230, true}}));
    ASSERT_EQ(r.invoice.lines.size(), 2);
    EXPECT_EQ(r.invoice.lines[0].netAmount.toString(), "800.00");
    EXPECT_EQ(r.invoice.lines[1].netAmount.toString(), "200.00");
    EXPECT_EQ(r.fieldsJson().value("line_count").toInt(), 2);
}

TEST(TextTableReader, AmountRowsWithoutAHeaderMayPrintAUnitPrice)
{
    const QList<Item> items = {{"Rørleggerarbeid", kDesc, 229}, {"2,00", kQty, 229, true},
                               {"500,00", kPrice, 229, true},   {"1 000,00", kAmount, 229, true},
                               {"Deler", kDesc, 241},           {"1,00", kQty, 241, true},
                               {"250,00", kPrice, 241, true},   {"250,00", kAmount, 241, true}};
    const TextTable table =
        TextTableReader(kComma).readAmountRows(layoutOf({items}), Decimal::fromString("1250.00"));
    ASSERT_EQ(table.lines.size(), 2);
    EXPECT_EQ(table.lines[0].quantity.toString(), "2.00");
    // A price that does not give the amount is no such row.
    QList<Item> wrong = items;
    wrong[2].text = "400,00";
    EXPECT_TRUE(TextTableReader(kComma)
                    .readAmountRows(layoutOf({wrong}), Decimal::fromString("1250.00"))
                    .lines.isEmpty());
}

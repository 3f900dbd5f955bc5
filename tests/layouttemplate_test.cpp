// The template learning loop: correct one invoice of a layout, the next ones come out right.
#include "layouttemplate.h"
#include "testsupport.h"
#include "textinvoicereader.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

// One invoice page of a fixed layout: labels stay, values and the number of lines change.
PdfTextLayout invoicePage(const QString &number, const QString &buyer, const QStringList &lines,
                          const QString &net, const QString &vat, const QString &gross)
{
    QList<std::tuple<QString, double, double>> items = {
        {QStringLiteral("Nordljus Konsult AB"), 40, 40},
        {QStringLiteral("Faktura"), 400, 40},
        {QStringLiteral("Fakturanummer"), 400, 60},
        {number, 500, 60},
        {QStringLiteral("Fakturadatum"), 400, 75},
        {QStringLiteral("2026-03-14"), 500, 75},
        {QStringLiteral("Förfallodatum"), 400, 90},
        {QStringLiteral("2026-04-13"), 500, 90},
        // The buyer block has no label: the generic reader has to guess it.
        {buyer, 300, 150},
        {QStringLiteral("Storgatan 1"), 300, 165},
        {QStringLiteral("111 22 Stockholm"), 300, 180},
        {QStringLiteral("Benämning"), 40, 240},
        {QStringLiteral("Antal"), 300, 240},
        {QStringLiteral("Belopp"), 500, 240},
    };
    double y = 255;
    for (const QString &l : lines) {
        const QStringList parts = l.split(QLatin1Char('|'));
        items.append({parts[0], 40, y});
        items.append({parts[1], 305, y});
        items.append({parts[2], 500, y});
        y += 15;
    }
    y += 30;
    items.append({QStringLiteral("Summa exkl. moms"), 300, y});
    items.append({net, 500, y});
    items.append({QStringLiteral("Moms"), 300, y + 15});
    items.append({vat, 500, y + 15});
    items.append({QStringLiteral("Att betala SEK"), 300, y + 30});
    items.append({gross, 500, y + 30});
    QList<TextWord> words;
    for (const auto &[text, x, top] : items) {
        double cx = x;
        for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            words.append(TextWord{w, QRectF(cx, top, 5.5 * w.size(), 10)});
            cx += 5.5 * w.size() + 3;
        }
    }
    return PdfTextLayout::fromWords({words}, {QSizeF(595, 842)});
}

} // namespace

TEST(LayoutTemplate, CorrectOneInvoiceAndTheNextOnesComeOutRight)
{
    QTemporaryDir dir;
    const TemplateStore store(dir.path());
    const PdfTextLayout first =
        invoicePage(QStringLiteral("1001"), QStringLiteral("Kvarnbacken Fastigheter AB"),
                    {QStringLiteral("Konsulttimmar|10|8000,00")}, QStringLiteral("8000,00"),
                    QStringLiteral("2000,00"), QStringLiteral("10000,00"));
    ExtractionResult generic = GenericTextInvoiceReader::readLayout(first, QStringLiteral("first.pdf"));

    QStringList notFound;
    QString error;
    const auto learned =
        TemplateLearner::learn(first,
                               {{QStringLiteral("buyer_name"), QStringLiteral("Kvarnbacken Fastigheter AB")},
                                {QStringLiteral("invoice_number"), QStringLiteral("1001")}},
                               generic, &notFound, &error);
    ASSERT_TRUE(learned.has_value()) << error.toStdString();
    EXPECT_TRUE(notFound.isEmpty());
    ASSERT_TRUE(store.save(*learned, &error)) << error.toStdString();

    // The file is plain, versioned JSON that reads back.
    QStringList problems;
    const QList<LayoutTemplate> all = store.all(&problems);
    ASSERT_EQ(all.size(), 1);
    EXPECT_TRUE(problems.isEmpty());
    EXPECT_EQ(all[0].toJson().value(QStringLiteral("version")).toInt(), LayoutTemplate::kVersion);

    // The next invoice of the layout: other buyer, more lines (the totals move down).
    const PdfTextLayout next =
        invoicePage(QStringLiteral("1002"), QStringLiteral("Sjöbergs Bygg & Måleri AB"),
                    {QStringLiteral("Konsulttimmar|4|3200,00"), QStringLiteral("Resekostnad|1|800,00")},
                    QStringLiteral("4000,00"), QStringLiteral("1000,00"), QStringLiteral("5000,00"));
    const ExtractionResult plain = GenericTextInvoiceReader::readLayout(next);
    const auto match = store.match(next, plain);
    ASSERT_TRUE(match.has_value());
    const ExtractionResult withTemplate = GenericTextInvoiceReader::readLayout(next, QString(), &*match);
    EXPECT_EQ(withTemplate.invoice.buyer.name, QStringLiteral("Sjöbergs Bygg & Måleri AB"));
    EXPECT_EQ(withTemplate.evidence.value(QStringLiteral("buyer_name")).source, FieldSource::Template);
    EXPECT_EQ(withTemplate.invoice.number, QStringLiteral("1002"));
    EXPECT_EQ(withTemplate.invoice.totals.taxInclusive, Decimal::fromString(QStringLiteral("5000.00")));
    EXPECT_GE(withTemplate.evidence.value(QStringLiteral("buyer_name")).confidence, 0.9);

    // A different layout does not match.
    QList<TextWord> other{TextWord{QStringLiteral("Rechnung"), QRectF(40, 40, 40, 10)},
                          TextWord{QStringLiteral("Rechnungsnummer"), QRectF(300, 60, 80, 10)}};
    const PdfTextLayout foreign = PdfTextLayout::fromWords({other}, {QSizeF(595, 842)});
    EXPECT_FALSE(store.match(foreign, ExtractionResult()).has_value());

    ASSERT_TRUE(store.remove(learned->id, &error));
    EXPECT_TRUE(store.all().isEmpty());
}

TEST(LayoutTemplate, ValuesNotOnThePageAreNotLearned)
{
    const PdfTextLayout page = invoicePage(QStringLiteral("1001"), QStringLiteral("Kvarnbacken AB"),
                                           {QStringLiteral("Timmar|1|100,00")}, QStringLiteral("100,00"),
                                           QStringLiteral("25,00"), QStringLiteral("125,00"));
    const ExtractionResult generic = GenericTextInvoiceReader::readLayout(page);
    QStringList notFound;
    QString error;
    const auto learned = TemplateLearner::learn(
        page, {{QStringLiteral("order_reference"), QStringLiteral("PO-4711")}}, generic, &notFound, &error);
    EXPECT_EQ(notFound, QStringList{QStringLiteral("order_reference")});
    EXPECT_FALSE(TemplateLearner::learn(page, {{QStringLiteral("colour"), QStringLiteral("blue")}}, generic,
                                        &notFound, &error)
                     .has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("colour")));
}

TEST(LayoutTemplate, RejectsForeignAndFutureFiles)
{
    QString error;
    EXPECT_FALSE(LayoutTemplate::fromJson(QJsonObject{{QStringLiteral("x"), 1}}, &error).has_value());
    EXPECT_FALSE(error.isEmpty());
    const QJsonObject future{{QStringLiteral("format"), QStringLiteral("einvoice-layout-template")},
                             {QStringLiteral("version"), 99}};
    EXPECT_FALSE(LayoutTemplate::fromJson(future, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("99")));
}

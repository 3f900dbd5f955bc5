#include "lineitemreader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace einvoice {

namespace {

enum class Column
{
    Description,
    Quantity,
    Unit,
    Price,
    Rate,
    Amount,
    Other
};

// Column titles, lower case, accents kept. Whole words (or the start of a compound for the
// German-style titles that end in a hyphen-free suffix) decide the column.
struct Title
{
    const char *word;
    Column column;
};

const Title kTitles[] = {
    // description
    {"description", Column::Description},
    {"beskrivning", Column::Description},
    {"benämning", Column::Description},
    {"beskrivelse", Column::Description},
    {"spesifikasjon", Column::Description},
    {"varenavn", Column::Description},
    {"varetekst", Column::Description},
    {"tekst", Column::Description},
    {"text", Column::Description},
    {"kuvaus", Column::Description},
    {"tuote", Column::Description},
    {"nimike", Column::Description},
    {"bezeichnung", Column::Description},
    {"beschreibung", Column::Description},
    {"artikel", Column::Description},
    {"leistung", Column::Description},
    {"désignation", Column::Description},
    {"libellé", Column::Description},
    {"omschrijving", Column::Description},
    {"descrição", Column::Description},
    {"designação", Column::Description},
    {"descripción", Column::Description},
    {"concepto", Column::Description},
    {"descrizione", Column::Description},
    {"item", Column::Description},
    {"items", Column::Description},
    {"product", Column::Description},
    {"produkt", Column::Description},
    {"vare", Column::Description},
    {"artikkel", Column::Description},
    {"service", Column::Description},
    {"ydelse", Column::Description},
    {"posten", Column::Description},
    {"specifikation", Column::Description},
    {"specification", Column::Description},
    {"spezifikation", Column::Description},
    {"selite", Column::Description},
    {"tuotenimi", Column::Description},
    {"artikelbezeichnung", Column::Description},
    {"vara", Column::Description},
    {"varor", Column::Description},
    {"tjänst", Column::Description},
    {"artigo", Column::Description},
    {"produto", Column::Description},
    // quantity
    {"quantity", Column::Quantity},
    {"qty", Column::Quantity},
    {"antal", Column::Quantity},
    {"antall", Column::Quantity},
    {"ant", Column::Quantity},
    {"mengde", Column::Quantity},
    {"määrä", Column::Quantity},
    {"kpl", Column::Quantity},
    {"menge", Column::Quantity},
    {"anzahl", Column::Quantity},
    {"qté", Column::Quantity},
    {"quantité", Column::Quantity},
    {"qte", Column::Quantity},
    {"aantal", Column::Quantity},
    {"qtd", Column::Quantity},
    {"quant", Column::Quantity},
    {"quantidade", Column::Quantity},
    {"cantidad", Column::Quantity},
    {"quantità", Column::Quantity},
    {"stk", Column::Quantity},
    // unit
    {"unit", Column::Unit},
    {"enhet", Column::Unit},
    {"enh", Column::Unit},
    {"yks", Column::Unit},
    {"yksikkö", Column::Unit},
    {"einheit", Column::Unit},
    {"unité", Column::Unit},
    {"eenheid", Column::Unit},
    {"unidade", Column::Unit},
    {"un", Column::Unit},
    {"unidad", Column::Unit},
    {"me", Column::Unit},
    // unit price
    {"price", Column::Price},
    {"pris", Column::Price},
    {"enhetspris", Column::Price},
    {"à-pris", Column::Price},
    {"á-pris", Column::Price},
    {"a-pris", Column::Price},
    {"stykpris", Column::Price},
    {"hinta", Column::Price},
    {"a-hinta", Column::Price},
    {"à-hinta", Column::Price},
    {"yksikköhinta", Column::Price},
    {"einzelpreis", Column::Price},
    {"preis", Column::Price},
    {"prix", Column::Price},
    {"pu", Column::Price},
    {"prijs", Column::Price},
    {"preço", Column::Price},
    {"precio", Column::Price},
    {"prezzo", Column::Price},
    {"rate", Column::Price},
    // VAT rate
    {"moms", Column::Rate},
    {"mva", Column::Rate},
    {"mva-sats", Column::Rate},
    {"momssats", Column::Rate},
    {"alv", Column::Rate},
    {"alv%", Column::Rate},
    {"mwst", Column::Rate},
    {"ust", Column::Rate},
    {"mwst.", Column::Rate},
    {"tva", Column::Rate},
    {"btw", Column::Rate},
    {"iva", Column::Rate},
    {"vat", Column::Rate},
    {"tax", Column::Rate},
    {"%", Column::Rate},
    {"sats", Column::Rate},
    // amount
    {"amount", Column::Amount},
    {"total", Column::Amount},
    {"belopp", Column::Amount},
    {"beløp", Column::Amount},
    {"beløb", Column::Amount},
    {"summa", Column::Amount},
    {"sum", Column::Amount},
    {"yhteensä", Column::Amount},
    {"veroton", Column::Amount},
    {"gesamt", Column::Amount},
    {"betrag", Column::Amount},
    {"gesamtpreis", Column::Amount},
    {"montant", Column::Amount},
    {"bedrag", Column::Amount},
    {"valor", Column::Amount},
    {"importe", Column::Amount},
    {"importo", Column::Amount},
    {"netto", Column::Amount},
    {"net", Column::Amount},
    {"linjesum", Column::Amount},
    {"totalt", Column::Amount},
    {"subtotal", Column::Amount},
    {"nettobetrag", Column::Amount},
    {"positionsbetrag", Column::Amount},
    {"gesamtbetrag", Column::Amount},
    {"fakturabeløp", Column::Amount},
    {"nettobeløp", Column::Amount},
    {"nettobelopp", Column::Amount},
    {"ht", Column::Amount},
    {"nettopreis", Column::Price},
    {"bruttopreis", Column::Price},
    {"stückpreis", Column::Price},
    {"unitário", Column::Price},
    {"steuersatz", Column::Rate},
    {"ust-satz", Column::Rate},
    {"mwst-satz", Column::Rate},
    {"vat-rate", Column::Rate},
    {"taxa", Column::Rate},
};

Column columnOf(QString word)
{
    word = word.toLower();
    while (!word.isEmpty() && (word.endsWith(QLatin1Char('.')) || word.endsWith(QLatin1Char(':'))))
        word.chop(1);
    for (const Title &t : kTitles)
        if (word == QString::fromUtf8(t.word))
            return t.column;
    // "MwSt-Satz", "Moms%", "VAT%", "ALV-%": a rate title glued to a percent or "sats".
    if (word.contains(QLatin1Char('%')))
        return Column::Rate;
    return Column::Other;
}

// Words that end the table: totals and summaries.
bool isTotalsLine(const QString &lineText)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(sub-?total|total|totalt|summa|sum|gesamt|zwischensumme|netto|nettobetrag|"
                       "rechnungsbetrag|summe|gesamtsumme|gesamtbetrag|steuerbetrag|umsatzsteuer|yhteensä|"
                       "veroton|montant|totaal|subtotaal|valor total|importe|imponible|"
                       "att betala|å betale|at betale|maksettava|zu zahlen|à payer|te betalen|a pagar|"
                       "momsspecifikation|mva-spesifikasjon|alv-erittely|grunnlag|underlag|moms|mva|mwst|ust|"
                       "vat|tva|btw|iva|alv|sats|rate|øreavrunding|öresutjämning|rounding)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re.match(lineText).hasMatch();
}

struct HeaderColumn
{
    Column column;
    double left;
    double right;
};

/// The header row of a line table: at least a description title and an amount or quantity
/// title on one line, and three titles in all.
std::optional<QList<HeaderColumn>> headerOf(const TextLine &line)
{
    QList<HeaderColumn> columns;
    bool description = false, amountOrQuantity = false;
    int titles = 0;
    for (const TextWord &w : line.words) {
        const Column c = columnOf(w.text);
        if (c == Column::Other)
            continue;
        ++titles;
        description |= c == Column::Description;
        amountOrQuantity |= c == Column::Amount || c == Column::Quantity;
        // Adjacent words of the same title ("Beløp eks. mva") widen one column.
        if (!columns.isEmpty() && columns.last().column == c && w.box.left() - columns.last().right < 12) {
            columns.last().right = w.box.right();
            continue;
        }
        columns.append({c, w.box.left(), w.box.right()});
    }
    // Some layouts title the description column with nothing (an item-code column comes
    // first): four titles with quantity and amount make a header too.
    const bool quantityAndAmount =
        std::any_of(columns.begin(), columns.end(),
                    [](const HeaderColumn &h) { return h.column == Column::Quantity; }) &&
        std::any_of(columns.begin(), columns.end(),
                    [](const HeaderColumn &h) { return h.column == Column::Amount; });
    if (!(description && amountOrQuantity && titles >= 3) && !(quantityAndAmount && titles >= 4))
        return std::nullopt;
    return columns;
}

struct Token
{
    Decimal value;
    bool percent = false;
    double left = 0;
    double right = 0;
};

QList<Token> numbersOf(const TextLine &line, const NumberParser &numbers)
{
    QList<Token> out;
    for (const TextSegment &s : line.segments) {
        const QList<FoundNumber> found = numbers.findAll(s.text);
        const double perChar = s.text.isEmpty() ? 0 : s.box.width() / s.text.size();
        for (const FoundNumber &n : found) {
            Token t;
            t.value = n.value;
            t.percent = n.percent;
            t.left = s.box.left() + perChar * n.start;
            t.right = s.box.left() + perChar * (n.start + n.length);
            out << t;
        }
    }
    return out;
}

const HeaderColumn *find(const QList<HeaderColumn> &columns, Column c)
{
    for (const HeaderColumn &h : columns)
        if (h.column == c)
            return &h;
    return nullptr;
}

QString unitCode(const QString &printed)
{
    const QString u = printed.toLower().remove(QLatin1Char('.'));
    static const QList<std::pair<QStringList, const char *>> map = {
        {{QStringLiteral("h"), QStringLiteral("t"), QStringLiteral("tim"), QStringLiteral("timer"),
          QStringLiteral("time"), QStringLiteral("std"), QStringLiteral("hrs"), QStringLiteral("hours"),
          QStringLiteral("hour"), QStringLiteral("h.")},
         "HUR"},
        {{QStringLiteral("kg")}, "KGM"},
        {{QStringLiteral("m")}, "MTR"},
        {{QStringLiteral("l"), QStringLiteral("ltr")}, "LTR"},
        {{QStringLiteral("dag"), QStringLiteral("dagar"), QStringLiteral("dager"), QStringLiteral("day"),
          QStringLiteral("days"), QStringLiteral("døgn"), QStringLiteral("päivä"), QStringLiteral("tag"),
          QStringLiteral("tage"), QStringLiteral("dia"), QStringLiteral("dias"), QStringLiteral("pv")},
         "DAY"},
        {{QStringLiteral("mån"), QStringLiteral("mnd"), QStringLiteral("month"), QStringLiteral("kk"),
          QStringLiteral("monat"), QStringLiteral("mês")},
         "MON"},
        {{QStringLiteral("st"), QStringLiteral("stk"), QStringLiteral("pcs"), QStringLiteral("kpl"),
          QStringLiteral("stück"), QStringLiteral("ea"), QStringLiteral("pc"), QStringLiteral("un"),
          QStringLiteral("uds")},
         "H87"},
    };
    for (const auto &[names, code] : map)
        if (names.contains(u))
            return QString::fromLatin1(code);
    return QStringLiteral("C62");
}

} // namespace

LineItemResult LineItemReader::read(const PdfTextLayout &layout, const NumberParser &numbers)
{
    LineItemResult result;
    for (const TextPage &page : layout.pages()) {
        std::optional<QList<HeaderColumn>> header;
        double lastRowBottom = 0;  // of the last item row (or its continuation)
        double lastLineBottom = 0; // of any line of the table
        double rowHeight = 10;
        for (const TextLine &line : page.lines) {
            if (!header) {
                header = headerOf(line);
                if (header) {
                    result.tableFound = true;
                    lastRowBottom = lastLineBottom = line.box.bottom();
                    rowHeight = std::max(8.0, line.box.height());
                }
                continue;
            }
            const QString text = line.text();
            // A big gap or a totals line ends the table on this page.
            if (line.box.top() - lastLineBottom > 6 * rowHeight || isTotalsLine(text))
                break;
            lastLineBottom = line.box.bottom();
            const HeaderColumn *amountCol = find(*header, Column::Amount);
            const HeaderColumn *qtyCol = find(*header, Column::Quantity);
            const HeaderColumn *descCol = find(*header, Column::Description);
            QList<Token> tokens = numbersOf(line, numbers);
            QList<Token> amounts;
            for (const Token &t : tokens)
                if (!t.percent)
                    amounts << t;
            if (amounts.isEmpty()) {
                // A wrapped description: words only under the description title, right below
                // the row they continue.
                const HeaderColumn *descTitle = find(*header, Column::Description);
                if (descTitle && !result.lines.isEmpty() &&
                    line.box.top() - lastRowBottom < 1.6 * rowHeight) {
                    double end = 1e9;
                    for (const HeaderColumn &h : *header)
                        if (h.column != Column::Description && h.column != Column::Other &&
                            h.left > descTitle->left)
                            end = std::min(end, h.left - 4);
                    const bool inColumn =
                        std::all_of(line.words.begin(), line.words.end(), [&](const TextWord &w) {
                            return w.box.left() >= descTitle->left - 3 && w.box.right() <= end;
                        });
                    if (inColumn && !line.words.isEmpty()) {
                        QString &name = result.lines.last().itemName;
                        // "Beamer-" + "Deckenhalter": a word broken at its hyphen or slash.
                        const bool glued = name.endsWith(QLatin1Char('-')) || name.endsWith(QLatin1Char('/'));
                        name += (glued ? QString() : QStringLiteral(" ")) + text.simplified();
                        lastRowBottom = line.box.bottom();
                    }
                }
                continue; // a continuation or a heading line inside the table
            }
            const Token amount = amounts.last();
            // The amount must stand under the amount title (right-aligned or overlapping).
            if (amountCol && amount.right < amountCol->left - 20)
                continue;
            // The first column after the description marks where the description ends; an
            // item-code column before it is not part of it.
            double descriptionEnd = 1e9;
            for (const HeaderColumn &h : *header)
                if (h.column != Column::Description && h.column != Column::Other &&
                    (!descCol || h.left > descCol->left))
                    descriptionEnd = std::min(descriptionEnd, h.left - 4);
            const double descriptionStart = descCol ? descCol->left - 3 : -1e9;
            QStringList description;
            QString unit;
            for (const TextWord &w : line.words) {
                if (w.box.center().x() < descriptionEnd && w.box.right() >= descriptionStart)
                    description << w.text;
            }
            // Without a description title, leading item codes ("33492", "S80472135") go.
            auto isCode = [](const QString &w) {
                return std::any_of(w.begin(), w.end(), [](QChar c) { return c.isDigit(); }) &&
                       !std::any_of(w.begin(), w.end(), [](QChar c) { return c.isLower(); });
            };
            while (!descCol && description.size() > 1 && isCode(description.first()))
                description.removeFirst();
            if (description.isEmpty() ||
                !std::any_of(description.begin(), description.end(), [](const QString &w) {
                    return std::any_of(w.begin(), w.end(), [](QChar c) { return c.isLetter(); });
                }))
                continue;
            InvoiceLine l;
            l.id = QString::number(result.lines.size() + 1);
            l.itemName = description.join(QLatin1Char(' '));
            l.netAmount = amount.value;
            l.quantity = Decimal(1);
            if (qtyCol) {
                for (const Token &t : amounts) {
                    if (t.right >= qtyCol->left - 25 && t.left <= qtyCol->right + 25 &&
                        &t != &amounts.last()) {
                        l.quantity = t.value;
                        break;
                    }
                }
            }
            if (const HeaderColumn *unitCol = find(*header, Column::Unit)) {
                for (const TextWord &w : line.words)
                    if (w.box.center().x() >= unitCol->left - 15 &&
                        w.box.center().x() <= unitCol->right + 25 &&
                        std::any_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); }))
                        unit = w.text;
            }
            l.unitCode = unitCode(unit);
            const HeaderColumn *rateCol = find(*header, Column::Rate);
            for (const Token &t : tokens)
                if (t.percent || (rateCol && &t != &tokens.last() && t.right >= rateCol->left - 10 &&
                                  t.left <= rateCol->right + 10))
                    l.vatRate = t.value;
            l.netPrice = l.quantity.isZero()
                             ? l.netAmount
                             : l.netAmount.divided(l.quantity, std::max(2, l.netAmount.scale()));
            if (l.netPrice.isNegative())
                l.netPrice = -l.netPrice; // credit lines: the sign is on the quantity in EN 16931
            if (result.page < 0)
                result.page = page.index;
            result.sum += l.netAmount;
            result.lines << l;
            lastRowBottom = line.box.bottom();
        }
    }
    return result;
}

QList<InvoiceLine> LineItemReader::linesPerVatRate(const Invoice &invoice, const QString &language)
{
    QList<InvoiceLine> out;
    for (const VatBreakdown &v : invoice.vatBreakdown) {
        InvoiceLine l;
        l.id = QString::number(out.size() + 1);
        const QString rate = v.rate ? v.rate->normalized().toString() + QLatin1Char('%') : v.category;
        static const QHash<QString, const char *> texts = {
            {QStringLiteral("sv"), "Fakturabelopp med %1 moms"},
            {QStringLiteral("nb"), "Fakturabeløp med %1 mva"},
            {QStringLiteral("da"), "Fakturabeløb med %1 moms"},
            {QStringLiteral("fi"), "Laskun summa, alv %1"},
            {QStringLiteral("de"), "Rechnungsbetrag zu %1 USt"},
            {QStringLiteral("pt"), "Valor da fatura com IVA %1"},
        };
        const char *pattern = texts.value(language, "Invoice amount at %1 VAT");
        l.itemName = QString::fromUtf8(pattern).arg(rate);
        l.quantity = Decimal(1);
        l.unitCode = QStringLiteral("C62");
        l.netAmount = v.taxableAmount;
        l.netPrice = v.taxableAmount.abs();
        if (v.taxableAmount.isNegative())
            l.quantity = Decimal(-1);
        l.vatCategory = v.category.isEmpty() ? QStringLiteral("S") : v.category;
        l.vatRate = v.rate;
        out << l;
    }
    return out;
}

} // namespace einvoice

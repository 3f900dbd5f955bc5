#include "texttable.h"

#include "texttableheader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <optional>

namespace einvoice {

using texttable::Column;
using texttable::Header;
using texttable::headerOf;
using texttable::isNumeric;
using texttable::isTotalsLine;

namespace {

// Small whole-word shapes, checked by hand: each runs for every word of every line, and a
// pattern match (no JIT in the command line) costs more than the word.
bool asciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// `^\d{8,}$`: GTINs and other long article numbers.
bool isLongNumber(QStringView w)
{
    return w.size() >= 8 && std::all_of(w.begin(), w.end(), asciiDigit);
}

// `^\([A-Z0-9 -]+\)$`: an attribute in brackets, "(XL)", "(RAL 9010)".
bool isBracketTag(QStringView w)
{
    if (w.size() < 3 || w.front() != u'(' || w.back() != u')')
        return false;
    return std::all_of(w.begin() + 1, w.end() - 1, [](QChar c) {
        return (c >= u'A' && c <= u'Z') || asciiDigit(c) || c == u' ' || c == u'-';
    });
}

// `^\d{1,3}(\.\d{1,3})*$`: a position number, "2", "01", "1.3".
bool isPositionNumber(QStringView w)
{
    if (w.isEmpty())
        return false;
    for (QStringView part : w.split(u'.')) {
        if (part.isEmpty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), asciiDigit))
            return false;
    }
    return true;
}

// `^[-−(]?[1-9]\d{0,2}$`: the first group of a number printed with spaces, "1" of "1 200,00".
bool isLeadingGroup(QStringView w)
{
    if (!w.isEmpty() && (w.front() == u'-' || w.front() == QChar(0x2212) || w.front() == u'('))
        w = w.mid(1);
    return w.size() >= 1 && w.size() <= 3 && w.front() >= u'1' && w.front() <= u'9' &&
           std::all_of(w.begin(), w.end(), asciiDigit);
}

// `^\d{3}$`.
bool isPlainGroup(QStringView w)
{
    return w.size() == 3 && std::all_of(w.begin(), w.end(), asciiDigit);
}

// `^\d{3}([.,]\d{1,6})?[-)]?$`: a following group, perhaps with the decimals and a sign.
bool isFollowingGroup(QStringView w)
{
    if (w.size() < 3 || !std::all_of(w.begin(), w.begin() + 3, asciiDigit))
        return false;
    qsizetype i = 3;
    if (i < w.size() && (w[i] == u'.' || w[i] == u',')) {
        qsizetype n = 0;
        while (i + 1 + n < w.size() && asciiDigit(w[i + 1 + n]))
            ++n;
        if (n < 1 || n > 6)
            return false;
        i += 1 + n;
    }
    if (i < w.size() && (w[i] == u'-' || w[i] == u')'))
        ++i;
    return i == w.size();
}

bool hasLetter(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isLetter(); });
}

/// Item numbers and positions: digits, no lower-case letters ("52834", "S80472135", "A-12").
bool isCodeLike(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); }) &&
           !std::any_of(s.begin(), s.end(), [](QChar c) { return c.isLower(); });
}

/// Drops item attributes printed with the name: a label ending in a colon with a code or a
/// number as its value ("Art-Nr-Kunde: SE_SFK5", "Bruttopreis :5,50"), upper-case tags in
/// brackets ("(GTIN)") and bullets. "Fachbuch: Steuerrecht" keeps its colon: names have them.
QList<TextWord> withoutAttributes(const QList<TextWord> &words)
{
    QList<TextWord> out;
    for (int i = 0; i < words.size(); ++i) {
        const QString &w = words[i].text;
        const QString next = i + 1 < words.size() ? words[i + 1].text : QString();
        const bool valueGlued = next.startsWith(QLatin1Char(':'));
        if ((w.endsWith(QLatin1Char(':')) && !next.isEmpty() && isCodeLike(next)) || valueGlued) {
            ++i; // the label and its value
            continue;
        }
        // "Art-Nr-Kunde:" with or without a value: an identifier's label is never part of a name,
        // nor is the word right after it ("Art-Nr-Kunde: Toolbox"); a word a column gap away
        // is the description next to it.
        if (w.endsWith(QLatin1Char(':'))) {
            static const QStringList idWords = {QStringLiteral("nr"),     QStringLiteral("no"),
                                                QStringLiteral("id"),     QStringLiteral("number"),
                                                QStringLiteral("nummer"), QStringLiteral("numero"),
                                                QStringLiteral("ref"),    QStringLiteral("gtin"),
                                                QStringLiteral("ean"),    QStringLiteral("sku")};
            const QStringList tokens = LabelDictionary::normalizeWord(w);
            if (std::any_of(tokens.begin(), tokens.end(),
                            [](const QString &t) { return idWords.contains(t); })) {
                const double gap =
                    i + 1 < words.size() ? words[i + 1].box.left() - words[i].box.right() : 1e9;
                const bool valueNext =
                    !next.endsWith(QLatin1Char(':')) && gap > -1 && gap < 0.75 * words[i].box.height();
                if (valueNext)
                    ++i;
                continue;
            }
        }
        // GTINs and other long article numbers.
        if (isLongNumber(w))
            continue;
        const bool punctuation =
            std::none_of(w.begin(), w.end(), [](QChar c) { return c.isLetterOrNumber(); });
        // A lone comma is part of the text ("15 cm , Verdichtung"), never a bullet.
        if (isBracketTag(w) ||
            (punctuation && w.size() == 1 && w != QLatin1String("-") && w != QLatin1String("&") &&
             w != QLatin1String("/") && w != QLatin1String(",")))
            continue;
        out << words[i];
    }
    return out;
}

/// A number of a row with its place on the line.
struct Token
{
    Decimal value;
    bool percent = false;
    bool hasDecimals = false;
    double left = 0;
    double right = 0;
    double center() const { return (left + right) / 2; }
};

/// How far a value sits from a column title: printed values are left-aligned, centred or
/// right-aligned under their title, so the best of the three alignments counts.
double distance(double left, double right, const Column &c)
{
    const double center = (left + right) / 2;
    return std::min({std::abs(right - c.right), std::abs(center - c.center()), std::abs(left - c.left)});
}

struct Row
{
    InvoiceLine line;
    bool consistent = true;
    double numbersLeft = 1e9; // left edge of the row's first number
    bool priced = false;      // quantity and unit price were both printed and multiply to the amount
    QString printedName;      // the description area as printed, attributes included
};

Decimal tolerance(const Decimal &quantity)
{
    // The printed unit price is rounded to cents: each unit may carry half a cent.
    return Decimal::fromParts(2, 2) + quantity.abs() * Decimal::fromParts(5, 3);
}

bool near(const Decimal &a, const Decimal &b, const Decimal &tol)
{
    return (a - b).abs() <= tol;
}

/// Does quantity x price, less the discount, give the amount? Discounts print as a percentage
/// or as an amount (per line or per unit), so each reading is tried.
bool multipliesTo(const Decimal &q, const Decimal &p, const std::optional<Token> &discount,
                  const Decimal &amount)
{
    const Decimal gross = q.abs() * p.abs();
    const Decimal a = amount.abs();
    const Decimal tol = tolerance(q);
    if (near(gross, a, tol))
        return true;
    if (!discount)
        return false;
    const Decimal d = discount->value.abs();
    if (near(gross - d, a, tol) || near(q.abs() * (p.abs() - d), a, tol))
        return true;
    return d <= Decimal(100) && near(gross - (gross * d).divided(Decimal(100), 4), a, tol);
}

/// "REMISE : REMISE COMMERCIALE", "Rabatt 5 %", "Zuschlag": a row text that names a discount or
/// a surcharge on the whole document.
bool startsWithAllowanceWord(const QString &name)
{
    static const QSet<QString> words = {
        QStringLiteral("remise"),    QStringLiteral("rabais"),   QStringLiteral("ristourne"),
        QStringLiteral("charge"),    QStringLiteral("discount"), QStringLiteral("allowance"),
        QStringLiteral("surcharge"), QStringLiteral("rabatt"),   QStringLiteral("nachlass"),
        QStringLiteral("abschlag"),  QStringLiteral("zuschlag"), QStringLiteral("sconto"),
        QStringLiteral("descuento"), QStringLiteral("desconto"), QStringLiteral("korting"),
        QStringLiteral("toeslag"),   QStringLiteral("alennus"),  QStringLiteral("majoration")};
    const QString first = name.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    const QStringList tokens = LabelDictionary::normalizeWord(first);
    return !tokens.isEmpty() && words.contains(tokens.first());
}

AllowanceCharge allowanceOf(const InvoiceLine &row)
{
    AllowanceCharge ac;
    ac.amount = row.netAmount;
    ac.vatRate = row.vatRate;
    ac.reason = row.itemName;
    return ac;
}

/// "NOM & DESIGNATION", "Name and description": a column title saying its text is an item name
/// followed by a description ("PRESTATION SUPPORT - Description de l'article").
bool namesThenDescribes(const TextLine &line)
{
    static const QSet<QString> names = {QStringLiteral("nom"),     QStringLiteral("name"),
                                        QStringLiteral("navn"),    QStringLiteral("namn"),
                                        QStringLiteral("nimi"),    QStringLiteral("nome"),
                                        QStringLiteral("nombre"),  QStringLiteral("libellé"),
                                        QStringLiteral("libelle"), QStringLiteral("naam")};
    static const QSet<QString> joins = {QStringLiteral("&"),   QStringLiteral("et"), QStringLiteral("and"),
                                        QStringLiteral("und"), QStringLiteral("og"), QStringLiteral("och"),
                                        QStringLiteral("y"),   QStringLiteral("e"),  QStringLiteral("en"),
                                        QStringLiteral("+"),   QStringLiteral("ja")};
    static const QSet<QString> descriptions = {QStringLiteral("désignation"), QStringLiteral("designation"),
                                               QStringLiteral("description"), QStringLiteral("beschreibung"),
                                               QStringLiteral("beskrivelse"), QStringLiteral("beskrivning"),
                                               QStringLiteral("kuvaus"),      QStringLiteral("descrição"),
                                               QStringLiteral("descripción"), QStringLiteral("omschrijving")};
    auto plain = [](QString t) {
        t = t.toLower();
        while (!t.isEmpty() && (t.back() == QLatin1Char(',') || t.back() == QLatin1Char(':')))
            t.chop(1);
        return t;
    };
    for (int i = 2; i < line.words.size(); ++i)
        if (descriptions.contains(plain(line.words[i].text)) &&
            joins.contains(plain(line.words[i - 1].text)) && names.contains(plain(line.words[i - 2].text)))
            return true;
    return false;
}

bool isAllowanceOrCharge(const Row &row)
{
    return startsWithAllowanceWord(row.printedName) || startsWithAllowanceWord(row.line.itemName);
}

class RowParser
{
public:
    RowParser(const Header &h, const NumberParser &numbers, int amountColumn = 0)
        : m_header(h), m_numbers(numbers)
    {
        // The amount column read: the right-most, or the one @p amountColumn places left of it.
        QList<const Column *> amounts;
        for (const Column &c : m_header.columns)
            if (c.kind == ColumnKind::Amount)
                amounts.prepend(&c);
        m_amountColumns = int(amounts.size());
        m_amount = amounts.isEmpty() ? nullptr : amounts[std::min(amountColumn, int(amounts.size()) - 1)];
        const Column *desc = h.find(ColumnKind::Description);
        m_descEnd = 1e9;
        for (const Column &c : h.columns)
            if ((isNumeric(c.kind) || c.kind == ColumnKind::Unit) && (!desc || c.left > desc->left))
                m_descEnd = std::min(m_descEnd, c.left - 4);
        for (const Column &c : h.columns)
            if (c.kind == ColumnKind::Code && (!desc || c.left < desc->left))
                m_code = c;
        if (desc)
            m_descTitle = *desc;
    }

    double descriptionEnd() const { return m_descEnd; }

    /// Whether a word is a position number under the code or position column, left of the
    /// descriptions.
    bool positionUnderCode(const TextWord &w, double descLeft) const
    {
        // Position numbers are short: "01", "2", "1.3"; article numbers there have letters or
        // many digits and may well wrap beside the name.
        return m_code && w.box.left() < m_code->right + 4 && w.box.right() < descLeft - 4 &&
               isPositionNumber(w.text);
    }

    /// Words of the line in the description area, item codes removed.
    QList<TextWord> descriptionWords(const TextLine &line) const
    {
        QList<TextWord> out;
        for (const TextWord &w : withoutAttributes(line.words))
            if (w.box.center().x() < m_descEnd)
                out << w;
        while (!out.isEmpty() && out.size() > 1) {
            const TextWord &w = out.first();
            const bool underCode = m_code && w.box.left() < m_code->right + 4;
            const bool codeBeforeTitle = (m_code || !m_descTitle) && isCodeLike(w.text) &&
                                         (!m_descTitle || w.box.right() < m_descTitle->left);
            if (!underCode && !codeBeforeTitle)
                break;
            out.removeFirst();
        }
        // A lone word under the code column is an item number, or a word of that column
        // ("# ligne BC: 3") when it ends before the description title starts.
        if (out.size() == 1 && m_code && out.first().box.left() < m_code->right + 4 &&
            (isCodeLike(out.first().text) || (m_descTitle && out.first().box.right() < m_descTitle->left)))
            out.clear();
        return out;
    }

    /// Numbers right of the description area, from whole words: "1 200,00" joins words whose
    /// groups look like thousands, "0  425,00" (a zero rate next to an amount) does not.
    QList<Token> numbersOf(const TextLine &line) const
    {
        QList<Token> out;
        const QList<TextWord> &words = line.words;
        for (int i = 0; i < words.size(); ++i) {
            QString text = words[i].text;
            QRectF box = words[i].box;
            if (isLeadingGroup(text)) {
                while (i + 1 < words.size() && isFollowingGroup(words[i + 1].text) &&
                       words[i + 1].box.left() - box.right() < 0.5 * box.height()) {
                    ++i;
                    text += QLatin1Char(' ') + words[i].text;
                    box = box.united(words[i].box);
                    if (!isPlainGroup(words[i].text))
                        break; // the decimals end the number
                }
            }
            if (box.right() <= m_descEnd)
                continue; // numbers inside a description ("A4 80 g") are not columns
            const QList<FoundNumber> found = m_numbers.findAll(text);
            if (found.size() != 1)
                continue; // codes and dates ("2016-08-25", "12/3") are not amounts
            const bool percentAfter = i + 1 < words.size() && words[i + 1].text == QLatin1String("%");
            out << Token{found.first().value, found.first().percent || percentAfter,
                         found.first().hasDecimals, box.left(), box.right()};
        }
        return out;
    }

    /// The line as an invoice line, or nothing when it has no amount under the amount title or
    /// no description.
    std::optional<Row> parse(const TextLine &line) const
    {
        const QList<Token> tokens = numbersOf(line);
        if (tokens.isEmpty())
            return std::nullopt;
        // Tokens go to numeric columns in left-to-right order at the least total distance: a
        // narrow "0" in the rate column may sit nearer the amount title than the rate title.
        QList<const Column *> columns;
        for (const Column &c : m_header.columns)
            if (isNumeric(c.kind))
                columns << &c;
        const QList<int> assignment = assign(tokens, columns);
        QHash<const Column *, std::pair<int, double>> taken;
        for (int i = 0; i < tokens.size(); ++i)
            if (assignment[i] >= 0)
                taken[columns[assignment[i]]] = {i, 0.0};
        auto valueOf = [&](ColumnKind kind) -> std::optional<Token> {
            for (auto it = taken.constBegin(); it != taken.constEnd(); ++it)
                if (it.key()->kind == kind && (kind != ColumnKind::Amount || it.key() == m_amount))
                    return tokens[it.value().first];
            return std::nullopt;
        };
        const std::optional<Token> amount = valueOf(ColumnKind::Amount);
        if (!amount || amount->percent)
            return std::nullopt;
        const QList<TextWord> words = descriptionWords(line);
        QStringList description;
        for (const TextWord &w : words)
            description << w.text;
        Row row;
        for (const Token &t : tokens)
            row.numbersLeft = std::min(row.numbersLeft, t.left);
        row.line.itemName = description.join(QLatin1Char(' '));
        QStringList printed;
        for (const TextWord &w : line.words)
            if (w.box.center().x() < m_descEnd && !(m_code && w.box.right() < m_code->right + 4))
                printed << w.text;
        row.printedName = printed.join(QLatin1Char(' '));
        row.line.netAmount = amount->value;
        std::optional<Token> quantity = valueOf(ColumnKind::Quantity);
        std::optional<Token> price = valueOf(ColumnKind::Price);
        const std::optional<Token> discount = valueOf(ColumnKind::Discount);
        if (const std::optional<Token> rate = valueOf(ColumnKind::Rate))
            row.line.vatRate = rate->value;
        else
            for (const Token &t : tokens)
                if (t.percent && (!discount || t.left != discount->left))
                    row.line.vatRate = t.value;
        if (!(quantity && price && multipliesTo(quantity->value, price->value, discount, amount->value))) {
            // The columns did not say it: the first two numbers that multiply to the amount are
            // quantity (left) and price (right).
            bool found = false;
            for (int i = 0; i < tokens.size() && !found; ++i)
                for (int j = i + 1; j < tokens.size() && !found; ++j) {
                    if (tokens[i].percent || tokens[j].percent || tokens[j].left == amount->left ||
                        tokens[i].left == amount->left)
                        continue;
                    if (multipliesTo(tokens[i].value, tokens[j].value, std::nullopt, amount->value)) {
                        quantity = tokens[i];
                        price = tokens[j];
                        found = true;
                    }
                }
        }
        // "2,00  6 km  13,00": a layout that prints quantities without decimals rounds 6.5 to 6.
        // The amount / price that rounds to the printed whole quantity is the real one.
        if (quantity && price && !discount && !quantity->hasDecimals && !price->value.isZero() &&
            !multipliesTo(quantity->value, price->value, discount, amount->value)) {
            const Decimal exact = amount->value.abs().divided(price->value.abs(), 3);
            if ((exact * price->value.abs() - amount->value.abs()).isZero() &&
                (exact - quantity->value.abs()).abs() <= Decimal::fromParts(5, 1) && !exact.isZero())
                quantity->value = quantity->value.isNegative() ? -exact.normalized() : exact.normalized();
        }
        row.line.quantity = quantity ? quantity->value : Decimal(1);
        if (quantity && price) {
            row.consistent = multipliesTo(quantity->value, price->value, discount, amount->value);
            row.priced = row.consistent;
        }
        const Decimal q = row.line.quantity.abs();
        row.line.netPrice = price && row.consistent && !discount ? price->value.abs()
                            : q.isZero()                         ? amount->value.abs()
                                         : amount->value.abs().divided(q, std::max(2, amount->value.scale()));
        row.line.unitCode = unitCode(line, quantity);
        return row;
    }

    /// For each token the index of its column in @p columns, or -1: an order-keeping matching
    /// with the least total distance, leaving a token out costing as much as a far-off column.
    static QList<int> assign(const QList<Token> &tokens, const QList<const Column *> &columns)
    {
        constexpr double kSkip = 120;
        const int n = int(tokens.size()), m = int(columns.size());
        auto cost = [&](int i, int k) {
            double d = distance(tokens[i].left, tokens[i].right, *columns[k]);
            const ColumnKind kind = columns[k]->kind;
            if (tokens[i].percent && kind != ColumnKind::Rate && kind != ColumnKind::Discount)
                d += 40; // a percentage is a rate or a discount, seldom anything else
            return d;
        };
        // best[i][j]: least cost of tokens i.. using columns j..
        QList<QList<double>> best(n + 1, QList<double>(m + 1, 0.0));
        QList<QList<int>> choice(n + 1, QList<int>(m + 1, -1));
        for (int i = n - 1; i >= 0; --i)
            for (int j = m; j >= 0; --j) {
                best[i][j] = kSkip + best[i + 1][j];
                choice[i][j] = -1;
                for (int k = j; k < m; ++k) {
                    const double c = cost(i, k);
                    if (c < kSkip && c + best[i + 1][k + 1] < best[i][j]) {
                        best[i][j] = c + best[i + 1][k + 1];
                        choice[i][j] = k;
                    }
                }
            }
        QList<int> out;
        for (int i = 0, j = 0; i < n; ++i) {
            out << choice[i][j];
            if (choice[i][j] >= 0)
                j = choice[i][j] + 1;
        }
        return out;
    }

    QString unitCode(const TextLine &line, const std::optional<Token> &quantity) const
    {
        const Column *unit = m_header.find(ColumnKind::Unit);
        QString printed;
        double bestD = 1e9;
        for (const TextWord &w : line.words) {
            if (w.box.center().x() < m_descEnd || !hasLetter(w.text))
                continue;
            // Under the unit title, or right after the quantity ("20 kpl").
            double d = unit ? distance(w.box.left(), w.box.right(), *unit) : 1e9;
            if (quantity && w.box.left() >= quantity->right - 1 && w.box.left() - quantity->right < 20)
                d = std::min(d, w.box.left() - quantity->right);
            if (d < 40 && d < bestD) {
                bestD = d;
                printed = w.text;
            }
        }
        return TextTableReader::unitCode(printed);
    }

    int amountColumns() const { return m_amountColumns; }

private:
    Header m_header;
    NumberParser m_numbers;
    const Column *m_amount = nullptr;
    int m_amountColumns = 0;
    double m_descEnd = 1e9;
    std::optional<Column> m_code;
    std::optional<Column> m_descTitle;
};

} // namespace

TextTable TextTableReader::read(const PdfTextLayout &layout, int amountColumn) const
{
    TextTable result;
    bool nameThenDescription = false; // the description title says "name & description"
    QList<bool> splitName;            // per line: its text is "name - description"
    bool closed = false;              // a totals line was seen: later headers start nothing new
    std::optional<Header> carried;    // the columns of a table the previous page did not close
    for (const TextPage &page : layout.pages()) {
        if (closed)
            break;
        // A table that runs onto a page without repeating its header goes on at the first row
        // whose quantity x price gives its amount; page headers above it are skipped.
        std::optional<Header> header = carried;
        bool continued = carried.has_value();
        std::optional<RowParser> parser;
        if (header)
            parser.emplace(*header, m_numbers, amountColumn);
        double lastBottom = 0;    // of the last line that belonged to the table
        double lastRowBottom = 0; // of the last row or its continuation
        double lineHeight = 10;
        double descLeft = 1e9;    // where descriptions start in the rows read so far
        double numbersLeft = 1e9; // where the rows' numbers start: wrapped text ends before
        bool rowOnPage = false;
        bool nameClosed = false; // the last row's name is complete (attributes came after it)
        int rowsOnPage = 0;
        double lastTop = 0;  // of the last line that belonged to the table
        double maxPitch = 0; // widest distance between lines of the table after its first row
        QStringList pending; // text lines seen before the first row of a page, or between rows
        double pendingBottom = 0;
        bool pricedRows = false; // some row had quantity x price = amount
        int lastHeaderLine = -2;
        int li = 0;
        for (; li < page.lines.size(); ++li) {
            const TextLine &line = page.lines[li];
            if (std::optional<Header> h = headerOf(page.lines, int(li))) {
                // A title printed over several lines: any of them may say "name & description".
                const bool sameHeader = li > 0 && lastHeaderLine == li - 1;
                nameThenDescription = (sameHeader && nameThenDescription) || namesThenDescribes(line);
                lastHeaderLine = li;
                header = h;
                parser.emplace(*h, m_numbers, amountColumn);
                result.amountColumns = std::max(result.amountColumns, parser->amountColumns());
                continued = false;
                result.headerFound = true;
                lastBottom = lastRowBottom = line.box.bottom();
                lastTop = line.box.top();
                maxPitch = 0;
                rowsOnPage = 0;
                rowOnPage = false;
                lineHeight = std::max(6.0, line.box.height());
                pending.clear();
                continue;
            }
            if (!header)
                continue;
            if (continued) {
                const std::optional<Row> first = parser->parse(line);
                if (!first || !first->priced || first->line.itemName.isEmpty())
                    continue;
                continued = false;
                lastBottom = lastRowBottom = lastTop = line.box.top();
                lineHeight = std::max(6.0, line.box.height());
            }
            // A wide gap ends the table on this page (page footer, notes); once rows have been
            // read, a gap much wider than the widest between rows does too (a summary block).
            const double gap = line.box.top() - lastTop;
            if (line.box.top() - lastBottom > std::max(4 * lineHeight, 36.0))
                break;
            if (rowsOnPage >= 2 && gap > 1.5 * maxPitch + 2) {
                // Rows spaced unevenly (one with attribute lines, one without) go on: a row
                // whose quantity x price gives its amount is no summary line.
                const std::optional<Row> next = parser->parse(line);
                if (!next || !next->priced || next->line.itemName.isEmpty())
                    break;
            }
            if (isTotalsLine(line, parser->descriptionEnd())) {
                closed = rowOnPage || !result.lines.isEmpty(); // a header without rows was no table
                break;
            }
            if (rowOnPage)
                maxPitch = std::max(maxPitch, gap);
            lastBottom = line.box.bottom();
            lastTop = line.box.top();
            if (std::optional<Row> row = parser->parse(line)) {
                // Text right above a row without any (the name printed a little higher than the
                // numbers) is its name; before the first row any text above counts.
                const bool pendingAbove =
                    !rowOnPage || line.box.top() - pendingBottom < 0.6 * std::max(6.0, line.box.height());
                if (row->line.itemName.isEmpty() && !pending.isEmpty() && pendingAbove)
                    row->line.itemName = pending.join(QLatin1Char(' '));
                pending.clear();
                if (row->line.itemName.isEmpty())
                    continue; // a sum or a number line without any text is not an invoice line
                if (pricedRows && !row->priced && isAllowanceOrCharge(*row)) {
                    result.allowanceCharges << allowanceOf(row->line);
                    continue;
                }
                pricedRows = pricedRows || row->priced;
                result.pricedRows += row->priced ? 1 : 0;
                for (const TextWord &w : parser->descriptionWords(line))
                    descLeft = std::min(descLeft, w.box.left());
                numbersLeft = std::min(numbersLeft, row->numbersLeft);
                row->line.id = QString::number(result.lines.size() + 1);
                if (!row->consistent)
                    ++result.inconsistentRows;
                if (result.page < 0)
                    result.page = page.index;
                result.sum += row->line.netAmount;
                result.lines << row->line;
                splitName << nameThenDescription;
                lastRowBottom = line.box.bottom();
                nameClosed = false;
                rowOnPage = true;
                ++rowsOnPage;
                continue;
            }
            // Text only, inside the description column, right below a row: the row's
            // description goes on ("Beamer-" + "Deckenhalter"); item numbers beside it do not.
            QList<TextWord> words = parser->descriptionWords(line);
            // A number under the position column ("01  Beamermontage") starts a sub-item or a
            // note: the row's name is complete.
            const bool newPosition =
                descLeft < 1e8 && std::any_of(line.words.begin(), line.words.end(), [&](const TextWord &w) {
                    return parser->positionUnderCode(w, descLeft);
                });
            // Item numbers and GTINs printed in a column left of the descriptions are not text.
            while (descLeft < 1e8 && !words.isEmpty() && words.first().box.right() < descLeft - 4)
                words.removeFirst();
            const double textEnd =
                std::max(parser->descriptionEnd(), numbersLeft < 1e8 ? numbersLeft - 4 : 0.0);
            if (line.box.right() > textEnd || !parser->numbersOf(line).isEmpty())
                continue;
            const bool belowRow = rowOnPage && line.box.top() - lastRowBottom < 1.7 * lineHeight;
            if (belowRow && newPosition)
                nameClosed = true;
            if (words.isEmpty()) {
                // Attributes ("Bruttopreis :5,50", GTIN) follow the name: text after them is a
                // note on the line, not more of its name.
                if (belowRow)
                    nameClosed = true;
                continue;
            }
            if (descLeft < 1e8 && std::any_of(words.begin(), words.end(),
                                              [&](const TextWord &w) { return w.box.left() < descLeft - 4; }))
                continue; // starts left of the descriptions: a heading or a note, not a wrapped name
            QStringList parts;
            for (const TextWord &w : words)
                parts << w.text;
            const QString text = parts.join(QLatin1Char(' '));
            if (!rowOnPage) {
                pending << text;
                pendingBottom = line.box.bottom();
            } else if (!belowRow) {
                if (line.box.top() - pendingBottom > 1.7 * lineHeight)
                    pending.clear();
                pending << text;
                pendingBottom = line.box.bottom();
            } else if (!nameClosed) {
                QString &name = result.lines.last().itemName;
                // "Beamer-" + "Deckenhalterung", "Obermonteur/" + "Monteur", "4-" + "Fahrten-Karte":
                // a word broken after its hyphen or slash goes on without a space; "+/-" is no word.
                const bool glued = (name.endsWith(QLatin1Char('-')) || name.endsWith(QLatin1Char('/'))) &&
                                   name.size() >= 2 && name[name.size() - 2].isLetterOrNumber();
                name += (glued ? QString() : QStringLiteral(" ")) + text;
                lastRowBottom = line.box.bottom();
            }
        }
        // Allowances and charges on the whole document may stand a little apart under the item
        // rows, in the same columns ("REMISE : REMISE COMMERCIALE   -5,00  20,00%").
        if (rowOnPage && pricedRows && parser) {
            for (int j = li; j < page.lines.size() && j < li + 12; ++j) {
                const TextLine &line = page.lines[j];
                if (isTotalsLine(line, parser->descriptionEnd()) || headerOf(page.lines, j))
                    break;
                const std::optional<Row> row = parser->parse(line);
                if (!row)
                    continue;
                if (row->priced || !isAllowanceOrCharge(*row))
                    break;
                result.allowanceCharges << allowanceOf(row->line);
            }
        }
        carried = !closed && !result.lines.isEmpty() ? header : std::nullopt;
    }
    for (int i = 0; i < result.lines.size(); ++i) {
        // "PRESTATION SUPPORT - Description de l'article Période ...": under a "name &
        // description" title the name ends at the first dash; the rest describes the item.
        InvoiceLine &l = result.lines[i];
        const int dash = int(l.itemName.indexOf(QLatin1String(" - ")));
        if (splitName.value(i) && dash > 0 && hasLetter(l.itemName.left(dash))) {
            l.itemDescription = l.itemName.mid(dash + 3).trimmed();
            l.itemName = l.itemName.left(dash).trimmed();
        }
    }
    // "4-" + "Fahrten-Karte": a row's text may get its letters from its continuation lines; one
    // that never does is a sum or a code, not an invoice line.
    for (int i = int(result.lines.size()) - 1; i >= 0; --i)
        if (!hasLetter(result.lines[i].itemName)) {
            result.sum -= result.lines[i].netAmount;
            result.lines.removeAt(i);
        }
    for (int i = 0; i < result.lines.size(); ++i)
        result.lines[i].id = QString::number(i + 1);
    return result;
}

TextTable TextTableReader::readAmountRows(const PdfTextLayout &layout, const Decimal &net) const
{
    struct AmountRow
    {
        int line;
        InvoiceLine item;
        double left;  // of the description
        double right; // of the amount
    };
    auto rowOf = [&](const TextLine &line, int index) -> std::optional<AmountRow> {
        const QList<TextSegment> &segs = line.segments;
        if (segs.size() < 2 || segs.size() > 4 || isTotalsLine(line, 0))
            return std::nullopt;
        const QString name = segs.first().text;
        if (!name.front().isLetter() || !hasLetter(name) ||
            LabelDictionary::instance().matchStart(name.split(QLatin1Char(' '))))
            return std::nullopt;
        const QList<FoundNumber> amount = m_numbers.findAll(segs.last().text);
        if (amount.size() != 1 || !amount.first().hasDecimals || amount.first().percent ||
            amount.first().length < segs.last().text.size() - 1)
            return std::nullopt;
        AmountRow row{index, InvoiceLine(), segs.first().box.left(), segs.last().box.right()};
        row.item.itemName = name;
        row.item.netAmount = amount.first().value;
        row.item.quantity = Decimal(1);
        if (segs.size() >= 3) {
            // The middle columns may only be the quantity, and the unit price that multiplies
            // with it to the amount.
            const std::optional<Decimal> q = m_numbers.parse(segs[1].text);
            if (!q || q->isZero())
                return std::nullopt;
            row.item.quantity = *q;
            if (segs.size() == 4) {
                const std::optional<Decimal> price = m_numbers.parse(segs[2].text);
                if (!price || !multipliesTo(*q, *price, std::nullopt, row.item.netAmount))
                    return std::nullopt;
            }
        }
        const Decimal q = row.item.quantity.abs();
        row.item.netPrice = row.item.netAmount.abs().divided(q, std::max(2, row.item.netAmount.scale()));
        row.item.unitCode = QStringLiteral("C62");
        return row;
    };
    for (const TextPage &page : layout.pages()) {
        QList<AmountRow> run;
        Decimal sum;
        auto result = [&]() {
            TextTable t;
            for (const AmountRow &r : run) {
                InvoiceLine l = r.item;
                l.id = QString::number(t.lines.size() + 1);
                t.lines << l;
            }
            t.sum = sum;
            t.page = page.index;
            return t;
        };
        for (int li = 0; li <= page.lines.size(); ++li) {
            const std::optional<AmountRow> row =
                li < page.lines.size() ? rowOf(page.lines[li], li) : std::optional<AmountRow>();
            const bool continues = row && !run.isEmpty() && std::abs(row->left - run.last().left) < 3 &&
                                   std::abs(row->right - run.last().right) < 3 && li - run.last().line <= 3;
            if (row && (run.isEmpty() || continues)) {
                run << *row;
                sum += row->item.netAmount;
                continue;
            }
            // A line with other numbers ends a run; plain text between rows does not.
            const bool text =
                li < page.lines.size() && !row &&
                std::none_of(page.lines[li].words.begin(), page.lines[li].words.end(), [](const TextWord &w) {
                    return std::any_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isDigit(); });
                });
            if (text && !run.isEmpty() && li - run.last().line <= 3)
                continue;
            if (!run.isEmpty() && !net.isZero() && (sum == net || sum == -net))
                return result();
            run.clear();
            sum = Decimal();
            if (row) {
                run << *row;
                sum = row->item.netAmount;
            }
        }
    }
    return {};
}

namespace {

/// Nests rows [from, to) of @p amounts into @p parent so that the top-level rows add up to
/// @p target: each row is a leaf, a bundle (its amount is the sum of the rows right below it)
/// or a subtotal (the sum of the rows right above it, since the last top-level row).
/// Backtracking over small tables only.
bool nest(const QList<Decimal> &amounts, int from, int to, const Decimal &target, QList<int> &parent,
          int parentIndex, int *budget)
{
    if (--*budget < 0)
        return false;
    if (from == to)
        return target.isZero();
    // Row `from` as a leaf of this level.
    parent[from] = parentIndex;
    if (nest(amounts, from + 1, to, target - amounts[from], parent, parentIndex, budget))
        return true;
    // Row `from` as a bundle over rows from+1 .. end-1, which add up to its amount themselves.
    for (int end = from + 3; end <= to; ++end) {
        parent[from] = parentIndex;
        if (nest(amounts, from + 1, end, amounts[from], parent, from, budget) &&
            nest(amounts, end, to, target - amounts[from], parent, parentIndex, budget))
            return true;
    }
    // Rows from .. end-2 as the children of a subtotal at end-1.
    for (int end = from + 3; end <= to; ++end) {
        const int sub = end - 1;
        parent[sub] = parentIndex;
        if (nest(amounts, from, sub, amounts[sub], parent, sub, budget) &&
            nest(amounts, end, to, target - amounts[sub], parent, parentIndex, budget))
            return true;
    }
    parent[from] = parentIndex;
    return false;
}

} // namespace

bool TextTableReader::nestSubLines(QList<InvoiceLine> &lines, const Decimal &net)
{
    if (lines.size() < 3 || lines.size() > 40)
        return false;
    QList<Decimal> amounts;
    Decimal all;
    for (const InvoiceLine &l : lines) {
        amounts << l.netAmount;
        all += l.netAmount;
    }
    if (all == net)
        return false; // flat already
    QList<int> parent(lines.size(), -1);
    int budget = 20000;
    if (!nest(amounts, 0, int(lines.size()), net, parent, -1, &budget))
        return false;
    for (int i = 0; i < lines.size(); ++i) {
        if (parent[i] >= 0) {
            lines[i].parentLineId = lines[parent[i]].id;
            lines[i].lineStatusReasonCode = QStringLiteral("DETAIL");
        } else if (std::find(parent.begin(), parent.end(), i) != parent.end()) {
            lines[i].lineStatusReasonCode = QStringLiteral("GROUP");
        }
    }
    return true;
}

QString TextTableReader::unitCode(const QString &printed)
{
    const QString u = printed.toLower().remove(QLatin1Char('.'));
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        auto add = [&m](const char *names, const char *code) {
            for (const QString &n : QString::fromUtf8(names).split(QLatin1Char('|')))
                m.insert(n, QString::fromLatin1(code));
        };
        add("st|stk|styck|stykke|stk|pcs|pc|piece|pieces|kpl|stück|stck|ea|each|un|unid|uds|pz|pièce|pce|"
            "stuks",
            "H87");
        add("h|t|tim|timme|timmar|timer|time|tunti|tuntia|std|stunde|stunden|hr|hrs|hour|hours|heure|"
            "heures|"
            "uur|hora|horas|ora|ore",
            "HUR");
        add("kg|kilo", "KGM");
        add("m|meter|metri|metro|metros|mètre", "MTR");
        add("l|ltr|liter|litre|litro|litros", "LTR");
        add("dag|dagar|dager|dage|day|days|døgn|pv|päivä|tag|tage|jour|jours|dia|dias|día|días|giorno|"
            "giorni",
            "DAY");
        add("mån|månad|mnd|måned|md|mdr|month|months|kk|monat|monate|mois|maand|mês|meses|mes|mese", "MON");
        add("km", "KMT");
        return m;
    }();
    return map.value(u, QStringLiteral("C62"));
}

QString TextTableReader::guessLanguage(const QString &documentText)
{
    static const QList<std::pair<QString, QRegularExpression>> signs = [] {
        QList<std::pair<QString, QRegularExpression>> s;
        auto add = [&s](const char *lang, const char *pattern) {
            s.append({QString::fromLatin1(lang),
                      QRegularExpression(QString::fromUtf8(pattern),
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::UseUnicodePropertiesOption)});
        };
        add("sv", "\\b(moms|att betala|fakturadatum|förfallodatum|summa|belopp)\\b");
        add("nb", "\\b(mva|å betale|forfallsdato|beløp|fakturadato|kundenummer)\\b");
        add("da", "\\b(moms|at betale|forfaldsdato|beløb|i alt)\\b");
        add("fi", "\\b(alv|eräpäivä|yhteensä|lasku|viitenumero)\\b");
        add("de", "\\b(rechnung|mwst|ust|betrag|gesamt|zahlbar|summe)\\b");
        add("fr", "\\b(facture|tva|montant|échéance|total ht)\\b");
        add("nl", "\\b(factuur|btw|bedrag|vervaldatum)\\b");
        add("pt", "\\b(fatura|iva|valor|vencimento|contribuinte)\\b");
        add("es", "\\b(factura|iva|importe|vencimiento)\\b");
        add("it", "\\b(fattura|iva|importo|scadenza)\\b");
        add("en", "\\b(invoice|total|amount|due date|vat)\\b");
        return s;
    }();
    QString best = QStringLiteral("en");
    int bestCount = 0;
    for (const auto &[lang, re] : signs) {
        int count = 0;
        for (auto it = re.globalMatch(documentText); it.hasNext(); it.next())
            ++count;
        if (count > bestCount) {
            bestCount = count;
            best = lang;
        }
    }
    return best;
}

QList<InvoiceLine> TextTableReader::linesPerVatRate(const Invoice &invoice, const QString &language)
{
    static const QHash<QString, const char *> texts = {
        {QStringLiteral("sv"), "Fakturabelopp med %1 moms"},
        {QStringLiteral("nb"), "Fakturabeløp med %1 mva"},
        {QStringLiteral("da"), "Fakturabeløb med %1 moms"},
        {QStringLiteral("fi"), "Laskun summa, alv %1"},
        {QStringLiteral("de"), "Rechnungsbetrag zu %1 USt."},
        {QStringLiteral("fr"), "Montant facturé à %1 de TVA"},
        {QStringLiteral("nl"), "Factuurbedrag tegen %1 btw"},
        {QStringLiteral("pt"), "Valor da fatura com IVA a %1"},
        {QStringLiteral("es"), "Importe facturado al %1 IVA"},
        {QStringLiteral("it"), "Importo fatturato con IVA al %1"},
    };
    QList<InvoiceLine> out;
    for (const VatBreakdown &v : invoice.vatBreakdown) {
        InvoiceLine l;
        l.id = QString::number(out.size() + 1);
        const QString rate = v.rate ? v.rate->normalized().toString() + QLatin1Char('%') : v.category;
        l.itemName = QString::fromUtf8(texts.value(language, "Invoice total at %1 VAT")).arg(rate);
        // EN 16931 keeps prices positive; a negative base is a negative quantity.
        l.quantity = v.taxableAmount.isNegative() ? Decimal(-1) : Decimal(1);
        l.unitCode = QStringLiteral("C62");
        l.netAmount = v.taxableAmount;
        l.netPrice = v.taxableAmount.abs();
        l.vatCategory = v.category.isEmpty() ? QStringLiteral("S") : v.category;
        l.vatRate = v.rate;
        out << l;
    }
    return out;
}

} // namespace einvoice

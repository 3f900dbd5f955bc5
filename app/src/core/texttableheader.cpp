#include "texttableheader.h"

#include <QRegularExpression>
#include <algorithm>

namespace einvoice::texttable {

bool isNumeric(ColumnKind k)
{
    return k == ColumnKind::Quantity || k == ColumnKind::Price || k == ColumnKind::Discount ||
           k == ColumnKind::Rate || k == ColumnKind::Amount;
}

namespace {

/// The column titles of one line, with how many of its words were titles and how many not.
Header titlesOf(const TextLine &line, int *titleWords, int *otherWordsOut)
{
    const LabelDictionary &dict = LabelDictionary::instance();
    QStringList tokens;
    QList<int> wordOf;
    for (int i = 0; i < line.words.size(); ++i)
        for (const QString &t : LabelDictionary::normalizeWord(line.words[i].text)) {
            tokens << t;
            wordOf << i;
        }
    Header h;
    int matchedWords = 0, otherWords = 0;
    double lastRight = -1e9;
    bool excluding = false; // the last word was "eks.", "exkl.", "ohne": a tax word follows
    static const QStringList exclusionWords = {
        QStringLiteral("eks"),   QStringLiteral("ekskl"), QStringLiteral("exkl"),    QStringLiteral("excl"),
        QStringLiteral("inkl"),  QStringLiteral("incl"),  QStringLiteral("ohne"),    QStringLiteral("hors"),
        QStringLiteral("sans"),  QStringLiteral("sem"),   QStringLiteral("sin"),     QStringLiteral("senza"),
        QStringLiteral("ilman"), QStringLiteral("excl."), QStringLiteral("without"), QStringLiteral("ex")};
    for (int i = 0; i < tokens.size();) {
        const std::optional<ColumnTitleMatch> m = dict.matchColumnTitle(tokens, i);
        const bool afterExclusion = excluding;
        excluding = false;
        const int first = wordOf[i];
        if (!m) {
            const int w = wordOf[i];
            while (i < tokens.size() && wordOf[i] == w)
                ++i;
            // "Beløp (NOK)", "Summa exkl.": a short qualifier right after a title widens that
            // title; a long unknown word is a title of its own that the dictionary lacks.
            const QRectF &box = line.words[w].box;
            const QString &word = line.words[w].text;
            const bool qualifier = word.size() <= 5 || word.startsWith(QLatin1Char('('));
            if (!h.columns.isEmpty() && qualifier && box.left() - lastRight < 8) {
                h.columns.last().right = std::max(h.columns.last().right, box.right());
                lastRight = box.right();
                excluding = exclusionWords.contains(tokens[i - 1]);
            } else {
                ++otherWords;
            }
            continue;
        }
        const int last = wordOf[i + m->tokenCount - 1];
        i += m->tokenCount;
        while (i < tokens.size() && wordOf[i] == last)
            ++i; // the rest of a word a title ends inside
        const double left = line.words[first].box.left();
        const double right = line.words[last].box.right();
        matchedWords += last - first + 1;
        // "Total eks. mva.", "Betrag ohne USt.": the tax word qualifies the amount title.
        const bool qualifies = afterExclusion && left - lastRight < 8;
        if (!h.columns.isEmpty() &&
            (qualifies || (h.columns.last().kind == m->kind && left - lastRight < 12)))
            h.columns.last().right = right;
        else
            h.columns.append(Column{m->kind, left, right});
        lastRight = right;
    }
    *titleWords = matchedWords;
    *otherWordsOut = otherWords;
    return h;
}

/// Settles ambiguous titles and checks that the titles make a line-table header: an amount
/// title and at least two other kinds, titles making up most of the words.
std::optional<Header> qualify(Header h, int matchedWords, int otherWords)
{
    // "Artigo | Descrição", "Artikel | Bezeichnung": of two description titles the left one
    // heads the item numbers.
    int descriptions = 0;
    for (const Column &c : h.columns)
        descriptions += c.kind == ColumnKind::Description;
    if (descriptions >= 2)
        for (Column &c : h.columns)
            if (c.kind == ColumnKind::Description) {
                c.kind = ColumnKind::Code;
                break;
            }
    // "Desc." is a discount next to a description title and the description title otherwise.
    if (!h.find(ColumnKind::Description)) {
        for (Column &c : h.columns)
            if (c.kind == ColumnKind::Discount) {
                c.kind = ColumnKind::Description;
                break;
            }
    }
    // "Á pris ... Pris": with two price titles and no amount title the right one is the amount.
    if (!h.find(ColumnKind::Amount)) {
        int prices = 0;
        for (const Column &c : h.columns)
            prices += c.kind == ColumnKind::Price;
        if (prices >= 2)
            for (int i = int(h.columns.size()) - 1; i >= 0; --i)
                if (h.columns[i].kind == ColumnKind::Price) {
                    h.columns[i].kind = ColumnKind::Amount;
                    break;
                }
    }
    QList<ColumnKind> kinds;
    for (const Column &c : h.columns)
        if (!kinds.contains(c.kind))
            kinds << c.kind;
    const bool describes = kinds.contains(ColumnKind::Description) || kinds.contains(ColumnKind::Quantity) ||
                           kinds.contains(ColumnKind::Price);
    if (!kinds.contains(ColumnKind::Amount) || !describes || kinds.size() < 3 || otherWords > matchedWords)
        return std::nullopt;
    return h;
}

} // namespace

/// The header row of a line table at @p index of @p lines. Titles printed on two or three
/// lines ("Positions-" over "betrag", "Total" over "HT") are gathered from the lines right
/// above and below a line that has most of them.
std::optional<Header> headerOf(const QList<TextLine> &lines, int index)
{
    const TextLine &line = lines[index];
    int matched = 0, other = 0;
    Header h = titlesOf(line, &matched, &other);
    if (std::optional<Header> single = qualify(h, matched, other))
        return single;
    QList<ColumnKind> own;
    for (const Column &c : h.columns)
        if (c.kind != ColumnKind::Code && !own.contains(c.kind))
            own << c.kind;
    if (own.size() < 2 || other > matched)
        return std::nullopt;
    const double reach = 2.5 * std::max(6.0, line.box.height());
    for (int j = std::max(0, index - 2); j <= std::min(int(lines.size()) - 1, index + 2); ++j) {
        const TextLine &near = lines[j];
        if (j == index || near.box.bottom() < line.box.top() - reach ||
            near.box.top() > line.box.bottom() + reach)
            continue;
        int m = 0, o = 0;
        for (const Column &c : titlesOf(near, &m, &o).columns) {
            // A title above or below one of this line's titles belongs to that column.
            const bool overlaps = std::any_of(h.columns.begin(), h.columns.end(), [&](const Column &mine) {
                return c.left < mine.right && c.right > mine.left;
            });
            if (!overlaps)
                h.columns.append(c);
        }
    }
    std::sort(h.columns.begin(), h.columns.end(),
              [](const Column &a, const Column &b) { return a.left < b.left; });
    return qualify(h, matched, other);
}

/// A totals or summary line ends the table: a totals label opening the line or one of its
/// segments right of the descriptions ("Sats  Grunnlag ... Grunnlag 18.860,00").
bool isTotalsLine(const TextLine &line, double descriptionEnd)
{
    // Further right, a label counts only on a line with an amount: titles printed on two lines
    // ("Positions-betrag ohne USt.") are no totals.
    const bool hasDigit = std::any_of(line.words.begin(), line.words.end(), [](const TextWord &w) {
        return std::any_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isDigit(); });
    });
    for (const TextSegment &s : line.segments) {
        if (s.firstWord > 0 && (s.box.left() < descriptionEnd || !hasDigit))
            continue;
        QStringList words;
        for (int i = s.firstWord; i < line.words.size(); ++i)
            words << line.words[i].text;
        const std::optional<LabelMatch> m = LabelDictionary::instance().matchStart(words);
        if (!m)
            continue;
        switch (m->kind) {
        case LabelKind::NetTotal:
        case LabelKind::VatTotal:
        case LabelKind::GrossTotal:
        case LabelKind::AmountDue:
        case LabelKind::Rounding:
        case LabelKind::Prepaid:
        case LabelKind::LineTotal:
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace einvoice::texttable

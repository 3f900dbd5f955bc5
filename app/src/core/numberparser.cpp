#include "numberparser.h"

#include <optional>

namespace einvoice {

namespace {

// ASCII classes, as \w, \s and \d are in QRegularExpression by default.
bool isAsciiWord(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool isAsciiSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || (u >= '\t' && u <= '\r');
}

// One number, found as the pattern
//   (?<![\w.,])(\(?)([-−+]?)\s?
//   ((?:\d{1,3}(?:[ sep]\d{3})+|\d+)(?:[.,]\d{1,6})?)(?!\d)
//   (-(?![\d\w])|)(\)?)(\s?%)?
// finds it (ASCII \w, \s, \d; group separators: spaces, no-break spaces, '.', ',', apostrophes),
// by hand: the reader runs without a JIT, and PCRE tried every position of every line.
struct NumberMatch
{
    qsizetype start = 0, end = 0;         // the whole match
    qsizetype bodyStart = 0, bodyEnd = 0; // digits, separators and decimals
    bool openParen = false;
    QChar sign; // '-', U+2212, '+' or null
    bool trailingMinus = false;
    bool closeParen = false;
    bool percent = false;
};

bool isDigit(QStringView s, qsizetype i)
{
    return i < s.size() && s[i] >= u'0' && s[i] <= u'9';
}

bool isSpace(QStringView s, qsizetype i)
{
    return i < s.size() && isAsciiSpace(s[i]);
}

bool isWordChar(QStringView s, qsizetype i)
{
    return i < s.size() && isAsciiWord(s[i]);
}

bool isGroupSeparator(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == 0x00a0 || u == 0x202f || u == 0x2009 || u == u'.' || u == u',' || u == u'\'' ||
           u == 0x2019;
}

// Where an optional decimal part `[.,]\d{1,6}` at @p at ends so that no digit follows, or -1.
qsizetype decimalsEnd(QStringView s, qsizetype at)
{
    if (at >= s.size() || (s[at] != u'.' && s[at] != u','))
        return -1;
    qsizetype n = 0;
    while (isDigit(s, at + 1 + n))
        ++n;
    return n >= 1 && n <= 6 ? at + 1 + n : -1;
}

// The end of the number body starting at @p q (a digit), trying the alternatives in the order
// PCRE does; the second one always succeeds.
qsizetype bodyEnd(QStringView s, qsizetype q)
{
    qsizetype run = 0;
    while (isDigit(s, q + run))
        ++run;
    // \d{1,3}(?:[sep]\d{3})+ : only the whole leading run can be followed by a separator.
    if (run <= 3) {
        const qsizetype x = q + run;
        qsizetype groups = 0;
        while (x + 4 * groups < s.size() && isGroupSeparator(s[x + 4 * groups]) &&
               isDigit(s, x + 4 * groups + 1) && isDigit(s, x + 4 * groups + 2) &&
               isDigit(s, x + 4 * groups + 3))
            ++groups;
        for (qsizetype m = groups; m >= 1; --m) {
            const qsizetype y = x + 4 * m;
            if (const qsizetype d = decimalsEnd(s, y); d >= 0)
                return d;
            if (!isDigit(s, y))
                return y;
        }
    }
    // \d+ takes the whole run; then the decimals when no digit follows them.
    const qsizetype y = q + run;
    if (const qsizetype d = decimalsEnd(s, y); d >= 0)
        return d;
    return y;
}

std::optional<NumberMatch> matchNumberAt(QStringView s, qsizetype p)
{
    if (p > 0 && (isWordChar(s, p - 1) || s[p - 1] == u'.' || s[p - 1] == u','))
        return std::nullopt;
    NumberMatch m;
    m.start = p;
    qsizetype i = p;
    if (i < s.size() && s[i] == u'(') {
        m.openParen = true;
        ++i;
    }
    if (i < s.size() && (s[i] == u'-' || s[i] == QChar(0x2212) || s[i] == u'+'))
        m.sign = s[i++];
    if (isSpace(s, i))
        ++i;
    if (!isDigit(s, i))
        return std::nullopt;
    m.bodyStart = i;
    m.bodyEnd = i = bodyEnd(s, i);
    if (i < s.size() && s[i] == u'-' && !isWordChar(s, i + 1)) {
        m.trailingMinus = true;
        ++i;
    }
    if (i < s.size() && s[i] == u')') {
        m.closeParen = true;
        ++i;
    }
    if (i < s.size() && s[i] == u'%') {
        m.percent = true;
        ++i;
    } else if (isSpace(s, i) && i + 1 < s.size() && s[i + 1] == u'%') {
        m.percent = true;
        i += 2;
    }
    m.end = i;
    return m;
}

// The leftmost number at or after @p from.
std::optional<NumberMatch> nextNumber(QStringView s, qsizetype from)
{
    for (qsizetype p = from; p < s.size(); ++p)
        if (auto m = matchNumberAt(s, p))
            return m;
    return std::nullopt;
}

// Pattern-free versions of `([€$£]|\b[A-Za-z]{2,3}\.?)\s?$` and `^\s?([€$£]|[A-Za-z]{2,3}\b\.?)`.
// They run for every number of every line; without a JIT, an end-anchored pattern tried the
// whole line before it.
bool isCurrencySymbol(QChar c)
{
    return c == QChar(0x20AC) || c == QLatin1Char('$') || c == QChar(0x00A3);
}

// Two or three ASCII letters standing alone (ASCII word boundaries on both sides).
bool isShortCode(QStringView s, qsizetype from, qsizetype to)
{
    const qsizetype n = to - from;
    if (n < 2 || n > 3)
        return false;
    for (qsizetype i = from; i < to; ++i)
        if (!isAsciiLetter(s[i]))
            return false;
    return (from == 0 || !isAsciiWord(s[from - 1])) && (to == s.size() || !isAsciiWord(s[to]));
}

QStringView currencyTokenBefore(QStringView s)
{
    qsizetype end = s.size();
    if (end > 0 && isAsciiSpace(s[end - 1]))
        --end;
    if (end == 0)
        return {};
    if (isCurrencySymbol(s[end - 1]))
        return s.mid(end - 1, 1);
    const qsizetype tokenEnd = end;
    if (s[end - 1] == QLatin1Char('.'))
        --end;
    qsizetype start = end;
    while (start > 0 && end - start < 4 && isAsciiWord(s[start - 1]))
        --start;
    return isShortCode(s, start, end) ? s.mid(start, tokenEnd - start) : QStringView();
}

QStringView currencyTokenAfter(QStringView s)
{
    qsizetype start = 0;
    if (start < s.size() && isAsciiSpace(s[start]))
        ++start;
    if (start == s.size())
        return {};
    if (isCurrencySymbol(s[start]))
        return s.mid(start, 1);
    qsizetype end = start;
    while (end < s.size() && end - start < 4 && isAsciiWord(s[end]))
        ++end;
    if (!isShortCode(s, start, end))
        return {};
    if (end < s.size() && s[end] == QLatin1Char('.'))
        ++end;
    return s.mid(start, end - start);
}

} // namespace

QString NumberParser::currencyCode(const QString &token)
{
    const QString t = token.trimmed().toUpper().remove(QLatin1Char('.'));
    if (t == QStringLiteral("€") || t == QStringLiteral("EUR") || t == QStringLiteral("EURO") ||
        t == QStringLiteral("EUROS"))
        return QStringLiteral("EUR");
    if (t == QStringLiteral("$") || t == QStringLiteral("USD") || t == QStringLiteral("US$"))
        return QStringLiteral("USD");
    if (t == QStringLiteral("£") || t == QStringLiteral("GBP"))
        return QStringLiteral("GBP");
    static const QStringList iso = {QStringLiteral("SEK"), QStringLiteral("NOK"), QStringLiteral("DKK"),
                                    QStringLiteral("CHF"), QStringLiteral("PLN"), QStringLiteral("CZK"),
                                    QStringLiteral("HUF"), QStringLiteral("ISK"), QStringLiteral("JPY"),
                                    QStringLiteral("CAD"), QStringLiteral("AUD"), QStringLiteral("INR")};
    if (iso.contains(t))
        return t;
    if (t == QStringLiteral("KR") || t == QStringLiteral("KRONER") || t == QStringLiteral("KRONOR"))
        return QStringLiteral("kr"); // Scandinavian crown, country decided by the caller
    if (t == QStringLiteral("₹") || t == QStringLiteral("RS"))
        return QStringLiteral("INR");
    return {};
}

NumberParser::DecimalMark NumberParser::guessMark(const QString &documentText)
{
    // Counts `\d,\d{2}(?!\d)` and `\d\.\d{2}(?!\d)` (overlapping, as QString::count(pattern)
    // would) in one pass over the document instead of two pattern searches.
    auto digit = [&](qsizetype i) {
        return i < documentText.size() && documentText[i] >= u'0' && documentText[i] <= u'9';
    };
    qsizetype c = 0, p = 0;
    for (qsizetype i = 0; i + 3 < documentText.size(); ++i) {
        const QChar mark = documentText[i + 1];
        if ((mark == u',' || mark == u'.') && digit(i) && digit(i + 2) && digit(i + 3) && !digit(i + 4))
            ++(mark == u',' ? c : p);
    }
    if (c == p)
        return DecimalMark::Unknown;
    return c > p ? DecimalMark::Comma : DecimalMark::Point;
}

std::optional<Decimal> NumberParser::parseDigits(QString body, bool *hasDecimals) const
{
    // Group separators: spaces of several widths and apostrophes ("1'234.56").
    body.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return u == u' ' || u == 0x00a0 || u == 0x202f || u == 0x2009 || u == u'\'' || u == 0x2019;
    });
    const int lastComma = int(body.lastIndexOf(QLatin1Char(',')));
    const int lastPoint = int(body.lastIndexOf(QLatin1Char('.')));
    int decimalAt = -1;
    if (lastComma >= 0 && lastPoint >= 0) {
        decimalAt = std::max(lastComma, lastPoint); // the last mark is the decimal one
    } else if (lastComma >= 0 || lastPoint >= 0) {
        const QChar mark = lastComma >= 0 ? QLatin1Char(',') : QLatin1Char('.');
        const int at = std::max(lastComma, lastPoint);
        const int digitsAfter = int(body.size()) - at - 1;
        if (body.count(mark) > 1) {
            decimalAt = -1; // repeated: grouping
        } else if (digitsAfter != 3) {
            decimalAt = at;
        } else {
            // `1.234` / `1,234`: the document's own decimal mark decides; a leading zero
            // (`0,125`) can only be a fraction.
            const bool markIsDecimal = (mark == QLatin1Char(',') && m_mark == DecimalMark::Comma) ||
                                       (mark == QLatin1Char('.') && m_mark == DecimalMark::Point);
            const bool markIsGrouping = (mark == QLatin1Char(',') && m_mark == DecimalMark::Point) ||
                                        (mark == QLatin1Char('.') && m_mark == DecimalMark::Comma);
            if (body.startsWith(QLatin1Char('0')) || markIsDecimal)
                decimalAt = at;
            else if (markIsGrouping || m_mark == DecimalMark::Unknown)
                decimalAt = -1;
        }
    }
    QString plain;
    for (int i = 0; i < body.size(); ++i) {
        if (body[i].isDigit())
            plain += body[i];
        else if (i == decimalAt)
            plain += QLatin1Char('.');
    }
    if (hasDecimals)
        *hasDecimals = decimalAt >= 0;
    return Decimal::parse(plain);
}

QList<FoundNumber> NumberParser::findAll(const QString &text) const
{
    QList<FoundNumber> out;
    for (auto m = nextNumber(text, 0); m; m = nextNumber(text, m->end)) {
        FoundNumber f;
        bool dec = false;
        const auto v = parseDigits(text.mid(m->bodyStart, m->bodyEnd - m->bodyStart), &dec);
        if (!v)
            continue;
        const bool paren = m->openParen && m->closeParen;
        const bool negative = !m->sign.isNull() && m->sign != u'+';
        f.value = (negative || m->trailingMinus || paren) ? -*v : *v;
        f.hasDecimals = dec;
        f.percent = m->percent;
        f.start = int(m->start);
        f.length = int(m->end - m->start);
        // A currency symbol or code right before or after the number.
        const QStringView before = currencyTokenBefore(QStringView(text).left(f.start));
        if (!before.isEmpty())
            f.currency = currencyCode(before.toString());
        if (f.currency.isEmpty()) {
            const QStringView after = currencyTokenAfter(QStringView(text).mid(f.start + f.length));
            if (!after.isEmpty())
                f.currency = currencyCode(after.toString());
        }
        out.append(f);
    }
    return out;
}

std::optional<Decimal> NumberParser::parse(const QString &text) const
{
    QString t = text.trimmed();
    const auto found = findAll(t);
    if (found.size() != 1)
        return std::nullopt;
    const FoundNumber &f = found.first();
    // Everything around the number must be a currency or a sign.
    QString rest = t.left(f.start) + t.mid(f.start + f.length);
    rest = rest.trimmed();
    if (!rest.isEmpty() && currencyCode(rest).isEmpty())
        return std::nullopt;
    if (f.percent)
        return std::nullopt;
    return f.value;
}

} // namespace einvoice

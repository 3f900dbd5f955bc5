#include "dateparser.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace einvoice {

namespace {

// Full month names per language, January first.
const char *const kMonthNames[] = {
    // en
    "january february march april may june july august september october november december",
    // sv
    "januari februari mars april maj juni juli augusti september oktober november december",
    // nb / nn
    "januar februar mars april mai juni juli august september oktober november desember",
    // da
    "januar februar marts april maj juni juli august september oktober november december",
    // fi (nominative; the partitive "-ta" used in dates is stripped before the lookup)
    "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu "
    "joulukuu",
    // de (and Austrian Jänner)
    "januar februar märz april mai juni juli august september oktober november dezember",
    "jänner februar maerz april mai juni juli august september oktober november dezember",
    // fr
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    // nl
    "januari februari maart april mei juni juli augustus september oktober november december",
    // es
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre diciembre",
    // pt
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
    // it
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
};

QHash<QString, int> buildMonthTable()
{
    QHash<QString, int> full;
    QHash<QString, QList<int>> prefixes;
    for (const char *row : kMonthNames) {
        const QStringList names = QString::fromUtf8(row).split(QLatin1Char(' '));
        const bool finnish = names.first().startsWith(QStringLiteral("tammi"));
        for (int m = 0; m < names.size(); ++m) {
            full.insert(names[m], m + 1);
            if (!finnish) // Finnish three-letter prefixes collide (mar-raskuu is November)
                for (int len = 3; len <= 4 && len < names[m].size(); ++len)
                    prefixes[names[m].left(len)].append(m + 1);
        }
    }
    QHash<QString, int> table = full;
    // Abbreviations are accepted only where every language agrees on the month.
    for (auto it = prefixes.begin(); it != prefixes.end(); ++it) {
        const QList<int> &ms = it.value();
        if (std::all_of(ms.begin(), ms.end(), [&](int m) { return m == ms.first(); }) &&
            !table.contains(it.key()))
            table.insert(it.key(), ms.first());
    }
    const std::pair<const char *, int> extra[] = {{"sept", 9}, {"mrz", 3},  {"févr", 2}, {"janv", 1},
                                                  {"juil", 7}, {"juin", 6}, {"okt", 10}, {"des", 12}};
    for (const auto &e : extra)
        table.insert(QString::fromUtf8(e.first), e.second);
    return table;
}

int validYear(int y)
{
    if (y < 100)
        y += 2000;
    return (y >= 1990 && y <= 2100) ? y : 0;
}

} // namespace

int DateParser::monthFromName(const QString &word)
{
    static const QHash<QString, int> table = buildMonthTable();
    QString w = word.toLower();
    while (w.endsWith(QLatin1Char('.')))
        w.chop(1);
    if (auto it = table.find(w); it != table.end())
        return it.value();
    if (w.endsWith(QStringLiteral("kuuta"))) // Finnish partitive: maaliskuuta
        if (auto it = table.find(w.left(w.size() - 2)); it != table.end())
            return it.value();
    return 0;
}

QList<FoundDate> DateParser::findAll(const QString &text) const
{
    QList<FoundDate> out;
    auto add = [&](const QDate &d, qsizetype start, qsizetype len, bool written) {
        if (!d.isValid())
            return;
        for (const FoundDate &f : out)
            if (start < f.start + f.length && f.start < start + len)
                return; // overlaps an earlier, more specific match
        out.append(FoundDate{d, int(start), int(len), written});
    };
    static const QRegularExpression iso(
        QStringLiteral("(?<![\\d.,/-])(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})(?!\\d|[.,]\\d)"));
    static const QRegularExpression numeric(QStringLiteral(
        "(?<![\\d.,/-])(\\d{1,2})\\s?([-./])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?!\\d|[.,]\\d)"));
    static const QRegularExpression dayMonth(
        QStringLiteral("(?<![\\d\\w])(\\d{1,2})\\.?(?:\\s*de(?=\\s))?[\\s-]*(\\p{L}{3,12}\\.?),?(?:\\s*de(?="
                       "\\s))?[\\s-]*(\\d{4})(?!\\d)"));
    static const QRegularExpression monthDay(
        QStringLiteral("(?<!\\w)(\\p{L}{3,12})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s?,?\\s+(\\d{4})(?!\\d)"));
    static const QRegularExpression compact(
        QStringLiteral("(?<![\\d\\w])(20\\d{2})(\\d{2})(\\d{2})(?![\\d\\w])"));

    // Every form needs four digits, and all but the numeric one a run of four: a line without
    // them is not searched (no JIT here, and each pattern tries every position of the line).
    int digits = 0, run = 0, longestRun = 0;
    for (QChar c : text) {
        if (c.isDigit()) {
            ++digits;
            longestRun = std::max(longestRun, ++run);
        } else {
            run = 0;
        }
    }
    if (digits < 4)
        return out;
    const bool yearRun = longestRun >= 4;

    for (auto it = yearRun ? iso.globalMatch(text) : QRegularExpressionMatchIterator(); it.hasNext();) {
        const auto m = it.next();
        add(QDate(validYear(m.captured(1).toInt()), m.captured(3).toInt(), m.captured(4).toInt()),
            m.capturedStart(0), m.capturedLength(0), false);
    }
    for (auto it = yearRun ? dayMonth.globalMatch(text) : QRegularExpressionMatchIterator(); it.hasNext();) {
        const auto m = it.next();
        const int month = monthFromName(m.captured(2));
        if (month > 0)
            add(QDate(validYear(m.captured(3).toInt()), month, m.captured(1).toInt()), m.capturedStart(0),
                m.capturedLength(0), true);
    }
    for (auto it = yearRun ? monthDay.globalMatch(text) : QRegularExpressionMatchIterator(); it.hasNext();) {
        const auto m = it.next();
        const int month = monthFromName(m.captured(1));
        if (month > 0)
            add(QDate(validYear(m.captured(3).toInt()), month, m.captured(2).toInt()), m.capturedStart(0),
                m.capturedLength(0), true);
    }
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        int a = m.captured(1).toInt(), b = m.captured(3).toInt();
        const int y = validYear(m.captured(4).toInt());
        // Day first unless the document is US English; a first number above 12 can only be a
        // day and a second one above 12 only a day, whatever the hint says.
        bool monthFirst = m_monthFirst && m.captured(2) == QLatin1String("/");
        if (a > 12)
            monthFirst = false;
        else if (b > 12)
            monthFirst = true;
        if (monthFirst)
            std::swap(a, b);
        add(QDate(y, b, a), m.capturedStart(0), m.capturedLength(0), false);
    }
    for (auto it = longestRun >= 8 ? compact.globalMatch(text) : QRegularExpressionMatchIterator();
         it.hasNext();) {
        const auto m = it.next();
        add(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()), m.capturedStart(0),
            m.capturedLength(0), false);
    }
    std::sort(out.begin(), out.end(),
              [](const FoundDate &x, const FoundDate &y) { return x.start < y.start; });
    return out;
}

QDate DateParser::parse(const QString &text) const
{
    const QString t = text.trimmed();
    const auto found = findAll(t);
    if (found.size() != 1)
        return {};
    const FoundDate &f = found.first();
    const QString rest = (t.left(f.start) + t.mid(f.start + f.length)).trimmed();
    if (!rest.isEmpty() && rest != QLatin1String(",") && rest != QLatin1String("."))
        return {};
    return f.date;
}

} // namespace einvoice

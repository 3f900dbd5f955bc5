#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace einvoice {

/// A date found inside a piece of text.
struct FoundDate
{
    QDate date;
    int start = 0;
    int length = 0;
    bool writtenMonth = false;
};

/// Reads dates as invoices print them: ISO `2026-03-14`, numeric day-first
/// `14.03.2026` / `14.3.2026` / `14/03/2026` / `14-03-2026` / `14.03.26`, US month-first when
/// the day cannot be a month or the hint says so, and written months in English, Swedish,
/// Norwegian, Danish, Finnish, German, French, Dutch, Spanish, Portuguese and Italian
/// (`14 mars 2026`, `14. marts 2026`, `March 14, 2026`, `14 de março de 2026`, `14-Mar-2026`).
class DateParser
{
public:
    /// @p monthFirst: the document is US English, so `03/04/2026` is March 4.
    explicit DateParser(bool monthFirst = false) : m_monthFirst(monthFirst) {}

    /// The whole text must be one date.
    QDate parse(const QString &text) const;
    /// Every date in @p text, left to right.
    QList<FoundDate> findAll(const QString &text) const;
    /// 1..12 for a month name or abbreviation in any supported language, 0 otherwise.
    static int monthFromName(const QString &word);

private:
    bool m_monthFirst;
};

} // namespace einvoice

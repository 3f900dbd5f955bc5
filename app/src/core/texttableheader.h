#pragma once

#include "labeldictionary.h"
#include "pdftextlayout.h"

#include <QList>
#include <optional>

// Internal to TextTableReader: the header row of a line table and where the table ends.

namespace einvoice::texttable {

struct Column
{
    ColumnKind kind;
    double left;
    double right;
    double center() const { return (left + right) / 2; }
};

struct Header
{
    QList<Column> columns;
    const Column *find(ColumnKind kind) const
    {
        // The right-most column of a kind: "Netto ... Summa" prints the line amount last.
        const Column *found = nullptr;
        for (const Column &c : columns)
            if (c.kind == kind)
                found = &c;
        return found;
    }
};

bool isNumeric(ColumnKind k);

/// The header row of a line table at @p index of @p lines: an amount title and at least two other
/// kinds of titles. Titles printed on two or three lines are gathered from the lines around it.
std::optional<Header> headerOf(const QList<TextLine> &lines, int index);

/// A totals or summary line ends the table: a totals label opening the line or one of its
/// segments right of the descriptions (those only on a line with an amount).
bool isTotalsLine(const TextLine &line, double descriptionEnd);

} // namespace einvoice::texttable

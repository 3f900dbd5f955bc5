#pragma once

#include "invoice.h"
#include "numberparser.h"
#include "pdftextlayout.h"

#include <QList>
#include <QString>

namespace einvoice {

/// What LineItemReader found in the line table of a printed invoice.
struct LineItemResult
{
    QList<InvoiceLine> lines; // in page order, ids "1", "2", ...
    bool tableFound = false;  // a header row of a line table was recognised
    Decimal sum;              // sum of the line amounts read
    int page = -1;            // page of the first row
};

/// Reads invoice lines from the table of a printed invoice without a template: finds the header
/// row by its column titles (description, quantity, unit, price, VAT rate, amount in twelve
/// languages), takes the column positions from it, and reads the rows below it on every page
/// that repeats the header, until the totals. The amount of a row is its right-most amount, the
/// quantity the number under the quantity title, the description the text under the description
/// title. Whether the lines are right is for the caller to decide against the printed totals.
/// Stateless; any thread.
class LineItemReader
{
public:
    static LineItemResult read(const PdfTextLayout &layout, const NumberParser &numbers);
    /// One line per VAT rate carrying that rate's taxable amount: the fallback that keeps an
    /// e-invoice arithmetically right when its printed lines cannot be read.
    static QList<InvoiceLine> linesPerVatRate(const Invoice &invoice, const QString &language);
};

} // namespace einvoice

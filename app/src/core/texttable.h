#pragma once

#include "invoice.h"
#include "labeldictionary.h"
#include "numberparser.h"
#include "pdftextlayout.h"

#include <QList>
#include <QString>

namespace einvoice {

/// What TextTableReader found in the line table of a printed invoice.
struct TextTable
{
    QList<InvoiceLine> lines; // page order, ids "1", "2", ...; amounts signed as printed
    bool headerFound = false; // a header row of a line table was recognised
    Decimal sum;              // sum of the line amounts read
    int page = -1;            // page of the first row
    /// Rows whose quantity x unit price (less a discount) differs from the printed amount.
    int inconsistentRows = 0;
    /// Amount columns the header had ("Subtotal ... VAT ... Total"): the caller may read the
    /// table again with another one when the right-most does not add up.
    int amountColumns = 0;
    /// Rows whose printed quantity x unit price gives their amount.
    int pricedRows = 0;
    /// Rows under the item rows that are document level allowances or charges ("REMISE :
    /// REMISE COMMERCIALE  -5,00", "Zuschlag  10,00"): amounts signed as printed, so an
    /// allowance carries the opposite sign of the items.
    QList<AllowanceCharge> allowanceCharges;
};

/// Reads invoice lines from the table of a printed invoice without a template.
///
/// The header row is found by its column titles (LabelDictionary::matchColumnTitle, twelve
/// languages); the title boxes give the columns. Rows below it are read until a totals label or
/// a wide gap, on every page that repeats the header. A row is a line that has an amount under
/// the amount title and a description; lines of text only, right below a row, continue its
/// description. Quantity and unit price are taken from their columns and checked against the
/// amount (quantity x price, less a discount); when the columns do not say, the pair of numbers
/// that multiplies to the amount is taken. Whether the lines add up to the totals is for the
/// caller to decide. Stateless apart from the number style; any thread.
class TextTableReader
{
public:
    explicit TextTableReader(const NumberParser &numbers) : m_numbers(numbers) {}

    /// Reads the table; @p amountColumn counts amount columns from the right (0: the right-most).
    TextTable read(const PdfTextLayout &layout, int amountColumn = 0) const;

    /// Rows of a table without a recognised header: lines "description [quantity] amount" whose
    /// descriptions start and amounts end in the same columns, next to each other, adding up
    /// to @p net (or minus it). The first such run; empty when none adds up.
    TextTable readAmountRows(const PdfTextLayout &layout, const Decimal &net) const;

    /// Sub-invoice lines (ZUGFeRD EXTENDED bundles and groups): a row whose amount is the sum of
    /// the rows right below it (a bundle) or right above it (a subtotal) is their parent. When
    /// such a nesting makes the top-level rows add up to @p net, the children get parentLineId
    /// and true is returned; otherwise @p lines stay as they are.
    static bool nestSubLines(QList<InvoiceLine> &lines, const Decimal &net);

    /// UN/ECE Rec 20 code for a printed unit (`st`, `tim`, `kg`, `mnd`, ...); C62 when unknown.
    static QString unitCode(const QString &printed);
    /// One line per VAT rate carrying that rate's taxable amount, named in @p language (ISO 639-1):
    /// the fallback that keeps an e-invoice arithmetically right when its lines cannot be read.
    static QList<InvoiceLine> linesPerVatRate(const Invoice &invoice, const QString &language);
    /// The document's language guessed from characteristic words ("en" when nothing matches).
    static QString guessLanguage(const QString &documentText);

private:
    NumberParser m_numbers;
};

} // namespace einvoice

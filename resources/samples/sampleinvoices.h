#pragma once

#include "invoice.h"

#include <QColor>
#include <QList>
#include <QString>

namespace einvoice::samples {

/// The words and number/date formats one sample invoice is printed with.
struct Labels
{
    QString locale;     // QLocale name for numbers ("sv_SE", "de_DE", ...)
    QString dateFormat; // QDate::toString format
    QString title;      // "INVOICE" / "FAKTURA" / "RECHNUNG" ...
    QString invoiceNumber, issueDate, dueDate, buyerReference, orderReference;
    QString billTo, description, quantity, unit, unitPrice, vatRate, amount;
    QString vatSummary, taxable, vat, totalNet, totalVat, totalGross, amountDue;
    QString payment, iban, bic, paymentReference, paymentTerms;
    QString vatId, orgNumber, page, precedingInvoice;
};

/// Where the e-invoice travels with the PDF.
enum class Embed
{
    None,
    Cii,
    Ubl
};

/// One sample: the invoice model, how it is printed and what is embedded.
struct Sample
{
    QString name; // file base name, e.g. "sv-faktura"
    Invoice invoice;
    Labels labels;
    int layout = 0; // 0 classic, 1 banded
    QColor accent;
    Embed embed = Embed::None;
    QString embeddedName; // attachment name when embedded
};

/// All samples, built in code with fixed dates and valid identifiers (check digits computed).
QList<Sample> allSamples();

} // namespace einvoice::samples

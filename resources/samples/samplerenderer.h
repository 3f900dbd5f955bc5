#pragma once

#include "sampleinvoices.h"

#include <QByteArray>
#include <QString>

namespace einvoice::samples {

/// Renders a sample as a one-page A4 PDF with QPdfWriter: seller block, buyer block, number and
/// dates, line table, VAT summary, totals and payment details, in the sample's language and
/// layout. Output is deterministic (the creation dates QPdfWriter stamps are replaced by the
/// invoice date). Needs a QGuiApplication.
QByteArray renderPdf(const Sample &sample, QString *error);

} // namespace einvoice::samples

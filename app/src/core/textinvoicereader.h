#pragma once

#include "extractionresult.h"
#include "invoiceextractor.h"
#include "pdftextlayout.h"

namespace einvoice {

/// The generic, template-free reader of printed invoices: implements TextInvoiceReader for
/// InvoiceExtractor.
///
/// Values are found right of or below their labels (LabelDictionary, twelve languages) by page
/// geometry; amounts and dates are read in every locale style; VAT ids, org numbers and IBANs
/// are accepted only with a valid check digit; net + VAT = gross and the VAT breakdown
/// (base x rate = tax) choose among candidate totals. Every field gets a FieldEvidence. The
/// result is ready only when all required fields are confident and the totals add up.
/// Stateless; any thread.
class GenericTextInvoiceReader : public TextInvoiceReader
{
public:
    ExtractionResult read(const QString &pdfPath) override;
    /// Reads an already loaded layout (tests, other text sources).
    static ExtractionResult readLayout(const PdfTextLayout &layout, const QString &path = QString());
};

} // namespace einvoice

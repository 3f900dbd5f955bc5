#pragma once

#include "extractionresult.h"
#include "invoiceextractor.h"
#include "pdftextlayout.h"

#include <functional>
#include <memory>

namespace einvoice {

struct LayoutTemplate;
class TemplateStore;

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
    /// Takes the words from @p reader, already open on @p pdfPath (one parse per file).
    ExtractionResult read(const QString &pdfPath, const PdfReader &reader) override;
    /// Reads an already loaded layout (tests, other text sources), with a learned layout when given.
    static ExtractionResult readLayout(const PdfTextLayout &layout, const QString &path = QString(),
                                       const LayoutTemplate *layoutTemplate = nullptr);
    /// Layouts learned from corrections; a matching one is applied on top of the generic reading.
    void setTemplates(std::shared_ptr<const TemplateStore> store) { m_templates = std::move(store); }

private:
    ExtractionResult readFrom(const QString &pdfPath, const PdfTextLayout &layout);

    std::shared_ptr<const TemplateStore> m_templates;
};

} // namespace einvoice

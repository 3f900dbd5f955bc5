#pragma once

#include "extractionresult.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace einvoice {

class PdfReader;

/// Reads the invoice from the printed text of a PDF that carries no e-invoice. Implemented by
/// the text reader; plugged into InvoiceExtractor so callers do not change when it arrives.
class TextInvoiceReader
{
public:
    virtual ~TextInvoiceReader() = default;
    /// Reads @p pdfPath (already known to open). The result's reviewReasons explain what is missing.
    virtual ExtractionResult read(const QString &pdfPath) = 0;
    /// The same with the document already open in @p reader, which a reader may use instead of
    /// opening the file again.
    virtual ExtractionResult read(const QString &pdfPath, const PdfReader &reader)
    {
        Q_UNUSED(reader);
        return read(pdfPath);
    }
};

/// The engine behind `einvoice extract`: turns a document into an ExtractionResult.
///
/// - PDF with an embedded e-invoice (Factur-X, ZUGFeRD, XRechnung, UBL): the XML wins; every
///   present field gets confidence 1.0 and source EmbeddedXml; ready when the EN 16931 rules
///   (without the Peppol rules) find no fatal error.
/// - PDF without one: the TextInvoiceReader, when set; otherwise not ready with a reason.
/// - UBL or CII XML file: read directly, like an embedded one.
///
/// One extractor may be used for many files; extract() is const but the text reader it calls
/// may not be thread-safe, so use one extractor per thread.
class InvoiceExtractor
{
public:
    using PdfReaderFactory = std::function<std::unique_ptr<PdfReader>()>;

    InvoiceExtractor();

    void setTextReader(std::shared_ptr<TextInvoiceReader> reader) { m_textReader = std::move(reader); }
    /// Reads the printed text even when an e-invoice is attached (to compare, or to test the reader).
    void setIgnoreEmbedded(bool ignore) { m_ignoreEmbedded = ignore; }
    /// Replaces the Poppler reader (tests).
    void setPdfReaderFactory(PdfReaderFactory factory) { m_pdfReaderFactory = std::move(factory); }

    /// Reads @p path. Returns nothing when the file cannot be read at all (missing, empty, not a
    /// PDF or XML, damaged, encrypted, not an e-invoice); @p error then names the file and the
    /// problem. A result that is not ready says why in its reviewReasons.
    std::optional<ExtractionResult> extract(const QString &path, QString *error = nullptr) const;

    /// Fills @p result from an e-invoice read from XML (embedded or a file): evidence for every
    /// present field, validation, ready flag, review reasons.
    static void fillFromXml(ExtractionResult &result, const Invoice &invoice, Syntax syntax);

private:
    std::optional<ExtractionResult> extractPdf(const QString &path, QString *error) const;
    std::optional<ExtractionResult> extractXml(const QString &path, const QByteArray &data,
                                               QString *error) const;

    std::shared_ptr<TextInvoiceReader> m_textReader;
    PdfReaderFactory m_pdfReaderFactory;
    bool m_ignoreEmbedded = false;
};

} // namespace einvoice

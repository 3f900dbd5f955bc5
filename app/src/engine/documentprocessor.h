#pragma once

#include "extractionresult.h"
#include "jobjournal.h"
#include "pdfsnapshotsource.h"
#include "senderprofile.h"
#include "validator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

namespace einvoice {

/// What processing one captured document produced.
struct ProcessedDocument
{
    bool readable = false; ///< false: not an invoice at all (error says why); the job fails
    QString error;         ///< user-visible; names the file and the problem
    ExtractionResult extraction;
    Invoice invoice; ///< as it will be sent: profile applied, original PDF attached
    QList<RuleFailure> failures;
    QByteArray xml;     ///< the e-invoice; empty while fatal rules fail
    QString syntax;     ///< "ubl" or "cii"
    bool ready = false; ///< confident and valid: may be sent without a person looking
    QStringList reviewReasons;
    JobDisplay display;
};

/// Turns one captured document into the e-invoice to send: reads it (embedded XML, then a
/// learned layout template, then the generic text reader), fills what the sender profile knows,
/// attaches the original PDF, validates against EN 16931 and (for UBL) Peppol BIS 3, and
/// writes UBL or CII. The same steps serve the pipeline's workers, the CLI and the tray's
/// "apply correction".
///
/// Stateless apart from its settings; process() may run on several threads at once (each call
/// builds its own reader, as Poppler documents are per thread).
class DocumentProcessor
{
public:
    explicit DocumentProcessor(QString templateDir = {}) : m_templateDir(std::move(templateDir)) {}

    /// Where Poppler's part of reading runs: the agent gives a PdfWorkerPool (a separate process
    /// with time and memory bounds); unset, PDFs are read in this process. Set before use.
    void setPdfSource(std::shared_ptr<PdfSnapshotSource> source) { m_pdfSource = std::move(source); }

    /// @p displayName is the document's name for messages (the original file or print title).
    ProcessedDocument process(const QString &path, const SenderProfile &profile,
                              const QString &displayName) const;
    /// Rebuilds from an invoice a person corrected (no reading): profile, attachment, rules, XML.
    ProcessedDocument rebuild(const ProcessedDocument &previous, const Invoice &corrected,
                              const SenderProfile &profile, const QByteArray &originalPdf) const;

    static JobDisplay displayOf(const Invoice &invoice);

private:
    void finish(ProcessedDocument &doc, const SenderProfile &profile, const QByteArray &pdf,
                const QString &displayName) const;
    QString m_templateDir;
    std::shared_ptr<PdfSnapshotSource> m_pdfSource;
};

} // namespace einvoice

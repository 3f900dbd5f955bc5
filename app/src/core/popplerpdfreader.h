#pragma once

#include "pdfreader.h"

#include <memory>

namespace poppler {
class document;
}

namespace einvoice {

/// PdfReader on poppler-cpp.
///
/// poppler-cpp only lists the files of the document's EmbeddedFiles name tree. Factur-X,
/// ZUGFeRD and XRechnung PDFs reference their XML both from the name tree and from the
/// catalog's /AF array (PDF/A-3 requires the name tree entry for Factur-X), so the name tree
/// finds them in practice. A file referenced only from /AF, without a name tree entry, is not
/// seen by this reader. poppler-cpp also loses non-ASCII (UTF-16) attachment names; such files
/// are listed as "attachment-N" with their content intact.
class PopplerPdfReader : public PdfReader
{
public:
    PopplerPdfReader();
    ~PopplerPdfReader() override;

    bool open(const QString &path) override;
    bool isOpen() const override { return m_document != nullptr; }
    QString path() const override { return m_path; }
    QString errorString() const override { return m_error; }

    int pageCount() const override;
    QString pageText(int index) const override;
    QList<PdfEmbeddedFile> embeddedFiles() const override;
    /// The words of the open document (PdfTextLayout::readWords without parsing the file again).
    PdfWords words(int maxPages = 60) const override;

private:
    void close();

    std::unique_ptr<poppler::document> m_document;
    QByteArray m_bytes; // the file, kept for the /AF fallback; poppler reads its own copy
    QString m_path;
    QString m_error;
};

} // namespace einvoice

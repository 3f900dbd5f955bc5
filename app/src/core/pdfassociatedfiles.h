#pragma once

#include "pdfreader.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace einvoice {

/// Finds files attached to a PDF in the places Poppler's C++ API does not look: the document
/// catalog's /AF array (PDF/A-3 and PDF 2.0 associated files, which Factur-X uses), page /AF
/// arrays and page /FileAttachment annotations. Also reads the EmbeddedFiles name tree, which
/// gives proper Unicode names where poppler-cpp cannot.
///
/// Read-only and defensive: it scans the file for object definitions instead of trusting the
/// cross-reference data (later definitions win, as with incremental updates), reads objects
/// inside FlateDecode object streams, caps nesting, object counts and decoded sizes, and never
/// throws. Stateless; any thread.
class PdfAssociatedFiles
{
public:
    static constexpr qint64 kMaxDecodedBytes = 64LL * 1024 * 1024;

    /// The attached files of @p pdf. @p error receives a reason when the file could not be
    /// searched (not a PDF, no catalog); a PDF without attachments is not an error.
    static QList<PdfEmbeddedFile> read(const QByteArray &pdf, QString *error = nullptr);
};

} // namespace einvoice

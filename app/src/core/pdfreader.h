#pragma once

#include "pdftextlayout.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace einvoice {

/// One file embedded in a PDF (an entry of the EmbeddedFiles name tree, or an /AF associated file).
struct PdfEmbeddedFile
{
    QString name;        // file name as the PDF gives it (/UF, else /F)
    QString description; // /Desc, may be empty
    QString mimeType;    // /Subtype of the embedded file stream, e.g. "text/xml"; may be empty
    QByteArray data;     // decoded bytes
};

/// What the engine needs from a PDF document. An interface so tests (and other back ends) can
/// replace the Poppler implementation. One instance reads one document at a time; not shared
/// between threads.
class PdfReader
{
public:
    virtual ~PdfReader() = default;

    /// Opens @p path. Returns false for a missing, unreadable, empty, non-PDF, damaged or
    /// password-protected file; errorString() then names the file and the problem.
    virtual bool open(const QString &path) = 0;
    virtual bool isOpen() const = 0;
    virtual QString path() const = 0;
    virtual QString errorString() const = 0;

    virtual int pageCount() const = 0;
    /// The text of page @p index (0-based) in reading order, lines kept; empty when out of range.
    virtual QString pageText(int index) const = 0;
    /// All embedded files, in document order.
    virtual QList<PdfEmbeddedFile> embeddedFiles() const = 0;
    /// The words of at most @p maxPages pages with their boxes, for PdfTextLayout::fromWords();
    /// a status other than Ok says why there are none.
    virtual PdfWords words(int maxPages = 60) const = 0;
};

} // namespace einvoice

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace einvoice {

/// A file to embed in a PDF.
struct PdfAttachment
{
    QString name;                                  // e.g. "factur-x.xml"
    QString description;                           // /Desc, optional
    QString mimeType = QStringLiteral("text/xml"); // written as the /Subtype name
    QByteArray data;
    QString relationship = QStringLiteral("Alternative"); // /AFRelationship (Factur-X: Alternative)
    QDateTime modified;                                   // /Params /ModDate; current time when null
};

/// Embeds a file in an existing PDF by an incremental update: the original bytes stay as they
/// are and a new section is appended with the embedded file stream, its file specification,
/// a new version of the catalog (EmbeddedFiles name tree and /AF array) and a new xref table
/// whose trailer points back to the previous one with /Prev. Keeping the original bytes means
/// signatures and byte-exact archiving of the printed document survive.
///
/// Supported: PDFs with classic cross-reference tables (what Qt's QPdfWriter, Cairo, LibreOffice
/// and most printers to PDF write), with or without an existing EmbeddedFiles name tree (a flat
/// one is merged; a same-named attachment is replaced). Not supported, with a clear error:
/// cross-reference streams (PDF 1.5 object streams), encrypted PDFs, name trees split into /Kids.
/// Note: the result is not made PDF/A-3 conformant (no XMP metadata is added).
/// Stateless; any thread.
class PdfAttachmentWriter
{
public:
    /// Returns the updated PDF, or nothing with @p error set.
    static std::optional<QByteArray> addAttachment(const QByteArray &pdf, const PdfAttachment &attachment,
                                                   QString *error);
    /// Reads @p inputPath, writes the result to @p outputPath (may be the same file). Errors name the file.
    static bool addAttachment(const QString &inputPath, const QString &outputPath,
                              const PdfAttachment &attachment, QString *error);
};

} // namespace einvoice

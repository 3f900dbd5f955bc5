#pragma once

#include "pdfreader.h"
#include "pdftextlayout.h"

#include <QByteArray>
#include <functional>
#include <optional>

namespace einvoice {

/// Everything the engine takes from a PDF through Poppler, as plain data: whether it opens (and
/// why not), its page count and embedded files, and its words with their boxes. Poppler is the
/// part of reading that parses untrusted bytes, so the agent runs it in a separate process
/// (einvoice-pdfworker) and only this snapshot crosses back. A value type; any thread.
struct PdfSnapshot
{
    enum Part : quint8
    {
        Document = 1, ///< open status, page count, embedded files
        Text = 2,     ///< words and page sizes
        /// With Document: the words too, unless an attachment is an e-invoice, which wins over
        /// the printed text. One request and one parse where Document then Text took two.
        TextUnlessEInvoice = 4,
    };

    QString path;
    bool opened = false;
    QString openError; ///< names the file and the problem when !opened
    int pageCount = 0;
    QList<PdfEmbeddedFile> embeddedFiles;
    PdfWords words;        ///< only when the text was read
    bool textRead = false; ///< whether the words were read (Text, or TextUnlessEInvoice without one)

    /// Reads @p parts of @p path in this process, with Poppler.
    static PdfSnapshot read(const QString &path, quint8 parts, int maxPages = 60);

    QByteArray serialize() const;
    /// Nothing when @p bytes are not a snapshot of this version.
    static std::optional<PdfSnapshot> deserialize(const QByteArray &bytes);
};

/// A PdfReader that answers from a snapshot instead of opening the file again. The words are the
/// snapshot's, or, when @p fetchText is given, asked for the first time they are needed (the
/// reader process reads the text only when no embedded e-invoice makes it unnecessary).
class SnapshotPdfReader : public PdfReader
{
public:
    using TextFetcher = std::function<PdfWords()>;
    explicit SnapshotPdfReader(PdfSnapshot snapshot, TextFetcher fetchText = {})
        : m_snapshot(std::move(snapshot)), m_fetchText(std::move(fetchText))
    {
    }

    bool open(const QString &path) override;
    bool isOpen() const override { return m_open; }
    QString path() const override { return m_snapshot.path; }
    QString errorString() const override { return m_error; }
    int pageCount() const override { return m_open ? m_snapshot.pageCount : 0; }
    /// The page's lines as the text layout builds them (empty without the Text part).
    QString pageText(int index) const override;
    QList<PdfEmbeddedFile> embeddedFiles() const override;
    PdfWords words(int maxPages = 60) const override;

private:
    mutable PdfSnapshot m_snapshot;
    mutable TextFetcher m_fetchText; ///< emptied once the words are fetched into m_snapshot
    bool m_open = false;
    QString m_error;
};

} // namespace einvoice

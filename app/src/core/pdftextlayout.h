#pragma once

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace poppler {
class document;
}

namespace einvoice {

/// One word as the PDF draws it, with its box in PDF points (origin top-left of the page).
struct TextWord
{
    QString text;
    QRectF box;
};

/// Words of one line that sit close together: a label, a value, a phrase. Columns of a
/// printed invoice are separated by wide gaps, so a segment rarely spans two columns.
struct TextSegment
{
    QString text;
    QRectF box;
    int firstWord = 0; // index into TextLine::words
    int wordCount = 0;
};

/// Words sharing a baseline, left to right, with their segments.
struct TextLine
{
    QList<TextWord> words;
    QList<TextSegment> segments;
    QRectF box;
    QString text() const;
};

struct TextPage
{
    int index = 0;
    QSizeF size;           // in points
    QList<TextLine> lines; // top to bottom
};

enum class TextLayerStatus
{
    Ok,
    NotReadable, // not a PDF, corrupt, truncated, zero bytes
    Encrypted,   // needs a password
    NoText,      // no text layer at all (a scan, an image-only page)
    Garbage      // glyphs without a usable Unicode mapping
};

/// The words of a PDF as Poppler gives them, before lines are built: what a reader process
/// hands back to the agent (see PdfSnapshot). A value type.
struct PdfWords
{
    TextLayerStatus status = TextLayerStatus::Ok; // NotReadable / Encrypted, or Ok
    QString message;                              // why, when not Ok
    int pageCountInFile = 0;
    QList<QList<TextWord>> pages; // upright, cleaned words per page read
    QList<QSizeF> sizes;          // page sizes in points, upright
};

/// The text of a PDF with geometry: pages, lines in reading order, segments, words.
class PdfTextLayout
{
public:
    /// Reads at most @p maxPages pages; later pages of huge documents are ignored because
    /// invoices do not run that long and the time per document must stay bounded.
    static PdfTextLayout load(const QString &path, int maxPages = 60);
    /// The Poppler half of load(): words and page sizes, no lines yet.
    static PdfWords readWords(const QString &path, int maxPages = 60);
    /// The same from a document already open and unlocked (the file is parsed once).
    static PdfWords readWords(const poppler::document &document, int maxPages = 60);
    /// The other half: lines, segments and the text layer's classification.
    static PdfTextLayout fromWords(const PdfWords &words);
    /// Builds the layout from words already known (tests, other text sources).
    static PdfTextLayout fromWords(const QList<QList<TextWord>> &pages, const QList<QSizeF> &sizes);

    TextLayerStatus status() const { return m_status; }
    /// Plain-language reason when status() is not Ok.
    QString statusMessage() const { return m_message; }
    bool isUsable() const { return m_status == TextLayerStatus::Ok; }
    const QList<TextPage> &pages() const { return m_pages; }
    int pageCountInFile() const { return m_pageCountInFile; }
    /// All text, line by line, pages separated by form feeds (debugging, fingerprints).
    QString plainText() const;

    /// Groups words of one page into lines and segments (public for tests).
    static QList<TextLine> buildLines(QList<TextWord> words);
    /// A word as Poppler gives it, made plain: NFKC, no soft hyphens, ligatures with byte-swapped
    /// Unicode mappings repaired (public for tests).
    static QString cleanWord(const QString &raw);

private:
    void classify();

    TextLayerStatus m_status = TextLayerStatus::Ok;
    QString m_message;
    QList<TextPage> m_pages;
    int m_pageCountInFile = 0;
};

} // namespace einvoice

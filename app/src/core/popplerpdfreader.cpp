#include "popplerpdfreader.h"

#include "pdfassociatedfiles.h"
#include "popplerstring.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <mutex>
#include <poppler-document.h>
#include <poppler-embedded-file.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace einvoice {

namespace {

// Poppler reports recoverable syntax problems on stderr. The engine reports its own errors
// (naming the file), so those messages would only be noise in the CLI and the tray.
void silencePoppler()
{
    static std::once_flag once;
    std::call_once(once,
                   [] { poppler::set_debug_error_function([](const std::string &, void *) {}, nullptr); });
}

// File names in a file specification are PDF text strings: UTF-16BE with a BOM, or
// PDFDocEncoding, which agrees with Latin-1 for the characters file names use.
QString fromPdfTextString(const std::string &s)
{
    if (s.size() >= 2 && uchar(s[0]) == 0xFE && uchar(s[1]) == 0xFF) {
        QString out;
        for (size_t i = 2; i + 1 < s.size(); i += 2)
            out.append(QChar(ushort((uchar(s[i]) << 8) | uchar(s[i + 1]))));
        return out;
    }
    if (s.size() >= 3 && uchar(s[0]) == 0xEF && uchar(s[1]) == 0xBB && uchar(s[2]) == 0xBF)
        return QString::fromUtf8(s.data() + 3, qsizetype(s.size() - 3));
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

constexpr qint64 kMaxPdfBytes = 512LL * 1024 * 1024;

} // namespace

PopplerPdfReader::PopplerPdfReader() = default;
PopplerPdfReader::~PopplerPdfReader() = default;

void PopplerPdfReader::close()
{
    m_document.reset();
    m_bytes.clear();
    m_path.clear();
    m_error.clear();
}

bool PopplerPdfReader::open(const QString &path)
{
    close();
    silencePoppler();
    m_path = path;
    auto fail = [this, &path](const QString &problem) {
        m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), problem);
        m_document.reset();
        m_bytes.clear();
        return false;
    };

    const QFileInfo info(path);
    if (!info.exists())
        return fail(QCoreApplication::translate("PdfReader", "the file does not exist"));
    if (info.isDir())
        return fail(QCoreApplication::translate("PdfReader", "is a folder, not a PDF file"));
    if (info.size() > kMaxPdfBytes)
        return fail(QCoreApplication::translate("PdfReader", "the file is too large (%1 MB) to be an invoice")
                        .arg(info.size() / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            QCoreApplication::translate("PdfReader", "cannot read the file: %1").arg(file.errorString()));
    m_bytes = file.readAll();
    if (m_bytes.isEmpty())
        return fail(QCoreApplication::translate("PdfReader", "the file is empty"));
    // The header may follow some junk (allowed by readers within the first KiB).
    if (!m_bytes.left(1024).contains("%PDF-"))
        return fail(QCoreApplication::translate("PdfReader", "not a PDF file (no %PDF header)"));
    // Poppler silently rebuilds damaged files; a file cut short (an interrupted download or
    // copy) would then open with missing pages or attachments. Refuse it instead so that
    // nothing is sent from half a document.
    if (!m_bytes.right(2048).contains("%%EOF"))
        return fail(QCoreApplication::translate("PdfReader",
                                                "the PDF is damaged or truncated (no end-of-file marker)"));

    m_document.reset(poppler::document::load_from_raw_data(m_bytes.constData(), int(m_bytes.size())));
    if (!m_document)
        return fail(QCoreApplication::translate("PdfReader", "the PDF is damaged and cannot be read"));
    if (m_document->is_locked())
        return fail(QCoreApplication::translate("PdfReader", "the PDF is password-protected (encrypted)"));
    if (m_document->pages() <= 0)
        return fail(QCoreApplication::translate("PdfReader", "the PDF has no pages"));
    return true;
}

PdfWords PopplerPdfReader::words(int maxPages) const
{
    if (!m_document)
        return PdfTextLayout::readWords(m_path, maxPages); // says why it does not open
    return PdfTextLayout::readWords(*m_document, maxPages);
}

int PopplerPdfReader::pageCount() const
{
    return m_document ? m_document->pages() : 0;
}

QString PopplerPdfReader::pageText(int index) const
{
    if (!m_document || index < 0 || index >= m_document->pages())
        return QString();
    std::unique_ptr<poppler::page> page(m_document->create_page(index));
    if (!page)
        return QString();
    // Physical layout keeps the columns of a printed invoice on one line, like pdftotext -layout.
    return fromUstring(page->text(poppler::rectf(), poppler::page::physical_layout));
}

QList<PdfEmbeddedFile> PopplerPdfReader::embeddedFiles() const
{
    QList<PdfEmbeddedFile> out;
    if (!m_document)
        return out;
    // The document owns the embedded_file objects.
    for (poppler::embedded_file *ef : m_document->embedded_files()) {
        if (!ef || !ef->is_valid())
            continue;
        PdfEmbeddedFile f;
        f.name = fromPdfTextString(ef->name());
        // poppler-cpp passes the name through a C string, so a UTF-16 name (any non-ASCII file
        // name written as /UF) arrives cut after its byte order mark. Give it a stable stand-in;
        // e-invoices are recognised by their content, and their specified names are ASCII.
        if (f.name.isEmpty())
            f.name = QStringLiteral("attachment-%1").arg(out.size() + 1);
        f.description = fromUstring(ef->description());
        f.mimeType = QString::fromLatin1(ef->mime_type().c_str());
        const poppler::byte_array data = ef->data();
        f.data = QByteArray(data.data(), qsizetype(data.size()));
        out << f;
    }
    // Poppler sees only the EmbeddedFiles name tree. Files attached through /AF or page
    // annotations are found by our own reader, which also gives the Unicode names poppler-cpp
    // cuts off. Same content: our name replaces the stand-in; new content: appended.
    for (const PdfEmbeddedFile &extra : PdfAssociatedFiles::read(m_bytes)) {
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const PdfEmbeddedFile &f) { return f.data == extra.data; });
        if (same == out.end()) {
            out << extra;
        } else if (same->name.startsWith(QLatin1String("attachment-")) && !extra.name.isEmpty()) {
            same->name = extra.name;
        }
    }
    return out;
}

} // namespace einvoice

#include "pdfsnapshot.h"

#include "embeddedinvoice.h"
#include "popplerpdfreader.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QIODevice>
#include <utility>

namespace einvoice {

namespace {

constexpr quint32 kMagic = 0x45505332; // "EPS2": bump when the layout below changes

} // namespace

PdfSnapshot PdfSnapshot::read(const QString &path, quint8 parts, int maxPages)
{
    PdfSnapshot s;
    s.path = path;
    PopplerPdfReader reader;
    const bool opened = reader.open(path);
    if (parts & Document) {
        s.opened = opened;
        s.openError = reader.errorString();
        if (s.opened) {
            s.pageCount = reader.pageCount();
            s.embeddedFiles = reader.embeddedFiles();
        }
    }
    // The document opened once serves both parts; one that does not open says why by itself.
    const bool wantText =
        (parts & Text) ||
        ((parts & TextUnlessEInvoice) &&
         !(opened && EmbeddedInvoice::find((parts & Document) ? s.embeddedFiles : reader.embeddedFiles())));
    if (wantText) {
        s.words = opened ? reader.words(maxPages) : PdfTextLayout::readWords(path, maxPages);
        s.textRead = true;
    }
    return s;
}

QByteArray PdfSnapshot::serialize() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << path << opened << openError << qint32(pageCount) << qint32(embeddedFiles.size());
    for (const PdfEmbeddedFile &f : embeddedFiles)
        out << f.name << f.description << f.mimeType << f.data;
    out << textRead << quint8(words.status) << words.message << qint32(words.pageCountInFile)
        << qint32(words.pages.size());
    for (int i = 0; i < words.pages.size(); ++i) {
        out << (i < words.sizes.size() ? words.sizes[i] : QSizeF()) << qint32(words.pages[i].size());
        for (const TextWord &w : words.pages[i])
            out << w.text << w.box;
    }
    return bytes;
}

std::optional<PdfSnapshot> PdfSnapshot::deserialize(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    PdfSnapshot s;
    quint32 magic = 0;
    qint32 pageCount = 0, files = 0;
    in >> magic;
    if (magic != kMagic)
        return std::nullopt;
    in >> s.path >> s.opened >> s.openError >> pageCount >> files;
    s.pageCount = pageCount;
    for (qint32 i = 0; i < files && in.status() == QDataStream::Ok; ++i) {
        PdfEmbeddedFile f;
        in >> f.name >> f.description >> f.mimeType >> f.data;
        s.embeddedFiles.append(f);
    }
    quint8 status = 0;
    qint32 inFile = 0, pages = 0;
    in >> s.textRead >> status >> s.words.message >> inFile >> pages;
    if (status > quint8(TextLayerStatus::Garbage))
        return std::nullopt;
    s.words.status = TextLayerStatus(status);
    s.words.pageCountInFile = inFile;
    for (qint32 p = 0; p < pages && in.status() == QDataStream::Ok; ++p) {
        QSizeF size;
        qint32 count = 0;
        in >> size >> count;
        QList<TextWord> page;
        for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
            TextWord w;
            in >> w.text >> w.box;
            page.append(w);
        }
        s.words.sizes.append(size);
        s.words.pages.append(page);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return s;
}

bool SnapshotPdfReader::open(const QString &path)
{
    m_open = false;
    if (QDir::cleanPath(path) != QDir::cleanPath(m_snapshot.path)) {
        m_error = QCoreApplication::translate("PdfReader", "%1: not the document that was read")
                      .arg(QDir::toNativeSeparators(path));
        return false;
    }
    m_open = m_snapshot.opened;
    m_error = m_snapshot.openError;
    return m_open;
}

PdfWords SnapshotPdfReader::words(int maxPages) const
{
    Q_UNUSED(maxPages); // the reader process applied its own limit
    if (m_fetchText)
        m_snapshot.words = std::exchange(m_fetchText, {})();
    return m_snapshot.words;
}

QString SnapshotPdfReader::pageText(int index) const
{
    const PdfWords all = words();
    if (!m_open || index < 0 || index >= all.pages.size())
        return QString();
    const PdfTextLayout layout = PdfTextLayout::fromWords({all.pages[index]}, {all.sizes.value(index)});
    QStringList lines;
    for (const TextPage &page : layout.pages())
        for (const TextLine &line : page.lines)
            lines << line.text();
    return lines.join(QLatin1Char('\n'));
}

QList<PdfEmbeddedFile> SnapshotPdfReader::embeddedFiles() const
{
    return m_open ? m_snapshot.embeddedFiles : QList<PdfEmbeddedFile>();
}

} // namespace einvoice

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSaveFile>
#include <QString>
#include <memory>

namespace einvoice {

/// Writes a plain ZIP archive (PKWARE APPNOTE 6.3, no ZIP64, no encryption): each entry is
/// stored or raw-deflated through zlib, with its CRC-32 and the UTF-8 name flag (bit 11), so
/// `unzip`, Python's zipfile, Windows Explorer and macOS Archive Utility all read it.
///
/// Used for the support bundle: a few dozen files, a few MiB each, so every entry is taken in
/// memory. Without ZIP64 no entry, no offset and the whole archive may pass 4 GiB - 1 byte; the
/// writer refuses such an entry with a clear error instead of writing a corrupt archive.
///
/// The archive goes to a QSaveFile: it appears under its name only when close() succeeds, so a
/// failed or abandoned write never leaves a truncated zip behind. Errors are translated
/// human-readable strings naming the archive (empty on success); nothing throws.
///
/// Threading: one instance per thread; not copyable. Owns its output file.
class ZipWriter
{
public:
    enum class Method
    {
        Store,
        Deflate, // falls back to Store when deflating does not make the entry smaller
    };

    /// The ZIP format without ZIP64 stores sizes and offsets in 32 bits.
    static constexpr qint64 kMaxArchiveSize = 0xFFFFFFFFLL;

    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    /// Starts writing the archive @p path (created or replaced on close()).
    QString open(const QString &path);
    /// Adds one file. @p name is the path inside the archive with '/' separators, relative, no
    /// "..", unique in the archive. @p modified defaults to now; ZIP stores local DOS time with
    /// two-second precision, so the UTC fields are written as they are.
    QString addFile(const QString &name, const QByteArray &data, Method method = Method::Deflate,
                    const QDateTime &modified = {});
    /// Writes the central directory and commits the file. The writer is closed afterwards,
    /// whatever the outcome.
    QString close();
    /// Abandons the archive: nothing is written under its name.
    void cancel();

    /// Lowers the size limit (for callers that want small bundles, and for tests of the limit
    /// without writing 4 GiB). Values above kMaxArchiveSize are clamped to it.
    void setMaxArchiveSize(qint64 bytes);

    QString path() const;
    QStringList entryNames() const;

private:
    struct Entry
    {
        QByteArray name; // UTF-8
        quint16 method = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 offset = 0;
    };

    QString checkName(const QString &name) const;
    QString writeBytes(const QByteArray &bytes);

    std::unique_ptr<QSaveFile> m_file;
    QList<Entry> m_entries;
    QStringList m_names;
    qint64 m_offset = 0;
    qint64 m_maxSize = kMaxArchiveSize;
};

} // namespace einvoice

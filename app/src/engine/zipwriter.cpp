#include "zipwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>
#include <optional>
#include <zlib.h>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ZipWriter", text);
}

constexpr quint32 kLocalHeaderSignature = 0x04034b50;
constexpr quint32 kCentralHeaderSignature = 0x02014b50;
constexpr quint32 kEndOfCentralSignature = 0x06054b50;
constexpr quint16 kVersionNeeded = 20;            // 2.0: deflate
constexpr quint16 kVersionMadeBy = (3 << 8) | 20; // Unix, 2.0: external attributes are Unix modes
constexpr quint16 kFlagUtf8 = 0x0800;             // bit 11: names are UTF-8
constexpr quint32 kUnixFileMode = 0100644u << 16; // regular file, rw-r--r--
constexpr quint16 kMethodStore = 0;
constexpr quint16 kMethodDeflate = 8;
constexpr int kMaxEntries = 0xFFFF; // 16-bit count without ZIP64
constexpr qint64 kLocalHeaderSize = 30;
constexpr qint64 kCentralHeaderSize = 46;
constexpr qint64 kEndOfCentralSize = 22;

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xff));
    out.append(char((v >> 8) & 0xff));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xffff));
    put16(out, quint16(v >> 16));
}

// Raw deflate (no zlib header, windowBits -15) as method 8 requires. Empty on failure.
std::optional<QByteArray> rawDeflate(const QByteArray &data)
{
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    QByteArray out;
    out.resize(qsizetype(deflateBound(&zs, uLong(data.size()))));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const qsizetype produced = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    out.resize(produced);
    return out;
}

} // namespace

ZipWriter::ZipWriter() = default;
ZipWriter::~ZipWriter()
{
    cancel();
}

QString ZipWriter::open(const QString &path)
{
    cancel();
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString error = tr("%1: cannot create the archive: %2").arg(path, m_file->errorString());
        m_file.reset();
        return error;
    }
    m_entries.clear();
    m_names.clear();
    m_offset = 0;
    return {};
}

void ZipWriter::setMaxArchiveSize(qint64 bytes)
{
    m_maxSize = qBound<qint64>(0, bytes, kMaxArchiveSize);
}

QString ZipWriter::path() const
{
    return m_file ? m_file->fileName() : QString();
}

QStringList ZipWriter::entryNames() const
{
    return m_names;
}

QString ZipWriter::checkName(const QString &name) const
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name.split(QLatin1Char('/')).contains(QStringLiteral("..")) || name.contains(QChar(0)))
        return tr("%1: entry name '%2' must be a relative path with '/' separators and no '..'")
            .arg(path(), name);
    if (m_names.contains(name))
        return tr("%1: entry '%2' is already in the archive").arg(path(), name);
    if (name.toUtf8().size() > 0xFFFF)
        return tr("%1: entry name '%2' is too long").arg(path(), name.left(60));
    return {};
}

QString ZipWriter::writeBytes(const QByteArray &bytes)
{
    if (m_file->write(bytes) != bytes.size())
        return tr("%1: cannot write the archive: %2").arg(path(), m_file->errorString());
    m_offset += bytes.size();
    return {};
}

QString ZipWriter::addFile(const QString &name, const QByteArray &data, Method method,
                           const QDateTime &modified)
{
    if (!m_file)
        return tr("the archive is not open");
    if (const QString error = checkName(name); !error.isEmpty())
        return error;
    if (m_entries.size() >= kMaxEntries)
        return tr("%1: more than %2 entries need ZIP64, which this writer does not support")
            .arg(path())
            .arg(kMaxEntries);

    Entry e;
    e.name = name.toUtf8();
    const QDateTime when = (modified.isValid() ? modified : QDateTime::currentDateTimeUtc()).toUTC();
    const QDate d = when.date();
    const QTime t = when.time();
    // DOS dates start in 1980; clamp earlier times rather than wrap.
    if (d.year() < 1980) {
        e.dosDate = (1 << 5) | 1; // 1980-01-01
    } else {
        e.dosDate = quint16(((d.year() - 1980) << 9) | (d.month() << 5) | d.day());
        e.dosTime = quint16((t.hour() << 11) | (t.minute() << 5) | (t.second() / 2));
    }
    e.crc = quint32(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));

    QByteArray payload = data;
    e.method = kMethodStore;
    if (method == Method::Deflate && !data.isEmpty()) {
        const std::optional<QByteArray> deflated = rawDeflate(data);
        if (!deflated)
            return tr("%1: zlib could not compress entry '%2'").arg(path(), name);
        if (deflated->size() < data.size()) {
            payload = *deflated;
            e.method = kMethodDeflate;
        }
    }

    // Everything that will follow this entry must still fit the 32-bit fields: this entry's
    // header and data now, its central header and the end record at close().
    const qint64 needed = m_offset + kLocalHeaderSize + e.name.size() + payload.size();
    qint64 centralSize = kEndOfCentralSize + kCentralHeaderSize + e.name.size();
    for (const Entry &other : m_entries)
        centralSize += kCentralHeaderSize + other.name.size();
    if (qint64(data.size()) > m_maxSize || needed + centralSize > m_maxSize)
        return tr("%1: entry '%2' (%3 bytes) would make the archive larger than %4 bytes; archives "
                  "this large need ZIP64, which this writer does not support")
            .arg(path(), name)
            .arg(data.size())
            .arg(m_maxSize);

    e.size = quint32(data.size());
    e.compressedSize = quint32(payload.size());
    e.offset = quint32(m_offset);

    QByteArray header;
    put32(header, kLocalHeaderSignature);
    put16(header, kVersionNeeded);
    put16(header, kFlagUtf8);
    put16(header, e.method);
    put16(header, e.dosTime);
    put16(header, e.dosDate);
    put32(header, e.crc);
    put32(header, e.compressedSize);
    put32(header, e.size);
    put16(header, quint16(e.name.size()));
    put16(header, 0); // extra field length
    header.append(e.name);
    if (QString error = writeBytes(header); !error.isEmpty())
        return error;
    if (QString error = writeBytes(payload); !error.isEmpty())
        return error;
    m_entries.append(e);
    m_names.append(name);
    return {};
}

QString ZipWriter::close()
{
    if (!m_file)
        return tr("the archive is not open");
    const qint64 centralOffset = m_offset;
    QByteArray central;
    for (const Entry &e : std::as_const(m_entries)) {
        put32(central, kCentralHeaderSignature);
        put16(central, kVersionMadeBy);
        put16(central, kVersionNeeded);
        put16(central, kFlagUtf8);
        put16(central, e.method);
        put16(central, e.dosTime);
        put16(central, e.dosDate);
        put32(central, e.crc);
        put32(central, e.compressedSize);
        put32(central, e.size);
        put16(central, quint16(e.name.size()));
        put16(central, 0); // extra field length
        put16(central, 0); // comment length
        put16(central, 0); // disk number start
        put16(central, 0); // internal attributes
        put32(central, kUnixFileMode);
        put32(central, e.offset);
        central.append(e.name);
    }
    QByteArray end;
    put32(end, kEndOfCentralSignature);
    put16(end, 0); // this disk
    put16(end, 0); // disk with the central directory
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(central.size()));
    put32(end, quint32(centralOffset));
    put16(end, 0); // comment length

    QString error = writeBytes(central + end);
    if (error.isEmpty() && !m_file->commit())
        error = tr("%1: cannot save the archive: %2").arg(path(), m_file->errorString());
    if (!error.isEmpty())
        m_file->cancelWriting();
    m_file.reset();
    return error;
}

void ZipWriter::cancel()
{
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
}

} // namespace einvoice

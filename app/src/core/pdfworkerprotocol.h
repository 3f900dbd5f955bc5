#pragma once

#include <QByteArray>
#include <QtEndian>
#include <optional>

namespace einvoice {

/// Framing between the agent and einvoice-pdfworker: a 4-byte big-endian length, then the
/// payload. A request is a QDataStream of (quint8 parts, QString path, qint32 maxPages); an
/// answer starts with kSnapshot (then PdfSnapshot::serialize()) or kProblem (then UTF-8 text).
namespace PdfWorkerProtocol {

inline constexpr char kSnapshot = 0;
inline constexpr char kProblem = 1;
/// Larger frames are refused: no snapshot of a PDF the agent accepts comes near it.
inline constexpr quint32 kMaxFrame = 512u * 1024 * 1024;

inline QByteArray frame(const QByteArray &payload)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), out.data());
    return out + payload;
}

/// Removes one complete frame from the front of @p buffer and returns its payload; nothing while
/// incomplete; an empty payload for a frame larger than kMaxFrame (the stream is then unusable).
inline std::optional<QByteArray> take(QByteArray &buffer)
{
    if (buffer.size() < 4)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(buffer.constData());
    if (length > kMaxFrame)
        return QByteArray();
    if (quint32(buffer.size() - 4) < length)
        return std::nullopt;
    QByteArray payload = buffer.mid(4, length);
    buffer.remove(0, 4 + length);
    return payload;
}

} // namespace PdfWorkerProtocol

} // namespace einvoice

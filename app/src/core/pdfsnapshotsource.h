#pragma once

#include "pdfsnapshot.h"

#include <QString>
#include <optional>

namespace einvoice {

/// Where the engine gets what Poppler reads from a PDF: a reader process with time and memory
/// bounds (PdfWorkerPool in the engine). Without a source, DocumentProcessor reads in-process.
/// Implementations are thread-safe: the engine's reader threads share one.
class PdfSnapshotSource
{
public:
    virtual ~PdfSnapshotSource() = default;
    /// Reads @p parts (PdfSnapshot::Part flags) of @p path. A PDF that does not open is a
    /// snapshot with opened == false; nothing is returned only when reading itself failed (it
    /// took too long, needed too much memory, the reader crashed), and @p error then names the
    /// file and the problem.
    virtual std::optional<PdfSnapshot> read(const QString &path, quint8 parts, QString *error) = 0;
};

} // namespace einvoice

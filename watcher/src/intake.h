#pragma once

#include "clock.h"

#include <QByteArray>
#include <QString>

namespace einvoice {

/// Takes a settled document into the agent's own spool without touching the user's original
/// until that is safe, and afterwards archives the original.
///
/// copyToSpool() copies the file to a temporary name in the spool, hashing it (SHA-256) as it
/// goes, fsyncs it, checks that the original did not change while being copied, and renames the
/// copy to its content address (`<sha256>.<ext>`); the same content exported twice lands on the
/// same spool file, which is never overwritten. Only after the caller has recorded the job does
/// archiveOriginal() move the original to `Processed/YYYY-MM/` (month from the clock, local time)
/// or to `Failed/` with `NAME.error.json` saying in plain words what went wrong. Both folders are
/// created in the archive root: by default the export folder itself (the watcher does not look
/// into sub-folders, and the export folder is where the user has write access), or any folder
/// given with setArchiveRoot(). Moves across file systems copy, fsync, then remove. Nothing is
/// ever overwritten (a taken name gets " (2)", " (3)", ...), and on any error the original stays
/// where it was and the error names the file.
///
/// Holds no open files between calls; the const methods may be called from several threads at
/// once. The clock is not owned and must outlive the Intake.
class Intake
{
public:
    struct Copy
    {
        bool ok = false;
        QString spoolPath;
        QByteArray sha256; ///< lower-case hex
        qint64 size = 0;
        bool changedWhileCopying = false; ///< settle again and retry later
        QString error;                    ///< user-visible; names the file and the problem
    };

    enum class Outcome
    {
        Processed,
        Failed
    };

    struct Archived
    {
        bool ok = false;
        QString path;  ///< where the original is now
        QString error; ///< user-visible; names the file and the problem
    };

    Intake(QString spoolDir, const Clock &clock);

    QString spoolDir() const { return m_spoolDir; }
    /// Where Processed/ and Failed/ are created; empty (default) = the original's own folder.
    void setArchiveRoot(const QString &dir) { m_archiveRoot = dir; }
    QString archiveRoot() const { return m_archiveRoot; }

    /// Copies @p original into the spool: data flushed, then renamed to its hash. With
    /// @p syncFolder false the spool folder itself is not flushed: the caller takes several files
    /// in and calls syncSpoolFolder() once, before it records any of them.
    Copy copyToSpool(const QString &original, bool syncFolder = true) const;
    /// Flushes the spool folder's entries (the renames of copyToSpool) to disk.
    bool syncSpoolFolder() const;
    /// Moves @p original out of the export folder. @p errorText (plain words) goes into
    /// NAME.error.json for Outcome::Failed and is ignored for Processed.
    Archived archiveOriginal(const QString &original, Outcome outcome,
                             const QString &errorText = QString()) const;

private:
    QString m_spoolDir;
    QString m_archiveRoot;
    const Clock &m_clock;
};

} // namespace einvoice

#pragma once

#include <QString>
#include <QtGlobal>

namespace einvoice {

/// What kind of file system a watched folder lives on, and whether change notifications can be
/// trusted there.
///
/// inotify only sees changes made through the local kernel: on network file systems (NFS, SMB/CIFS)
/// another machine's writes never raise an event, and on FUSE, exFAT and vfat events are missing
/// or unreliable. For those the watcher is forced to poll and the state is reported as degraded with
/// the reason. Stateless; safe to call from any thread.
class FilesystemProbe
{
public:
    struct Result
    {
        bool ok = false;           ///< false when statfs failed (e.g. the folder does not exist)
        quint64 magic = 0;         ///< statfs f_type
        QString typeName;          ///< "ext4", "nfs", "cifs", ... ("unknown" if not in our table)
        bool needsPolling = false; ///< change notifications cannot be trusted
        QString reason;            ///< user-visible explanation when needsPolling
    };

    static Result probe(const QString &path);
    /// The classification of a statfs magic number; separate so it can be tested for every type.
    static Result classify(quint64 magic, const QString &path = QString());
};

} // namespace einvoice

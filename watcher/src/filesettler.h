#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace einvoice {

/// Identity and state of one version of a file: a change of any field means "a different file".
struct FileVersion
{
    qint64 size = -1;
    qint64 mtimeNs = 0;
    quint64 device = 0;
    quint64 inode = 0;

    bool operator==(const FileVersion &o) const
    {
        return size == o.size && mtimeNs == o.mtimeNs && device == o.device && inode == o.inode;
    }
    bool operator!=(const FileVersion &o) const { return !(*this == o); }

    /// lstat() of @p path; nullopt if it does not exist or is not a regular file.
    static std::optional<FileVersion> of(const QString &path);
};

/// Decides when a file another program is writing is complete.
///
/// A tracked file is "settled" once its size, mtime, inode and device have been the same in
/// `stableProbes` consecutive probes spaced at least `probeIntervalMs` apart (the settle window is
/// (stableProbes - 1) * probeIntervalMs), it is not empty, and no program has it open for writing.
///
/// "Open for writing" is checked at the end of the window only, with a Linux read lease: the kernel
/// refuses F_SETLEASE(F_RDLCK) with EAGAIN while any process on this machine has the file open for
/// writing, and the lease is released at once. That is one open() and three fcntl() calls, sees
/// writers of every user, and needs no inotify IN_CLOSE_WRITE (QFileSystemWatcher does not expose
/// it). Rejected: scanning /proc/*/fd (a readdir of every descriptor of every process per probe,
/// and only our own user's processes) and fuser/lsof (a process per file). Leases work only on
/// local file systems and for the file's owner or with CAP_LEASE; where the kernel refuses
/// (EINVAL, EACCES) the stable window alone decides, which is why the window is configurable per
/// folder (network shares want several seconds) and why Intake re-checks the file around its copy.
/// A held write lock (fcntl or flock) also counts as busy. Should a writer open the file during
/// the microseconds the lease is held, the kernel notifies us with SIGURG (ignored by default)
/// instead of SIGIO (which would terminate the process).
///
/// Driven by explicit probe(path, now) / probeDue(now) calls, so tests move time themselves and
/// never sleep; the caller takes `now` from an einvoice::Clock. A clock that goes backwards starts
/// the window again. Not thread-safe: use from one thread.
class FileSettler
{
public:
    struct Options
    {
        int stableProbes = 3;          ///< identical consecutive observations required (>= 2)
        qint64 probeIntervalMs = 1000; ///< minimum spacing between two counted observations
        bool checkBusy = true;         ///< refuse files open for writing or write-locked
        bool acceptEmptyFiles = false; ///< a zero-byte file is usually a writer that has not started
    };

    enum class Verdict
    {
        Pending,  ///< still changing, or not observed long enough
        Busy,     ///< stable but still open for writing (or locked) by a program
        Ready,    ///< complete: hand it on
        Vanished, ///< deleted or replaced by something that is not a regular file
    };

    /// Result of the "is somebody still writing?" check.
    enum class WriterState
    {
        None,    ///< nobody has it open for writing nor write-locked
        Writing, ///< open for writing or write-locked
        Unknown, ///< the kernel cannot tell (network file system, not our file)
    };

    struct Ready
    {
        QString path;
        FileVersion version;
    };

    explicit FileSettler(Options options);

    const Options &options() const { return m_options; }

    /// Starts watching @p path; a path already tracked keeps its progress.
    void track(const QString &path);
    /// Stops watching (e.g. the file was deleted or the folder went away).
    void untrack(const QString &path);
    void clear() { m_files.clear(); }
    /// Something happened to the file (an event): its stability count starts again.
    void restart(const QString &path);

    bool isTracked(const QString &path) const { return m_files.contains(path); }
    int trackedCount() const { return int(m_files.size()); }
    QStringList trackedPaths() const { return m_files.keys(); }

    /// Observes one file at time @p now (tracking it if needed). An observation sooner than
    /// probeIntervalMs after the previous counted one does not count (it only notices changes).
    /// Ready and Vanished untrack the file.
    Verdict probe(const QString &path, const QDateTime &now, FileVersion *version = nullptr);
    /// Probes every tracked file whose next observation is due; returns the ones that became ready.
    QVector<Ready> probeDue(const QDateTime &now);
    /// Milliseconds from @p now until the next probe is due (0 if due now, -1 if nothing tracked).
    qint64 msUntilNextProbe(const QDateTime &now) const;

    /// Whether some program has @p path open for writing or write-locked (see the class comment).
    static WriterState writerState(const QString &path);

private:
    struct Entry
    {
        FileVersion last;
        qint64 lastObservedMs = 0;
        int stableCount = 0; // 0 = never observed
    };

    Verdict observe(const QString &path, Entry &entry, qint64 nowMs, FileVersion *version);

    Options m_options;
    QHash<QString, Entry> m_files;
};

} // namespace einvoice

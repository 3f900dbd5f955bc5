#pragma once

#include "watchclock.h"

#include <QHash>
#include <QString>
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
/// (stableProbes - 1) * probeIntervalMs), it is not empty, and it is not busy.
///
/// "Busy" is checked only at the end of the window, and cheaply: the file must have no POSIX or OFD
/// record lock held by anybody (F_OFD_GETLK) and an exclusive flock() must be obtainable (it is
/// released at once). Scanning /proc/*/fd for writers was rejected: it costs a readdir of every fd
/// of every process per probe and sees only our own user's processes anyway. QFileSystemWatcher
/// does not expose IN_CLOSE_WRITE, so close-write is not used; a writer that pauses longer than the
/// window without holding a lock is the remaining risk, which is why the window is configurable per
/// folder (slow network shares want several seconds) and why Intake re-checks size and mtime
/// around its copy.
///
/// Time comes from an injected WatchClock so tests call probeDue() directly instead of sleeping.
/// Not thread-safe: use from one thread. Does not own the clock.
class FileSettler
{
public:
    struct Options
    {
        int stableProbes = 3;          ///< identical consecutive observations required (>= 2)
        qint64 probeIntervalMs = 1000; ///< minimum spacing between two counted observations
        bool checkLocks = true;        ///< refuse files that somebody holds locked
        bool acceptEmptyFiles = false; ///< a zero-byte file is usually a writer that has not started
    };

    enum class Verdict
    {
        Pending,  ///< still changing, or not observed long enough
        Busy,     ///< stable but locked by another program
        Ready,    ///< complete: hand it on
        Vanished, ///< deleted or replaced by something that is not a regular file
    };

    struct Ready
    {
        QString path;
        FileVersion version;
    };

    FileSettler(const WatchClock &clock, Options options);

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

    /// Observes one file now. A call sooner than probeIntervalMs after the previous counted
    /// observation does not count (it only notices changes). Ready and Vanished untrack the file.
    Verdict probe(const QString &path, FileVersion *version = nullptr);
    /// Probes every tracked file whose next observation is due; returns the ones that became ready.
    QVector<Ready> probeDue();
    /// Milliseconds until the next probe is due (0 if one is due now, -1 if nothing is tracked).
    qint64 msUntilNextProbe() const;

    /// True if another program holds a lock on the file (see the class comment).
    static bool isLockedByOthers(const QString &path);

private:
    struct Entry
    {
        FileVersion last;
        qint64 lastObservedMs = 0;
        int stableCount = 0; // 0 = never observed
    };

    Verdict observe(const QString &path, Entry &entry, FileVersion *version);

    const WatchClock &m_clock;
    Options m_options;
    QHash<QString, Entry> m_files;
};

} // namespace einvoice

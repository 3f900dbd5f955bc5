#include "filesettler.h"

#include "watcherlog.h"

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace einvoice {

std::optional<FileVersion> FileVersion::of(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    FileVersion v;
    v.size = qint64(st.st_size);
    v.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    v.device = quint64(st.st_dev);
    v.inode = quint64(st.st_ino);
    return v;
}

FileSettler::FileSettler(Options options) : m_options(options)
{
    m_options.stableProbes = std::max(2, m_options.stableProbes);
    m_options.probeIntervalMs = std::max<qint64>(0, m_options.probeIntervalMs);
}

void FileSettler::track(const QString &path)
{
    if (!m_files.contains(path))
        m_files.insert(path, Entry{});
}

void FileSettler::untrack(const QString &path)
{
    m_files.remove(path);
}

void FileSettler::restart(const QString &path)
{
    auto it = m_files.find(path);
    if (it == m_files.end())
        m_files.insert(path, Entry{});
    else
        it->stableCount = 0;
}

FileSettler::WriterState FileSettler::writerState(const QString &path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return WriterState::Unknown; // gone or unreadable: the caller's next stat decides
    WriterState state = WriterState::None;

    // A read lease is refused with EAGAIN while anybody has the file open for writing. A lease
    // break during the instant we hold it is announced with SIGURG, ignored unless handled.
    ::fcntl(fd, F_SETSIG, SIGURG);
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0) {
        ::fcntl(fd, F_SETLEASE, F_UNLCK);
    } else if (errno == EAGAIN) {
        state = WriterState::Writing;
    } else {
        state = WriterState::Unknown; // EINVAL (file system), EACCES (not our file), leases off
    }

    if (state != WriterState::Writing) {
        // Write locks held by other programs: fcntl record locks (OFD or classic) and flock().
        struct flock fl
        {
        };
        fl.l_type = F_RDLCK;
        fl.l_whence = SEEK_SET;
        if (::fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) {
            state = WriterState::Writing;
        } else if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
            if (errno == EWOULDBLOCK)
                state = WriterState::Writing;
        } else {
            ::flock(fd, LOCK_UN);
        }
    }
    ::close(fd);
    return state;
}

FileSettler::Verdict FileSettler::observe(const QString &path, Entry &entry, qint64 t, FileVersion *version)
{
    const std::optional<FileVersion> now = FileVersion::of(path);
    if (!now)
        return Verdict::Vanished;
    if (version)
        *version = *now;
    if (entry.stableCount == 0 || *now != entry.last || t < entry.lastObservedMs) {
        // First sight, a change, or the clock went backwards: the window starts again here.
        entry.last = *now;
        entry.lastObservedMs = t;
        entry.stableCount = 1;
        return Verdict::Pending;
    }
    if (t - entry.lastObservedMs < m_options.probeIntervalMs)
        return Verdict::Pending; // too soon to count
    entry.lastObservedMs = t;
    ++entry.stableCount;
    if (entry.stableCount < m_options.stableProbes)
        return Verdict::Pending;
    if (now->size == 0 && !m_options.acceptEmptyFiles) {
        entry.stableCount = 1; // an empty file may still be a writer that has not started
        return Verdict::Pending;
    }
    if (m_options.checkBusy && writerState(path) == WriterState::Writing) {
        entry.stableCount = m_options.stableProbes - 1; // check again at the next probe
        return Verdict::Busy;
    }
    return Verdict::Ready;
}

FileSettler::Verdict FileSettler::probe(const QString &path, const QDateTime &now, FileVersion *version)
{
    auto it = m_files.find(path);
    if (it == m_files.end())
        it = m_files.insert(path, Entry{});
    const Verdict v = observe(path, *it, now.toMSecsSinceEpoch(), version);
    if (v == Verdict::Ready || v == Verdict::Vanished) {
        qCDebug(lcWatcher) << path << (v == Verdict::Ready ? "settled" : "vanished");
        m_files.remove(path);
    }
    return v;
}

QVector<FileSettler::Ready> FileSettler::probeDue(const QDateTime &now)
{
    QVector<Ready> ready;
    const qint64 t = now.toMSecsSinceEpoch();
    const QStringList paths = m_files.keys();
    for (const QString &path : paths) {
        const Entry &e = m_files[path];
        if (e.stableCount > 0 && t >= e.lastObservedMs && t - e.lastObservedMs < m_options.probeIntervalMs)
            continue;
        FileVersion version;
        if (probe(path, now, &version) == Verdict::Ready)
            ready.append(Ready{path, version});
    }
    return ready;
}

qint64 FileSettler::msUntilNextProbe(const QDateTime &now) const
{
    if (m_files.isEmpty())
        return -1;
    const qint64 t = now.toMSecsSinceEpoch();
    qint64 best = m_options.probeIntervalMs;
    for (const Entry &e : m_files) {
        if (e.stableCount == 0)
            return 0;
        best = std::min(best, std::clamp<qint64>(e.lastObservedMs + m_options.probeIntervalMs - t, 0,
                                                 m_options.probeIntervalMs));
    }
    return best;
}

} // namespace einvoice

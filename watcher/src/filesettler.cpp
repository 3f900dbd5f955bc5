#include "filesettler.h"

#include "watcherlog.h"

#include <QFile>
#include <cerrno>
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

FileSettler::FileSettler(const WatchClock &clock, Options options) : m_clock(clock), m_options(options)
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

bool FileSettler::isLockedByOthers(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false; // gone or unreadable: the caller's next stat decides
    bool locked = false;
    struct flock fl
    {
    };
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    // F_OFD_GETLK sees both OFD and classic POSIX record locks of other processes.
    if (::fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
        locked = true;
    if (!locked) {
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
            locked = errno == EWOULDBLOCK;
        else
            ::flock(fd, LOCK_UN);
    }
    ::close(fd);
    return locked;
}

FileSettler::Verdict FileSettler::observe(const QString &path, Entry &entry, FileVersion *version)
{
    const std::optional<FileVersion> now = FileVersion::of(path);
    if (!now)
        return Verdict::Vanished;
    if (version)
        *version = *now;
    const qint64 t = m_clock.elapsedMs();
    if (entry.stableCount == 0 || *now != entry.last) {
        // First sight, or it changed: the window starts again from this observation.
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
    if (m_options.checkLocks && isLockedByOthers(path)) {
        entry.stableCount = m_options.stableProbes - 1; // check again at the next probe
        return Verdict::Busy;
    }
    return Verdict::Ready;
}

FileSettler::Verdict FileSettler::probe(const QString &path, FileVersion *version)
{
    auto it = m_files.find(path);
    if (it == m_files.end()) {
        track(path);
        it = m_files.find(path);
    }
    const Verdict v = observe(path, *it, version);
    if (v == Verdict::Ready || v == Verdict::Vanished) {
        qCDebug(lcWatcher) << path << (v == Verdict::Ready ? "settled" : "vanished");
        m_files.remove(path);
    }
    return v;
}

QVector<FileSettler::Ready> FileSettler::probeDue()
{
    QVector<Ready> ready;
    const qint64 t = m_clock.elapsedMs();
    const QStringList paths = m_files.keys();
    for (const QString &path : paths) {
        const Entry &e = m_files.value(path);
        if (e.stableCount > 0 && t - e.lastObservedMs < m_options.probeIntervalMs)
            continue;
        FileVersion version;
        if (probe(path, &version) == Verdict::Ready)
            ready.append(Ready{path, version});
    }
    return ready;
}

qint64 FileSettler::msUntilNextProbe() const
{
    if (m_files.isEmpty())
        return -1;
    const qint64 t = m_clock.elapsedMs();
    qint64 best = m_options.probeIntervalMs;
    for (const Entry &e : m_files) {
        if (e.stableCount == 0)
            return 0;
        best = std::min(best, std::max<qint64>(0, e.lastObservedMs + m_options.probeIntervalMs - t));
    }
    return best;
}

} // namespace einvoice

#include "folderwatcher.h"

#include "filesystemprobe.h"
#include "watcherlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <unistd.h>

namespace einvoice {

namespace {
// Events come in bursts (a copy of 200 files is hundreds of them): one rescan per burst.
constexpr int kEventCoalesceMs = 20;
} // namespace

FolderWatcher::FolderWatcher(QString folder, Options options, const Clock &clock, QObject *parent)
    : QObject(parent), m_folder(QDir::cleanPath(QDir(folder).absolutePath())),
      m_parent(QFileInfo(m_folder).absolutePath()), m_options(std::move(options)), m_clock(clock),
      m_settler(m_options.settle)
{
    m_probeTimer.setSingleShot(true);
    m_eventTimer.setSingleShot(true);
    m_selfTestTimer.setSingleShot(true);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FolderWatcher::onDirectoryChanged);
    connect(&m_rescanTimer, &QTimer::timeout, this, &FolderWatcher::rescanNow);
    connect(&m_eventTimer, &QTimer::timeout, this, &FolderWatcher::rescanNow);
    connect(&m_probeTimer, &QTimer::timeout, this, &FolderWatcher::probeDue);
    connect(&m_selfTestTimer, &QTimer::timeout, this, [this] { finishSelfTest(false); });
}

FolderWatcher::~FolderWatcher()
{
    if (!m_probeFile.isEmpty())
        QFile::remove(m_probeFile);
}

void FolderWatcher::start()
{
    const FilesystemProbe::Result fs = FilesystemProbe::probe(m_folder);
    qCInfo(lcWatcher) << "watching" << m_folder << "on" << fs.typeName << "for profile"
                      << m_options.profileId;
    if (m_options.forcePolling)
        enterPolling(
            tr("The folder %1 is checked at regular intervals, as chosen in the settings.").arg(m_folder));
    else if (fs.ok && fs.needsPolling)
        enterPolling(fs.reason);
    else
        m_rescanTimer.start(m_options.rescanMs);
    rescanNow();
    if (!m_missing)
        startSelfTest();
}

void FolderWatcher::startSelfTest()
{
    if (m_polling || !m_probeFile.isEmpty())
        return;
    // A hidden probe file (ignored by IgnoreRules) must raise an event, or events cannot be trusted.
    m_probeFile = QDir(m_folder).filePath(QStringLiteral(".einvoice-selftest-%1").arg(::getpid()));
    QFile probe(m_probeFile);
    if (!probe.open(QIODevice::WriteOnly)) {
        // A read-only folder cannot be tested; the rescan still finds its files.
        qCWarning(lcWatcher) << "self-test skipped, cannot write" << m_probeFile << probe.errorString();
        m_probeFile.clear();
        return;
    }
    probe.close();
    m_selfTestTimer.start(m_options.selfTestTimeoutMs);
}

void FolderWatcher::finishSelfTest(bool passed)
{
    if (m_probeFile.isEmpty())
        return;
    m_selfTestTimer.stop();
    QFile::remove(m_probeFile);
    m_probeFile.clear();
    qCDebug(lcWatcher) << "self-test of" << m_folder << (passed ? "passed" : "failed");
    if (!passed)
        enterPolling(tr("The folder %1 did not report a test change in time, so it is checked at regular "
                        "intervals instead.")
                         .arg(m_folder));
}

void FolderWatcher::enterPolling(const QString &reason)
{
    m_polling = true;
    m_degradedReason = reason;
    m_rescanTimer.start(m_options.pollMs);
    qCWarning(lcWatcher) << reason;
    emit degraded(reason);
}

void FolderWatcher::onDirectoryChanged(const QString &path)
{
    if (path == m_folder && !m_probeFile.isEmpty())
        finishSelfTest(true);
    if (!m_eventTimer.isActive())
        m_eventTimer.start(kEventCoalesceMs);
}

void FolderWatcher::rescanNow()
{
    const QDir dir(m_folder);
    if (!QFileInfo(m_folder).isDir()) {
        if (!m_missing) {
            m_missing = true;
            m_settler.clear();
            m_reported.clear();
            m_watcher.removePath(m_folder);
            if (QFileInfo(m_parent).isDir())
                m_watcher.addPath(m_parent); // to notice promptly when it comes back
            // The parent may be missing too, or unwatchable (another user's directory, a network
            // mount): checking at the polling interval finds the folder back within pollMs
            // whatever happened above it, and costs one stat.
            m_rescanTimer.start(m_options.pollMs);
            const QString reason =
                tr("The watched folder %1 is missing; it is watched again when it comes back.").arg(m_folder);
            qCWarning(lcWatcher) << reason;
            emit folderMissing(reason);
        }
        emit scanned();
        return;
    }
    if (!m_watcher.directories().contains(m_folder))
        m_watcher.addPath(m_folder); // inotify drops a folder that was removed or replaced
    if (m_missing) {
        m_missing = false;
        if (m_parent != m_folder)
            m_watcher.removePath(m_parent);
        m_rescanTimer.start(m_polling ? m_options.pollMs : m_options.rescanMs);
        qCInfo(lcWatcher) << "folder is back:" << m_folder;
        emit folderBack();
        startSelfTest();
    }

    QSet<QString> present;
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    for (const QString &name : names) {
        if (!m_rules.accepts(name))
            continue;
        const QString path = dir.filePath(name);
        const std::optional<FileVersion> v = FileVersion::of(path);
        if (!v)
            continue; // a symlink or something else that is not a regular file
        present.insert(path);
        const auto reported = m_reported.constFind(path);
        if (reported != m_reported.constEnd()) {
            if (*reported == *v)
                continue;            // this version was handed on already
            m_reported.remove(path); // a new version under the same name
        }
        m_settler.track(path);
    }
    // Forget what is gone, so a later file of the same name is a new document.
    for (auto it = m_reported.begin(); it != m_reported.end();)
        it = present.contains(it.key()) ? std::next(it) : m_reported.erase(it);
    for (const QString &tracked : m_settler.trackedPaths())
        if (!present.contains(tracked))
            m_settler.untrack(tracked);
    probeDue();
    emit scanned();
}

void FolderWatcher::probeDue()
{
    for (const FileSettler::Ready &r : m_settler.probeDue(m_clock.now())) {
        m_reported.insert(r.path, r.version);
        qCDebug(lcWatcher) << "ready:" << r.path;
        emit fileReady(r.path, m_options.profileId);
    }
    scheduleProbe();
}

void FolderWatcher::scheduleProbe()
{
    const qint64 ms = m_settler.msUntilNextProbe(m_clock.now());
    if (ms < 0)
        m_probeTimer.stop();
    else
        m_probeTimer.start(int(std::clamp<qint64>(ms, 1, 60000)));
}

} // namespace einvoice

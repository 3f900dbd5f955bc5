#include "folderwatcher.h"

#include "filesystemprobe.h"
#include "watcherlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <unistd.h>

namespace einvoice {

FolderWatcher::FolderWatcher(QString folder, Options options, const WatchClock &clock, QObject *parent)
    : QObject(parent), m_folder(QDir(folder).absolutePath()), m_options(std::move(options)),
      m_settler(clock, m_options.settle)
{
    m_rescanTimer.setParent(this);
    m_probeTimer.setParent(this);
    m_selfTestTimer.setParent(this);
    m_watcher.setParent(this);
    m_probeTimer.setSingleShot(true);
    m_selfTestTimer.setSingleShot(true);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FolderWatcher::onDirectoryChanged);
    connect(&m_rescanTimer, &QTimer::timeout, this, &FolderWatcher::rescanNow);
    connect(&m_probeTimer, &QTimer::timeout, this, &FolderWatcher::probeDue);
    connect(&m_selfTestTimer, &QTimer::timeout, this, [this] { finishSelfTest(false); });
}

void FolderWatcher::start()
{
    const FilesystemProbe::Result fs = FilesystemProbe::probe(m_folder);
    if (m_options.forcePolling)
        enterPolling(tr("Polling was chosen for the folder %1 in the settings.").arg(m_folder));
    else if (fs.ok && fs.needsPolling)
        enterPolling(fs.reason);
    else
        m_rescanTimer.start(m_options.rescanMs);
    if (QFileInfo(m_folder).isDir())
        m_watcher.addPath(m_folder);
    rescanNow();
    if (!m_polling && !m_missing) {
        // Self-test: a hidden probe file must raise an event, or events cannot be trusted here.
        m_probeFile = QDir(m_folder).filePath(QStringLiteral(".einvoice-selftest-%1").arg(::getpid()));
        QFile probe(m_probeFile);
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            m_selfTestTimer.start(m_options.selfTestTimeoutMs);
        } else {
            m_probeFile.clear();
        }
    }
}

void FolderWatcher::finishSelfTest(bool passed)
{
    if (m_probeFile.isEmpty())
        return;
    m_selfTestTimer.stop();
    QFile::remove(m_probeFile);
    m_probeFile.clear();
    if (!passed)
        enterPolling(
            tr("The folder %1 did not report a test change in time; it is checked at regular intervals "
               "instead.")
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

void FolderWatcher::onDirectoryChanged()
{
    if (!m_probeFile.isEmpty())
        finishSelfTest(true);
    rescanNow();
}

void FolderWatcher::rescanNow()
{
    const QDir dir(m_folder);
    if (!dir.exists()) {
        if (!m_missing) {
            m_missing = true;
            m_settler.clear();
            emit folderMissing(tr("The watched folder %1 is missing; it is watched again when it comes back.")
                                   .arg(m_folder));
        }
        return;
    }
    if (m_missing) {
        m_missing = false;
        emit folderBack();
    }
    if (!m_watcher.directories().contains(m_folder))
        m_watcher.addPath(m_folder); // inotify drops a folder that was removed
    QSet<QString> present;
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (!m_rules.accepts(info.fileName()))
            continue;
        const QString path = info.absoluteFilePath();
        present.insert(path);
        const std::optional<FileVersion> v = FileVersion::of(path);
        if (!v)
            continue;
        const auto reported = m_reported.constFind(path);
        if (reported != m_reported.constEnd() && *reported == *v)
            continue; // this version was handed on already
        m_settler.track(path);
    }
    // Forget what is gone, so a later file of the same name is a new document.
    for (auto it = m_reported.begin(); it != m_reported.end();)
        it = present.contains(it.key()) ? std::next(it) : m_reported.erase(it);
    for (const QString &tracked : m_settler.trackedPaths())
        if (!present.contains(tracked))
            m_settler.untrack(tracked);
    probeDue();
}

void FolderWatcher::probeDue()
{
    for (const FileSettler::Ready &r : m_settler.probeDue()) {
        m_reported.insert(r.path, r.version);
        emit fileReady(r.path, m_options.profileId);
    }
    scheduleProbe();
}

void FolderWatcher::scheduleProbe()
{
    const qint64 ms = m_settler.msUntilNextProbe();
    if (ms < 0)
        m_probeTimer.stop();
    else
        m_probeTimer.start(int(std::max<qint64>(ms, 1)));
}

} // namespace einvoice

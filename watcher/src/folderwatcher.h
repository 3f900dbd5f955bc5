#pragma once

#include "clock.h"
#include "filesettler.h"
#include "ignorerules.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace einvoice {

/// Watches one export folder (not its sub-folders) bound to a sender profile and reports each
/// complete PDF or XML document once per version: `fileReady(path, profileId)`.
///
/// inotify (through QFileSystemWatcher) gives prompt events; a periodic rescan is the safety net,
/// and the only source on file systems that do not announce changes. At start a self-test writes
/// a hidden probe file and expects an event within `selfTestTimeoutMs`; if none comes, or the
/// folder is on NFS, SMB/CIFS, exFAT, vfat or FUSE (FilesystemProbe), the watcher polls and says
/// so through `degraded(reason)`. A folder that disappears is reported (`folderMissing`), its
/// parent is watched meanwhile, and it is watched again when it comes back (`folderBack`). Files
/// settle through FileSettler, so half-written files are never reported; a version already
/// reported is not reported again, a new version of the same name (different inode, size or
/// mtime) is.
///
/// Lives in the thread that created it (timers and the QFileSystemWatcher are its members). The
/// clock is not owned and must outlive the watcher; settle decisions use clock.now(), so a test
/// with a ManualClock decides when files settle.
class FolderWatcher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString profileId;
        FileSettler::Options settle;
        int rescanMs = 30000; ///< safety-net rescan while events work
        int pollMs = 2000;    ///< rescan interval when events cannot be trusted
        int selfTestTimeoutMs = 5000;
        bool forcePolling = false;
    };

    FolderWatcher(QString folder, Options options, const Clock &clock, QObject *parent = nullptr);
    ~FolderWatcher() override;

    /// Probes the file system, runs the self-test and starts watching. Call once.
    void start();
    QString folder() const { return m_folder; }
    QString profileId() const { return m_options.profileId; }
    bool isPolling() const { return m_polling; }
    bool isMissing() const { return m_missing; }
    /// Why the watcher polls (user-visible), empty while events are trusted.
    QString degradedReason() const { return m_degradedReason; }
    /// Files seen but not yet settled.
    int pendingCount() const { return m_settler.trackedCount(); }
    /// Rescans the folder and probes what is due now (what the timers and events trigger).
    void rescanNow();

signals:
    void fileReady(const QString &path, const QString &profileId);
    void degraded(const QString &reason);
    void folderMissing(const QString &reason);
    void folderBack();
    /// After every rescan; lets the UI show "last checked" and tests wait without sleeping.
    void scanned();

private:
    void onDirectoryChanged(const QString &path);
    void probeDue();
    void scheduleProbe();
    void startSelfTest();
    void finishSelfTest(bool passed);
    void enterPolling(const QString &reason);

    QString m_folder;
    QString m_parent;
    Options m_options;
    const Clock &m_clock;
    FileSettler m_settler;
    IgnoreRules m_rules;
    QFileSystemWatcher m_watcher;
    QTimer m_rescanTimer;
    QTimer m_eventTimer;
    QTimer m_probeTimer;
    QTimer m_selfTestTimer;
    QString m_probeFile;
    bool m_polling = false;
    bool m_missing = false;
    QString m_degradedReason;
    QHash<QString, FileVersion> m_reported; // what was reported, so a version is reported once
};

} // namespace einvoice

#pragma once

#include "filesettler.h"
#include "ignorerules.h"
#include "watchclock.h"

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
/// a hidden probe file and expects an event; if none comes in time, or the folder is on NFS, SMB,
/// exFAT, vfat or FUSE, the watcher polls and says so through `degraded(reason)`. A folder that
/// disappears is reported (`folderMissing`) and watched again when it comes back. Files settle
/// through FileSettler, so half-written files are never reported.
///
/// Lives in the thread that created it (timers and the watcher are its children); the clock is
/// not owned and must outlive it.
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

    FolderWatcher(QString folder, Options options, const WatchClock &clock = SteadyWatchClock::instance(),
                  QObject *parent = nullptr);

    void start();
    QString folder() const { return m_folder; }
    bool isPolling() const { return m_polling; }
    QString degradedReason() const { return m_degradedReason; }
    /// Rescans the folder and probes what is due now (also what the timers do).
    void rescanNow();

signals:
    void fileReady(const QString &path, const QString &profileId);
    void degraded(const QString &reason);
    void folderMissing(const QString &reason);
    void folderBack();

private:
    void onDirectoryChanged();
    void probeDue();
    void scheduleProbe();
    void enterPolling(const QString &reason);
    void finishSelfTest(bool passed);

    QString m_folder;
    Options m_options;
    FileSettler m_settler;
    IgnoreRules m_rules;
    QFileSystemWatcher m_watcher;
    QTimer m_rescanTimer;
    QTimer m_probeTimer;
    QTimer m_selfTestTimer;
    QString m_probeFile;
    bool m_polling = false;
    bool m_missing = false;
    QString m_degradedReason;
    QHash<QString, FileVersion> m_reported; // what was reported, so a version is reported once
};

} // namespace einvoice

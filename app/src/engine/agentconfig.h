#pragma once

#include "senderprofile.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace einvoice {

/// Retry schedule for transient send failures: exponential backoff with jitter.
struct RetrySettings
{
    int baseSecs = 30;    ///< first wait
    int maxSecs = 3600;   ///< cap for one wait
    int maxAttempts = 12; ///< then the job fails with the last error
    double jitter = 0.2;  ///< +/- fraction of each wait, so many agents do not retry in step
};

/// Everything the agent reads from its configuration file (QSettings INI). Every setting has a
/// default, so an empty file (or none) gives a working agent that reviews everything and writes
/// e-invoices to an outbox folder in its data directory. The file format is documented in
/// docs/configuration.md. A value type.
struct AgentConfig
{
    QString configPath;  ///< the file read (empty when none)
    QString dataDir;     ///< journal, spool, job files, audit log
    QString journalPath; ///< default dataDir/journal.sqlite
    QString spoolDir;    ///< default dataDir/spool
    QString jobsDir;     ///< default dataDir/jobs (per-job extraction, e-invoice, validation)
    QString logDir;      ///< default dataDir/logs
    QString templateDir; ///< learned layouts; default TemplateStore::defaultDir()
    QString incomingDir; ///< downloads of incoming invoices; default ~/Documents/eInvoices/Incoming
    QStringList incomingFormats{QStringLiteral("ubl"), QStringLiteral("pdf")};
    QString printerSpoolDir;  ///< the CUPS backend's per-user capture folder; empty = none
    QString printerProfile;   ///< profile printed documents belong to; default the first profile
    QString controlSocket;    ///< QLocalServer name/path; default dataDir/agent.sock
    QString loggingRules;     ///< QLoggingCategory filter rules, e.g. "einvoice.*.debug=true"
    int workers = 2;          ///< documents read in parallel
    int readTimeoutSecs = 60; ///< a document whose PDF takes longer is set aside
    int readMemoryMb = 1024;  ///< address space of a PDF reader process
    QString pdfWorker;        ///< reader program; empty = beside the agent; "inprocess" = none
    int settleMs = 1500;      ///< a file must be unchanged this long before it is taken
    int rescanMs = 30000;
    int pollMs = 2000;
    bool forcePolling = false;
    int statusPollSecs = 300; ///< how often delivery status and the inbox are polled
    bool sendingPaused = false;
    RetrySettings retry;
    QList<SenderProfile> profiles;

    /// Reads @p path (must exist when given; empty = defaults only). Relative paths in the file
    /// are relative to the file's folder. Returns nullopt with @p error naming the file, the key
    /// and the problem for a value that cannot be used.
    static std::optional<AgentConfig> load(const QString &path, QString *error);
    /// The default configuration file: QStandardPaths AppConfigLocation/agent.ini
    /// (~/.config/einvoice/agent.ini); $EINVOICE_CONFIG overrides it.
    static QString defaultPath();
    /// The default data directory: QStandardPaths AppDataLocation (~/.local/share/einvoice);
    /// $EINVOICE_DATA_DIR overrides it.
    static QString defaultDataDir();

    const SenderProfile *profile(const QString &id) const;
    /// Creates the data, spool, jobs and log directories (0700). Returns an error naming the
    /// directory, or an empty string.
    QString ensureDirectories() const;
    /// Writes the settings back (the tray's settings dialog and `einvoice-agent --write-config`).
    QString save(const QString &path) const;
};

} // namespace einvoice

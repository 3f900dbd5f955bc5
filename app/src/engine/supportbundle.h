#pragma once

#include "clock.h"

#include <QString>
#include <QStringList>

namespace einvoice {

/// Writes the support bundle: one zip a user can send to whoever helps them, holding
///
///     README.txt            what is inside, when it was made, whether it is redacted
///     system-info.txt       versions of the agent, Qt, Poppler, curl, zlib and the OS; paths; disk space
///     config/<name>         the configuration file with every secret value masked
///     logs/<name>           the log file and its rotated copies
///     audit/<name>          the audit log files, and audit/verify.txt: AuditLog::verify() of the originals
///     journal-summary.txt   jobs per state and the last N jobs with attempts, last error and timeline
///
/// Nothing is silently left out: a missing or unreadable piece is named in README.txt.
///
/// Secrets are always masked: configuration keys named like token/password/secret/key/credential,
/// and everything LogFile::redact() finds in any file. With Options::redact, personal and business
/// data is replaced as well, in every file of the bundle: names (seller and buyer names from the
/// journal, plus Options::knownNames), invoice numbers and amounts become stable placeholders
/// (the same value gives the same placeholder everywhere: NAME-1, INVOICE-2, AMOUNT-3). Amounts
/// are recognised in any common notation (1234.50, 1,234.50, 1.234,50, 1 234,50), so a value the
/// journal does not know is still masked. A redacted audit log no longer verifies (its lines
/// changed), which is why audit/verify.txt is computed before redaction.
///
/// Stateless: write() may run in any thread; it opens its own read connection to the journal
/// (the daemon may keep running) and never changes the logs or the audit log.
class SupportBundle
{
public:
    struct Options
    {
        QString outputPath; // the zip to write (replaced if it exists)
        QString logDirectory;
        QString logFileName = QStringLiteral("einvoice-agent.log");
        QString auditDirectory; // the data directory holding audit.jsonl
        QString journalPath;    // the job journal; need not exist
        QString configPath;     // empty: no configuration file in use
        bool redact = false;
        int lastJobs = 50;            // jobs listed in detail in the journal summary
        QStringList knownNames;       // more names to redact (sender profiles, customers from the config)
        const Clock *clock = nullptr; // stamps README.txt and the entries; null: system clock
    };

    struct Result
    {
        QString error;       // empty on success: the zip was written
        QStringList entries; // names inside the zip
        QStringList missing; // pieces that could not be included, with the reason (also in README.txt)
        bool ok() const { return error.isEmpty(); }
    };

    static Result write(const Options &options);

    /// The INI text @p text with the value of every key whose name suggests a secret replaced by
    /// "[redacted]" (comments, sections and other keys unchanged).
    static QString maskConfigSecrets(const QString &text);
    /// True for key names like "token", "api_key", "Password", "transport/client_secret".
    static bool isSecretKey(const QString &key);
};

} // namespace einvoice

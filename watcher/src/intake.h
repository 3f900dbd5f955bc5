#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace einvoice {

/// Takes a settled document into the agent's own spool without touching the user's original
/// until that is safe, and afterwards archives the original.
///
/// copyToSpool() copies the file to a temporary name in the spool, hashing it (SHA-256) as it
/// goes, fsyncs, checks the original did not change while being copied, and renames the copy to
/// its content address (`<sha256>.<ext>`), so a re-export of the same content lands on the same
/// name. Only after the caller has recorded the job does archiveOriginal() move the original to
/// `Processed/YYYY-MM/` (or `Failed/`, with `NAME.error.json` saying what went wrong in plain
/// words) inside the export folder — the watcher does not descend into sub-folders. Nothing is
/// ever overwritten, and on any error the original stays where it was. A value type; any thread.
class Intake
{
public:
    struct Copy
    {
        bool ok = false;
        QString spoolPath;
        QByteArray sha256; // lower-case hex
        qint64 size = 0;
        QString error; // names the file and the problem
    };
    enum class Outcome
    {
        Processed,
        Failed
    };

    explicit Intake(QString spoolDir) : m_spoolDir(std::move(spoolDir)) {}

    Copy copyToSpool(const QString &original) const;
    /// Returns the archived path, or an empty string and @p error.
    QString archiveOriginal(const QString &original, Outcome outcome, const QDate &date,
                            const QString &failureText, QString *error) const;

private:
    QString m_spoolDir;
};

} // namespace einvoice

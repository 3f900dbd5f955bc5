#pragma once

#include <QString>
#include <QStringList>

namespace einvoice {

/// Decides from a file name alone whether a file in an export folder is a document to capture.
///
/// Temporary, lock and partial-download names are skipped (`*.tmp`, `*.part`, `*.filepart`,
/// `*.crdownload`, `*.swp`, `~$*`, `.~lock.*#`, every dot file), and only PDF and XML are accepted.
/// Matching is on the NFC form, case-insensitively, so "RECHNUNG.PDF", names with spaces and names
/// stored decomposed (NFD, as macOS and some SMB servers write them) behave like their plain
/// forms. The path itself is never rewritten: callers keep the name exactly as the file system
/// has it. A value type, safe to copy and to use from any thread.
class IgnoreRules
{
public:
    enum class Verdict
    {
        Accept,      ///< a PDF or XML document to capture
        Temporary,   ///< temp, lock, partial or hidden file: another program is still at work
        Unsupported, ///< a finished file of a type we do not read (left alone)
    };

    IgnoreRules();

    Verdict classify(const QString &fileName) const;
    bool accepts(const QString &fileName) const { return classify(fileName) == Verdict::Accept; }

    /// Extra suffixes (e.g. "bak") treated as temporary; lower-case, without the dot.
    void addTemporarySuffix(const QString &suffix);

    /// Accepted extensions, lower-case without the dot ("pdf", "xml").
    QStringList acceptedExtensions() const { return m_accepted; }

private:
    QStringList m_temporarySuffixes;
    QStringList m_accepted;
};

} // namespace einvoice

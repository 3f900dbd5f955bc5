#include "ignorerules.h"

namespace einvoice {

IgnoreRules::IgnoreRules()
    : m_temporarySuffixes{QStringLiteral("tmp"),      QStringLiteral("temp"),
                          QStringLiteral("part"),     QStringLiteral("partial"),
                          QStringLiteral("filepart"), QStringLiteral("crdownload"),
                          QStringLiteral("download"), QStringLiteral("swp"),
                          QStringLiteral("swx"),      QStringLiteral("lock")},
      m_accepted{QStringLiteral("pdf"), QStringLiteral("xml")}
{
}

void IgnoreRules::addTemporarySuffix(const QString &suffix)
{
    const QString s = suffix.toLower();
    if (!s.isEmpty() && !m_temporarySuffixes.contains(s))
        m_temporarySuffixes.append(s);
}

IgnoreRules::Verdict IgnoreRules::classify(const QString &fileName) const
{
    // Compare on NFC and lower case so the decomposed and upper-case spellings match the same rules.
    const QString name = fileName.normalized(QString::NormalizationForm_C).toLower();
    if (name.isEmpty())
        return Verdict::Unsupported;

    // Dot files cover `.~lock.x#` (LibreOffice), `.x.swp` (vim), rsync's `.x.AbCdEf` and our own
    // self-test probe; Office's owner files start with `~$`; editors' backups end with `~`.
    if (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1String("~$")) ||
        name.endsWith(QLatin1Char('~')) || name.endsWith(QLatin1Char('#')))
        return Verdict::Temporary;

    const int dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == name.size() - 1)
        return Verdict::Unsupported;
    // Trailing blanks are not part of the extension as the user reads it ("x.pdf " is a PDF).
    const QString ext = name.mid(dot + 1).trimmed();
    if (m_temporarySuffixes.contains(ext))
        return Verdict::Temporary;
    return m_accepted.contains(ext) ? Verdict::Accept : Verdict::Unsupported;
}

} // namespace einvoice

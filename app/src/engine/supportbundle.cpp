#include "supportbundle.h"

#include "auditlog.h"
#include "decimal.h"
#include "jobjournal.h"
#include "logfile.h"
#include "zipwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QStorageInfo>
#include <QSysInfo>
#include <algorithm>
#include <curl/curl.h>
#include <poppler/cpp/poppler-version.h>
#include <zlib.h>

namespace einvoice {

Q_LOGGING_CATEGORY(lcSupport, "einvoice.support", QtInfoMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SupportBundle", text);
}

// Replaces names, invoice numbers and amounts by stable placeholders. Known values (from the
// journal and the configuration) are matched literally, as whole words; amounts are matched in
// any usual notation as well, and the same amount gives the same placeholder however written.
class Redactor
{
public:
    void addName(const QString &name)
    {
        const QString value = name.trimmed();
        if (value.size() < 2)
            return;
        const QString key = value.toCaseFolded();
        if (!m_names.contains(key))
            m_names.insert(key, QStringLiteral("NAME-%1").arg(m_names.size() + 1));
        m_nameTexts.insert(value);
    }
    void addInvoiceNumber(const QString &number)
    {
        const QString value = number.trimmed();
        if (value.isEmpty())
            return;
        if (!m_numbers.contains(value))
            m_numbers.insert(value, QStringLiteral("INVOICE-%1").arg(m_numbers.size() + 1));
    }
    void addAmount(const QString &text)
    {
        const std::optional<Decimal> value = Decimal::parse(text.trimmed());
        if (!value)
            return;
        m_amountTexts.insert(text.trimmed(), amountPlaceholder(*value));
    }

    QString apply(const QString &text)
    {
        prepare();
        QString out = text;
        for (const Rule &rule : std::as_const(m_nameRules))
            out = replace(out, rule, [this](const QString &match) {
                return m_names.value(match.toCaseFolded(), match);
            });
        for (const Rule &rule : std::as_const(m_numberRules))
            out = replace(out, rule, [this](const QString &match) { return m_numbers.value(match, match); });
        for (const Rule &rule : std::as_const(m_knownAmountRules))
            out = replace(out, rule,
                          [this](const QString &match) { return m_amountTexts.value(match, match); });
        // Amounts the journal does not know: any number with two decimals, grouped or not.
        static const QRegularExpression anyAmount(
            QStringLiteral("(?<![\\w.,])(\\d{1,3}(?:[.,\\x{00A0}\\x{202F}' "
                           "]\\d{3})+|\\d+)[.,](\\d{2})(?![\\w]|[.,]\\d)"),
            QRegularExpression::UseUnicodePropertiesOption);
        out = replaceMatches(out, anyAmount, [this](const QRegularExpressionMatch &m) {
            QString digits = m.captured(1);
            digits.remove(QRegularExpression(QStringLiteral("\\D")));
            const std::optional<Decimal> value = Decimal::parse(digits + QLatin1Char('.') + m.captured(2));
            return value ? amountPlaceholder(*value) : m.captured(0);
        });
        return out;
    }

private:
    QString amountPlaceholder(const Decimal &value)
    {
        const QString key = value.toString(2);
        auto it = m_amounts.find(key);
        if (it == m_amounts.end())
            it = m_amounts.insert(key, QStringLiteral("AMOUNT-%1").arg(m_amounts.size() + 1));
        return it.value();
    }

    // Known values of one kind, matched as whole words by one alternation.
    struct Rule
    {
        QRegularExpression expression;
        QStringList values; // for the literal fallback
        bool caseInsensitive = false;
    };

    template <typename F>
    static QString replaceMatches(const QString &text, const QRegularExpression &rule, F placeholderFor)
    {
        QString out;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = rule.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(last, m.capturedStart(0) - last);
            out += placeholderFor(m);
            last = m.capturedEnd(0);
        }
        if (last == 0)
            return text;
        out += QStringView(text).mid(last);
        return out;
    }

    template <typename F> static QString replace(const QString &text, const Rule &rule, F placeholderFor)
    {
        if (rule.expression.isValid())
            return replaceMatches(text, rule.expression, [&](const QRegularExpressionMatch &m) {
                return placeholderFor(m.captured(0));
            });
        // Never leave a value in because the pattern could not be built: replace it anywhere.
        QString out = text;
        for (const QString &value : rule.values)
            out.replace(value, placeholderFor(value),
                        rule.caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive);
        return out;
    }

    // Alternations of the values, longest first so "ACME Holding" wins over "ACME". PCRE2 limits
    // the size of one compiled pattern, so thousands of names are split into several patterns,
    // applied longest values first.
    static QList<Rule> alternations(QStringList values, bool caseInsensitive)
    {
        std::sort(values.begin(), values.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
        if (caseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        QList<Rule> rules;
        QStringList chunk, escaped;
        qsizetype length = 0;
        const auto flush = [&] {
            if (chunk.isEmpty())
                return;
            Rule rule;
            rule.expression = QRegularExpression(
                QStringLiteral("(?<![\\w])(?:%1)(?![\\w])").arg(escaped.join(QLatin1Char('|'))), options);
            if (!rule.expression.isValid())
                qCWarning(lcSupport) << "redaction pattern not usable, replacing literally:"
                                     << rule.expression.errorString();
            rule.values = chunk;
            rule.caseInsensitive = caseInsensitive;
            rules.append(rule);
            chunk.clear();
            escaped.clear();
            length = 0;
        };
        for (const QString &value : std::as_const(values)) {
            chunk << value;
            escaped << QRegularExpression::escape(value);
            length += escaped.last().size() + 1;
            if (length > 4000)
                flush();
        }
        flush();
        return rules;
    }

    void prepare()
    {
        if (m_prepared)
            return;
        m_prepared = true;
        m_nameRules = alternations(QStringList(m_nameTexts.cbegin(), m_nameTexts.cend()), true);
        m_numberRules = alternations(m_numbers.keys(), false);
        m_knownAmountRules = alternations(m_amountTexts.keys(), false);
    }

    QHash<QString, QString> m_names; // case-folded name -> placeholder
    QSet<QString> m_nameTexts;
    QHash<QString, QString> m_numbers;
    QHash<QString, QString> m_amountTexts; // literal text as stored -> placeholder
    QHash<QString, QString> m_amounts;     // amount with two decimals -> placeholder
    bool m_prepared = false;
    QList<Rule> m_nameRules, m_numberRules, m_knownAmountRules;
};

struct Entry
{
    QString name;
    QByteArray data;
    QDateTime modified;
};

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? JobJournal::formatTime(time) : QStringLiteral("-");
}

// Summary of the journal; fills @p redactor with every name, number and amount it holds.
QString journalSummary(const SupportBundle::Options &options, Redactor &redactor, QString *missing)
{
    if (options.journalPath.isEmpty() || !QFileInfo::exists(options.journalPath)) {
        *missing = tr("journal-summary.txt: no job journal at %1").arg(orDash(options.journalPath));
        return {};
    }
    JobJournal journal;
    if (const QString error = journal.open(options.journalPath, options.clock); !error.isEmpty()) {
        *missing = tr("journal-summary.txt: %1").arg(error);
        return {};
    }
    QString error;
    const QList<Job> all = journal.jobs(JobQuery{}, &error);
    for (const Job &job : all) {
        redactor.addName(job.display.sellerName);
        redactor.addName(job.display.buyerName);
        redactor.addInvoiceNumber(job.display.invoiceNumber);
        if (job.display.amount)
            redactor.addAmount(job.display.amount->toString());
    }
    QString out;
    out +=
        tr("Job journal: %1 (schema version %2)\n").arg(options.journalPath).arg(JobJournal::schemaVersion());
    if (!error.isEmpty())
        out += tr("Could not list the jobs: %1\n").arg(error);
    out += tr("\nJobs per state (%1 in all):\n").arg(all.size());
    const QMap<JobState, int> counts = journal.countsByState(&error);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out += QStringLiteral("  %1 %2\n").arg(jobStateName(it.key()), -14).arg(it.value(), 6);

    JobQuery recent;
    recent.order = JobOrder::RecentlyUpdatedFirst;
    recent.limit = qMax(0, options.lastJobs);
    const QList<Job> jobs = options.lastJobs > 0 ? journal.jobs(recent, &error) : QList<Job>();
    out += tr("\nThe %1 most recently updated jobs:\n").arg(jobs.size());
    for (const Job &job : jobs) {
        const JobDisplay &d = job.display;
        out += QStringLiteral("\n#%1 %2  attempts %3  profile %4  source %5\n")
                   .arg(job.id)
                   .arg(jobStateName(job.state), QString::number(job.attempts), orDash(job.senderProfile),
                        sourceKindName(job.source));
        out += tr("  invoice %1  seller %2  buyer %3  amount %4 %5  issued %6\n")
                   .arg(orDash(d.invoiceNumber), orDash(d.sellerName), orDash(d.buyerName),
                        d.amount ? d.amount->toString() : QStringLiteral("-"), orDash(d.currency),
                        d.issueDate.isValid() ? d.issueDate.toString(Qt::ISODate) : QStringLiteral("-"));
        out += tr("  content %1\n  original %2\n  spool %3\n")
                   .arg(job.contentHash, orDash(job.originalPath), orDash(job.spoolPath));
        out += tr("  remote id %1  next retry %2  created %3  updated %4\n")
                   .arg(orDash(job.remoteId), timeText(job.nextRetryAt), timeText(job.createdAt),
                        timeText(job.updatedAt));
        if (!job.lastError.isEmpty())
            out += tr("  last error: %1\n").arg(job.lastError);
        out += tr("  timeline:\n");
        for (const JobEvent &event : journal.events(job.id, &error))
            out += QStringLiteral("    %1 %2 %3\n")
                       .arg(timeText(event.time))
                       .arg(jobStateName(event.state), -13)
                       .arg(event.message);
    }
    return out;
}

QString systemInfo(const SupportBundle::Options &options, const QDateTime &now)
{
    const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);
    QString out;
    out += tr("Created: %1\n").arg(timeText(now));
    out += tr("eInvoice Connector: %1\n").arg(QStringLiteral(EINVOICE_VERSION));
    out +=
        tr("Qt: %1 (built with %2)\n").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    out += tr("Poppler: %1\n").arg(QString::fromStdString(poppler::version_string()));
    out += tr("curl: %1 (%2)\n")
               .arg(QString::fromLatin1(curl->version),
                    QString::fromLatin1(curl->ssl_version ? curl->ssl_version : "no TLS"));
    out += tr("zlib: %1\n").arg(QString::fromLatin1(zlibVersion()));
    out += tr("OS: %1; kernel %2 %3; %4\n")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(), QSysInfo::kernelVersion(),
                    QSysInfo::currentCpuArchitecture());
    if (!options.redact)
        out += tr("Host: %1\n").arg(QSysInfo::machineHostName());
    out += tr("\nPaths:\n  configuration %1\n  logs %2\n  audit log %3\n  journal %4\n")
               .arg(orDash(options.configPath), orDash(options.logDirectory), orDash(options.auditDirectory),
                    orDash(options.journalPath));
    for (const QString &dir : {options.logDirectory, options.auditDirectory}) {
        if (dir.isEmpty() || !QFileInfo::exists(dir))
            continue;
        const QStorageInfo storage(dir);
        out += tr("  free space at %1: %2 MiB of %3 MiB (%4)\n")
                   .arg(dir)
                   .arg(storage.bytesAvailable() / (1024 * 1024))
                   .arg(storage.bytesTotal() / (1024 * 1024))
                   .arg(QString::fromUtf8(storage.fileSystemType()));
    }
    return out;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace

bool SupportBundle::isSecretKey(const QString &key)
{
    static const QRegularExpression secret(QStringLiteral("token|passw|secret|key|credential|auth|cookie"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QString last = key.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1).trimmed();
    return secret.match(last).hasMatch();
}

QString SupportBundle::maskConfigSecrets(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char(';')) ||
            trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char('[')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        if (isSecretKey(line.left(eq)) && !line.mid(eq + 1).trimmed().isEmpty())
            line = line.left(eq + 1) + QStringLiteral("[redacted]");
    }
    return LogFile::redact(lines.join(QLatin1Char('\n')));
}

SupportBundle::Result SupportBundle::write(const Options &options)
{
    Result result;
    static const SystemClock systemClock;
    const QDateTime now = (options.clock ? options.clock : &systemClock)->now().toUTC();
    Redactor redactor;
    for (const QString &name : options.knownNames)
        redactor.addName(name);
    QList<Entry> entries;

    // The journal first: it teaches the redactor the names, numbers and amounts to look for.
    QString missing;
    const QString summary = journalSummary(options, redactor, &missing);
    if (!missing.isEmpty())
        result.missing << missing;

    entries.append({QStringLiteral("system-info.txt"), systemInfo(options, now).toUtf8(), now});

    if (options.configPath.isEmpty()) {
        result.missing << tr("config: no configuration file in use (every setting at its default)");
    } else if (QString error; const std::optional<QByteArray> config = readFile(options.configPath, &error)) {
        entries.append({QStringLiteral("config/") + QFileInfo(options.configPath).fileName(),
                        maskConfigSecrets(QString::fromUtf8(*config)).toUtf8(),
                        QFileInfo(options.configPath).lastModified()});
    } else {
        result.missing << tr("config: %1").arg(error);
    }

    const QStringList logs = LogFile::existingFiles(options.logDirectory, options.logFileName);
    if (logs.isEmpty())
        result.missing << tr("logs: no log files in %1").arg(orDash(options.logDirectory));
    for (const QString &path : logs) {
        QString error;
        if (const std::optional<QByteArray> data = readFile(path, &error))
            entries.append({QStringLiteral("logs/") + QFileInfo(path).fileName(),
                            LogFile::redact(QString::fromUtf8(*data)).toUtf8(),
                            QFileInfo(path).lastModified()});
        else
            result.missing << tr("logs: %1").arg(error);
    }

    const QStringList audits =
        options.auditDirectory.isEmpty() ? QStringList() : AuditLog::files(options.auditDirectory);
    if (audits.isEmpty()) {
        result.missing << tr("audit: no audit log in %1").arg(orDash(options.auditDirectory));
    } else {
        for (const QString &path : audits) {
            QString error;
            if (const std::optional<QByteArray> data = readFile(path, &error))
                entries.append({QStringLiteral("audit/") + QFileInfo(path).fileName(),
                                LogFile::redact(QString::fromUtf8(*data)).toUtf8(),
                                QFileInfo(path).lastModified()});
            else
                result.missing << tr("audit: %1").arg(error);
        }
        const AuditVerification v = AuditLog::verify(options.auditDirectory);
        const QString verdict =
            v.ok() ? tr("The audit log verifies: %1 records in %2 files, sequence and hash chain intact.\n")
                         .arg(v.records)
                         .arg(v.files)
                   : tr("The audit log does NOT verify (%1 records in %2 files):\n%3\n")
                         .arg(v.records)
                         .arg(v.files)
                         .arg(v.report());
        entries.append({QStringLiteral("audit/verify.txt"), verdict.toUtf8(), now});
    }

    if (!summary.isEmpty())
        entries.append({QStringLiteral("journal-summary.txt"), summary.toUtf8(), now});

    QString readme = tr("eInvoice Connector support bundle, created %1.\n\n").arg(timeText(now));
    readme +=
        tr("system-info.txt      versions and paths\n"
           "config/              the configuration, secret values masked\n"
           "logs/                the agent's log files, newest first (.1, .2 ... are older)\n"
           "audit/               the audit log of every state change; verify.txt checks its hash chain\n"
           "journal-summary.txt  jobs per state and the most recently updated jobs with their timeline\n\n");
    readme += tr("Secrets (tokens, passwords, keys) are masked in every file.\n");
    readme += options.redact
                  ? tr("This bundle is REDACTED: names, invoice numbers and amounts are replaced by "
                       "placeholders (NAME-n, INVOICE-n, AMOUNT-n; the same value has the same placeholder "
                       "everywhere). The redacted audit files no longer verify; verify.txt was computed on "
                       "the originals.\n")
                  : tr("This bundle is NOT redacted: it contains names, invoice numbers and amounts. Use "
                       "'einvoice support-bundle --redact' to replace them.\n");
    if (!result.missing.isEmpty())
        readme += tr("\nNot included:\n  %1\n").arg(result.missing.join(QStringLiteral("\n  ")));
    entries.prepend({QStringLiteral("README.txt"), readme.toUtf8(), now});

    if (options.redact) {
        for (Entry &entry : entries)
            entry.data = redactor.apply(QString::fromUtf8(entry.data)).toUtf8();
    }

    ZipWriter zip;
    if (QString error = zip.open(options.outputPath); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    for (const Entry &entry : std::as_const(entries)) {
        if (QString error = zip.addFile(entry.name, entry.data, ZipWriter::Method::Deflate, entry.modified);
            !error.isEmpty()) {
            result.error = error;
            return result; // the ZipWriter's destructor abandons the partial archive
        }
    }
    if (QString error = zip.close(); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    for (const Entry &entry : std::as_const(entries))
        result.entries << entry.name;
    qCInfo(lcSupport) << "support bundle written to" << options.outputPath << "entries"
                      << result.entries.size() << (options.redact ? "redacted" : "not redacted");
    return result;
}

} // namespace einvoice

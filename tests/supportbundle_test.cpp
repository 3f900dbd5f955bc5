// SupportBundle: a real journal on disk, real log and audit files, the zip unpacked by Python's
// zipfile and its text searched for what must (and must not) be there.
#include "auditlog.h"
#include "jobjournal.h"
#include "logfile.h"
#include "supportbundle.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;
using einvoice::test::run;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << qPrintable(path);
    ASSERT_EQ(f.write(bytes), bytes.size());
}

struct SampleInvoice
{
    const char *number;
    const char *seller;
    const char *buyer;
    const char *amount;
};

const SampleInvoice kInvoices[] = {
    {"RE-2025-0042", "Müller Holzbau GmbH", "Schmidt & Söhne KG", "1234.50"},
    {"INV/7781", "Müller Holzbau GmbH", "Bäckerei Lindqvist AB", "987.65"},
    {"A-19", "Oceanic Freight Ltd", "Schmidt & Söhne KG", "20000.00"},
};

// Text that must not survive --redact, in the notations the logs below use.
const QStringList kSensitive = {
    QStringLiteral("RE-2025-0042"),
    QStringLiteral("INV/7781"),
    QStringLiteral("A-19"),
    QStringLiteral("Müller Holzbau"),
    QStringLiteral("müller holzbau"),
    QStringLiteral("Schmidt & Söhne"),
    QStringLiteral("SCHMIDT & SÖHNE"),
    QStringLiteral("Lindqvist"),
    QStringLiteral("Oceanic Freight"),
    QStringLiteral("Kunde Nur-Im-Config"),
    QStringLiteral("1234.50"),
    QStringLiteral("1.234,50"),
    QStringLiteral("1,234.50"),
    QStringLiteral("987.65"),
    QStringLiteral("987,65"),
    QStringLiteral("20000.00"),
    QStringLiteral("20 000,00"),
    QStringLiteral("20.000,00"),
    QStringLiteral("4711.11"),
};
const QStringList kSecrets = {QStringLiteral("SuperSecretToken123"), QStringLiteral("QueryTok999"),
                              QStringLiteral("hunter2"), QStringLiteral("eyJhbGciOiJIUzI1NiJ9")};

// A data directory as the agent leaves it: journal, audit log, logs (rotated once), config.
class BundleFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        m_logs = m_dir.filePath(QStringLiteral("data/logs"));
        ASSERT_TRUE(QDir().mkpath(m_logs));

        JobJournal journal;
        ASSERT_EQ(journal.open(m_data + QStringLiteral("/journal.sqlite"), &m_clock), QString());
        AuditLog audit;
        ASSERT_EQ(audit.open(m_data, &m_clock), QString());
        int n = 0;
        for (const SampleInvoice &inv : kInvoices) {
            NewJob job;
            job.senderProfile = QStringLiteral("main");
            job.contentHash = QString::fromLatin1(
                QCryptographicHash::hash(QByteArray(inv.number), QCryptographicHash::Sha256).toHex());
            job.originalPath =
                QStringLiteral("/export/%1.pdf").arg(QString::fromUtf8(inv.number).replace('/', '_'));
            job.spoolPath = QStringLiteral("/spool/%1.pdf").arg(job.contentHash);
            const AddJobResult added = journal.addJob(job);
            ASSERT_TRUE(added.ok()) << qPrintable(added.error);
            ASSERT_EQ(audit.appendTransition(*journal.job(added.jobId), std::nullopt, "captured"), QString());
            TransitionOptions withDisplay;
            JobDisplay display;
            display.invoiceNumber = QString::fromUtf8(inv.number);
            display.sellerName = QString::fromUtf8(inv.seller);
            display.buyerName = QString::fromUtf8(inv.buyer);
            display.amount = Decimal::fromString(QString::fromLatin1(inv.amount));
            display.currency = QStringLiteral("EUR");
            withDisplay.display = display;
            m_clock.advanceSecs(5);
            ASSERT_EQ(journal.transition(added.jobId, JobState::Read, QStringLiteral("read"), withDisplay),
                      QString());
            ASSERT_EQ(audit.appendTransition(*journal.job(added.jobId), JobState::Captured, "read"),
                      QString());
            m_clock.advanceSecs(5);
            const QString readyMessage = QStringLiteral("invoice %1 from %2 to %3 over %4 is valid")
                                             .arg(display.invoiceNumber, display.sellerName,
                                                  display.buyerName, QString::fromLatin1(inv.amount));
            ASSERT_EQ(journal.transition(added.jobId, JobState::Ready, readyMessage), QString());
            ASSERT_EQ(audit.appendTransition(*journal.job(added.jobId), JobState::Read, readyMessage),
                      QString());
            if (n++ == 0) {
                ASSERT_EQ(journal.transition(added.jobId, JobState::Approved, QStringLiteral("approved")),
                          QString());
                ASSERT_EQ(journal.transition(added.jobId, JobState::Sending, QStringLiteral("sending")),
                          QString());
                TransitionOptions failed;
                failed.lastError =
                    QStringLiteral("portal refused RE-2025-0042: total 1.234,50 does not match");
                ASSERT_EQ(journal.transition(added.jobId, JobState::Approved, QStringLiteral("retry later"),
                                             failed),
                          QString());
            }
        }
        m_auditBytes = readAll(m_data + QStringLiteral("/audit.jsonl"));

        LogFile::Options lo;
        lo.directory = m_logs;
        lo.maxBytes = 600; // rotates at least once below
        lo.clock = &m_clock;
        LogFile log(lo);
        log.write(QtInfoMsg, "einvoice.engine",
                  QStringLiteral("reading RE-2025-0042: seller Müller Holzbau GmbH total 1,234.50"));
        log.write(QtInfoMsg, "einvoice.engine",
                  QStringLiteral("buyer SCHMIDT & SÖHNE KG amount 20 000,00 (20.000,00)"));
        log.write(QtWarningMsg, "einvoice.engine",
                  QStringLiteral("INV/7781 for Bäckerei Lindqvist AB: 987,65 EUR"));
        log.write(QtInfoMsg, "einvoice.portal",
                  QStringLiteral("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"));
        log.write(QtInfoMsg, "einvoice.engine",
                  QStringLiteral("a stray total of 4711.11 EUR from Oceanic Freight Ltd, A-19"));
        log.write(QtInfoMsg, "einvoice.engine",
                  QStringLiteral("customer Kunde Nur-Im-Config AG set up; 12 jobs, 3.5 s"));
        ASSERT_GE(log.files().size(), 2);

        m_config = m_dir.filePath(QStringLiteral("agent.ini"));
        writeAll(m_config, "; agent configuration\n"
                           "[general]\n"
                           "loggingRules=einvoice.*.debug=true\n"
                           "[profiles]\n"
                           "1\\id=main\n"
                           "1\\seller_name=Müller Holzbau GmbH\n"
                           "1\\transport\\token=SuperSecretToken123\n"
                           "1\\transport\\url=https://portal.example/api?token=QueryTok999\n"
                           "[sftp]\n"
                           "password = hunter2\n"
                           "apiKey=\n");
    }

    SupportBundle::Options options(bool redact)
    {
        SupportBundle::Options o;
        o.outputPath = m_dir.filePath(redact ? QStringLiteral("redacted.zip") : QStringLiteral("plain.zip"));
        o.logDirectory = m_logs;
        o.auditDirectory = m_data;
        o.journalPath = m_data + QStringLiteral("/journal.sqlite");
        o.configPath = m_config;
        o.redact = redact;
        o.knownNames = {QStringLiteral("Müller Holzbau GmbH"), QStringLiteral("Kunde Nur-Im-Config AG")};
        o.clock = &m_clock;
        return o;
    }

    // Unpacks @p zip with Python and returns name -> content.
    QMap<QString, QString> unpack(const QString &zip)
    {
        const QString out = m_dir.filePath(QFileInfo(zip).baseName() + QStringLiteral("-unpacked"));
        const auto r =
            run(QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])"),
                 zip, out});
        EXPECT_EQ(r.exitCode, 0) << r.err.constData();
        QMap<QString, QString> files;
        QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(out).relativeFilePath(path), QString::fromUtf8(readAll(path)));
        }
        return files;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock;
    QString m_data, m_logs, m_config;
    QByteArray m_auditBytes;
};

} // namespace

TEST_F(BundleFixture, HoldsLogsAuditJournalSummaryConfigAndSystemInfo)
{
    const SupportBundle::Result result = SupportBundle::write(options(false));
    ASSERT_TRUE(result.ok()) << qPrintable(result.error);
    EXPECT_TRUE(result.missing.isEmpty()) << qPrintable(result.missing.join('\n'));
    const QString zip = options(false).outputPath;
    const auto unzip = run(QStringLiteral("unzip"), {QStringLiteral("-t"), zip});
    EXPECT_EQ(unzip.exitCode, 0) << unzip.out.constData();

    const QMap<QString, QString> files = unpack(zip);
    QStringList expected = {QStringLiteral("README.txt"),
                            QStringLiteral("system-info.txt"),
                            QStringLiteral("config/agent.ini"),
                            QStringLiteral("logs/einvoice-agent.log"),
                            QStringLiteral("logs/einvoice-agent.log.1"),
                            QStringLiteral("audit/audit.jsonl"),
                            QStringLiteral("audit/verify.txt"),
                            QStringLiteral("journal-summary.txt")};
    for (const QString &name : expected)
        EXPECT_TRUE(files.contains(name))
            << "missing " << qPrintable(name) << "; have " << qPrintable(files.keys().join(' '));
    EXPECT_EQ(QStringList(files.keys()).size(), result.entries.size());

    // The audit log is copied exactly and verified.
    EXPECT_EQ(files.value(QStringLiteral("audit/audit.jsonl")).toUtf8(), m_auditBytes);
    EXPECT_TRUE(
        files.value(QStringLiteral("audit/verify.txt")).contains(QStringLiteral("verifies: 9 records")))
        << qPrintable(files.value(QStringLiteral("audit/verify.txt")));

    const QString summary = files.value(QStringLiteral("journal-summary.txt"));
    EXPECT_TRUE(summary.contains(QRegularExpression(QStringLiteral("\\n  ready\\s+2\\n"))))
        << qPrintable(summary);
    EXPECT_TRUE(summary.contains(QRegularExpression(QStringLiteral("\\n  approved\\s+1\\n"))))
        << qPrintable(summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("attempts 1"))) << qPrintable(summary);
    EXPECT_TRUE(summary.contains(QStringLiteral("last error: portal refused RE-2025-0042")))
        << qPrintable(summary);
    EXPECT_TRUE(
        summary.contains(QStringLiteral("invoice INV/7781  seller Müller Holzbau GmbH  buyer Bäckerei "
                                        "Lindqvist AB  amount 987.65 EUR")))
        << qPrintable(summary);
    EXPECT_TRUE(summary.contains(QRegularExpression(QStringLiteral("sending\\s+sending\\n"))))
        << qPrintable(summary);

    const QString config = files.value(QStringLiteral("config/agent.ini"));
    EXPECT_TRUE(config.contains(QStringLiteral("1\\transport\\token=[redacted]"))) << qPrintable(config);
    EXPECT_TRUE(config.contains(QStringLiteral("password =[redacted]"))) << qPrintable(config);
    EXPECT_TRUE(config.contains(QStringLiteral("loggingRules=einvoice.*.debug=true"))) << qPrintable(config);
    EXPECT_TRUE(config.contains(QStringLiteral("1\\seller_name=Müller Holzbau GmbH"))) << qPrintable(config);

    const QString info = files.value(QStringLiteral("system-info.txt"));
    for (const char *label : {"Qt: 6.", "Poppler: ", "curl: ", "zlib: ", "OS: ", "eInvoice Connector: "})
        EXPECT_TRUE(info.contains(QLatin1String(label))) << label << "\n" << qPrintable(info);
    EXPECT_TRUE(files.value(QStringLiteral("README.txt")).contains(QStringLiteral("NOT redacted")));

    for (auto it = files.cbegin(); it != files.cend(); ++it)
        for (const QString &secret : kSecrets)
            EXPECT_FALSE(it.value().contains(secret)) << qPrintable(secret) << " in " << qPrintable(it.key());
    // Without --redact the business data is there (the test below is meaningful).
    const QString all = QStringList(files.values()).join('\n');
    EXPECT_TRUE(all.contains(QStringLiteral("1,234.50")));
    EXPECT_TRUE(all.contains(QStringLiteral("Schmidt & Söhne KG")));
}

TEST_F(BundleFixture, RedactedBundleKeepsNoNameNumberOrAmount)
{
    const SupportBundle::Result result = SupportBundle::write(options(true));
    ASSERT_TRUE(result.ok()) << qPrintable(result.error);
    const QMap<QString, QString> files = unpack(options(true).outputPath);
    ASSERT_GE(files.size(), 8);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        for (const QString &value : kSensitive + kSecrets)
            EXPECT_FALSE(it.value().contains(value, Qt::CaseInsensitive))
                << qPrintable(value) << " survived in " << qPrintable(it.key()) << ":\n"
                << qPrintable(it.value());
    }
    EXPECT_TRUE(files.value(QStringLiteral("README.txt")).contains(QStringLiteral("REDACTED")));

    // Placeholders are stable: the summary's line for the first invoice and the log line about it
    // use the same placeholders for the same number, seller and amount.
    const QString summary = files.value(QStringLiteral("journal-summary.txt"));
    const QRegularExpression line(QStringLiteral(
        "invoice (INVOICE-\\d+)  seller (NAME-\\d+)  buyer (NAME-\\d+)  amount (AMOUNT-\\d+) EUR"));
    QRegularExpressionMatchIterator it = line.globalMatch(summary);
    QStringList numbers;
    bool foundFirst = false;
    const QString logs = files.value(QStringLiteral("logs/einvoice-agent.log")) +
                         files.value(QStringLiteral("logs/einvoice-agent.log.1"));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        numbers << m.captured(1);
        const QString expectedLog =
            QStringLiteral("reading %1: seller %2 total %3").arg(m.captured(1), m.captured(2), m.captured(4));
        foundFirst = foundFirst || logs.contains(expectedLog);
    }
    EXPECT_EQ(numbers.size(), 3) << qPrintable(summary);
    EXPECT_EQ(QSet<QString>(numbers.begin(), numbers.end()).size(), 3)
        << "different values, different placeholders";
    EXPECT_TRUE(foundFirst) << qPrintable(logs) << "\n" << qPrintable(summary);
    // 1,234.50 in the log, 1.234,50 in the last error and 1234.50 in the journal: one placeholder.
    const QRegularExpression lastError(
        QStringLiteral("last error: portal refused (INVOICE-\\d+): total (AMOUNT-\\d+)"));
    const QRegularExpressionMatch le = lastError.match(summary);
    ASSERT_TRUE(le.hasMatch()) << qPrintable(summary);
    EXPECT_TRUE(logs.contains(QStringLiteral("reading %1: ").arg(le.captured(1)))) << qPrintable(logs);
    EXPECT_TRUE(logs.contains(QStringLiteral("total %1\n").arg(le.captured(2)))) << qPrintable(logs);
    // Numbers that are not amounts stay readable.
    EXPECT_TRUE(logs.contains(QStringLiteral("12 jobs, 3.5 s"))) << qPrintable(logs);
    EXPECT_TRUE(summary.contains(QRegularExpression(QStringLiteral("\\n  ready\\s+2\\n"))))
        << qPrintable(summary);
}

TEST_F(BundleFixture, MissingPiecesAreNamedNotSilentlyDropped)
{
    SupportBundle::Options o = options(false);
    o.journalPath = m_dir.filePath(QStringLiteral("nowhere/journal.sqlite"));
    o.logDirectory = m_dir.filePath(QStringLiteral("nowhere/logs"));
    o.auditDirectory = m_dir.filePath(QStringLiteral("nowhere"));
    o.configPath = m_dir.filePath(QStringLiteral("nowhere/agent.ini"));
    const SupportBundle::Result result = SupportBundle::write(o);
    ASSERT_TRUE(result.ok()) << qPrintable(result.error);
    EXPECT_EQ(result.missing.size(), 4) << qPrintable(result.missing.join('\n'));
    EXPECT_FALSE(QFileInfo::exists(o.journalPath)) << "the bundle must not create a journal";
    const QMap<QString, QString> files = unpack(o.outputPath);
    EXPECT_EQ(QStringList(files.keys()),
              (QStringList{QStringLiteral("README.txt"), QStringLiteral("system-info.txt")}));
    const QString readme = files.value(QStringLiteral("README.txt"));
    EXPECT_TRUE(readme.contains(QStringLiteral("Not included"))) << qPrintable(readme);
    for (const QString &path : {o.journalPath, o.logDirectory, o.configPath})
        EXPECT_TRUE(readme.contains(path)) << qPrintable(path) << "\n" << qPrintable(readme);
}

TEST_F(BundleFixture, UnwritableOutputIsAnErrorNamingIt)
{
    SupportBundle::Options o = options(false);
    o.outputPath = m_dir.filePath(QStringLiteral("no/such/dir/bundle.zip"));
    const SupportBundle::Result result = SupportBundle::write(o);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.error.contains(o.outputPath)) << qPrintable(result.error);
    EXPECT_FALSE(QFileInfo::exists(o.outputPath));
}

TEST(SupportBundleConfig, MasksEverySecretKeyAndNothingElse)
{
    EXPECT_TRUE(SupportBundle::isSecretKey(QStringLiteral("token")));
    EXPECT_TRUE(SupportBundle::isSecretKey(QStringLiteral("profiles/1\\transport\\client_secret")));
    EXPECT_TRUE(SupportBundle::isSecretKey(QStringLiteral("ApiKey")));
    EXPECT_TRUE(SupportBundle::isSecretKey(QStringLiteral("smtp_password")));
    EXPECT_FALSE(SupportBundle::isSecretKey(QStringLiteral("url")));
    EXPECT_FALSE(SupportBundle::isSecretKey(QStringLiteral("tokenizer\\name")));
    const QString masked = SupportBundle::maskConfigSecrets(
        QStringLiteral("[a]\n; token=commented stays\nkey=abc\nname=x\nsecret=\nurl=https://h/?token=t0k\n"));
    EXPECT_EQ(masked, QStringLiteral("[a]\n; token=[redacted] stays\nkey=[redacted]\nname=x\nsecret=\n"
                                     "url=https://h/?token=[redacted]\n"));
}

TEST_F(BundleFixture, ThousandsOfKnownNamesAreAllRedacted)
{
    // More names than one PCRE2 pattern can hold: every one must still be found.
    SupportBundle::Options o = options(true);
    QStringList mentioned;
    for (int i = 0; i < 6000; ++i) {
        o.knownNames << QStringLiteral("Firma Nummer %1 GmbH").arg(i, 4, 10, QLatin1Char('0'));
        if (i % 997 == 0)
            mentioned << o.knownNames.last();
    }
    mentioned << o.knownNames.last();
    LogFile::Options lo;
    lo.directory = m_logs;
    lo.clock = &m_clock;
    LogFile log(lo);
    for (const QString &name : mentioned)
        log.write(QtInfoMsg, "einvoice.engine", QStringLiteral("customer %1 checked").arg(name));
    const SupportBundle::Result result = SupportBundle::write(o);
    ASSERT_TRUE(result.ok()) << qPrintable(result.error);
    const QMap<QString, QString> files = unpack(o.outputPath);
    const QString logText = files.value(QStringLiteral("logs/einvoice-agent.log"));
    ASSERT_FALSE(logText.isEmpty());
    for (const QString &name : mentioned)
        EXPECT_FALSE(logText.contains(name)) << qPrintable(name) << " survived:\n" << qPrintable(logText);
    EXPECT_EQ(logText.count(QRegularExpression(QStringLiteral("customer NAME-\\d+ checked"))),
              mentioned.size())
        << qPrintable(logText);
}

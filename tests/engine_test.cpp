// The engine end to end on real folders, a real journal and the real folder transport; a
// scripted transport only where a portal's answers (failures, refusals) must be chosen.
#include "agentconfig.h"
#include "controlclient.h"
#include "controlserver.h"
#include "engine.h"
#include "foldertransport.h"
#include "pdfworkerpool.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <future>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace einvoice;
using namespace einvoice::test;

namespace {

QString samplesDir()
{
    static QTemporaryDir dir;
    static bool made = false;
    if (!made) {
        const ProcessResult r = run(QStringLiteral(EINVOICE_SAMPLEGEN), {dir.path()});
        made = r.exitCode == 0;
    }
    return dir.path();
}

QStringList sampleFiles()
{
    QStringList out;
    for (const QString &n :
         QDir(samplesDir()).entryList({QStringLiteral("*.pdf"), QStringLiteral("*.xml")}, QDir::Files))
        out << QDir(samplesDir()).filePath(n);
    return out;
}

// A Peppol BIS 3 example with its own invoice number: distinct content, valid, ready to send.
QByteArray ublWithNumber(const QString &number)
{
    static const QByteArray base = readFile(
        referenceDir() + QStringLiteral("/examples/ubl-peppol-bis3/peppol-bis-invoice-3/base-example.xml"));
    QByteArray xml = base;
    const int at = xml.indexOf("<cbc:ID>");
    const int end = xml.indexOf("</cbc:ID>", at);
    return xml.replace(at + 8, end - at - 8, number.toUtf8());
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << qPrintable(path);
    f.write(data);
}

class EngineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ensureCoreApp();
        ASSERT_TRUE(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("in"));
        QString error;
        auto c = AgentConfig::load({}, &error);
        ASSERT_TRUE(c) << qPrintable(error);
        m_config = *c;
        m_config.dataDir = path(QStringLiteral("data"));
        m_config.journalPath = path(QStringLiteral("data/journal.sqlite"));
        m_config.spoolDir = path(QStringLiteral("data/spool"));
        m_config.jobsDir = path(QStringLiteral("data/jobs"));
        m_config.logDir = path(QStringLiteral("data/logs"));
        m_config.templateDir = path(QStringLiteral("data/templates"));
        m_config.controlSocket = path(QStringLiteral("data/agent.sock"));
        m_config.settleMs = 50;
        m_config.pollMs = 200;
        m_config.printerSpoolDir.clear();
        SenderProfile &p = m_config.profiles.first();
        p.id = QStringLiteral("acme");
        p.watchFolders = {path(QStringLiteral("in"))};
        p.sendPolicy = SendPolicy::AutoSendWhenConfident;
        p.transport.outboxDir = path(QStringLiteral("outbox"));
        m_config.printerProfile = p.id;
    }
    QString path(const QString &rel) const { return QDir(m_dir.path()).filePath(rel); }
    int count(const Engine &e, JobState s) const { return e.status().counts.value(s); }
    QStringList outbox() const
    {
        return QDir(path(QStringLiteral("outbox"))).entryList({QStringLiteral("*.xml")}, QDir::Files);
    }

    QTemporaryDir m_dir;
    AgentConfig m_config;
    SystemClock m_clock;
};

// Answers with the outcomes a test scripts, then accepts; records what it was given.
class ScriptedTransport : public Transport
{
public:
    explicit ScriptedTransport(QList<SendResult> script) : m_script(std::move(script)) {}
    QString kind() const override { return QStringLiteral("scripted"); }
    QString describe() const override { return QStringLiteral("the scripted portal"); }
    SendResult send(const OutgoingDocument &doc) override
    {
        sent << doc.contentHash;
        if (!m_script.isEmpty())
            return m_script.takeFirst();
        SendResult ok;
        ok.outcome = SendResult::Outcome::Accepted;
        ok.remoteId = QStringLiteral("R-") + QString::number(sent.size());
        return ok;
    }
    QStringList sent;

private:
    QList<SendResult> m_script;
};

SendResult transient(const QString &message, std::optional<int> retryAfter = std::nullopt)
{
    SendResult r;
    r.outcome = SendResult::Outcome::Transient;
    r.message = message;
    r.retryAfterSecs = retryAfter;
    return r;
}

} // namespace

TEST_F(EngineTest, WatchedFolderToOutboxWithAutoSend)
{
    const QStringList samples = sampleFiles();
    ASSERT_EQ(samples.size(), 12);
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    for (const QString &s : samples)
        ASSERT_TRUE(QFile::copy(s, path(QStringLiteral("in/")) + QFileInfo(s).fileName()));
    ASSERT_TRUE(waitUntil(
        [&] { return count(engine, JobState::Delivered) + count(engine, JobState::NeedsReview) == 12; }));
    // Each sample comes as a PDF and as XML: the same invoice twice. The first valid copy is
    // sent; the second waits for a person (not sent twice). The two text-only PDFs are read from
    // their text, and without a learned layout a person checks them first.
    EXPECT_EQ(count(engine, JobState::Delivered), 6);
    EXPECT_EQ(count(engine, JobState::NeedsReview), 6);
    EXPECT_EQ(outbox().size(), 6);
    const QString month = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
    EXPECT_EQ(QDir(path(QStringLiteral("in/Processed/")) + month).entryList(QDir::Files).size(), 12);
    EXPECT_TRUE(QDir(path(QStringLiteral("in"))).entryList(QDir::Files).isEmpty());

    // The timeline of a delivered job walks the whole pipeline, in order.
    JobQuery q;
    q.states = {JobState::Delivered};
    const QList<Job> delivered = engine.journal().jobs(q);
    ASSERT_FALSE(delivered.isEmpty());
    QStringList states;
    for (const JobEvent &e : engine.journal().events(delivered.first().id))
        states << jobStateName(e.state);
    EXPECT_EQ(states.join(QLatin1Char(',')),
              QStringLiteral("captured,read,ready,approved,sending,sent,delivered"));
    // The e-invoice in the outbox is the job's, named by the content hash (the idempotency key).
    const Job &j = delivered.first();
    EXPECT_EQ(readFile(path(QStringLiteral("outbox/")) + j.contentHash + QStringLiteral(".xml")),
              engine.files().einvoice(j.id));
    // A review job says why, in words.
    q.states = {JobState::NeedsReview};
    const QList<Job> review = engine.journal().jobs(q);
    ASSERT_EQ(review.size(), 6);
    EXPECT_TRUE(
        engine.journal().events(review.first().id).last().message.startsWith(QStringLiteral("Needs review")));
    engine.stop();
}

TEST_F(EngineTest, ReviewAllWaitsForApprovalAndRefusesInvalidOnes)
{
    m_config.profiles.first().sendPolicy = SendPolicy::ReviewAll;
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    for (const QString &s : sampleFiles())
        QFile::copy(s, path(QStringLiteral("in/")) + QFileInfo(s).fileName());
    ASSERT_TRUE(waitUntil(
        [&] { return count(engine, JobState::Ready) + count(engine, JobState::NeedsReview) == 12; }));
    EXPECT_EQ(count(engine, JobState::Ready), 6);
    EXPECT_TRUE(outbox().isEmpty());

    int approved = 0;
    EXPECT_EQ(engine.approveAllReady(&approved, QStringLiteral("tester")), QString());
    EXPECT_EQ(approved, 6);
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Delivered) == 6; }));
    EXPECT_EQ(outbox().size(), 6);

    JobQuery q;
    q.states = {JobState::NeedsReview};
    const QList<Job> review = engine.journal().jobs(q);
    ASSERT_EQ(review.size(), 6);
    bool refusedOne = false;
    for (const Job &j : review) {
        const QString e = engine.approve(j.id);
        if (!QFile::exists(engine.files().einvoicePath(j.id))) {
            // Rules fail: approval is refused and the answer names the rule.
            EXPECT_TRUE(e.contains(QStringLiteral("cannot be approved"))) << qPrintable(e);
            EXPECT_TRUE(e.contains(QLatin1Char('('))) << qPrintable(e);
            refusedOne = true;
        } else {
            EXPECT_EQ(e, QString());
        }
    }
    Q_UNUSED(refusedOne);
    engine.stop();
}

TEST_F(EngineTest, SameDocumentAgainIsNotSentTwice)
{
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    writeFile(path(QStringLiteral("in/a.xml")), ublWithNumber(QStringLiteral("DUP-1")));
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Delivered) == 1; }));
    int duplicates = 0;
    QObject::connect(&engine, &Engine::duplicateIgnored, [&](const QString &, qint64) { ++duplicates; });
    writeFile(path(QStringLiteral("in/a copy.XML")), ublWithNumber(QStringLiteral("DUP-1")));
    ASSERT_TRUE(waitUntil([&] { return duplicates == 1; }));
    EXPECT_EQ(engine.journal().jobs().size(), 1);
    EXPECT_EQ(outbox().size(), 1);
    const QList<JobEvent> events = engine.journal().events(engine.journal().jobs().first().id);
    EXPECT_TRUE(events.last().message.contains(QStringLiteral("a copy.XML")))
        << qPrintable(events.last().message);
    // The re-export left the export folder too (archived, not deleted).
    ASSERT_TRUE(waitUntil([&] { return !QFile::exists(path(QStringLiteral("in/a copy.XML"))); }));
    engine.stop();
}

TEST_F(EngineTest, FilesTakenInTogetherAreRecordedTogetherEachWithItsOwnOutcome)
{
    m_config.profiles.first().sendPolicy = SendPolicy::ReviewAll;
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    QDir().mkpath(path(QStringLiteral("batch")));
    writeFile(path(QStringLiteral("batch/1.xml")), ublWithNumber(QStringLiteral("B-1")));
    writeFile(path(QStringLiteral("batch/2.xml")), ublWithNumber(QStringLiteral("B-2")));
    writeFile(path(QStringLiteral("batch/2 again.xml")), ublWithNumber(QStringLiteral("B-2")));
    int duplicates = 0;
    QObject::connect(&engine, &Engine::duplicateIgnored, [&](const QString &, qint64) { ++duplicates; });
    QList<Engine::Submission> files;
    for (const char *name : {"1.xml", "missing.xml", "2.xml", "2 again.xml"})
        files << Engine::Submission{path(QStringLiteral("batch/")) + QString::fromLatin1(name),
                                    QStringLiteral("acme"),
                                    SourceKind::Cli,
                                    false,
                                    {}};
    const QList<Engine::Submitted> out = engine.submitFiles(files);
    ASSERT_EQ(out.size(), 4);
    EXPECT_GT(out[0].jobId, 0);
    EXPECT_TRUE(out[0].error.isEmpty()) << qPrintable(out[0].error);
    EXPECT_EQ(out[1].jobId, 0);
    EXPECT_TRUE(out[1].error.contains(QStringLiteral("missing.xml"))) << qPrintable(out[1].error);
    EXPECT_GT(out[2].jobId, out[0].jobId);
    EXPECT_FALSE(out[2].duplicate);
    // The same content twice in one batch: one job, the second is its duplicate.
    EXPECT_TRUE(out[3].duplicate);
    EXPECT_EQ(out[3].jobId, out[2].jobId);
    EXPECT_EQ(duplicates, 1);
    EXPECT_EQ(engine.journal().jobs().size(), 2);
    for (int i : {0, 2})
        EXPECT_TRUE(QFile::exists(engine.journal().job(out[i].jobId)->spoolPath));

    // A valid UBL e-invoice is its own draft: no second copy, corrections still start from it.
    ASSERT_TRUE(waitUntil(
        [&] { return count(engine, JobState::NeedsReview) + count(engine, JobState::Ready) == 2; }));
    const qint64 id = out[0].jobId;
    ASSERT_TRUE(QFile::exists(engine.files().einvoicePath(id)));
    EXPECT_FALSE(QFile::exists(engine.files().dir(id) + QStringLiteral("/draft.ubl.xml")));
    EXPECT_EQ(engine.files().draftPath(id), engine.files().einvoicePath(id));
    const std::optional<Invoice> draft = engine.files().draft(id);
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->number, QStringLiteral("B-1"));
    engine.stop();
}

TEST_F(EngineTest, UnreadableDocumentFailsAndIsExplainedBesideTheOriginal)
{
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    writeFile(path(QStringLiteral("in/broken.pdf")), "%PDF-1.4\nthis is not really a PDF\n");
    writeFile(path(QStringLiteral("in/notes.xml")), "<notes><note>not an invoice</note></notes>");
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Failed) == 2; }));
    for (const QString &name : {QStringLiteral("broken.pdf"), QStringLiteral("notes.xml")}) {
        const QString failed = path(QStringLiteral("in/Failed/")) + name;
        ASSERT_TRUE(waitUntil([&] { return QFile::exists(failed); })) << qPrintable(failed);
        const QJsonObject note =
            QJsonDocument::fromJson(readFile(failed + QStringLiteral(".error.json"))).object();
        EXPECT_FALSE(note.isEmpty()) << qPrintable(name);
        EXPECT_TRUE(QJsonDocument(note).toJson().contains(name.toUtf8()))
            << QJsonDocument(note).toJson().constData();
    }
    for (const Job &j : engine.journal().jobs())
        EXPECT_FALSE(j.lastError.isEmpty());
    engine.stop();
}

TEST_F(EngineTest, APdfThatKillsTheReaderFailsWithItsNameAndTheAgentReadsOn)
{
    // A stand-in reader that crashes while a marker file exists, else the real one.
    const QString marker = path(QStringLiteral("crash-now"));
    const QString reader = path(QStringLiteral("reader.sh"));
    writeFile(reader, QStringLiteral("#!/bin/sh\n[ -e '%1' ] && kill -SEGV $$\nexec '%2'\n")
                          .arg(marker, PdfWorkerPool::defaultProgram())
                          .toUtf8());
    QFile::setPermissions(reader, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    writeFile(marker, "");
    m_config.pdfWorker = reader;
    const QStringList samples = sampleFiles().filter(QStringLiteral(".pdf"));
    ASSERT_GE(samples.size(), 2);
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    ASSERT_TRUE(QFile::copy(samples[0], path(QStringLiteral("in/first.pdf"))));
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Failed) == 1; }));
    const Job failed = engine.journal().jobs().constFirst();
    EXPECT_TRUE(failed.lastError.contains(QStringLiteral("first.pdf"))) << qPrintable(failed.lastError);
    EXPECT_TRUE(failed.lastError.contains(QStringLiteral("stopped twice"))) << qPrintable(failed.lastError);
    // Kept beside the original with the reason, not lost.
    ASSERT_TRUE(waitUntil([&] { return QFile::exists(path(QStringLiteral("in/Failed/first.pdf"))); }));

    QFile::remove(marker);
    ASSERT_TRUE(QFile::copy(samples[1], path(QStringLiteral("in/second.pdf"))));
    ASSERT_TRUE(waitUntil(
        [&] { return count(engine, JobState::Delivered) + count(engine, JobState::NeedsReview) == 1; }));
    engine.stop();
}

TEST_F(EngineTest, TransientFailuresBackOffOnTheClockThenSend)
{
    ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));
    m_config.retry.baseSecs = 30;
    m_config.retry.jitter = 0.2;
    auto *scripted = new ScriptedTransport(
        {transient(QStringLiteral("portal down.")), transient(QStringLiteral("busy."), 600)});
    Engine engine(m_config, clock);
    engine.setAutoRun(false);
    engine.setWatchersEnabled(false);
    engine.setTransportFactory(
        [scripted](const SenderProfile &, QString *) { return std::unique_ptr<Transport>(scripted); });
    ASSERT_EQ(engine.start(), QString());
    writeFile(path(QStringLiteral("one.xml")), ublWithNumber(QStringLiteral("RETRY-1")));
    const Engine::Submitted s =
        engine.submitFile(path(QStringLiteral("one.xml")), QStringLiteral("acme"), SourceKind::Cli);
    ASSERT_EQ(s.error, QString());
    engine.processPending();
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(s.jobId)->state == JobState::Approved; }));

    engine.sendDue();
    ASSERT_TRUE(waitUntil(
        [&] { return engine.isIdle() && engine.journal().job(s.jobId)->state == JobState::Approved; }));
    Job job = *engine.journal().job(s.jobId);
    EXPECT_EQ(job.attempts, 1);
    EXPECT_EQ(job.lastError, QStringLiteral("portal down."));
    const qint64 wait1 = clock.now().msecsTo(job.nextRetryAt);
    EXPECT_GE(wait1, 24000); // 30 s +/- 20 %
    EXPECT_LE(wait1, 36000);

    // Not due yet: nothing is sent however often the sender looks.
    engine.sendDue();
    EXPECT_EQ(scripted->sent.size(), 1);
    clock.advanceMs(wait1);
    engine.sendDue();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && scripted->sent.size() == 2; }));
    job = *engine.journal().job(s.jobId);
    EXPECT_EQ(job.attempts, 2);
    // The server asked for 600 s, longer than the backoff's 60 s +/- 20 %: its wish wins.
    EXPECT_EQ(clock.now().msecsTo(job.nextRetryAt), 600000);
    clock.advanceSecs(600);
    engine.sendDue();
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(s.jobId)->state == JobState::Sent; }));
    EXPECT_EQ(engine.journal().job(s.jobId)->remoteId, QStringLiteral("R-3"));
    // Every attempt sent the same idempotency key.
    EXPECT_EQ(scripted->sent.size(), 3);
    EXPECT_EQ(scripted->sent.removeDuplicates(), 2);
    engine.stop();
}

TEST_F(EngineTest, RefusalsAndExhaustedRetriesEndTheJobAndARetryRevivesIt)
{
    ManualClock clock;
    m_config.retry.maxAttempts = 2;
    SendResult refused;
    refused.outcome = SendResult::Outcome::Permanent;
    refused.message = QStringLiteral("Buyer electronic address unknown.");
    refused.ruleIds = {QStringLiteral("PEPPOL-EN16931-R010")};
    auto *scripted = new ScriptedTransport(
        {refused, transient(QStringLiteral("down.")), transient(QStringLiteral("down."))});
    Engine engine(m_config, clock);
    engine.setAutoRun(false);
    engine.setWatchersEnabled(false);
    engine.setTransportFactory(
        [scripted](const SenderProfile &, QString *) { return std::unique_ptr<Transport>(scripted); });
    ASSERT_EQ(engine.start(), QString());
    QList<qint64> ids;
    for (const QString &n : {QStringLiteral("REF-1"), QStringLiteral("EXH-1")}) {
        writeFile(path(n + QStringLiteral(".xml")), ublWithNumber(n));
        ids << engine.submitFile(path(n + QStringLiteral(".xml")), QStringLiteral("acme"), SourceKind::Cli)
                   .jobId;
    }
    engine.processPending();
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Approved) == 2; }));
    engine.sendDue();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && scripted->sent.size() == 2; }));
    EXPECT_EQ(engine.journal().job(ids[0])->state, JobState::Rejected);
    EXPECT_TRUE(
        engine.journal().events(ids[0]).last().message.contains(QStringLiteral("PEPPOL-EN16931-R010")));
    clock.advanceSecs(4000);
    engine.sendDue();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && scripted->sent.size() == 3; }));
    const Job failed = *engine.journal().job(ids[1]);
    EXPECT_EQ(failed.state, JobState::Failed);
    EXPECT_TRUE(
        engine.journal().events(ids[1]).last().message.contains(QStringLiteral("Gave up after 2 attempts")));

    // A rejected job stays rejected; a failed one can be sent again by a person.
    EXPECT_NE(engine.retry(ids[0]), QString());
    EXPECT_EQ(engine.retry(ids[1], QStringLiteral("tester")), QString());
    EXPECT_EQ(engine.journal().job(ids[1])->state, JobState::Approved);
    engine.sendDue();
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(ids[1])->state == JobState::Sent; }));
    engine.stop();
}

TEST_F(EngineTest, PausedSendingHoldsApprovedJobsUntilResumed)
{
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    engine.setSendingPaused(true);
    for (int i = 0; i < 3; ++i)
        writeFile(path(QStringLiteral("in/p%1.xml").arg(i)),
                  ublWithNumber(QStringLiteral("PAUSE-%1").arg(i)));
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Approved) == 3; }));
    engine.sendDue();
    EXPECT_TRUE(outbox().isEmpty());
    EXPECT_TRUE(engine.status().sendingPaused);
    engine.stop();
    // The pause survives a restart.
    Engine again(m_config, m_clock);
    ASSERT_EQ(again.start(), QString());
    EXPECT_TRUE(again.isSendingPaused());
    again.setSendingPaused(false);
    ASSERT_TRUE(waitUntil([&] { return count(again, JobState::Delivered) == 3; }));
    EXPECT_EQ(outbox().size(), 3);
    again.stop();
}

TEST_F(EngineTest, InterruptedSendIsResentOnceWithTheSameKey)
{
    // What a crash mid-send leaves behind: the job committed as "sending", and the e-invoice
    // possibly already in the outbox. The restarted engine must end with exactly one copy.
    const QByteArray doc = ublWithNumber(QStringLiteral("CRASH-1"));
    writeFile(path(QStringLiteral("crash.xml")), doc);
    qint64 id = 0;
    {
        Engine engine(m_config, m_clock);
        engine.setAutoRun(false);
        engine.setWatchersEnabled(false);
        ASSERT_EQ(engine.start(), QString());
        id = engine.submitFile(path(QStringLiteral("crash.xml")), QStringLiteral("acme"), SourceKind::Cli)
                 .jobId;
        engine.processPending();
        ASSERT_TRUE(waitUntil([&] { return engine.journal().job(id)->state == JobState::Approved; }));
        const Job job = *engine.journal().job(id);
        FolderTransport(path(QStringLiteral("outbox")))
            .send(OutgoingDocument{id,
                                   QStringLiteral("acme"),
                                   job.contentHash,
                                   QStringLiteral("ubl"),
                                   engine.files().einvoice(id),
                                   job.contentHash + QStringLiteral(".xml"),
                                   {},
                                   {}});
        ASSERT_EQ(engine.journal().transition(id, JobState::Sending, QStringLiteral("sending")), QString());
        engine.stop();
    }
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(id)->state == JobState::Delivered; }));
    EXPECT_EQ(outbox().size(), 1);
    QStringList messages;
    for (const JobEvent &e : engine.journal().events(id))
        messages << e.message;
    EXPECT_TRUE(messages.join(QLatin1Char('\n')).contains(QStringLiteral("not sent twice")))
        << qPrintable(messages.join('\n'));
    engine.stop();
}

TEST_F(EngineTest, ThousandFilesDroppedAtOnceAreEachSentOnce)
{
    m_config.workers = 2;
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    // Written elsewhere and renamed in, as exporters do: each appears complete at once.
    QDir().mkpath(path(QStringLiteral("staging")));
    for (int i = 0; i < 1000; ++i) {
        const QString name = QStringLiteral("inv-%1.xml").arg(i, 4, 10, QLatin1Char('0'));
        writeFile(path(QStringLiteral("staging/")) + name, ublWithNumber(QStringLiteral("BULK-%1").arg(i)));
    }
    for (int i = 0; i < 1000; ++i) {
        const QString name = QStringLiteral("inv-%1.xml").arg(i, 4, 10, QLatin1Char('0'));
        ASSERT_TRUE(
            QFile::rename(path(QStringLiteral("staging/")) + name, path(QStringLiteral("in/")) + name));
    }
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Delivered) == 1000; }, 240000))
        << count(engine, JobState::Delivered);
    EXPECT_EQ(engine.journal().jobs().size(), 1000);
    EXPECT_EQ(outbox().size(), 1000);
    engine.stop();
}

TEST_F(EngineTest, FullSpoolKeepsTheOriginalAndTakesItWhenThereIsRoom)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to mount a small tmpfs as the spool";
    QDir().mkpath(m_config.spoolDir);
    const QByteArray spool = QFile::encodeName(m_config.spoolDir);
    ASSERT_EQ(QProcess::execute(QStringLiteral("mount"),
                                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                 QStringLiteral("size=64k"), QStringLiteral("tmpfs"), m_config.spoolDir}),
              0);
    struct Unmount
    {
        QString dir;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {dir}); }
    } unmount{m_config.spoolDir};
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    QByteArray big = ublWithNumber(QStringLiteral("BIG-1"));
    big.replace("</cbc:Note>", QByteArray(200 * 1024, ' ') + "</cbc:Note>");
    big.insert(big.indexOf("<cbc:IssueDate>"), "<!--" + QByteArray(200 * 1024, 'x') + "-->");
    writeFile(path(QStringLiteral("in/big.xml")), big);
    ASSERT_TRUE(waitUntil([&] { return !engine.status().problems.isEmpty(); }));
    EXPECT_TRUE(engine.status().problems.join(QLatin1Char(' ')).contains(QStringLiteral("big.xml")))
        << qPrintable(engine.status().problems.join(QLatin1Char(' ')));
    EXPECT_TRUE(QFile::exists(path(QStringLiteral("in/big.xml"))));
    EXPECT_TRUE(engine.journal().jobs().isEmpty());
    ASSERT_EQ(
        QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-o"), QStringLiteral("remount,size=16m"), m_config.spoolDir}),
        0);
    ASSERT_TRUE(waitUntil([&] { return engine.journal().jobs().size() == 1; }));
    ASSERT_TRUE(waitUntil([&] { return engine.status().problems.isEmpty(); }));
    engine.stop();
}

TEST_F(EngineTest, ControlSocketAnswersTheCliWhileTheEngineRuns)
{
    m_config.profiles.first().sendPolicy = SendPolicy::ReviewAll;
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    ControlServer server(engine);
    ASSERT_EQ(server.listen(m_config.controlSocket), QString());
    writeFile(path(QStringLiteral("in/c.xml")), ublWithNumber(QStringLiteral("CTL-1")));
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Ready) == 1; }));

    // The CLI is another process; run it while this thread serves the socket.
    auto cli = [&](const QStringList &args) {
        return std::async(std::launch::async, [args] { return runCli(args); });
    };
    const QString configFile = path(QStringLiteral("agent.ini"));
    ASSERT_EQ(m_config.save(configFile), QString());
    {
        QSettings s(configFile, QSettings::IniFormat);
        s.setValue(QStringLiteral("agent/control_socket"), m_config.controlSocket);
        s.setValue(QStringLiteral("agent/journal"), m_config.journalPath);
        s.setValue(QStringLiteral("agent/jobs_dir"), m_config.jobsDir);
    }
    auto status =
        cli({QStringLiteral("status"), QStringLiteral("--config"), configFile, QStringLiteral("--json")});
    ASSERT_TRUE(
        waitUntil([&] { return status.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }));
    const ProcessResult st = status.get();
    ASSERT_EQ(st.exitCode, 0) << st.err.constData();
    const QJsonObject so = QJsonDocument::fromJson(st.out).object();
    EXPECT_TRUE(so.value(QStringLiteral("running")).toBool());
    EXPECT_EQ(so.value(QStringLiteral("counts")).toObject().value(QStringLiteral("ready")).toInt(), 1);

    const qint64 id = engine.journal().jobs().first().id;
    auto approve = cli({QStringLiteral("queue"), QStringLiteral("approve"), QString::number(id),
                        QStringLiteral("--config"), configFile});
    ASSERT_TRUE(
        waitUntil([&] { return approve.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }));
    const ProcessResult ap = approve.get();
    EXPECT_EQ(ap.exitCode, 0) << ap.err.constData();
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Delivered) == 1; }));

    auto show = cli({QStringLiteral("queue"), QStringLiteral("show"), QString::number(id),
                     QStringLiteral("--config"), configFile});
    ASSERT_TRUE(
        waitUntil([&] { return show.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }));
    const ProcessResult sh = show.get();
    EXPECT_EQ(sh.exitCode, 0);
    EXPECT_TRUE(sh.out.contains("CTL-1")) << sh.out.constData();
    EXPECT_TRUE(sh.out.contains("delivered")) << sh.out.constData();
    engine.stop();
}

namespace {

// A portal that reports status changes and offers incoming invoices, as scripted by the test.
class PortalScript : public ScriptedTransport
{
public:
    PortalScript() : ScriptedTransport({}) {}
    StatusPoll pollStatus(const QString &cursor) override
    {
        cursors << cursor;
        StatusPoll p;
        p.ok = true;
        p.changes = changes;
        changes.clear();
        p.nextCursor = QStringLiteral("c%1").arg(cursors.size());
        return p;
    }
    InboxPoll pollInbox() override
    {
        InboxPoll p;
        p.ok = true;
        p.documents = inbox;
        return p;
    }
    QByteArray fetchIncoming(const QString &remoteId, const QString &format, QString *) override
    {
        ++fetches;
        return format == QLatin1String("pdf") ? QByteArray("%PDF-1.4 rendition of ") + remoteId.toUtf8()
                                              : ublWithNumber(QStringLiteral("IN/") + remoteId);
    }
    QString acknowledgeIncoming(const QString &remoteId) override
    {
        if (failAcks > 0) {
            --failAcks;
            return QStringLiteral("portal busy");
        }
        acked << remoteId;
        inbox.erase(std::remove_if(inbox.begin(), inbox.end(),
                                   [&](const IncomingDocument &d) { return d.remoteId == remoteId; }),
                    inbox.end());
        return {};
    }
    QList<RemoteStatus> changes;
    QList<IncomingDocument> inbox;
    QStringList cursors;
    QStringList acked;
    int fetches = 0;
    int failAcks = 0;
};

} // namespace

TEST_F(EngineTest, StatusPollingMovesSentJobsAndRecordsBusinessStatus)
{
    auto *portal = new PortalScript;
    Engine engine(m_config, m_clock);
    engine.setAutoRun(false);
    engine.setWatchersEnabled(false);
    engine.setTransportFactory(
        [portal](const SenderProfile &, QString *) { return std::unique_ptr<Transport>(portal); });
    ASSERT_EQ(engine.start(), QString());
    writeFile(path(QStringLiteral("s.xml")), ublWithNumber(QStringLiteral("STAT-1")));
    const qint64 id =
        engine.submitFile(path(QStringLiteral("s.xml")), QStringLiteral("acme"), SourceKind::Cli).jobId;
    engine.processPending();
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(id)->state == JobState::Approved; }));
    engine.sendDue();
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(id)->state == JobState::Sent; }));
    const QString remote = engine.journal().job(id)->remoteId;

    portal->changes = {RemoteStatus{remote, QStringLiteral("delivered"), {}, {}, {}}};
    engine.pollRemote();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle(); }));
    EXPECT_EQ(engine.journal().job(id)->state, JobState::Delivered);
    portal->changes = {RemoteStatus{remote, {}, QStringLiteral("PD"), QStringLiteral("paid 2025-04-01"), {}}};
    engine.pollRemote();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle(); }));
    EXPECT_TRUE(engine.journal().events(id).last().message.contains(QStringLiteral("paid")))
        << qPrintable(engine.journal().events(id).last().message);
    EXPECT_EQ(engine.journal().job(id)->businessStatus, QStringLiteral("PD"));
    // Each poll continues from the cursor the previous one returned, also after a restart.
    EXPECT_EQ(portal->cursors, (QStringList{QString(), QStringLiteral("c1")}));
    engine.stop();
}

TEST_F(EngineTest, IncomingInvoicesAreStoredOnceUnderSafeNamesAndAcknowledged)
{
    auto *portal = new PortalScript;
    const auto offered = [](const QString &id, const QString &seller) {
        IncomingDocument d;
        d.remoteId = id;
        d.senderName = seller;
        return d;
    };
    portal->inbox = {offered(QStringLiteral("IN-1"), QStringLiteral("../../etc/passwd\n")),
                     offered(QStringLiteral("IN-2"), QStringLiteral("Seller"))};
    portal->failAcks = 1; // the first acknowledgement is lost: the document comes again
    m_config.incomingDir = path(QStringLiteral("incoming"));
    m_config.incomingFormats = {QStringLiteral("ubl"), QStringLiteral("pdf")};
    Engine engine(m_config, m_clock);
    engine.setAutoRun(false);
    engine.setWatchersEnabled(false);
    engine.setTransportFactory(
        [portal](const SenderProfile &, QString *) { return std::unique_ptr<Transport>(portal); });
    ASSERT_EQ(engine.start(), QString());
    QStringList arrived;
    QObject::connect(&engine, &Engine::incomingArrived,
                     [&](const QStringList &paths, const QString &, const QString &) { arrived << paths; });
    engine.pollRemote();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle(); }));
    EXPECT_EQ(portal->acked, QStringList{QStringLiteral("IN-2")});
    EXPECT_FALSE(engine.status().problems.isEmpty());
    engine.pollRemote();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle(); }));
    EXPECT_EQ(portal->acked, (QStringList{QStringLiteral("IN-2"), QStringLiteral("IN-1")}));
    EXPECT_TRUE(engine.status().problems.isEmpty()) << qPrintable(engine.status().problems.join(' '));

    const QStringList files = QDir(m_config.incomingDir).entryList(QDir::Files | QDir::Hidden);
    // Two invoices, UBL and PDF each; IN-1 stored once although it was offered twice.
    EXPECT_EQ(files.size(), 4) << qPrintable(files.join(QLatin1String(" | ")));
    for (const QString &f : files) {
        EXPECT_FALSE(f.startsWith(QLatin1Char('.'))) << qPrintable(f);
        EXPECT_FALSE(f.contains(QLatin1String(".."))) << qPrintable(f);
    }
    // Named from the invoice itself: date, seller, number.
    EXPECT_TRUE(files.contains(QStringLiteral("2017-11-13 SupplierOfficialName Ltd IN-IN-1.ubl.xml")))
        << qPrintable(files.join(QLatin1String(" | ")));
    EXPECT_TRUE(files.contains(QStringLiteral("2017-11-13 SupplierOfficialName Ltd IN-IN-1.pdf")))
        << qPrintable(files.join(QLatin1String(" | ")));
    EXPECT_EQ(arrived.size(), 4);
    // Recorded in the journal once each, with the files stored and the acknowledgement.
    const QList<IncomingRecord> records = engine.incoming().list();
    ASSERT_EQ(records.size(), 2);
    for (const IncomingRecord &r : records) {
        EXPECT_TRUE(r.acknowledged) << qPrintable(r.remoteId);
        EXPECT_EQ(r.paths.size(), 2) << qPrintable(r.remoteId);
        EXPECT_EQ(r.issueDate, QDate(2017, 11, 13));
        EXPECT_TRUE(r.amount.has_value());
    }
    // The folder transport of this profile carries no business responses: said so, nothing recorded.
    QString answer = QStringLiteral("pending");
    engine.respondToIncoming(records[0].id, QStringLiteral("paid"), {},
                             [&](const QString &e) { answer = e; });
    EXPECT_TRUE(answer.contains(QStringLiteral("does not carry business responses"))) << qPrintable(answer);
    engine.respondToIncoming(records[0].id, QStringLiteral("reject"), {},
                             [&](const QString &e) { answer = e; });
    EXPECT_TRUE(answer.contains(QStringLiteral("needs a reason"))) << qPrintable(answer);
    engine.respondToIncoming(records[0].id, QStringLiteral("maybe"), {},
                             [&](const QString &e) { answer = e; });
    EXPECT_TRUE(answer.contains(QStringLiteral("not a business response"))) << qPrintable(answer);
    EXPECT_EQ(engine.incoming().byId(records[0].id)->response, QString());
    engine.stop();
}

TEST_F(EngineTest, PermissionDeniedOnTheSpoolKeepsTheOriginalUntilItIsAllowed)
{
    // An immutable spool folder refuses writes with EPERM even to root (CI runs as root, for
    // whom mode bits do not apply).
    QDir().mkpath(m_config.spoolDir);
    if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), m_config.spoolDir}) != 0)
        GTEST_SKIP() << "chattr +i is not available on this file system";
    struct Mutable
    {
        QString dir;
        ~Mutable() { QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), dir}); }
    } restore{m_config.spoolDir};
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    writeFile(path(QStringLiteral("in/locked.xml")), ublWithNumber(QStringLiteral("PERM-1")));
    ASSERT_TRUE(waitUntil([&] { return !engine.status().problems.isEmpty(); }));
    const QString problems = engine.status().problems.join(QLatin1Char(' '));
    EXPECT_TRUE(problems.contains(QStringLiteral("locked.xml"))) << qPrintable(problems);
    EXPECT_TRUE(QFile::exists(path(QStringLiteral("in/locked.xml"))));
    EXPECT_TRUE(engine.journal().jobs().isEmpty());
    ASSERT_EQ(QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_config.spoolDir}), 0);
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Delivered) == 1; }));
    EXPECT_TRUE(engine.status().problems.isEmpty()) << qPrintable(engine.status().problems.join(' '));
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("in/locked.xml"))));
    engine.stop();
}

TEST_F(EngineTest, CorrectionThatStillNeedsReviewUpdatesTheQueueColumns)
{
    m_config.profiles.first().sendPolicy = SendPolicy::ReviewAll;
    Engine engine(m_config, m_clock);
    engine.setAutoRun(false);
    engine.setWatchersEnabled(false);
    ASSERT_EQ(engine.start(), QString());
    // No buyer electronic address anywhere: Peppol rule R010 keeps it under review.
    QByteArray xml = ublWithNumber(QStringLiteral("FIX-1"));
    const int at = xml.indexOf("<cac:AccountingCustomerParty>");
    const int from = xml.indexOf("<cbc:EndpointID", at);
    const int to = xml.indexOf("</cbc:EndpointID>", from) + int(strlen("</cbc:EndpointID>"));
    xml.remove(from, to - from);
    writeFile(path(QStringLiteral("fix.xml")), xml);
    const qint64 id =
        engine.submitFile(path(QStringLiteral("fix.xml")), QStringLiteral("acme"), SourceKind::Cli).jobId;
    engine.processPending();
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(id)->state == JobState::NeedsReview; }));
    std::optional<Invoice> draft = engine.files().draft(id);
    ASSERT_TRUE(draft);
    draft->number = QStringLiteral("FIX-1-CORRECTED");
    ASSERT_EQ(engine.correct(id, *draft, {QStringLiteral("invoice_number")}, false, QStringLiteral("tester")),
              QString());
    const Job job = *engine.journal().job(id);
    EXPECT_EQ(job.state, JobState::NeedsReview);
    EXPECT_EQ(job.display.invoiceNumber, QStringLiteral("FIX-1-CORRECTED"));
    EXPECT_TRUE(engine.journal().events(id).last().message.contains(QStringLiteral("invoice_number")));
    engine.stop();
}

TEST_F(EngineTest, TheSameInvoiceInOtherBytesWaitsForAPersonInsteadOfGoingOutTwice)
{
    Engine engine(m_config, m_clock);
    ASSERT_EQ(engine.start(), QString());
    const QByteArray xml = ublWithNumber(QStringLiteral("REPRINT-1"));
    writeFile(path(QStringLiteral("in/first.xml")), xml);
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::Delivered) == 1; }));
    // Printed again: same invoice, different bytes (the print pipeline stamps every PDF anew).
    QByteArray again = xml;
    again.insert(again.indexOf("<cbc:IssueDate>"), "<!-- printed again -->");
    writeFile(path(QStringLiteral("in/second.xml")), again);
    ASSERT_TRUE(waitUntil([&] { return count(engine, JobState::NeedsReview) == 1; }));
    EXPECT_EQ(outbox().size(), 1);
    JobQuery q;
    q.states = {JobState::NeedsReview};
    const Job second = engine.journal().jobs(q).first();
    EXPECT_TRUE(engine.journal().events(second.id).last().message.contains(QStringLiteral("already job")))
        << qPrintable(engine.journal().events(second.id).last().message);
    engine.stop();
}

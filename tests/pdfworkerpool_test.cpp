// The agent's PDF reader processes: real einvoice-pdfworker processes for reading, and stand-in
// programs that stall or crash for the bounds. Fixtures are real files; nothing sleeps.
#include "documentprocessor.h"
#include "pdfsnapshot.h"
#include "pdfworkerpool.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <csignal>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::test;

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << qPrintable(path);
    f.write(data);
}

QString corpusPdf(const char *name)
{
    return sharedDir() + QStringLiteral("/corpus/dev/") + QString::fromLatin1(name);
}

PdfWorkerPool::Options realWorker()
{
    PdfWorkerPool::Options o;
    o.program = PdfWorkerPool::defaultProgram();
    return o;
}

const quint8 kAll = PdfSnapshot::Document | PdfSnapshot::Text;

} // namespace

TEST(PdfWorkerPool, TheReaderProcessSeesWhatThisProcessSees)
{
    ensureCoreApp();
    ASSERT_TRUE(QFile::exists(PdfWorkerPool::defaultProgram()))
        << qPrintable(PdfWorkerPool::defaultProgram());
    PdfWorkerPool pool(realWorker());
    for (const char *name : {"ferd24_EN16931_Einfach.pdf", "ferd24_EN16931_Einfach.noxml.pdf"}) {
        const QString path = corpusPdf(name);
        QString error;
        const std::optional<PdfSnapshot> remote = pool.read(path, kAll, &error);
        ASSERT_TRUE(remote) << qPrintable(error);
        const PdfSnapshot local = PdfSnapshot::read(path, kAll);
        EXPECT_TRUE(remote->opened);
        EXPECT_GT(remote->words.pages.value(0).size(), 20) << name;
        EXPECT_EQ(remote->serialize(), local.serialize()) << name;
    }
    // One worker served both documents.
    EXPECT_EQ(pool.workersStarted(), 1);
    EXPECT_EQ(pool.idleWorkerPids().size(), 1);

    // A file that is no PDF is an answer (opened == false with the reason), not a failure.
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.pdf"));
    writeFile(text, "just some notes\n");
    QString error;
    const std::optional<PdfSnapshot> notes = pool.read(text, kAll, &error);
    ASSERT_TRUE(notes) << qPrintable(error);
    EXPECT_FALSE(notes->opened);
    EXPECT_TRUE(notes->openError.contains(QStringLiteral("notes.pdf"))) << qPrintable(notes->openError);
    EXPECT_EQ(notes->words.status, TextLayerStatus::NotReadable);
}

TEST(PdfWorkerPool, OneRequestBringsTheTextOnlyWhenNoEInvoiceIsAttached)
{
    ensureCoreApp();
    PdfWorkerPool pool(realWorker());
    const quint8 parts = PdfSnapshot::Document | PdfSnapshot::TextUnlessEInvoice;
    QString error;
    // Factur-X attached: the e-invoice wins, no text is read.
    const std::optional<PdfSnapshot> withXml =
        pool.read(corpusPdf("ferd24_EN16931_Einfach.pdf"), parts, &error);
    ASSERT_TRUE(withXml) << qPrintable(error);
    EXPECT_TRUE(withXml->opened);
    EXPECT_FALSE(withXml->embeddedFiles.isEmpty());
    EXPECT_FALSE(withXml->textRead);
    EXPECT_TRUE(withXml->words.pages.isEmpty());
    // The same invoice without its XML: the words come in the same answer, as the Text part has them.
    const QString noXml = corpusPdf("ferd24_EN16931_Einfach.noxml.pdf");
    const std::optional<PdfSnapshot> textOnly = pool.read(noXml, parts, &error);
    ASSERT_TRUE(textOnly) << qPrintable(error);
    EXPECT_TRUE(textOnly->textRead);
    const PdfSnapshot both = PdfSnapshot::read(noXml, kAll);
    ASSERT_EQ(textOnly->words.pages.size(), both.words.pages.size());
    EXPECT_GT(textOnly->words.pages.value(0).size(), 20);
    for (int p = 0; p < both.words.pages.size(); ++p) {
        ASSERT_EQ(textOnly->words.pages[p].size(), both.words.pages[p].size()) << p;
        for (int i = 0; i < both.words.pages[p].size(); ++i)
            EXPECT_EQ(textOnly->words.pages[p][i].text, both.words.pages[p][i].text);
    }
    // A file that does not open still says why, with the text layer marked unreadable.
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.pdf"));
    writeFile(text, "just some notes\n");
    const std::optional<PdfSnapshot> notes = pool.read(text, parts, &error);
    ASSERT_TRUE(notes) << qPrintable(error);
    EXPECT_FALSE(notes->opened);
    EXPECT_EQ(notes->words.status, TextLayerStatus::NotReadable);
}

TEST(PdfWorkerPool, EachReaderRunsUnderTheMemoryBound)
{
    ensureCoreApp();
    PdfWorkerPool::Options o = realWorker();
    o.memoryMb = 700;
    PdfWorkerPool pool(o);
    QString error;
    ASSERT_TRUE(pool.read(corpusPdf("ferd24_EN16931_Einfach.noxml.pdf"), kAll, &error)) << qPrintable(error);
    const QList<qint64> pids = pool.idleWorkerPids();
    ASSERT_EQ(pids.size(), 1);
    const QByteArray limits = readFile(QStringLiteral("/proc/%1/limits").arg(pids.first()));
    const QByteArray bytes = QByteArray::number(700LL * 1024 * 1024);
    bool found = false;
    for (const QByteArray &line : limits.split('\n')) {
        if (line.startsWith("Max address space")) {
            found = true;
            EXPECT_EQ(line.simplified(), "Max address space " + bytes + " " + bytes + " bytes")
                << line.constData();
        }
        if (line.startsWith("Max core file size"))
            EXPECT_TRUE(line.simplified().startsWith("Max core file size 0 0")) << line.constData();
    }
    EXPECT_TRUE(found) << limits.constData();
}

TEST(PdfWorkerPool, AReaderThatStallsIsKilledAtTheDeadlineAndTheFileIsNamed)
{
    ensureCoreApp();
    PdfWorkerPool::Options o;
    o.program = QStringLiteral("/bin/sleep"); // never answers
    o.arguments = {QStringLiteral("600")};
    o.timeoutMs = 400;
    PdfWorkerPool pool(o);
    QElapsedTimer clock;
    clock.start();
    QString error;
    EXPECT_FALSE(pool.read(QStringLiteral("/tmp/stalling invoice.pdf"), kAll, &error));
    EXPECT_GE(clock.elapsed(), 400);
    EXPECT_LT(clock.elapsed(), 10000);
    EXPECT_TRUE(error.contains(QStringLiteral("/tmp/stalling invoice.pdf"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("took longer than 0.4 s"))) << qPrintable(error);
    // No retry of a stall (it would double the wait), and the stalled reader is not kept.
    EXPECT_EQ(pool.workersStarted(), 1);
    EXPECT_TRUE(pool.idleWorkerPids().isEmpty());
}

TEST(PdfWorkerPool, AReaderThatCrashesIsReplacedOnceThenTheDocumentIsBlamed)
{
    ensureCoreApp();
    PdfWorkerPool::Options o;
    o.program = QStringLiteral("/bin/sh");
    o.arguments = {QStringLiteral("-c"), QStringLiteral("kill -SEGV $$")};
    PdfWorkerPool pool(o);
    QString error;
    EXPECT_FALSE(pool.read(QStringLiteral("/tmp/crashing.pdf"), kAll, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/tmp/crashing.pdf"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("stopped twice"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("signal %1").arg(SIGSEGV))) << qPrintable(error);
    EXPECT_EQ(pool.workersStarted(), 2);
}

TEST(PdfWorkerPool, AMissingReaderProgramIsNamed)
{
    ensureCoreApp();
    PdfWorkerPool::Options o;
    o.program = QStringLiteral("/nonexistent/einvoice-pdfworker");
    PdfWorkerPool pool(o);
    QString error;
    EXPECT_FALSE(pool.read(QStringLiteral("/tmp/a.pdf"), kAll, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent/einvoice-pdfworker"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("No such file"))) << qPrintable(error);
}

TEST(PdfWorkerPool, AHostileDocumentEndsWithinItsBoundsAndTheNextOneIsRead)
{
    ensureCoreApp();
    QTemporaryDir dir;
    const QString bomb = dir.filePath(QStringLiteral("word bomb.pdf"));
    writeFile(bomb, wordBombPdf(3000000));
    ASSERT_LT(QFileInfo(bomb).size(), 4 * 1024 * 1024);
    PdfWorkerPool::Options o = realWorker();
    o.memoryMb = 400;
    o.timeoutMs = 4000; // reading it whole takes Poppler far longer
    PdfWorkerPool pool(o);
    QElapsedTimer clock;
    clock.start();
    QString error;
    EXPECT_FALSE(pool.read(bomb, kAll, &error));
    EXPECT_LT(clock.elapsed(), o.timeoutMs + 5000);
    EXPECT_TRUE(error.contains(QStringLiteral("word bomb.pdf: reading the PDF took longer than 4 s")))
        << qPrintable(error);
    // The pool still reads the next document, in a fresh reader.
    const std::optional<PdfSnapshot> next =
        pool.read(corpusPdf("ferd24_EN16931_Einfach.noxml.pdf"), kAll, &error);
    ASSERT_TRUE(next) << qPrintable(error);
    EXPECT_TRUE(next->opened);
    EXPECT_EQ(pool.workersStarted(), 2);
}

TEST(PdfWorkerPool, TheDocumentProcessorReadsThroughTheReaderProcesses)
{
    ensureCoreApp();
    auto pool = std::make_shared<PdfWorkerPool>(realWorker());
    QTemporaryDir templates;
    DocumentProcessor local(templates.path());
    DocumentProcessor bounded(templates.path());
    bounded.setPdfSource(pool);
    SenderProfile profile;
    profile.id = QStringLiteral("acme");
    for (const char *name : {"ferd24_EN16931_Einfach.pdf", "ferd24_EN16931_Einfach.noxml.pdf"}) {
        const QString path = corpusPdf(name);
        const ProcessedDocument a = local.process(path, profile, QString::fromLatin1(name));
        const ProcessedDocument b = bounded.process(path, profile, QString::fromLatin1(name));
        ASSERT_TRUE(b.readable) << qPrintable(b.error);
        EXPECT_EQ(a.invoice.number, b.invoice.number) << name;
        EXPECT_EQ(a.ready, b.ready) << name;
        EXPECT_EQ(a.extraction.fromEmbeddedXml, b.extraction.fromEmbeddedXml) << name;
        EXPECT_EQ(a.reviewReasons, b.reviewReasons) << name;
        EXPECT_EQ(a.xml, b.xml) << name;
    }
    EXPECT_EQ(pool->workersStarted(), 1);
}

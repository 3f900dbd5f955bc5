#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>
#include <gtest/gtest.h>
#include <zlib.h>

namespace einvoice::test {

QString sharedDir()
{
    return QDir::cleanPath(QStringLiteral(EINVOICE_SHARED_DIR));
}

QString referenceDir()
{
    return sharedDir() + QStringLiteral("/einvoice-reference");
}

static QStringList xmlFilesUnder(const QString &dir)
{
    QStringList out;
    QDir base(dir);
    for (const QString &sub : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        QDir d(base.filePath(sub));
        for (const QString &f : d.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
            out << d.filePath(f);
    }
    return out;
}

QStringList ublExamples()
{
    return xmlFilesUnder(referenceDir() + QStringLiteral("/examples/ubl-peppol-bis3"));
}

QStringList ciiExamples()
{
    return xmlFilesUnder(referenceDir() + QStringLiteral("/examples/cii-en16931"));
}

QString ublInvoiceXsd()
{
    return referenceDir() + QStringLiteral("/xsd/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd");
}

QString ublCreditNoteXsd()
{
    return referenceDir() + QStringLiteral("/xsd/ubl-2.1/xsd/maindoc/UBL-CreditNote-2.1.xsd");
}

QString ciiXsd()
{
    return referenceDir() + QStringLiteral("/xsd/cii-d16b-uncoupled/CrossIndustryInvoice_100pD16B.xsd");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(30000)) {
        r.err = QByteArrayLiteral("could not start ") + program.toUtf8();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString agentBinary()
{
    return QFileInfo(QStringLiteral(EINVOICE_CLI)).dir().filePath(QStringLiteral("einvoice-agent"));
}

QByteArray wordBombPdf(int words)
{
    QByteArray content = "BT /F1 8 Tf 20 800 Td\n";
    for (int i = 0; i < words; ++i)
        content += "(w" + QByteArray::number(i % 1000) + ") Tj 0 -0.01 Td\n";
    content += "ET\n";
    uLongf packedSize = compressBound(uLong(content.size()));
    QByteArray packed(int(packedSize), Qt::Uninitialized);
    compress2(reinterpret_cast<Bytef *>(packed.data()), &packedSize,
              reinterpret_cast<const Bytef *>(content.constData()), uLong(content.size()), 9);
    packed.resize(int(packedSize));
    return pdfFromObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                           "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                           "/Resources << /Font << /F1 5 0 R >> >> >>",
                           "<< /Length " + QByteArray::number(packed.size()) +
                               " /Filter /FlateDecode >>\nstream\n" + packed + "\nendstream",
                           "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

QByteArray pdfFromObjects(const QList<QByteArray> &objects)
{
    QByteArray pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

ProcessResult runCli(const QStringList &args)
{
    return run(QStringLiteral(EINVOICE_CLI), args);
}

QString xsdErrors(const QByteArray &xml, const QString &xsd)
{
    QTemporaryFile tmp(QDir::tempPath() + QStringLiteral("/einvoice-xsd-XXXXXX.xml"));
    if (!tmp.open())
        return QStringLiteral("cannot create temp file");
    tmp.write(xml);
    tmp.flush();
    const ProcessResult r =
        run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--nonet"),
                                        QStringLiteral("--schema"), xsd, tmp.fileName()});
    if (r.exitCode == 0)
        return QString();
    return QString::fromUtf8(r.err + r.out);
}

} // namespace einvoice::test

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace einvoice::test {

void ensureCoreApp()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "einvoice-tests";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives until the process ends, like the tests' own main would
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return condition();
        QEventLoop loop; // wakes for every event; the timer bounds one round
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace einvoice::test

#include <QCryptographicHash>
#include <QHostAddress>
#include <QTcpServer>
#include <thread>
#include <vector>

namespace einvoice::test {

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

void onThreads(int n, const std::function<void(int)> &body)
{
    std::vector<std::thread> threads;
    for (int t = 0; t < n; ++t)
        threads.emplace_back(body, t);
    for (std::thread &t : threads)
        t.join();
}

OutgoingDocument outgoingUbl(const QByteArray &payload, const QString &number, const QString &buyerEndpoint)
{
    OutgoingDocument d;
    d.jobId = 1;
    d.syntax = QStringLiteral("ubl");
    d.payload = payload;
    d.contentHash =
        QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
    d.invoiceNumber = number;
    d.buyerEndpoint = buyerEndpoint;
    d.fileName = d.contentHash + QStringLiteral(".xml");
    return d;
}

std::unique_ptr<HttpsPortalTransport> httpsTransport(const QString &baseUrl, const QString &caFile,
                                                     const QString &token)
{
    HttpsPortalTransport::Options o;
    o.baseUrl = baseUrl;
    o.extraCaFile = caFile;
    o.noProxy = true;
    o.connectTimeoutSecs = 5;
    o.totalTimeoutSecs = 30;
    return std::make_unique<HttpsPortalTransport>(o, [token] { return token; });
}

void expectRateLimitedAfter(Transport &transport, int allowed, int maxRetryAfterSecs,
                            const std::function<OutgoingDocument(int)> &document)
{
    for (int i = 0; i < allowed; ++i) {
        const SendResult ok = transport.send(document(i));
        ASSERT_EQ(ok.outcome, SendResult::Outcome::Accepted) << i << ok.message.toStdString();
    }
    const SendResult limited = transport.send(document(allowed));
    EXPECT_EQ(limited.outcome, SendResult::Outcome::Transient);
    ASSERT_TRUE(limited.retryAfterSecs.has_value()) << limited.message.toStdString();
    EXPECT_GE(*limited.retryAfterSecs, 1);
    EXPECT_LE(*limited.retryAfterSecs, maxRetryAfterSecs);
    EXPECT_TRUE(limited.message.contains(QStringLiteral("429"))) << limited.message.toStdString();
}

} // namespace einvoice::test

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

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

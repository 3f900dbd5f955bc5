#include "gui_testsupport.h"

#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <gtest/gtest.h>

namespace einvoice::test {

GuiAgentDir::GuiAgentDir()
{
    QString error;
    config = *AgentConfig::load({}, &error);
    config.dataDir = path(QStringLiteral("data"));
    config.journalPath = path(QStringLiteral("data/journal.sqlite"));
    config.spoolDir = path(QStringLiteral("data/spool"));
    config.jobsDir = path(QStringLiteral("data/jobs"));
    config.logDir = path(QStringLiteral("data/logs"));
    config.templateDir = path(QStringLiteral("data/templates"));
    config.controlSocket = path(QStringLiteral("data/agent.sock"));
    config.incomingDir = path(QStringLiteral("incoming"));
    config.printerSpoolDir.clear();
    config.settleMs = 50;
    config.pollMs = 200;
    SenderProfile &p = config.profiles.first();
    p.id = QStringLiteral("northwind");
    p.displayName = QStringLiteral("Northwind Analytics");
    p.watchFolders = {path(QStringLiteral("in"))};
    p.sendPolicy = SendPolicy::ReviewAll;
    p.transport.kind = QStringLiteral("folder");
    p.transport.outboxDir = path(QStringLiteral("outbox"));
    // Known customers: text-read invoices get the buyer's Peppol address from here.
    p.customerEndpoints.insert(QStringLiteral("BE0456789133"), QStringLiteral("0208:0456789133"));
    p.customerEndpoints.insert(QStringLiteral("Harbour Logistics NV"), QStringLiteral("0208:0456789133"));
    config.printerProfile = p.id;
    configPath = path(QStringLiteral("agent.ini"));
    QDir().mkpath(path(QStringLiteral("in")));
    QDir().mkpath(path(QStringLiteral("incoming")));
}

QString GuiAgentDir::path(const QString &rel) const
{
    return QDir(dir.path()).filePath(rel);
}

QString generateSamples(const QString &outDir)
{
#ifdef EINVOICE_SAMPLEGEN
    const ProcessResult r = run(QStringLiteral(EINVOICE_SAMPLEGEN), {outDir});
    return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
#else
    return QStringLiteral("einvoice-samplegen is not built");
#endif
}

QString writeUnlabelledNumberInvoice(const QString &path, const QString &number)
{
    const QStringList lines{
        QStringLiteral("Northwind Analytics SRL                                             INVOICE"),
        QStringLiteral("Avenue Louise 120"),
        QStringLiteral("1050 Brussels"),
        QStringLiteral("Belgium"),
        QStringLiteral("VAT no. BE0812345603"),
        QString(),
        QStringLiteral("Bill to                                    Document ref.     %1").arg(number),
        QStringLiteral("Harbour Logistics NV                       Invoice date      14 March 2025"),
        QStringLiteral("Noorderlaan 87                             Due date          13 April 2025"),
        QStringLiteral("2030 Antwerp                               Your reference    HL-FIN-0077"),
        QStringLiteral("Belgium"),
        QStringLiteral("VAT no. BE0456789133"),
        QString(),
        QStringLiteral(" Description                          Qty  Unit   Unit price   VAT %      Amount"),
        QStringLiteral(" Data platform assessment               3  DAY        950.00      21    2,850.00"),
        QStringLiteral(" Dashboard development               12.5  HUR        110.00      21    1,375.00"),
        QString(),
        QStringLiteral("                                       Total excl. VAT           4,225.00 EUR"),
        QStringLiteral("                                       Total VAT                   887.25 EUR"),
        QStringLiteral("                                       Total incl. VAT           5,112.25 EUR"),
        QString(),
        QStringLiteral("                                       Amount due                5,112.25 EUR"),
        QString(),
        QStringLiteral("Payment details"),
        QStringLiteral("Terms: 30 days net"),
        QStringLiteral("IBAN: BE41 3630 8123 4510"),
        QStringLiteral("BIC: BBRUBEBB"),
    };
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter p;
    if (!p.begin(&writer))
        return QStringLiteral("%1: cannot write the PDF").arg(path);
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setPixelSize(9);
    p.setFont(font);
    int y = 60;
    for (const QString &line : lines) {
        p.drawText(40, y, line);
        y += 14;
    }
    p.end();
    return {};
}

} // namespace einvoice::test

int main(int argc, char **argv)
{
    // gtest_discover_tests runs this binary at build time, usually without a display; a test
    // asking for X (xcb) without one (no xvfb-run) runs offscreen, and what needs X skips.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ||
        (qgetenv("QT_QPA_PLATFORM") == "xcb" && qEnvironmentVariableIsEmpty("DISPLAY")))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// Drives the built `einvoice` command line as a user would: real files, real exit codes.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice::test;

namespace {

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

std::string s(const QByteArray &b)
{
    return b.toStdString();
}

QString exampleNamed(const QStringList &list, const QString &fileName)
{
    for (const QString &p : list)
        if (QFileInfo(p).fileName() == fileName)
            return p;
    return QString();
}

} // namespace

TEST(Cli, HelpForEveryCommand)
{
    for (const char *cmd : {"convert", "validate", "extract", "show", "learn", "templates"}) {
        const ProcessResult r = runCli({QString::fromLatin1(cmd), QStringLiteral("--help")});
        EXPECT_EQ(r.exitCode, 0) << cmd;
        if (QByteArray(cmd) != "learn" && QByteArray(cmd) != "templates")
            EXPECT_TRUE(r.out.contains("Exit codes")) << cmd << s(r.out);
        // The usage line names the command, not the binary's path.
        EXPECT_TRUE(r.out.startsWith("Usage: einvoice " + QByteArray(cmd) + " ")) << cmd << s(r.out);
    }
    const ProcessResult top = runCli({QStringLiteral("--help")});
    EXPECT_EQ(top.exitCode, 0);
    EXPECT_TRUE(top.out.contains("convert"));
}

TEST(Cli, UsageErrors)
{
    EXPECT_EQ(runCli({}).exitCode, 64);
    const ProcessResult r = runCli({QStringLiteral("frobnicate")});
    EXPECT_EQ(r.exitCode, 64);
    EXPECT_TRUE(r.err.contains("unknown command 'frobnicate'"));
    EXPECT_EQ(runCli({QStringLiteral("validate")}).exitCode, 64);
    EXPECT_EQ(runCli({QStringLiteral("convert"), QStringLiteral("x.xml"), QStringLiteral("--format"),
                      QStringLiteral("pdf")})
                  .exitCode,
              64);
}

TEST(Cli, ReadingCommandsLoadNoNetworkOrKeychainLibraries)
{
    // Why `einvoice extract` starts about as fast as pdftotext: the agent's libraries stay out.
    const ProcessResult r = run(QStringLiteral("ldd"), {QStringLiteral(EINVOICE_CLI)});
    ASSERT_EQ(r.exitCode, 0) << s(r.err);
    ASSERT_TRUE(r.out.contains("libQt6Core")) << s(r.out);
    for (const char *library : {"libcurl", "libQt6Network", "libqt6keychain", "libQt6DBus", "libQt6Gui"})
        EXPECT_FALSE(r.out.contains(library)) << library << "\n" << s(r.out);
}

TEST(Cli, AgentCommandsRunInTheHelperAndAMissingHelperIsNamed)
{
    const ProcessResult help = runCli({QStringLiteral("queue"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0) << s(help.err);
    EXPECT_TRUE(help.out.contains("Work on the send queue.")) << s(help.out);

    // A copy of the CLI without its helper beside it: the user learns which file is missing.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("einvoice"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(EINVOICE_CLI), copy));
    const ProcessResult r = run(copy, {QStringLiteral("status")});
    EXPECT_EQ(r.exitCode, 69);
    EXPECT_TRUE(r.err.contains("einvoice-agentctl")) << s(r.err);
    EXPECT_TRUE(r.err.contains("No such file or directory")) << s(r.err);
    // The reading commands still work from that copy.
    EXPECT_EQ(run(copy, {QStringLiteral("--version")}).exitCode, 0);
}

TEST(Cli, AHostilePdfEndsTheCommandAtTheDeadlineWithTheFileNamed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString bomb = writeTemp(dir, QStringLiteral("word bomb.pdf"), wordBombPdf(3000000));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("EINVOICE_READ_TIMEOUT_SECS"), QStringLiteral("2"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(EINVOICE_CLI), {QStringLiteral("extract"), QStringLiteral("--json"), bomb});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    EXPECT_TRUE(err.contains("einvoice: " + bomb.toUtf8() + ": reading the PDF took longer than 2 s"))
        << s(err);
    EXPECT_TRUE(p.readAllStandardOutput().isEmpty());
}

TEST(Cli, ValidateAcceptsEveryOfficialExample)
{
    const QStringList files = ublExamples() + ciiExamples();
    ASSERT_GE(files.size(), 28);
    const ProcessResult r = runCli(QStringList{QStringLiteral("validate"), QStringLiteral("-q")} + files);
    EXPECT_EQ(r.exitCode, 0) << s(r.out) << s(r.err);
    EXPECT_EQ(r.out.count("valid ("), files.size()) << s(r.out);
}

TEST(Cli, ValidateReportsRuleIdsOfBrokenDocument)
{
    const QString base = exampleNamed(ublExamples(), QStringLiteral("base-example.xml"));
    ASSERT_FALSE(base.isEmpty());
    QByteArray xml = readFile(base);
    // Make the total with VAT disagree with net + VAT.
    const int at = xml.indexOf("<cbc:TaxInclusiveAmount");
    ASSERT_GT(at, 0);
    const int gt = xml.indexOf('>', at) + 1;
    const int lt = xml.indexOf('<', gt);
    xml.replace(gt, lt - gt, "99999.99");
    QTemporaryDir dir;
    const QString path = writeTemp(dir, QStringLiteral("broken.xml"), xml);
    const ProcessResult r = runCli({QStringLiteral("validate"), path});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("BR-CO-15")) << s(r.err);
    EXPECT_TRUE(r.err.contains(path.toUtf8())) << s(r.err);
    EXPECT_TRUE(r.out.contains("INVALID"));
}

TEST(Cli, HostileAndMalformedXmlGetClearErrors)
{
    QTemporaryDir dir;
    struct Case
    {
        const char *name;
        QByteArray content;
        const char *expect;
    };
    const QByteArray xxe =
        "<?xml version='1.0'?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
        "<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'>&x;</Invoice>";
    QByteArray laughs = "<?xml version='1.0'?>\n<!DOCTYPE lolz [<!ENTITY lol0 'lol'>";
    for (int i = 1; i < 10; ++i)
        laughs += "<!ENTITY lol" + QByteArray::number(i) + " '" +
                  ("&lol" + QByteArray::number(i - 1) + ";").repeated(10) + "'>";
    laughs += "]>\n<lolz>&lol9;</lolz>";
    QByteArray base = readFile(exampleNamed(ublExamples(), QStringLiteral("base-example.xml")));
    ASSERT_FALSE(base.isEmpty());
    const QByteArray truncated = base.left(base.size() / 2);
    QByteArray wrongNs = base;
    wrongNs.replace("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "urn:example:not-ubl");
    const QList<Case> cases = {
        {"xxe.xml", xxe, "DTD"},
        {"laughs.xml", laughs, "DTD"},
        {"truncated.xml", truncated, "truncated"},
        {"wrongns.xml", wrongNs, "not an e-invoice"},
        {"empty.xml", QByteArray(), "empty"},
        {"garbage.xml", QByteArray("this is not XML at all"), ""},
    };
    for (const Case &c : cases) {
        const QString path = writeTemp(dir, QString::fromLatin1(c.name), c.content);
        for (const char *cmd : {"validate", "convert", "show"}) {
            const ProcessResult r = runCli({QString::fromLatin1(cmd), path});
            EXPECT_EQ(r.exitCode, 2) << cmd << ' ' << c.name << s(r.err);
            EXPECT_TRUE(r.err.contains(path.toUtf8())) << cmd << ' ' << c.name << s(r.err);
            EXPECT_TRUE(r.err.contains(c.expect)) << cmd << ' ' << c.name << s(r.err);
            EXPECT_FALSE(r.out.contains("root:")) << "entity content leaked";
        }
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("xxe.ubl.xml"))));
}

TEST(Cli, HugeFileIsRefusedWithoutReadingIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.xml"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'>");
    ASSERT_TRUE(f.resize(200LL * 1024 * 1024)); // sparse: 200 MB without writing them
    f.close();
    const ProcessResult r = runCli({QStringLiteral("validate"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(path.toUtf8()));
    EXPECT_TRUE(r.err.contains("200 MB")) << s(r.err);
}

TEST(Cli, MissingFileIsNamed)
{
    const ProcessResult r = runCli({QStringLiteral("convert"), QStringLiteral("/no/such/invoice.pdf")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("/no/such/invoice.pdf: file not found")) << s(r.err);
}

// Every official example converts in its own syntax to output that passes the XSD and validation.
TEST(Cli, ConvertEveryExampleInItsOwnSyntax)
{
    QTemporaryDir dir;
    int n = 0;
    for (const QString &in : ublExamples() + ciiExamples()) {
        const bool cii = ciiExamples().contains(in);
        const QString out = dir.filePath(QStringLiteral("out%1.xml").arg(n++));
        const ProcessResult r =
            runCli({QStringLiteral("convert"), in, QStringLiteral("-o"), out, QStringLiteral("--format"),
                    cii ? QStringLiteral("cii") : QStringLiteral("ubl")});
        ASSERT_EQ(r.exitCode, 0) << s(in.toUtf8()) << s(r.err);
        const QByteArray xml = readFile(out);
        const QString xsd =
            cii ? ciiXsd() : (xml.contains("<CreditNote") ? ublCreditNoteXsd() : ublInvoiceXsd());
        EXPECT_EQ(xsdErrors(xml, xsd), QString()) << s(in.toUtf8());
        const ProcessResult v = runCli({QStringLiteral("validate"), QStringLiteral("-q"), out});
        EXPECT_EQ(v.exitCode, 0) << s(in.toUtf8()) << s(v.err);
    }
}

// CII -> Peppol UBL: Peppol needs electronic addresses the CII examples lack.
TEST(Cli, ConvertCiiToPeppolNamesWhatIsMissing)
{
    QTemporaryDir dir;
    const QString in = exampleNamed(ciiExamples(), QStringLiteral("CII_example1.xml"));
    ASSERT_FALSE(in.isEmpty());
    const QString out = dir.filePath(QStringLiteral("peppol.xml"));
    ProcessResult r = runCli({QStringLiteral("convert"), in, QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 1) << s(r.err);
    EXPECT_TRUE(r.err.contains("--buyer-endpoint")) << s(r.err);
    EXPECT_TRUE(r.err.contains("--seller-endpoint")) << s(r.err);
    EXPECT_TRUE(r.err.contains("nothing written"));
    EXPECT_FALSE(QFile::exists(out));

    r = runCli({QStringLiteral("convert"), in, QStringLiteral("-o"), out, QStringLiteral("--force")});
    EXPECT_EQ(r.exitCode, 0) << s(r.err);
    EXPECT_TRUE(QFile::exists(out));
    EXPECT_EQ(runCli({QStringLiteral("validate"), out}).exitCode, 1);
}

// The CII examples are EN 16931 examples, not Peppol ones. Given the data Peppol needs and the
// source lacks, each converts to Peppol UBL -- unless its own data breaks a Peppol-only rule
// (e.g. R120 line arithmetic with odd base quantities, national rules): then convert refuses and
// names only Peppol or national rules, never an EN 16931 rule, and --force still writes a
// schema-valid document that converts back to valid EN 16931 CII.
TEST(Cli, ConvertEveryCiiExampleToPeppolWhenValuesAreGiven)
{
    QTemporaryDir dir;
    int n = 0;
    int converted = 0;
    for (const QString &in : ciiExamples()) {
        const QString out = dir.filePath(QStringLiteral("p%1.xml").arg(n++));
        const QStringList args = {QStringLiteral("convert"),
                                  in,
                                  QStringLiteral("-o"),
                                  out,
                                  QStringLiteral("--seller-endpoint"),
                                  QStringLiteral("0088:7300010000001"),
                                  QStringLiteral("--buyer-endpoint"),
                                  QStringLiteral("0088:7300010000018"),
                                  QStringLiteral("--buyer-reference"),
                                  QStringLiteral("REF-1")};
        ProcessResult r = runCli(args);
        if (r.exitCode == 0) {
            ++converted;
            EXPECT_EQ(runCli({QStringLiteral("validate"), QStringLiteral("-q"), out}).exitCode, 0)
                << s(in.toUtf8());
        } else {
            ASSERT_EQ(r.exitCode, 1) << s(in.toUtf8()) << s(r.err);
            EXPECT_FALSE(QFile::exists(out));
            for (const QByteArray &line : r.err.split('\n')) {
                const int at = line.indexOf(": fatal ");
                if (at < 0)
                    continue;
                const QByteArray rule = line.mid(at + 8).split(' ').value(0);
                EXPECT_FALSE(rule.startsWith("BR-"))
                    << s(in.toUtf8()) << " EN 16931 rule failed: " << s(line);
                EXPECT_NE(rule, "PEPPOL-EN16931-R010");
                EXPECT_NE(rule, "PEPPOL-EN16931-R020");
                EXPECT_NE(rule, "PEPPOL-EN16931-R003");
            }
            r = runCli(args + QStringList{QStringLiteral("--force")});
            ASSERT_EQ(r.exitCode, 0) << s(in.toUtf8()) << s(r.err);
        }
        const QByteArray xml = readFile(out);
        EXPECT_EQ(xsdErrors(xml, xml.contains("<CreditNote") ? ublCreditNoteXsd() : ublInvoiceXsd()),
                  QString())
            << s(in.toUtf8());
        // ... and back to CII: still valid EN 16931.
        const QString back = dir.filePath(QStringLiteral("b%1.xml").arg(n));
        ASSERT_EQ(runCli({QStringLiteral("convert"), out, QStringLiteral("--format"), QStringLiteral("cii"),
                          QStringLiteral("-o"), back})
                      .exitCode,
                  0)
            << s(in.toUtf8());
        EXPECT_EQ(xsdErrors(readFile(back), ciiXsd()), QString()) << s(in.toUtf8());
        EXPECT_EQ(runCli({QStringLiteral("validate"), QStringLiteral("-q"), back}).exitCode, 0)
            << s(in.toUtf8());
    }
    EXPECT_GE(converted, 2)
        << "most examples break a Peppol or national rule (R120, DK-R-005, NL-R-003, DE-R-002...), not all";
}

TEST(Cli, ConvertUblToCii)
{
    QTemporaryDir dir;
    for (const QString &in : ublExamples()) {
        const QString out = dir.filePath(QFileInfo(in).fileName());
        const ProcessResult r = runCli({QStringLiteral("convert"), in, QStringLiteral("--format"),
                                        QStringLiteral("cii"), QStringLiteral("-o"), out});
        ASSERT_EQ(r.exitCode, 0) << s(in.toUtf8()) << s(r.err);
        EXPECT_EQ(xsdErrors(readFile(out), ciiXsd()), QString()) << s(in.toUtf8());
        EXPECT_EQ(runCli({QStringLiteral("validate"), QStringLiteral("-q"), out}).exitCode, 0)
            << s(in.toUtf8());
    }
}

TEST(Cli, ConvertRefusesToOverwriteInput)
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.xml"));
    QFile::copy(exampleNamed(ublExamples(), QStringLiteral("base-example.xml")), in);
    const ProcessResult r = runCli({QStringLiteral("convert"), in, QStringLiteral("-o"), in});
    EXPECT_EQ(r.exitCode, 64);
    EXPECT_TRUE(r.err.contains("refusing to overwrite"));
}

TEST(Cli, ConvertToStandardOutput)
{
    const ProcessResult r =
        runCli({QStringLiteral("convert"), exampleNamed(ublExamples(), QStringLiteral("base-example.xml")),
                QStringLiteral("-o"), QStringLiteral("-")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.startsWith("<?xml"));
    EXPECT_EQ(xsdErrors(r.out, ublInvoiceXsd()), QString());
}

TEST(Cli, ShowPrintsAReadableSummary)
{
    const ProcessResult r =
        runCli({QStringLiteral("show"), exampleNamed(ublExamples(), QStringLiteral("base-example.xml"))});
    EXPECT_EQ(r.exitCode, 0) << s(r.err);
    EXPECT_TRUE(r.out.contains("Snippet1")) << s(r.out);
    EXPECT_TRUE(r.out.contains("SupplierOfficialName Ltd")) << s(r.out);
    EXPECT_TRUE(r.out.contains("Amount due:"));
    EXPECT_TRUE(r.out.contains("Validation: no fatal problems"));
}

TEST(Cli, ExtractJsonFromPdfWithEmbeddedXml)
{
    const QString pdf = sharedDir() + QStringLiteral("/corpus/dev/ferd24_EN16931_Rabatte.pdf");
    const ProcessResult r = runCli({QStringLiteral("extract"), pdf, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << s(r.err);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("fields")).toObject().value(QStringLiteral("invoice_number")).toString(),
              QStringLiteral("471102"));
    EXPECT_TRUE(o.contains(QStringLiteral("ready")));
    EXPECT_TRUE(o.value(QStringLiteral("confidence")).isObject());
    EXPECT_EQ(o.value(QStringLiteral("source")).toObject().value(QStringLiteral("invoice_number")).toString(),
              QStringLiteral("embedded_xml"));
    EXPECT_TRUE(o.value(QStringLiteral("review_reasons")).isArray());
}

TEST(Cli, ConvertPdfWithEmbeddedCiiEmbedsTheOriginalPdf)
{
    QTemporaryDir dir;
    const QString pdf = sharedDir() + QStringLiteral("/corpus/dev/ferd24_EN16931_Einfach.pdf");
    const QString out = dir.filePath(QStringLiteral("einfach.xml"));
    const ProcessResult r =
        runCli({QStringLiteral("convert"), pdf, QStringLiteral("-o"), out, QStringLiteral("--force")});
    ASSERT_EQ(r.exitCode, 0) << s(r.err);
    const QByteArray xml = readFile(out);
    EXPECT_TRUE(xml.contains("mimeCode=\"application/pdf\""))
        << "original PDF must travel with the e-invoice";
    EXPECT_EQ(xsdErrors(xml, ublInvoiceXsd()), QString());
}

// The acceptance check of the foundation: `einvoice extract --json` on every corpus PDF that
// carries an embedded e-invoice scores 100% with the corpus's own scorer.
TEST(Cli, ExtractScoresFullMarksOnEmbeddedCorpusPdfs)
{
    const QString corpus = sharedDir() + QStringLiteral("/corpus/dev");
    QTemporaryDir truth, pred;
    int files = 0;
    for (const QString &name : QDir(corpus).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QByteArray json = readFile(corpus + QLatin1Char('/') + name);
        if (QJsonDocument::fromJson(json).object().value(QStringLiteral("format_embedded")).toString() ==
            QLatin1String("none"))
            continue;
        const QString stem = QFileInfo(name).completeBaseName();
        ASSERT_TRUE(QFile::copy(corpus + QLatin1Char('/') + name, truth.filePath(name)));
        const ProcessResult r = runCli(
            {QStringLiteral("extract"), QStringLiteral("--json"), corpus + QLatin1Char('/') + stem + ".pdf"});
        ASSERT_EQ(r.exitCode, 0) << s(stem.toUtf8()) << s(r.err);
        QFile out(pred.filePath(name));
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(r.out);
        ++files;
    }
    EXPECT_EQ(files, 31);
    const ProcessResult score =
        run(QStringLiteral("python3"),
            {sharedDir() + QStringLiteral("/tools/score_extraction.py"), QStringLiteral("--truth"),
             truth.path(), QStringLiteral("--pred"), pred.path(), QStringLiteral("--verbose")});
    ASSERT_EQ(score.exitCode, 0) << s(score.err);
    const QByteArray last = score.out.trimmed().split('\n').last();
    EXPECT_EQ(last, "overall 100.0% core-complete 100.0%") << s(score.out);
}

TEST(Cli, ExtractIgnoreEmbeddedReadsThePrintedText)
{
    const QString pdf = sharedDir() + QStringLiteral("/corpus/dev/ferd24_EN16931_Einfach.pdf");
    const ProcessResult r = runCli(
        {QStringLiteral("extract"), pdf, QStringLiteral("--json"), QStringLiteral("--ignore-embedded")});
    ASSERT_EQ(r.exitCode, 0) << s(r.err);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_TRUE(o.value(QStringLiteral("embedded")).isNull());
    EXPECT_NE(o.value(QStringLiteral("source")).toObject().value(QStringLiteral("invoice_number")).toString(),
              QStringLiteral("embedded_xml"));
    // The printed text says the same as the attachment for the number and the totals.
    const QJsonObject fields = o.value(QStringLiteral("fields")).toObject();
    EXPECT_EQ(fields.value(QStringLiteral("invoice_number")).toString(), QStringLiteral("471102"));
    EXPECT_EQ(fields.value(QStringLiteral("total_with_vat")).toString(), QStringLiteral("529.87"));
}

TEST(Cli, LearnThenExtractUsesTheTemplate)
{
    QTemporaryDir templates;
    qputenv("EINVOICE_TEMPLATE_DIR", templates.path().toUtf8()); // inherited by the CLI runs below
    const QString pdf = sharedDir() + QStringLiteral("/corpus/nordic-dev/gen01_se_01.pdf");
    ProcessResult r = runCli({QStringLiteral("learn"), pdf, QStringLiteral("--set"),
                              QStringLiteral("buyer_name=Almgren Ventilation AB"), QStringLiteral("--set"),
                              QStringLiteral("seller_name=Österlens Konsult AB")});
    ASSERT_EQ(r.exitCode, 0) << s(r.err);
    EXPECT_TRUE(r.out.contains("learned layout"));

    r = runCli({QStringLiteral("extract"), QStringLiteral("--json"), pdf});
    ASSERT_EQ(r.exitCode, 0) << s(r.err);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("fields")).toObject().value(QStringLiteral("buyer_name")).toString(),
              QStringLiteral("Almgren Ventilation AB"));
    EXPECT_EQ(o.value(QStringLiteral("source")).toObject().value(QStringLiteral("buyer_name")).toString(),
              QStringLiteral("template"));

    // A value that is not on the page is refused, and nothing new is stored.
    r = runCli({QStringLiteral("learn"), pdf, QStringLiteral("--set"),
                QStringLiteral("order_reference=NOT-ON-PAGE")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("order_reference"));

    r = runCli({QStringLiteral("templates"), QStringLiteral("list")});
    ASSERT_EQ(r.exitCode, 0);
    const QString id = QString::fromUtf8(r.out.split(' ').value(0));
    ASSERT_FALSE(id.isEmpty());
    const QString exported = templates.filePath(QStringLiteral("exported.template"));
    EXPECT_EQ(runCli({QStringLiteral("templates"), QStringLiteral("export"), id, exported}).exitCode, 0);
    EXPECT_EQ(runCli({QStringLiteral("templates"), QStringLiteral("delete"), id}).exitCode, 0);
    EXPECT_TRUE(runCli({QStringLiteral("templates"), QStringLiteral("list")}).out.contains("no templates"));
    EXPECT_EQ(runCli({QStringLiteral("templates"), QStringLiteral("import"), exported}).exitCode, 0);
    EXPECT_TRUE(runCli({QStringLiteral("templates"), QStringLiteral("list")}).out.contains(id.toUtf8()));
    qunsetenv("EINVOICE_TEMPLATE_DIR");
}

TEST(Cli, OutputThatCannotBeWrittenFailsTheRun)
{
    const QString xml = ublExamples().value(0);
    ASSERT_TRUE(QFileInfo(xml).isFile()) << s(xml.toUtf8());
    QProcess p;
    p.setStandardOutputFile(QStringLiteral("/dev/full")); // every write fails: no space left
    p.start(QStringLiteral(EINVOICE_CLI), {QStringLiteral("extract"), QStringLiteral("--json"), xml});
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 3);
    const QByteArray err = p.readAllStandardError();
    EXPECT_TRUE(err.contains("cannot write to standard output")) << s(err);
}

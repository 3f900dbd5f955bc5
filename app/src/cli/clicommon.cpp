#include "clicommon.h"

#include "invoiceextractor.h"
#include "layouttemplate.h"
#include "readguard.h"
#include "textinvoicereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace einvoice::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice", text);
}

InvoiceExtractor makeExtractor()
{
    InvoiceExtractor extractor;
    auto reader = std::make_shared<GenericTextInvoiceReader>();
    reader->setTemplates(std::make_shared<TemplateStore>(TemplateStore::defaultDir()));
    extractor.setTextReader(reader);
    return extractor;
}

static bool looksLikePdf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(1024).contains("%PDF-");
}

std::optional<LoadedDocument> loadDocument(const QString &path, bool acceptUnsure)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        err() << tr("%1: file not found").arg(path) << Qt::endl;
        return std::nullopt;
    }
    if (!info.isFile() || !info.isReadable()) {
        err() << tr("%1: not a readable file").arg(path) << Qt::endl;
        return std::nullopt;
    }
    LoadedDocument doc;
    if (looksLikePdf(path)) {
        QString error;
        const InvoiceExtractor extractor = makeExtractor();
        std::optional<ExtractionResult> result;
        {
            const ReadGuard guard(path);
            result = extractor.extract(path, &error);
        }
        if (!result) {
            err() << error << Qt::endl;
            return std::nullopt;
        }
        if (!acceptUnsure && !result->fromEmbeddedXml && !result->ready) {
            err() << tr("%1: the invoice could not be read reliably from the PDF:").arg(path) << Qt::endl;
            for (const QString &reason : result->reviewReasons)
                err() << "  - " << reason << Qt::endl;
            return std::nullopt;
        }
        doc.invoice = result->invoice;
        doc.syntax = result->embeddedSyntax;
        doc.fromPdf = true;
        doc.reviewReasons = result->reviewReasons;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            doc.pdfBytes = f.readAll();
        return doc;
    }
    XmlReadResult read = EInvoiceXml::readFile(path);
    if (!read.ok()) {
        err() << read.error << Qt::endl;
        return std::nullopt;
    }
    doc.invoice = *read.invoice;
    doc.syntax = read.syntax;
    return doc;
}

void printFailures(const QString &path, const QList<RuleFailure> &failures)
{
    for (const RuleFailure &f : failures) {
        err() << path << ": " << (f.fatal ? tr("fatal") : tr("warning")) << ' ' << f.ruleId;
        if (!f.location.isEmpty())
            err() << " [" << f.location << ']';
        err() << ": " << f.message << Qt::endl;
    }
}

QString helpText(const QCommandLineParser &parser, const QStringList &args)
{
    // QCommandLineParser names the program from QCoreApplication::arguments(), which the CLI
    // does not make ("<executable_name>"); the usage line names the command instead.
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString usage = QStringLiteral("Usage: ");
    if (!args.isEmpty() && text.startsWith(usage)) {
        const qsizetype nameEnd = text.indexOf(QLatin1Char(' '), usage.size());
        if (nameEnd > 0 && (end < 0 || nameEnd < end))
            text.replace(usage.size(), nameEnd - usage.size(), args.constFirst());
    }
    return text;
}

int parseOrExit(QCommandLineParser &parser, const QStringList &args, int minPositional)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        err() << parser.errorText() << Qt::endl << helpText(parser, args);
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out() << helpText(parser, args);
        return ExitOk;
    }
    if (parser.positionalArguments().size() < minPositional) {
        err() << tr("missing argument") << Qt::endl << helpText(parser, args);
        return ExitUsage;
    }
    return -1;
}

} // namespace einvoice::cli

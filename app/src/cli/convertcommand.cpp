#include "convertcommand.h"

#include "clicommon.h"
#include "senderprofile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace einvoice::cli {

namespace {

// What the user can pass on the command line for the Peppol rules that ask for data a source
// document (typically a Factur-X/ZUGFeRD CII) does not carry.
QString hintFor(const QString &ruleId)
{
    if (ruleId == QLatin1String("PEPPOL-EN16931-R010"))
        return tr("the buyer's electronic address (BT-49): give --buyer-endpoint SCHEME:ID");
    if (ruleId == QLatin1String("PEPPOL-EN16931-R020"))
        return tr("the seller's electronic address (BT-34): give --seller-endpoint SCHEME:ID");
    if (ruleId == QLatin1String("PEPPOL-EN16931-R003"))
        return tr("a buyer reference (BT-10) or order reference (BT-13): give --buyer-reference REF");
    return QString();
}

QString defaultOutputPath(const QString &input, Syntax syntax)
{
    const QFileInfo info(input);
    QString stem = info.completeBaseName();
    for (const char *suffix : {".ubl", ".cii"})
        if (stem.endsWith(QLatin1String(suffix)))
            stem.chop(4);
    return info.dir().filePath(
        stem + (syntax == Syntax::Cii ? QStringLiteral(".cii.xml") : QStringLiteral(".ubl.xml")));
}

} // namespace

int ConvertCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Convert a PDF (with an embedded Factur-X/ZUGFeRD/XRechnung/UBL invoice) or an e-invoice XML into "
        "Peppol BIS Billing 3.0 UBL (default) or EN 16931 CII. The result is validated; when a fatal rule "
        "fails nothing is written unless --force is given.\n\nExit codes: 0 written, 1 fatal rule failures "
        "(nothing written), 2 input unreadable, 3 output not writable, 64 usage."));
    parser.addPositionalArgument(QStringLiteral("input"), tr("PDF or XML file to convert."));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        tr("Output file ('-' for standard output). Default: INPUT.ubl.xml / INPUT.cii.xml "
           "beside the input."),
        QStringLiteral("file"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Output syntax: ubl (Peppol BIS 3, default) or cii."),
                                    QStringLiteral("ubl|cii"), QStringLiteral("ubl"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Write the output even when fatal rules fail."));
    const QCommandLineOption sellerEndpoint(
        QStringLiteral("seller-endpoint"),
        tr("Seller electronic address BT-34 as EAS:ID, e.g. 0007:5567321707."), QStringLiteral("scheme:id"));
    const QCommandLineOption buyerEndpoint(
        QStringLiteral("buyer-endpoint"),
        tr("Buyer electronic address BT-49 as EAS:ID, e.g. 0192:987654325."), QStringLiteral("scheme:id"));
    const QCommandLineOption buyerReference(QStringLiteral("buyer-reference"), tr("Buyer reference BT-10."),
                                            QStringLiteral("ref"));
    const QCommandLineOption noPdf(
        QStringLiteral("no-attach-pdf"),
        tr("Do not embed the original PDF in the e-invoice (it is embedded by default)."));
    parser.addOptions({output, format, force, sellerEndpoint, buyerEndpoint, buyerReference, noPdf});
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const QString input = parser.positionalArguments().constFirst();

    const QString formatName = parser.value(format).toLower();
    if (formatName != QLatin1String("ubl") && formatName != QLatin1String("cii")) {
        err() << tr("unknown --format '%1': use ubl or cii").arg(parser.value(format)) << Qt::endl;
        return ExitUsage;
    }
    const Syntax target = formatName == QLatin1String("cii") ? Syntax::Cii : Syntax::Ubl;

    std::optional<LoadedDocument> doc = loadDocument(input);
    if (!doc)
        return ExitInputError;
    Invoice invoice = doc->invoice;

    for (const auto &[option, party] :
         {std::pair{&sellerEndpoint, &invoice.seller}, std::pair{&buyerEndpoint, &invoice.buyer}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<Identifier> endpoint = parseSchemeId(parser.value(*option));
        if (!endpoint) {
            err() << tr("--%1 '%2' is not SCHEME:ID (for example 0007:5567321707)")
                         .arg(option->names().constFirst(), parser.value(*option))
                  << Qt::endl;
            return ExitUsage;
        }
        party->electronicAddress = *endpoint;
    }
    if (parser.isSet(buyerReference))
        invoice.buyerReference = parser.value(buyerReference);

    // The output declares what it conforms to: Peppol BIS 3 for UBL, the EN 16931 core for CII.
    if (target == Syntax::Ubl) {
        invoice.customizationId = QString::fromLatin1(kPeppolCustomizationId);
        if (!invoice.profileId.startsWith(QLatin1String("urn:fdc:peppol.eu:2017:poacc:billing:")))
            invoice.profileId = QString::fromLatin1(kPeppolProfileId);
    } else if (!invoice.customizationId.startsWith(QLatin1String(kEn16931CustomizationId)) ||
               invoice.customizationId.contains(QLatin1String("peppol")) ||
               invoice.customizationId.contains(QLatin1String("factur-x")) ||
               invoice.customizationId.contains(QLatin1String("zugferd"))) {
        invoice.customizationId = QString::fromLatin1(kEn16931CustomizationId);
    }

    if (doc->fromPdf && !parser.isSet(noPdf) && !doc->pdfBytes.isEmpty()) {
        Attachment pdf;
        pdf.id = invoice.number.isEmpty() ? QFileInfo(input).completeBaseName() : invoice.number;
        pdf.description = tr("Invoice as printed (original PDF)");
        pdf.mimeCode = QStringLiteral("application/pdf");
        pdf.filename = QFileInfo(input).fileName();
        pdf.content = doc->pdfBytes;
        invoice.attachments.prepend(pdf);
    }

    Validator::Options options;
    options.syntax = target;
    options.peppol = target == Syntax::Ubl; // CII output is EN 16931 (Factur-X / XRechnung style)
    const QList<RuleFailure> failures = Validator::validate(invoice, options);
    const bool fatal = Validator::hasFatal(failures);
    printFailures(input, failures);
    if (fatal) {
        QStringList missing;
        for (const RuleFailure &f : failures)
            if (const QString hint = hintFor(f.ruleId); !hint.isEmpty() && !missing.contains(hint))
                missing << hint;
        if (!missing.isEmpty()) {
            err() << tr("%1: the source lacks data that %2 requires:")
                         .arg(input, target == Syntax::Ubl ? tr("Peppol") : tr("EN 16931"))
                  << Qt::endl;
            for (const QString &m : missing)
                err() << "  - " << m << Qt::endl;
        }
        if (!parser.isSet(force)) {
            err() << tr("%1: nothing written (fatal rule failures; --force writes anyway)").arg(input)
                  << Qt::endl;
            return ExitRuleFailures;
        }
    }

    const QByteArray xml = EInvoiceXml::write(invoice, target);
    const QString outPath = parser.isSet(output) ? parser.value(output) : defaultOutputPath(input, target);
    if (outPath == QLatin1String("-")) {
        out().flush();
        fwrite(xml.constData(), 1, size_t(xml.size()), stdout);
        fflush(stdout);
    } else {
        if (QFileInfo(outPath).canonicalFilePath() == QFileInfo(input).canonicalFilePath()) {
            err() << tr("%1: refusing to overwrite the input file").arg(outPath) << Qt::endl;
            return ExitUsage;
        }
        QSaveFile file(outPath); // temp file + rename, so no half-written e-invoice is ever seen
        if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size() || !file.commit()) {
            err() << tr("%1: cannot write: %2").arg(outPath, file.errorString()) << Qt::endl;
            return ExitOutputError;
        }
        out() << tr("%1: wrote %2 %3%4")
                     .arg(input, syntaxName(target), outPath,
                          fatal ? tr(" (forced, despite fatal rule failures)") : QString())
              << Qt::endl;
    }
    return ExitOk;
}

} // namespace einvoice::cli

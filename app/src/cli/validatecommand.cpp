#include "validatecommand.h"

#include "clicommon.h"

namespace einvoice::cli {

int ValidateCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Validate e-invoices (UBL 2.1 or CII D16B) against the EN 16931 business rules and, for Peppol "
        "documents, the Peppol BIS Billing 3.0 rules. Each failure is printed with its official rule id.\n\n"
        "Exit codes: 0 no fatal failure in any file, 1 at least one fatal failure, 2 a file could not be "
        "read, "
        "64 usage."));
    parser.addPositionalArgument(QStringLiteral("files"), tr("XML files to validate."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption en16931(QStringLiteral("en16931"),
                                     tr("Check only the EN 16931 rules, not Peppol's."));
    const QCommandLineOption peppol(
        QStringLiteral("peppol"), tr("Also check the Peppol rules when the document does not claim Peppol."));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   tr("Do not print warnings."));
    parser.addOptions({en16931, peppol, quiet});
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;

    int rc = ExitOk;
    for (const QString &path : parser.positionalArguments()) {
        const XmlReadResult read = EInvoiceXml::readFile(path);
        if (!read.ok()) {
            err() << read.error << Qt::endl;
            rc = ExitInputError;
            continue;
        }
        Validator::Options options;
        options.syntax = read.syntax;
        // Peppol rules apply to what claims to be Peppol (CustomizationID), unless told otherwise.
        options.peppol = !parser.isSet(en16931) &&
                         (parser.isSet(peppol) ||
                          read.invoice->customizationId.startsWith(QLatin1String(kPeppolCustomizationId)));
        QList<RuleFailure> failures = Validator::validate(*read.invoice, options);
        if (parser.isSet(quiet))
            failures.erase(std::remove_if(failures.begin(), failures.end(),
                                          [](const RuleFailure &f) { return !f.fatal; }),
                           failures.end());
        printFailures(path, failures);
        const int fatalCount = int(
            std::count_if(failures.begin(), failures.end(), [](const RuleFailure &f) { return f.fatal; }));
        if (fatalCount > 0) {
            out() << tr("%1: INVALID (%2 fatal, %3 warnings; %4, %5 rules)")
                         .arg(path)
                         .arg(fatalCount)
                         .arg(failures.size() - fatalCount)
                         .arg(syntaxName(read.syntax),
                              options.peppol ? tr("EN 16931 + Peppol BIS 3") : tr("EN 16931"))
                  << Qt::endl;
            if (rc == ExitOk)
                rc = ExitRuleFailures;
        } else {
            out() << tr("%1: valid (%2 warnings; %3, %4 rules)")
                         .arg(path)
                         .arg(failures.size())
                         .arg(syntaxName(read.syntax),
                              options.peppol ? tr("EN 16931 + Peppol BIS 3") : tr("EN 16931"))
                  << Qt::endl;
        }
    }
    return rc;
}

} // namespace einvoice::cli

#include "showcommand.h"

#include "clicommon.h"
#include "invoicesummary.h"

namespace einvoice::cli {

int ShowCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Show a readable summary of an invoice (PDF or e-invoice XML) and whether it passes validation.\n\n"
        "Exit codes: 0 shown, 2 the file could not be read, 3 the output could not be written, 64 usage."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("PDF or XML file."));
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const QString path = parser.positionalArguments().constFirst();
    const std::optional<LoadedDocument> doc = loadDocument(path, true);
    if (!doc)
        return ExitInputError;
    out() << path;
    if (doc->fromPdf)
        out() << (doc->syntax != Syntax::Unknown ? tr(" (PDF with embedded %1)").arg(syntaxName(doc->syntax))
                                                 : tr(" (PDF, read from the printed text)"));
    else
        out() << QStringLiteral(" (%1)").arg(syntaxName(doc->syntax));
    out() << Qt::endl << Qt::endl << InvoiceSummary::toText(doc->invoice) << Qt::endl << Qt::endl;

    Validator::Options options;
    options.syntax = doc->syntax == Syntax::Unknown ? Syntax::Ubl : doc->syntax;
    options.peppol = doc->invoice.customizationId.startsWith(QLatin1String(kPeppolCustomizationId));
    const QList<RuleFailure> failures = Validator::validate(doc->invoice, options);
    const auto fatal =
        std::count_if(failures.begin(), failures.end(), [](const RuleFailure &f) { return f.fatal; });
    out() << (fatal ? tr("Validation: %1 fatal problem(s)").arg(fatal) : tr("Validation: no fatal problems"))
          << tr(" (%1)").arg(options.peppol ? tr("EN 16931 + Peppol BIS 3") : tr("EN 16931")) << Qt::endl;
    for (const RuleFailure &f : failures)
        out() << QStringLiteral("  %1 %2%3: %4")
                     .arg(f.fatal ? tr("fatal") : tr("warning"), f.ruleId,
                          f.location.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(f.location),
                          f.message)
              << Qt::endl;
    for (const QString &reason : doc->reviewReasons)
        out() << tr("Review: %1").arg(reason) << Qt::endl;
    return ExitOk;
}

} // namespace einvoice::cli

#pragma once

#include "einvoicexml.h"
#include "invoice.h"
#include "invoiceextractor.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>
#include <optional>

namespace einvoice::cli {

/// Exit codes of the `einvoice` command (documented in `einvoice --help` and docs/cli.md).
enum ExitCode
{
    ExitOk = 0,
    ExitRuleFailures = 1, // the document fails at least one fatal EN 16931 / Peppol rule
    ExitInputError = 2,   // a file could not be read or is not an invoice
    ExitOutputError = 3,  // the output could not be written
    ExitUsage = 64,       // wrong arguments (as sysexits' EX_USAGE)
    ExitUnavailable = 69, // a part of the installation is missing (as sysexits' EX_UNAVAILABLE)
};

QTextStream &out();
QTextStream &err();
QString tr(const char *text);

/// An invoice loaded from an XML e-invoice or from a PDF (embedded e-invoice or printed text).
struct LoadedDocument
{
    Invoice invoice;
    Syntax syntax = Syntax::Unknown; // syntax of the source XML; Unknown for text-read PDFs
    bool fromPdf = false;
    QByteArray pdfBytes;       // the original PDF, to travel with the e-invoice
    QStringList reviewReasons; // from the PDF reader, when it is unsure
};

/// Loads @p path; on failure prints "PATH: problem" to stderr and returns nothing. A PDF whose
/// text the reader is unsure of is refused unless @p acceptUnsure (for `show`, which only displays).
std::optional<LoadedDocument> loadDocument(const QString &path, bool acceptUnsure = false);

/// The extractor the CLI uses: embedded e-invoice first, then the generic text reader.
InvoiceExtractor makeExtractor();

/// Prints rule failures, one per line: "PATH: fatal BR-CO-15 [line 2]: message".
void printFailures(const QString &path, const QList<RuleFailure> &failures);

/// Parses @p args with @p parser; handles --help. Returns -1 to continue, else an exit code.
int parseOrExit(QCommandLineParser &parser, const QStringList &args, int minPositional);
/// The parser's help, its usage line naming the command (args[0], "einvoice extract").
QString helpText(const QCommandLineParser &parser, const QStringList &args);

} // namespace einvoice::cli

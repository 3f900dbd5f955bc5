#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace einvoice::test {

/// Paths to the shared reference data (../shared beside the checkout).
QString sharedDir();
QString referenceDir(); // ../shared/einvoice-reference
QStringList ublExamples();
QStringList ciiExamples();
QString ublInvoiceXsd();
QString ublCreditNoteXsd();
QString ciiXsd();

/// Runs `xmllint --noout --schema XSD` on @p xml (written to a temp file); returns "" when valid,
/// otherwise xmllint's messages.
QString xsdErrors(const QByteArray &xml, const QString &xsd);

QByteArray readFile(const QString &path);

/// Result of running a program.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData = {});
/// Runs the built `einvoice` CLI.
ProcessResult runCli(const QStringList &args);

} // namespace einvoice::test

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
/// The built `einvoice-agent` (beside the CLI).
QString agentBinary();
/// A small PDF (a compressed stream) whose one page draws @p words short words: hostile in
/// time and memory for any reader that builds words.
QByteArray wordBombPdf(int words);
/// A well-formed PDF of @p objects (numbered from 1; object 1 is the catalog), with its xref.
QByteArray pdfFromObjects(const QList<QByteArray> &objects);

} // namespace einvoice::test

#include <functional>

namespace einvoice::test {

/// Creates the process's QCoreApplication if there is none yet (GoogleTest's main makes none);
/// tests that need an event loop (engine, watchers, sockets) call it first.
void ensureCoreApp();
/// Runs the event loop until @p condition holds or @p timeoutMs passed; returns the condition.
/// A deadline, not a sleep: it returns as soon as the condition holds.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 30000);

/// A loopback port nothing listens on right now (the kernel's choice for port 0).
int freeLoopbackPort();
/// Runs @p body(0) ... body(n - 1) on n threads at once and waits for them all.
void onThreads(int n, const std::function<void(int)> &body);

} // namespace einvoice::test

#include "httpsportaltransport.h"
#include "transport.h"

#include <memory>

namespace einvoice::test {

/// A UBL e-invoice as the engine hands it to a transport: hash, name and addressing filled in.
OutgoingDocument outgoingUbl(const QByteArray &payload, const QString &number, const QString &buyerEndpoint);
/// An HTTPS portal transport for tests: @p caFile trusted, no proxy, short timeouts, fixed token.
std::unique_ptr<HttpsPortalTransport> httpsTransport(const QString &baseUrl, const QString &caFile,
                                                     const QString &token);
/// Against a portal started with `--rate-limit ALLOWED/60`: sends @p allowed documents made by
/// @p document (each must be accepted), then one more, which must come back transient, with a
/// Retry-After between 1 and @p maxRetryAfterSecs and the status 429 in its message. Call it
/// inside ASSERT_NO_FATAL_FAILURE.
void expectRateLimitedAfter(Transport &transport, int allowed, int maxRetryAfterSecs,
                            const std::function<OutgoingDocument(int)> &document);

} // namespace einvoice::test

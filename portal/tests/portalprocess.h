#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace einvoice::test {

/// A real `einvoice-portal serve` child process on a free loopback port, with a throwaway
/// database and (for HTTPS) a self-signed certificate made with `openssl req`, for tests.
/// Not thread-safe; one per test. Stops the server when destroyed.
class PortalProcess
{
public:
    PortalProcess();
    ~PortalProcess();

    /// Creates the database; accounts can be added before or after start().
    /// Returns the account's token ("" and a GoogleTest failure on error).
    QString addAccount(const QString &name, const QString &endpoint, const QStringList &extraArgs = {});
    /// Starts the server (HTTPS unless @p tls is false) and waits until it listens.
    bool start(bool tls = true, const QStringList &extraArgs = {});
    /// Stops the server with SIGTERM; returns its exit code (0 = clean shutdown, -1 = had to kill).
    int stop();

    QString baseUrl() const { return m_baseUrl; }
    QString caFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("portal.db")); }
    QString dir() const { return m_dir.path(); }
    /// Runs the portal CLI with --db added; returns exit code, stdout+stderr in @p output.
    int runCli(const QStringList &args, QString *output);
    /// Makes a self-signed certificate for localhost/127.0.0.1 into @p certFile / @p keyFile.
    static bool makeCertificate(const QString &certFile, const QString &keyFile);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    QString m_baseUrl;
};

/// A valid Peppol BIS 3 UBL invoice made with the project's own code: the official base example
/// read with EInvoiceXml, given @p number, the two electronic addresses and (optionally) an
/// embedded PDF, and written with UblWriter.
QByteArray makeInvoice(const QString &number, const QString &sellerEndpoint, const QString &buyerEndpoint,
                       bool withPdf = true);
/// The small PDF embedded by makeInvoice().
QByteArray samplePdf();

/// A plain HTTP(S) exchange with libcurl, for calls the transport does not make (web page, CLI-level
/// checks). TLS verification on, @p caFile trusted.
struct HttpAnswer
{
    long status = 0;
    QMap<QString, QString> headers; ///< lower-case names
    QByteArray body;
    QString error;
};
HttpAnswer httpRequest(const QString &method, const QString &url, const QStringList &headers = {},
                       const QByteArray &body = {}, const QString &caFile = {});

} // namespace einvoice::test

#include "portalprocess.h"

#include "einvoicexml.h"
#include "ublwriter.h"
#include "validator.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <curl/curl.h>
#include <gtest/gtest.h>

namespace einvoice::test {

namespace {

QString portalBinary()
{
    return QStringLiteral(EINVOICE_PORTAL_BIN);
}

size_t appendBody(char *data, size_t size, size_t count, void *user)
{
    static_cast<QByteArray *>(user)->append(data, qsizetype(size * count));
    return size * count;
}

size_t appendHeader(char *data, size_t size, size_t count, void *user)
{
    auto *headers = static_cast<QMap<QString, QString> *>(user);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    const int colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith("HTTP/"))
        headers->insert(QString::fromLatin1(line.left(colon)).toLower(),
                        QString::fromUtf8(line.mid(colon + 1)).trimmed());
    return size * count;
}

} // namespace

PortalProcess::PortalProcess() = default;

PortalProcess::~PortalProcess()
{
    stop();
}

int PortalProcess::runCli(const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(portalBinary(), args + QStringList{QStringLiteral("--db"), dbPath()});
    if (!p.waitForFinished(30000)) {
        *output = QStringLiteral("einvoice-portal did not finish: ") + p.errorString();
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

QString PortalProcess::addAccount(const QString &name, const QString &endpoint, const QStringList &extraArgs)
{
    QProcess p;
    p.start(portalBinary(),
            QStringList{QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--endpoint"),
                        endpoint, QStringLiteral("--db"), dbPath()} +
                extraArgs);
    const bool finished = p.waitForFinished(30000);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    EXPECT_TRUE(finished && p.exitCode() == 0)
        << "account add " << name.toStdString() << ": " << err.toStdString();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool PortalProcess::makeCertificate(const QString &certFile, const QString &keyFile)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile,
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
             QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        ADD_FAILURE() << "openssl req failed: " << p.readAll().toStdString();
        return false;
    }
    return true;
}

bool PortalProcess::start(bool tls, const QStringList &extraArgs)
{
    QStringList args{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--db"), dbPath()};
    if (tls) {
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        if (!makeCertificate(caFile(), key))
            return false;
        args << QStringLiteral("--cert") << caFile() << QStringLiteral("--key") << key;
    }
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(portalBinary(), args + extraArgs);
    if (!m_server->waitForStarted(10000)) {
        ADD_FAILURE() << "einvoice-portal did not start: " << m_server->errorString().toStdString();
        return false;
    }
    // The server prints its URL once it listens; wait for that line (with a deadline).
    const QRegularExpression re(QStringLiteral("listening on (https?://[^/ ]+)/"));
    QByteArray seen;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_server->state() != QProcess::Running) {
            ADD_FAILURE() << "einvoice-portal exited: " << seen.toStdString();
            return false;
        }
        m_server->waitForReadyRead(200);
        seen += m_server->readAllStandardOutput();
        const auto match = re.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_baseUrl = match.captured(1);
            if (tls)
                m_baseUrl.replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
            return true;
        }
    }
    ADD_FAILURE() << "einvoice-portal did not report its port: " << seen.toStdString();
    return false;
}

int PortalProcess::stop()
{
    if (!m_server)
        return -1;
    int code = -1;
    if (m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (m_server->waitForFinished(10000) && m_server->exitStatus() == QProcess::NormalExit) {
            code = m_server->exitCode();
        } else {
            m_server->kill();
            m_server->waitForFinished();
        }
    }
    m_server.reset();
    return code;
}

QByteArray samplePdf()
{
    // A minimal one-page PDF; the portal only has to hand the same bytes back.
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                             "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                             "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
                             "trailer<</Root 1 0 R>>\n%%EOF\n");
}

QByteArray makeInvoice(const QString &number, const QString &sellerEndpoint, const QString &buyerEndpoint,
                       bool withPdf)
{
    static const XmlReadResult base = EInvoiceXml::readFile(
        QStringLiteral(EINVOICE_SHARED_DIR) +
        QStringLiteral("/einvoice-reference/examples/ubl-peppol-bis3/peppol-bis-invoice-3/base-example.xml"));
    if (!base.ok()) {
        ADD_FAILURE() << "base example unreadable: " << base.error.toStdString();
        return {};
    }
    Invoice invoice = *base.invoice;
    invoice.number = number;
    const auto split = [](const QString &endpoint) {
        return Identifier{endpoint.section(QLatin1Char(':'), 1), endpoint.section(QLatin1Char(':'), 0, 0)};
    };
    invoice.seller.electronicAddress = split(sellerEndpoint);
    invoice.buyer.electronicAddress = split(buyerEndpoint);
    if (withPdf) {
        Attachment pdf;
        pdf.id = number;
        pdf.description = QStringLiteral("Invoice as printed");
        pdf.mimeCode = QStringLiteral("application/pdf");
        pdf.filename = number + QStringLiteral(".pdf");
        pdf.content = samplePdf();
        invoice.attachments.append(pdf);
    }
    return UblWriter::write(invoice);
}

HttpAnswer httpRequest(const QString &method, const QString &url, const QStringList &headers,
                       const QByteArray &body, const QString &caFile)
{
    HttpAnswer answer;
    CURL *h = curl_easy_init();
    const QByteArray u = url.toUtf8();
    const QByteArray m = method.toUtf8();
    const QByteArray ca = caFile.toLocal8Bit();
    curl_easy_setopt(h, CURLOPT_URL, u.constData());
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m.constData());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
    if (!caFile.isEmpty())
        curl_easy_setopt(h, CURLOPT_CAINFO, ca.constData());
    curl_slist *list = curl_slist_append(nullptr, "Expect:");
    QList<QByteArray> keep;
    for (const QString &header : headers) {
        keep.append(header.toUtf8());
        list = curl_slist_append(list, keep.last().constData());
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    if (method == QLatin1String("POST")) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.constData());
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, appendHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &answer.headers);
    const CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK)
        answer.error = QString::fromUtf8(curl_easy_strerror(rc));
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &answer.status);
    curl_slist_free_all(list);
    curl_easy_cleanup(h);
    return answer;
}

} // namespace einvoice::test

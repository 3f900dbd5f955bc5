#include "connectiontester.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace einvoice::gui {

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent) {}

QString ConnectionTester::stepName(Step step)
{
    switch (step) {
    case Step::Dns:
        return tr("Name lookup (DNS)");
    case Step::Proxy:
        return tr("Proxy");
    case Step::Tls:
        return tr("Secure connection (TLS)");
    case Step::Authentication:
        return tr("Sign-in (token)");
    case Step::Api:
        return tr("Portal service (API)");
    }
    return {};
}

void ConnectionTester::start(const Target &target)
{
    if (m_running)
        return;
    m_target = target;
    m_results.clear();
    m_running = true;
    if (!target.url.isValid() || target.url.host().isEmpty() ||
        (target.url.scheme() != QLatin1String("https") && target.url.scheme() != QLatin1String("http"))) {
        report(Step::Dns, Outcome::Failed,
               tr("'%1' is not a web address (it should look like https://portal.example.com).")
                   .arg(target.url.toString()));
        skipRest(Step::Proxy, tr("the address is not usable"));
        return;
    }
    runDns();
}

void ConnectionTester::report(Step step, Outcome outcome, const QString &message)
{
    m_results << Result{step, outcome, message};
    emit stepFinished(step, outcome, message);
}

void ConnectionTester::skipRest(Step from, const QString &why)
{
    for (int s = int(from); s <= int(Step::Api); ++s)
        report(Step(s), Outcome::Skipped, tr("Not tried: %1.").arg(why));
    finish();
}

void ConnectionTester::finish()
{
    m_running = false;
    bool ok = true;
    for (const Result &r : std::as_const(m_results))
        ok = ok && r.outcome == Outcome::Passed;
    emit finished(ok);
}

void ConnectionTester::runDns()
{
    const QString host = m_target.url.host();
    QHostInfo::lookupHost(host, this, [this, host](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            report(Step::Dns, Outcome::Failed,
                   tr("%1 cannot be found: %2. Check the address and the network.")
                       .arg(host, info.errorString()));
            skipRest(Step::Proxy, tr("the portal's name is unknown"));
            return;
        }
        report(Step::Dns, Outcome::Passed,
               tr("%1 is %2.").arg(host, info.addresses().constFirst().toString()));
        runProxy();
    });
}

void ConnectionTester::runProxy()
{
    if (m_target.proxy.isEmpty()) {
        const QList<QNetworkProxy> proxies =
            QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(m_target.url));
        m_proxy = proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.constFirst();
        if (m_proxy.type() == QNetworkProxy::NoProxy || m_proxy.type() == QNetworkProxy::DefaultProxy) {
            m_proxy = QNetworkProxy(QNetworkProxy::NoProxy);
            report(Step::Proxy, Outcome::Passed, tr("No proxy: the portal is reached directly."));
            runTls();
            return;
        }
    } else {
        const QUrl p = QUrl::fromUserInput(m_target.proxy);
        if (p.host().isEmpty() || p.port() <= 0) {
            report(Step::Proxy, Outcome::Failed,
                   tr("The proxy '%1' should look like http://proxy.example.com:3128.").arg(m_target.proxy));
            skipRest(Step::Tls, tr("the proxy setting is not usable"));
            return;
        }
        m_proxy =
            QNetworkProxy(QNetworkProxy::HttpProxy, p.host(), quint16(p.port()), p.userName(), p.password());
    }
    auto *socket = new QTcpSocket(this);
    socket->setProxy(QNetworkProxy::NoProxy);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    const QString where = QStringLiteral("%1:%2").arg(m_proxy.hostName()).arg(m_proxy.port());
    auto done = [this, socket, timer, where](bool ok, const QString &why) {
        timer->stop(); // the socket (its parent) is deleted later; its timeout must not fire as well
        socket->disconnect();
        socket->deleteLater();
        if (!ok) {
            report(Step::Proxy, Outcome::Failed, tr("The proxy %1 does not answer: %2.").arg(where, why));
            skipRest(Step::Tls, tr("the proxy cannot be reached"));
            return;
        }
        report(Step::Proxy, Outcome::Passed, tr("The proxy %1 answers.").arg(where));
        runTls();
    };
    connect(socket, &QTcpSocket::connected, this, [done] { done(true, {}); });
    connect(socket, &QTcpSocket::errorOccurred, this, [done, socket] { done(false, socket->errorString()); });
    connect(timer, &QTimer::timeout, this, [done] { done(false, tr("no answer in time")); });
    timer->start(m_target.timeoutMs);
    socket->connectToHost(m_proxy.hostName(), m_proxy.port());
}

void ConnectionTester::runTls()
{
    if (m_target.url.scheme() != QLatin1String("https")) {
        report(Step::Tls, Outcome::Failed,
               tr("The address starts with http://, so invoices would travel unencrypted. Use https://."));
        skipRest(Step::Authentication, tr("the connection would not be secure"));
        return;
    }
    auto *socket = new QSslSocket(this);
    socket->setProxy(m_proxy);
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    if (!m_target.caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_target.caFile);
        if (extra.isEmpty()) {
            report(Step::Tls, Outcome::Failed, tr("%1: no certificate in this file.").arg(m_target.caFile));
            socket->deleteLater();
            skipRest(Step::Authentication, tr("the certificate file is not usable"));
            return;
        }
        conf.addCaCertificates(extra);
    }
    socket->setSslConfiguration(conf);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto done = [this, socket, timer](bool ok, const QString &message) {
        timer->stop();
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        report(Step::Tls, ok ? Outcome::Passed : Outcome::Failed, message);
        if (ok)
            runAuth();
        else
            skipRest(Step::Authentication, tr("no secure connection"));
    };
    connect(socket, &QSslSocket::encrypted, this, [done, socket] {
        const QSslCertificate peer = socket->peerCertificate();
        done(true, tr("Encrypted; the portal's certificate for %1 is trusted.")
                       .arg(peer.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "))));
    });
    connect(socket, &QSslSocket::sslErrors, this, [done](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        done(false, tr("The portal's certificate is not trusted: %1.").arg(texts.join(QStringLiteral("; "))));
    });
    connect(socket, &QSslSocket::errorOccurred, this,
            [done, socket] { done(false, tr("No secure connection: %1.").arg(socket->errorString())); });
    connect(timer, &QTimer::timeout, this,
            [done] { done(false, tr("No secure connection: no answer in time.")); });
    timer->start(m_target.timeoutMs);
    socket->connectToHostEncrypted(m_target.url.host(), quint16(m_target.url.port(443)));
}

QNetworkRequest ConnectionTester::request(const QString &path) const
{
    QUrl url = m_target.url;
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) + path);
    QNetworkRequest req(url);
    req.setTransferTimeout(m_target.timeoutMs);
    if (!m_target.caFile.isEmpty()) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.addCaCertificates(QSslCertificate::fromPath(m_target.caFile));
        req.setSslConfiguration(conf);
    }
    return req;
}

void ConnectionTester::runAuth()
{
    if (m_target.token.isEmpty()) {
        report(Step::Authentication, Outcome::Failed, tr("No token is entered."));
        skipRest(Step::Api, tr("no token"));
        return;
    }
    m_nam.setProxy(m_proxy);
    QNetworkRequest req = request(QStringLiteral("/api/v1/account"));
    req.setRawHeader("Authorization", "Bearer " + m_target.token.toUtf8());
    QNetworkReply *reply = m_nam.get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            const QJsonObject account = QJsonDocument::fromJson(reply->readAll()).object();
            report(Step::Authentication, Outcome::Passed,
                   tr("Signed in as %1.").arg(account.value(QStringLiteral("name")).toString()));
        } else if (status == 401 || status == 403) {
            report(
                Step::Authentication, Outcome::Failed,
                tr("The portal refused the token (HTTP %1). Copy a new token from the portal.").arg(status));
        } else {
            report(Step::Authentication, Outcome::Failed,
                   status ? tr("The portal answered HTTP %1 to the sign-in.").arg(status)
                          : tr("No answer to the sign-in: %1.").arg(reply->errorString()));
        }
        runApi();
    });
}

void ConnectionTester::runApi()
{
    m_nam.setProxy(m_proxy);
    QNetworkReply *reply = m_nam.get(request(QStringLiteral("/api/v1/health")));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 200 && o.value(QStringLiteral("status")).toString() == QLatin1String("ok"))
            report(Step::Api, Outcome::Passed, tr("The portal service (API v1) is working."));
        else
            report(Step::Api, Outcome::Failed,
                   status ? tr("This address does not answer like an eInvoice portal (HTTP %1).").arg(status)
                          : tr("No answer from the portal service: %1.").arg(reply->errorString()));
        finish();
    });
}

} // namespace einvoice::gui

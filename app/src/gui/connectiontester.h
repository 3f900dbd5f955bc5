#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QUrl>

namespace einvoice::gui {

/// "Test connection" for a portal account: checks name resolution, the proxy, TLS,
/// authentication and the API one after another and reports each separately, so a bookkeeper
/// (or their IT person) sees which one fails: DNS (QHostInfo), proxy (configured or the
/// system's, reachable), TLS (QSslSocket handshake, with the extra CA file when given),
/// authentication (GET /api/v1/account with the token) and API (GET /api/v1/health answers
/// {"status":"ok"}). A later step is skipped when an earlier one it needs failed.
/// GUI thread; asynchronous (signals); one run at a time.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    enum class Step
    {
        Dns,
        Proxy,
        Tls,
        Authentication,
        Api
    };
    Q_ENUM(Step)
    enum class Outcome
    {
        Passed,
        Failed,
        Skipped
    };
    struct Result
    {
        Step step;
        Outcome outcome;
        QString message;
    };
    struct Target
    {
        QUrl url;      ///< portal base address
        QString token; ///< bearer token (not stored by the tester)
        QString proxy; ///< "http://host:port"; empty = the system's proxy settings
        QString caFile;
        int timeoutMs = 10000;
    };

    explicit ConnectionTester(QObject *parent = nullptr);
    void start(const Target &target);
    bool isRunning() const { return m_running; }
    QList<Result> results() const { return m_results; }
    static QString stepName(Step step);

signals:
    void stepFinished(einvoice::gui::ConnectionTester::Step step,
                      einvoice::gui::ConnectionTester::Outcome outcome, const QString &message);
    void finished(bool allPassed);

private:
    void runDns();
    void runProxy();
    void runTls();
    void runAuth();
    void runApi();
    void report(Step step, Outcome outcome, const QString &message);
    void skipRest(Step from, const QString &why);
    void finish();
    QNetworkRequest request(const QString &path) const;

    Target m_target;
    QNetworkProxy m_proxy;
    QNetworkAccessManager m_nam;
    QList<Result> m_results;
    bool m_running = false;
};

} // namespace einvoice::gui

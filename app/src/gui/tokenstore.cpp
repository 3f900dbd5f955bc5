#include "tokenstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace einvoice::gui {

QString TokenStore::tokenKey(const QString &profileId)
{
    return QStringLiteral("portal-token/") + profileId;
}

QString KeychainTokenStore::serviceName()
{
    return QStringLiteral("einvoice-connector");
}

namespace {
// QtKeychain jobs are asynchronous; the settings dialog needs the answer before it closes.
template <typename Job> QString runJob(Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError)
        return {};
    return QCoreApplication::translate("einvoice::gui::TokenStore", "The keychain refused: %1")
        .arg(job.errorString());
}
} // namespace

QString KeychainTokenStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(serviceName());
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setTextData(secret);
    return runJob(job);
}

QString KeychainTokenStore::read(const QString &key, QString *error)
{
    QKeychain::ReadPasswordJob job(serviceName());
    job.setInsecureFallback(false);
    job.setKey(key);
    const QString e = runJob(job);
    if (!e.isEmpty()) {
        if (error)
            *error = e;
        return {};
    }
    return job.textData();
}

QString KeychainTokenStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(serviceName());
    job.setKey(key);
    return runJob(job);
}

} // namespace einvoice::gui

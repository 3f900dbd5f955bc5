#include "transportfactory.h"

#include "foldertransport.h"
#include "httpsportaltransport.h"
#include "secretstore.h"
#include "sftptransport.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTransportFactory, "einvoice.transport")

namespace einvoice {

Engine::TransportFactory makeTransportFactory()
{
    // One keychain connection for every profile; the resolver asks token file, environment,
    // keychain in that order, afresh on every request, so a rotated or unlocked token is used at once.
    auto resolver = std::make_shared<SecretResolver>(std::make_shared<KeychainSecretStore>());
    return [resolver](const SenderProfile &profile, QString *error) -> std::unique_ptr<Transport> {
        const TransportSettings &t = profile.transport;
        if (t.kind == QLatin1String("folder"))
            return std::make_unique<FolderTransport>(t.outboxDir);
        if (t.kind == QLatin1String("https")) {
            HttpsPortalTransport::Options o;
            o.baseUrl = t.url;
            o.extraCaFile = t.caFile;
            o.proxy = t.proxy;
            const QString id = profile.id;
            auto token = resolver->forProfile(profile, [id](const SecretResult &r) {
                if (r.state != SecretResult::State::Ok)
                    qCWarning(lcTransportFactory)
                        << "profile" << id << "has no usable portal token:" << r.error;
            });
            return std::make_unique<HttpsPortalTransport>(o, std::move(token));
        }
        if (t.kind == QLatin1String("sftp")) {
            // The key's passphrase, when it has one, comes from the profile's token file (0600,
            // refused otherwise); keys for unattended transfer usually have none.
            SftpTransport::SecretSource passphrase;
            if (!t.tokenFile.isEmpty()) {
                const QString id = profile.id;
                passphrase = resolver->forProfile(profile, [id](const SecretResult &r) {
                    if (r.state != SecretResult::State::Ok)
                        qCWarning(lcTransportFactory) << "profile" << id << "key passphrase:" << r.error;
                });
            }
            return std::make_unique<SftpTransport>(t, std::move(passphrase));
        }
        if (error)
            *error = QCoreApplication::translate(
                         "TransportFactory", "Profile '%1': the %2 transport is not available in this build.")
                         .arg(profile.id, t.kind);
        return nullptr;
    };
}

} // namespace einvoice

#include "tokenstore.h"

#include "secretstore.h"

#include <QCoreApplication>

namespace einvoice::gui {

QString TokenStore::tokenKey(const QString &profileId)
{
    return SecretStore::portalTokenKey(profileId);
}

KeychainTokenStore::KeychainTokenStore(std::shared_ptr<SecretStore> store)
    : m_store(store ? std::move(store) : std::make_shared<KeychainSecretStore>())
{
}

KeychainTokenStore::~KeychainTokenStore() = default;

QString KeychainTokenStore::serviceName()
{
    return KeychainSecretStore::Options().service;
}

QString KeychainTokenStore::userMessage(const SecretResult &result, bool writing)
{
    using State = SecretResult::State;
    const QString notStored =
        writing ? QLatin1Char(' ') +
                      QCoreApplication::translate("einvoice::gui::TokenStore", "The token was not stored.")
                : QString();
    switch (result.state) {
    case State::Ok:
        return {};
    case State::NotFound:
        return QCoreApplication::translate("einvoice::gui::TokenStore",
                                           "No portal token is stored in the keychain for this profile yet.");
    case State::Locked:
        return QCoreApplication::translate(
                   "einvoice::gui::TokenStore",
                   "The keychain is locked: unlock it (or log in to your desktop again), then try again.") +
               notStored;
    case State::NoKeychain:
        return QCoreApplication::translate(
                   "einvoice::gui::TokenStore",
                   "No keychain is available on this computer (the desktop's password store does not "
                   "answer): %1")
                   .arg(result.error) +
               notStored;
    case State::Refused:
    case State::Failed:
        break;
    }
    return QCoreApplication::translate("einvoice::gui::TokenStore", "The keychain refused: %1")
               .arg(result.error) +
           notStored;
}

QString KeychainTokenStore::write(const QString &key, const QString &secret)
{
    return userMessage(m_store->write(key, secret), true);
}

QString KeychainTokenStore::read(const QString &key, QString *error)
{
    const SecretResult r = m_store->read(key);
    if (r.ok())
        return r.secret;
    if (error)
        *error = userMessage(r, false);
    return {};
}

QString KeychainTokenStore::remove(const QString &key)
{
    return userMessage(m_store->remove(key), false);
}

} // namespace einvoice::gui

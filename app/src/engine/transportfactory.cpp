#include "transportfactory.h"

#include "foldertransport.h"

#include <QCoreApplication>

namespace einvoice {

Engine::TransportFactory makeTransportFactory()
{
    return [](const SenderProfile &profile, QString *error) -> std::unique_ptr<Transport> {
        const QString kind = profile.transport.kind;
        if (kind == QLatin1String("folder"))
            return std::make_unique<FolderTransport>(profile.transport.outboxDir);
        if (error)
            *error = QCoreApplication::translate(
                         "TransportFactory", "Profile '%1': the %2 transport is not available in this build.")
                         .arg(profile.id, kind);
        return nullptr;
    };
}

} // namespace einvoice

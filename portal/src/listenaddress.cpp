#include "listenaddress.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace einvoice::portal {

bool ListenAddress::parse(const QString &text, ListenAddress *out, QString *error)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = QCoreApplication::translate("ListenAddress",
                                             "--listen \"%1\" is not HOST:PORT (e.g. 127.0.0.1:8443).")
                     .arg(text);
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        *error = QCoreApplication::translate("ListenAddress",
                                             "--listen \"%1\": the port must be a number from 0 to 65535.")
                     .arg(text);
        return false;
    }
    out->host = host;
    out->port = port;
    return true;
}

bool ListenAddress::isLoopback() const
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

} // namespace einvoice::portal

#pragma once

#include <QString>

namespace einvoice::portal {

/// Where `einvoice-portal serve` listens: "HOST:PORT" ("127.0.0.1:8443", "[::1]:0", "localhost:80").
/// Port 0 asks the system for a free port (the server prints the one it got). Value type.
struct ListenAddress
{
    QString host;
    int port = 0;

    /// Parses @p text; on failure returns false and sets @p error to a plain-language reason.
    static bool parse(const QString &text, ListenAddress *out, QString *error);
    /// True for 127.0.0.0/8, ::1 and "localhost": the only places plain HTTP is allowed,
    /// because nothing but this machine can see the tokens and invoices in transit.
    bool isLoopback() const;
};

} // namespace einvoice::portal

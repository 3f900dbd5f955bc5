#pragma once

#include <QString>

namespace einvoice::gui {

/// Sends a business response about a received invoice back through the portal (Peppol Invoice
/// Response: accepted, rejected with a reason, paid). Whether and how that is possible depends on
/// the portal, so the incoming tab only talks to this interface; the portal transport implements
/// it (HttpsPortalTransport::sendInvoiceResponse is the call behind it for Portal API v1) and the
/// tray application installs it. Without a responder the response buttons are disabled and say
/// why. Called on the GUI thread; implementations may block for the length of one request.
class InvoiceResponder
{
public:
    enum class Response
    {
        Accept,
        Reject,
        Paid,
    };
    virtual ~InvoiceResponder() = default;
    /// Whether the portal takes this response at all.
    virtual bool supports(Response response) const = 0;
    /// Sends @p response for the invoice stored at @p incomingPath (the file the transport
    /// downloaded), with @p note (the reason for a rejection). Returns an error for the user
    /// naming the invoice and the problem, or an empty string when the portal took it.
    virtual QString respond(const QString &incomingPath, Response response, const QString &note) = 0;
    /// Stable name for the journal and logs: "accepted", "rejected", "paid".
    static QString responseName(Response response);
};

} // namespace einvoice::gui

#pragma once

#include <QString>
#include <functional>

namespace einvoice::gui {

/// Sends a business response about a received invoice back to its seller (Peppol Invoice
/// Response: accepted, rejected with a reason, paid). Whether that is possible depends on how the
/// invoice arrived (the portal over HTTPS carries responses, a folder does not), so the incoming
/// tab only talks to this interface; EngineInvoiceResponder is the real one (through the engine's
/// sender thread), which the tray application installs.
///
/// Threading: called on the GUI thread. respond() is asynchronous: it returns at once and calls
/// @p done later on the GUI thread (never from inside respond() itself), exactly once, so the
/// window stays responsive while the portal answers.
class InvoiceResponder
{
public:
    enum class Response
    {
        Accept,
        Reject,
        Paid,
    };
    /// Gets "" when the response was taken, otherwise an error for the user that names the
    /// invoice and the problem.
    using Done = std::function<void(const QString &error)>;

    virtual ~InvoiceResponder() = default;
    /// Whether @p response can be sent for the invoice stored at @p incomingPath; when not,
    /// @p why (if given) receives the reason in plain words.
    virtual bool supports(const QString &incomingPath, Response response, QString *why = nullptr) const = 0;
    /// Sends @p response for the invoice stored at @p incomingPath (a file the agent downloaded),
    /// with @p note (the reason for a rejection, which Peppol requires).
    virtual void respond(const QString &incomingPath, Response response, const QString &note, Done done) = 0;
    /// Stable name for the journal and logs: "accepted", "rejected", "paid".
    static QString responseName(Response response);
};

} // namespace einvoice::gui

#pragma once

#include "engine.h"
#include "invoiceresponder.h"

#include <QObject>

namespace einvoice::gui {

/// The real InvoiceResponder: answers an incoming invoice through Engine::respondToIncoming, so
/// the answer goes out on the engine's sender thread (after any upload in progress), through the
/// transport of the profile the invoice arrived for, and is recorded in the incoming journal.
/// An invoice can be answered when the journal knows it (it was downloaded by this agent) and its
/// profile's transport supportsResponses() (the portal over HTTPS; not a folder); supports() says
/// why not otherwise. Whether a profile's transport carries answers is asked of the engine each
/// time (it keeps the transport it made).
///
/// Threading: GUI thread, which must be the engine's thread. Ownership: does not own the engine,
/// which must outlive it; answers still with the engine when it is destroyed are not reported.
class EngineInvoiceResponder : public QObject, public InvoiceResponder
{
    Q_OBJECT
public:
    explicit EngineInvoiceResponder(Engine &engine, QObject *parent = nullptr);

    bool supports(const QString &incomingPath, Response response, QString *why = nullptr) const override;
    void respond(const QString &incomingPath, Response response, const QString &note, Done done) override;

private:
    std::optional<IncomingRecord> record(const QString &incomingPath, QString *error) const;
    bool transportSupports(const SenderProfile &profile, QString *why) const;

    Engine &m_engine;
};

} // namespace einvoice::gui

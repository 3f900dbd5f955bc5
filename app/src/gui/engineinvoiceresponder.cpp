#include "engineinvoiceresponder.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace einvoice::gui {

EngineInvoiceResponder::EngineInvoiceResponder(Engine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{
}

std::optional<IncomingRecord> EngineInvoiceResponder::record(const QString &incomingPath,
                                                             QString *error) const
{
    if (!m_engine.journal().isOpen()) {
        *error = tr("The agent is not running, so invoices cannot be answered now.");
        return std::nullopt;
    }
    IncomingJournal journal = m_engine.incoming();
    QString lookupError;
    if (std::optional<IncomingRecord> r = journal.byPath(incomingPath, &lookupError))
        return r;
    // The folder in the settings may be written differently from where the files were stored.
    const QString absolute = QFileInfo(incomingPath).absoluteFilePath();
    const QString canonical = QFileInfo(incomingPath).canonicalFilePath();
    for (const QString &other : {absolute, canonical})
        if (!other.isEmpty() && other != incomingPath)
            if (std::optional<IncomingRecord> r = journal.byPath(other))
                return r;
    *error = tr("%1 did not arrive through this agent's portal connection, so it cannot be answered from "
                "here.")
                 .arg(QFileInfo(incomingPath).fileName());
    return std::nullopt;
}

bool EngineInvoiceResponder::transportSupports(const SenderProfile &profile, QString *why) const
{
    // Asked afresh each time: the engine keeps the transport once made, and a connection that
    // could not be made a moment ago (a token file fixed meanwhile) may work now.
    QString error;
    const bool supported = m_engine.supportsResponses(profile.id, &error);
    const QString name = profile.displayName.isEmpty() ? profile.id : profile.displayName;
    QString problem;
    if (!error.isEmpty())
        problem = tr("The connection of profile %1 cannot be used: %2").arg(name, error);
    else if (!supported)
        problem = profile.transport.kind == QLatin1String("folder")
                      ? tr("Profile %1 exchanges invoices through a folder, which carries no answers to "
                           "the seller. Answer in your portal or tell the seller directly.")
                            .arg(name)
                      : tr("The %1 connection of profile %2 carries no answers to the seller. Answer in "
                           "your portal or tell the seller directly.")
                            .arg(profile.transport.kind, name);
    if (why)
        *why = problem;
    return problem.isEmpty();
}

bool EngineInvoiceResponder::supports(const QString &incomingPath, Response, QString *why) const
{
    QString error;
    const std::optional<IncomingRecord> r = record(incomingPath, &error);
    if (!r) {
        if (why)
            *why = error;
        return false;
    }
    const SenderProfile *profile = m_engine.config().profile(r->profile);
    if (!profile) {
        if (why)
            *why = tr("Invoice %1 arrived for the sender profile '%2', which is no longer set up.")
                       .arg(r->invoiceNumber, r->profile);
        return false;
    }
    return transportSupports(*profile, why);
}

void EngineInvoiceResponder::respond(const QString &incomingPath, Response response, const QString &note,
                                     Done done)
{
    // done is never called from inside respond(): the caller may not be ready for it yet.
    const auto later = [self = QPointer<EngineInvoiceResponder>(this), done](const QString &error) {
        if (!self)
            return; // the tray was rebuilt meanwhile; nobody waits for this answer
        QTimer::singleShot(0, self, [done, error] {
            if (done)
                done(error);
        });
    };
    QString error;
    const std::optional<IncomingRecord> r = record(incomingPath, &error);
    if (!r)
        return later(error);
    const QString number = r->invoiceNumber;
    const QString seller = r->sellerName;
    m_engine.respondToIncoming(
        r->id, responseName(response), note,
        [later, number, seller](const QString &problem) {
            // The engine's messages name the invoice; make sure every one does.
            if (problem.isEmpty() || number.isEmpty() || problem.contains(number))
                return later(problem);
            later(tr("Cannot answer invoice %1 from %2: %3").arg(number, seller, problem));
        },
        QStringLiteral("tray"));
}

} // namespace einvoice::gui

#pragma once

#include "transport.h"

namespace einvoice {

/// Writes each e-invoice into an outbox folder that another program (an operator's upload
/// client, a shared drive, an EDI gateway) picks up. The file is named after the content hash,
/// written as a hidden temp file, fsynced and renamed into place, so a reader never sees half a
/// file and a repeated send of the same document rewrites nothing: the same name already holding
/// the same bytes is an idempotent replay, not a second invoice.
///
/// No status tracking and no inbox. Not thread-safe; one call at a time (the sender's thread).
class FolderTransport : public Transport
{
public:
    explicit FolderTransport(QString outboxDir) : m_dir(std::move(outboxDir)) {}

    QString kind() const override { return QStringLiteral("folder"); }
    QString describe() const override { return m_dir; }
    SendResult send(const OutgoingDocument &document) override;

private:
    QString m_dir;
};

} // namespace einvoice

#include "transport.h"

#include <QCoreApplication>

namespace einvoice {

Transport::~Transport() = default;

StatusPoll Transport::pollStatus(const QString &cursor)
{
    StatusPoll poll;
    poll.ok = true;
    poll.nextCursor = cursor;
    return poll;
}

InboxPoll Transport::pollInbox()
{
    InboxPoll poll;
    poll.ok = true;
    return poll;
}

QByteArray Transport::fetchIncoming(const QString &remoteId, const QString &format, QString *error)
{
    if (error)
        *error = QCoreApplication::translate("Transport",
                                             "The %1 transport has no incoming documents (asked for %2).")
                     .arg(kind(), remoteId);
    Q_UNUSED(format);
    return {};
}

QString Transport::acknowledgeIncoming(const QString &remoteId)
{
    return QCoreApplication::translate("Transport",
                                       "The %1 transport has no incoming documents (asked for %2).")
        .arg(kind(), remoteId);
}

bool Transport::supportsResponses() const
{
    return false;
}

QString Transport::respondToIncoming(const QString &remoteId, const QString &code, const QString &note)
{
    Q_UNUSED(note);
    return QCoreApplication::translate("Transport",
                                       "The %1 transport cannot send business responses (%2 for %3).")
        .arg(kind(), code, remoteId);
}

} // namespace einvoice

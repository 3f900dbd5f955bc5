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

} // namespace einvoice

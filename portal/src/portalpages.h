#pragma once

#include "portaldatabase.h"

#include <QList>
#include <QString>

namespace einvoice::portal {

/// Renders the small customer-portal web pages (login form, document list). Every value from a
/// document is HTML-escaped: invoice numbers and names come from uploaded XML, i.e. from anyone.
/// Stateless; any thread.
class PortalPages
{
public:
    static QString login(const QString &error);
    /// The document list of @p account: date, document, counterparty, amount, statuses, downloads.
    static QString documents(const Account &account, const QList<DocumentRecord> &documents);
    static QString escape(const QString &text);
};

} // namespace einvoice::portal

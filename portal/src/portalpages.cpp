#include "portalpages.h"

#include <QCoreApplication>

namespace einvoice::portal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PortalPages", text);
}

QString page(const QString &title, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%1</title><style>"
                          "body{font-family:sans-serif;margin:2em;color:#222}"
                          "table{border-collapse:collapse;width:100%}"
                          "th,td{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left}"
                          "td.amount{text-align:right;font-variant-numeric:tabular-nums}"
                          ".status{font-size:.9em}.error{color:#a00}"
                          "</style></head><body>%2</body></html>\n")
        .arg(PortalPages::escape(title), body);
}

QString deliveryLabel(const QString &status)
{
    if (status == QLatin1String("received"))
        return tr("received");
    if (status == QLatin1String("validated"))
        return tr("validated");
    if (status == QLatin1String("delivered"))
        return tr("delivered");
    if (status == QLatin1String("fetched"))
        return tr("fetched by receiver");
    if (status == QLatin1String("failed"))
        return tr("failed");
    if (status == QLatin1String("undeliverable"))
        return tr("undeliverable");
    return status;
}

QString businessLabel(const QString &code)
{
    if (code == QLatin1String("AB"))
        return tr("acknowledged");
    if (code == QLatin1String("IP"))
        return tr("in process");
    if (code == QLatin1String("UQ"))
        return tr("under query");
    if (code == QLatin1String("RE"))
        return tr("rejected");
    if (code == QLatin1String("AP"))
        return tr("accepted");
    if (code == QLatin1String("PD"))
        return tr("paid");
    return code;
}

} // namespace

QString PortalPages::escape(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

QString PortalPages::login(const QString &error)
{
    QString body = QStringLiteral("<h1>%1</h1>").arg(escape(tr("eInvoice reference portal")));
    if (!error.isEmpty())
        body += QStringLiteral("<p class=\"error\">%1</p>").arg(escape(error));
    body += QStringLiteral(
                "<form method=\"post\" action=\"/portal/login\">"
                "<label>%1 <input type=\"password\" name=\"token\" autocomplete=\"off\" required></label> "
                "<button type=\"submit\">%2</button></form>")
                .arg(escape(tr("API token")), escape(tr("Sign in")));
    return page(tr("Sign in - eInvoice portal"), body);
}

QString PortalPages::documents(const Account &account, const QList<DocumentRecord> &documents)
{
    QString body = QStringLiteral("<h1>%1</h1><p>%2</p>")
                       .arg(escape(account.name), escape(tr("Electronic address %1").arg(account.endpoint)));
    body +=
        QStringLiteral("<form method=\"post\" action=\"/portal/logout\"><button type=\"submit\">%1</button>"
                       "</form>")
            .arg(escape(tr("Sign out")));
    if (documents.isEmpty()) {
        body += QStringLiteral("<p>%1</p>").arg(escape(tr("No documents yet.")));
        return page(account.name, body);
    }
    body +=
        QStringLiteral("<table><thead><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th>"
                       "<th>%7</th></tr></thead><tbody>")
            .arg(escape(tr("Date")), escape(tr("Document")), escape(tr("Direction")),
                 escape(tr("Counterparty")), escape(tr("Amount")), escape(tr("Status")),
                 escape(tr("Download")));
    for (const DocumentRecord &d : documents) {
        const bool outgoing = d.senderId == account.id;
        const QString counterparty = outgoing ? d.buyerName : d.sellerName;
        QString status = deliveryLabel(d.deliveryStatus);
        if (!d.businessStatus.isEmpty())
            status += QStringLiteral(" / ") + businessLabel(d.businessStatus);
        QString links = QStringLiteral("<a href=\"/portal/documents/%1/ubl\">UBL</a> "
                                       "<a href=\"/portal/documents/%1/cii\">CII</a>")
                            .arg(escape(d.id));
        if (d.hasPdf)
            links += QStringLiteral(" <a href=\"/portal/documents/%1/pdf\">PDF</a>").arg(escape(d.id));
        body +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td class=\"amount\">%5 %6</td>"
                           "<td class=\"status\">%7</td><td>%8</td></tr>")
                .arg(escape(d.issueDate.toString(Qt::ISODate)), escape(d.invoiceNumber),
                     escape(outgoing ? tr("sent") : tr("received")), escape(counterparty), escape(d.payable),
                     escape(d.currency), escape(status), links);
    }
    body += QStringLiteral("</tbody></table>");
    return page(account.name, body);
}

} // namespace einvoice::portal

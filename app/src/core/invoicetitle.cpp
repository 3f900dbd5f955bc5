#include "invoicetitle.h"

#include <QRegularExpression>

namespace einvoice {

std::optional<InvoiceTitle> matchInvoiceTitle(const QString &line)
{
    // Title word (possibly a compound ending in it), up to three short qualifiers (a
    // capitalised word or a parenthesis), the number sign, the number, then "vom <date>".
    static const QRegularExpression re(
        QStringLiteral(
            "^\\s*(?<title>\\p{L}*(?:rechnung|gutschrift|invoice|facture|factura|fatura|fattura|factuur|"
            "faktura|lasku|kreditnota|avoir|credit note))"
            "(?:(?<qual>(?:\\s+(?:\\([^()]{1,40}\\)|\\p{Lu}[\\p{L}-]{0,14})){0,3})"
            "\\s*(?<sign>nr|no|n°|nº|n\\.º|number|nummer|num|#)\\.?\\s*:?|\\s*:)?\\s*"
            "(?<number>[A-Za-z]{0,4}[-/_]?\\d[\\w/\\-.]*?)[.,;]?"
            "(?:\\s+(?<on>vom|du|dated|of|del|de|af|av|den|fra)\\b\\s*(?<date>.*))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const auto m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    InvoiceTitle t;
    t.number = m.captured(u"number");
    // Without "Nr." the number must look like one: "FAKTURA 92426725", "INVOICE I/00000".
    static const QRegularExpression pageOfPages(QStringLiteral("^\\d{1,3}/\\d{1,3}$"));
    if (m.captured(u"sign").isEmpty() && (t.number.size() < 3 || pageOfPages.match(t.number).hasMatch()))
        return std::nullopt; // "FAKTURA   1/2" is the page number

    const QString word = m.captured(u"title").toLower();
    static const QRegularExpression credit(QStringLiteral("gutschrift|kreditnota|avoir|credit note"));
    t.creditNote = credit.match(word).hasMatch();
    if (!m.captured(u"on").isEmpty()) {
        t.dateText = m.captured(u"date").trimmed();
        t.dateFollows = t.dateText.isEmpty();
    }
    return t;
}

} // namespace einvoice

#include "senderprofile.h"

#include "identifiers.h"

namespace einvoice {

QString sendPolicyName(SendPolicy policy)
{
    return policy == SendPolicy::AutoSendWhenConfident ? QStringLiteral("auto_send_when_confident")
                                                       : QStringLiteral("review_all");
}

std::optional<SendPolicy> sendPolicyFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("review_all"))
        return SendPolicy::ReviewAll;
    if (n == QLatin1String("auto_send_when_confident"))
        return SendPolicy::AutoSendWhenConfident;
    return std::nullopt;
}

std::optional<Identifier> parseSchemeId(const QString &value)
{
    const int colon = value.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == value.size() - 1)
        return std::nullopt;
    return Identifier{value.mid(colon + 1).trimmed(), value.left(colon).trimmed()};
}

namespace {

QString key(const QString &s)
{
    return s.simplified().toCaseFolded();
}

// A buyer electronic address derived from a national identifier the invoice states. Peppol
// participants in the Nordic countries are registered under their organisation numbers, so
// this is how the bookkeeper's own portal finds them too; anything else needs a customer entry.
std::optional<Identifier> endpointFromIdentifiers(const Party &buyer)
{
    const QString vat = buyer.vatId.toUpper().remove(QLatin1Char(' '));
    const QString reg = QString(buyer.legalRegistration.id).remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    const QString scheme = buyer.legalRegistration.scheme;
    if (!reg.isEmpty() && !scheme.isEmpty() &&
        (scheme == QLatin1String("0007") || scheme == QLatin1String("0192") ||
         scheme == QLatin1String("0184") || scheme == QLatin1String("0212") ||
         scheme == QLatin1String("0208") || scheme == QLatin1String("0088")))
        return Identifier{reg, scheme};
    if (vat.startsWith(QLatin1String("SE")) && vat.size() == 14) // SE + org no + 01
        return Identifier{vat.mid(2, 10), QStringLiteral("0007")};
    if (vat.startsWith(QLatin1String("NO")) && vat.size() >= 11)
        return Identifier{vat.mid(2, 9), QStringLiteral("0192")};
    if (vat.startsWith(QLatin1String("DK")) && vat.size() == 10)
        return Identifier{vat.mid(2), QStringLiteral("0184")};
    if (vat.startsWith(QLatin1String("FI")) && vat.size() == 10)
        return Identifier{vat, QStringLiteral("0213")};
    if (vat.startsWith(QLatin1String("DE")))
        return Identifier{vat, QStringLiteral("9930")};
    if (vat.startsWith(QLatin1String("FR")))
        return Identifier{vat, QStringLiteral("9957")};
    if (vat.startsWith(QLatin1String("IT")))
        return Identifier{vat, QStringLiteral("0211")};
    if (vat.startsWith(QLatin1String("ES")))
        return Identifier{vat, QStringLiteral("9920")};
    if (vat.startsWith(QLatin1String("PT")))
        return Identifier{vat, QStringLiteral("9946")};
    if (vat.startsWith(QLatin1String("NL")))
        return Identifier{vat, QStringLiteral("9944")};
    return std::nullopt;
}

} // namespace

QStringList SenderProfile::applyTo(Invoice &invoice) const
{
    QStringList filled;
    Party &s = invoice.seller;
    if (s.name.isEmpty() && !seller.name.isEmpty()) {
        s.name = seller.name;
        filled << QStringLiteral("seller_name");
    }
    if (s.vatId.isEmpty() && !seller.vatId.isEmpty()) {
        s.vatId = seller.vatId;
        filled << QStringLiteral("seller_vat_id");
    }
    if (s.legalRegistration.isEmpty() && !seller.legalRegistration.isEmpty())
        s.legalRegistration = seller.legalRegistration;
    if (s.electronicAddress.isEmpty() && !seller.electronicAddress.isEmpty())
        s.electronicAddress = seller.electronicAddress;
    if (s.address.countryCode.isEmpty() && !seller.address.isEmpty())
        s.address = seller.address;
    if (s.contact.isEmpty() && !seller.contact.isEmpty())
        s.contact = seller.contact;

    if (invoice.buyer.electronicAddress.isEmpty()) {
        for (const QString &candidate :
             {invoice.buyer.vatId, invoice.buyer.legalRegistration.id, invoice.buyer.name}) {
            if (candidate.isEmpty())
                continue;
            for (auto it = customerEndpoints.begin(); it != customerEndpoints.end(); ++it) {
                if (key(it.key()) == key(candidate))
                    if (const auto e = parseSchemeId(it.value())) {
                        invoice.buyer.electronicAddress = *e;
                        break;
                    }
            }
            if (!invoice.buyer.electronicAddress.isEmpty())
                break;
        }
        if (invoice.buyer.electronicAddress.isEmpty())
            if (const auto e = endpointFromIdentifiers(invoice.buyer))
                invoice.buyer.electronicAddress = *e;
    }

    if (invoice.paymentTerms.isEmpty() && !paymentTerms.isEmpty())
        invoice.paymentTerms = paymentTerms;
    if (!invoice.dueDate.isValid() && paymentDueDays > 0 && invoice.issueDate.isValid()) {
        invoice.dueDate = invoice.issueDate.addDays(paymentDueDays);
        filled << QStringLiteral("due_date");
    }
    if (invoice.paymentMeans.isEmpty() && !iban.isEmpty()) {
        PaymentMeans means;
        means.typeCode = QStringLiteral("30"); // credit transfer
        CreditTransfer account;
        account.accountId = iban;
        account.bic = bic;
        means.creditTransfers.append(account);
        invoice.paymentMeans.append(means);
        filled << QStringLiteral("iban");
    }
    return filled;
}

} // namespace einvoice

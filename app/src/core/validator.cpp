#include "validator.h"

#include "identifiers.h"
#include "validator_internal.h"

namespace einvoice {

namespace validation {

QString partyCountry(const Party &party)
{
    const QString fromVat = identifiers::vatIdCountryPrefix(party.vatId);
    if (!fromVat.isEmpty())
        return fromVat;
    return party.address.countryCode.trimmed().toUpper();
}

bool isPeppolProfile01(const Invoice &invoice)
{
    return invoice.profileId.trimmed() == QLatin1String(kPeppolProfileId);
}

} // namespace validation

QList<RuleFailure> Validator::validate(const Invoice &document, const Options &options)
{
    // Rules apply to what an EN 16931 document carries: the leaves of EXTENDED sub-line trees.
    Invoice invoice = document;
    invoice.lines = document.coreLines();
    QList<RuleFailure> failures;
    validation::Report report(failures);
    validation::checkStructure(invoice, options, report);
    validation::checkDecimals(invoice, report);
    validation::checkCalculation(invoice, report);
    validation::checkVatCategories(invoice, report);
    validation::checkCodeLists(invoice, options, report);
    if (options.peppol) {
        validation::checkPeppol(invoice, options, report);
        validation::checkPeppolIdentifiers(invoice, report);
        validation::checkNational(invoice, options, report);
    }
    return failures;
}

bool Validator::hasFatal(const QList<RuleFailure> &failures)
{
    for (const RuleFailure &f : failures) {
        if (f.fatal)
            return true;
    }
    return false;
}

} // namespace einvoice

#pragma once

#include "einvoicexml.h"
#include "invoice.h"

#include <QList>
#include <QString>

namespace einvoice {

/// One failed business rule, with the official rule id (e.g. "BR-CO-15", "PEPPOL-EN16931-R010").
struct RuleFailure
{
    QString ruleId;
    bool fatal = true;
    QString message;  // plain language, names the business terms and values involved
    QString location; // e.g. "line 2", "VAT breakdown S 25.00", empty for the document
};

/// Checks an invoice against the EN 16931 business rules (BR-*, BR-CO-*, BR-DEC-*, the VAT
/// category families, code lists BR-CL-*) and, unless disabled, the Peppol BIS Billing 3.0 rules
/// (PEPPOL-EN16931-*, PEPPOL-COMMON-*, national SE/NO/DK rules), plus the calculation check that
/// recomputes totals from the lines. Stateless; any thread.
class Validator
{
public:
    struct Options
    {
        bool peppol = true;          // also apply the Peppol BIS 3 rules
        Syntax syntax = Syntax::Ubl; // the binding the document is (or will be) written in
    };

    static QList<RuleFailure> validate(const Invoice &invoice, const Options &options);
    static QList<RuleFailure> validate(const Invoice &invoice) { return validate(invoice, Options{}); }
    static bool hasFatal(const QList<RuleFailure> &failures);
};

} // namespace einvoice

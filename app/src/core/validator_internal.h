#pragma once

// Shared helpers for the validator rule files (validator_*.cpp). Not part of the public API.

#include "validator.h"

#include <QCoreApplication>

namespace einvoice::validation {

/// Translation context "Validator" for every user-visible message of the rule files.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Validator)
};

/// Collects failures; one per rule occurrence.
class Report
{
public:
    explicit Report(QList<RuleFailure> &out) : m_out(out) {}
    void fatal(const char *ruleId, const QString &message, const QString &location = QString())
    {
        m_out.append(RuleFailure{QString::fromLatin1(ruleId), true, message, location});
    }
    void warning(const char *ruleId, const QString &message, const QString &location = QString())
    {
        m_out.append(RuleFailure{QString::fromLatin1(ruleId), false, message, location});
    }
    void add(const char *ruleId, bool isFatal, const QString &message, const QString &location = QString())
    {
        m_out.append(RuleFailure{QString::fromLatin1(ruleId), isFatal, message, location});
    }
    /// For rule ids built at run time (the VAT category families).
    void fatalId(const QString &ruleId, const QString &message, const QString &location = QString())
    {
        m_out.append(RuleFailure{ruleId, true, message, location});
    }

private:
    QList<RuleFailure> &m_out;
};

/// "line 3" for line rules (BT-126).
inline QString lineLocation(const InvoiceLine &line)
{
    return Tr::tr("line %1").arg(line.id.isEmpty() ? QStringLiteral("?") : line.id);
}

/// Amount as written, or rounded to 2 decimals when the caller wants a money presentation.
inline QString money(const Decimal &d)
{
    return d.scale() < 2 ? d.rounded(2).toString() : d.toString();
}

inline QString rateText(const OptDecimal &rate)
{
    return rate ? rate->toString() : Tr::tr("(none)");
}

/// Location of a VAT breakdown group, e.g. "VAT breakdown S 25".
inline QString breakdownLocation(const VatBreakdown &b)
{
    return b.rate ? Tr::tr("VAT breakdown %1 %2").arg(b.category, b.rate->toString())
                  : Tr::tr("VAT breakdown %1").arg(b.category);
}

/// Country of a party the way the Peppol schematron derives it: the VAT id prefix when a VAT
/// id is given, the postal address country otherwise.
QString partyCountry(const Party &party);

bool isPeppolProfile01(const Invoice &invoice);

/// |found| and |expected| differ by less than one currency unit (BR-CO-17, BR-S-09, ...).
bool withinOneUnit(const Decimal &found, const Decimal &expected);
/// |BT-116| x BT-119 / 100 rounded to 2 decimals.
Decimal expectedVat(const Decimal &taxable, const Decimal &rate);

// The rule groups, one file each.
void checkStructure(const Invoice &invoice, const Validator::Options &options, Report &report);
void checkDecimals(const Invoice &invoice, Report &report);
void checkCalculation(const Invoice &invoice, Report &report);
void checkVatCategories(const Invoice &invoice, Report &report);
void checkCodeLists(const Invoice &invoice, const Validator::Options &options, Report &report);
void checkPeppol(const Invoice &invoice, const Validator::Options &options, Report &report);
void checkPeppolIdentifiers(const Invoice &invoice, Report &report);
void checkNational(const Invoice &invoice, const Validator::Options &options, Report &report);

} // namespace einvoice::validation

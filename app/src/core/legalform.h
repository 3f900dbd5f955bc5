#pragma once

#include <QString>

namespace einvoice {

/// The legal form that ends a company name: "Acme GmbH", "Nordvik AS", "Müller GmbH & Co. KG",
/// "Lda.", "S.A.R.L.". The reader uses it to tell a party's name from the lines around it.
/// Stateless; safe from any thread.
class LegalForm
{
public:
    /// Where the legal form ending @p text begins, counting the space or comma before it (0 when
    /// the form is all of @p text), or -1 when @p text does not end with one. Trailing ASCII
    /// white space is ignored.
    static qsizetype startIn(const QString &text);
    static bool endsIn(const QString &text) { return startIn(text) >= 0; }
};

} // namespace einvoice

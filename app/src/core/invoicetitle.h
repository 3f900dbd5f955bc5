#pragma once

#include <QString>
#include <optional>

namespace einvoice {

/// What a document title line such as "Teilrechnung Bau (875) Nr. 210111 vom 30.05.2025" or
/// "Invoice No. 123 dated 1 May 2024" says.
struct InvoiceTitle
{
    QString number;           // the document number after "Nr."/"No."/"N°"
    QString dateText;         // what follows "vom"/"du"/"dated"/"of", when anything; may be empty
    bool dateFollows = false; // the line ends with "vom"/"du"/...: the date is on the next line
    bool creditNote = false;
};

/// Reads title lines of invoices and credit notes in the supported languages, including
/// compound titles ("Schlussrechnung", "Abschlagsrechnung") and a short qualifier between the
/// title and the number ("Bau (875)", "(Selbst ausgestellte Rechnung)"). A phrase such as
/// "Rechnung gemäß Bestellung Nr. 2018-1" is not a title. Stateless; any thread.
std::optional<InvoiceTitle> matchInvoiceTitle(const QString &line);

} // namespace einvoice

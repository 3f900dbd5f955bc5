#pragma once

#include "portaldatabase.h"
#include "validator.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace einvoice::portal {

/// What the portal makes of one upload: readable or not, the rule failures, the fields it stores.
struct IntakeResult
{
    enum class Verdict
    {
        Accepted,   ///< valid (warnings allowed)
        Unreadable, ///< not an e-invoice the portal can read (400)
        Invalid,    ///< read, but fatal rule failures (422)
    };
    Verdict verdict = Verdict::Unreadable;
    QString error;               ///< plain words for Unreadable
    QList<RuleFailure> failures; ///< fatal and warning rule failures
    DocumentRecord meta;
};

/// Reads an uploaded e-invoice with the project's own readers, checks it with the project's
/// Validator (EN 16931 + Peppol BIS 3 for UBL, EN 16931 for CII) and renders downloads.
/// Stateless; any thread.
class DocumentIntake
{
public:
    static IntakeResult inspect(const QByteArray &payload);

    /// The stored document as "ubl", "cii" or "pdf" (the PDF embedded in it). Empty + @p error
    /// when the format is unknown or the document has no PDF.
    static QByteArray render(const QByteArray &payload, const QString &format, QString *contentType,
                             QString *error);
    /// A file name for a download: "invoice-<number>.<ext>" with only safe characters.
    static QString downloadName(const DocumentRecord &document, const QString &format);
};

} // namespace einvoice::portal

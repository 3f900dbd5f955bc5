#pragma once

#include "einvoicexml.h"
#include "invoice.h"

#include <QJsonObject>
#include <QMap>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace einvoice {

/// Where a field's value came from.
enum class FieldSource
{
    EmbeddedXml,
    Template,
    Label,
    Arithmetic,
    Profile,
    User
};
QString fieldSourceName(FieldSource source);

/// Confidence below which a field's value was constructed rather than read (e.g. one invoice
/// line per VAT rate when the printed lines could not be read); such values are not reported
/// as read.
inline constexpr double kMadeUpLines = 0.3;

/// How sure the reader is of one field and where it found it on the page.
struct FieldEvidence
{
    double confidence = 0.0; // 0..1; 1.0 for values read from an embedded e-invoice
    FieldSource source = FieldSource::Label;
    int page = -1; // 0-based page of the value, -1 when not from the page
    QRectF box;    // value's box in PDF points, origin top-left; null when unknown
};

/// What reading one document produced: the invoice, per-field evidence keyed by the corpus
/// field names (invoice_number, issue_date, ... see shared/corpus/README.md), and whether the
/// invoice can be sent as it is. A value type; any thread.
struct ExtractionResult
{
    QString path; // the document read
    Invoice invoice;
    QMap<QString, FieldEvidence> evidence; // by corpus field name
    bool ready = false;                    // true only when it could be sent as it is
    QStringList reviewReasons;             // plain language, for the bookkeeper
    bool fromEmbeddedXml = false;
    QString embeddedFileName; // e.g. "factur-x.xml"
    Syntax embeddedSyntax = Syntax::Unknown;

    /// The corpus field names, in the corpus order.
    static QStringList fieldNames();
    /// The fields in the corpus schema ("fields" object), values as strings/null/lists.
    QJsonObject fieldsJson() const;
    /// The whole `einvoice extract --json` object: fields, ready, confidence, source, review_reasons.
    QJsonObject toJson() const;
};

} // namespace einvoice

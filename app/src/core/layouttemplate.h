#pragma once

#include "extractionresult.h"
#include "pdftextlayout.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <optional>

namespace einvoice {

/// Where one field of a learned layout sits: its box on the page, and, when there is one, the
/// printed label it sits next to (the anchor) with the offset from the anchor's top-left corner.
struct TemplateField
{
    QString name; // corpus field name, e.g. "invoice_number"
    int page = 0;
    QRectF box; // in points, as learned
    QString anchorText;
    QPointF anchorOffset;
    bool hasAnchor() const { return !anchorText.isEmpty(); }
};

/// A layout learned from a user's corrections of one invoice. A plain, versioned JSON file the
/// user can export, share and delete. Value type; any thread.
struct LayoutTemplate
{
    static constexpr int kVersion = 1;
    QString id;          // stable file name stem
    QString sellerName;  // for people: which layout this is
    QString sellerKey;   // seller VAT id or org number when known
    QStringList anchors; // the layout's printed labels on page 1 (normalised)
    QList<TemplateField> fields;
    QString learnedFrom; // file name of the corrected invoice
    QDateTime created;

    QJsonObject toJson() const;
    static std::optional<LayoutTemplate> fromJson(const QJsonObject &o, QString *error);
};

/// Learns layouts from corrections and applies them: the engine side of `einvoice learn` and of
/// the review window's field editing. Stateless; any thread.
class TemplateLearner
{
public:
    /// Fields a template can hold (the single-value corpus fields).
    static QStringList learnableFields();
    /// The printed labels of page 1, normalised: the layout's fingerprint.
    static QStringList anchorsOf(const PdfTextLayout &layout);
    /// Jaccard similarity of two anchor sets (0..1).
    static double similarity(const QStringList &a, const QStringList &b);

    /// Finds each corrected value on the page and records where it is. @p corrections maps
    /// field names to values as a user types them (dates YYYY-MM-DD, amounts with '.').
    /// Values that cannot be found on the page are listed in @p notFound and not learned.
    static std::optional<LayoutTemplate> learn(const PdfTextLayout &layout,
                                               const QMap<QString, QString> &corrections,
                                               const ExtractionResult &generic, QStringList *notFound,
                                               QString *error);
    /// Reads the template's fields from @p layout into @p result (source Template); returns the
    /// names of the fields it set.
    static QStringList apply(const LayoutTemplate &layout, const PdfTextLayout &page,
                             ExtractionResult &result);
    /// Sets one field of @p result's invoice from a user-typed value; false with @p error when the
    /// value does not fit the field.
    static bool setField(ExtractionResult &result, const QString &field, const QString &value,
                         QString *error);
};

/// The folder of template files (`<id>.json`). Reads are cheap; not synchronised between
/// processes beyond atomic file writes.
class TemplateStore
{
public:
    explicit TemplateStore(QString dir) : m_dir(std::move(dir)) {}
    /// `$EINVOICE_TEMPLATE_DIR`, else the per-user data folder's `templates/`.
    static QString defaultDir();

    QString dir() const { return m_dir; }
    QList<LayoutTemplate> all(QStringList *problems = nullptr) const;
    bool save(const LayoutTemplate &t, QString *error) const;
    bool remove(const QString &id, QString *error) const;
    /// The best template for a document, if one is similar enough.
    std::optional<LayoutTemplate> match(const PdfTextLayout &layout, const ExtractionResult &generic) const;

private:
    QString m_dir;
};

} // namespace einvoice

#pragma once

#include "jobjournal.h"

#include <QList>
#include <QMap>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace einvoice {
class Engine;
}

namespace einvoice::gui {

/// One field of a job as the detail pane shows it: its value as a person types it (dates
/// YYYY-MM-DD, amounts with '.'), how sure the reader was and where on the page it was found.
struct FieldView
{
    QString name;  ///< corpus field name ("invoice_number")
    QString label; ///< translated ("Invoice number")
    QString value;
    double confidence = 0.0;
    QString source; ///< translated ("printed label", "embedded e-invoice", "your correction")
    int page = -1;
    QRectF box; ///< points, origin top-left; null when unknown
};

/// A rule the invoice breaks, for people: the official rule id and its plain-language message.
struct ProblemView
{
    QString ruleId;
    bool fatal = false;
    QString message;
};

/// Everything the detail pane shows about one job, read from the journal and the job's files
/// (extraction.json, validation.json, source.json). A value type made by load().
struct JobDetails
{
    Job job;
    QList<FieldView> fields;
    QList<ProblemView> problems;
    QStringList reviewReasons;
    QList<JobEvent> timeline;
    QString originalPath; ///< the spooled copy of the original document
    QString einvoicePath; ///< empty while there is no e-invoice
    bool isPdf = false;
    QString error;

    /// Reads the job @p jobId through the engine (GUI thread).
    static JobDetails load(Engine &engine, qint64 jobId);
    /// Translated label of a corpus field name.
    static QString fieldLabel(const QString &name);
    /// Translated name of an evidence source ("label" -> "printed label").
    static QString sourceLabel(const QString &source);
};

/// What saving a correction did.
struct CorrectionOutcome
{
    QString error;          ///< the engine refused the correction (empty when it was taken)
    QString templateId;     ///< the layout learned from it; empty when none was learned
    QStringList notLearned; ///< fields whose corrected value is not printed on the page
    QString templateError;  ///< why no layout was learned (not fatal: the correction stands)
};

/// Applies a person's corrections to a job: Engine::correct() with the corrected invoice, then
/// teaches a layout template from the same values (as `einvoice learn` does) so the next invoice
/// of that layout is read right. Kept out of the widgets so tests drive it directly.
/// Stateless; GUI thread (the engine's).
namespace CorrectionService {
CorrectionOutcome apply(Engine &engine, qint64 jobId, const QMap<QString, QString> &corrections,
                        bool approveAfter);
}

} // namespace einvoice::gui

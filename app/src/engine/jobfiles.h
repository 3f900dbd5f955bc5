#pragma once

#include "documentprocessor.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace einvoice {

/// The files the engine keeps per job beside the journal, in `<jobsDir>/<job id>/`:
/// `extraction.json` (fields with confidence, source and page boxes, review reasons),
/// `draft.ubl.xml` (the invoice as built, even when rules fail: what a correction starts from;
/// not written when `einvoice.xml` is that same UBL),
/// `einvoice.xml` (what is sent; only while no fatal rule fails), `validation.json` (rule
/// failures) and `source.json` (how the document arrived: file or print job, title, user).
/// Each file is written as temp + rename. The journal row is the truth about state; these
/// files are what a job's state refers to. Stateless; any thread (one writer per job).
class JobFiles
{
public:
    explicit JobFiles(QString jobsDir) : m_dir(std::move(jobsDir)) {}

    QString dir(qint64 jobId) const;
    QString einvoicePath(qint64 jobId) const;
    /// draft.ubl.xml, or einvoice.xml when the e-invoice is the UBL draft itself.
    QString draftPath(qint64 jobId) const;
    QString extractionPath(qint64 jobId) const;
    QString validationPath(qint64 jobId) const;
    QString sourcePath(qint64 jobId) const;

    /// Writes every artifact of @p doc; removes a stale einvoice.xml when the new build has none.
    QString write(qint64 jobId, const ProcessedDocument &doc) const;
    QString writeSource(qint64 jobId, const QJsonObject &source) const;
    QJsonObject source(qint64 jobId) const;
    QJsonObject extraction(qint64 jobId) const;
    QJsonObject validation(qint64 jobId) const;
    QByteArray einvoice(qint64 jobId) const;
    /// The invoice as last built (from the draft), for corrections.
    std::optional<Invoice> draft(qint64 jobId, QString *error = nullptr) const;

    static QJsonObject failuresJson(const ProcessedDocument &doc);

private:
    QString m_dir;
};

} // namespace einvoice

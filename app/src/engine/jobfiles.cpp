#include "jobfiles.h"

#include "einvoicexml.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobFiles", text);
}

/// The e-invoice that is sent: temp file, flushed to disk, renamed.
QString save(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return tr("%1: cannot write: %2").arg(path, f.errorString());
    return {};
}

/// What the reader found, the draft and the rule results are rebuilt from the spool copy whenever
/// needed (Engine::rebuild), so they are replaced atomically (temp + rename: never half a file)
/// but not flushed one by one: three disk flushes fewer per document (bench/portal_bench).
QString saveDerived(const QString &path, const QByteArray &data)
{
    const QString temp = path + QStringLiteral(".part");
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        const QString why = f.errorString();
        f.remove();
        return tr("%1: cannot write: %2").arg(path, why);
    }
    f.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(temp);
        return tr("%1: cannot write: %2").arg(path, why);
    }
    return {};
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject boxJson(const FieldEvidence &ev)
{
    QJsonObject o;
    o[QStringLiteral("confidence")] = ev.confidence;
    o[QStringLiteral("source")] = fieldSourceName(ev.source);
    if (ev.page >= 0)
        o[QStringLiteral("page")] = ev.page;
    if (!ev.box.isNull())
        o[QStringLiteral("box")] = QJsonArray{ev.box.x(), ev.box.y(), ev.box.width(), ev.box.height()};
    return o;
}

} // namespace

QString JobFiles::dir(qint64 jobId) const
{
    return QDir(m_dir).filePath(QString::number(jobId));
}
QString JobFiles::einvoicePath(qint64 jobId) const
{
    return dir(jobId) + QStringLiteral("/einvoice.xml");
}
QString JobFiles::draftPath(qint64 jobId) const
{
    const QString draft = dir(jobId) + QStringLiteral("/draft.ubl.xml");
    // A valid UBL build is its own draft: only einvoice.xml is written then (see write()).
    if (!QFile::exists(draft) && QFile::exists(einvoicePath(jobId)))
        return einvoicePath(jobId);
    return draft;
}
QString JobFiles::extractionPath(qint64 jobId) const
{
    return dir(jobId) + QStringLiteral("/extraction.json");
}
QString JobFiles::validationPath(qint64 jobId) const
{
    return dir(jobId) + QStringLiteral("/validation.json");
}
QString JobFiles::sourcePath(qint64 jobId) const
{
    return dir(jobId) + QStringLiteral("/source.json");
}

QJsonObject JobFiles::failuresJson(const ProcessedDocument &doc)
{
    QJsonArray failures;
    for (const RuleFailure &f : doc.failures)
        failures.append(QJsonObject{{QStringLiteral("rule"), f.ruleId},
                                    {QStringLiteral("fatal"), f.fatal},
                                    {QStringLiteral("message"), f.message},
                                    {QStringLiteral("location"), f.location}});
    return QJsonObject{{QStringLiteral("ready"), doc.ready},
                       {QStringLiteral("syntax"), doc.syntax},
                       {QStringLiteral("failures"), failures},
                       {QStringLiteral("review_reasons"), QJsonArray::fromStringList(doc.reviewReasons)}};
}

QString JobFiles::write(qint64 jobId, const ProcessedDocument &doc) const
{
    if (!QDir().mkpath(dir(jobId)))
        return tr("%1: cannot create the job folder").arg(dir(jobId));
    QJsonObject extraction = doc.extraction.toJson();
    QJsonObject evidence;
    for (auto it = doc.extraction.evidence.begin(); it != doc.extraction.evidence.end(); ++it)
        evidence[it.key()] = boxJson(it.value());
    extraction[QStringLiteral("evidence")] = evidence;
    extraction[QStringLiteral("from_embedded_xml")] = doc.extraction.fromEmbeddedXml;
    QString error = saveDerived(extractionPath(jobId), QJsonDocument(extraction).toJson());
    // The draft is the invoice as UBL. When the e-invoice is that UBL (no fatal rule, UBL output)
    // the same bytes are not written twice: one file and one serialisation fewer per document.
    const QString draft = dir(jobId) + QStringLiteral("/draft.ubl.xml");
    const bool einvoiceIsDraft = doc.syntax == QLatin1String("ubl") && !doc.xml.isEmpty();
    if (error.isEmpty() && !einvoiceIsDraft)
        error = saveDerived(draft, EInvoiceXml::write(doc.invoice, Syntax::Ubl));
    if (error.isEmpty())
        error = saveDerived(validationPath(jobId), QJsonDocument(failuresJson(doc)).toJson());
    if (error.isEmpty()) {
        if (doc.xml.isEmpty())
            QFile::remove(einvoicePath(jobId));
        else
            error = save(einvoicePath(jobId), doc.xml);
    }
    if (error.isEmpty() && einvoiceIsDraft)
        QFile::remove(draft); // an earlier build's, now stale
    return error;
}

QString JobFiles::writeSource(qint64 jobId, const QJsonObject &source) const
{
    if (!QDir().mkpath(dir(jobId)))
        return tr("%1: cannot create the job folder").arg(dir(jobId));
    // Not flushed: the journal row (original path, source kind, profile) is what decisions rest
    // on; this file adds what is shown (title, user, size), and losing it to a power cut costs
    // only the display name. One flush fewer per document on the intake thread.
    return saveDerived(sourcePath(jobId), QJsonDocument(source).toJson());
}

QJsonObject JobFiles::source(qint64 jobId) const
{
    return readJson(sourcePath(jobId));
}
QJsonObject JobFiles::extraction(qint64 jobId) const
{
    return readJson(extractionPath(jobId));
}
QJsonObject JobFiles::validation(qint64 jobId) const
{
    return readJson(validationPath(jobId));
}

QByteArray JobFiles::einvoice(qint64 jobId) const
{
    QFile f(einvoicePath(jobId));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::optional<Invoice> JobFiles::draft(qint64 jobId, QString *error) const
{
    XmlReadResult read = EInvoiceXml::readFile(draftPath(jobId));
    if (!read.ok()) {
        if (error)
            *error = read.error;
        return std::nullopt;
    }
    return read.invoice;
}

} // namespace einvoice

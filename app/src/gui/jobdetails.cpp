#include "jobdetails.h"

#include "documentprocessor.h"
#include "engine.h"
#include "layouttemplate.h"
#include "pdftextlayout.h"
#include "textinvoicereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGuiReview, "einvoice.gui.review")

namespace einvoice::gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice::gui::JobDetails", text);
}

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}
} // namespace

QString JobDetails::fieldLabel(const QString &name)
{
    static const QMap<QString, const char *> labels{
        {QStringLiteral("invoice_number"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Invoice number")},
        {QStringLiteral("issue_date"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Issue date")},
        {QStringLiteral("due_date"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Due date")},
        {QStringLiteral("currency"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Currency")},
        {QStringLiteral("seller_name"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Seller")},
        {QStringLiteral("seller_vat_id"),
         QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Seller VAT number")},
        {QStringLiteral("seller_org_id"),
         QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Seller organisation number")},
        {QStringLiteral("buyer_name"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Customer")},
        {QStringLiteral("buyer_vat_id"),
         QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Customer VAT number")},
        {QStringLiteral("buyer_reference"),
         QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Buyer reference")},
        {QStringLiteral("order_reference"),
         QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Order reference")},
        {QStringLiteral("iban"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "IBAN")},
        {QStringLiteral("total_without_vat"),
         QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Total without VAT")},
        {QStringLiteral("vat_total"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "VAT")},
        {QStringLiteral("total_with_vat"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Total with VAT")},
        {QStringLiteral("amount_due"), QT_TRANSLATE_NOOP("einvoice::gui::JobDetails", "Amount due")},
    };
    const auto it = labels.constFind(name);
    return it == labels.constEnd() ? name : tr(*it);
}

QString JobDetails::sourceLabel(const QString &source)
{
    if (source == QLatin1String("embedded_xml"))
        return tr("embedded e-invoice");
    if (source == QLatin1String("template"))
        return tr("learned layout");
    if (source == QLatin1String("label"))
        return tr("printed label");
    if (source == QLatin1String("arithmetic"))
        return tr("calculated");
    if (source == QLatin1String("profile"))
        return tr("sender profile");
    if (source == QLatin1String("user"))
        return tr("your correction");
    return tr("not found");
}

JobDetails JobDetails::load(Engine &engine, qint64 jobId)
{
    JobDetails d;
    QString error;
    const std::optional<Job> job = engine.journal().job(jobId, &error);
    if (!job) {
        d.error = error.isEmpty() ? tr("There is no job %1.").arg(jobId) : error;
        return d;
    }
    d.job = *job;
    d.timeline = engine.journal().events(jobId, &error);
    const JobFiles &files = engine.files();
    const QJsonObject extraction = files.extraction(jobId);
    const QJsonObject values = extraction.value(QStringLiteral("fields")).toObject();
    const QJsonObject evidence = extraction.value(QStringLiteral("evidence")).toObject();
    for (const QString &name : TemplateLearner::learnableFields()) {
        FieldView f;
        f.name = name;
        f.label = fieldLabel(name);
        f.value = valueText(values.value(name));
        const QJsonObject ev = evidence.value(name).toObject();
        f.confidence = ev.value(QStringLiteral("confidence")).toDouble();
        f.source = sourceLabel(ev.value(QStringLiteral("source")).toString());
        f.page = ev.value(QStringLiteral("page")).toInt(-1);
        const QJsonArray box = ev.value(QStringLiteral("box")).toArray();
        if (box.size() == 4)
            f.box = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
        d.fields << f;
    }
    const QJsonObject validation = files.validation(jobId);
    for (const QJsonValue &v : validation.value(QStringLiteral("failures")).toArray()) {
        const QJsonObject o = v.toObject();
        d.problems << ProblemView{o.value(QStringLiteral("rule")).toString(),
                                  o.value(QStringLiteral("fatal")).toBool(),
                                  o.value(QStringLiteral("message")).toString()};
    }
    for (const QJsonValue &v : validation.value(QStringLiteral("review_reasons")).toArray())
        d.reviewReasons << v.toString();
    d.originalPath = job->spoolPath;
    QFile original(job->spoolPath);
    d.isPdf = original.open(QIODevice::ReadOnly) && original.peek(1024).contains("%PDF-");
    if (QFile::exists(files.einvoicePath(jobId)))
        d.einvoicePath = files.einvoicePath(jobId);
    return d;
}

namespace CorrectionService {

static QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice::gui::CorrectionService", text);
}

CorrectionOutcome apply(Engine &engine, qint64 jobId, const QMap<QString, QString> &corrections,
                        bool approveAfter)
{
    CorrectionOutcome out;
    QString error;
    std::optional<Invoice> draft = engine.files().draft(jobId, &error);
    if (!draft) {
        // A draft missing a mandatory element (no invoice number read) cannot be read back as
        // UBL; the document is read again instead, exactly as the engine read it.
        const std::optional<Job> job = engine.journal().job(jobId);
        const SenderProfile *profile = job ? engine.config().profile(job->senderProfile) : nullptr;
        if (job && profile) {
            const ProcessedDocument doc =
                engine.processor().process(job->spoolPath, *profile, job->originalPath);
            if (doc.readable)
                draft = doc.invoice;
        }
    }
    if (!draft) {
        out.error = error.isEmpty() ? tr("Job %1 has no invoice to correct yet.").arg(jobId) : error;
        return out;
    }
    ExtractionResult edited;
    edited.invoice = *draft;
    for (auto it = corrections.begin(); it != corrections.end(); ++it) {
        if (!TemplateLearner::setField(edited, it.key(), it.value(), &error)) {
            out.error = tr("%1: %2").arg(JobDetails::fieldLabel(it.key()), error);
            return out;
        }
    }
    out.error = engine.correct(jobId, edited.invoice, corrections.keys(), approveAfter);
    if (!out.error.isEmpty() && !approveAfter)
        return out;

    // Teach the layout from the same values, as `einvoice learn` does. A layout that cannot be
    // learned (no text layer, values not printed) leaves the correction in place.
    const std::optional<Job> job = engine.journal().job(jobId);
    if (!job || corrections.isEmpty())
        return out;
    const PdfTextLayout layout = PdfTextLayout::load(job->spoolPath);
    if (!layout.isUsable()) {
        out.templateError = layout.statusMessage();
        return out;
    }
    const ExtractionResult generic = GenericTextInvoiceReader::readLayout(layout, job->spoolPath);
    const std::optional<LayoutTemplate> learned =
        TemplateLearner::learn(layout, corrections, generic, &out.notLearned, &out.templateError);
    if (!learned)
        return out;
    const QString dir =
        engine.config().templateDir.isEmpty() ? TemplateStore::defaultDir() : engine.config().templateDir;
    if (!TemplateStore(dir).save(*learned, &out.templateError))
        return out;
    out.templateId = learned->id;
    qCInfo(lcGuiReview) << "job" << jobId << "taught layout" << learned->id << "in" << dir;
    return out;
}

} // namespace CorrectionService

} // namespace einvoice::gui

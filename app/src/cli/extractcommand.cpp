#include "extractcommand.h"

#include "clicommon.h"
#include "invoiceextractor.h"
#include "readguard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace einvoice::cli {

int ExtractCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Read the invoice fields from a PDF (an embedded e-invoice wins over the printed text) or an "
           "e-invoice XML, with the confidence and source of each field and whether the invoice is ready to "
           "send.\n\nExit codes: 0 read (even when not ready: see \"ready\" and \"review_reasons\"), 2 the "
           "file could not be read, 3 the output could not be written, 64 usage."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("PDF or XML file."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print one JSON object (fields in the corpus schema)."));
    const QCommandLineOption ignoreEmbedded(QStringLiteral("ignore-embedded"),
                                            tr("Read the printed text even when an e-invoice is attached."));
    parser.addOptions({json, ignoreEmbedded});
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const QString path = parser.positionalArguments().constFirst();

    QString error;
    InvoiceExtractor extractor = makeExtractor();
    extractor.setIgnoreEmbedded(parser.isSet(ignoreEmbedded));
    std::optional<ExtractionResult> result;
    {
        const ReadGuard guard(path);
        result = extractor.extract(path, &error);
    }
    if (!result) {
        err() << error << Qt::endl;
        return ExitInputError;
    }
    if (parser.isSet(json)) {
        out() << QJsonDocument(result->toJson()).toJson(QJsonDocument::Indented);
        out().flush();
        return ExitOk;
    }
    const QJsonObject fields = result->fieldsJson();
    out() << path << Qt::endl;
    out() << (result->ready ? tr("ready to send") : tr("needs review")) << Qt::endl;
    if (result->fromEmbeddedXml)
        out() << tr("read from the embedded %1 e-invoice '%2'")
                     .arg(syntaxName(result->embeddedSyntax), result->embeddedFileName)
              << Qt::endl;
    for (const QString &name : ExtractionResult::fieldNames()) {
        const QJsonValue v = fields.value(name);
        QString text;
        if (v.isArray())
            text = tr("%1 entries").arg(v.toArray().size());
        else if (v.isDouble())
            text = QString::number(v.toInt());
        else
            text = v.toString();
        if (v.isNull() || v.isUndefined())
            text = QStringLiteral("-");
        const auto ev = result->evidence.constFind(name);
        const QString how = ev == result->evidence.constEnd() ? QString()
                                                              : QStringLiteral("  (%1, %2%)")
                                                                    .arg(fieldSourceName(ev->source))
                                                                    .arg(qRound(ev->confidence * 100));
        out() << QStringLiteral("  %1 %2%3").arg(name + QLatin1Char(':'), -19).arg(text, how) << Qt::endl;
    }
    for (const QString &reason : result->reviewReasons)
        out() << tr("  review: %1").arg(reason) << Qt::endl;
    return ExitOk;
}

} // namespace einvoice::cli

#include "learncommand.h"

#include "clicommon.h"
#include "layouttemplate.h"
#include "pdftextlayout.h"
#include "readguard.h"
#include "textinvoicereader.h"

#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

namespace einvoice::cli {

namespace {
QCommandLineOption templatesOption()
{
    return QCommandLineOption(
        QStringLiteral("templates"),
        tr("Template folder (default: $EINVOICE_TEMPLATE_DIR or the per-user data folder)."),
        QStringLiteral("dir"));
}
} // namespace

int LearnCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Correct what the reader got wrong on one invoice and store its layout as a template, so later "
           "invoices of the same layout are read right. Fields: %1.\n\nExit codes: 0 learned, 1 a corrected "
           "value was not found on the page (nothing stored), 2 the file could not be read, 64 usage.")
            .arg(TemplateLearner::learnableFields().join(QStringLiteral(", "))));
    parser.addPositionalArgument(QStringLiteral("file"), tr("PDF invoice whose fields you correct."));
    const QCommandLineOption set(QStringLiteral("set"),
                                 tr("A corrected value, e.g. invoice_number=2025-17 (repeat)."),
                                 QStringLiteral("field=value"));
    const QCommandLineOption templates = templatesOption();
    parser.addOptions({set, templates});
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const QString path = parser.positionalArguments().constFirst();
    QMap<QString, QString> corrections;
    for (const QString &pair : parser.values(set)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            err() << tr("--set '%1' is not FIELD=VALUE").arg(pair) << Qt::endl;
            return ExitUsage;
        }
        corrections.insert(pair.left(eq).trimmed(), pair.mid(eq + 1));
    }
    PdfTextLayout layout;
    {
        const ReadGuard guard(path);
        layout = PdfTextLayout::load(path);
    }
    if (!layout.isUsable()) {
        err() << path << ": " << layout.statusMessage() << Qt::endl;
        return ExitInputError;
    }
    ExtractionResult generic = GenericTextInvoiceReader::readLayout(layout, path);
    for (auto it = corrections.begin(); it != corrections.end(); ++it) {
        QString error;
        ExtractionResult probe = generic;
        if (!TemplateLearner::setField(probe, it.key(), it.value(), &error)) {
            err() << path << ": " << error << Qt::endl;
            return ExitUsage;
        }
    }
    QStringList notFound;
    QString error;
    const std::optional<LayoutTemplate> learned =
        TemplateLearner::learn(layout, corrections, generic, &notFound, &error);
    if (!learned) {
        err() << path << ": " << error << Qt::endl;
        return ExitUsage;
    }
    if (!notFound.isEmpty()) {
        err() << tr("%1: these values are not printed on the page, so their place cannot be learned: %2")
                     .arg(path, notFound.join(QStringLiteral(", ")))
              << Qt::endl;
        return ExitRuleFailures;
    }
    const TemplateStore store(parser.isSet(templates) ? parser.value(templates)
                                                      : TemplateStore::defaultDir());
    if (!store.save(*learned, &error)) {
        err() << error << Qt::endl;
        return ExitOutputError;
    }
    out() << tr("learned layout '%1' (%2 fields) from %3 into %4")
                 .arg(learned->id)
                 .arg(learned->fields.size())
                 .arg(path, store.dir())
          << Qt::endl;
    for (const TemplateField &f : learned->fields)
        out() << QStringLiteral("  %1 page %2%3")
                     .arg(f.name)
                     .arg(f.page + 1)
                     .arg(f.hasAnchor() ? tr(", next to '%1'").arg(f.anchorText) : QString())
              << Qt::endl;
    return ExitOk;
}

int LearnCommand::runTemplates(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Manage learned layouts: list, show ID, delete ID, export ID FILE, import FILE.\n\nExit codes: 0 "
           "done, "
           "2 a file or template could not be read, 3 could not be written, 64 usage."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, show, delete, export or import"));
    const QCommandLineOption templates = templatesOption();
    parser.addOption(templates);
    if (const int rc = parseOrExit(parser, args, 1); rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.first();
    const TemplateStore store(parser.isSet(templates) ? parser.value(templates)
                                                      : TemplateStore::defaultDir());
    QString error;
    if (action == QLatin1String("list")) {
        QStringList problems;
        const QList<LayoutTemplate> all = store.all(&problems);
        for (const LayoutTemplate &t : all)
            out() << QStringLiteral("%1  %2  %3 fields  learned from %4 on %5")
                         .arg(t.id, t.sellerName)
                         .arg(t.fields.size())
                         .arg(t.learnedFrom, t.created.toString(Qt::ISODate))
                  << Qt::endl;
        for (const QString &p : problems)
            err() << p << Qt::endl;
        if (all.isEmpty())
            out() << tr("no templates in %1").arg(store.dir()) << Qt::endl;
        return problems.isEmpty() ? ExitOk : ExitInputError;
    }
    auto find = [&](const QString &id) -> std::optional<LayoutTemplate> {
        for (const LayoutTemplate &t : store.all())
            if (t.id == id)
                return t;
        err() << tr("%1: no such template in %2").arg(id, store.dir()) << Qt::endl;
        return std::nullopt;
    };
    if ((action == QLatin1String("show") || action == QLatin1String("delete")) && pos.size() == 2) {
        if (action == QLatin1String("delete")) {
            if (!store.remove(pos[1], &error)) {
                err() << error << Qt::endl;
                return ExitInputError;
            }
            out() << tr("deleted %1").arg(pos[1]) << Qt::endl;
            return ExitOk;
        }
        const auto t = find(pos[1]);
        if (!t)
            return ExitInputError;
        out() << QJsonDocument(t->toJson()).toJson();
        return ExitOk;
    }
    if (action == QLatin1String("export") && pos.size() == 3) {
        const auto t = find(pos[1]);
        if (!t)
            return ExitInputError;
        QSaveFile f(pos[2]); // temp file + rename: no half-written template
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(t->toJson()).toJson()) < 0 ||
            !f.commit()) {
            err() << tr("%1: cannot write: %2").arg(pos[2], f.errorString()) << Qt::endl;
            return ExitOutputError;
        }
        return ExitOk;
    }
    if (action == QLatin1String("import") && pos.size() == 2) {
        QFile f(pos[1]);
        if (!f.open(QIODevice::ReadOnly)) {
            err() << tr("%1: cannot read: %2").arg(pos[1], f.errorString()) << Qt::endl;
            return ExitInputError;
        }
        const std::optional<LayoutTemplate> t =
            LayoutTemplate::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
        if (!t) {
            err() << pos[1] << ": " << error << Qt::endl;
            return ExitInputError;
        }
        if (!store.save(*t, &error)) {
            err() << error << Qt::endl;
            return ExitOutputError;
        }
        out() << tr("imported %1").arg(t->id) << Qt::endl;
        return ExitOk;
    }
    err() << tr("unknown or incomplete action") << Qt::endl << helpText(parser, args);
    return ExitUsage;
}

} // namespace einvoice::cli

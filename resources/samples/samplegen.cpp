// einvoice-samplegen OUTDIR: writes the project's sample invoices.
//
// For every sample NAME: NAME.pdf (rendered page; some with an embedded CII factur-x.xml or a UBL
// invoice), NAME.xml (the model as Peppol UBL) and NAME.expected.json (the corpus fields the
// extractor must return for it). Every model is checked with the Peppol rules first, so a sample
// that would not be sendable is never written.

#include "ciiwriter.h"
#include "extractionresult.h"
#include "pdfattachmentwriter.h"
#include "sampleinvoices.h"
#include "samplerenderer.h"
#include "ublwriter.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHashFunctions>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <cstdio>

using namespace einvoice;
using namespace einvoice::samples;

namespace {

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

QString syntaxTag(Syntax s)
{
    return syntaxName(s);
}

} // namespace

int main(int argc, char **argv)
{
    // Rendering needs a platform plugin but no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // QPdfWriter's font subset names and object order follow QHash iteration; a fixed seed makes
    // the PDFs byte-for-byte reproducible.
    QHashSeed::setDeterministicGlobalSeed();
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 2 || args[1].startsWith(QLatin1Char('-'))) {
        err << QCoreApplication::translate("samplegen", "usage: einvoice-samplegen OUTDIR") << Qt::endl;
        return 64;
    }
    const QDir out(args[1]);
    if (!QDir().mkpath(out.path())) {
        err << QCoreApplication::translate("samplegen", "cannot create %1").arg(out.path()) << Qt::endl;
        return 2;
    }

    int failures = 0;
    for (const Sample &s : allSamples()) {
        QString error;
        const QList<RuleFailure> problems = Validator::validate(s.invoice, {true, Syntax::Ubl});
        if (Validator::hasFatal(problems)) {
            for (const RuleFailure &f : problems)
                err << s.name << ": " << (f.fatal ? "fatal " : "warning ") << f.ruleId << " " << f.location
                    << " " << f.message << Qt::endl;
            ++failures;
            continue;
        }
        const QByteArray ubl = UblWriter::write(s.invoice);
        QByteArray pdf = renderPdf(s, &error);
        if (pdf.isEmpty()) {
            err << error << Qt::endl;
            ++failures;
            continue;
        }
        if (s.embed != Embed::None) {
            PdfAttachment a;
            a.name = s.embeddedName;
            a.modified = QDateTime(s.invoice.issueDate, QTime(12, 0), Qt::UTC);
            if (s.embed == Embed::Cii) {
                // Factur-X carries the EN 16931 CII guideline id, not the Peppol UBL one.
                Invoice cii = s.invoice;
                cii.customizationId = QString::fromLatin1(kEn16931CustomizationId);
                a.data = CiiWriter::write(cii);
                a.description = QStringLiteral("Factur-X / ZUGFeRD invoice (EN 16931)");
            } else {
                a.data = ubl;
                a.mimeType = QStringLiteral("application/xml");
                a.description = QStringLiteral("Peppol BIS Billing 3.0 UBL invoice");
            }
            const auto updated = PdfAttachmentWriter::addAttachment(pdf, a, &error);
            if (!updated) {
                err << s.name << ": " << error << Qt::endl;
                ++failures;
                continue;
            }
            pdf = *updated;
        }
        ExtractionResult expected;
        expected.invoice = s.invoice;
        QJsonObject doc;
        doc.insert(QStringLiteral("source"), QStringLiteral("einvoice-samplegen:%1").arg(s.name));
        doc.insert(QStringLiteral("format_embedded"),
                   s.embed == Embed::None ? QStringLiteral("none")
                                          : syntaxTag(s.embed == Embed::Cii ? Syntax::Cii : Syntax::Ubl));
        doc.insert(QStringLiteral("fields"), expected.fieldsJson());
        if (!writeFile(out.filePath(s.name + QStringLiteral(".pdf")), pdf, &error) ||
            !writeFile(out.filePath(s.name + QStringLiteral(".xml")), ubl, &error) ||
            !writeFile(out.filePath(s.name + QStringLiteral(".expected.json")),
                       QJsonDocument(doc).toJson(QJsonDocument::Indented), &error)) {
            err << error << Qt::endl;
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}

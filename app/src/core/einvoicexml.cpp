#include "einvoicexml.h"

#include "ciireader.h"
#include "ciiwriter.h"
#include "ublreader.h"
#include "ublwriter.h"
#include "xmltree.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace einvoice {

QString syntaxName(Syntax syntax)
{
    switch (syntax) {
    case Syntax::Ubl:
        return QStringLiteral("UBL");
    case Syntax::Cii:
        return QStringLiteral("CII");
    case Syntax::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Syntax EInvoiceXml::detect(const XmlElement &root)
{
    if ((root.name == QLatin1String("Invoice") && root.ns == QLatin1String(UblReader::kInvoiceNs)) ||
        (root.name == QLatin1String("CreditNote") && root.ns == QLatin1String(UblReader::kCreditNoteNs)))
        return Syntax::Ubl;
    if ((root.name == QLatin1String("CrossIndustryInvoice") && root.ns == QLatin1String(CiiReader::kRsmNs)) ||
        (root.name == QLatin1String("CrossIndustryDocument") &&
         root.ns == QLatin1String(CiiReader::kZugferd1Ns)))
        return Syntax::Cii;
    return Syntax::Unknown;
}

static XmlReadResult readTree(const XmlElement &root, const QString &source)
{
    XmlReadResult result;
    result.syntax = EInvoiceXml::detect(root);
    const QString prefix = source.isEmpty() ? QString() : source + QStringLiteral(": ");
    QString error;
    switch (result.syntax) {
    case Syntax::Ubl:
        result.invoice = UblReader::read(root, &error);
        break;
    case Syntax::Cii:
        result.invoice = CiiReader::read(root, &error);
        break;
    case Syntax::Unknown:
        error = QCoreApplication::translate(
                    "EInvoiceXml",
                    "not an e-invoice: the root element is {%1}%2, expected a UBL 2.1 Invoice or CreditNote "
                    "or a UN/CEFACT CrossIndustryInvoice")
                    .arg(root.ns, root.name);
        break;
    }
    if (!result.invoice)
        result.error = prefix + error;
    return result;
}

XmlReadResult EInvoiceXml::read(const QByteArray &data, const QString &sourceName)
{
    XmlError xmlError;
    auto root = XmlTree::parse(data, &xmlError);
    if (!root) {
        XmlReadResult result;
        const QString where = xmlError.line > 0 ? QStringLiteral("%1:%2: ").arg(sourceName).arg(xmlError.line)
                                                : sourceName + QStringLiteral(": ");
        result.error = (sourceName.isEmpty() ? QString() : where) + xmlError.message;
        return result;
    }
    return readTree(*root, sourceName);
}

XmlReadResult EInvoiceXml::readFile(const QString &path)
{
    XmlError xmlError;
    auto root = XmlTree::parseFile(path, &xmlError);
    if (!root) {
        XmlReadResult result;
        result.error = xmlError.message;
        return result;
    }
    return readTree(*root, path);
}

QByteArray EInvoiceXml::write(const Invoice &invoice, Syntax syntax)
{
    return syntax == Syntax::Cii ? CiiWriter::write(invoice) : UblWriter::write(invoice);
}

} // namespace einvoice

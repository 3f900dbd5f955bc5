#include "invoiceresponse.h"

#include "xmltree.h"

#include <QCoreApplication>
#include <QUuid>
#include <QXmlStreamWriter>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("InvoiceResponse", text);
}

const QString kRoot = QStringLiteral("urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2");
const QString kCac =
    QStringLiteral("urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
const QString kCbc = QStringLiteral("urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");

void writeParty(QXmlStreamWriter &w, const QString &element, const QString &name, const Identifier &endpoint)
{
    w.writeStartElement(kCac, element);
    if (!endpoint.isEmpty()) {
        w.writeStartElement(kCbc, QStringLiteral("EndpointID"));
        w.writeAttribute(QStringLiteral("schemeID"), endpoint.scheme);
        w.writeCharacters(endpoint.id);
        w.writeEndElement();
    }
    w.writeStartElement(kCac, QStringLiteral("PartyLegalEntity"));
    w.writeTextElement(kCbc, QStringLiteral("RegistrationName"), name);
    w.writeEndElement();
    w.writeEndElement();
}

void readParty(const XmlElement *party, QString *name, Identifier *endpoint)
{
    if (!party)
        return;
    *name = party->textAt(QStringLiteral("PartyLegalEntity/RegistrationName"));
    if (const XmlElement *e = party->child(QStringLiteral("EndpointID")))
        *endpoint = Identifier{e->text, e->attribute(QStringLiteral("schemeID"))};
}

} // namespace

InvoiceResponse InvoiceResponse::about(const Invoice &invoice, const QString &code, const QString &note,
                                       const QDate &today)
{
    InvoiceResponse r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.issueDate = today;
    r.senderName = invoice.buyer.name;
    r.senderEndpoint = invoice.buyer.electronicAddress;
    r.receiverName = invoice.seller.name;
    r.receiverEndpoint = invoice.seller.electronicAddress;
    r.code = code;
    r.note = note;
    r.invoiceNumber = invoice.number;
    r.invoiceIssueDate = invoice.issueDate;
    r.documentTypeCode =
        invoice.kind == DocumentKind::CreditNote ? QStringLiteral("381") : QStringLiteral("380");
    return r;
}

QByteArray InvoiceResponse::toXml() const
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeNamespace(kCac, QStringLiteral("cac"));
    w.writeNamespace(kCbc, QStringLiteral("cbc"));
    w.writeDefaultNamespace(kRoot);
    w.writeStartElement(kRoot, QStringLiteral("ApplicationResponse"));
    w.writeTextElement(kCbc, QStringLiteral("CustomizationID"),
                       QStringLiteral("urn:fdc:peppol.eu:poacc:trns:invoice_response:3"));
    w.writeTextElement(kCbc, QStringLiteral("ProfileID"),
                       QStringLiteral("urn:fdc:peppol.eu:poacc:bis:invoice_response:3"));
    w.writeTextElement(kCbc, QStringLiteral("ID"), id);
    w.writeTextElement(kCbc, QStringLiteral("IssueDate"), issueDate.toString(Qt::ISODate));
    writeParty(w, QStringLiteral("SenderParty"), senderName, senderEndpoint);
    writeParty(w, QStringLiteral("ReceiverParty"), receiverName, receiverEndpoint);
    w.writeStartElement(kCac, QStringLiteral("DocumentResponse"));
    w.writeStartElement(kCac, QStringLiteral("Response"));
    w.writeStartElement(kCbc, QStringLiteral("ResponseCode"));
    w.writeAttribute(QStringLiteral("listID"), QStringLiteral("UNCL4343OpSubset"));
    w.writeCharacters(code);
    w.writeEndElement();
    if (!note.isEmpty()) {
        w.writeStartElement(kCac, QStringLiteral("Status"));
        w.writeTextElement(kCbc, QStringLiteral("StatusReason"), note);
        w.writeEndElement();
    }
    w.writeEndElement(); // Response
    w.writeStartElement(kCac, QStringLiteral("DocumentReference"));
    w.writeTextElement(kCbc, QStringLiteral("ID"), invoiceNumber);
    if (invoiceIssueDate.isValid())
        w.writeTextElement(kCbc, QStringLiteral("IssueDate"), invoiceIssueDate.toString(Qt::ISODate));
    w.writeTextElement(kCbc, QStringLiteral("DocumentTypeCode"), documentTypeCode);
    w.writeEndElement(); // DocumentReference
    w.writeEndElement(); // DocumentResponse
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

std::optional<InvoiceResponse> InvoiceResponse::fromXml(const QByteArray &xml, const QString &source,
                                                        QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<InvoiceResponse> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(source, why);
        return std::nullopt;
    };
    XmlError parseError;
    // A response is small; anything big is not one.
    const std::unique_ptr<XmlElement> root = XmlTree::parse(xml, &parseError, 1024 * 1024);
    if (!root)
        return fail(tr("not readable XML (line %1: %2)").arg(parseError.line).arg(parseError.message));
    if (root->name != QLatin1String("ApplicationResponse") || root->ns != kRoot)
        return fail(tr("not an invoice response (root element %1)").arg(root->name));
    InvoiceResponse r;
    r.id = root->textAt(QStringLiteral("ID"));
    r.issueDate = QDate::fromString(root->textAt(QStringLiteral("IssueDate")), Qt::ISODate);
    readParty(root->child(QStringLiteral("SenderParty")), &r.senderName, &r.senderEndpoint);
    readParty(root->child(QStringLiteral("ReceiverParty")), &r.receiverName, &r.receiverEndpoint);
    r.code = root->textAt(QStringLiteral("DocumentResponse/Response/ResponseCode"));
    r.note = root->textAt(QStringLiteral("DocumentResponse/Response/Status/StatusReason"));
    r.invoiceNumber = root->textAt(QStringLiteral("DocumentResponse/DocumentReference/ID"));
    r.invoiceIssueDate = QDate::fromString(
        root->textAt(QStringLiteral("DocumentResponse/DocumentReference/IssueDate")), Qt::ISODate);
    const QString type = root->textAt(QStringLiteral("DocumentResponse/DocumentReference/DocumentTypeCode"));
    if (!type.isEmpty())
        r.documentTypeCode = type;
    static const QStringList codes = {QStringLiteral("AB"), QStringLiteral("IP"), QStringLiteral("UQ"),
                                      QStringLiteral("RE"), QStringLiteral("AP"), QStringLiteral("PD")};
    if (!codes.contains(r.code))
        return fail(tr("response code \"%1\" is not one of AB, IP, UQ, RE, AP, PD").arg(r.code));
    if (r.invoiceNumber.isEmpty())
        return fail(tr("the response names no invoice (DocumentReference/ID is empty)"));
    return r;
}

} // namespace einvoice

#include "xmltree.h"

#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

namespace einvoice {

const XmlElement *XmlElement::child(const QString &n, const QString &nsUri) const
{
    for (const auto &c : children)
        if (c->name == n && (nsUri.isEmpty() || c->ns == nsUri))
            return c.get();
    return nullptr;
}

QList<const XmlElement *> XmlElement::childrenNamed(const QString &n, const QString &nsUri) const
{
    QList<const XmlElement *> out;
    for (const auto &c : children)
        if (c->name == n && (nsUri.isEmpty() || c->ns == nsUri))
            out.append(c.get());
    return out;
}

const XmlElement *XmlElement::at(const QString &path) const
{
    const XmlElement *e = this;
    for (const QStringView step : QStringView(path).split(QLatin1Char('/'))) {
        if (!e)
            return nullptr;
        e = e->child(step.toString());
    }
    return e;
}

QList<const XmlElement *> XmlElement::all(const QString &path) const
{
    QList<const XmlElement *> current{this};
    for (const QString &step : path.split(QLatin1Char('/'))) {
        QList<const XmlElement *> next;
        for (const XmlElement *p : current)
            next += p->childrenNamed(step);
        current = next;
    }
    return current;
}

QString XmlElement::textAt(const QString &path) const
{
    const XmlElement *e = at(path);
    return e ? e->text : QString();
}

QString XmlElement::attribute(const QString &n) const
{
    for (const Attribute &a : attributes)
        if (a.name == n)
            return a.value;
    return QString();
}

bool XmlElement::hasAttribute(const QString &n) const
{
    for (const Attribute &a : attributes)
        if (a.name == n)
            return true;
    return false;
}

std::unique_ptr<XmlElement> XmlTree::parse(const QByteArray &data, XmlError *error, qint64 maxBytes,
                                           int maxDepth)
{
    auto fail = [error](const QString &message, qint64 line = 0, qint64 column = 0) {
        if (error)
            *error = XmlError{message, line, column};
        return std::unique_ptr<XmlElement>();
    };
    if (data.size() > maxBytes)
        return fail(QStringLiteral("document is %1 bytes, more than the limit of %2 bytes")
                        .arg(data.size())
                        .arg(maxBytes));
    if (data.trimmed().isEmpty())
        return fail(QStringLiteral("document is empty"));

    QXmlStreamReader reader(data);
    reader.setNamespaceProcessing(true);
    reader.setEntityExpansionLimit(0);
    std::unique_ptr<XmlElement> root;
    std::vector<XmlElement *> stack;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            return fail(QStringLiteral("document type declarations (DTD) are not allowed in e-invoices"),
                        reader.lineNumber(), reader.columnNumber());
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("entity reference '&%1;' is not allowed").arg(reader.name()),
                        reader.lineNumber(), reader.columnNumber());
        case QXmlStreamReader::StartElement: {
            if (int(stack.size()) >= maxDepth)
                return fail(QStringLiteral("elements nested deeper than %1 levels").arg(maxDepth),
                            reader.lineNumber(), reader.columnNumber());
            auto element = std::make_unique<XmlElement>();
            element->ns = reader.namespaceUri().toString();
            element->name = reader.name().toString();
            element->line = int(reader.lineNumber());
            for (const QXmlStreamAttribute &a : reader.attributes())
                element->attributes.append(
                    {a.namespaceUri().toString(), a.name().toString(), a.value().toString()});
            XmlElement *raw = element.get();
            if (stack.empty()) {
                if (root)
                    return fail(QStringLiteral("more than one root element"), reader.lineNumber(),
                                reader.columnNumber());
                root = std::move(element);
            } else {
                stack.back()->children.push_back(std::move(element));
            }
            stack.push_back(raw);
            break;
        }
        case QXmlStreamReader::EndElement:
            if (!stack.empty()) {
                stack.back()->text = stack.back()->text.trimmed();
                stack.pop_back();
            }
            break;
        case QXmlStreamReader::Characters:
            if (!stack.empty())
                stack.back()->text += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        QString message = reader.errorString();
        if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            message = QStringLiteral("the document ends too early (truncated file?)");
        return fail(message, reader.lineNumber(), reader.columnNumber());
    }
    if (!root)
        return fail(QStringLiteral("no root element"));
    return root;
}

std::unique_ptr<XmlElement> XmlTree::parseFile(const QString &path, XmlError *error, qint64 maxBytes,
                                               int maxDepth)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        if (error)
            *error = {QStringLiteral("%1: file not found").arg(path)};
        return nullptr;
    }
    if (info.size() > maxBytes) {
        if (error)
            *error = {QStringLiteral("%1: file is %2 MB, more than the %3 MB an e-invoice may have")
                          .arg(path)
                          .arg(info.size() / (1024 * 1024))
                          .arg(maxBytes / (1024 * 1024))};
        return nullptr;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {QStringLiteral("%1: cannot read: %2").arg(path, file.errorString())};
        return nullptr;
    }
    XmlError inner;
    auto root = parse(file.readAll(), &inner, maxBytes, maxDepth);
    if (!root && error) {
        *error = inner;
        error->message = inner.line > 0 ? QStringLiteral("%1:%2:%3: %4")
                                              .arg(path)
                                              .arg(inner.line)
                                              .arg(inner.column)
                                              .arg(inner.message)
                                        : QStringLiteral("%1: %2").arg(path, inner.message);
    }
    return root;
}

} // namespace einvoice

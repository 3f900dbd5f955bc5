#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace einvoice {

/// One element of a parsed XML document: namespace URI, local name, attributes, text, children.
/// Owned by its parent (and the root by XmlTree); read-only after parsing.
class XmlElement
{
public:
    QString ns;
    QString name;
    QString text; // concatenated character data directly inside this element, trimmed
    int line = 0;
    struct Attribute
    {
        QString ns;
        QString name;
        QString value;
    };
    QList<Attribute> attributes;
    std::vector<std::unique_ptr<XmlElement>> children;

    /// First child with this local name (and namespace, when @p ns is given).
    const XmlElement *child(const QString &name, const QString &ns = QString()) const;
    QList<const XmlElement *> childrenNamed(const QString &name, const QString &ns = QString()) const;
    /// Follows a '/'-separated path of local names; nullptr when any step is missing.
    const XmlElement *at(const QString &path) const;
    QList<const XmlElement *> all(const QString &path) const;
    /// Text at @p path, or an empty string.
    QString textAt(const QString &path) const;
    QString attribute(const QString &name) const;
    bool hasAttribute(const QString &name) const;
};

/// Error from XmlTree::parse: what went wrong and where.
struct XmlError
{
    QString message;
    qint64 line = 0;
    qint64 column = 0;
};

/// Safe XML parser for untrusted e-invoices. Rejects any DTD (so no external entities and no
/// entity expansion bombs), limits input size and nesting depth, and reports the line and
/// column of the first error. Stateless; call from any thread.
class XmlTree
{
public:
    static constexpr qint64 kDefaultMaxBytes = 64LL * 1024 * 1024;
    static constexpr int kDefaultMaxDepth = 64;

    static std::unique_ptr<XmlElement> parse(const QByteArray &data, XmlError *error,
                                             qint64 maxBytes = kDefaultMaxBytes,
                                             int maxDepth = kDefaultMaxDepth);
    /// Reads and parses a file; the error names the file. Refuses files over @p maxBytes before reading them.
    static std::unique_ptr<XmlElement> parseFile(const QString &path, XmlError *error,
                                                 qint64 maxBytes = kDefaultMaxBytes,
                                                 int maxDepth = kDefaultMaxDepth);
};

} // namespace einvoice

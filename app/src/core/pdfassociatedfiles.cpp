#include "pdfassociatedfiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringDecoder>
#include <cstring>
#include <functional>
#include <memory>
#include <zlib.h>

namespace einvoice {

namespace {

// QByteArray::indexOf with a short needle hashes every byte; glibc's memmem is several times
// faster, and the object scan runs over the whole file.
qsizetype find(const QByteArray &haystack, const char *needle, qsizetype from)
{
    if (from < 0 || from >= haystack.size())
        return -1;
    const void *at = memmem(haystack.constData() + from, haystack.size() - from, needle, std::strlen(needle));
    return at ? static_cast<const char *>(at) - haystack.constData() : -1;
}

constexpr int kMaxDepth = 64;
constexpr int kMaxObjects = 200000;

/// One PDF object value. Small and copied freely; arrays and dictionaries share their items.
struct Value
{
    enum Type
    {
        Null,
        Bool,
        Number,
        String,
        Name,
        Array,
        Dict,
        Ref
    };
    Type type = Null;
    QByteArray bytes; // number text, string bytes or name (decoded #xx)
    int num = 0;      // Ref: object number
    std::shared_ptr<QList<Value>> items;
    std::shared_ptr<QMap<QByteArray, Value>> dict;

    bool isDict() const { return type == Dict && dict; }
    Value get(const QByteArray &key) const
    {
        if (!isDict())
            return {};
        return dict->value(key);
    }
    QList<Value> list() const { return type == Array && items ? *items : QList<Value>(); }
    int toInt() const { return type == Number ? bytes.toInt() : -1; }
};

bool isWhite(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool isDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
}

/// A recursive-descent reader of PDF object syntax over a byte range.
class Parser
{
public:
    Parser(const QByteArray &data, qsizetype pos) : m_data(data), m_pos(pos) {}

    qsizetype pos() const { return m_pos; }
    bool failed() const { return m_failed; }

    void skipSpace()
    {
        while (m_pos < m_data.size()) {
            const char c = m_data[m_pos];
            if (isWhite(c)) {
                ++m_pos;
            } else if (c == '%') {
                while (m_pos < m_data.size() && m_data[m_pos] != '\n' && m_data[m_pos] != '\r')
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    bool startsWith(const char *word)
    {
        skipSpace();
        const qsizetype n = qsizetype(strlen(word));
        return m_data.size() - m_pos >= n && memcmp(m_data.constData() + m_pos, word, size_t(n)) == 0;
    }

    void advance(qsizetype n) { m_pos += n; }

    Value parse(int depth = 0)
    {
        Value v;
        if (depth > kMaxDepth) {
            m_failed = true;
            return v;
        }
        skipSpace();
        if (m_pos >= m_data.size()) {
            m_failed = true;
            return v;
        }
        const char c = m_data[m_pos];
        if (c == '/') {
            v.type = Value::Name;
            v.bytes = name();
        } else if (c == '(') {
            v.type = Value::String;
            v.bytes = literalString();
        } else if (c == '<' && m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '<') {
            m_pos += 2;
            v.type = Value::Dict;
            v.dict = std::make_shared<QMap<QByteArray, Value>>();
            while (!m_failed) {
                skipSpace();
                if (startsWith(">>")) {
                    m_pos += 2;
                    break;
                }
                if (m_pos >= m_data.size() || m_data[m_pos] != '/') {
                    m_failed = true;
                    break;
                }
                const QByteArray key = name();
                v.dict->insert(key, parse(depth + 1));
            }
        } else if (c == '<') {
            v.type = Value::String;
            v.bytes = hexString();
        } else if (c == '[') {
            ++m_pos;
            v.type = Value::Array;
            v.items = std::make_shared<QList<Value>>();
            while (!m_failed) {
                skipSpace();
                if (m_pos < m_data.size() && m_data[m_pos] == ']') {
                    ++m_pos;
                    break;
                }
                v.items->append(parse(depth + 1));
            }
        } else if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            v.type = Value::Number;
            v.bytes = token();
            // "12 0 R" is a reference: look ahead without consuming on a mismatch.
            const qsizetype save = m_pos;
            skipSpace();
            const QByteArray gen = token();
            skipSpace();
            bool isInt = false;
            v.bytes.toInt(&isInt);
            if (isInt && !gen.isEmpty() && gen.toInt() >= 0 && m_pos < m_data.size() &&
                m_data[m_pos] == 'R' &&
                (m_pos + 1 >= m_data.size() || isWhite(m_data[m_pos + 1]) ||
                 isDelimiter(m_data[m_pos + 1]))) {
                ++m_pos;
                v.type = Value::Ref;
                v.num = v.bytes.toInt();
            } else {
                m_pos = save;
            }
        } else {
            const QByteArray word = token();
            if (word == "true" || word == "false") {
                v.type = Value::Bool;
                v.bytes = word;
            } else if (word != "null") {
                m_failed = true;
            }
        }
        return v;
    }

private:
    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_data.size() && !isWhite(m_data[m_pos]) && !isDelimiter(m_data[m_pos]))
            ++m_pos;
        if (m_pos == start && m_pos < m_data.size())
            ++m_pos; // never stall on an unexpected character
        return m_data.mid(start, m_pos - start);
    }

    QByteArray name()
    {
        ++m_pos; // '/'
        QByteArray out;
        while (m_pos < m_data.size() && !isWhite(m_data[m_pos]) && !isDelimiter(m_data[m_pos])) {
            if (m_data[m_pos] == '#' && m_pos + 2 < m_data.size()) {
                bool ok = false;
                const int ch = m_data.mid(m_pos + 1, 2).toInt(&ok, 16);
                if (ok) {
                    out += char(ch);
                    m_pos += 3;
                    continue;
                }
            }
            out += m_data[m_pos++];
        }
        return out;
    }

    QByteArray literalString()
    {
        ++m_pos; // '('
        QByteArray out;
        int nesting = 1;
        while (m_pos < m_data.size()) {
            const char c = m_data[m_pos++];
            if (c == '\\' && m_pos < m_data.size()) {
                const char e = m_data[m_pos++];
                switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case '\r':
                    if (m_pos < m_data.size() && m_data[m_pos] == '\n')
                        ++m_pos;
                    break;
                case '\n':
                    break;
                default:
                    if (e >= '0' && e <= '7') {
                        int code = e - '0';
                        for (int i = 0;
                             i < 2 && m_pos < m_data.size() && m_data[m_pos] >= '0' && m_data[m_pos] <= '7';
                             ++i)
                            code = code * 8 + (m_data[m_pos++] - '0');
                        out += char(code & 0xff);
                    } else {
                        out += e;
                    }
                }
            } else if (c == '(') {
                ++nesting;
                out += c;
            } else if (c == ')') {
                if (--nesting == 0)
                    return out;
                out += c;
            } else {
                out += c;
            }
        }
        m_failed = true;
        return out;
    }

    QByteArray hexString()
    {
        ++m_pos; // '<'
        QByteArray hex;
        while (m_pos < m_data.size() && m_data[m_pos] != '>') {
            if (!isWhite(m_data[m_pos]))
                hex += m_data[m_pos];
            ++m_pos;
        }
        if (m_pos >= m_data.size())
            m_failed = true;
        ++m_pos;
        if (hex.size() % 2)
            hex += '0';
        return QByteArray::fromHex(hex);
    }

    const QByteArray &m_data;
    qsizetype m_pos;
    bool m_failed = false;
};

struct Object
{
    Value value;
    QByteArray stream; // raw (still encoded) stream data, if any
    bool hasStream = false;
};

bool inflate(const QByteArray &in, QByteArray *out)
{
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return false;
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer.data());
        zs.avail_out = uInt(buffer.size());
        rc = ::inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            // Many writers leave a damaged tail; keep what decoded cleanly.
            break;
        }
        out->append(buffer.constData(), buffer.size() - qsizetype(zs.avail_out));
        if (out->size() > PdfAssociatedFiles::kMaxDecodedBytes) {
            inflateEnd(&zs);
            return false;
        }
        if (zs.avail_in == 0 && rc == Z_OK && zs.avail_out != 0)
            break;
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END || !out->isEmpty();
}

/// Scans a PDF for its objects and resolves references among them.
class ObjectTable
{
public:
    explicit ObjectTable(const QByteArray &pdf) : m_pdf(pdf) { scan(); }

    int count() const { return int(m_objects.size()); }

    Value resolve(Value v, int depth = 0) const
    {
        while (v.type == Value::Ref && depth++ < kMaxDepth) {
            const auto it = m_objects.constFind(v.num);
            if (it == m_objects.constEnd())
                return {};
            v = it->value;
        }
        return v.type == Value::Ref ? Value() : v;
    }

    const Object *object(const Value &ref) const
    {
        if (ref.type != Value::Ref)
            return nullptr;
        const auto it = m_objects.constFind(ref.num);
        return it == m_objects.constEnd() ? nullptr : &*it;
    }

    /// Decoded stream data of an object; empty with @p ok false for unsupported filters.
    QByteArray decoded(const Object &o, bool *ok) const
    {
        *ok = true;
        const Value filter = resolve(o.value.get("Filter"));
        QList<Value> filters = filter.type == Value::Array ? filter.list() : QList<Value>{filter};
        QByteArray data = o.stream;
        for (const Value &f : filters) {
            const QByteArray name = resolve(f).bytes;
            if (resolve(f).type == Value::Null)
                continue;
            if (name == "FlateDecode" || name == "Fl") {
                QByteArray out;
                if (!inflate(data, &out)) {
                    *ok = false;
                    return {};
                }
                data = out;
            } else {
                *ok = false;
                return {};
            }
        }
        return data;
    }

    QList<Object> objectsOfType(const QByteArray &type) const
    {
        QList<Object> out;
        for (const Object &o : m_objects)
            if (resolve(o.value.get("Type")).bytes == type)
                out << o;
        return out;
    }

    const QHash<int, Object> &all() const { return m_objects; }

private:
    void scan()
    {
        qsizetype pos = 0;
        QList<int> objectStreams;
        while (pos < m_pdf.size() && m_objects.size() < kMaxObjects) {
            const qsizetype at = find(m_pdf, " obj", pos);
            if (at < 0)
                break;
            // Walk back over "N G" before " obj".
            qsizetype p = at;
            auto digitsBack = [&](qsizetype &q) {
                const qsizetype end = q;
                while (q > 0 && m_pdf[q - 1] >= '0' && m_pdf[q - 1] <= '9')
                    --q;
                return q < end;
            };
            qsizetype genStart = p;
            bool ok = digitsBack(genStart);
            qsizetype sep = genStart;
            while (ok && sep > 0 && isWhite(m_pdf[sep - 1]))
                --sep;
            qsizetype numStart = sep;
            ok = ok && sep < genStart && digitsBack(numStart);
            pos = at + 4;
            if (!ok)
                continue;
            const int num = m_pdf.mid(numStart, sep - numStart).toInt();
            Parser parser(m_pdf, at + 4);
            Object o;
            o.value = parser.parse();
            if (parser.failed())
                continue;
            pos = parser.pos();
            if (parser.startsWith("stream")) {
                parser.advance(6);
                // The data starts after the end of line that follows the keyword.
                qsizetype start = parser.pos();
                if (start < m_pdf.size() && m_pdf[start] == '\r')
                    ++start;
                if (start < m_pdf.size() && m_pdf[start] == '\n')
                    ++start;
                const Value lengthValue = o.value.get("Length");
                qsizetype length = lengthValue.type == Value::Number ? lengthValue.bytes.toLongLong() : -1;
                const qsizetype endstream = find(m_pdf, "endstream", start);
                if (endstream < 0 && (length < 0 || start + length > m_pdf.size()))
                    continue;
                const bool lengthFits = length >= 0 && start + length <= m_pdf.size() &&
                                        (endstream < 0 || start + length <= endstream);
                if (!lengthFits) {
                    // Indirect (resolved below, once all objects are known) or wrong /Length:
                    // until then the data ends at "endstream", minus its end of line.
                    length = endstream - start;
                    while (length > 0 &&
                           (m_pdf[start + length - 1] == '\n' || m_pdf[start + length - 1] == '\r'))
                        --length;
                    if (lengthValue.type == Value::Ref)
                        m_indirectLengths.append({num, start, endstream, lengthValue});
                }
                o.stream = m_pdf.mid(start, length);
                o.hasStream = true;
                pos = start + length;
            }
            m_objects.insert(num, o); // later definitions (incremental updates) win
            if (o.hasStream && o.value.get("Type").bytes == "ObjStm")
                objectStreams << num;
        }
        for (const IndirectLength &l : std::as_const(m_indirectLengths)) {
            const qsizetype length = resolve(l.ref).bytes.toLongLong();
            auto it = m_objects.find(l.num);
            if (it != m_objects.end() && length > 0 && l.start + length <= l.endstream)
                it->stream = m_pdf.mid(l.start, length);
        }
        for (int num : std::as_const(objectStreams))
            readObjectStream(m_objects.value(num));
    }

    void readObjectStream(const Object &os)
    {
        bool ok = false;
        const QByteArray data = decoded(os, &ok);
        const int n = resolve(os.value.get("N")).toInt();
        const int first = resolve(os.value.get("First")).toInt();
        if (!ok || n <= 0 || first < 0 || first > data.size() || n > kMaxObjects)
            return;
        Parser header(data, 0);
        QList<QPair<int, int>> entries;
        for (int i = 0; i < n && !header.failed(); ++i) {
            const Value num = header.parse();
            const Value offset = header.parse();
            if (num.type != Value::Number || offset.type != Value::Number)
                break;
            entries.append({num.toInt(), offset.toInt()});
        }
        for (const auto &[num, offset] : entries) {
            if (m_objects.contains(num) || first + offset >= data.size())
                continue; // a direct definition is a later revision
            Parser p(data, first + offset);
            Object o;
            o.value = p.parse();
            if (!p.failed())
                m_objects.insert(num, o);
        }
    }

    struct IndirectLength
    {
        int num;
        qsizetype start;
        qsizetype endstream;
        Value ref;
    };
    const QByteArray &m_pdf;
    QHash<int, Object> m_objects;
    QList<IndirectLength> m_indirectLengths;
};

/// PDF text string: UTF-16BE with a byte order mark, UTF-8 with one (PDF 2.0), else PDFDocEncoding
/// (Latin-1 is close enough for file names).
QString textString(const QByteArray &b)
{
    if (b.startsWith("\xFE\xFF"))
        return QStringDecoder(QStringDecoder::Utf16BE).decode(b.mid(2));
    if (b.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(b.mid(3));
    return QString::fromLatin1(b);
}

// Whether the bytes show "/EF", "/ObjStm" or a name spelled with #xx escapes ("/E#", "/O#",
// "/#4"), in one pass: memchr finds the slashes, which are rare in compressed data. Five
// QByteArray::contains calls over a 400 KB file cost about 3 ms, a tenth of reading it.
bool mayHoldFileSpecification(const QByteArray &pdf)
{
    const char *p = pdf.constData();
    const char *const end = p + pdf.size();
    while ((p = static_cast<const char *>(std::memchr(p, '/', end - p)))) {
        const qsizetype left = end - p;
        const char a = left > 1 ? p[1] : 0;
        const char b = left > 2 ? p[2] : 0;
        if ((a == 'E' && (b == 'F' || b == '#')) || (a == 'O' && b == '#') || (a == '#' && b == '4'))
            return true;
        if (a == 'O' && left >= 7 && std::memcmp(p + 1, "ObjStm", 6) == 0)
            return true;
        ++p;
    }
    return false;
}

} // namespace

QList<PdfEmbeddedFile> PdfAssociatedFiles::read(const QByteArray &pdf, QString *error)
{
    QList<PdfEmbeddedFile> out;
    if (!pdf.left(1024).contains("%PDF-")) {
        if (error)
            *error = QCoreApplication::translate("PdfAssociatedFiles", "not a PDF file");
        return out;
    }
    // Every attached file hangs off a file specification's /EF entry. Dictionary keys are never
    // compressed except inside an object stream, so a PDF whose bytes show neither (nor a name
    // spelled with #xx escapes) has nothing to find: most invoices, read without parsing them.
    if (!mayHoldFileSpecification(pdf))
        return out;
    const ObjectTable table(pdf);
    QList<Object> catalogs = table.objectsOfType("Catalog");
    if (catalogs.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("PdfAssociatedFiles", "the PDF has no document catalog");
        return out;
    }

    // Collect file specifications: catalog /AF, the EmbeddedFiles name tree, page /AF and
    // FileAttachment annotations.
    QList<Value> specs;
    QSet<int> seenNodes;
    std::function<void(const Value &, int)> walkNames = [&](const Value &nodeRef, int depth) {
        if (depth > kMaxDepth)
            return;
        if (nodeRef.type == Value::Ref) {
            if (seenNodes.contains(nodeRef.num))
                return;
            seenNodes.insert(nodeRef.num);
        }
        const Value node = table.resolve(nodeRef);
        const QList<Value> names = table.resolve(node.get("Names")).list();
        for (int i = 1; i < names.size(); i += 2)
            specs << names[i];
        for (const Value &kid : table.resolve(node.get("Kids")).list())
            walkNames(kid, depth + 1);
    };
    for (const Object &catalog : catalogs) {
        specs += table.resolve(catalog.value.get("AF")).list();
        walkNames(table.resolve(catalog.value.get("Names")).get("EmbeddedFiles"), 0);
    }
    for (const Object &page : table.objectsOfType("Page")) {
        specs += table.resolve(page.value.get("AF")).list();
        for (const Value &annotRef : table.resolve(page.value.get("Annots")).list()) {
            const Value annot = table.resolve(annotRef);
            if (annot.get("Subtype").bytes == "FileAttachment")
                specs << annot.get("FS");
        }
    }

    QSet<QByteArray> seen;
    for (const Value &specRef : specs) {
        const Value spec = table.resolve(specRef);
        if (!spec.isDict())
            continue;
        const Value ef = table.resolve(spec.get("EF"));
        Value streamRef = ef.get("UF");
        if (streamRef.type != Value::Ref)
            streamRef = ef.get("F");
        const Object *stream = table.object(streamRef);
        if (!stream || !stream->hasStream)
            continue;
        bool ok = false;
        PdfEmbeddedFile f;
        f.data = table.decoded(*stream, &ok);
        if (!ok)
            continue; // an unsupported filter: Poppler's own list still has the file
        const Value uf = table.resolve(spec.get("UF"));
        f.name = textString(uf.type == Value::String ? uf.bytes : table.resolve(spec.get("F")).bytes);
        f.description = textString(table.resolve(spec.get("Desc")).bytes);
        f.mimeType = QString::fromLatin1(table.resolve(stream->value.get("Subtype")).bytes);
        const QByteArray key =
            f.name.toUtf8() + '\0' + QCryptographicHash::hash(f.data, QCryptographicHash::Sha256);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out << f;
    }
    return out;
}

} // namespace einvoice

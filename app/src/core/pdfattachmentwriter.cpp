#include "pdfattachmentwriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSaveFile>
#include <QTimeZone>
#include <algorithm>

namespace einvoice {

namespace {

#define PDFW_TR(text) QCoreApplication::translate("PdfAttachmentWriter", text)

bool isWhite(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool isDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
}

bool isRegular(char c)
{
    return !isWhite(c) && !isDelimiter(c);
}

/// A top-level entry of a PDF dictionary: the key without its slash and the value as written.
struct DictEntry
{
    QByteArray key;
    QByteArray value;
};

/// Just enough of a PDF object parser to copy and extend dictionaries: it finds the extent of
/// each value (nested dictionaries, arrays, strings, references) without interpreting it.
/// Every step is bounds-checked; malformed input makes it fail, never read past the end.
class Lexer
{
public:
    explicit Lexer(const QByteArray &data) : m_d(data) {}

    qsizetype skipWhite(qsizetype pos) const
    {
        while (pos < m_d.size()) {
            const char c = m_d[pos];
            if (isWhite(c)) {
                ++pos;
            } else if (c == '%') {
                while (pos < m_d.size() && m_d[pos] != '\n' && m_d[pos] != '\r')
                    ++pos;
            } else {
                break;
            }
        }
        return pos;
    }

    /// Regular characters from @p pos (a number, keyword or the body of a name).
    QByteArray word(qsizetype pos) const
    {
        qsizetype end = pos;
        while (end < m_d.size() && isRegular(m_d[end]))
            ++end;
        return m_d.mid(pos, end - pos);
    }

    /// End of the value starting at @p pos (after white space), or -1 when malformed.
    /// An integer followed by "int R" is one value (a reference).
    qsizetype valueEnd(qsizetype pos, int depth = 0) const
    {
        if (depth > 64)
            return -1;
        pos = skipWhite(pos);
        if (pos >= m_d.size())
            return -1;
        const char c = m_d[pos];
        if (c == '<' && pos + 1 < m_d.size() && m_d[pos + 1] == '<') {
            qsizetype p = pos + 2;
            for (;;) {
                p = skipWhite(p);
                if (p + 1 < m_d.size() && m_d[p] == '>' && m_d[p + 1] == '>')
                    return p + 2;
                if (p >= m_d.size() || m_d[p] != '/')
                    return -1;
                p = valueEnd(p, depth + 1); // key
                if (p < 0)
                    return -1;
                p = valueEnd(p, depth + 1); // value
                if (p < 0)
                    return -1;
            }
        }
        if (c == '[') {
            qsizetype p = pos + 1;
            for (;;) {
                p = skipWhite(p);
                if (p >= m_d.size())
                    return -1;
                if (m_d[p] == ']')
                    return p + 1;
                p = valueEnd(p, depth + 1);
                if (p < 0)
                    return -1;
            }
        }
        if (c == '(') {
            int nesting = 0;
            for (qsizetype p = pos; p < m_d.size(); ++p) {
                if (m_d[p] == '\\') {
                    ++p;
                } else if (m_d[p] == '(') {
                    ++nesting;
                } else if (m_d[p] == ')' && --nesting == 0) {
                    return p + 1;
                }
            }
            return -1;
        }
        if (c == '<') {
            const qsizetype close = m_d.indexOf('>', pos);
            return close < 0 ? -1 : close + 1;
        }
        if (c == '/')
            return pos + 1 + word(pos + 1).size();
        const QByteArray w = word(pos);
        if (w.isEmpty())
            return -1;
        qsizetype end = pos + w.size();
        if (isUnsigned(w)) {
            // "12 0 R" is a reference: look ahead two words.
            const qsizetype p2 = skipWhite(end);
            const QByteArray gen = word(p2);
            if (isUnsigned(gen)) {
                const qsizetype p3 = skipWhite(p2 + gen.size());
                if (word(p3) == "R")
                    return p3 + 1;
            }
        }
        return end;
    }

    /// Parses the dictionary at @p pos into its top-level entries; returns the end, or -1.
    qsizetype dict(qsizetype pos, QList<DictEntry> *entries) const
    {
        pos = skipWhite(pos);
        if (!(pos + 1 < m_d.size() && m_d[pos] == '<' && m_d[pos + 1] == '<'))
            return -1;
        qsizetype p = pos + 2;
        for (;;) {
            p = skipWhite(p);
            if (p + 1 < m_d.size() && m_d[p] == '>' && m_d[p + 1] == '>')
                return p + 2;
            if (p >= m_d.size() || m_d[p] != '/')
                return -1;
            const QByteArray key = word(p + 1);
            const qsizetype valueStart = skipWhite(p + 1 + key.size());
            const qsizetype end = valueEnd(valueStart);
            if (end < 0)
                return -1;
            entries->append({key, m_d.mid(valueStart, end - valueStart).trimmed()});
            p = end;
        }
    }

    /// The values of the array at @p pos, as written; returns the end, or -1.
    qsizetype array(qsizetype pos, QList<QByteArray> *items) const
    {
        pos = skipWhite(pos);
        if (pos >= m_d.size() || m_d[pos] != '[')
            return -1;
        qsizetype p = pos + 1;
        for (;;) {
            p = skipWhite(p);
            if (p >= m_d.size())
                return -1;
            if (m_d[p] == ']')
                return p + 1;
            const qsizetype end = valueEnd(p);
            if (end < 0)
                return -1;
            items->append(m_d.mid(p, end - p));
            p = end;
        }
    }

    static bool isUnsigned(const QByteArray &w)
    {
        return !w.isEmpty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    }

private:
    const QByteArray &m_d;
};

QByteArray entryValue(const QList<DictEntry> &entries, const char *key)
{
    for (const DictEntry &e : entries) {
        if (e.key == key)
            return e.value;
    }
    return QByteArray();
}

/// Parses "12 0 R" into object and generation numbers.
bool parseRef(const QByteArray &value, int *num, int *gen)
{
    const QList<QByteArray> parts = value.simplified().split(' ');
    if (parts.size() != 3 || parts[2] != "R" || !Lexer::isUnsigned(parts[0]) || !Lexer::isUnsigned(parts[1]))
        return false;
    bool ok1 = false;
    bool ok2 = false;
    *num = parts[0].toInt(&ok1);
    *gen = parts[1].toInt(&ok2);
    return ok1 && ok2;
}

/// Decodes a PDF string token, literal or hex, to its bytes (for sorting name tree keys).
QByteArray decodeString(const QByteArray &token)
{
    QByteArray out;
    if (token.startsWith('<')) {
        QByteArray hex;
        for (char c : token.mid(1, token.size() - 2)) {
            if (!isWhite(c))
                hex.append(c);
        }
        if (hex.size() % 2)
            hex.append('0');
        return QByteArray::fromHex(hex);
    }
    for (qsizetype i = 1; i + 1 < token.size(); ++i) {
        char c = token[i];
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i >= token.size() - 1)
            break;
        c = token[i];
        switch (c) {
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case '\r':
            if (i + 1 < token.size() && token[i + 1] == '\n')
                ++i;
            break;
        case '\n':
            break;
        default:
            if (c >= '0' && c <= '7') {
                int v = c - '0';
                for (int k = 0; k < 2 && i + 1 < token.size() && token[i + 1] >= '0' && token[i + 1] <= '7';
                     ++k)
                    v = v * 8 + (token[++i] - '0');
                out.append(char(v));
            } else {
                out.append(c);
            }
        }
    }
    return out;
}

/// A PDF text string: a literal string for plain ASCII, UTF-16BE with a BOM otherwise.
QByteArray textString(const QString &s)
{
    bool ascii = true;
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            ascii = false;
    }
    if (ascii) {
        QByteArray out("(");
        for (char c : s.toLatin1()) {
            if (c == '(' || c == ')' || c == '\\')
                out.append('\\');
            out.append(c);
        }
        return out + ')';
    }
    QByteArray utf16("\xFE\xFF", 2);
    for (QChar c : s) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xFF));
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

/// A PDF name (without the slash): characters outside the regular printable range as #xx.
QByteArray pdfName(const QString &s)
{
    QByteArray out;
    for (char c : s.toUtf8()) {
        const uchar u = uchar(c);
        if (u < 0x21 || u > 0x7E || isDelimiter(c) || c == '#')
            out += '#' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        else
            out.append(c);
    }
    return out;
}

QByteArray pdfDate(const QDateTime &when)
{
    const QDateTime utc = (when.isValid() ? when : QDateTime::currentDateTimeUtc()).toUTC();
    return "(D:" + utc.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
}

struct XrefEntry
{
    qint64 offset = 0;
    int gen = 0;
};

class Updater
{
public:
    explicit Updater(const QByteArray &pdf) : m_pdf(pdf), m_lex(pdf) {}

    std::optional<QByteArray> run(const PdfAttachment &a, QString *error);

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }
    bool readXref(qint64 offset, int depth);
    qsizetype objectStart(int num, int gen);
    bool readDictObject(int num, int gen, QList<DictEntry> *entries);
    bool resolveDict(const QByteArray &value, QList<DictEntry> *entries);
    bool resolveArray(const QByteArray &value, QList<QByteArray> *items);

    const QByteArray &m_pdf;
    Lexer m_lex;
    QMap<int, XrefEntry> m_xref;
    QList<DictEntry> m_trailer; // the newest trailer
    QString m_error;
};

bool Updater::readXref(qint64 offset, int depth)
{
    if (depth > 256)
        return fail(PDFW_TR("the chain of cross-reference sections loops"));
    if (offset <= 0 || offset >= m_pdf.size())
        return fail(PDFW_TR("the cross-reference offset points outside the file"));
    qsizetype p = m_lex.skipWhite(offset);
    const QByteArray first = m_lex.word(p);
    if (first != "xref") {
        if (Lexer::isUnsigned(first))
            return fail(PDFW_TR("the PDF uses cross-reference streams (PDF 1.5 compression), which cannot be "
                                "updated yet; save it without object streams first"));
        return fail(PDFW_TR("the PDF is damaged: no cross-reference table where the trailer says"));
    }
    p += 4;
    for (;;) {
        p = m_lex.skipWhite(p);
        const QByteArray w = m_lex.word(p);
        if (w == "trailer") {
            p += 7;
            break;
        }
        const QByteArray countWord = m_lex.word(m_lex.skipWhite(p + w.size()));
        if (!Lexer::isUnsigned(w) || !Lexer::isUnsigned(countWord))
            return fail(PDFW_TR("the PDF is damaged: malformed cross-reference table"));
        const int start = w.toInt();
        const int count = countWord.toInt();
        p = m_lex.skipWhite(p + w.size()) + countWord.size();
        for (int i = 0; i < count; ++i) {
            p = m_lex.skipWhite(p);
            const QByteArray off = m_lex.word(p);
            p = m_lex.skipWhite(p + off.size());
            const QByteArray gen = m_lex.word(p);
            p = m_lex.skipWhite(p + gen.size());
            const QByteArray type = m_lex.word(p);
            p += type.size();
            if (!Lexer::isUnsigned(off) || !Lexer::isUnsigned(gen) || (type != "n" && type != "f"))
                return fail(PDFW_TR("the PDF is damaged: malformed cross-reference entry"));
            // Sections are read newest first, so an object already known keeps its newest entry.
            if (type == "n" && !m_xref.contains(start + i))
                m_xref.insert(start + i, {off.toLongLong(), gen.toInt()});
        }
    }
    QList<DictEntry> trailer;
    if (m_lex.dict(p, &trailer) < 0)
        return fail(PDFW_TR("the PDF is damaged: malformed trailer"));
    if (depth == 0)
        m_trailer = trailer;
    const QByteArray prev = entryValue(trailer, "Prev");
    if (!prev.isEmpty()) {
        if (!Lexer::isUnsigned(prev))
            return fail(PDFW_TR("the PDF is damaged: malformed /Prev in the trailer"));
        return readXref(prev.toLongLong(), depth + 1);
    }
    return true;
}

qsizetype Updater::objectStart(int num, int gen)
{
    auto matchesAt = [this, num, gen](qsizetype p) -> qsizetype {
        p = m_lex.skipWhite(p);
        const QByteArray n = m_lex.word(p);
        if (n != QByteArray::number(num))
            return -1;
        p = m_lex.skipWhite(p + n.size());
        const QByteArray g = m_lex.word(p);
        if (g != QByteArray::number(gen))
            return -1;
        p = m_lex.skipWhite(p + g.size());
        if (m_lex.word(p) != "obj")
            return -1;
        return p + 3;
    };
    const auto it = m_xref.constFind(num);
    if (it != m_xref.constEnd() && it->gen == gen && it->offset < m_pdf.size()) {
        const qsizetype p = matchesAt(it->offset);
        if (p >= 0)
            return p;
    }
    // Offsets a few bytes off are common in hand-edited files: look for the object header instead.
    const QByteArray header = QByteArray::number(num) + ' ' + QByteArray::number(gen) + " obj";
    // (lastIndexOf with a negative start searches from the end again, so stop at 0 explicitly.)
    qsizetype at = m_pdf.lastIndexOf(header);
    while (at >= 0) {
        if (at == 0 || isWhite(m_pdf[at - 1]))
            return at + header.size();
        if (at == 1)
            break;
        at = m_pdf.lastIndexOf(header, at - 1);
    }
    return -1;
}

bool Updater::readDictObject(int num, int gen, QList<DictEntry> *entries)
{
    const qsizetype p = objectStart(num, gen);
    if (p < 0)
        return fail(PDFW_TR("the PDF is damaged: object %1 %2 is missing").arg(num).arg(gen));
    if (m_lex.dict(p, entries) < 0)
        return fail(PDFW_TR("object %1 %2 is not a dictionary, or is stored in a way that cannot be updated")
                        .arg(num)
                        .arg(gen));
    return true;
}

bool Updater::resolveDict(const QByteArray &value, QList<DictEntry> *entries)
{
    int num = 0;
    int gen = 0;
    if (parseRef(value, &num, &gen))
        return readDictObject(num, gen, entries);
    Lexer lex(value);
    if (lex.dict(0, entries) < 0)
        return fail(PDFW_TR("malformed dictionary in the document catalog"));
    return true;
}

bool Updater::resolveArray(const QByteArray &value, QList<QByteArray> *items)
{
    int num = 0;
    int gen = 0;
    if (parseRef(value, &num, &gen)) {
        const qsizetype p = objectStart(num, gen);
        if (p < 0 || m_lex.array(p, items) < 0)
            return fail(PDFW_TR("the PDF is damaged: array object %1 %2 cannot be read").arg(num).arg(gen));
        return true;
    }
    Lexer lex(value);
    if (lex.array(0, items) < 0)
        return fail(PDFW_TR("malformed array in the document catalog"));
    return true;
}

std::optional<QByteArray> Updater::run(const PdfAttachment &a, QString *error)
{
    auto failed = [&]() -> std::optional<QByteArray> {
        if (error)
            *error = m_error;
        return std::nullopt;
    };
    if (a.name.isEmpty()) {
        fail(PDFW_TR("the attachment has no file name"));
        return failed();
    }
    if (!m_pdf.left(1024).contains("%PDF-")) {
        fail(PDFW_TR("not a PDF file (no %PDF header)"));
        return failed();
    }
    const qsizetype sx = m_pdf.lastIndexOf("startxref");
    if (sx < 0) {
        fail(PDFW_TR("the PDF is damaged or truncated: no startxref"));
        return failed();
    }
    const QByteArray xrefWord = m_lex.word(m_lex.skipWhite(sx + 9));
    if (!Lexer::isUnsigned(xrefWord)) {
        fail(PDFW_TR("the PDF is damaged: malformed startxref"));
        return failed();
    }
    const qint64 lastXref = xrefWord.toLongLong();
    if (!readXref(lastXref, 0))
        return failed();
    if (!entryValue(m_trailer, "Encrypt").isEmpty()) {
        fail(PDFW_TR("the PDF is encrypted; attachments cannot be added to it"));
        return failed();
    }
    int rootNum = 0;
    int rootGen = 0;
    if (!parseRef(entryValue(m_trailer, "Root"), &rootNum, &rootGen)) {
        fail(PDFW_TR("the PDF is damaged: the trailer has no /Root"));
        return failed();
    }
    const QByteArray sizeWord = entryValue(m_trailer, "Size");
    if (!Lexer::isUnsigned(sizeWord)) {
        fail(PDFW_TR("the PDF is damaged: the trailer has no /Size"));
        return failed();
    }
    int nextObject = sizeWord.toInt();
    for (auto it = m_xref.constBegin(); it != m_xref.constEnd(); ++it)
        nextObject = std::max(nextObject, it.key() + 1);

    QList<DictEntry> catalog;
    if (!readDictObject(rootNum, rootGen, &catalog))
        return failed();

    const int streamNum = nextObject;
    const int specNum = nextObject + 1;
    const QByteArray specRef = QByteArray::number(specNum) + " 0 R";
    const QByteArray nameKey = textString(a.name);

    // Name tree: keep the other entries of /Names and of a flat /EmbeddedFiles tree.
    QList<DictEntry> names;
    QList<QPair<QByteArray, QByteArray>> files; // (key token, value) pairs
    QList<QByteArray> replacedSpecs;
    const QByteArray namesValue = entryValue(catalog, "Names");
    if (!namesValue.isEmpty() && !resolveDict(namesValue, &names))
        return failed();
    const QByteArray efValue = entryValue(names, "EmbeddedFiles");
    if (!efValue.isEmpty()) {
        QList<DictEntry> tree;
        if (!resolveDict(efValue, &tree))
            return failed();
        if (!entryValue(tree, "Kids").isEmpty()) {
            fail(PDFW_TR(
                "the PDF's list of embedded files is split into several parts (/Kids), which cannot be "
                "updated yet"));
            return failed();
        }
        QList<QByteArray> flat;
        const QByteArray namesArray = entryValue(tree, "Names");
        if (!namesArray.isEmpty() && !resolveArray(namesArray, &flat))
            return failed();
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2) {
            if (decodeString(flat[i]) == decodeString(nameKey))
                replacedSpecs << flat[i + 1].simplified();
            else
                files.append({flat[i], flat[i + 1]});
        }
    }
    files.append({nameKey, specRef});
    // Name tree keys must be sorted by their bytes.
    std::stable_sort(files.begin(), files.end(), [](const auto &x, const auto &y) {
        return decodeString(x.first) < decodeString(y.first);
    });

    QList<QByteArray> af;
    const QByteArray afValue = entryValue(catalog, "AF");
    if (!afValue.isEmpty() && !resolveArray(afValue, &af))
        return failed();
    af.erase(std::remove_if(af.begin(), af.end(),
                            [&](const QByteArray &v) { return replacedSpecs.contains(v.simplified()); }),
             af.end());
    af << specRef;

    // The new objects. The XML is compressed like Factur-X generators do; qCompress writes a
    // 4-byte length before a zlib stream, which is exactly FlateDecode after removing it.
    const QByteArray compressed = qCompress(a.data, 9).mid(4);
    QByteArray out = m_pdf;
    if (!out.endsWith('\n') && !out.endsWith('\r'))
        out += '\n';
    QMap<int, qint64> offsets;

    offsets.insert(streamNum, out.size());
    out += QByteArray::number(streamNum) + " 0 obj\n<< /Type /EmbeddedFile /Subtype /" + pdfName(a.mimeType) +
           " /Filter /FlateDecode /Length " + QByteArray::number(compressed.size()) + " /Params << /Size " +
           QByteArray::number(a.data.size()) + " /ModDate " + pdfDate(a.modified) + " /CheckSum <" +
           QCryptographicHash::hash(a.data, QCryptographicHash::Md5).toHex().toUpper() +
           "> >> >>\nstream\r\n" + compressed + "\r\nendstream\nendobj\n";

    offsets.insert(specNum, out.size());
    // /F is the legacy byte-string name: Latin-1 (as PDFDocEncoding) when the name fits, so older
    // readers show it; /UF is the Unicode name.
    const bool latin1 = std::all_of(a.name.begin(), a.name.end(), [](QChar c) {
        return (c.unicode() >= 0x20 && c.unicode() < 0x7F) || (c.unicode() >= 0xA0 && c.unicode() <= 0xFF);
    });
    QByteArray legacyName = nameKey;
    if (latin1) {
        legacyName = "(";
        for (char c : a.name.toLatin1()) {
            if (c == '(' || c == ')' || c == '\\')
                legacyName.append('\\');
            legacyName.append(c);
        }
        legacyName += ')';
    }
    out += QByteArray::number(specNum) + " 0 obj\n<< /Type /Filespec /F " + legacyName + " /UF " + nameKey;
    if (!a.description.isEmpty())
        out += " /Desc " + textString(a.description);
    out += " /AFRelationship /" +
           pdfName(a.relationship.isEmpty() ? QStringLiteral("Unspecified") : a.relationship) +
           " /EF << /F " + QByteArray::number(streamNum) + " 0 R /UF " + QByteArray::number(streamNum) +
           " 0 R >> >>\nendobj\n";

    // The catalog's new version: same object number, every other entry kept as written.
    QByteArray cat = "<<";
    for (const DictEntry &e : catalog) {
        if (e.key != "Names" && e.key != "AF")
            cat += " /" + e.key + ' ' + e.value;
    }
    cat += " /Names <<";
    for (const DictEntry &e : names) {
        if (e.key != "EmbeddedFiles")
            cat += " /" + e.key + ' ' + e.value;
    }
    cat += " /EmbeddedFiles << /Names [";
    for (const auto &f : files)
        cat += ' ' + f.first + ' ' + f.second;
    cat += " ] >> >> /AF [";
    for (const QByteArray &v : af)
        cat += ' ' + v;
    cat += " ] >>";
    offsets.insert(rootNum, out.size());
    out += QByteArray::number(rootNum) + ' ' + QByteArray::number(rootGen) + " obj\n" + cat + "\nendobj\n";

    // New cross-reference section: one subsection per run of consecutive object numbers.
    const qint64 xrefOffset = out.size();
    out += "xref\n0 1\n0000000000 65535 f\r\n";
    const QList<int> nums = offsets.keys(); // sorted
    for (qsizetype i = 0; i < nums.size();) {
        qsizetype j = i;
        while (j + 1 < nums.size() && nums[j + 1] == nums[j] + 1)
            ++j;
        out += QByteArray::number(nums[i]) + ' ' + QByteArray::number(j - i + 1) + '\n';
        for (qsizetype k = i; k <= j; ++k) {
            const int gen = nums[k] == rootNum ? rootGen : 0;
            out += QByteArray::number(offsets.value(nums[k])).rightJustified(10, '0') + ' ' +
                   QByteArray::number(gen).rightJustified(5, '0') + " n\r\n";
        }
        i = j + 1;
    }
    out += "trailer\n<< /Size " + QByteArray::number(specNum + 1) + " /Root " + QByteArray::number(rootNum) +
           ' ' + QByteArray::number(rootGen) + " R";
    for (const char *key : {"Info", "ID"}) {
        const QByteArray v = entryValue(m_trailer, key);
        if (!v.isEmpty())
            out += " /" + QByteArray(key) + ' ' + v;
    }
    out += " /Prev " + QByteArray::number(lastXref) + " >>\nstartxref\n" + QByteArray::number(xrefOffset) +
           "\n%%EOF\n";
    return out;
}

} // namespace

std::optional<QByteArray> PdfAttachmentWriter::addAttachment(const QByteArray &pdf,
                                                             const PdfAttachment &attachment, QString *error)
{
    Updater updater(pdf);
    return updater.run(attachment, error);
}

bool PdfAttachmentWriter::addAttachment(const QString &inputPath, const QString &outputPath,
                                        const PdfAttachment &attachment, QString *error)
{
    auto fail = [&](const QString &path, const QString &message) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), message);
        return false;
    };
    QFile in(inputPath);
    if (!in.open(QIODevice::ReadOnly))
        return fail(inputPath, in.errorString());
    const QByteArray pdf = in.readAll();
    in.close();
    if (pdf.isEmpty())
        return fail(inputPath, PDFW_TR("the file is empty"));
    QString message;
    const std::optional<QByteArray> updated = addAttachment(pdf, attachment, &message);
    if (!updated)
        return fail(inputPath, message);
    // QSaveFile: the original stays intact if writing fails half way (also when in == out).
    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(*updated) != updated->size() || !out.commit())
        return fail(outputPath, out.errorString());
    return true;
}

} // namespace einvoice

#include "pdftextlayout.h"

#include "popplerstring.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace einvoice {

namespace {

void silentPopplerErrors(const std::string &, void *) {}

/// "Mi琀琀e", "Posi琀椀onssumme": ligatures whose ToUnicode entries were written with their two
/// bytes swapped (Ghostscript's pdfwrite does that, and so every PDF printed through it): U+7400
/// is "t" (0x0074). Undone only inside words that have Latin letters as well, so that real CJK
/// text stays as it is.
QString unswapLigatures(const QString &w)
{
    auto swapped = [](QChar c) {
        const ushort u = c.unicode();
        return (u & 0xFF) == 0 && (u >> 8) >= 0x21 && (u >> 8) <= 0x7E;
    };
    const bool latin = std::any_of(w.begin(), w.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
    });
    if (!latin || std::none_of(w.begin(), w.end(), swapped))
        return w;
    QString out = w;
    for (QChar &c : out)
        if (swapped(c))
            c = QChar(ushort(c.unicode() >> 8));
    return out;
}

} // namespace

// Ligatures (fi, fl), full-width forms and no-break spaces become their plain letters so the
// label dictionaries and number parsers see ordinary text.
QString PdfTextLayout::cleanWord(const QString &input)
{
    const QString raw = unswapLigatures(input);
    // NFKC folds the ordinal indicators of "n.º" and "art.º" into plain letters; keep them.
    QString t, run;
    for (const QChar c : raw) {
        if (c == QChar(0x00BA) || c == QChar(0x00AA)) {
            t += run.normalized(QString::NormalizationForm_KC) + c;
            run.clear();
        } else {
            run += c;
        }
    }
    t += run.normalized(QString::NormalizationForm_KC);
    t.replace(QChar(0x00AD), QString()); // soft hyphen
    return t.trimmed();
}

namespace {

// Some producers kern inside words so that Poppler breaks them ("Liefer ant GmbH",
// "Ver käufer"). A real word space is about a quarter of the font size; a piece that follows
// a letter almost touching it and starts in lower case is the rest of the same word.
void mergeSplitWords(QList<TextWord> &words)
{
    for (int i = 1; i < words.size();) {
        TextWord &prev = words[i - 1];
        const TextWord &w = words[i];
        const double gap = w.box.left() - prev.box.right();
        const double h = std::min(prev.box.height(), w.box.height());
        const bool joinable = !prev.text.isEmpty() && !w.text.isEmpty() && prev.text.back().isLetter() &&
                              w.text.front().isLetter() && w.text.front().isLower();
        // Box heights differ between producers (font bounding box or ascent), so the gap is
        // also held against the letters' width: a word space is about as wide as half a letter.
        const double letter =
            (prev.box.width() + w.box.width()) / std::max<qsizetype>(1, prev.text.size() + w.text.size());
        if (joinable && gap > -0.1 * h && gap < std::min(0.17 * h, 0.4 * letter)) {
            prev.text += w.text;
            prev.box = prev.box.united(w.box);
            words.removeAt(i);
            continue;
        }
        ++i;
    }
}

/// A word's box on the page as displayed (@p shown), turned so that text running in
/// direction @p turn (poppler's quarter turns clockwise) runs left to right.
QRectF uprightBox(const QRectF &b, int turn, const QSizeF &shown)
{
    switch (turn) {
    case 1: // top to bottom
        return QRectF(b.y(), shown.width() - b.x() - b.width(), b.height(), b.width());
    case 2: // upside down
        return QRectF(shown.width() - b.x() - b.width(), shown.height() - b.y() - b.height(), b.width(),
                      b.height());
    case 3: // bottom to top
        return QRectF(shown.height() - b.y() - b.height(), b.x(), b.height(), b.width());
    default:
        return b;
    }
}

} // namespace

QString TextLine::text() const
{
    QStringList parts;
    for (const TextSegment &s : segments)
        parts << s.text;
    return parts.join(QStringLiteral("  "));
}

QList<TextLine> PdfTextLayout::buildLines(QList<TextWord> words)
{
    words.erase(std::remove_if(words.begin(), words.end(),
                               [](const TextWord &w) { return w.text.isEmpty() || w.box.height() <= 0; }),
                words.end());
    std::stable_sort(words.begin(), words.end(), [](const TextWord &a, const TextWord &b) {
        return a.box.center().y() < b.box.center().y();
    });
    // A word joins the line when it overlaps the line's first word vertically by half of the
    // smaller height: same baseline, tolerant of mixed font sizes and sub/superscripts.
    QList<TextLine> lines;
    for (const TextWord &w : words) {
        bool placed = false;
        for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 3; --i) {
            const QRectF &ref = lines[i].words.first().box;
            const double overlap = std::min(ref.bottom(), w.box.bottom()) - std::max(ref.top(), w.box.top());
            if (overlap >= 0.5 * std::min(ref.height(), w.box.height())) {
                lines[i].words.append(w);
                placed = true;
                break;
            }
        }
        if (!placed) {
            TextLine l;
            l.words.append(w);
            lines.append(l);
        }
    }
    for (TextLine &l : lines) {
        std::stable_sort(l.words.begin(), l.words.end(),
                         [](const TextWord &a, const TextWord &b) { return a.box.left() < b.box.left(); });
        mergeSplitWords(l.words);
        l.box = QRectF();
        for (const TextWord &w : l.words)
            l.box = l.box.isNull() ? w.box : l.box.united(w.box);
        // Segments break at gaps wider than a normal word space (about 0.3 em); column gaps
        // in printed invoices are several em wide.
        TextSegment cur;
        for (int i = 0; i < l.words.size(); ++i) {
            const TextWord &w = l.words[i];
            // "Name · Street · CVR 123": a bullet or bar between fields ends a segment like a
            // column gap does, so every field of a one-line footer is read on its own.
            static const QStringList separators = {QStringLiteral("·"), QStringLiteral("|"),
                                                   QStringLiteral("•"), QStringLiteral("‧"),
                                                   QStringLiteral("∙")};
            if (separators.contains(w.text)) {
                if (cur.wordCount > 0)
                    l.segments.append(cur);
                cur = TextSegment();
                continue;
            }
            if (cur.wordCount > 0) {
                const TextWord &prev = l.words[i - 1];
                const double gap = w.box.left() - prev.box.right();
                const double h = std::min(prev.box.height(), w.box.height());
                if (gap > 0.75 * h) {
                    l.segments.append(cur);
                    cur = TextSegment();
                }
            }
            if (cur.wordCount == 0) {
                cur.firstWord = i;
                cur.text = w.text;
                cur.box = w.box;
            } else {
                cur.text += QLatin1Char(' ') + w.text;
                cur.box = cur.box.united(w.box);
            }
            ++cur.wordCount;
        }
        if (cur.wordCount > 0)
            l.segments.append(cur);
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const TextLine &a, const TextLine &b) { return a.box.top() < b.box.top(); });
    return lines;
}

PdfTextLayout PdfTextLayout::fromWords(const QList<QList<TextWord>> &pages, const QList<QSizeF> &sizes)
{
    PdfWords words;
    words.pageCountInFile = int(pages.size());
    words.pages = pages;
    words.sizes = sizes;
    return fromWords(words);
}

PdfTextLayout PdfTextLayout::fromWords(const PdfWords &words)
{
    PdfTextLayout layout;
    layout.m_pageCountInFile = words.pageCountInFile;
    if (words.status != TextLayerStatus::Ok) {
        layout.m_status = words.status;
        layout.m_message = words.message;
        return layout;
    }
    for (int i = 0; i < words.pages.size(); ++i) {
        TextPage p;
        p.index = i;
        p.size = i < words.sizes.size() ? words.sizes[i] : QSizeF(595, 842);
        p.lines = buildLines(words.pages[i]);
        layout.m_pages.append(p);
    }
    layout.classify();
    return layout;
}

PdfTextLayout PdfTextLayout::load(const QString &path, int maxPages)
{
    return fromWords(readWords(path, maxPages));
}

PdfWords PdfTextLayout::readWords(const QString &path, int maxPages)
{
    PdfWords layout;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        layout.status = TextLayerStatus::NotReadable;
        layout.message = QStringLiteral("The file cannot be opened.");
        return layout;
    }
    const QByteArray head = f.read(1024);
    f.close();
    if (!head.contains("%PDF-")) {
        layout.status = TextLayerStatus::NotReadable;
        layout.message = head.isEmpty() ? QStringLiteral("The file is empty.")
                                        : QStringLiteral("The file is not a PDF document.");
        return layout;
    }
    poppler::set_debug_error_function(silentPopplerErrors, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_file(QFile::encodeName(path).toStdString()));
    if (!doc) {
        layout.status = TextLayerStatus::NotReadable;
        layout.message = QStringLiteral("The PDF is damaged or truncated and cannot be read.");
        return layout;
    }
    if (doc->is_locked()) {
        layout.status = TextLayerStatus::Encrypted;
        layout.message = QStringLiteral("The PDF is protected by a password.");
        return layout;
    }
    return readWords(*doc, maxPages);
}

PdfWords PdfTextLayout::readWords(const poppler::document &document, int maxPages)
{
    const poppler::document *doc = &document;
    PdfWords layout;
    layout.pageCountInFile = doc->pages();
    const int n = std::min(layout.pageCountInFile, maxPages);
    for (int i = 0; i < n; ++i) {
        std::unique_ptr<poppler::page> pg(doc->create_page(i));
        QSizeF size;
        QList<TextWord> words;
        if (!pg) {
            layout.pages.append(words);
            layout.sizes.append(size);
            continue;
        }
        const poppler::rectf r = pg->page_rect(poppler::media_box);
        size = QSizeF(r.width(), r.height());
        if (pg->orientation() == poppler::page::landscape || pg->orientation() == poppler::page::seascape)
            size.transpose();
        const std::vector<poppler::text_box> boxes = pg->text_list();
        // Text drawn sideways or upside down on the page as displayed (a portrait invoice on a
        // page turned by /Rotate, a scan fed the wrong way): the words are read in the
        // direction most of the text runs, so lines and columns come out as printed.
        int turn = 0;
        {
            std::array<qsizetype, 4> letters{};
            for (const poppler::text_box &tb : boxes)
                letters[std::clamp(tb.rotation(), 0, 3)] += qsizetype(tb.text().size());
            turn = int(std::max_element(letters.begin(), letters.end()) - letters.begin());
        }
        const QSizeF shown = size;
        if (turn == 1 || turn == 3)
            size.transpose();
        for (const poppler::text_box &tb : boxes) {
            const poppler::rectf b = tb.bbox();
            TextWord w{cleanWord(fromUstring(tb.text())),
                       uprightBox(QRectF(b.x(), b.y(), b.width(), b.height()), turn, shown)};
            // Some producers put several words into one box separated by spaces; split them
            // evenly so segments still break at real gaps.
            const QStringList parts = w.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() <= 1) {
                words.append(w);
                continue;
            }
            const double per = w.box.width() / std::max<qsizetype>(1, w.text.size());
            double x = w.box.left();
            for (const QString &part : parts) {
                words.append(TextWord{part, QRectF(x, w.box.top(), per * part.size(), w.box.height())});
                x += per * (part.size() + 1);
            }
        }
        layout.pages.append(words);
        layout.sizes.append(size);
    }
    return layout;
}

void PdfTextLayout::classify()
{
    qsizetype total = 0, good = 0, bad = 0;
    for (const TextPage &p : m_pages)
        for (const TextLine &l : p.lines)
            for (const TextWord &w : l.words)
                for (QChar c : w.text) {
                    ++total;
                    if (c.isLetterOrNumber())
                        ++good;
                    const auto cat = c.category();
                    if (c == QChar(0xFFFD) || cat == QChar::Other_Control || cat == QChar::Other_PrivateUse ||
                        cat == QChar::Other_NotAssigned)
                        ++bad;
                }
    if (m_status != TextLayerStatus::Ok)
        return;
    if (total < 20) {
        m_status = TextLayerStatus::NoText;
        m_message = QStringLiteral("The PDF has no text layer (it looks like a scan or an image); "
                                   "it cannot be read without OCR.");
    } else if (bad * 5 > total || good * 2 < total) {
        // Fonts without a Unicode mapping give replacement, private-use or punctuation soup.
        m_status = TextLayerStatus::Garbage;
        m_message =
            QStringLiteral("The PDF's text layer is unreadable (its fonts carry no Unicode mapping).");
    }
}

QString PdfTextLayout::plainText() const
{
    QStringList out;
    for (const TextPage &p : m_pages) {
        QStringList lines;
        for (const TextLine &l : p.lines)
            lines << l.text();
        out << lines.join(QLatin1Char('\n'));
    }
    return out.join(QStringLiteral("\n\f"));
}

} // namespace einvoice

#include "textinvoicereader.h"

#include "dateparser.h"
#include "identifiers.h"
#include "invoicetitle.h"
#include "labeldictionary.h"
#include "layouttemplate.h"
#include "legalform.h"
#include "numberparser.h"
#include "pdfreader.h"
#include "texttable.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace einvoice {

namespace {

constexpr double kConfident = 0.8;

struct SegRef
{
    int page = -1;
    int line = -1;
    int seg = -1;
    bool isValid() const { return page >= 0; }
};

struct LabelHit
{
    LabelKind kind;
    SegRef ref;
    int specificity = 0;
    QStringList labelTokens;
    QString remainder; // words of the segment after the label
    QRectF remainderBox;
};

/// A possible value for a field with where it was found and how much it is trusted.
struct Candidate
{
    QString text;
    int page = -1;
    QRectF box;
    double score = 0;
};

struct AmountCandidate
{
    Decimal value;
    int page = -1;
    QRectF box;
    double score = 0;
    FieldSource source = FieldSource::Label;
};

struct FoundId
{
    QString value;   // as printed, white space removed
    QString orgPart; // the org number inside a VAT id ("NO 923 456 789 MVA"), when any
    int page = -1;
    QRectF box;
    double score = 0;
    bool buyerHint = false;
    bool vat = true;
};

// ---- check digits for VAT ids that identifiers.h does not cover ----

bool germanVatOk(const QString &d)
{
    if (d.size() != 9)
        return false;
    int product = 10;
    for (int i = 0; i < 8; ++i) {
        int sum = (d[i].digitValue() + product) % 10;
        if (sum == 0)
            sum = 10;
        product = (2 * sum) % 11;
    }
    int check = 11 - product;
    if (check == 10)
        check = 0;
    return check == d[8].digitValue();
}

bool portugueseNifOk(const QString &d)
{
    if (d.size() != 9)
        return false;
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += d[i].digitValue() * (9 - i);
    int check = 11 - sum % 11;
    if (check >= 10)
        check = 0;
    return check == d[8].digitValue();
}

bool frenchVatOk(const QString &key, const QString &siren)
{
    bool ok = false;
    const int k = key.toInt(&ok);
    if (!ok)
        return true; // alphanumeric keys of newer numbers: format only
    return k == int((12 + 3 * (siren.toLongLong() % 97)) % 97);
}

/// "810433941B01": the nine digits pass the old eleven-test of the fiscal number, or (numbers
/// issued to sole traders since 2020) the whole id "NL...B.." passes ISO 7064 mod 97.
bool dutchVatOk(const QString &body)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{9})B(\\d{2})$"));
    const auto m = re.match(body);
    if (!m.hasMatch())
        return false;
    const QString d = m.captured(1);
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += d[i].digitValue() * (9 - i);
    if (sum % 11 == d[8].digitValue())
        return true;
    // Letters count as 10 + their place in the alphabet: N = 23, L = 21, B = 11.
    const QString numeric = QStringLiteral("2321") + d + QStringLiteral("11") + m.captured(2);
    int rest = 0;
    for (const QChar c : numeric)
        rest = (rest * 10 + c.digitValue()) % 97;
    return rest == 1;
}

/// Checks a compact VAT id ("DE123456789", "NO923456789MVA", "923456789MVA"). Returns 1 for a
/// valid check digit, 0 for a format without a known checksum, -1 for a failed check.
int vatCheck(const QString &id)
{
    const QString cc = id.left(2);
    const QString body = id.mid(2);
    if (cc == QLatin1String("DE"))
        return germanVatOk(body) ? 1 : -1;
    if (cc == QLatin1String("SE"))
        return body.size() == 12 && body.endsWith(QLatin1String("01")) &&
                       identifiers::isValidSwedishOrgNumber(body.left(10))
                   ? 1
                   : -1;
    if (cc == QLatin1String("NO"))
        return identifiers::isValidNorwegianOrgNumber(body.left(9)) ? 1 : -1;
    if (id.endsWith(QLatin1String("MVA")) && id.size() == 12)
        return identifiers::isValidNorwegianOrgNumber(id.left(9)) ? 1 : -1;
    if (cc == QLatin1String("FI"))
        return identifiers::isValidFinnishBusinessId(body) ? 1 : -1;
    if (cc == QLatin1String("PT"))
        return portugueseNifOk(body) ? 1 : -1;
    if (cc == QLatin1String("IT"))
        return identifiers::luhnValid(body) ? 1 : -1;
    if (cc == QLatin1String("BE"))
        return identifiers::isValidBelgianEnterpriseNumber(body.rightJustified(10, QLatin1Char('0'))) ? 1
                                                                                                      : -1;
    if (cc == QLatin1String("FR"))
        return frenchVatOk(body.left(2), body.mid(2)) ? 1 : -1;
    if (cc == QLatin1String("NL"))
        return dutchVatOk(body) ? 1 : -1;
    return 0;
}

const QRegularExpression &vatPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<![A-Za-z0-9])("
        "ATU\\s?\\d{8}|BE\\s?[01]?\\d{3}[.\\s]?\\d{3}[.\\s]?\\d{3}|DE\\s?\\d{3}\\s?\\d{3}\\s?\\d{3}|"
        "DK\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}|FI\\s?\\d{8}|FR\\s?[0-9A-Z]{2}\\s?\\d{3}\\s?\\d{3}\\s?"
        "\\d{3}|"
        "NL\\s?\\d{9}\\s?B\\s?\\d{2}|SE\\s?\\d{6}-?\\d{4}\\s?01|(?:NO\\s?)?\\d{3}\\s?\\d{3}\\s?\\d{3}\\s?MVA|"
        "PT\\s?\\d{9}|ES\\s?[0-9A-Z]\\d{7}[0-9A-Z]|IT\\s?\\d{11}|GB\\s?\\d{9}|PL\\s?\\d{10}|LU\\s?\\d{8}|"
        "EL\\s?\\d{9}|CHE[-\\s]?\\d{3}\\.?\\d{3}\\.?\\d{3}(?:\\s?(?:MWST|TVA|IVA))?"
        ")(?![A-Za-z0-9])"));
    return re;
}

QString compact(QString s)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return s.remove(ws);
}

const QRegularExpression &salutationPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(exmo|exma|exmos|exmas|attn|att\\.|c/o|sr\\.|sra\\.|to:?$|an:?$|à:?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

/// "Flugzeugallee 17", "Bygdøy Allé 9A", "Rua Direita, 107": a street line, never a party name.
bool streetLike(const QString &t)
{
    static const QRegularExpression re(
        QStringLiteral("^[\\p{L}][\\p{L}.' "
                       "-]{2,40},?\\s\\d{1,4}\\s?[A-Za-z]?(?:[,.]?\\s?\\d{0,3}\\.?\\s?\\p{L}{0,3}\\.?)?$"),
        QRegularExpression::UseUnicodePropertiesOption);
    // A house number is required: most lines have none and need no pattern match.
    if (std::none_of(t.cbegin(), t.cend(), [](QChar c) { return c.isDigit(); }))
        return false;
    return re.match(t.trimmed()).hasMatch();
}

/// "AI", "LA": a logo made of a company's initials.
bool isInitials(const QString &t)
{
    const QString s = t.trimmed();
    return s.size() >= 2 && s.size() <= 3 &&
           std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.category() == QChar::Letter_Uppercase; });
}

/// The initials of the words of a name ("Aarhus Isenkram I/S" -> "AII", "AI" matches its prefix).
bool initialsMatch(const QString &initials, const QString &name)
{
    QString first;
    for (const QString &w : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (w[0].isLetter())
            first += w[0].toUpper();
    return initials.size() >= 2 && first.startsWith(initials.trimmed());
}

bool hasDigit(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

int letterCount(const QString &s)
{
    return int(std::count_if(s.begin(), s.end(), [](QChar c) { return c.isLetter(); }));
}

QString stripPunctuation(QString s)
{
    s = s.trimmed();
    // A leading minus before a digit is a sign ("-15064,30"), not a dash.
    while (!s.isEmpty() &&
           (s[0] == QLatin1Char(':') || s[0] == QLatin1Char('#') ||
            ((s[0] == QLatin1Char('-') || s[0] == QChar(0x2013)) && !(s.size() > 1 && s[1].isDigit()))))
        s = s.mid(1).trimmed();
    return s;
}

/// Everything the reader works out for one document.
class Reader
{
public:
    Reader(const PdfTextLayout &layout, const LayoutTemplate *layoutTemplate)
        : m_layout(layout), m_template(layoutTemplate)
    {
    }
    void run(ExtractionResult &r);

private:
    const TextPage &page(int p) const { return m_layout.pages()[p]; }
    const TextLine &line(const SegRef &s) const { return page(s.page).lines[s.line]; }
    const TextSegment &seg(const SegRef &s) const { return line(s).segments[s.seg]; }
    QStringList wordsOf(const SegRef &s, int from = 0) const;
    bool isLabelSegment(const SegRef &s) const;
    bool isBlockHeading(const SegRef &s) const;
    bool labelSpansSegments(const SegRef &s) const;
    bool isLabelWithValue(const SegRef &s) const;
    bool isValueOfLabelBefore(const SegRef &s, LabelKind kind) const;

    void collectHits();
    QStringList wordsDirectlyBelow(const SegRef &s) const;
    bool hasInitialsLogo(int page, int line, const QRectF &box, const QString &name) const;
    QString legalFormTailBelow(int page, int line, const QRectF &box) const;
    bool printedAgain(int page, int line, const QString &text) const;
    bool ownIdBelow(int page, int line, const QRectF &box) const;
    std::optional<Decimal> singleRateFor(const Decimal &net, const Decimal &vat) const;
    QList<Candidate> valuesFor(const LabelHit &h, bool allowBelow = true) const;
    QString idFrom(const QString &text) const;
    std::optional<Decimal> amountFrom(const QString &text) const;

    void readNumberAndDates(ExtractionResult &r);
    void readReferences(ExtractionResult &r);
    void readTotals(ExtractionResult &r);
    void readBreakdown();
    void readParties(ExtractionResult &r);
    void readIds(ExtractionResult &r);
    void readPayment(ExtractionResult &r);
    void readCurrency(ExtractionResult &r);
    void readLines(ExtractionResult &r);
    bool documentAllowancesFromLines(Invoice &inv);
    void decideReadiness(ExtractionResult &r);

    void setEvidence(ExtractionResult &r, const QString &field, double confidence, int pageIndex,
                     const QRectF &box, FieldSource source = FieldSource::Label)
    {
        r.evidence.insert(field, FieldEvidence{std::min(confidence, 0.99), source, pageIndex, box});
    }

    const PdfTextLayout &m_layout;
    NumberParser m_numbers;
    DateParser m_dates;
    QList<LabelHit> m_hits;
    QList<VatBreakdown> m_breakdown;
    bool m_totalsConsistent = false;
    const LayoutTemplate *m_template = nullptr;
    bool m_creditNote = false;
    bool m_invoiceTitle = false; // the page calls itself an invoice (not a credit note)
    bool m_linesAddUp = false;
    SegRef m_sellerName, m_buyerName;
    QString m_ibanCountry;
};

QStringList Reader::wordsOf(const SegRef &s, int from) const
{
    const TextLine &l = line(s);
    const TextSegment &sg = seg(s);
    QStringList out;
    for (int i = sg.firstWord + from; i < sg.firstWord + sg.wordCount; ++i)
        out << l.words[i].text;
    return out;
}

bool Reader::isLabelSegment(const SegRef &s) const
{
    const QStringList words = wordsOf(s);
    const auto m = LabelDictionary::instance().matchStart(words);
    if (!m)
        return false;
    // A block heading or "Name" only counts alone or with a colon: "Lieferant GmbH" is a name.
    const bool weak = m->kind == LabelKind::SellerBlock || m->kind == LabelKind::BuyerBlock ||
                      m->kind == LabelKind::DeliveryBlock || m->kind == LabelKind::Name;
    if (weak)
        return m->wordCount == words.size() || words[m->wordCount - 1].endsWith(QLatin1Char(':'));
    return m->wordCount == words.size() || words.last().endsWith(QLatin1Char(':')) || m->specificity >= 5;
}

/// Whether a logo of the name's initials sits just above the name (a common letterhead).
bool Reader::hasInitialsLogo(int p, int l, const QRectF &box, const QString &name) const
{
    const TextPage &pg = page(p);
    for (int i = std::max(0, l - 3); i < l; ++i)
        for (const TextSegment &s : pg.lines[i].segments)
            if (isInitials(s.text) && initialsMatch(s.text, name) &&
                box.top() - s.box.bottom() < 4 * box.height() && s.box.right() > box.left() - box.height() &&
                s.box.left() < box.right() + box.height())
                return true;
    return false;
}

/// The words of a short segment that continues @p s on the next line, left-aligned with it.
QStringList Reader::wordsDirectlyBelow(const SegRef &s) const
{
    const TextPage &pg = page(s.page);
    if (s.line + 1 >= pg.lines.size())
        return {};
    const QRectF box = seg(s).box;
    const TextLine &next = pg.lines[s.line + 1];
    for (int i = 0; i < next.segments.size(); ++i) {
        const TextSegment &n = next.segments[i];
        if (std::abs(n.box.left() - box.left()) < 2 && n.box.top() - box.bottom() < 0.6 * box.height() &&
            n.wordCount <= 2 && !hasDigit(n.text))
            return wordsOf(SegRef{s.page, s.line + 1, i});
    }
    return {};
}

/// Whether @p text is printed on another line of the document as well.
bool Reader::printedAgain(int p, int l, const QString &text) const
{
    const QString needle = text.trimmed().toLower();
    if (needle.size() < 4)
        return false;
    for (int pi = 0; pi < m_layout.pages().size(); ++pi)
        for (int li = 0; li < page(pi).lines.size(); ++li)
            if ((pi != p || li != l) && page(pi).lines[li].text().toLower().contains(needle))
                return true;
    return false;
}

/// Whether an org number or VAT id label sits in the block under a name (the sender's letterhead).
bool Reader::ownIdBelow(int p, int l, const QRectF &box) const
{
    const TextPage &pg = page(p);
    for (int li = l + 1; li < pg.lines.size() && li <= l + 6; ++li)
        for (int si = 0; si < pg.lines[li].segments.size(); ++si) {
            const TextSegment &sg = pg.lines[li].segments[si];
            if (std::abs(sg.box.left() - box.left()) > 2 * box.height())
                continue;
            const QStringList words = wordsOf(SegRef{p, li, si});
            const auto m = LabelDictionary::instance().matchStart(words);
            if (!m || (m->kind != LabelKind::OrgNumber && m->kind != LabelKind::VatNumber))
                continue;
            // "Ert momsreg.nr", "V/ N.º Contrib.": the customer's number, not the sender's.
            static const QSet<QString> customer = {
                QStringLiteral("v"),        QStringLiteral("ert"),      QStringLiteral("er"),
                QStringLiteral("kundens"),  QStringLiteral("deres"),    QStringLiteral("jeres"),
                QStringLiteral("your"),     QStringLiteral("ihre"),     QStringLiteral("votre"),
                QStringLiteral("customer"), QStringLiteral("client"),   QStringLiteral("kunde"),
                QStringLiteral("buyer"),    QStringLiteral("asiakkaan")};
            bool theirs = false;
            for (int i = 0; i < m->wordCount && !theirs; ++i)
                for (const QString &t : LabelDictionary::normalizeWord(words[i]))
                    theirs = theirs || customer.contains(t);
            if (!theirs)
                return true;
        }
    return false;
}

/// "AB" alone on the line under a name, left-aligned with it: the name's wrapped legal form.
QString Reader::legalFormTailBelow(int p, int l, const QRectF &box) const
{
    const TextPage &pg = page(p);
    if (l + 1 >= pg.lines.size())
        return {};
    for (const TextSegment &n : pg.lines[l + 1].segments) {
        const QString t = n.text.trimmed();
        if (std::abs(n.box.left() - box.left()) < 2 && n.box.top() - box.bottom() < 0.6 * box.height() &&
            !t.contains(QLatin1Char(' ')) && letterCount(t) <= 5 && LegalForm::endsIn(QLatin1Char(' ') + t))
            return t;
    }
    return {};
}

/// The one printed percentage that turns @p net into @p vat (to the cent), if exactly one does.
std::optional<Decimal> Reader::singleRateFor(const Decimal &net, const Decimal &vat) const
{
    std::optional<Decimal> found;
    for (const TextPage &pg : m_layout.pages())
        for (const TextLine &l : pg.lines)
            for (const FoundNumber &n : m_numbers.findAll(l.text())) {
                if (!n.percent || n.value.signum() <= 0 || n.value > Decimal(30))
                    continue;
                const Decimal expect = (net.abs() * n.value).divided(Decimal(100), 2);
                if ((expect - vat.abs()).abs() > Decimal::fromString(QStringLiteral("0.01")))
                    continue;
                const Decimal rate = n.value.withScale(std::max(2, n.value.fractionDigits()));
                if (found && *found != rate)
                    return std::nullopt;
                found = rate;
            }
    return found;
}

bool Reader::labelSpansSegments(const SegRef &s) const
{
    const TextLine &l = line(s);
    if (s.seg + 1 >= l.segments.size())
        return false;
    const TextSegment &sg = seg(s);
    QStringList words = wordsOf(s);
    const int own = int(words.size());
    for (int i = l.segments[s.seg + 1].firstWord;
         i < l.segments[s.seg + 1].firstWord + l.segments[s.seg + 1].wordCount; ++i)
        words << l.words[i].text;
    const auto m = LabelDictionary::instance().matchStart(words);
    return m && m->wordCount > own && sg.wordCount <= 2 && m->kind != LabelKind::SellerBlock &&
           m->kind != LabelKind::BuyerBlock && m->kind != LabelKind::Name;
}

bool Reader::isBlockHeading(const SegRef &s) const
{
    const auto m = LabelDictionary::instance().matchStart(wordsOf(s));
    return m && (m->kind == LabelKind::SellerBlock || m->kind == LabelKind::BuyerBlock ||
                 m->kind == LabelKind::DeliveryBlock);
}

bool Reader::isLabelWithValue(const SegRef &s) const
{
    const QStringList words = wordsOf(s);
    const auto m = LabelDictionary::instance().matchStart(words);
    if (!m)
        return false;
    if (m->wordCount < words.size())
        return !stripPunctuation(words.mid(m->wordCount).join(QLatin1Char(' '))).isEmpty();
    const TextLine &l = line(s);
    return s.seg + 1 < l.segments.size();
}

/// "Referenz des Käufers:   Kundenref. BT-10": a segment right of a bare label that ends in a
/// colon is that label's value, even when it starts with a label of the same kind itself.
bool Reader::isValueOfLabelBefore(const SegRef &s, LabelKind kind) const
{
    if (s.seg == 0)
        return false;
    const SegRef before{s.page, s.line, s.seg - 1};
    const QStringList words = wordsOf(before);
    const auto m = LabelDictionary::instance().matchStart(words);
    return m && m->kind == kind && m->wordCount == words.size() && words.last().endsWith(QLatin1Char(':'));
}

void Reader::collectHits()
{
    const LabelDictionary &dict = LabelDictionary::instance();
    for (int p = 0; p < m_layout.pages().size(); ++p) {
        const TextPage &pg = page(p);
        for (int l = 0; l < pg.lines.size(); ++l) {
            const TextLine &ln = pg.lines[l];
            for (int s = 0; s < ln.segments.size(); ++s) {
                const SegRef ref{p, l, s};
                const QStringList words = wordsOf(ref);
                auto m = dict.matchStart(words);
                if (!m) {
                    // A label broken over two lines ("Hyvityslaskun" over "nro"): the value
                    // is still right of its first line.
                    const QStringList below = wordsDirectlyBelow(ref);
                    if (!below.isEmpty()) {
                        const auto joined = dict.matchStart(words + below);
                        if (joined && joined->wordCount == words.size() + below.size())
                            m = LabelMatch{joined->kind, int(words.size()), joined->specificity};
                    }
                    // Hyphenated at the break ("Rechnungs-" over "nummer", "Förfallo-" over
                    // "datum"): the halves make one word.
                    if (!m && !below.isEmpty() && !words.isEmpty() && words.last().size() > 2 &&
                        words.last().endsWith(QLatin1Char('-')) &&
                        words.last().at(words.last().size() - 2).isLetter() && !below.first().isEmpty() &&
                        below.first().at(0).isLower()) {
                        QStringList glued = words;
                        glued.last() = glued.last().chopped(1) + below.first();
                        glued += below.mid(1);
                        const auto joined = dict.matchStart(glued);
                        if (joined && joined->wordCount == glued.size())
                            m = LabelMatch{joined->kind, int(words.size()), joined->specificity};
                    }
                }
                // "Referenz  des  Käufers": a justified line spreads a label over segments only
                // a little further apart than words (up to three). The label ends in the last.
                {
                    QStringList all = words, bestAll;
                    std::optional<LabelMatch> best;
                    int bestLast = s;
                    for (int k = s + 1; k < ln.segments.size() && k <= s + 2; ++k) {
                        if (ln.segments[k].box.left() - ln.segments[k - 1].box.right() >=
                            ln.segments[k - 1].box.height())
                            break;
                        const int before = int(all.size());
                        all += wordsOf(SegRef{p, l, k});
                        const auto joined = dict.matchStart(all);
                        if (joined && joined->wordCount > before &&
                            (!m || joined->specificity > m->specificity) &&
                            (!best || joined->specificity > best->specificity)) {
                            best = joined;
                            bestLast = k;
                            bestAll = all;
                        }
                    }
                    if (best) {
                        LabelHit h{best->kind, SegRef{p, l, bestLast}, best->specificity, {}, {}, {}};
                        for (int i = 0; i < best->wordCount; ++i)
                            h.labelTokens << LabelDictionary::normalizeWord(bestAll[i]);
                        h.remainder = stripPunctuation(bestAll.mid(best->wordCount).join(QLatin1Char(' ')));
                        if (!h.remainder.isEmpty())
                            h.remainderBox = ln.segments[bestLast].box;
                        m_hits.append(h);
                        s = bestLast; // the following segments are part of this label
                        continue;
                    }
                }
                if (!m || isValueOfLabelBefore(ref, m->kind))
                    continue;
                LabelHit h{m->kind, ref, m->specificity, {}, {}, {}};
                for (int i = 0; i < m->wordCount; ++i)
                    h.labelTokens << LabelDictionary::normalizeWord(words[i]);
                const TextSegment &sg = ln.segments[s];
                QStringList rest = words.mid(m->wordCount);
                h.remainder = stripPunctuation(rest.join(QLatin1Char(' ')));
                if (!h.remainder.isEmpty()) {
                    QRectF box;
                    for (int i = sg.firstWord + m->wordCount; i < sg.firstWord + sg.wordCount; ++i)
                        box = box.isNull() ? ln.words[i].box : box.united(ln.words[i].box);
                    h.remainderBox = box;
                }
                m_hits.append(h);
            }
        }
    }
}

QList<Candidate> Reader::valuesFor(const LabelHit &h, bool allowBelow) const
{
    QList<Candidate> out;
    const TextPage &pg = page(h.ref.page);
    const TextLine &ln = line(h.ref);
    const TextSegment &sg = seg(h.ref);
    if (!h.remainder.isEmpty())
        out.append(Candidate{h.remainder, h.ref.page, h.remainderBox, 0.85});
    // Right of the label, on the same line: the usual "Label    value" layout. A second
    // segment is looked at when the first is only a rate or a currency.
    int taken = 0;
    for (int s = h.ref.seg + 1; s < ln.segments.size() && taken < 3; ++s) {
        const SegRef ref{h.ref.page, h.ref.line, s};
        const TextSegment &n = ln.segments[s];
        const QString t = stripPunctuation(n.text);
        if (t.isEmpty())
            continue;
        if (isLabelSegment(ref) && !(taken == 0 && isValueOfLabelBefore(ref, h.kind)))
            break;
        const double gap = n.box.left() - sg.box.right();
        const double score = (gap < pg.size.width() * 0.4 ? 0.9 : 0.75) - 0.08 * taken;
        if (taken == 0 && (h.kind == LabelKind::BuyerReference || h.kind == LabelKind::OrderReference)) {
            // A free-text reference spread over segments by a justified line
            // ("05 158  004 - 11023  - 45"): the pieces stand about a word space apart.
            QString joined = t;
            QRectF box = n.box;
            for (int k = s + 1; k < ln.segments.size(); ++k) {
                const TextSegment &more = ln.segments[k];
                if (more.box.left() - box.right() >= more.box.height() ||
                    isLabelSegment(SegRef{h.ref.page, h.ref.line, k}))
                    break;
                joined += QLatin1Char(' ') + more.text;
                box = box.united(more.box);
            }
            if (joined != t) {
                out.append(Candidate{stripPunctuation(joined), h.ref.page, box, score});
                ++taken;
                continue;
            }
        }
        out.append(Candidate{t, h.ref.page, n.box, score});
        ++taken;
    }
    if (!allowBelow)
        return out;
    // Below the label, in the same column: "Label" over "value" (table-like headers).
    const double h0 = std::max(4.0, sg.box.height());
    const QRectF column = sg.box.adjusted(-h0, 0, h0 * 2, 0);
    for (int l = h.ref.line + 1; l < pg.lines.size() && l <= h.ref.line + 3; ++l) {
        const TextLine &bl = pg.lines[l];
        if (bl.box.top() - sg.box.bottom() > 3.5 * h0)
            break;
        // Of the segments reaching into the column, the one most under the label: a long text
        // left of it may just touch the column ("... 01.03.2025 ohne   31.03.2025").
        int best = -1;
        double bestOverlap = -1e9;
        for (int s = 0; s < bl.segments.size(); ++s) {
            const TextSegment &bs = bl.segments[s];
            if (bs.box.right() < column.left() || bs.box.left() > column.right())
                continue;
            const double overlap =
                std::min(bs.box.right(), sg.box.right()) - std::max(bs.box.left(), sg.box.left());
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = s;
            }
        }
        if (best >= 0) {
            const TextSegment &bs = bl.segments[best];
            if (isLabelSegment(SegRef{h.ref.page, l, best}))
                return out; // labels stacked in a column: the value is not below
            out.append(
                Candidate{stripPunctuation(bs.text), h.ref.page, bs.box, 0.78 - 0.06 * (l - h.ref.line - 1)});
            return out;
        }
    }
    return out;
}

QString Reader::idFrom(const QString &text) const
{
    QStringList toks = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    static const QSet<QString> fillers = {
        QStringLiteral("nr"), QStringLiteral("no"),     QStringLiteral("#"),      QStringLiteral(":"),
        QStringLiteral("n"),  QStringLiteral("number"), QStringLiteral("nummer"), QStringLiteral("-")};
    while (!toks.isEmpty() &&
           fillers.contains(LabelDictionary::normalizeWord(toks.first()).join(QString()))) {
        if (toks.first() == QLatin1String(":") || LabelDictionary::normalizeWord(toks.first()).isEmpty() ||
            fillers.contains(LabelDictionary::normalizeWord(toks.first()).join(QString())))
            toks.removeFirst();
    }
    while (!toks.isEmpty() && LabelDictionary::normalizeWord(toks.first()).isEmpty())
        toks.removeFirst();
    if (toks.isEmpty())
        return {};
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9/_.\\-]*$"));
    static const QRegularExpression prefixRe(QStringLiteral("^[A-Z]{1,4}$"));
    auto clean = [](QString t) {
        while (!t.isEmpty() && QStringLiteral(",;.:").contains(t.back()))
            t.chop(1);
        return t;
    };
    QString first = clean(toks[0]);
    if (toks.size() >= 2 && prefixRe.match(first).hasMatch()) {
        const QString second = clean(toks[1]);
        if (hasDigit(second) && idRe.match(second).hasMatch())
            return first + QLatin1Char(' ') + second;
    }
    if (!hasDigit(first) || !idRe.match(first).hasMatch() || first.size() > 30)
        return {};
    if (m_dates.parse(first).isValid())
        return {};
    static const QRegularExpression amountLike(QStringLiteral("^\\d{1,3}([.,]\\d{3})*[.,]\\d{2}$"));
    if (amountLike.match(first).hasMatch())
        return {};
    return first;
}

std::optional<Decimal> Reader::amountFrom(const QString &text) const
{
    const auto dates = m_dates.findAll(text);
    const auto nums = m_numbers.findAll(text);
    std::optional<Decimal> best;
    bool bestDec = false;
    for (const FoundNumber &n : nums) {
        if (n.percent)
            continue;
        const bool inDate = std::any_of(dates.begin(), dates.end(), [&](const FoundDate &d) {
            return n.start < d.start + d.length && d.start < n.start + n.length;
        });
        if (inDate)
            continue;
        // The last amount with decimals wins: "25% af 4.411,52  1.102,88" ends with the value.
        if (n.hasDecimals || !bestDec) {
            best = n.value;
            bestDec = n.hasDecimals;
        }
    }
    if (best && !bestDec && best->abs() > Decimal(9999999))
        return std::nullopt; // a long number without decimals is an account or a reference
    return best;
}

void Reader::readNumberAndDates(ExtractionResult &r)
{
    Invoice &inv = r.invoice;
    // Invoice number.
    Candidate bestNo;
    for (const LabelHit &h : m_hits) {
        if (h.kind != LabelKind::InvoiceNumber)
            continue;
        for (const Candidate &c : valuesFor(h)) {
            const QString id = idFrom(c.text);
            if (id.isEmpty())
                continue;
            double score = c.score * (h.specificity >= 6 ? 1.0 : 0.93) - 0.02 * h.ref.page;
            // A receipt's booking id stands in for an invoice number only when there is none,
            // and never confidently.
            if (h.labelTokens.contains(QStringLiteral("booking")))
                score *= 0.7;
            if (score > bestNo.score)
                bestNo = Candidate{id, c.page, c.box, score};
            break;
        }
    }
    // "Rechnung Nr. 471102 vom 05.03.2018", "Teilrechnung Bau (875) Nr. 210111 vom ...",
    // "Invoice #123": a title followed by the number, the date possibly on the next line.
    Candidate titleDate;
    bool titleSeen = false;
    for (int p = 0; p < m_layout.pages().size() && !titleSeen; ++p) {
        const TextPage &pg = page(p);
        for (int l = 0; l < pg.lines.size() && !titleSeen; ++l) {
            const QList<TextSegment> &segs = pg.lines[l].segments;
            for (int si = 0; si < segs.size(); ++si) {
                TextSegment sg = segs[si];
                std::optional<InvoiceTitle> t = matchInvoiceTitle(sg.text);
                // "Kreditnota        5326721-2": the title alone, its number in the next column.
                if (!t && si + 1 < segs.size() && !hasDigit(sg.text) && sg.wordCount <= 3) {
                    t = matchInvoiceTitle(sg.text + QLatin1Char(' ') + segs[si + 1].text);
                    if (t)
                        sg.box = sg.box.united(segs[si + 1].box);
                }
                if (!t)
                    continue;
                const QString id = idFrom(t->number);
                if (id.isEmpty())
                    continue;
                titleSeen = true;
                if (t->creditNote)
                    m_creditNote = true;
                else
                    m_invoiceTitle = true;
                // A title with its number ("Kreditnota   5326721-2") outweighs a column title
                // with a number below it (the credited invoice in a line table).
                if (0.8 > bestNo.score)
                    bestNo = Candidate{id, p, sg.box, 0.8};
                QString dateText = t->dateText;
                QRectF dateBox = sg.box;
                if (t->dateFollows && l + 1 < pg.lines.size()) {
                    dateText = pg.lines[l + 1].text();
                    dateBox = pg.lines[l + 1].box;
                }
                const auto ds = m_dates.findAll(dateText);
                if (!ds.isEmpty() && ds.first().start <= 2)
                    titleDate = Candidate{ds.first().date.toString(Qt::ISODate), p, dateBox, 0.8};
                break;
            }
        }
    }
    if (!bestNo.text.isEmpty()) {
        inv.number = bestNo.text;
        setEvidence(r, QStringLiteral("invoice_number"), bestNo.score, bestNo.page, bestNo.box);
    }

    auto bestDate = [&](LabelKind kind) {
        Candidate best;
        QDate date;
        for (const LabelHit &h : m_hits) {
            if (h.kind != kind)
                continue;
            for (const Candidate &c : valuesFor(h)) {
                const auto ds = m_dates.findAll(c.text);
                if (ds.isEmpty())
                    continue;
                double score =
                    c.score * (ds.first().start <= 2 ? 1.0 : 0.85) * (h.specificity >= 5 ? 1.0 : 0.95);
                // A value that is a date and nothing else ("Fakturadato" over "04.06.2017").
                if (m_dates.parse(c.text).isValid())
                    score = std::min(0.9, score * 1.06);
                score -= 0.02 * h.ref.page;
                if (score > best.score) {
                    best = Candidate{QString(), c.page, c.box, score};
                    date = ds.first().date;
                }
                break;
            }
        }
        return std::make_pair(date, best);
    };
    auto [issue, issueC] = bestDate(LabelKind::IssueDate);
    if (!issue.isValid() && !titleDate.text.isEmpty()) {
        issue = QDate::fromString(titleDate.text, Qt::ISODate);
        issueC = titleDate;
    }
    if (!issue.isValid() && !m_layout.pages().isEmpty()) {
        // No label: the first date in the upper part of the first page.
        const TextPage &pg = page(0);
        for (const TextLine &l : pg.lines) {
            if (l.box.top() > pg.size.height() * 0.5)
                break;
            const auto ds = m_dates.findAll(l.text());
            if (!ds.isEmpty()) {
                issue = ds.first().date;
                issueC = Candidate{QString(), 0, l.box, 0.45};
                break;
            }
        }
    }
    if (issue.isValid()) {
        inv.issueDate = issue;
        setEvidence(r, QStringLiteral("issue_date"), issueC.score, issueC.page, issueC.box);
    }
    auto [due, dueC] = bestDate(LabelKind::DueDate);
    if (due.isValid()) {
        if (issue.isValid() && due < issue)
            dueC.score *= 0.5; // a due date before the issue date is some other date
        inv.dueDate = due;
        setEvidence(r, QStringLiteral("due_date"), dueC.score, dueC.page, dueC.box);
    }
}

void Reader::readReferences(ExtractionResult &r)
{
    auto best = [&](LabelKind kind, bool needDigit) {
        Candidate best;
        for (const LabelHit &h : m_hits) {
            if (h.kind != kind)
                continue;
            for (const Candidate &c : valuesFor(h)) {
                QString t = c.text;
                if (t.isEmpty() || m_dates.parse(t).isValid())
                    continue;
                if (needDigit) {
                    const QStringList toks = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                    if (toks.size() > 3 || !hasDigit(t))
                        t = idFrom(t);
                }
                if (t.isEmpty() || t.size() > 40)
                    continue;
                const double score = c.score * (h.specificity >= 5 ? 1.0 : 0.9) - 0.02 * h.ref.page;
                if (score > best.score)
                    best = Candidate{t, c.page, c.box, score};
                break;
            }
        }
        return best;
    };
    const Candidate order = best(LabelKind::OrderReference, true);
    if (!order.text.isEmpty()) {
        r.invoice.orderReference = order.text;
        setEvidence(r, QStringLiteral("order_reference"), order.score, order.page, order.box);
    }
    const Candidate buyerRef = best(LabelKind::BuyerReference, false);
    if (!buyerRef.text.isEmpty()) {
        r.invoice.buyerReference = buyerRef.text;
        setEvidence(r, QStringLiteral("buyer_reference"), buyerRef.score, buyerRef.page, buyerRef.box);
    }
}

void Reader::readBreakdown()
{
    // A VAT breakdown row holds a rate, a base and a tax with base x rate = tax (to the cent).
    // That arithmetic finds the table in any language and layout, and rarely fires elsewhere.
    QList<VatBreakdown> rows;
    for (const TextPage &pg : m_layout.pages()) {
        for (const TextLine &l : pg.lines) {
            const QString text = l.text();
            const auto nums = m_numbers.findAll(text);
            if (nums.size() < 3)
                continue;
            bool found = false;
            for (int ri = 0; ri < nums.size() && !found; ++ri) {
                const FoundNumber &rate = nums[ri];
                if (rate.value.isNegative() || rate.value > Decimal(30) || rate.value.fractionDigits() > 2)
                    continue;
                if (!rate.percent && (rate.value.isZero() || rate.value.fractionDigits() > 1))
                    continue;
                for (int bi = 0; bi < nums.size() && !found; ++bi) {
                    const FoundNumber &base = nums[bi];
                    if (bi == ri || !base.hasDecimals || base.percent || base.value.isZero())
                        continue;
                    // German tables print "base  rate  tax": the rate may sit between them.
                    for (int ti = bi + 1; ti < nums.size() && ti <= bi + 3; ++ti) {
                        const FoundNumber &tax = nums[ti];
                        if (ti == ri || !tax.hasDecimals || tax.percent)
                            continue;
                        const Decimal expect = (base.value * rate.value).divided(Decimal(100), 2);
                        if ((expect - tax.value).abs() <= Decimal::fromString(QStringLiteral("0.01")) &&
                            (!tax.value.isZero() || rate.percent)) {
                            VatBreakdown vb;
                            // Rates are reported with two decimals, as e-invoices usually
                            // carry them; more printed decimals are kept.
                            vb.rate = rate.value.abs().withScale(std::max(2, rate.value.fractionDigits()));
                            // Signs are kept until the totals tell an invoice from a credit note.
                            vb.taxableAmount = base.value;
                            vb.taxAmount = base.value.isNegative() ? -tax.value.abs() : tax.value.abs();
                            vb.category = rate.value.isZero() ? QStringLiteral("Z") : QStringLiteral("S");
                            rows.append(vb);
                            found = true;
                            break;
                        }
                    }
                }
            }
        }
    }
    // The same table may be printed twice (invoice and payment slip): keep each rate once.
    for (const VatBreakdown &vb : rows) {
        const bool dup = std::any_of(m_breakdown.begin(), m_breakdown.end(), [&](const VatBreakdown &o) {
            return *o.rate == *vb.rate && o.taxableAmount == vb.taxableAmount;
        });
        if (!dup)
            m_breakdown.append(vb);
    }
}

void Reader::readTotals(ExtractionResult &r)
{
    QHash<int, QList<AmountCandidate>> cands; // by LabelKind
    const QList<LabelKind> kinds = {LabelKind::NetTotal,  LabelKind::VatTotal, LabelKind::GrossTotal,
                                    LabelKind::AmountDue, LabelKind::Rounding, LabelKind::Prepaid};
    const int lastPage = int(m_layout.pages().size()) - 1;
    for (const LabelHit &h : m_hits) {
        if (!kinds.contains(h.kind))
            continue;
        for (const Candidate &c : valuesFor(h)) {
            const auto v = amountFrom(c.text);
            if (!v)
                continue;
            // Totals sit at the end: later pages and lower lines weigh more.
            const double y = c.box.center().y() / std::max(1.0, page(c.page).size.height());
            const double score =
                c.score * (h.specificity >= 4 ? 1.0 : 0.9) + 0.05 * y - 0.05 * (lastPage - c.page);
            cands[int(h.kind)].append(AmountCandidate{*v, c.page, c.box, score, FieldSource::Label});
        }
    }
    Decimal baseSum, taxSum;
    for (const VatBreakdown &vb : m_breakdown) {
        baseSum += vb.taxableAmount;
        taxSum += vb.taxAmount;
    }
    if (!m_breakdown.isEmpty()) {
        cands[int(LabelKind::NetTotal)].append(
            AmountCandidate{baseSum, -1, {}, 0.5, FieldSource::Arithmetic});
        cands[int(LabelKind::VatTotal)].append(AmountCandidate{taxSum, -1, {}, 0.5, FieldSource::Arithmetic});
        // The gross total printed without a label the reader knows (a totals row under column
        // titles): base + tax of the breakdown, when that amount is printed on the page.
        const Decimal gross = baseSum + taxSum;
        bool printed = false;
        for (int p = int(m_layout.pages().size()) - 1; p >= 0 && !printed; --p)
            for (const TextLine &l : page(p).lines) {
                const auto nums = m_numbers.findAll(l.text());
                if (std::any_of(nums.begin(), nums.end(), [&](const FoundNumber &n) {
                        return n.hasDecimals && n.value.abs() == gross.abs();
                    })) {
                    cands[int(LabelKind::GrossTotal)].append(
                        AmountCandidate{gross, p, l.box, 0.5, FieldSource::Arithmetic});
                    printed = true;
                    break;
                }
            }
    }
    auto top = [&](LabelKind k) {
        QList<AmountCandidate> l = cands.value(int(k));
        std::stable_sort(l.begin(), l.end(), [](const AmountCandidate &a, const AmountCandidate &b) {
            return a.score > b.score;
        });
        if (l.size() > 8)
            l = l.mid(0, 8);
        return l;
    };
    const auto nets = top(LabelKind::NetTotal), vats = top(LabelKind::VatTotal);
    auto grosses = top(LabelKind::GrossTotal);
    const auto dues = top(LabelKind::AmountDue);
    // The amount due is a good stand-in for the gross total when nothing was prepaid.
    for (const AmountCandidate &d : dues)
        grosses.append(AmountCandidate{d.value, d.page, d.box, d.score * 0.85, d.source});

    const AmountCandidate none{Decimal(), -1, {}, 0, FieldSource::Label};
    double bestScore = -1;
    AmountCandidate bn = none, bv = none, bg = none;
    bool consistent = false;
    auto consider = [&](const AmountCandidate &n, const AmountCandidate &v, const AmountCandidate &g,
                        bool ok) {
        double s = n.score + v.score + g.score + (ok ? 1.5 : 0);
        if (ok && !m_breakdown.isEmpty() && n.value.abs() == baseSum.abs() && v.value.abs() == taxSum.abs())
            s += 0.5;
        if (s > bestScore) {
            bestScore = s;
            bn = n;
            bv = v;
            bg = g;
            consistent = ok;
        }
    };
    for (const auto &n : nets)
        for (const auto &v : vats)
            for (const auto &g : grosses)
                consider(n, v, g, n.value + v.value == g.value && !g.value.isZero());
    // Pairs: the third value follows from the arithmetic.
    for (const auto &n : nets)
        for (const auto &v : vats)
            consider(n, v, AmountCandidate{n.value + v.value, -1, {}, 0.3, FieldSource::Arithmetic}, false);
    for (const auto &v : vats)
        for (const auto &g : grosses)
            consider(AmountCandidate{g.value - v.value, -1, {}, 0.3, FieldSource::Arithmetic}, v, g, false);
    for (const auto &n : nets)
        for (const auto &g : grosses)
            if (g.value >= n.value)
                consider(n, AmountCandidate{g.value - n.value, -1, {}, 0.25, FieldSource::Arithmetic}, g,
                         false);
    if (bestScore < 0)
        for (const auto &g : grosses)
            consider(none, none, g, false);

    m_totalsConsistent = consistent;
    // Credit notes carry positive amounts, as a UBL CreditNote does, also where the page prints
    // them negative. An invoice that is not titled a credit note keeps its printed sign (a
    // negative invoice is valid EN 16931); a negative one without any title stays a credit note.
    const bool negative = bg.value.isNegative() || bn.value.isNegative();
    const bool keepSign = negative && m_invoiceTitle && !m_creditNote;
    if (negative && !keepSign)
        m_creditNote = true;
    auto signed_ = [&](const Decimal &v) { return keepSign ? v : v.abs(); };
    auto put = [&](const QString &field, const AmountCandidate &c, double conf) {
        if (c.score <= 0 && c.source != FieldSource::Arithmetic)
            return false;
        setEvidence(r, field, conf, c.page, c.box, c.source);
        return true;
    };
    const double base = consistent ? 0.95 : 0.6;
    DocumentTotals &t = r.invoice.totals;
    if (put(QStringLiteral("total_without_vat"), bn, bn.source == FieldSource::Arithmetic ? 0.6 : base))
        t.taxExclusive = signed_(bn.value);
    if (put(QStringLiteral("vat_total"), bv, bv.source == FieldSource::Arithmetic ? 0.6 : base))
        t.vatTotal = keepSign && bv.value.isZero() ? bv.value : signed_(bv.value);
    if (put(QStringLiteral("total_with_vat"), bg, bg.source == FieldSource::Arithmetic ? 0.6 : base))
        t.taxInclusive = signed_(bg.value);
    t.lineNetTotal = t.taxExclusive;
    // Amount due: its own label, else the gross total.
    AmountCandidate due = none;
    for (const AmountCandidate &d : dues)
        if (d.score > due.score)
            due = d;
    if (due.score > 0) {
        t.payable = signed_(due.value);
        const Decimal diff = (t.payable - t.taxInclusive).abs();
        setEvidence(r, QStringLiteral("amount_due"), diff < Decimal(1) ? base : 0.6, due.page, due.box);
        if (!diff.isZero() && diff < Decimal(1))
            t.rounding = t.payable - t.taxInclusive;
    } else if (bg.score > 0 || bg.source == FieldSource::Arithmetic) {
        t.payable = t.taxInclusive;
        setEvidence(r, QStringLiteral("amount_due"), base * 0.9, bg.page, bg.box, FieldSource::Arithmetic);
    }
    // The breakdown is reported when it adds up to the chosen totals. A row that only looks
    // like one ("Frais 10,00% sur 100,00  10,00") is dropped when the others add up without it.
    if (!keepSign) {
        baseSum = taxSum = Decimal();
        for (VatBreakdown &vb : m_breakdown) {
            vb.taxableAmount = vb.taxableAmount.abs();
            vb.taxAmount = vb.taxAmount.abs();
            baseSum += vb.taxableAmount;
            taxSum += vb.taxAmount;
        }
    }
    if (!m_breakdown.isEmpty() && t.vatTotal && (baseSum != t.taxExclusive || taxSum != *t.vatTotal) &&
        m_breakdown.size() <= 8) {
        QList<VatBreakdown> best;
        for (int mask = 1; mask < (1 << m_breakdown.size()); ++mask) {
            QList<VatBreakdown> subset;
            Decimal b, x;
            for (int i = 0; i < m_breakdown.size(); ++i)
                if (mask & (1 << i)) {
                    subset << m_breakdown[i];
                    b += m_breakdown[i].taxableAmount;
                    x += m_breakdown[i].taxAmount;
                }
            if (b == t.taxExclusive && x == *t.vatTotal && subset.size() > best.size())
                best = subset;
        }
        if (!best.isEmpty()) {
            m_breakdown = best;
            baseSum = t.taxExclusive;
            taxSum = *t.vatTotal;
        }
    }
    if (!m_breakdown.isEmpty() && baseSum == t.taxExclusive && t.vatTotal && taxSum == *t.vatTotal) {
        r.invoice.vatBreakdown = m_breakdown;
        setEvidence(r, QStringLiteral("vat_breakdown"), 0.9, -1, {}, FieldSource::Arithmetic);
    } else if (const std::optional<Decimal> rate =
                   m_breakdown.isEmpty() && t.vatTotal && !t.vatTotal->isZero()
                       ? singleRateFor(t.taxExclusive, *t.vatTotal)
                       : std::nullopt) {
        // No breakdown row on one line ("MVA-sats 25,00 %" apart from "MVA Beløp 1 657,50"),
        // but exactly one printed rate gives net x rate = VAT: a single-rate invoice.
        VatBreakdown vb;
        vb.rate = rate;
        vb.taxableAmount = t.taxExclusive;
        vb.taxAmount = *t.vatTotal;
        vb.category = QStringLiteral("S");
        r.invoice.vatBreakdown = {vb};
        setEvidence(r, QStringLiteral("vat_breakdown"), 0.85, -1, {}, FieldSource::Arithmetic);
    } else if (m_breakdown.isEmpty() && t.vatTotal && t.vatTotal->isZero() && t.taxExclusive.signum() > 0 &&
               r.evidence.contains(QStringLiteral("vat_total")) &&
               r.evidence.contains(QStringLiteral("total_without_vat"))) {
        // No VAT at all: the whole net amount is one zero-rate group. Which exemption applies
        // (exempt, outside scope, reverse charge, export) the page must tell a person, so this
        // stays below the confidence that makes an invoice ready.
        VatBreakdown vb;
        vb.rate = Decimal::fromString(QStringLiteral("0.00"));
        vb.taxableAmount = t.taxExclusive;
        vb.taxAmount = Decimal::fromString(QStringLiteral("0.00"));
        vb.category = QStringLiteral("E");
        r.invoice.vatBreakdown = {vb};
        setEvidence(r, QStringLiteral("vat_breakdown"), 0.6, -1, {}, FieldSource::Arithmetic);
    }
}

void Reader::readIds(ExtractionResult &r)
{
    static const QSet<QString> buyerWords = {
        QStringLiteral("v"),       QStringLiteral("your"),      QStringLiteral("kunde"),
        QStringLiteral("kunden"),  QStringLiteral("customer"),  QStringLiteral("client"),
        QStringLiteral("buyer"),   QStringLiteral("käufer"),    QStringLiteral("cliente"),
        QStringLiteral("deres"),   QStringLiteral("jeres"),     QStringLiteral("er"),
        QStringLiteral("ihre"),    QStringLiteral("votre"),     QStringLiteral("uw"),
        QStringLiteral("su"),      QStringLiteral("asiakkaan"), QStringLiteral("köpare"),
        QStringLiteral("kjøper"),  QStringLiteral("køber"),     QStringLiteral("ert"),
        QStringLiteral("kundens"), QStringLiteral("tilaajan"),  QStringLiteral("vos"),
        QStringLiteral("acheteur")};
    QList<FoundId> ids;
    QList<FoundId> orgs;
    auto nearSeen = [](const QList<FoundId> &l, const QString &v) {
        return std::any_of(l.begin(), l.end(), [&](const FoundId &f) { return f.value == v; });
    };
    // Labelled ids first: the label tells VAT from org and may say the id is the buyer's.
    for (const LabelHit &h : m_hits) {
        if (h.kind != LabelKind::VatNumber && h.kind != LabelKind::OrgNumber)
            continue;
        const bool buyer = std::any_of(h.labelTokens.begin(), h.labelTokens.end(),
                                       [&](const QString &t) { return buyerWords.contains(t); });
        for (Candidate c : valuesFor(h)) {
            // "Contribuinte N.º: 581 271 670": a number sign between the label and the value
            // (but "NO 923 456 789 MVA" is a Norwegian VAT id, not "No." and a number).
            static const QRegularExpression numberSign(QStringLiteral("^(?:n\\.?º|nr|no|n°|#)\\.?\\s*:?\\s*"),
                                                       QRegularExpression::CaseInsensitiveOption);
            const auto asIs = vatPattern().match(c.text);
            if (!(asIs.hasMatch() && asIs.capturedStart(1) <= 2))
                c.text.remove(numberSign);
            const auto vm = vatPattern().match(c.text);
            if (vm.hasMatch() && vm.capturedStart(1) <= 2) {
                const QString v = compact(vm.captured(1));
                const int check = vatCheck(v);
                if (check >= 0 || h.kind == LabelKind::VatNumber) {
                    FoundId f{v,     QString(), c.page, c.box, check > 0 ? 0.95 : (check == 0 ? 0.8 : 0.6),
                              buyer, true};
                    if (v.endsWith(QLatin1String("MVA")))
                        f.orgPart = v.right(12).left(9);
                    if (!nearSeen(ids, v))
                        ids.append(f);
                    if (!f.orgPart.isEmpty() && h.kind == LabelKind::OrgNumber)
                        orgs.append(FoundId{f.orgPart, QString(), c.page, c.box, f.score, buyer, false});
                    break;
                }
            }
            if (h.kind == LabelKind::VatNumber) {
                // A labelled VAT id whose country format has a different length than the
                // reader knows ("DE09687654321" in sample data): taken as printed, not trusted.
                static const QRegularExpression anyVat(QStringLiteral(
                    "^((?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|"
                    "GB|NO|CH)\\s?[0-9A-Z]{2}[0-9A-Z ]{4,14})$"));
                const auto am = anyVat.match(c.text.trimmed());
                if (am.hasMatch() && hasDigit(am.captured(1).mid(2))) {
                    const QString v = am.captured(1).trimmed();
                    if (!nearSeen(ids, compact(v)))
                        ids.append(FoundId{compact(v), QString(), c.page, c.box, 0.6, buyer, true});
                    break;
                }
                // "NIF: 503 357 014": a Portuguese tax number printed without "PT".
                static const QRegularExpression nifRe(
                    QStringLiteral("^(\\d{3}\\s?\\d{3}\\s?\\d{3})(?![\\d\\w])"));
                const auto nm = nifRe.match(c.text);
                if (nm.hasMatch() && portugueseNifOk(compact(nm.captured(1)))) {
                    const QString v = compact(nm.captured(1));
                    if (!nearSeen(ids, v))
                        ids.append(FoundId{v, QString(), c.page, c.box, 0.9, buyer, true});
                    break;
                }
            }
            if (h.kind != LabelKind::OrgNumber)
                continue;
            static const QRegularExpression orgRe(
                QStringLiteral("^(?:[A-Z]{2}\\s?)?(\\d[\\d \\-.]{4,14}\\d|\\d{6,12})(?!\\d)"));
            // German register numbers keep their court register prefix: "HRA 45678", "HRB 12345".
            static const QRegularExpression registerRe(QStringLiteral("^(HR[AB]\\s?\\d{2,7})(?![\\d\\w])"));
            const auto rm = registerRe.match(c.text);
            if (rm.hasMatch()) {
                orgs.append(FoundId{rm.captured(1), QString(), c.page, c.box, 0.8, buyer, false});
                break;
            }
            const auto om = orgRe.match(c.text);
            if (!om.hasMatch())
                continue;
            const QString v = compact(om.captured(1));
            const QString digits = identifiers::compactIdentifier(v);
            double score = 0.6;
            if ((digits.size() == 10 && identifiers::isValidSwedishOrgNumber(digits)) ||
                (digits.size() == 9 && identifiers::isValidNorwegianOrgNumber(digits)) ||
                (digits.size() == 8 && v.contains(QLatin1Char('-')) &&
                 identifiers::isValidFinnishBusinessId(v)) ||
                (digits.size() == 8 && identifiers::isValidDanishCvrFormat(digits)))
                score = 0.9;
            orgs.append(FoundId{v, QString(), c.page, c.box, score, buyer, false});
            break;
        }
    }
    // Unlabelled VAT ids anywhere on the page count only with a valid check digit.
    for (int p = 0; p < m_layout.pages().size(); ++p) {
        for (const TextLine &l : page(p).lines) {
            for (const TextSegment &s : l.segments) {
                for (auto it = vatPattern().globalMatch(s.text); it.hasNext();) {
                    const auto m = it.next();
                    const QString v = compact(m.captured(1));
                    if (vatCheck(v) <= 0 || nearSeen(ids, v))
                        continue;
                    FoundId f{v, QString(), p, s.box, 0.85, false, true};
                    ids.append(f);
                }
            }
        }
    }
    // Which party an id belongs to: the label's word for the buyer, else the nearest party
    // name above it in the same column.
    auto belongsToBuyer = [&](const FoundId &f) {
        if (f.buyerHint)
            return true;
        auto dist = [&](const SegRef &name) {
            if (!name.isValid() || name.page != f.page)
                return 1e9;
            const QRectF nb = seg(name).box;
            if (nb.top() > f.box.top() + 1 || std::abs(nb.left() - f.box.left()) > 120)
                return 1e9;
            return f.box.top() - nb.top();
        };
        const double db = dist(m_buyerName), ds = dist(m_sellerName);
        return db < 200 && db < ds;
    };
    bool sellerVat = false, buyerVat = false;
    for (const FoundId &f : ids) {
        const bool buyer = belongsToBuyer(f);
        if (buyer && !buyerVat) {
            r.invoice.buyer.vatId = f.value;
            setEvidence(r, QStringLiteral("buyer_vat_id"), f.score, f.page, f.box);
            buyerVat = true;
        } else if (!buyer && !sellerVat) {
            r.invoice.seller.vatId = f.value;
            setEvidence(r, QStringLiteral("seller_vat_id"), f.score, f.page, f.box);
            sellerVat = true;
            if (!f.orgPart.isEmpty() &&
                std::none_of(orgs.begin(), orgs.end(), [&](const FoundId &o) { return !belongsToBuyer(o); }))
                orgs.append(FoundId{f.orgPart, QString(), f.page, f.box, f.score * 0.9, false, false});
        }
    }
    for (const FoundId &f : orgs) {
        if (belongsToBuyer(f))
            continue;
        r.invoice.seller.legalRegistration.id = f.value;
        setEvidence(r, QStringLiteral("seller_org_id"), f.score, f.page, f.box);
        break;
    }
}

void Reader::readPayment(ExtractionResult &r)
{
    static const QHash<QString, int> lengths = {
        {QStringLiteral("NO"), 15}, {QStringLiteral("DK"), 18}, {QStringLiteral("FI"), 18},
        {QStringLiteral("SE"), 24}, {QStringLiteral("DE"), 22}, {QStringLiteral("FR"), 27},
        {QStringLiteral("PT"), 25}, {QStringLiteral("NL"), 18}, {QStringLiteral("BE"), 16},
        {QStringLiteral("ES"), 24}, {QStringLiteral("IT"), 27}, {QStringLiteral("AT"), 20},
        {QStringLiteral("CH"), 21}, {QStringLiteral("GB"), 22}, {QStringLiteral("PL"), 28},
        {QStringLiteral("LU"), 20}, {QStringLiteral("IE"), 22}, {QStringLiteral("IS"), 26},
        {QStringLiteral("EE"), 20}, {QStringLiteral("LT"), 20}, {QStringLiteral("LV"), 21}};
    // Groups may stand two spaces apart where a justified line splits them into segments
    // ("DE12 1234  5678 9012  3456 78"); the country's length and the check digits bound the match.
    static const QRegularExpression ibanRe(
        QStringLiteral("(?<![A-Za-z0-9])([A-Z]{2}[ ]{0,2}\\d{2}(?:[ ]{0,2}[A-Z0-9]){8,32})"));
    QString iban;
    int ibanPage = -1;
    QRectF ibanBox;
    for (int p = 0; p < m_layout.pages().size() && iban.isEmpty(); ++p) {
        for (const TextLine &l : page(p).lines) {
            const QString text = l.text();
            for (auto it = ibanRe.globalMatch(text); it.hasNext() && iban.isEmpty();) {
                const auto m = it.next();
                const QString raw = compact(m.captured(1));
                const int want = lengths.value(raw.left(2), 0);
                if (!want && m.captured(1).contains(QLatin1String("  ")))
                    continue; // across a column gap only with a known country's length
                // The match may run into the next word; try the country's length, else shrink.
                for (int len = want ? want : int(raw.size()); len >= 15 && len <= raw.size(); --len) {
                    if (identifiers::isValidIban(raw.left(len))) {
                        iban = raw.left(len);
                        ibanPage = p;
                        ibanBox = l.box;
                        break;
                    }
                    if (want)
                        break;
                }
            }
            if (!iban.isEmpty())
                break;
        }
    }
    CreditTransfer ct;
    double conf = 0.95;
    if (iban.isEmpty()) {
        // An IBAN printed after its label but with wrong check digits: taken as printed, so
        // the bookkeeper sees it, and never trusted.
        static const QRegularExpression labelled(QStringLiteral(
            "IBAN\\s*(?:nr\\.?|no\\.?)?\\s*:?\\s*([A-Z]{2}\\s{0,2}\\d{2}(?:\\s{0,2}[A-Z0-9]){10,30})(?"
            "![A-Za-z0-9])"));
        for (int p = 0; p < m_layout.pages().size() && iban.isEmpty(); ++p)
            for (const TextLine &l : page(p).lines) {
                const auto m = labelled.match(l.text());
                if (!m.hasMatch())
                    continue;
                // Also one too short: the bookkeeper sees what the page says. A longer match ran
                // into the next word ("... 90 BIC"): the country's length ends it.
                QString raw = compact(m.captured(1));
                const int want = lengths.value(raw.left(2), 0);
                if (want && raw.size() > want)
                    raw = raw.left(want);
                iban = raw;
                ibanPage = p;
                ibanBox = l.box;
                conf = 0.5;
                r.reviewReasons << QStringLiteral(
                                       "The IBAN %1 printed on the page fails its check digits; please "
                                       "check it.")
                                       .arg(raw);
                break;
            }
    }
    if (iban.isEmpty()) {
        // A domestic account (Norwegian 11 digits with mod 11) is what BT-84 carries there.
        for (const LabelHit &h : m_hits) {
            if (h.kind != LabelKind::AccountNumber)
                continue;
            for (const Candidate &c : valuesFor(h)) {
                const QString digits = identifiers::compactIdentifier(c.text.section(QLatin1Char(' '), 0, 2));
                if (digits.size() == 11 && identifiers::isDigits(digits)) {
                    static const int w[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
                    int sum = 0;
                    for (int i = 0; i < 10; ++i)
                        sum += digits[i].digitValue() * w[i];
                    int check = 11 - sum % 11;
                    if (check == 11)
                        check = 0;
                    if (check == digits[10].digitValue()) {
                        iban = digits;
                        ibanPage = c.page;
                        ibanBox = c.box;
                        conf = 0.7;
                        break;
                    }
                }
            }
            if (!iban.isEmpty())
                break;
        }
    }
    if (!iban.isEmpty()) {
        ct.accountId = iban;
        m_ibanCountry = iban.left(2);
        setEvidence(r, QStringLiteral("iban"), conf, ibanPage, ibanBox);
    }
    static const QRegularExpression bicRe(
        QStringLiteral("^([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\\b"));
    PaymentMeans pm;
    for (const LabelHit &h : m_hits) {
        if (h.kind == LabelKind::Bic && ct.bic.isEmpty()) {
            for (const Candidate &c : valuesFor(h, false)) {
                const auto m = bicRe.match(c.text);
                if (m.hasMatch()) {
                    ct.bic = m.captured(1);
                    break;
                }
            }
        } else if (h.kind == LabelKind::PaymentReference && pm.remittanceInfo.isEmpty()) {
            for (const Candidate &c : valuesFor(h)) {
                const QString digits = compact(c.text);
                if (identifiers::isDigits(digits) && digits.size() >= 2 && digits.size() <= 25) {
                    pm.remittanceInfo = digits;
                    break;
                }
            }
        }
    }
    if (!ct.accountId.isEmpty() || !pm.remittanceInfo.isEmpty()) {
        pm.typeCode = QStringLiteral("30");
        if (!ct.accountId.isEmpty())
            pm.creditTransfers.append(ct);
        r.invoice.paymentMeans.append(pm);
    }
}

void Reader::readCurrency(ExtractionResult &r)
{
    QHash<QString, int> counts;
    for (const TextPage &pg : m_layout.pages())
        for (const TextLine &l : pg.lines)
            for (const TextWord &w : l.words) {
                QString code = NumberParser::currencyCode(w.text);
                // "$4.11", "€12,50": a symbol glued to an amount.
                if (code.isEmpty() && w.text.size() > 1 && hasDigit(w.text)) {
                    const auto nums = m_numbers.findAll(w.text);
                    if (nums.size() == 1 && !nums.first().currency.isEmpty() &&
                        QStringLiteral("$€£").contains(w.text.front()))
                        code = nums.first().currency;
                }
                if (!code.isEmpty())
                    counts[code] += 1;
            }
    // An explicit currency label wins over counting.
    for (const LabelHit &h : m_hits) {
        if (h.kind != LabelKind::Currency)
            continue;
        for (const Candidate &c : valuesFor(h)) {
            const QString code = NumberParser::currencyCode(c.text.section(QLatin1Char(' '), 0, 0));
            if (!code.isEmpty() && code != QLatin1String("kr")) {
                r.invoice.currency = code;
                setEvidence(r, QStringLiteral("currency"), 0.95, c.page, c.box);
                return;
            }
        }
    }
    QString best;
    int bestCount = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it.key() != QLatin1String("kr") && it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    double conf = 0.9;
    if (best.isEmpty()) {
        // Only "kr" or nothing printed: the country of the seller's ids decides.
        const QString country =
            !r.invoice.seller.vatId.isEmpty() ? r.invoice.seller.vatId.left(2) : m_ibanCountry;
        static const QHash<QString, QString> byCountry = {
            {QStringLiteral("SE"), QStringLiteral("SEK")}, {QStringLiteral("NO"), QStringLiteral("NOK")},
            {QStringLiteral("DK"), QStringLiteral("DKK")}, {QStringLiteral("CH"), QStringLiteral("CHF")},
            {QStringLiteral("GB"), QStringLiteral("GBP")}, {QStringLiteral("PL"), QStringLiteral("PLN")}};
        best = byCountry.value(country);
        if (best.isEmpty() && !country.isEmpty() && country[0].isLetter() && country[1].isLetter())
            best = QStringLiteral("EUR");
        if (best.isEmpty() && r.invoice.seller.vatId.endsWith(QLatin1String("MVA")))
            best = QStringLiteral("NOK");
        conf = 0.5;
    }
    if (!best.isEmpty()) {
        r.invoice.currency = best;
        setEvidence(r, QStringLiteral("currency"), conf, -1, {});
    }
}

void Reader::readParties(ExtractionResult &r)
{
    // Mail and web addresses are no names (a search for `@|www\.|https?:`, without a pattern).
    auto webOrMail = [](const QString &t) {
        return t.contains(QLatin1Char('@')) || t.contains(QLatin1String("www.")) ||
               t.contains(QLatin1String("http:")) || t.contains(QLatin1String("https:"));
    };
    // And a name has an ASCII letter or digit (the pattern's `^\W*$` ruled out the rest).
    auto asciiWord = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
    };
    auto nameLike = [&](const QString &t) {
        return letterCount(t) >= 2 && !t.endsWith(QLatin1Char(':')) && !webOrMail(t) &&
               std::any_of(t.cbegin(), t.cend(), asciiWord) && t.size() <= 70 &&
               !m_dates.parse(t).isValid() && !salutationPattern().match(t).hasMatch();
    };
    // Block labels ("Bill to", "Verkäufer", "Cliente") and "Name:" inside such a block.
    Candidate seller, buyer;
    SegRef sellerRef, buyerRef;
    auto consider = [&](bool isBuyer, const Candidate &c, const SegRef &ref) {
        Candidate &dst = isBuyer ? buyer : seller;
        if (c.score > dst.score) {
            dst = c;
            (isBuyer ? buyerRef : sellerRef) = ref;
        }
    };
    auto findSeg = [&](int p, const QRectF &box) {
        const TextPage &pg = page(p);
        for (int l = 0; l < pg.lines.size(); ++l)
            for (int s = 0; s < pg.lines[l].segments.size(); ++s)
                if (pg.lines[l].segments[s].box.intersects(box))
                    return SegRef{p, l, s};
        return SegRef{};
    };
    for (int i = 0; i < m_hits.size(); ++i) {
        const LabelHit &h = m_hits[i];
        if (h.kind == LabelKind::BuyerBlock || h.kind == LabelKind::SellerBlock) {
            const bool isBuyer = h.kind == LabelKind::BuyerBlock;
            // The first text line below the block label, in its column.
            const TextPage &pg = page(h.ref.page);
            const QRectF lb = seg(h.ref).box;
            bool done = false;
            const QStringList hw = wordsOf(h.ref);
            const bool colon =
                hw.size() > h.labelTokens.size() && !h.remainder.isEmpty() &&
                seg(h.ref).text.left(seg(h.ref).text.size() - h.remainder.size()).contains(QLatin1Char(':'));
            if (!h.remainder.isEmpty() && !colon)
                continue; // "Lieferant GmbH": a name that starts like a heading
            // "Sender: Ramirent A/S, SKATTØRAVEGEN 66, 9010, TROMSØ": the name is the part
            // before the address.
            const QString head = h.remainder.section(QLatin1Char(','), 0, 0).trimmed();
            if (!head.isEmpty() && nameLike(head) && !hasDigit(head) &&
                (head == h.remainder || LegalForm::endsIn(head))) {
                consider(isBuyer, Candidate{head, h.ref.page, h.remainderBox, 0.8},
                         findSeg(h.ref.page, h.remainderBox));
                continue;
            }
            double pitch = 0; // distance between the first lines of the block
            for (int l = h.ref.line + 1; l < pg.lines.size() && l <= h.ref.line + 4 && !done; ++l) {
                // A blank gap much wider than the block's own line pitch ends it: a heading
                // further down ("Kundens kjøp") is no name of this party.
                const double step = pg.lines[l].box.top() - pg.lines[l - 1].box.top();
                if (pitch > 0 && step > 2.2 * pitch && step > 2 * lb.height())
                    break;
                if (pitch == 0)
                    pitch = step;
                for (int s = 0; s < pg.lines[l].segments.size(); ++s) {
                    const TextSegment &bs = pg.lines[l].segments[s];
                    if (std::abs(bs.box.left() - lb.left()) > 3 * lb.height())
                        continue;
                    if (salutationPattern().match(bs.text).hasMatch() && l < h.ref.line + 4)
                        break; // "Exmo.(s) Sr.(s)": the name follows on the next line
                    // "Contact Acheteur", "Buyer contact name, Buyer dep": the contact person
                    // printed over the party's name.
                    static const QRegularExpression contact(
                        QStringLiteral("\\b(contact|kontakt|kontaktperson|ansprechpartner|attention)\\b"),
                        QRegularExpression::CaseInsensitiveOption |
                            QRegularExpression::UseUnicodePropertiesOption);
                    if (contact.match(bs.text).hasMatch() && !LegalForm::endsIn(bs.text) &&
                        l < h.ref.line + 4)
                        break;
                    // "(Not to be used for payment remittance)": a remark in brackets.
                    if (bs.text.startsWith(QLatin1Char('(')) && bs.text.endsWith(QLatin1Char(')')) &&
                        l < h.ref.line + 4)
                        break;
                    // "Nummer : GE2020211", "Globale Nummer: 4000001123452 (GLN)": the party's
                    // numbers may come before its name; another block heading ends the block.
                    const SegRef ref{h.ref.page, l, s};
                    if (isLabelSegment(ref) && !isBlockHeading(ref) && isLabelWithValue(ref))
                        break;
                    // "Globale      Nummer: 4000001123452": a label spread over two segments.
                    if (labelSpansSegments(ref))
                        break;
                    if (isLabelSegment(ref) || !nameLike(bs.text) || streetLike(bs.text)) {
                        done = true;
                        break;
                    }
                    consider(isBuyer, Candidate{bs.text, h.ref.page, bs.box, 0.85}, SegRef{h.ref.page, l, s});
                    done = true;
                    break;
                }
            }
        } else if (h.kind == LabelKind::Name) {
            // The nearest block label above decides whose name this is.
            for (int j = i - 1; j >= 0; --j) {
                const LabelHit &b = m_hits[j];
                if (b.ref.page != h.ref.page || h.ref.line - b.ref.line > 15)
                    break;
                if (b.kind != LabelKind::BuyerBlock && b.kind != LabelKind::SellerBlock)
                    continue;
                for (const Candidate &c : valuesFor(h, false)) {
                    if (nameLike(c.text))
                        consider(b.kind == LabelKind::BuyerBlock, Candidate{c.text, c.page, c.box, 0.9},
                                 findSeg(c.page, c.box));
                    break;
                }
                break;
            }
        }
    }

    // Without labels: the layout. The seller's name sits at the top of the first page, often
    // in a larger font and repeated in the footer; the buyer's sits over an address block.
    if (!m_layout.pages().isEmpty()) {
        const TextPage &pg = page(0);
        const double H = std::max(1.0, pg.size.height());
        QList<double> heights;
        for (const TextLine &l : pg.lines)
            heights << l.box.height();
        std::sort(heights.begin(), heights.end());
        const double medianH = heights.isEmpty() ? 10 : heights[heights.size() / 2];
        QStringList footer;
        for (const TextPage &p : m_layout.pages())
            for (const TextLine &l : p.lines)
                if (l.box.top() > p.size.height() * 0.75)
                    footer << l.text().toLower();
        static const QRegularExpression postcode(
            QStringLiteral("(^|\\s)(\\d{4,5}|\\d{3}\\s\\d{2}|\\d{4}-\\d{3}|[A-Z]{1,2}\\d[\\dA-Z]?\\s\\d[A-Z]{"
                           "2})\\s+\\p{L}"));
        auto blockBelow = [&](int li, const QRectF &box, bool *hasAddress, bool *hasBuyerRef) {
            *hasAddress = false;
            *hasBuyerRef = false;
            double lastBottom = box.bottom();
            for (int l = li + 1; l < pg.lines.size() && l <= li + 5; ++l) {
                // The block ends at the first blank gap: what follows belongs to something else.
                if (pg.lines[l].box.top() - lastBottom > 1.2 * box.height())
                    break;
                lastBottom = pg.lines[l].box.bottom();
                for (int s = 0; s < pg.lines[l].segments.size(); ++s) {
                    const TextSegment &bs = pg.lines[l].segments[s];
                    if (std::abs(bs.box.left() - box.left()) > 2 * box.height())
                        continue;
                    // Every form of a postcode has two digits at least; most segments none.
                    if (std::count_if(bs.text.cbegin(), bs.text.cend(),
                                      [](QChar c) { return c >= u'0' && c <= u'9'; }) >= 2 &&
                        postcode.match(bs.text).hasMatch())
                        *hasAddress = true;
                    const auto m = LabelDictionary::instance().matchStart(wordsOf(SegRef{0, l, s}));
                    if (m && m->kind == LabelKind::BuyerReference)
                        *hasBuyerRef = true;
                }
            }
        };
        Candidate hs;
        SegRef hsRef;
        bool hsCorroborated = false;
        for (int l = 0; l < pg.lines.size(); ++l) {
            const TextLine &ln = pg.lines[l];
            const double y = ln.box.top() / H;
            if (y > 0.5)
                break;
            for (int s = 0; s < ln.segments.size(); ++s) {
                const SegRef ref{0, l, s};
                QString t = ln.segments[s].text;
                if (!nameLike(t) || isLabelSegment(ref) || hasDigit(t.left(1)) || streetLike(t))
                    continue;
                const auto lm = LabelDictionary::instance().matchStart(wordsOf(ref));
                if (lm)
                    continue;
                QRectF box = ln.segments[s].box;
                // A lone legal form is the tail of a name wrapped over two lines.
                if (LegalForm::startIn(QLatin1Char(' ') + t) == 0 && !t.contains(QLatin1Char(' ')))
                    continue;
                const QString tail = legalFormTailBelow(0, l, box);
                if (!tail.isEmpty())
                    t += QLatin1Char(' ') + tail;
                const bool legal = LegalForm::endsIn(t);
                bool address = false, buyerRefBelow = false;
                blockBelow(l, box, &address, &buyerRefBelow);
                const bool inFooter =
                    std::any_of(footer.begin(), footer.end(),
                                [&](const QString &f) { return f.contains(t.toLower()); }) &&
                    y < 0.5;
                const double digitShare =
                    double(std::count_if(t.begin(), t.end(), [](QChar c) { return c.isDigit(); })) / t.size();
                if (digitShare > 0.2)
                    continue;
                const bool logo = hasInitialsLogo(0, l, box, t);
                double ss = 0.25 * (1 - y / 0.5) + (legal ? 0.3 : 0) + (inFooter ? 0.35 : 0) +
                            (box.height() > 1.3 * medianH ? 0.15 : 0) + (address ? 0.1 : 0) -
                            (buyerRefBelow ? 0.4 : 0) + (logo ? 0.35 : 0);
                // The first line of a block, not its second.
                if (l > 0) {
                    const TextLine &prev = pg.lines[l - 1];
                    bool above = false;
                    for (const TextSegment &ps : prev.segments)
                        if (std::abs(ps.box.left() - box.left()) < 2 * box.height() &&
                            box.top() - ps.box.bottom() < 0.8 * box.height() && !isInitials(ps.text))
                            above = true;
                    if (above)
                        ss -= 0.15;
                }
                if (ss > hs.score) {
                    hs = Candidate{t, 0, box, ss};
                    hsRef = ref;
                    // Two independent signs that this is the sender: a legal form, and the name
                    // repeated (footer, payment slip), under a logo of its initials, or over
                    // the company's own registration or VAT number.
                    hsCorroborated =
                        legal && (inFooter || logo || printedAgain(0, l, t) || ownIdBelow(0, l, box));
                }
            }
        }
        if (seller.text.isEmpty() && !hs.text.isEmpty()) {
            seller = Candidate{hs.text, 0, hs.box,
                               std::max(std::min(0.85, 0.4 + hs.score * 0.5), hsCorroborated ? 0.82 : 0.0)};
            sellerRef = hsRef;
        }
        if (buyer.text.isEmpty()) {
            // Second pass for the buyer, now that the seller is known. The seller's own block
            // (name, street, postcode) runs down to the first blank gap.
            double sellerBlockTop = 1e9, sellerBlockBottom = -1, sellerBlockLeft = -1e9;
            if (sellerRef.isValid() && sellerRef.page == 0) {
                const QRectF sb = seg(sellerRef).box;
                sellerBlockTop = sb.top();
                sellerBlockBottom = sb.bottom();
                sellerBlockLeft = sb.left();
                for (int l = sellerRef.line + 1; l < pg.lines.size(); ++l) {
                    bool inColumn = false;
                    for (const TextSegment &ps : pg.lines[l].segments)
                        if (std::abs(ps.box.left() - sb.left()) < 20)
                            inColumn = true;
                    if (!inColumn ||
                        pg.lines[l].box.top() - sellerBlockBottom > 1.2 * std::max(8.0, sb.height() * 0.7))
                        break;
                    sellerBlockBottom = pg.lines[l].box.bottom();
                }
            }
            Candidate b2;
            SegRef b2Ref;
            bool b2Corroborated = false;
            for (int l = 0; l < pg.lines.size(); ++l) {
                const TextLine &ln = pg.lines[l];
                const double y = ln.box.top() / H;
                if (y > 0.55)
                    break;
                for (int s = 0; s < ln.segments.size(); ++s) {
                    const SegRef ref{0, l, s};
                    const QString t = ln.segments[s].text;
                    if (!nameLike(t) || hasDigit(t.left(1)) || streetLike(t) ||
                        LabelDictionary::instance().matchStart(wordsOf(ref)))
                        continue;
                    if (t.compare(seller.text, Qt::CaseInsensitive) == 0)
                        continue;
                    const QRectF box = ln.segments[s].box;
                    const bool legal = LegalForm::endsIn(t);
                    bool address = false, buyerRefBelow = false;
                    blockBelow(l, box, &address, &buyerRefBelow);
                    double bs = (legal ? 0.3 : 0) + (address ? 0.35 : 0) + (buyerRefBelow ? 0.2 : 0);
                    if (l > 0) {
                        bool above = false, salutation = false;
                        for (const TextSegment &ps : pg.lines[l - 1].segments)
                            if (std::abs(ps.box.left() - box.left()) < 2 * box.height() &&
                                box.top() - ps.box.bottom() < 0.8 * box.height()) {
                                // "Exmo.(s) Sr.(s)", "Attn:" over a name announce the addressee.
                                if (salutationPattern().match(ps.text).hasMatch())
                                    salutation = true;
                                else
                                    above = true;
                            }
                        if (above)
                            bs -= 0.25;
                        if (salutation)
                            bs += 0.3;
                    }
                    if (box.top() > sellerBlockTop && box.top() <= sellerBlockBottom &&
                        std::abs(sellerBlockLeft - box.left()) < 20)
                        bs -= 0.4; // part of the seller's own address block
                    if (bs > b2.score) {
                        // A company name over its own address, away from the seller's block.
                        b2Corroborated = legal && address && bs >= 0.64;
                        b2 = Candidate{t, 0, box, bs};
                        b2Ref = ref;
                    }
                }
            }
            if (b2.score >= 0.3) {
                buyer = Candidate{b2.text, 0, b2.box,
                                  b2Corroborated && seller.score >= kConfident
                                      ? 0.8
                                      : std::min(0.75, 0.3 + b2.score * 0.5)};
                buyerRef = b2Ref;
            }
        }
    }
    auto cleanName = [](QString t) {
        // A layout's logo placeholder printed in front of the name ("LOGO LE FOURNISSEUR").
        static const QRegularExpression logoWord(
            QStringLiteral("^(?:logo|your logo|votre logo|ihr logo)\\s+"),
            QRegularExpression::CaseInsensitiveOption);
        t.remove(logoWord);
        // "Name AS, Street 1, 9010 City" keeps the name only.
        const int comma = int(t.indexOf(QLatin1Char(',')));
        const QString after = t.mid(comma + 1).trimmed();
        const bool afterIsLegalForm = after.size() <= 8 && LegalForm::endsIn(QLatin1Char(' ') + after);
        if (comma > 0 && !afterIsLegalForm && LegalForm::endsIn(t.left(comma)))
            t = t.left(comma);
        // Footer-style "Name · Street · City" keeps the name only.
        for (const QString &sep : {QStringLiteral(" · "), QStringLiteral(" | ")})
            if (t.contains(sep))
                t = t.section(sep, 0, 0);
        // "Name - Street 1" keeps the name; "VEIDEKKE ENTREPRENØR AS - ANLEGG" is one name.
        if (t.contains(QStringLiteral(" - ")) && hasDigit(t.section(QStringLiteral(" - "), 1)))
            t = t.section(QStringLiteral(" - "), 0, 0);
        return t.trimmed();
    };
    if (!seller.text.isEmpty()) {
        r.invoice.seller.name = cleanName(seller.text);
        m_sellerName = sellerRef;
        setEvidence(r, QStringLiteral("seller_name"), seller.score, seller.page, seller.box);
    }
    if (!buyer.text.isEmpty()) {
        r.invoice.buyer.name = cleanName(buyer.text);
        m_buyerName = buyerRef;
        setEvidence(r, QStringLiteral("buyer_name"), buyer.score, buyer.page, buyer.box);
    }
}

void Reader::readLines(ExtractionResult &r)
{
    Invoice &inv = r.invoice;
    const bool haveNet = r.evidence.contains(QStringLiteral("total_without_vat"));
    const Decimal net = inv.totals.taxExclusive;
    // The rows plus the document allowances and charges printed under them (signed as printed).
    auto sumOf = [](const TextTable &t) {
        Decimal s = t.sum;
        for (const AllowanceCharge &ac : t.allowanceCharges)
            s += ac.amount;
        return s;
    };
    auto fits = [&](const TextTable &t) {
        return haveNet && !t.lines.isEmpty() && !net.isZero() && (sumOf(t) == net || sumOf(t) == -net);
    };
    TextTable table = TextTableReader(m_numbers).read(m_layout);
    // "Subtotal ... VAT ... Total": with several amount columns the net one is the one that adds
    // up to the net total, not necessarily the right-most; every row's quantity x price must
    // confirm it (a VAT summary has "Beløp eks. mva ... Beløp inkl. mva" columns too).
    for (int k = 1; k < table.amountColumns && !fits(table); ++k) {
        TextTable other = TextTableReader(m_numbers).read(m_layout, k);
        if (fits(other) && other.pricedRows == other.lines.size() && other.inconsistentRows == 0)
            table = other;
    }
    if (!fits(table) && table.allowanceCharges.isEmpty() && haveNet && table.lines.size() >= 2 &&
        !net.isZero()) {
        // Bundles and groups with their sub-lines (ZUGFeRD EXTENDED): only the top level adds up.
        QList<InvoiceLine> nested = table.lines;
        if (TextTableReader::nestSubLines(nested, net.abs()) ||
            TextTableReader::nestSubLines(nested, -net.abs())) {
            for (const InvoiceLine &l : nested)
                inv.lines << l;
            r.reviewReasons << QStringLiteral(
                "Some invoice lines are parts of a bundle or a group; please check which lines "
                "carry the amounts.");
            setEvidence(r, QStringLiteral("line_count"), 0.6, table.page, QRectF());
            setEvidence(r, QStringLiteral("lines"), 0.6, table.page, QRectF());
            return;
        }
    }
    if (!table.allowanceCharges.isEmpty()) {
        if (!fits(table)) {
            table.allowanceCharges.clear();
        } else {
            // Document allowances and charges printed as rows: an allowance carries the sign
            // opposite to the items'. Their amounts go into BG-20/BG-21, the items are the lines.
            const bool flip = sumOf(table) == -net && sumOf(table) != net;
            const std::optional<Decimal> singleRate =
                inv.vatBreakdown.size() == 1 ? inv.vatBreakdown.first().rate : std::nullopt;
            Decimal allowances, charges, lineSum;
            for (InvoiceLine l : table.lines) {
                if (flip) {
                    l.netAmount = -l.netAmount;
                    l.quantity = -l.quantity;
                }
                if (l.netAmount.signum() * l.quantity.signum() < 0)
                    l.quantity = -l.quantity;
                if (!l.vatRate)
                    l.vatRate = singleRate;
                l.vatCategory =
                    l.vatRate && l.vatRate->signum() > 0 ? QStringLiteral("S") : QStringLiteral("Z");
                lineSum += l.netAmount;
                inv.lines << l;
            }
            for (AllowanceCharge ac : table.allowanceCharges) {
                // Signed against the items: on a negative invoice an allowance is negative too,
                // so that lines - allowances + charges still gives the net total.
                const Decimal signedAmount = flip ? -ac.amount : ac.amount;
                ac.isCharge = signedAmount.signum() == lineSum.signum();
                ac.amount = ac.isCharge ? signedAmount : -signedAmount;
                if (!ac.vatRate)
                    ac.vatRate = singleRate;
                ac.vatCategory =
                    ac.vatRate && ac.vatRate->signum() > 0 ? QStringLiteral("S") : QStringLiteral("Z");
                (ac.isCharge ? charges : allowances) += ac.amount;
                inv.allowanceCharges << ac;
            }
            inv.totals.lineNetTotal = lineSum;
            if (!allowances.isZero())
                inv.totals.allowanceTotal = allowances;
            if (!charges.isZero())
                inv.totals.chargeTotal = charges;
            // Per VAT rate, lines - allowances + charges must give that rate's taxable amount,
            // or the e-invoice would not add up (BR-CO-17 and the breakdown's bases).
            bool perRate = !inv.vatBreakdown.isEmpty();
            for (const VatBreakdown &vb : inv.vatBreakdown) {
                Decimal base;
                for (const InvoiceLine &l : inv.lines)
                    if (l.vatRate && vb.rate && *l.vatRate == *vb.rate)
                        base += l.netAmount;
                for (const AllowanceCharge &ac : inv.allowanceCharges)
                    if (ac.vatRate && vb.rate && *ac.vatRate == *vb.rate)
                        base += ac.isCharge ? ac.amount : -ac.amount;
                perRate = perRate && base == vb.taxableAmount;
            }
            for (const InvoiceLine &l : inv.lines)
                perRate = perRate && l.vatRate.has_value();
            for (const AllowanceCharge &ac : inv.allowanceCharges)
                perRate = perRate && ac.vatRate.has_value();
            m_linesAddUp = table.inconsistentRows == 0 && perRate;
            if (!perRate)
                r.reviewReasons << QStringLiteral(
                    "The document allowances and charges could not be matched to the VAT rates; please "
                    "check them.");
            const double confidence = table.inconsistentRows == 0 ? 0.9 : 0.5;
            setEvidence(r, QStringLiteral("line_count"), confidence, table.page, QRectF());
            setEvidence(r, QStringLiteral("lines"), confidence, table.page, QRectF());
            return;
        }
    }
    // Credit notes are kept positive (as a UBL CreditNote has them) while the page may print
    // them negative: a table that sums to minus the net total is the same table.
    const bool negated = haveNet && !table.lines.isEmpty() && !net.isZero() && table.sum == -net;
    // With document allowances or charges the lines add up to the printed line total
    // ("Positionssumme") rather than to the net total.
    bool lineTotal = false;
    if (haveNet && !table.lines.isEmpty() && table.sum != net && !negated) {
        for (const LabelHit &h : m_hits) {
            if (h.kind != LabelKind::LineTotal || lineTotal)
                continue;
            for (const Candidate &c : valuesFor(h)) {
                const std::optional<Decimal> v = amountFrom(c.text);
                if (v && !v->isZero() && (*v == table.sum || *v == -table.sum)) {
                    lineTotal = true;
                    break;
                }
            }
        }
    }
    const bool lineTotalNegated = lineTotal && !net.isZero() && net.signum() != table.sum.signum();
    if (haveNet && !table.lines.isEmpty() && (table.sum == net || negated || lineTotal)) {
        const std::optional<Decimal> singleRate =
            inv.vatBreakdown.size() == 1 ? inv.vatBreakdown.first().rate : std::nullopt;
        for (InvoiceLine l : table.lines) {
            if (negated || lineTotalNegated) {
                l.netAmount = -l.netAmount;
                l.quantity = -l.quantity;
            }
            // EN 16931 carries the sign on the quantity, never on the price.
            if (l.netAmount.signum() * l.quantity.signum() < 0)
                l.quantity = -l.quantity;
            if (!l.vatRate)
                l.vatRate = singleRate;
            l.vatCategory = l.vatRate && l.vatRate->signum() > 0 ? QStringLiteral("S") : QStringLiteral("Z");
            if (inv.vatBreakdown.size() == 1 && !inv.vatBreakdown.first().category.isEmpty())
                l.vatCategory = inv.vatBreakdown.first().category;
            inv.lines << l;
        }
        // The difference to the net total must go on a VAT rate as a document allowance or
        // charge; when it cannot, the lines stay out of the e-invoice.
        if (!lineTotal || documentAllowancesFromLines(inv)) {
            // The amounts add up; a row whose quantity x price does not give its amount may
            // still have its quantity or price misread, so such lines are kept but not trusted.
            m_linesAddUp = table.inconsistentRows == 0;
            if (!m_linesAddUp)
                r.reviewReasons << QStringLiteral(
                                       "On %1 invoice line(s) quantity x unit price does not give the "
                                       "printed amount; please check the quantities and prices.")
                                       .arg(table.inconsistentRows);
            const double confidence = m_linesAddUp ? 0.9 : 0.5;
            setEvidence(r, QStringLiteral("line_count"), confidence, table.page, QRectF());
            setEvidence(r, QStringLiteral("lines"), confidence, table.page, QRectF());
            return;
        }
        inv.lines.clear();
    }
    // No header the table reader knows ("BELØP" alone over the amounts): rows of a description
    // and an amount, aligned and next to each other, that add up to the net total. Not trusted
    // enough to send without a look.
    if (haveNet && !net.isZero()) {
        const TextTable rows = TextTableReader(m_numbers).readAmountRows(m_layout, net);
        if (!rows.lines.isEmpty()) {
            const bool flip = rows.sum == -net && rows.sum != net;
            const std::optional<Decimal> singleRate =
                inv.vatBreakdown.size() == 1 ? inv.vatBreakdown.first().rate : std::nullopt;
            for (InvoiceLine l : rows.lines) {
                if (flip) {
                    l.netAmount = -l.netAmount;
                    l.quantity = -l.quantity;
                }
                if (l.netAmount.signum() * l.quantity.signum() < 0)
                    l.quantity = -l.quantity;
                l.vatRate = singleRate;
                l.vatCategory =
                    l.vatRate && l.vatRate->signum() > 0 ? QStringLiteral("S") : QStringLiteral("Z");
                if (inv.vatBreakdown.size() == 1 && !inv.vatBreakdown.first().category.isEmpty())
                    l.vatCategory = inv.vatBreakdown.first().category;
                inv.lines << l;
            }
            if (inv.vatBreakdown.size() <= 1) {
                r.reviewReasons << QStringLiteral(
                    "The invoice lines were read without a table header; please check them.");
                setEvidence(r, QStringLiteral("line_count"), 0.7, rows.page, QRectF());
                setEvidence(r, QStringLiteral("lines"), 0.7, rows.page, QRectF());
                return;
            }
            inv.lines.clear(); // several rates: which line has which is not known
        }
    }
    // Fallback: one line per VAT rate keeps the e-invoice arithmetically right; it is marked
    // as made up (low confidence, arithmetic source) so that nobody takes it for the printed lines.
    if (!inv.vatBreakdown.isEmpty()) {
        inv.lines =
            TextTableReader::linesPerVatRate(inv, TextTableReader::guessLanguage(m_layout.plainText()));
        setEvidence(r, QStringLiteral("line_count"), 0.2, -1, QRectF(), FieldSource::Arithmetic);
        setEvidence(r, QStringLiteral("lines"), 0.2, -1, QRectF(), FieldSource::Arithmetic);
    }
}

/// Lines that add up to the printed line total, not to the net total: the difference per VAT
/// rate becomes a document allowance (lines above the net) or charge, so that lines - allowances
/// + charges = net (BR-CO-13). False when a line's rate is unknown or the rates do not match.
bool Reader::documentAllowancesFromLines(Invoice &inv)
{
    QList<AllowanceCharge> out;
    Decimal allowances, charges;
    for (const VatBreakdown &vb : inv.vatBreakdown) {
        Decimal sum;
        for (const InvoiceLine &l : inv.lines) {
            if (!l.vatRate)
                return false;
            if (vb.rate && *l.vatRate == *vb.rate)
                sum += l.netAmount;
        }
        const Decimal diff = sum - vb.taxableAmount;
        if (diff.isZero())
            continue;
        AllowanceCharge ac;
        ac.isCharge = diff.isNegative();
        ac.amount = diff.abs();
        ac.vatCategory = vb.category.isEmpty() ? QStringLiteral("S") : vb.category;
        ac.vatRate = vb.rate;
        ac.reason = ac.isCharge ? QStringLiteral("Charge") : QStringLiteral("Discount");
        (ac.isCharge ? charges : allowances) += ac.amount;
        out << ac;
    }
    Decimal total;
    for (const InvoiceLine &l : inv.lines)
        total += l.netAmount;
    if (out.isEmpty() || total - allowances + charges != inv.totals.taxExclusive)
        return false;
    inv.allowanceCharges << out;
    if (!allowances.isZero())
        inv.totals.allowanceTotal = allowances;
    if (!charges.isZero())
        inv.totals.chargeTotal = charges;
    return true;
}

void Reader::decideReadiness(ExtractionResult &r)
{
    const QList<std::pair<QString, QString>> required = {
        {QStringLiteral("invoice_number"), QStringLiteral("invoice number")},
        {QStringLiteral("issue_date"), QStringLiteral("issue date")},
        {QStringLiteral("currency"), QStringLiteral("currency")},
        {QStringLiteral("seller_name"), QStringLiteral("seller's name")},
        {QStringLiteral("buyer_name"), QStringLiteral("buyer's name")},
        {QStringLiteral("total_without_vat"), QStringLiteral("total without VAT")},
        {QStringLiteral("vat_total"), QStringLiteral("VAT total")},
        {QStringLiteral("total_with_vat"), QStringLiteral("total with VAT")},
        {QStringLiteral("amount_due"), QStringLiteral("amount due")}};
    bool ok = true;
    for (const auto &[field, words] : required) {
        if (!r.evidence.contains(field)) {
            r.reviewReasons << QStringLiteral("The %1 was not found on the page.").arg(words);
            ok = false;
        } else if (r.evidence[field].confidence < kConfident) {
            r.reviewReasons << QStringLiteral("The %1 is uncertain; please check it.").arg(words);
            ok = false;
        }
    }
    // A payment account that fails its check digits must not go out unchecked (its reason was
    // given when it was read).
    if (r.evidence.contains(QStringLiteral("iban")) && r.evidence[QStringLiteral("iban")].confidence < 0.6)
        ok = false;
    const DocumentTotals &t = r.invoice.totals;
    if (!m_totalsConsistent) {
        r.reviewReasons << QStringLiteral(
                               "The printed totals could not be confirmed: net %1 + VAT %2 should equal %3.")
                               .arg(t.taxExclusive.toString(),
                                    t.vatTotal ? t.vatTotal->toString() : QStringLiteral("?"),
                                    t.taxInclusive.toString());
        ok = false;
    }
    if (r.invoice.vatBreakdown.isEmpty()) {
        r.reviewReasons << QStringLiteral("The VAT breakdown per rate could not be read.");
        ok = false;
    } else if (r.evidence.value(QStringLiteral("vat_breakdown")).confidence < kConfident) {
        r.reviewReasons << QStringLiteral(
            "The invoice charges no VAT; please choose why (exempt, reverse charge, "
            "export, outside the scope of VAT).");
        ok = false;
    }
    if (!m_linesAddUp) {
        // Lines with doubtful quantities already gave their own reason in readLines().
        const bool madeUp = r.evidence.value(QStringLiteral("lines")).confidence < kMadeUpLines;
        if (r.invoice.lines.isEmpty())
            r.reviewReasons << QStringLiteral("The invoice lines could not be read.");
        else if (madeUp)
            r.reviewReasons << QStringLiteral(
                "The invoice lines could not be read so that they add up to the net total; the "
                "e-invoice carries one line per VAT rate with that rate's net amount instead.");
        ok = false;
    }
    r.ready = ok;
}

void Reader::run(ExtractionResult &r)
{
    QString all = m_layout.plainText();
    m_numbers = NumberParser(NumberParser::guessMark(all));
    m_dates = DateParser(all.contains(QLatin1String("USD")) || all.contains(QLatin1Char('$')));
    collectHits();
    static const QRegularExpression invoiceWord(
        QStringLiteral("^(invoice|faktura|lasku|rechnung|facture|factuur|factura|fatura|fattura)$"));
    for (const LabelHit &h : m_hits) {
        if (h.kind == LabelKind::CreditNoteTitle && h.ref.page == 0)
            m_creditNote = true;
        if (h.ref.page == 0 &&
            (h.kind == LabelKind::InvoiceTitle ||
             (h.kind == LabelKind::InvoiceNumber && !h.labelTokens.filter(invoiceWord).isEmpty())))
            m_invoiceTitle = true;
    }
    readNumberAndDates(r);
    readReferences(r);
    readBreakdown();
    readTotals(r);
    readParties(r);
    readIds(r);
    readPayment(r);
    readCurrency(r);
    if (m_template) {
        // A learned layout knows where its fields are; it overrides the generic guesses.
        const QStringList applied = TemplateLearner::apply(*m_template, m_layout, r);
        const DocumentTotals &t = r.invoice.totals;
        if (applied.contains(QStringLiteral("total_without_vat")) ||
            applied.contains(QStringLiteral("vat_total")) ||
            applied.contains(QStringLiteral("total_with_vat")))
            m_totalsConsistent = t.vatTotal && t.taxExclusive + *t.vatTotal == t.taxInclusive;
    }
    readLines(r);
    if (m_creditNote) {
        r.invoice.kind = DocumentKind::CreditNote;
        r.invoice.typeCode = QStringLiteral("381");
    } else {
        r.invoice.typeCode = QStringLiteral("380");
    }
    decideReadiness(r);
}

} // namespace

ExtractionResult GenericTextInvoiceReader::readLayout(const PdfTextLayout &layout, const QString &path,
                                                      const LayoutTemplate *layoutTemplate)
{
    ExtractionResult r;
    r.path = path;
    if (!layout.isUsable()) {
        r.ready = false;
        r.reviewReasons << layout.statusMessage();
        return r;
    }
    Reader reader(layout, layoutTemplate);
    reader.run(r);
    return r;
}

ExtractionResult GenericTextInvoiceReader::read(const QString &pdfPath)
{
    return readFrom(pdfPath, PdfTextLayout::load(pdfPath));
}

ExtractionResult GenericTextInvoiceReader::read(const QString &pdfPath, const PdfReader &reader)
{
    if (!reader.isOpen() || reader.path() != pdfPath)
        return read(pdfPath);
    return readFrom(pdfPath, PdfTextLayout::fromWords(reader.words()));
}

ExtractionResult GenericTextInvoiceReader::readFrom(const QString &pdfPath, const PdfTextLayout &layout)
{
    ExtractionResult generic = readLayout(layout, pdfPath);
    if (!m_templates || !layout.isUsable())
        return generic;
    const std::optional<LayoutTemplate> learned = m_templates->match(layout, generic);
    if (!learned)
        return generic;
    return readLayout(layout, pdfPath, &*learned);
}

} // namespace einvoice

#include "layouttemplate.h"

#include "dateparser.h"
#include "labeldictionary.h"
#include "numberparser.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <cmath>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LayoutTemplate", text);
}

enum class Kind
{
    Text,
    Id,
    Date,
    Amount
};

Kind kindOf(const QString &field)
{
    if (field.endsWith(QLatin1String("_date")))
        return Kind::Date;
    if (field.startsWith(QLatin1String("total")) || field == QLatin1String("vat_total") ||
        field == QLatin1String("amount_due"))
        return Kind::Amount;
    if (field.endsWith(QLatin1String("_id")) || field == QLatin1String("iban") ||
        field == QLatin1String("currency"))
        return Kind::Id;
    return Kind::Text;
}

QString compact(const QString &s)
{
    QString out;
    for (const QChar c : s)
        if (!c.isSpace())
            out += c.toCaseFolded();
    return out;
}

QString normalizedAnchor(const QString &text)
{
    QString t = text.simplified().toCaseFolded();
    while (!t.isEmpty() && (t.endsWith(QLatin1Char(':')) || t.endsWith(QLatin1Char('.'))))
        t.chop(1);
    return t;
}

bool isLabel(const TextSegment &segment)
{
    const QStringList words = segment.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty() ||
        std::any_of(segment.text.begin(), segment.text.end(), [](QChar c) { return c.isDigit(); }))
        return false;
    return LabelDictionary::instance().matchStart(words).has_value();
}

QRectF unite(const QList<TextWord> &words, int from, int to)
{
    QRectF r = words[from].box;
    for (int i = from + 1; i <= to; ++i)
        r = r.united(words[i].box);
    return r;
}

struct Found
{
    int page = -1;
    QRectF box;
};

/// Where @p value is printed: the shortest run of words on one line that reads as it.
Found locate(const PdfTextLayout &layout, const QString &field, const QString &value,
             const NumberParser &numbers)
{
    const Kind kind = kindOf(field);
    const std::optional<Decimal> amount = kind == Kind::Amount ? Decimal::parse(value) : std::nullopt;
    const QDate date = kind == Kind::Date ? QDate::fromString(value, Qt::ISODate) : QDate();
    const DateParser dates;
    const QString wanted = compact(value);
    for (const TextPage &page : layout.pages()) {
        for (const TextLine &line : page.lines) {
            const QList<TextWord> &w = line.words;
            for (int len = 1; len <= 8; ++len) {
                for (int i = 0; i + len <= w.size(); ++i) {
                    QStringList parts;
                    for (int k = i; k < i + len; ++k)
                        parts << w[k].text;
                    const QString run = parts.join(QLatin1Char(' '));
                    bool hit = false;
                    if (amount) {
                        const auto n = numbers.findAll(run);
                        hit = n.size() == 1 && n[0].value.abs() == amount->abs();
                    } else if (date.isValid()) {
                        hit = dates.parse(run) == date;
                    } else {
                        hit = compact(run) == wanted;
                    }
                    if (hit)
                        return Found{page.index, unite(w, i, i + len - 1)};
                }
            }
        }
    }
    return {};
}

/// The printed label nearest to @p box: on its line to the left, or just above it.
const TextSegment *anchorFor(const TextPage &page, const QRectF &box)
{
    const TextSegment *best = nullptr;
    double bestDistance = 1e9;
    for (const TextLine &line : page.lines) {
        for (const TextSegment &s : line.segments) {
            if (!isLabel(s) || s.box.intersects(box))
                continue;
            const bool sameLine = std::abs(s.box.center().y() - box.center().y()) < box.height();
            const bool above = s.box.bottom() <= box.top() + 1 &&
                               box.top() - s.box.bottom() < 4 * box.height() &&
                               s.box.right() > box.left() - 40 && s.box.left() < box.right() + 40;
            if (!(sameLine && s.box.right() <= box.left() + 1) && !above)
                continue;
            const double d = std::hypot(box.left() - s.box.left(), box.top() - s.box.top());
            if (d < bestDistance) {
                bestDistance = d;
                best = &s;
            }
        }
    }
    return best;
}

/// The words printed at @p target: those on lines crossing its middle that overlap it.
QString textAt(const TextPage &page, const QRectF &target)
{
    QStringList words;
    for (const TextLine &line : page.lines) {
        if (line.box.bottom() < target.center().y() - 1 || line.box.top() > target.center().y() + 1)
            continue;
        for (const TextWord &w : line.words)
            if (w.box.right() > target.left() && w.box.left() < target.right())
                words << w.text;
    }
    return words.join(QLatin1Char(' '));
}

} // namespace

QJsonObject LayoutTemplate::toJson() const
{
    QJsonArray fieldArray;
    for (const TemplateField &f : fields) {
        QJsonObject o{
            {QStringLiteral("name"), f.name},
            {QStringLiteral("page"), f.page},
            {QStringLiteral("box"), QJsonArray{f.box.x(), f.box.y(), f.box.width(), f.box.height()}}};
        if (f.hasAnchor())
            o.insert(QStringLiteral("anchor"), QJsonObject{{QStringLiteral("text"), f.anchorText},
                                                           {QStringLiteral("dx"), f.anchorOffset.x()},
                                                           {QStringLiteral("dy"), f.anchorOffset.y()}});
        fieldArray.append(o);
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("einvoice-layout-template")},
                       {QStringLiteral("version"), kVersion},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("seller_name"), sellerName},
                       {QStringLiteral("seller_key"), sellerKey},
                       {QStringLiteral("anchors"), QJsonArray::fromStringList(anchors)},
                       {QStringLiteral("fields"), fieldArray},
                       {QStringLiteral("learned_from"), learnedFrom},
                       {QStringLiteral("created"), created.toString(Qt::ISODate)}};
}

std::optional<LayoutTemplate> LayoutTemplate::fromJson(const QJsonObject &o, QString *error)
{
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("einvoice-layout-template")) {
        if (error)
            *error = tr("not an eInvoice layout template");
        return std::nullopt;
    }
    const int version = o.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > kVersion) {
        if (error)
            *error = tr("template version %1 is not supported (this program reads up to %2)")
                         .arg(version)
                         .arg(kVersion);
        return std::nullopt;
    }
    LayoutTemplate t;
    t.id = o.value(QStringLiteral("id")).toString();
    t.sellerName = o.value(QStringLiteral("seller_name")).toString();
    t.sellerKey = o.value(QStringLiteral("seller_key")).toString();
    for (const QJsonValue &a : o.value(QStringLiteral("anchors")).toArray())
        t.anchors << a.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        const QJsonArray box = f.value(QStringLiteral("box")).toArray();
        TemplateField tf;
        tf.name = f.value(QStringLiteral("name")).toString();
        tf.page = f.value(QStringLiteral("page")).toInt();
        if (box.size() == 4)
            tf.box = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
        const QJsonObject anchor = f.value(QStringLiteral("anchor")).toObject();
        tf.anchorText = anchor.value(QStringLiteral("text")).toString();
        tf.anchorOffset = QPointF(anchor.value(QStringLiteral("dx")).toDouble(),
                                  anchor.value(QStringLiteral("dy")).toDouble());
        if (!TemplateLearner::learnableFields().contains(tf.name) || tf.box.isEmpty()) {
            if (error)
                *error = tr("field '%1' of the template is not valid").arg(tf.name);
            return std::nullopt;
        }
        t.fields << tf;
    }
    t.learnedFrom = o.value(QStringLiteral("learned_from")).toString();
    t.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    if (t.id.isEmpty() || t.fields.isEmpty()) {
        if (error)
            *error = tr("the template has no id or no fields");
        return std::nullopt;
    }
    return t;
}

QStringList TemplateLearner::learnableFields()
{
    return {QStringLiteral("invoice_number"),    QStringLiteral("issue_date"),
            QStringLiteral("due_date"),          QStringLiteral("currency"),
            QStringLiteral("seller_name"),       QStringLiteral("seller_vat_id"),
            QStringLiteral("seller_org_id"),     QStringLiteral("buyer_name"),
            QStringLiteral("buyer_vat_id"),      QStringLiteral("buyer_reference"),
            QStringLiteral("order_reference"),   QStringLiteral("iban"),
            QStringLiteral("total_without_vat"), QStringLiteral("vat_total"),
            QStringLiteral("total_with_vat"),    QStringLiteral("amount_due")};
}

QStringList TemplateLearner::anchorsOf(const PdfTextLayout &layout)
{
    QSet<QString> set;
    if (layout.pages().isEmpty())
        return {};
    for (const TextLine &line : layout.pages().first().lines)
        for (const TextSegment &s : line.segments)
            if (isLabel(s))
                set.insert(normalizedAnchor(s.text));
    QStringList out(set.begin(), set.end());
    out.sort();
    return out;
}

double TemplateLearner::similarity(const QStringList &a, const QStringList &b)
{
    const QSet<QString> sa(a.begin(), a.end()), sb(b.begin(), b.end());
    const int unionSize = int((sa + sb).size());
    return unionSize == 0 ? 0.0 : double((sa & sb).size()) / unionSize;
}

bool TemplateLearner::setField(ExtractionResult &r, const QString &field, const QString &value,
                               QString *error)
{
    Invoice &inv = r.invoice;
    auto fail = [&](const QString &why) {
        if (error)
            *error = tr("%1: '%2' %3").arg(field, value, why);
        return false;
    };
    switch (kindOf(field)) {
    case Kind::Date: {
        const QDate d = QDate::fromString(value, Qt::ISODate);
        if (!d.isValid())
            return fail(tr("is not a date (use YYYY-MM-DD)"));
        (field == QLatin1String("issue_date") ? inv.issueDate : inv.dueDate) = d;
        return true;
    }
    case Kind::Amount: {
        const std::optional<Decimal> d = Decimal::parse(value);
        if (!d)
            return fail(tr("is not an amount (use digits and '.', e.g. 1234.50)"));
        if (field == QLatin1String("total_without_vat"))
            inv.totals.taxExclusive = *d;
        else if (field == QLatin1String("vat_total"))
            inv.totals.vatTotal = *d;
        else if (field == QLatin1String("total_with_vat"))
            inv.totals.taxInclusive = *d;
        else
            inv.totals.payable = *d;
        return true;
    }
    case Kind::Id:
    case Kind::Text:
        break;
    }
    const QString v = value.trimmed();
    if (field == QLatin1String("invoice_number"))
        inv.number = v;
    else if (field == QLatin1String("currency"))
        inv.currency = v.toUpper();
    else if (field == QLatin1String("seller_name"))
        inv.seller.name = v;
    else if (field == QLatin1String("seller_vat_id"))
        inv.seller.vatId = QString(v).remove(QLatin1Char(' '));
    else if (field == QLatin1String("seller_org_id"))
        inv.seller.legalRegistration.id = QString(v).remove(QLatin1Char(' '));
    else if (field == QLatin1String("buyer_name"))
        inv.buyer.name = v;
    else if (field == QLatin1String("buyer_vat_id"))
        inv.buyer.vatId = QString(v).remove(QLatin1Char(' '));
    else if (field == QLatin1String("buyer_reference"))
        inv.buyerReference = v;
    else if (field == QLatin1String("order_reference"))
        inv.orderReference = v;
    else if (field == QLatin1String("iban")) {
        if (inv.paymentMeans.isEmpty()) {
            PaymentMeans pm;
            pm.typeCode = QStringLiteral("30");
            inv.paymentMeans << pm;
        }
        if (inv.paymentMeans.first().creditTransfers.isEmpty())
            inv.paymentMeans.first().creditTransfers << CreditTransfer{};
        inv.paymentMeans.first().creditTransfers.first().accountId = QString(v).remove(QLatin1Char(' '));
    } else {
        return fail(tr("is not a field a template can hold"));
    }
    return true;
}

std::optional<LayoutTemplate> TemplateLearner::learn(const PdfTextLayout &layout,
                                                     const QMap<QString, QString> &corrections,
                                                     const ExtractionResult &generic, QStringList *notFound,
                                                     QString *error)
{
    if (!layout.isUsable()) {
        if (error)
            *error = layout.statusMessage();
        return std::nullopt;
    }
    const NumberParser numbers(NumberParser::guessMark(layout.plainText()));
    LayoutTemplate t;
    t.anchors = anchorsOf(layout);
    // Learn every confident field the reader found too, so the template keeps what was right.
    QMap<QString, QString> values;
    const QJsonObject fields = generic.fieldsJson();
    for (const QString &f : learnableFields()) {
        const QJsonValue v = fields.value(f);
        if (v.isString() && generic.evidence.value(f).confidence >= 0.8)
            values.insert(f, v.toString());
    }
    for (auto it = corrections.begin(); it != corrections.end(); ++it) {
        if (!learnableFields().contains(it.key())) {
            if (error)
                *error = tr("'%1' is not a field a template can hold; fields: %2")
                             .arg(it.key(), learnableFields().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        values.insert(it.key(), it.value());
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        const Found where = locate(layout, it.key(), it.value(), numbers);
        if (where.page < 0) {
            if (corrections.contains(it.key()) && notFound)
                *notFound << it.key();
            continue;
        }
        TemplateField f;
        f.name = it.key();
        f.page = where.page;
        f.box = where.box;
        if (const TextSegment *anchor = anchorFor(layout.pages()[where.page], where.box)) {
            f.anchorText = normalizedAnchor(anchor->text);
            f.anchorOffset = where.box.topLeft() - anchor->box.topLeft();
        }
        t.fields << f;
    }
    if (t.fields.isEmpty()) {
        if (error)
            *error = tr("none of the values could be found on the page");
        return std::nullopt;
    }
    ExtractionResult corrected = generic;
    for (auto it = corrections.begin(); it != corrections.end(); ++it)
        setField(corrected, it.key(), it.value(), nullptr);
    t.sellerName = corrected.invoice.seller.name;
    t.sellerKey = !corrected.invoice.seller.vatId.isEmpty() ? corrected.invoice.seller.vatId
                                                            : corrected.invoice.seller.legalRegistration.id;
    t.learnedFrom = QFileInfo(generic.path).fileName();
    t.created = QDateTime::currentDateTimeUtc();
    const QByteArray key = (t.sellerName + QLatin1Char('|') + t.anchors.join(QLatin1Char('|'))).toUtf8();
    QString stem = t.sellerName.isEmpty() ? QStringLiteral("layout") : t.sellerName;
    stem.replace(
        QRegularExpression(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption),
        QStringLiteral("-"));
    t.id = stem.left(40).toLower() + QLatin1Char('-') +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(8));
    return t;
}

QStringList TemplateLearner::apply(const LayoutTemplate &t, const PdfTextLayout &layout, ExtractionResult &r)
{
    QStringList set;
    const NumberParser numbers(NumberParser::guessMark(layout.plainText()));
    const DateParser dates;
    for (const TemplateField &f : t.fields) {
        if (f.page >= layout.pages().size())
            continue;
        const TextPage &page = layout.pages()[f.page];
        QRectF target = f.box;
        if (f.hasAnchor()) {
            // The same label on this page; the value keeps its place relative to it.
            const TextSegment *best = nullptr;
            double bestDistance = 1e9;
            for (const TextLine &line : page.lines)
                for (const TextSegment &s : line.segments)
                    if (normalizedAnchor(s.text) == f.anchorText) {
                        const double d = std::hypot(s.box.left() + f.anchorOffset.x() - f.box.left(),
                                                    s.box.top() + f.anchorOffset.y() - f.box.top());
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = &s;
                        }
                    }
            if (best)
                target.moveTopLeft(best->box.topLeft() + f.anchorOffset);
        }
        // Values differ in length: widen the box, more to the side the value grows to.
        const QRectF search = target.adjusted(-target.width() * 0.6 - 10, 0, target.width() * 0.6 + 10, 0);
        const QString printed = textAt(page, search).trimmed();
        if (printed.isEmpty())
            continue;
        QString value;
        switch (kindOf(f.name)) {
        case Kind::Date:
            if (const QDate d = dates.parse(printed); d.isValid())
                value = d.toString(Qt::ISODate);
            break;
        case Kind::Amount: {
            const auto n = numbers.findAll(printed);
            if (!n.isEmpty())
                value = n.last().value.abs().toString();
            break;
        }
        case Kind::Id:
        case Kind::Text:
            value = printed;
            break;
        }
        if (value.isEmpty() || !setField(r, f.name, value, nullptr))
            continue;
        r.evidence.insert(f.name, FieldEvidence{0.95, FieldSource::Template, f.page, target});
        set << f.name;
    }
    return set;
}

QString TemplateStore::defaultDir()
{
    const QString env = qEnvironmentVariable("EINVOICE_TEMPLATE_DIR");
    if (!env.isEmpty())
        return env;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QStringLiteral("/einvoice-connector/templates");
}

QList<LayoutTemplate> TemplateStore::all(QStringList *problems) const
{
    QList<LayoutTemplate> out;
    const QDir dir(m_dir);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        QString error;
        std::optional<LayoutTemplate> t;
        if (f.open(QIODevice::ReadOnly))
            t = LayoutTemplate::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
        else
            error = f.errorString();
        if (t)
            out << *t;
        else if (problems)
            *problems << QStringLiteral("%1: %2").arg(f.fileName(), error);
    }
    return out;
}

bool TemplateStore::save(const LayoutTemplate &t, QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = tr("%1: cannot create the template folder").arg(m_dir);
        return false;
    }
    QSaveFile f(QDir(m_dir).filePath(t.id + QStringLiteral(".json")));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(t.toJson()).toJson()) < 0 || !f.commit()) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

bool TemplateStore::remove(const QString &id, QString *error) const
{
    const QString path = QDir(m_dir).filePath(id + QStringLiteral(".json"));
    if (!QFile::exists(path) || !QFile::remove(path)) {
        if (error)
            *error = tr("%1: no such template").arg(id);
        return false;
    }
    return true;
}

std::optional<LayoutTemplate> TemplateStore::match(const PdfTextLayout &layout,
                                                   const ExtractionResult &generic) const
{
    std::optional<LayoutTemplate> best;
    const QList<LayoutTemplate> templates = all();
    if (templates.isEmpty())
        return best; // no layout learned yet: nothing to compare the page's anchors with
    const QStringList anchors = TemplateLearner::anchorsOf(layout);
    double bestScore = 0;
    for (const LayoutTemplate &t : templates) {
        double score = TemplateLearner::similarity(anchors, t.anchors);
        const QString key = !generic.invoice.seller.vatId.isEmpty()
                                ? generic.invoice.seller.vatId
                                : generic.invoice.seller.legalRegistration.id;
        if (!key.isEmpty() && compact(key) == compact(t.sellerKey))
            score += 0.3; // the same sender's own layout
        if (score >= 0.6 && score > bestScore) {
            bestScore = score;
            best = t;
        }
    }
    return best;
}

} // namespace einvoice

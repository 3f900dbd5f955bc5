#include "samplerenderer.h"

#include <QBuffer>
#include <QFont>
#include <QFontDatabase>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

namespace einvoice::samples {

namespace {

// Page coordinates are PDF points (resolution 72), origin top-left, A4.
constexpr qreal kPageW = 595.0;
constexpr qreal kPageH = 842.0;
constexpr qreal kMargin = 48.0;

QString fontFamily()
{
    // Loaded from the file so the sample does not depend on fontconfig's choice.
    static const QString family = [] {
        QString fam = QStringLiteral("DejaVu Sans");
        for (const char *file : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                 "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"}) {
            const int id = QFontDatabase::addApplicationFont(QString::fromLatin1(file));
            if (id >= 0 && !QFontDatabase::applicationFontFamilies(id).isEmpty())
                fam = QFontDatabase::applicationFontFamilies(id).constFirst();
        }
        return fam;
    }();
    return family;
}

QFont font(qreal points, bool bold = false)
{
    QFont f(fontFamily());
    f.setPointSizeF(points);
    f.setBold(bold);
    // No shaping, so no ligatures: "fi" would otherwise reach the text layer as U+FB01 and
    // defeat text search (the samples also exercise the printed-text reader).
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

class Page
{
public:
    Page(QPainter &p, const Sample &s) : m_p(p), m_s(s), m_locale(s.labels.locale) {}

    QString money(const Decimal &d) const
    {
        // Locale grouping and decimal mark with the two decimals of the document.
        const QString plain = d.toString(2);
        const bool negative = plain.startsWith(QLatin1Char('-'));
        const QString digits = negative ? plain.mid(1) : plain;
        const QString intPart = digits.section(QLatin1Char('.'), 0, 0);
        const QString frac = digits.section(QLatin1Char('.'), 1, 1);
        QString grouped;
        for (int i = 0; i < intPart.size(); ++i) {
            if (i > 0 && (intPart.size() - i) % 3 == 0)
                grouped += m_locale.groupSeparator();
            grouped += intPart[i];
        }
        return (negative ? QStringLiteral("-") : QString()) + grouped + m_locale.decimalPoint() + frac;
    }
    QString number(const Decimal &d) const
    {
        QString t = d.normalized().toString();
        return t.replace(QLatin1Char('.'), m_locale.decimalPoint());
    }
    QString date(const QDate &d) const { return m_locale.toString(d, m_s.labels.dateFormat); }

    void text(qreal x, qreal y, const QString &t, const QFont &f, Qt::Alignment align = Qt::AlignLeft,
              qreal width = 0, const QColor &color = Qt::black)
    {
        m_p.setFont(f);
        m_p.setPen(color);
        const QRectF box(x, y, width > 0 ? width : kPageW - x - kMargin, 400);
        m_p.drawText(box, int(align | Qt::AlignTop), t);
    }
    qreal lines(qreal x, qreal y, const QStringList &rows, const QFont &f, qreal step = 13)
    {
        for (const QString &r : rows) {
            text(x, y, r, f);
            y += step;
        }
        return y;
    }

    QStringList partyLines(const Party &party) const
    {
        QStringList rows;
        rows << party.address.line1;
        rows << (party.address.postCode + QLatin1Char(' ') + party.address.city).trimmed();
        rows << QLocale::territoryToString(
            QLocale(QLocale::AnyLanguage, QLocale::AnyScript, territoryOf(party.address.countryCode))
                .territory());
        if (!party.vatId.isEmpty())
            rows << m_s.labels.vatId + QLatin1Char(' ') + party.vatId;
        if (!party.legalRegistration.id.isEmpty() && party.legalRegistration.id != party.vatId.mid(2))
            rows << m_s.labels.orgNumber + QLatin1Char(' ') + party.legalRegistration.id;
        return rows;
    }

    static QLocale::Territory territoryOf(const QString &code)
    {
        for (const QLocale &l :
             QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory)) {
            if (l.name().section(QLatin1Char('_'), 1, 1) == code)
                return l.territory();
        }
        return QLocale::AnyTerritory;
    }

    void render();

private:
    qreal header();
    qreal meta(qreal y);
    qreal table(qreal y);
    qreal summary(qreal y);
    void footer();

    QPainter &m_p;
    const Sample &m_s;
    QLocale m_locale;
};

qreal Page::header()
{
    const Invoice &inv = m_s.invoice;
    const Labels &l = m_s.labels;
    if (m_s.layout == 1) {
        // Banded: a coloured band with the seller name, the title on the right.
        m_p.fillRect(QRectF(0, 0, kPageW, 86), m_s.accent);
        text(kMargin, 26, inv.seller.name, font(17, true), Qt::AlignLeft, 330, Qt::white);
        text(kMargin, 52,
             inv.seller.address.line1 + QStringLiteral(" · ") + inv.seller.address.postCode +
                 QLatin1Char(' ') + inv.seller.address.city,
             font(8.5), Qt::AlignLeft, 330, Qt::white);
        text(kPageW - kMargin - 180, 30, l.title, font(20, true), Qt::AlignRight, 180, Qt::white);
        return 110;
    }
    // Classic: seller block top-left, title top-right, a rule under both.
    text(kMargin, 40, inv.seller.name, font(15, true), Qt::AlignLeft, 320, m_s.accent);
    qreal y = lines(kMargin, 62, partyLines(inv.seller), font(8.5), 11.5);
    if (!inv.seller.contact.email.isEmpty())
        y = lines(kMargin, y, {inv.seller.contact.phone, inv.seller.contact.email}, font(8.5), 11.5);
    text(kPageW - kMargin - 200, 40, l.title, font(22, true), Qt::AlignRight, 200, m_s.accent);
    m_p.setPen(QPen(m_s.accent, 1.2));
    m_p.drawLine(QPointF(kMargin, y + 8), QPointF(kPageW - kMargin, y + 8));
    return y + 22;
}

qreal Page::meta(qreal y)
{
    const Invoice &inv = m_s.invoice;
    const Labels &l = m_s.labels;
    // Buyer on the left, document data on the right.
    text(kMargin, y, l.billTo, font(8, true), Qt::AlignLeft, 240, m_s.accent);
    text(kMargin, y + 13, inv.buyer.name, font(10.5, true), Qt::AlignLeft, 250);
    qreal left = lines(kMargin, y + 29, partyLines(inv.buyer), font(9), 12.5);

    QList<QPair<QString, QString>> rows;
    rows << qMakePair(l.invoiceNumber, inv.number) << qMakePair(l.issueDate, date(inv.issueDate));
    if (inv.dueDate.isValid())
        rows << qMakePair(l.dueDate, date(inv.dueDate));
    if (!inv.buyerReference.isEmpty())
        rows << qMakePair(l.buyerReference, inv.buyerReference);
    if (!inv.orderReference.isEmpty())
        rows << qMakePair(l.orderReference, inv.orderReference);
    for (const PrecedingInvoice &p : inv.precedingInvoices)
        rows << qMakePair(l.precedingInvoice, p.number);
    const qreal x = 318;
    qreal right = y;
    if (m_s.layout == 1) {
        m_p.fillRect(QRectF(x - 8, y - 6, kPageW - kMargin - x + 8, rows.size() * 15 + 10),
                     QColor(0xf1, 0xf3, 0xf4));
    }
    for (const auto &r : rows) {
        text(x, right, r.first, font(8.5), Qt::AlignLeft, 110, QColor(0x44, 0x44, 0x44));
        text(x + 112, right, r.second, font(9, true), Qt::AlignLeft, kPageW - kMargin - x - 112);
        right += 15;
    }
    return std::max(left, right) + 22;
}

qreal Page::table(qreal y)
{
    const Invoice &inv = m_s.invoice;
    const Labels &l = m_s.labels;
    // Columns: description | qty | unit | unit price | VAT % | amount
    const qreal cx[] = {kMargin, 268, 320, 356, 428, 470};
    const qreal right = kPageW - kMargin;
    const QColor headBg = m_s.layout == 1 ? m_s.accent : QColor(0xe6, 0xe8, 0xec);
    const QColor headFg = m_s.layout == 1 ? Qt::white : Qt::black;
    m_p.fillRect(QRectF(kMargin, y, right - kMargin, 18), headBg);
    text(cx[0] + 4, y + 4, l.description, font(8.5, true), Qt::AlignLeft, cx[1] - cx[0] - 12, headFg);
    text(cx[1], y + 4, l.quantity, font(8.5, true), Qt::AlignRight, cx[2] - cx[1] - 6, headFg);
    text(cx[2], y + 4, l.unit, font(8.5, true), Qt::AlignLeft, 36, headFg);
    text(cx[3], y + 4, l.unitPrice, font(8.5, true), Qt::AlignRight, cx[4] - cx[3] - 6, headFg);
    text(cx[4], y + 4, l.vatRate, font(8.5, true), Qt::AlignRight, cx[5] - cx[4] - 6, headFg);
    text(cx[5], y + 4, l.amount, font(8.5, true), Qt::AlignRight, right - cx[5] - 4, headFg);
    y += 22;
    for (const InvoiceLine &line : inv.lines) {
        text(cx[0] + 4, y, line.itemName, font(9), Qt::AlignLeft, cx[1] - cx[0] - 12);
        text(cx[1], y, number(line.quantity), font(9), Qt::AlignRight, cx[2] - cx[1] - 6);
        text(cx[2], y, line.unitCode, font(9), Qt::AlignLeft, 36);
        text(cx[3], y, money(line.netPrice), font(9), Qt::AlignRight, cx[4] - cx[3] - 6);
        text(cx[4], y, line.vatRate ? number(*line.vatRate) : QString(), font(9), Qt::AlignRight,
             cx[5] - cx[4] - 6);
        text(cx[5], y, money(line.netAmount), font(9), Qt::AlignRight, right - cx[5] - 4);
        y += 17;
        m_p.setPen(QPen(QColor(0xd0, 0xd0, 0xd0), 0.5));
        m_p.drawLine(QPointF(kMargin, y - 4), QPointF(right, y - 4));
    }
    return y + 14;
}

qreal Page::summary(qreal y)
{
    const Invoice &inv = m_s.invoice;
    const Labels &l = m_s.labels;
    const QString cur = inv.currency;
    // VAT summary on the left.
    text(kMargin, y, l.vatSummary, font(9, true), Qt::AlignLeft, 240, m_s.accent);
    qreal ly = y + 16;
    text(kMargin, ly, l.vatRate, font(8, true), Qt::AlignLeft, 50);
    text(kMargin + 50, ly, l.taxable, font(8, true), Qt::AlignRight, 100);
    text(kMargin + 150, ly, l.vat, font(8, true), Qt::AlignRight, 80);
    ly += 13;
    for (const VatBreakdown &b : inv.vatBreakdown) {
        text(kMargin, ly, b.rate ? number(*b.rate) + QStringLiteral(" %") : b.category, font(8.5),
             Qt::AlignLeft, 50);
        text(kMargin + 50, ly, money(b.taxableAmount), font(8.5), Qt::AlignRight, 100);
        text(kMargin + 150, ly, money(b.taxAmount), font(8.5), Qt::AlignRight, 80);
        ly += 13;
    }

    // Totals on the right.
    const qreal x = 330;
    const qreal w = kPageW - kMargin - x;
    QList<QPair<QString, Decimal>> rows = {{l.totalNet, inv.totals.taxExclusive},
                                           {l.totalVat, inv.totals.vatTotal.value_or(Decimal())},
                                           {l.totalGross, inv.totals.taxInclusive}};
    qreal ry = y;
    for (const auto &r : rows) {
        text(x, ry, r.first, font(9), Qt::AlignLeft, w - 100);
        text(x, ry, money(r.second) + QLatin1Char(' ') + cur, font(9), Qt::AlignRight, w);
        ry += 15;
    }
    if (m_s.layout == 1)
        m_p.fillRect(QRectF(x - 6, ry - 2, w + 6, 22), QColor(0xf1, 0xf3, 0xf4));
    m_p.setPen(QPen(m_s.accent, 1));
    m_p.drawLine(QPointF(x, ry - 3), QPointF(x + w, ry - 3));
    text(x, ry + 2, l.amountDue, font(10.5, true), Qt::AlignLeft, w - 110);
    text(x, ry + 2, money(inv.totals.payable) + QLatin1Char(' ') + cur, font(10.5, true), Qt::AlignRight, w);
    ry += 24;
    return std::max(ly, ry) + 20;
}

void Page::footer()
{
    const Invoice &inv = m_s.invoice;
    const Labels &l = m_s.labels;
    qreal y = kPageH - 150;
    text(kMargin, y, l.payment, font(9, true), Qt::AlignLeft, 300, m_s.accent);
    y += 15;
    QStringList rows;
    if (!inv.paymentTerms.isEmpty())
        rows << l.paymentTerms + QStringLiteral(": ") + inv.paymentTerms;
    for (const PaymentMeans &pm : inv.paymentMeans) {
        for (const CreditTransfer &ct : pm.creditTransfers) {
            // IBAN printed in groups of four, as banks print it.
            QString grouped;
            for (int i = 0; i < ct.accountId.size(); i += 4)
                grouped += ct.accountId.mid(i, 4) + QLatin1Char(' ');
            rows << l.iban + QStringLiteral(": ") + grouped.trimmed();
            if (!ct.bic.isEmpty())
                rows << l.bic + QStringLiteral(": ") + ct.bic;
        }
        if (!pm.remittanceInfo.isEmpty())
            rows << l.paymentReference + QStringLiteral(": ") + pm.remittanceInfo;
    }
    lines(kMargin, y, rows, font(9), 13);

    // Company footer: legal data of the seller.
    m_p.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 0.5));
    m_p.drawLine(QPointF(kMargin, kPageH - 62), QPointF(kPageW - kMargin, kPageH - 62));
    const Party &s = inv.seller;
    QStringList legal = {s.name, s.address.line1 + QStringLiteral(", ") + s.address.postCode +
                                     QLatin1Char(' ') + s.address.city};
    QStringList ids;
    if (!s.legalRegistration.id.isEmpty())
        ids << l.orgNumber + QLatin1Char(' ') + s.legalRegistration.id;
    if (!s.vatId.isEmpty())
        ids << l.vatId + QLatin1Char(' ') + s.vatId;
    if (!s.taxRegistrationId.isEmpty())
        ids << s.taxRegistrationId;
    if (!s.legalInfo.isEmpty())
        ids << s.legalInfo;
    QStringList contact;
    if (!s.contact.phone.isEmpty())
        contact << s.contact.phone;
    if (!s.contact.email.isEmpty())
        contact << s.contact.email;
    const QColor grey(0x55, 0x55, 0x55);
    text(kMargin, kPageH - 55, legal.join(QLatin1Char('\n')), font(7.5), Qt::AlignLeft, 170, grey);
    text(kMargin + 165, kPageH - 55, ids.join(QLatin1Char('\n')), font(7.5), Qt::AlignLeft, 170, grey);
    text(kMargin + 330, kPageH - 55, contact.join(QStringLiteral("\n")), font(7.5), Qt::AlignLeft, 170, grey);
    text(kMargin, kPageH - 22, l.page + QStringLiteral(" 1/1"), font(7), Qt::AlignRight, kPageW - 2 * kMargin,
         grey);
}

void Page::render()
{
    qreal y = header();
    y = meta(y);
    y = table(y);
    summary(y);
    footer();
}

} // namespace

QByteArray renderPdf(const Sample &sample, QString *error)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72); // painter units are PDF points
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setCreator(QStringLiteral("eInvoice Connector sample generator"));
        writer.setTitle(sample.labels.title + QLatin1Char(' ') + sample.invoice.number);
        QPainter painter;
        if (!painter.begin(&writer)) {
            if (error)
                *error = QStringLiteral("cannot start painting the PDF for %1").arg(sample.name);
            return QByteArray();
        }
        painter.setRenderHint(QPainter::Antialiasing);
        Page page(painter, sample);
        page.render();
        painter.end();
    }
    QByteArray pdf = buffer.data();
    // QPdfWriter stamps the current time (Info dictionary and XMP). Replace it by the invoice
    // date at the same length so the xref offsets stay right and the output is reproducible.
    const QByteArray fixedInfo =
        sample.invoice.issueDate.toString(QStringLiteral("yyyyMMdd")).toLatin1() + "120000";
    static const QRegularExpression infoDate(QStringLiteral("\\(D:(\\d{14})"));
    QString latin = QString::fromLatin1(pdf);
    auto it = infoDate.globalMatch(latin);
    while (it.hasNext()) {
        const auto m = it.next();
        pdf.replace(m.capturedStart(1), 14, fixedInfo);
    }
    static const QRegularExpression xmpDate(QStringLiteral("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})"));
    const QByteArray fixedXmp =
        sample.invoice.issueDate.toString(QStringLiteral("yyyy-MM-dd")).toLatin1() + "T12:00:00";
    it = xmpDate.globalMatch(latin);
    while (it.hasNext()) {
        const auto m = it.next();
        pdf.replace(m.capturedStart(1), 19, fixedXmp);
    }
    return pdf;
}

} // namespace einvoice::samples

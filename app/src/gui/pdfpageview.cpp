#include "pdfpageview.h"

#include <QPainter>
#include <QResizeEvent>
#include <poppler/qt6/poppler-qt6.h>

namespace einvoice::gui {

PdfPageView::PdfPageView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(200, 260);
}

PdfPageView::~PdfPageView() = default;

QString PdfPageView::setDocument(const QString &path)
{
    m_doc.reset();
    m_page = 0;
    m_highlight = {};
    m_image = {};
    m_message.clear();
    if (path.isEmpty()) {
        update();
        return {};
    }
    m_doc = Poppler::Document::load(path);
    if (!m_doc || m_doc->isLocked()) {
        m_doc.reset();
        m_message = tr("%1: the PDF cannot be shown (damaged or password protected).").arg(path);
        update();
        return m_message;
    }
    m_doc->setRenderHint(Poppler::Document::Antialiasing);
    m_doc->setRenderHint(Poppler::Document::TextAntialiasing);
    render();
    return {};
}

int PdfPageView::pageCount() const
{
    return m_doc ? m_doc->numPages() : 0;
}

void PdfPageView::setPage(int page)
{
    if (!m_doc || page < 0 || page >= m_doc->numPages() || page == m_page)
        return;
    m_page = page;
    render();
}

void PdfPageView::setHighlight(int page, const QRectF &box)
{
    m_highlight = box;
    if (page >= 0 && page != m_page)
        setPage(page);
    update();
}

int PdfPageView::heightForWidth(int w) const
{
    if (m_pageSize.isEmpty())
        return int(w * 1.414);
    return int(w * m_pageSize.height() / m_pageSize.width());
}

void PdfPageView::render()
{
    m_image = {};
    if (!m_doc)
        return;
    std::unique_ptr<Poppler::Page> page = m_doc->page(m_page);
    if (!page)
        return;
    m_pageSize = page->pageSizeF();
    if (m_pageSize.isEmpty())
        return;
    const double w = qMax(100, width()) * devicePixelRatioF();
    const double dpi = 72.0 * w / m_pageSize.width();
    m_image = page->renderToImage(dpi, dpi);
    m_image.setDevicePixelRatio(devicePixelRatioF());
    m_scale = dpi / 72.0 / devicePixelRatioF();
    update();
}

void PdfPageView::resizeEvent(QResizeEvent *e)
{
    QWidget::resizeEvent(e);
    if (m_doc && e->size().width() != e->oldSize().width())
        render();
}

void PdfPageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Mid));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message.isEmpty() ? tr("No page to show") : m_message);
        return;
    }
    p.drawImage(QPointF(0, 0), m_image);
    if (!m_highlight.isNull()) {
        const QRectF r(m_highlight.x() * m_scale, m_highlight.y() * m_scale, m_highlight.width() * m_scale,
                       m_highlight.height() * m_scale);
        p.setPen(QPen(QColor(220, 40, 40), 2));
        p.setBrush(QColor(255, 220, 0, 90));
        p.drawRect(r.adjusted(-2, -2, 2, 2));
    }
}

} // namespace einvoice::gui

#pragma once

#include <QImage>
#include <QRectF>
#include <QWidget>
#include <memory>

namespace Poppler {
class Document;
}

namespace einvoice::gui {

/// Shows one page of a PDF rendered with Poppler-Qt6, scaled to the widget's width, and
/// outlines one box on it (the word box of the field being looked at). Rendering happens on
/// the GUI thread when the document, the page or the width changes (one page: ~30 ms).
/// Owns its Poppler document.
class PdfPageView : public QWidget
{
    Q_OBJECT
public:
    explicit PdfPageView(QWidget *parent = nullptr);
    ~PdfPageView() override;

    /// Opens @p path; returns an error naming the file, or an empty string. An empty path clears.
    QString setDocument(const QString &path);
    int pageCount() const;
    void setPage(int page);
    int page() const { return m_page; }
    /// Outlines @p box (PDF points, origin top-left) on @p page, turning to that page.
    void setHighlight(int page, const QRectF &box);
    QRectF highlight() const { return m_highlight; }
    /// The page as rendered now (tests look at the highlight's pixels).
    QImage renderedPage() const { return m_image; }

    QSize sizeHint() const override { return {420, 594}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;

protected:
    void paintEvent(QPaintEvent *) override;
    void resizeEvent(QResizeEvent *) override;

private:
    void render();
    std::unique_ptr<Poppler::Document> m_doc;
    int m_page = 0;
    QSizeF m_pageSize; // points
    QImage m_image;
    double m_scale = 1.0; // pixels per point
    QRectF m_highlight;
    QString m_message;
};

} // namespace einvoice::gui

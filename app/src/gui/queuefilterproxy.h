#pragma once

#include <QSortFilterProxyModel>

namespace einvoice::gui {

/// Filters and sorts the QueueModel for the queue window: a status filter (the portal-style
/// tabs: all, needs review, ready, sent, failed), a free-text search and sorting by the model's
/// SortRole. GUI thread; does not own its source model.
class QueueFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Filter
    {
        All,
        NeedsReview, ///< needs review
        Ready,       ///< ready or approved, waiting to go
        Sent,        ///< sending, sent or delivered
        Failed,      ///< failed or rejected
    };

    explicit QueueFilterProxy(QObject *parent = nullptr);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    QString m_search;
};

} // namespace einvoice::gui

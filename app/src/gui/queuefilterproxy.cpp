#include "queuefilterproxy.h"

#include "jobstate.h"
#include "queuemodel.h"

namespace einvoice::gui {

QueueFilterProxy::QueueFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(QueueModel::SortRole);
    setDynamicSortFilter(true);
}

void QueueFilterProxy::setFilter(Filter filter)
{
    m_filter = filter;
    invalidateFilter();
}

void QueueFilterProxy::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool QueueFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = JobState(idx.data(QueueModel::StateRole).toInt());
    bool stateOk = true;
    switch (m_filter) {
    case Filter::All:
        break;
    case Filter::NeedsReview:
        stateOk = state == JobState::NeedsReview;
        break;
    case Filter::Ready:
        stateOk = state == JobState::Ready || state == JobState::Approved;
        break;
    case Filter::Sent:
        stateOk = state == JobState::Sending || state == JobState::Sent || state == JobState::Delivered;
        break;
    case Filter::Failed:
        stateOk = state == JobState::Failed || state == JobState::Rejected;
        break;
    }
    if (!stateOk)
        return false;
    if (m_search.isEmpty())
        return true;
    return idx.data(QueueModel::SearchRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace einvoice::gui

#pragma once

#include "jobfiles.h"
#include "jobjournal.h"

#include <QString>

namespace einvoice {

/// The decisions a person takes on the send queue (approve, retry, discard), as rules over the
/// journal. The running engine applies them (asked by the tray or over the control socket) and
/// the CLI applies them directly to the journal when no engine runs; both get the same checks
/// and the same timeline entries. Each call is one journal transition guarded by the state the
/// job is in now. Not thread-safe: use from the journal's thread. Owns nothing.
class QueueActions
{
public:
    QueueActions(JobJournal &journal, JobFiles files) : m_journal(journal), m_files(std::move(files)) {}

    /// ready -> approved; needs_review -> approved only when the e-invoice passes the rules
    /// (a person looked at it; the rules still decide whether it can be sent).
    QString approve(qint64 jobId, const QString &who = {});
    /// Approves every ready job; returns how many in @p count.
    QString approveAllReady(int *count, const QString &who = {});
    /// failed -> approved (it failed while sending) or -> captured (it failed while reading,
    /// so it is read again); approved with a retry time -> due now.
    QString retry(qint64 jobId, const QString &who = {});
    QString discard(qint64 jobId, const QString &reason, const QString &who = {});

private:
    QString by(const QString &who) const;
    JobJournal &m_journal;
    JobFiles m_files;
};

} // namespace einvoice

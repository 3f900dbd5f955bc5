#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace einvoice {

/// Where one captured document is on its way to the recipient.
///
///     captured -> read -> needs_review | ready -> approved -> sending -> sent -> delivered
///                                                                          \-> rejected | failed
/// plus discarded (the bookkeeper decided it is not to be sent). The allowed moves are in
/// isTransitionAllowed(); the journal refuses everything else.
enum class JobState
{
    Captured,    // copied into the spool, hashed and recorded; nothing read yet
    Read,        // the document was read; the pipeline decides between review and ready
    NeedsReview, // a person must check or complete it before it may be sent
    Ready,       // complete and valid; waits for approval (review_all) or is approved at once
    Approved,    // may be sent; also where a transient send failure waits for its retry time
    Sending,     // handed to the transport; outcome unknown until it answers
    Sent,        // the portal accepted it and gave a remote id
    Delivered,   // the recipient's access point confirmed delivery (final)
    Rejected,    // the portal or the recipient refused it (final)
    Failed,      // could not be read or sent, and retrying will not help (final)
    Discarded,   // withdrawn by the bookkeeper (final)
};

/// Every state, in pipeline order.
QList<JobState> allJobStates();

/// The stable name stored in the journal and used on the command line ("needs_review").
/// Never translate or rename: the journal and scripts depend on it.
QString jobStateName(JobState state);
/// The reverse of jobStateName(); nullopt for an unknown name.
std::optional<JobState> jobStateFromName(const QString &name);
/// A short translated label for the UI ("Needs review").
QString jobStateLabel(JobState state);

/// Final states are those the engine never leaves on its own: delivered, rejected, failed,
/// discarded. The pipeline and the sender never pick up a job in a final state, and the crash
/// test's "every document ends in exactly one final state" means one of these. Only an explicit
/// request by a person may leave one, and only failed may be left (retry or discard), because
/// delivered and rejected record what the recipient side did and must not be rewritten.
bool isFinalState(JobState state);

/// True when @p from -> @p to is a legal move. Staying in the same state is never a transition.
bool isTransitionAllowed(JobState from, JobState to);
/// The states reachable from @p from in one legal move.
QList<JobState> allowedTransitions(JobState from);

} // namespace einvoice

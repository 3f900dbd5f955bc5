#include "jobstate.h"

#include <QCoreApplication>

namespace einvoice {

QList<JobState> allJobStates()
{
    return {JobState::Captured, JobState::Read,    JobState::NeedsReview, JobState::Ready,
            JobState::Approved, JobState::Sending, JobState::Sent,        JobState::Delivered,
            JobState::Rejected, JobState::Failed,  JobState::Discarded};
}

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Captured:
        return QStringLiteral("captured");
    case JobState::Read:
        return QStringLiteral("read");
    case JobState::NeedsReview:
        return QStringLiteral("needs_review");
    case JobState::Ready:
        return QStringLiteral("ready");
    case JobState::Approved:
        return QStringLiteral("approved");
    case JobState::Sending:
        return QStringLiteral("sending");
    case JobState::Sent:
        return QStringLiteral("sent");
    case JobState::Delivered:
        return QStringLiteral("delivered");
    case JobState::Rejected:
        return QStringLiteral("rejected");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (JobState s : allJobStates()) {
        if (jobStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString jobStateLabel(JobState state)
{
    switch (state) {
    case JobState::Captured:
        return QCoreApplication::translate("JobState", "Captured");
    case JobState::Read:
        return QCoreApplication::translate("JobState", "Read");
    case JobState::NeedsReview:
        return QCoreApplication::translate("JobState", "Needs review");
    case JobState::Ready:
        return QCoreApplication::translate("JobState", "Ready");
    case JobState::Approved:
        return QCoreApplication::translate("JobState", "Approved");
    case JobState::Sending:
        return QCoreApplication::translate("JobState", "Sending");
    case JobState::Sent:
        return QCoreApplication::translate("JobState", "Sent");
    case JobState::Delivered:
        return QCoreApplication::translate("JobState", "Delivered");
    case JobState::Rejected:
        return QCoreApplication::translate("JobState", "Rejected");
    case JobState::Failed:
        return QCoreApplication::translate("JobState", "Failed");
    case JobState::Discarded:
        return QCoreApplication::translate("JobState", "Discarded");
    }
    return {};
}

bool isFinalState(JobState state)
{
    return state == JobState::Delivered || state == JobState::Rejected || state == JobState::Failed ||
           state == JobState::Discarded;
}

QList<JobState> allowedTransitions(JobState from)
{
    using S = JobState;
    switch (from) {
    case S::Captured:
        // Failed: the file is no invoice at all (the original goes to Failed/ with an explanation).
        return {S::Read, S::Failed, S::Discarded};
    case S::Read:
        return {S::NeedsReview, S::Ready, S::Failed, S::Discarded};
    case S::NeedsReview:
        // Approved directly: the reviewer corrected and approved in one step.
        return {S::Ready, S::Approved, S::Discarded};
    case S::Ready:
        // NeedsReview: the bookkeeper opened a ready job to change something.
        return {S::Approved, S::NeedsReview, S::Discarded};
    case S::Approved:
        // Approval can be withdrawn as long as nothing went to the portal.
        return {S::Sending, S::NeedsReview, S::Discarded};
    case S::Sending:
        // Approved: transient failure, wait for the retry time (also crash recovery).
        // Rejected: the portal refused it at submission (e.g. validation at the access point).
        // Not Discarded: the outcome is unknown, so the job must first learn where it stands.
        return {S::Sent, S::Approved, S::Rejected, S::Failed};
    case S::Sent:
        return {S::Delivered, S::Rejected, S::Failed};
    case S::Failed:
        // A person's "retry" (read again, or send again) or "discard"; the engine itself never
        // leaves a final state.
        return {S::Captured, S::Approved, S::Discarded};
    case S::Delivered:
    case S::Rejected:
    case S::Discarded:
        return {};
    }
    return {};
}

bool isTransitionAllowed(JobState from, JobState to)
{
    return allowedTransitions(from).contains(to);
}

} // namespace einvoice

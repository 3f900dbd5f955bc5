#include "queueactions.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace einvoice {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("QueueActions", text);
}
} // namespace

QString QueueActions::by(const QString &who) const
{
    return who.isEmpty() ? QString() : tr(" by %1").arg(who);
}

QString QueueActions::approve(qint64 jobId, const QString &who)
{
    QString error;
    const std::optional<Job> job = m_journal.job(jobId, &error);
    if (!job)
        return error.isEmpty() ? tr("There is no job %1.").arg(jobId) : error;
    if (job->state != JobState::Ready && job->state != JobState::NeedsReview)
        return tr("Job %1 is %2; only ready or reviewed jobs can be approved.")
            .arg(jobId)
            .arg(jobStateLabel(job->state));
    if (!QFile::exists(m_files.einvoicePath(jobId))) {
        QStringList problems;
        for (const QJsonValue &f : m_files.validation(jobId).value(QStringLiteral("failures")).toArray())
            if (f.toObject().value(QStringLiteral("fatal")).toBool())
                problems << f.toObject().value(QStringLiteral("message")).toString() + QStringLiteral(" (") +
                                f.toObject().value(QStringLiteral("rule")).toString() + QLatin1Char(')');
        return tr("Job %1 cannot be approved: the e-invoice breaks rules that must hold before it can be "
                  "sent. "
                  "Correct it first.%2")
            .arg(jobId)
            .arg(problems.isEmpty() ? QString()
                                    : QStringLiteral("\n  - ") + problems.join(QStringLiteral("\n  - ")));
    }
    TransitionOptions options;
    options.expectedState = job->state;
    return m_journal.transition(jobId, JobState::Approved, tr("Approved for sending%1.").arg(by(who)),
                                options);
}

QString QueueActions::approveAllReady(int *count, const QString &who)
{
    JobQuery query;
    query.states = {JobState::Ready};
    query.order = JobOrder::OldestFirst;
    QString error;
    const QList<Job> ready = m_journal.jobs(query, &error);
    if (!error.isEmpty())
        return error;
    int n = 0;
    for (const Job &job : ready) {
        if (approve(job.id, who).isEmpty())
            ++n;
    }
    if (count)
        *count = n;
    return {};
}

QString QueueActions::retry(qint64 jobId, const QString &who)
{
    QString error;
    const std::optional<Job> job = m_journal.job(jobId, &error);
    if (!job)
        return error.isEmpty() ? tr("There is no job %1.").arg(jobId) : error;
    TransitionOptions options;
    options.expectedState = job->state;
    if (job->state == JobState::Failed) {
        // A job that failed while reading has never been tried to send; read it again. One that
        // failed while sending still has its e-invoice: send it again, from a fresh count.
        const bool sendFailure = job->attempts > 0 && QFile::exists(m_files.einvoicePath(jobId));
        options.lastError = QString();
        if (sendFailure) {
            options.attempts = 0;
            return m_journal.transition(jobId, JobState::Approved, tr("Sending again%1.").arg(by(who)),
                                        options);
        }
        return m_journal.transition(jobId, JobState::Captured, tr("Reading again%1.").arg(by(who)), options);
    }
    if (job->state == JobState::Approved && job->nextRetryAt.isValid()) {
        // Approved -> approved is not a transition; going through needs_review would lose the
        // approval. Clearing the retry time is done by a fresh approval below.
        TransitionOptions back;
        back.expectedState = JobState::Approved;
        if (const QString e = m_journal.transition(
                jobId, JobState::NeedsReview, tr("Retry requested%1; approving again.").arg(by(who)), back);
            !e.isEmpty())
            return e;
        TransitionOptions again;
        again.expectedState = JobState::NeedsReview;
        return m_journal.transition(jobId, JobState::Approved, tr("Sending again now%1.").arg(by(who)),
                                    again);
    }
    return tr("Job %1 is %2; only failed jobs or jobs waiting for a retry can be retried.")
        .arg(jobId)
        .arg(jobStateLabel(job->state));
}

QString QueueActions::discard(qint64 jobId, const QString &reason, const QString &who)
{
    QString error;
    const std::optional<Job> job = m_journal.job(jobId, &error);
    if (!job)
        return error.isEmpty() ? tr("There is no job %1.").arg(jobId) : error;
    if (!isTransitionAllowed(job->state, JobState::Discarded))
        return tr("Job %1 is %2 and can no longer be discarded.").arg(jobId).arg(jobStateLabel(job->state));
    TransitionOptions options;
    options.expectedState = job->state;
    const QString message =
        reason.isEmpty() ? tr("Discarded%1.").arg(by(who)) : tr("Discarded%1: %2").arg(by(who), reason);
    return m_journal.transition(jobId, JobState::Discarded, message, options);
}

} // namespace einvoice

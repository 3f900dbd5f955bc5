#pragma once

#include "agentconfig.h"
#include "clock.h"
#include "documentprocessor.h"
#include "incomingjournal.h"
#include "intake.h"
#include "jobfiles.h"
#include "jobjournal.h"
#include "transport.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>
#include <mutex>

namespace einvoice {

class AuditLog;
class FolderWatcher;
class RetryPolicy;

/// What the tray icon and `einvoice status` show.
struct EngineStatus
{
    QMap<JobState, int> counts;
    bool sendingPaused = false;
    int reading = 0;      ///< documents with the readers: being read or next in line
    int sending = 0;      ///< documents with the transport: uploading or waiting for a connection
    QStringList problems; ///< user-visible: folders missing or polled, spool full, transport errors
    QString lastSendError;
};

/// The agent engine: watched folders and the printer spool feed captured documents into the
/// journal; a worker pool reads and builds them; the send policy decides between review and
/// approval; approved jobs go to the profile's transport with retries (exponential backoff with
/// jitter, from the injected clock); everything is recorded in the journal before anything
/// else happens, so a crash at any point resumes from the last committed state.
///
/// Threading: lives in the thread that creates it (the daemon's or the tray's main thread),
/// which owns the journal (the single writer), the watchers and the timers. Reading runs on a
/// QThreadPool of config.workers threads; sending, polling and answering on a sender pool, with
/// at most Transport::maxConcurrentCalls() uploads per transport at once (calls to a transport
/// that takes one at a time are serialised by a lock). Results come back to the engine's thread by queued
/// calls. The clock is not owned and must outlive the engine.
class Engine : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<std::unique_ptr<Transport>(const SenderProfile &, QString *error)>;

    Engine(AgentConfig config, const Clock &clock, QObject *parent = nullptr);
    ~Engine() override;

    /// Replaces how transports are made (default: folder transport; https/sftp through the
    /// factory the front end installs). Call before start().
    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    /// Timers drive reading and sending (default on). Tests turn them off and call
    /// processPending() / sendDue() themselves, with a ManualClock.
    void setAutoRun(bool on) { m_autoRun = on; }
    /// Folder watchers and the printer spool (default on).
    void setWatchersEnabled(bool on) { m_watchersEnabled = on; }

    /// Opens the journal, recovers from a crash, starts watchers, timers and the workers.
    QString start();
    /// Stops watching and waits for documents being read or sent (bounded by the transport's
    /// timeouts); their results are committed.
    void stop();
    bool isRunning() const { return m_running; }

    const AgentConfig &config() const { return m_config; }
    /// How documents are read (in the PDF reader processes when available); any thread.
    const DocumentProcessor &processor() const { return m_processor; }
    JobJournal &journal() { return m_journal; }
    const JobFiles &files() const { return m_files; }

    /// Takes a document in as if it had appeared in a watched folder of @p profileId: copied to
    /// the spool, hashed, recorded. With @p archiveOriginal the original is moved to Processed/
    /// or Failed/ afterwards (watched folders), otherwise left alone (CLI, tray "add file").
    struct Submitted
    {
        qint64 jobId = 0;
        bool duplicate = false;
        QString error;
    };
    Submitted submitFile(const QString &path, const QString &profileId, SourceKind source,
                         bool archiveOriginal = false, const QJsonObject &sourceInfo = {});
    struct Submission
    {
        QString path;
        QString profileId;
        SourceKind source = SourceKind::Cli;
        bool archiveOriginal = false;
        QJsonObject sourceInfo;
    };
    /// submitFile() for many files at once, as a folder full of exports arrives: the spool
    /// folder is flushed once and the jobs are recorded in one transaction, so a thousand
    /// files cost a thousand data flushes, not three thousand flushes. Results in @p files order.
    QList<Submitted> submitFiles(const QList<Submission> &files);

    QString approve(qint64 jobId, const QString &who = {});
    QString approveAllReady(int *count, const QString &who = {});
    QString retry(qint64 jobId, const QString &who = {});
    QString discard(qint64 jobId, const QString &reason, const QString &who = {});
    /// Replaces the invoice of a job with a person's correction, rebuilds and revalidates the
    /// e-invoice; the job becomes ready when it passes, and is approved too when asked.
    QString correct(qint64 jobId, const Invoice &corrected, const QStringList &changedFields,
                    bool approveAfter, const QString &who = {});
    void setSendingPaused(bool paused);
    bool isSendingPaused() const { return m_paused; }
    EngineStatus status() const;

    /// Hands captured jobs to the readers (what the timer does).
    void processPending();
    /// Hands due approved jobs to the transport (what the timer does).
    void sendDue();
    /// Retries intake of originals that could not be taken (spool full, unreadable).
    void retryIntake();
    /// Asks every profile's transport for status changes of sent documents and for incoming
    /// invoices (what the poll timer does every config.statusPollSecs, backing off on failures).
    /// @p done, if given, is called on the engine's thread once that poll (or the one already
    /// running) has been applied to the journal.
    void pollRemote(std::function<void()> done = {});

    /// The incoming invoices stored so far (the journal's incoming table).
    IncomingJournal incoming() { return IncomingJournal(m_journal); }
    /// The Peppol invoice response code for a word the user typed ("accept", "reject", "paid",
    /// "in-process", "under-query", "acknowledge") or a code itself; nullopt if neither.
    static std::optional<QString> responseCode(const QString &wordOrCode);
    /// What is wrong with answering @p record with @p wordOrCode and @p note ("" if nothing);
    /// @p code receives the Peppol code. A rejection or a query needs a note.
    static QString checkResponse(const QString &wordOrCode, const QString &note, const IncomingRecord &record,
                                 QString *code);
    /// Whether answers about invoices received for @p profileId can go back through its transport
    /// (the portal over HTTPS, SFTP with an inbound folder; not a folder). @p error says why the
    /// transport cannot be made at all; then false.
    bool supportsResponses(const QString &profileId, QString *error = nullptr);
    /// Sends the user's business response about incoming invoice @p incomingId back through its
    /// profile's transport (on the sender pool, beside uploads in progress) and records it.
    /// A rejection or a query needs @p note (the reason the seller reads). @p done gets "" or the
    /// problem in plain words, on the engine's thread.
    void respondToIncoming(qint64 incomingId, const QString &wordOrCode, const QString &note,
                           std::function<void(const QString &error)> done, const QString &who = {});
    /// True when nothing is being read or sent and no intake waits.
    bool isIdle() const;

signals:
    void jobChanged(qint64 jobId, einvoice::JobState state);
    void statusChanged();
    void sendFailed(qint64 jobId, const QString &message);
    void duplicateIgnored(const QString &path, qint64 existingJobId);
    void intakeFailed(const QString &path, const QString &message);
    /// New incoming invoices were stored in the incoming folder (one entry per invoice: its files).
    void incomingArrived(const QStringList &paths, const QString &seller, const QString &number);
    /// The user's business response about an incoming invoice reached the portal.
    void incomingResponded(qint64 incomingId, const QString &code);
    /// Emitted whenever the engine becomes idle (tests and benchmarks wait for it).
    void idle();

private:
    struct ReadOutcome;
    struct SendOutcome;
    void onFileReady(const QString &path, const QString &profileId, SourceKind source);
    void takeReadyFiles();
    /// submitFiles() in steps: checks, the spool copy, then the journal record; what touches files
    /// outside the journal is appended to @p afterCommit (main thread) or @p writeAfterCommit
    /// (thread-safe file writes, run side by side).
    bool canTakeIn(const Submission &file, Submitted &out) const;
    bool tookIn(const Submission &file, const Intake::Copy &copy, Submitted &out);
    void record(const Submission &file, const Intake::Copy &copy, Submitted &out,
                QList<std::function<void()>> &afterCommit, QList<std::function<void()>> &writeAfterCommit);
    void onRead(const ReadOutcome &outcome);
    void drainRead();
    void onSent(const SendOutcome &outcome);
    void drainSent();
    struct PollOutcome;
    void onPolled(const PollOutcome &outcome);
    void applyRemoteStatus(const QString &profileId, const RemoteStatus &status);
    void archive(const Job &job, bool failed, const QString &error);
    Transport *transportFor(const QString &profileId, QString *error);
    QString chain(qint64 jobId, const QList<JobJournal::Step> &steps);
    QString transition(qint64 jobId, JobState to, const QString &message,
                       const TransitionOptions &options = {});
    void checkIdle();
    void startWatchers();
    QJsonObject printerMetadata(const QString &pdfPath) const;

    AgentConfig m_config;
    const Clock &m_clock;
    JobJournal m_journal;
    JobFiles m_files;
    DocumentProcessor m_processor;
    std::unique_ptr<Intake> m_intake;
    std::unique_ptr<Intake> m_printerIntake;
    std::unique_ptr<RetryPolicy> m_retry;
    std::unique_ptr<AuditLog> m_audit;
    QList<FolderWatcher *> m_watchers;
    QThreadPool m_readers;
    QThreadPool m_sender;
    QTimer m_tick;
    static constexpr int kCommitDelayMs = 5;
    /// Threads for uploads (each waits on its transport while the call is in flight) plus polls
    /// and answers: one HTTPS profile's calls in flight (16) and room for the others.
    static constexpr int kSenderThreads = 24;
    QTimer m_drainReadTimer; ///< commits the read results gathered so far
    QTimer m_drainSentTimer; ///< commits the send results gathered so far
    QTimer m_pollTimer;
    bool m_pollRunning = false;
    QList<std::function<void()>> m_pollWaiters;
    int m_pollFailures = 0;
    TransportFactory m_transportFactory;
    QHash<QString, std::shared_ptr<Transport>> m_transports;
    QHash<QString, std::shared_ptr<std::mutex>> m_serial; ///< per profile; null = concurrent calls allowed
    std::mutex m_readMutex;
    QList<ReadOutcome> m_read; ///< results from the readers not yet committed (m_readMutex)
    std::mutex m_sentMutex;
    QList<SendOutcome> m_sent;      ///< results from the sender pool not yet committed (m_sentMutex)
    bool m_sendBacklog = false;     ///< due jobs were held back by a transport's limit
    QHash<QString, int> m_inFlight; ///< sends with the transport now, per profile
    QSet<qint64> m_reading;
    QSet<qint64> m_sending;
    QHash<QString, QPair<QString, SourceKind>> m_intakeRetry; // path -> (profile, source)
    QList<Submission> m_readyFiles;        ///< settled files waiting for the next takeReadyFiles()
    QHash<qint64, QString> m_displayNames; ///< captured jobs not yet read: name for messages
    QThreadPool m_intakeCopiers;           ///< spool copies of a batch, side by side
    QHash<QString, QString> m_problems;    // key -> message
    QString m_lastSendError;
    bool m_paused = false;
    bool m_running = false;
    bool m_autoRun = true;
    bool m_watchersEnabled = true;
    bool m_wasIdle = true;
};

} // namespace einvoice

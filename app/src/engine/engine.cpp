#include "engine.h"

#include "auditlog.h"
#include "einvoicexml.h"
#include "foldertransport.h"
#include "folderwatcher.h"
#include "incomingstore.h"
#include "intake.h"
#include "pdfworkerpool.h"
#include "queueactions.h"
#include "retrypolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "einvoice.engine")

namespace einvoice {

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return hash.result().toHex();
}

std::optional<FieldSource> fieldSourceFromName(const QString &name)
{
    for (FieldSource s : {FieldSource::EmbeddedXml, FieldSource::Template, FieldSource::Label,
                          FieldSource::Arithmetic, FieldSource::Profile, FieldSource::User})
        if (fieldSourceName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace

struct Engine::ReadOutcome
{
    qint64 jobId = 0;
    bool readable = false;
    bool ready = false;
    QString error;      // not an invoice (the job fails)
    QString writeError; // the job folder could not be written (retried)
    QStringList reviewReasons;
    JobDisplay display;
};

struct Engine::PollOutcome
{
    struct Profile
    {
        QString profileId;
        StatusPoll status;
        InboxPoll inbox;
        struct Stored
        {
            IncomingRecord record; ///< paths empty when it was stored on an earlier poll
            QString error;
        };
        QList<Stored> stored;
    };
    QList<Profile> profiles;
};

struct Engine::SendOutcome
{
    qint64 jobId = 0;
    QString profileId;
    SendResult result;
    QString transportKind;
    QString where;
};

Engine::Engine(AgentConfig config, const Clock &clock, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock), m_files(m_config.jobsDir),
      m_processor(m_config.templateDir), m_retry(std::make_unique<RetryPolicy>(m_config.retry))
{
    m_readers.setMaxThreadCount(std::max(1, m_config.workers));
    // Poppler parses untrusted bytes: it runs in reader processes with time and memory bounds,
    // so that no document can crash or stall the agent.
    if (m_config.pdfWorker != QLatin1String("inprocess")) {
        PdfWorkerPool::Options reading;
        reading.program = m_config.pdfWorker.isEmpty() ? PdfWorkerPool::defaultProgram() : m_config.pdfWorker;
        reading.timeoutMs = m_config.readTimeoutSecs * 1000;
        reading.memoryMb = m_config.readMemoryMb;
        reading.maxIdleWorkers = std::max(1, m_config.workers);
        if (QFileInfo(reading.program).isExecutable())
            m_processor.setPdfSource(std::make_shared<PdfWorkerPool>(reading));
        else
            qCWarning(lcEngine).noquote()
                << "the PDF reader" << reading.program
                << "is missing: documents are read inside the agent, without bounds";
    }
    // Uploads side by side where the transport allows (HttpsPortalTransport::maxConcurrentCalls),
    // plus a thread for polls and answers so they never wait behind a slow upload.
    m_sender.setMaxThreadCount(kSenderThreads);
    m_intakeCopiers.setMaxThreadCount(4);
    m_pollTimer.setInterval(std::max(10, m_config.statusPollSecs) * 1000);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { pollRemote(); });
    // Results are committed a few milliseconds after the first one arrives, with whatever else
    // arrived meanwhile: under load many per flush of the journal instead of one or two.
    for (QTimer *drain : {&m_drainReadTimer, &m_drainSentTimer}) {
        drain->setSingleShot(true);
        drain->setInterval(kCommitDelayMs);
    }
    connect(&m_drainReadTimer, &QTimer::timeout, this, &Engine::drainRead);
    connect(&m_drainSentTimer, &QTimer::timeout, this, &Engine::drainSent);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        retryIntake();
        processPending();
        sendDue();
    });
}

Engine::~Engine()
{
    stop();
}

QString Engine::start()
{
    if (m_running)
        return {};
    if (const QString e = m_config.ensureDirectories(); !e.isEmpty())
        return e;
    if (const QString e = m_journal.open(m_config.journalPath, &m_clock); !e.isEmpty())
        return e;
    // Every state change, whoever makes it, goes to the append-only audit log too. Records are
    // flushed to disk in small batches (at most 16 unflushed; a kill -9 loses none, since each
    // record is written with O_APPEND at once) and at stop.
    m_audit = std::make_unique<AuditLog>();
    if (const QString e = m_audit->open(m_config.dataDir, &m_clock); !e.isEmpty()) {
        m_journal.close();
        return e;
    }
    m_audit->setSyncEvery(16);
    m_journal.setChangeObserver([this](const Job &job, std::optional<JobState> from, const QString &message) {
        if (const QString e = m_audit->appendTransition(job, from, message); !e.isEmpty())
            qCWarning(lcEngine) << e;
    });
    QString error;
    const QList<qint64> requeued = m_journal.recoverAfterCrash(&error);
    if (!error.isEmpty())
        return error;
    if (!requeued.isEmpty())
        qCWarning(lcEngine) << "requeued after an interrupted run:" << requeued;
    m_paused = m_config.sendingPaused ||
               m_journal.setting(QStringLiteral("sending_paused")) == QLatin1String("true");
    m_intake = std::make_unique<Intake>(m_config.spoolDir, m_clock);
    m_printerIntake = std::make_unique<Intake>(m_config.spoolDir, m_clock);
    m_printerIntake->setArchiveRoot(QDir(m_config.dataDir).filePath(QStringLiteral("printed")));
    m_running = true;
    if (m_watchersEnabled)
        startWatchers();
    if (m_autoRun) {
        m_tick.start();
        m_pollTimer.start(5000); // first look soon after start, then every statusPollSecs
        QTimer::singleShot(0, this, [this] {
            processPending();
            sendDue();
        });
    }
    qCInfo(lcEngine) << "engine started; journal" << m_config.journalPath << "profiles"
                     << m_config.profiles.size();
    emit statusChanged();
    return {};
}

void Engine::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_tick.stop();
    m_pollTimer.stop();
    qDeleteAll(m_watchers);
    m_watchers.clear();
    m_readers.waitForDone();
    m_sender.waitForDone();
    // Results of the last reads and sends are queued to this thread, or wait for their commit
    // timer: commit them now.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    m_drainReadTimer.stop();
    m_drainSentTimer.stop();
    drainRead();
    drainSent();
    // Settled files not taken in yet stay in their folders; the next start finds them.
    m_readyFiles.clear();
    m_displayNames.clear();
    m_transports.clear();
    m_serial.clear();
    m_inFlight.clear();
    m_journal.setChangeObserver({});
    m_journal.close();
    if (m_audit) {
        m_audit->flush();
        m_audit->close();
    }
    qCInfo(lcEngine) << "engine stopped";
}

void Engine::startWatchers()
{
    auto watch = [this](const QString &folder, const QString &profileId, SourceKind source) {
        FolderWatcher::Options o;
        o.profileId = profileId;
        o.settle.stableProbes = 2;
        o.settle.probeIntervalMs = m_config.settleMs;
        o.rescanMs = m_config.rescanMs;
        // The printer's spool directory may not exist until the first print, under a root-owned
        // 0711 parent that cannot be watched: FolderWatcher polls a missing folder at pollMs.
        o.pollMs = m_config.pollMs;
        o.forcePolling = m_config.forcePolling;
        auto *w = new FolderWatcher(folder, o, m_clock, this);
        connect(w, &FolderWatcher::fileReady, this,
                [this, source](const QString &path, const QString &profile) {
                    onFileReady(path, profile, source);
                });
        connect(w, &FolderWatcher::degraded, this, [this, folder](const QString &reason) {
            m_problems.insert(QStringLiteral("watch:") + folder, reason);
            emit statusChanged();
        });
        connect(w, &FolderWatcher::folderMissing, this, [this, folder](const QString &reason) {
            m_problems.insert(QStringLiteral("missing:") + folder, reason);
            emit statusChanged();
        });
        connect(w, &FolderWatcher::folderBack, this, [this, folder] {
            m_problems.remove(QStringLiteral("missing:") + folder);
            emit statusChanged();
        });
        m_watchers << w;
        w->start();
    };
    for (const SenderProfile &p : m_config.profiles)
        for (const QString &folder : p.watchFolders)
            watch(folder, p.id, SourceKind::Folder);
    if (!m_config.printerSpoolDir.isEmpty())
        watch(m_config.printerSpoolDir, m_config.printerProfile, SourceKind::Printer);
}

QJsonObject Engine::printerMetadata(const QString &pdfPath) const
{
    // docs/printer.md: <base>.json is complete before <base>.pdf appears. When it is missing or
    // unusable the PDF is still the invoice: it is taken, and "metadata_error" says why the
    // print job's details are not there (submitFile notes it in the job's timeline).
    const QFileInfo info(pdfPath);
    const QString jsonPath = info.dir().filePath(info.completeBaseName() + QStringLiteral(".json"));
    const auto problem = [&](const QString &why) {
        return QJsonObject{{QStringLiteral("metadata_error"), QStringLiteral("%1: %2").arg(jsonPath, why)}};
    };
    QFile f(jsonPath);
    if (!f.open(QIODevice::ReadOnly))
        return problem(tr("the print job's metadata cannot be read (%1)").arg(f.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &parseError);
    if (!doc.isObject())
        return problem(
            tr("the print job's metadata is not a JSON object (%1)").arg(parseError.errorString()));
    const QJsonObject meta = doc.object();
    const QString format = meta.value(QStringLiteral("format")).toString();
    if (format != QLatin1String("einvoice-capture/1") &&
        !format.startsWith(QLatin1String("einvoice-capture/1.")))
        return problem(
            tr("the print job's metadata has format '%1'; this agent reads einvoice-capture/1").arg(format));
    const QString pdf = meta.value(QStringLiteral("pdf")).toString();
    if (pdf != info.fileName())
        return problem(tr("the print job's metadata describes '%1', not '%2'").arg(pdf, info.fileName()));
    return meta;
}

void Engine::onFileReady(const QString &path, const QString &profileId, SourceKind source)
{
    QJsonObject info;
    if (source == SourceKind::Printer)
        info[QStringLiteral("print_job")] = printerMetadata(path);
    // Files that settle together (a folder full of exports) are taken in together.
    if (m_readyFiles.isEmpty())
        QTimer::singleShot(0, this, &Engine::takeReadyFiles);
    m_readyFiles << Submission{path, profileId, source, true, info};
}

void Engine::takeReadyFiles()
{
    const QList<Submission> files = std::exchange(m_readyFiles, {});
    for (const Submitted &s : submitFiles(files))
        if (!s.error.isEmpty())
            qCWarning(lcEngine) << s.error;
}

Engine::Submitted Engine::submitFile(const QString &path, const QString &profileId, SourceKind source,
                                     bool archiveOriginal, const QJsonObject &sourceInfo)
{
    return submitFiles({Submission{path, profileId, source, archiveOriginal, sourceInfo}}).constFirst();
}

QList<Engine::Submitted> Engine::submitFiles(const QList<Submission> &files)
{
    QList<Submitted> out(files.size());
    // 1. Every file into the spool (each one's data flushed), then each spool folder flushed
    //    once, so that no job is recorded whose spool copy a power cut could take away.
    //    The copies themselves (read, hash, write, flush) run side by side: the flushes overlap.
    QList<std::optional<Intake::Copy>> copies(files.size());
    for (int i = 0; i < files.size(); ++i) {
        if (!canTakeIn(files[i], out[i]))
            continue;
        Intake *intake = files[i].source == SourceKind::Printer ? m_printerIntake.get() : m_intake.get();
        auto *copy = &copies[i];
        const QString original = files[i].path;
        if (files.size() == 1)
            *copy = intake->copyToSpool(original, false);
        else
            m_intakeCopiers.start([intake, copy, original] { *copy = intake->copyToSpool(original, false); });
    }
    m_intakeCopiers.waitForDone();
    bool printerCopies = false, folderCopies = false;
    for (int i = 0; i < files.size(); ++i) {
        if (copies[i] && !tookIn(files[i], *copies[i], out[i]))
            copies[i].reset();
        if (copies[i])
            (files[i].source == SourceKind::Printer ? printerCopies : folderCopies) = true;
    }
    if (folderCopies)
        m_intake->syncSpoolFolder();
    if (printerCopies)
        m_printerIntake->syncSpoolFolder();
    // 2. All of them recorded in one transaction (one flush of the journal for the lot).
    //    What changes files outside the journal waits until the records are on disk.
    QList<std::function<void()>> afterCommit, writeAfterCommit;
    const bool batch = files.size() > 1;
    if (batch) {
        if (const QString e = m_journal.beginBatch(); !e.isEmpty())
            qCWarning(lcEngine) << e;
    }
    for (int i = 0; i < files.size(); ++i) {
        if (copies[i])
            record(files[i], *copies[i], out[i], afterCommit, writeAfterCommit);
    }
    if (batch) {
        if (const QString e = m_journal.endBatch(); !e.isEmpty()) {
            // Nothing of the batch was recorded: the originals stay and are taken in again.
            qCWarning(lcEngine) << e;
            for (int i = 0; i < files.size(); ++i) {
                if (!copies[i] || !out[i].error.isEmpty())
                    continue;
                m_displayNames.remove(out[i].jobId); // the id may be given out again
                out[i] = Submitted{};
                out[i].error = e;
                if (files[i].archiveOriginal) {
                    m_intakeRetry.insert(files[i].path, qMakePair(files[i].profileId, files[i].source));
                    m_problems.insert(QStringLiteral("intake:") + files[i].path, e);
                }
            }
            emit statusChanged();
            return out;
        }
    }
    for (const auto &write : writeAfterCommit) {
        if (writeAfterCommit.size() == 1)
            write();
        else
            m_intakeCopiers.start(write);
    }
    m_intakeCopiers.waitForDone();
    for (const auto &action : afterCommit)
        action();
    // Once per batch, not per file: ten thousand files are one status change and one call.
    if (std::any_of(out.begin(), out.end(), [](const Submitted &s) { return s.jobId > 0 && !s.duplicate; })) {
        emit statusChanged();
        if (m_autoRun)
            QTimer::singleShot(0, this, &Engine::processPending);
    }
    return out;
}

bool Engine::canTakeIn(const Submission &file, Submitted &out) const
{
    if (!m_running)
        out.error = tr("%1: the engine is not running").arg(file.path);
    else if (!m_config.profile(file.profileId))
        out.error = tr("%1: no sender profile named '%2'").arg(file.path, file.profileId);
    return out.error.isEmpty();
}

bool Engine::tookIn(const Submission &file, const Intake::Copy &copy, Submitted &out)
{
    const QString &path = file.path;
    if (!copy.ok) {
        if (copy.changedWhileCopying) {
            // Still being written: the watcher reports the new version once it settles.
            out.error =
                tr("%1 changed while it was being copied; it is taken when it is complete.").arg(path);
            return false;
        }
        out.error = copy.error;
        if (file.archiveOriginal) {
            // The original stays where it is; intake is tried again until it succeeds.
            m_intakeRetry.insert(path, qMakePair(file.profileId, file.source));
            m_problems.insert(QStringLiteral("intake:") + path, copy.error);
            emit intakeFailed(path, copy.error);
            emit statusChanged();
        }
        return false;
    }
    if (m_intakeRetry.remove(path) > 0) {
        m_problems.remove(QStringLiteral("intake:") + path);
        emit statusChanged();
    }
    return true;
}

void Engine::record(const Submission &file, const Intake::Copy &copy, Submitted &out,
                    QList<std::function<void()>> &afterCommit, QList<std::function<void()>> &writeAfterCommit)
{
    const QString &path = file.path;
    const SourceKind source = file.source;
    const bool archiveOriginal = file.archiveOriginal;
    NewJob job;
    job.senderProfile = file.profileId;
    job.contentHash = QString::fromLatin1(copy.sha256);
    job.source = source;
    job.originalPath = path;
    job.spoolPath = copy.spoolPath;
    const QJsonObject printJob = file.sourceInfo.value(QStringLiteral("print_job")).toObject();
    if (source == SourceKind::Printer)
        job.message = tr("Printed by %1: \"%2\"")
                          .arg(printJob.value(QStringLiteral("user")).toString(),
                               printJob.value(QStringLiteral("title")).toString(QFileInfo(path).fileName()));
    else
        job.message = tr("Captured from %1").arg(QDir::toNativeSeparators(path));
    const AddJobResult added = m_journal.addJob(job);
    if (!added.ok()) {
        out.error = added.error;
        if (archiveOriginal) {
            m_intakeRetry.insert(path, qMakePair(file.profileId, source));
            m_problems.insert(QStringLiteral("intake:") + path, added.error);
            afterCommit << [this] { emit statusChanged(); };
        }
        return;
    }
    out.jobId = added.jobId;
    if (added.isDuplicate) {
        out.duplicate = true;
        const std::optional<Job> existing = m_journal.job(added.jobId);
        if (existing && existing->originalPath == path) {
            // The same original found again after a restart. Before its reading finished, the
            // reading archives it; after, archiving was all that was left to do.
            if (existing->state != JobState::Captured && existing->state != JobState::Read)
                afterCommit <<
                    [this, j = *existing] { archive(j, j.state == JobState::Failed, j.lastError); };
            return;
        }
        qCInfo(lcEngine) << path << "is the same document as job" << added.jobId << "; not sent again";
        m_journal.note(added.jobId, tr("The same document came in again as %1; it is not sent twice.")
                                        .arg(QDir::toNativeSeparators(path)));
        const qint64 id = added.jobId;
        afterCommit << [this, path, source, archiveOriginal, id] {
            if (archiveOriginal) {
                Intake &intake = source == SourceKind::Printer ? *m_printerIntake : *m_intake;
                const Intake::Archived a = intake.archiveOriginal(path, Intake::Outcome::Processed);
                if (!a.ok) {
                    qCWarning(lcEngine) << a.error;
                } else if (source == SourceKind::Printer) {
                    // The capture's metadata goes with its PDF, or it stays in the spool for good.
                    const QFileInfo info(path);
                    QFile::remove(info.dir().filePath(info.completeBaseName() + QStringLiteral(".json")));
                }
            }
            emit duplicateIgnored(path, id);
        };
        return;
    }
    if (const QString e = printJob.value(QStringLiteral("metadata_error")).toString(); !e.isEmpty()) {
        qCWarning(lcEngine) << e;
        m_journal.note(added.jobId, e);
    }
    QJsonObject meta = file.sourceInfo;
    meta[QStringLiteral("original_path")] = path;
    meta[QStringLiteral("source")] = sourceKindName(source);
    meta[QStringLiteral("archive_original")] = archiveOriginal;
    meta[QStringLiteral("size")] = copy.size;
    meta[QStringLiteral("display_name")] =
        source == SourceKind::Printer && !printJob.value(QStringLiteral("title")).toString().isEmpty()
            ? printJob.value(QStringLiteral("title")).toString()
            : QFileInfo(path).fileName();
    const qint64 id = added.jobId;
    m_displayNames.insert(id, meta.value(QStringLiteral("display_name")).toString());
    // Thread-safe file work, done side by side for a batch (see submitFiles).
    writeAfterCommit << [this, id, meta] {
        if (const QString e = m_files.writeSource(id, meta); !e.isEmpty())
            qCWarning(lcEngine) << e;
    };
    afterCommit << [this, id] { emit jobChanged(id, JobState::Captured); };
}

void Engine::retryIntake()
{
    const auto pending = m_intakeRetry;
    QList<Submission> retry;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        if (!QFile::exists(it.key())) {
            m_intakeRetry.remove(it.key());
            m_problems.remove(QStringLiteral("intake:") + it.key());
            continue;
        }
        QJsonObject info;
        if (it.value().second == SourceKind::Printer)
            info[QStringLiteral("print_job")] = printerMetadata(it.key());
        retry << Submission{it.key(), it.value().first, it.value().second, true, info};
    }
    if (!retry.isEmpty())
        submitFiles(retry);
}

void Engine::processPending()
{
    if (!m_running)
        return;
    // Documents handed to the readers at once: each worker has the next ones waiting, so it
    // never idles while the engine commits results (every kCommitDelayMs) and hands out more.
    const int capacity = 6 * std::max(1, m_config.workers);
    if (m_reading.size() >= capacity)
        return;
    JobQuery query;
    query.states = {JobState::Captured, JobState::Read};
    query.order = JobOrder::OldestFirst;
    query.limit = capacity + m_reading.size();
    QString error;
    const QList<Job> jobs = m_journal.jobs(query, &error);
    if (!error.isEmpty()) {
        qCWarning(lcEngine) << error;
        return;
    }
    for (const Job &job : jobs) {
        if (m_reading.size() >= capacity)
            break;
        if (m_reading.contains(job.id))
            continue;
        const SenderProfile *profile = m_config.profile(job.senderProfile);
        if (!profile) {
            TransitionOptions o;
            o.lastError = tr("The sender profile '%1' is no longer configured.").arg(job.senderProfile);
            transition(job.id, JobState::Failed, *o.lastError, o);
            m_displayNames.remove(job.id);
            continue;
        }
        m_reading.insert(job.id);
        // Known since intake, unless the agent restarted in between: then from source.json.
        QString displayName = m_displayNames.take(job.id);
        if (displayName.isEmpty())
            displayName = m_files.source(job.id)
                              .value(QStringLiteral("display_name"))
                              .toString(QFileInfo(job.originalPath).fileName());
        const SenderProfile p = *profile;
        const qint64 id = job.id;
        const QString spool = job.spoolPath;
        m_readers.start([this, p, id, spool, displayName] {
            ReadOutcome o;
            o.jobId = id;
            const ProcessedDocument doc = m_processor.process(spool, p, displayName);
            o.readable = doc.readable;
            o.error = doc.error;
            o.ready = doc.ready;
            o.reviewReasons = doc.reviewReasons;
            o.display = doc.display;
            if (doc.readable)
                o.writeError = m_files.write(id, doc);
            // Results are gathered and committed together (drainRead): one flush for many.
            bool post = false;
            {
                std::lock_guard<std::mutex> lock(m_readMutex);
                post = m_read.isEmpty();
                m_read.append(o);
            }
            if (post)
                QMetaObject::invokeMethod(
                    this, [this] { m_drainReadTimer.start(); }, Qt::QueuedConnection);
        });
    }
}

void Engine::onRead(const ReadOutcome &o)
{
    m_reading.remove(o.jobId);
    const std::optional<Job> job = m_journal.job(o.jobId);
    if (!job || (job->state != JobState::Captured && job->state != JobState::Read)) {
        return; // discarded meanwhile
    }
    if (!o.writeError.isEmpty()) {
        m_problems.insert(QStringLiteral("jobs"), o.writeError);
        qCWarning(lcEngine) << o.writeError;
        emit statusChanged();
        return; // stays captured; read again on the next tick
    }
    if (m_problems.remove(QStringLiteral("jobs")) > 0)
        emit statusChanged();
    if (!o.readable) {
        TransitionOptions opt;
        opt.lastError = o.error;
        transition(o.jobId, JobState::Failed, tr("Could not be read: %1").arg(o.error), opt);
        archive(*job, true, o.error);
        return;
    }
    // The same invoice in different bytes (a reprint: the print pipeline stamps each PDF
    // differently; a re-export with a new timestamp) must not go out twice: a person decides.
    bool ready = o.ready;
    QStringList reasons = o.reviewReasons;
    if (!o.display.invoiceNumber.isEmpty()) {
        JobQuery same;
        same.senderProfile = job->senderProfile;
        same.invoiceNumber = o.display.invoiceNumber;
        for (const Job &other : m_journal.jobs(same)) {
            // Only a copy that is on its way (ready or further) counts: two copies both under
            // review are compared by the person anyway.
            const bool onItsWay = other.state == JobState::Ready || other.state == JobState::Approved ||
                                  other.state == JobState::Sending || other.state == JobState::Sent ||
                                  other.state == JobState::Delivered;
            if (other.id == job->id || !onItsWay || other.display.invoiceNumber != o.display.invoiceNumber ||
                other.display.sellerName.compare(o.display.sellerName, Qt::CaseInsensitive) != 0 ||
                other.display.amount != o.display.amount)
                continue;
            ready = false;
            reasons.prepend(
                tr("The same invoice (%1, %2) is already job %3 (%4): probably printed or exported again. "
                   "Discard this one, or approve it if it really is to be sent twice.")
                    .arg(o.display.invoiceNumber, o.display.sellerName)
                    .arg(other.id)
                    .arg(jobStateLabel(other.state)));
            break;
        }
    }
    QList<JobJournal::Step> steps;
    if (job->state == JobState::Captured) {
        TransitionOptions opt;
        opt.display = o.display;
        QString what = o.display.invoiceNumber.isEmpty() ? tr("Read.")
                                                         : tr("Read invoice %1").arg(o.display.invoiceNumber);
        if (!o.display.buyerName.isEmpty())
            what += tr(" for %1").arg(o.display.buyerName);
        if (o.display.amount)
            what += tr(", %1 %2").arg(o.display.amount->toString(), o.display.currency);
        steps.append({JobState::Read, what, opt});
    }
    if (ready) {
        steps.append({JobState::Ready, tr("Complete and valid; ready to send."), {}});
        const SenderProfile *p = m_config.profile(job->senderProfile);
        if (p && p->sendPolicy == SendPolicy::AutoSendWhenConfident)
            steps.append(
                {JobState::Approved, tr("Approved automatically (send policy: send when confident)."), {}});
    } else {
        steps.append(
            {JobState::NeedsReview, tr("Needs review:\n- %1").arg(reasons.join(QStringLiteral("\n- "))), {}});
    }
    // One commit for the whole decision: a crash leaves the job before or after it, never halfway.
    if (!chain(o.jobId, steps).isEmpty())
        return;
    // Inside drainRead's batch: a crash before it is committed leaves the job captured with its
    // spool copy, read again at the next start; the archived original is not needed for that.
    archive(*job, false, QString());
}

void Engine::drainRead()
{
    QList<ReadOutcome> outcomes;
    {
        std::lock_guard<std::mutex> lock(m_readMutex);
        outcomes.swap(m_read);
    }
    if (outcomes.isEmpty())
        return;
    // A reading that a power cut takes back is read again from the job's spool copy.
    m_journal.beginBatch(JobJournal::Durability::Deferred);
    for (const ReadOutcome &o : std::as_const(outcomes))
        onRead(o);
    if (const QString e = m_journal.endBatch(); !e.isEmpty())
        qCWarning(lcEngine) << e << "- the documents stay captured and are read again";
    if (m_autoRun) {
        processPending();
        sendDue();
    }
    checkIdle();
}

void Engine::archive(const Job &job, bool failed, const QString &error)
{
    // Watched folders and the printer spool hand their originals over; a file added by hand
    // (CLI, tray) stays where it is. Decided by the source, not by source.json, which a crash
    // right after recording the job may not have written.
    if (job.source == SourceKind::Cli)
        return;
    if (!QFileInfo::exists(job.originalPath))
        return;
    // A new version under the same name is a new document: leave it to the watcher.
    if (QString::fromLatin1(sha256Of(job.originalPath)) != job.contentHash)
        return;
    Intake &intake = job.source == SourceKind::Printer ? *m_printerIntake : *m_intake;
    const Intake::Archived a = intake.archiveOriginal(
        job.originalPath, failed ? Intake::Outcome::Failed : Intake::Outcome::Processed, error);
    if (!a.ok) {
        qCWarning(lcEngine) << a.error;
        m_problems.insert(QStringLiteral("archive:") + job.originalPath, a.error);
        emit statusChanged();
        return;
    }
    if (job.source == SourceKind::Printer) {
        const QFileInfo info(job.originalPath);
        QFile::remove(info.dir().filePath(info.completeBaseName() + QStringLiteral(".json")));
    }
}

Transport *Engine::transportFor(const QString &profileId, QString *error)
{
    if (auto it = m_transports.find(profileId); it != m_transports.end())
        return it->get();
    const SenderProfile *p = m_config.profile(profileId);
    if (!p) {
        *error = tr("The sender profile '%1' is no longer configured.").arg(profileId);
        return nullptr;
    }
    std::unique_ptr<Transport> t;
    if (m_transportFactory)
        t = m_transportFactory(*p, error);
    else if (p->transport.kind == QLatin1String("folder"))
        t = std::make_unique<FolderTransport>(p->transport.outboxDir);
    else
        *error = tr("Profile '%1': the %2 transport is not available in this program.")
                     .arg(p->id, p->transport.kind);
    if (!t)
        return nullptr;
    Transport *raw = t.get();
    // A transport that takes one call at a time gets a lock every call from the sender pool
    // holds; one that takes several is trusted to be thread-safe.
    m_serial.insert(profileId, raw->maxConcurrentCalls() > 1 ? nullptr : std::make_shared<std::mutex>());
    m_transports.insert(profileId, std::shared_ptr<Transport>(std::move(t)));
    return raw;
}

void Engine::sendDue()
{
    if (!m_running || m_paused)
        return;
    QString error;
    const QList<Job> due = m_journal.jobsDueForSending(m_clock.now(), 32, &error);
    if (!error.isEmpty()) {
        qCWarning(lcEngine) << error;
        return;
    }
    // Every "sending" is committed (one flush for all of them) before any transport is called:
    // a crash in between leaves jobs in "sending", which are sent again under the same key.
    struct Dispatch
    {
        std::shared_ptr<Transport> transport;
        std::shared_ptr<std::mutex> serial;
        OutgoingDocument doc;
    };
    if (due.isEmpty())
        return; // the timer's usual case: no write lock taken
    QList<Dispatch> dispatches;
    // Not flushed: a job that a power cut returns to "queued" is sent again under the same
    // idempotency key, exactly like one left in "sending".
    m_journal.beginBatch(JobJournal::Durability::Deferred);
    for (const Job &job : due) {
        if (m_sending.contains(job.id))
            continue;
        // Whether there is room comes first: the e-invoice is read only for a job that goes now.
        QString terror;
        Transport *t = transportFor(job.senderProfile, &terror);
        if (!t) {
            m_problems.insert(QStringLiteral("transport:") + job.senderProfile, terror);
            m_lastSendError = terror;
            emit statusChanged();
            continue;
        }
        if (m_inFlight.value(job.senderProfile) >= std::max(1, t->maxConcurrentCalls())) {
            m_sendBacklog = true; // taken when one in flight returns (onSent)
            continue;
        }
        m_problems.remove(QStringLiteral("transport:") + job.senderProfile);
        const QByteArray payload = m_files.einvoice(job.id);
        if (payload.isEmpty()) {
            TransitionOptions o;
            o.expectedState = JobState::Approved;
            transition(job.id, JobState::NeedsReview,
                       tr("The e-invoice file %1 is missing; check the document and approve it again.")
                           .arg(m_files.einvoicePath(job.id)),
                       o);
            continue;
        }
        TransitionOptions o;
        o.expectedState = JobState::Approved;
        if (!transition(job.id, JobState::Sending,
                        tr("Sending to %1 (attempt %2).").arg(t->describe()).arg(job.attempts + 1), o)
                 .isEmpty())
            continue;
        m_sending.insert(job.id);
        OutgoingDocument doc;
        doc.jobId = job.id;
        doc.senderProfile = job.senderProfile;
        doc.contentHash = job.contentHash;
        const SenderProfile *p = m_config.profile(job.senderProfile);
        doc.syntax = p ? p->outputSyntax : QStringLiteral("ubl");
        doc.payload = payload;
        doc.fileName = job.contentHash + QStringLiteral(".xml");
        doc.invoiceNumber = job.display.invoiceNumber;
        ++m_inFlight[job.senderProfile];
        dispatches.append({m_transports.value(job.senderProfile), m_serial.value(job.senderProfile), doc});
    }
    if (const QString e = m_journal.endBatch(); !e.isEmpty()) {
        // Nothing of the batch is on disk: the jobs are still approved and none may be sent.
        qCWarning(lcEngine) << e;
        m_problems.insert(QStringLiteral("journal"), e);
        for (const Dispatch &d : std::as_const(dispatches)) {
            m_sending.remove(d.doc.jobId);
            if (--m_inFlight[d.doc.senderProfile] <= 0)
                m_inFlight.remove(d.doc.senderProfile);
        }
        emit statusChanged();
        return;
    }
    m_problems.remove(QStringLiteral("journal"));
    for (const Dispatch &d : std::as_const(dispatches)) {
        m_sender.start([this, shared = d.transport, serial = d.serial, doc = d.doc] {
            std::unique_lock<std::mutex> oneAtATime;
            if (serial)
                oneAtATime = std::unique_lock<std::mutex>(*serial);
            SendOutcome o;
            o.profileId = doc.senderProfile;
            o.jobId = doc.jobId;
            o.result = shared->send(doc);
            o.transportKind = shared->kind();
            o.where = shared->describe();
            oneAtATime = {};
            // Results are gathered and committed together (drainSent): one flush for many.
            bool post = false;
            {
                std::lock_guard<std::mutex> lock(m_sentMutex);
                post = m_sent.isEmpty();
                m_sent.append(o);
            }
            if (post)
                QMetaObject::invokeMethod(
                    this, [this] { m_drainSentTimer.start(); }, Qt::QueuedConnection);
        });
    }
}

void Engine::drainSent()
{
    QList<SendOutcome> outcomes;
    {
        std::lock_guard<std::mutex> lock(m_sentMutex);
        outcomes.swap(m_sent);
    }
    if (outcomes.isEmpty())
        return;
    // A result that a power cut takes back leaves the job in "sending": sent again under the same
    // key, the portal answers with the document it already has.
    m_journal.beginBatch(JobJournal::Durability::Deferred);
    for (const SendOutcome &o : std::as_const(outcomes))
        onSent(o);
    if (const QString e = m_journal.endBatch(); !e.isEmpty())
        qCWarning(lcEngine) << e << "- the jobs stay in sending and are sent again at the next start";
    // Jobs held back by the transport's limit on calls in flight go now, timers or not: one
    // sendDue() hands over everything that is due.
    if (m_autoRun || std::exchange(m_sendBacklog, false))
        sendDue();
    checkIdle();
}

void Engine::onSent(const SendOutcome &o)
{
    m_sending.remove(o.jobId);
    if (--m_inFlight[o.profileId] <= 0)
        m_inFlight.remove(o.profileId);
    const std::optional<Job> job = m_journal.job(o.jobId);
    if (!job || job->state != JobState::Sending)
        return;
    const SendResult &r = o.result;
    TransitionOptions opt;
    opt.expectedState = JobState::Sending;
    switch (r.outcome) {
    case SendResult::Outcome::Accepted:
        opt.remoteId = r.remoteId;
        opt.lastError = QString();
        {
            QList<JobJournal::Step> steps;
            steps.append({JobState::Sent,
                          r.duplicate
                              ? tr("Already received by %1 earlier (same document, not sent twice); id %2.")
                                    .arg(o.where, r.remoteId)
                              : tr("Sent to %1; id %2.").arg(o.where, r.remoteId),
                          opt});
            // The outbox is where the folder transport's responsibility ends.
            if (o.transportKind == QLatin1String("folder"))
                steps.append({JobState::Delivered, tr("Delivered into the outbox folder."), {}});
            chain(o.jobId, steps);
        }
        m_lastSendError.clear();
        break;
    case SendResult::Outcome::Transient:
        m_lastSendError = r.message;
        opt.lastError = r.message;
        if (m_retry->exhausted(job->attempts)) {
            transition(o.jobId, JobState::Failed,
                       tr("Gave up after %1 attempts: %2").arg(job->attempts).arg(r.message), opt);
            emit sendFailed(o.jobId, r.message);
        } else {
            const QDateTime next = m_retry->nextAttempt(m_clock.now(), job->attempts, r.retryAfterSecs);
            opt.nextRetryAt = next;
            transition(o.jobId, JobState::Approved,
                       tr("Not sent: %1 Next attempt at %2.")
                           .arg(r.message, QLocale().toString(next.toLocalTime(), QLocale::ShortFormat)),
                       opt);
        }
        break;
    case SendResult::Outcome::Permanent:
        m_lastSendError = r.message;
        opt.lastError = r.message;
        if (!r.ruleIds.isEmpty())
            transition(o.jobId, JobState::Rejected,
                       tr("Refused by %1: %2 (rules %3)")
                           .arg(o.where, r.message, r.ruleIds.join(QStringLiteral(", "))),
                       opt);
        else
            transition(o.jobId, JobState::Failed, tr("Not sent: %1").arg(r.message), opt);
        emit sendFailed(o.jobId, r.message);
        break;
    }
}

QString Engine::chain(qint64 jobId, const QList<JobJournal::Step> &steps)
{
    const QString error = m_journal.transitionChain(jobId, steps);
    if (!error.isEmpty()) {
        qCWarning(lcEngine) << "job" << jobId << error;
        return error;
    }
    emit jobChanged(jobId, steps.last().to);
    emit statusChanged();
    return {};
}

QString Engine::transition(qint64 jobId, JobState to, const QString &message,
                           const TransitionOptions &options)
{
    const QString error = m_journal.transition(jobId, to, message, options);
    if (!error.isEmpty()) {
        qCWarning(lcEngine) << "job" << jobId << error;
        return error;
    }
    emit jobChanged(jobId, to);
    emit statusChanged();
    return {};
}

QString Engine::approve(qint64 jobId, const QString &who)
{
    QueueActions actions(m_journal, m_files);
    const QString e = actions.approve(jobId, who);
    if (e.isEmpty()) {
        emit jobChanged(jobId, JobState::Approved);
        emit statusChanged();
        if (m_autoRun)
            QTimer::singleShot(0, this, &Engine::sendDue);
    }
    return e;
}

QString Engine::approveAllReady(int *count, const QString &who)
{
    QueueActions actions(m_journal, m_files);
    const QString e = actions.approveAllReady(count, who);
    emit statusChanged();
    if (m_autoRun)
        QTimer::singleShot(0, this, &Engine::sendDue);
    return e;
}

QString Engine::retry(qint64 jobId, const QString &who)
{
    QueueActions actions(m_journal, m_files);
    const QString e = actions.retry(jobId, who);
    if (e.isEmpty()) {
        if (const auto job = m_journal.job(jobId))
            emit jobChanged(jobId, job->state);
        emit statusChanged();
        if (m_autoRun)
            QTimer::singleShot(0, this, [this] {
                processPending();
                sendDue();
            });
    }
    return e;
}

QString Engine::discard(qint64 jobId, const QString &reason, const QString &who)
{
    QueueActions actions(m_journal, m_files);
    const QString e = actions.discard(jobId, reason, who);
    if (e.isEmpty()) {
        emit jobChanged(jobId, JobState::Discarded);
        emit statusChanged();
    }
    return e;
}

QString Engine::correct(qint64 jobId, const Invoice &corrected, const QStringList &changedFields,
                        bool approveAfter, const QString &who)
{
    const std::optional<Job> job = m_journal.job(jobId);
    if (!job)
        return tr("There is no job %1.").arg(jobId);
    if (job->state != JobState::NeedsReview && job->state != JobState::Ready &&
        job->state != JobState::Approved)
        return tr("Job %1 is %2 and can no longer be changed.").arg(jobId).arg(jobStateLabel(job->state));
    const SenderProfile *profile = m_config.profile(job->senderProfile);
    if (!profile)
        return tr("The sender profile '%1' is no longer configured.").arg(job->senderProfile);

    ProcessedDocument previous;
    const QJsonObject stored = m_files.extraction(jobId);
    previous.extraction.path = m_files.source(jobId).value(QStringLiteral("display_name")).toString();
    const QJsonObject evidence = stored.value(QStringLiteral("evidence")).toObject();
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        FieldEvidence ev;
        ev.confidence = e.value(QStringLiteral("confidence")).toDouble();
        ev.source =
            fieldSourceFromName(e.value(QStringLiteral("source")).toString()).value_or(FieldSource::Label);
        ev.page = e.value(QStringLiteral("page")).toInt(-1);
        const QJsonArray box = e.value(QStringLiteral("box")).toArray();
        if (box.size() == 4)
            ev.box = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
        previous.extraction.evidence.insert(it.key(), ev);
    }
    previous.extraction.fromEmbeddedXml = stored.value(QStringLiteral("from_embedded_xml")).toBool();
    for (const QString &field : changedFields) {
        FieldEvidence &ev = previous.extraction.evidence[field];
        ev.confidence = 1.0;
        ev.source = FieldSource::User;
    }
    QByteArray pdf;
    QFile spool(job->spoolPath);
    if (spool.open(QIODevice::ReadOnly) && spool.peek(1024).contains("%PDF-"))
        pdf = spool.readAll();
    ProcessedDocument doc = m_processor.rebuild(previous, corrected, *profile, pdf);
    doc.extraction.invoice = doc.invoice;
    if (const QString e = m_files.write(jobId, doc); !e.isEmpty())
        return e;

    const QString who2 = who.isEmpty() ? QString() : tr(" by %1").arg(who);
    const QString what = changedFields.isEmpty()
                             ? tr("Corrected%1.").arg(who2)
                             : tr("Corrected%1: %2.").arg(who2, changedFields.join(QStringLiteral(", ")));
    TransitionOptions opt;
    opt.display = doc.display;
    JobState state = job->state;
    if (state == JobState::Approved || (state == JobState::Ready && !doc.ready)) {
        opt.expectedState = state;
        if (const QString e = transition(
                jobId, JobState::NeedsReview,
                doc.ready
                    ? what
                    : what + QLatin1Char('\n') +
                          tr("Still needs review:\n- %1").arg(doc.reviewReasons.join(QStringLiteral("\n- "))),
                opt);
            !e.isEmpty())
            return e;
        state = JobState::NeedsReview;
    }
    if (state == JobState::NeedsReview && doc.ready) {
        opt.expectedState = JobState::NeedsReview;
        if (const QString e =
                transition(jobId, JobState::Ready,
                           job->state == JobState::NeedsReview ? what : tr("Complete and valid."), opt);
            !e.isEmpty())
            return e;
        state = JobState::Ready;
    } else if (state == JobState::NeedsReview && job->state == JobState::NeedsReview) {
        // Still not sendable: the timeline says what was changed and what is still wrong.
        m_journal.note(
            jobId,
            what + QLatin1Char('\n') +
                tr("Still needs review:\n- %1").arg(doc.reviewReasons.join(QStringLiteral("\n- "))),
            doc.display);
        emit jobChanged(jobId, state);
    }
    if (approveAfter) {
        if (!doc.ready)
            return tr("Job %1 was corrected but still cannot be sent:\n- %2")
                .arg(jobId)
                .arg(doc.reviewReasons.join(QStringLiteral("\n- ")));
        return approve(jobId, who);
    }
    return {};
}

void Engine::setSendingPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (m_journal.isOpen())
        m_journal.setSetting(QStringLiteral("sending_paused"),
                             paused ? QStringLiteral("true") : QStringLiteral("false"));
    qCInfo(lcEngine) << (paused ? "sending paused" : "sending resumed");
    emit statusChanged();
    if (!paused && m_autoRun)
        QTimer::singleShot(0, this, &Engine::sendDue);
}

EngineStatus Engine::status() const
{
    EngineStatus s;
    if (m_journal.isOpen())
        s.counts = m_journal.countsByState();
    s.sendingPaused = m_paused;
    s.reading = m_reading.size();
    s.sending = m_sending.size();
    s.problems = m_problems.values();
    s.problems.sort();
    s.lastSendError = m_lastSendError;
    return s;
}

void Engine::pollRemote(std::function<void()> done)
{
    if (done)
        m_pollWaiters.append(std::move(done));
    if (m_pollRunning)
        return;
    const auto release = [this] {
        for (const auto &waiter : std::exchange(m_pollWaiters, {}))
            waiter();
    };
    if (!m_running)
        return release();
    struct Target
    {
        QString profileId;
        std::shared_ptr<Transport> transport;
        QString cursor;
        std::shared_ptr<std::mutex> serial;
    };
    QList<Target> targets;
    for (const SenderProfile &p : m_config.profiles) {
        QString error;
        if (!transportFor(p.id, &error))
            continue; // reported when sending; nothing to poll
        targets.append({p.id, m_transports.value(p.id),
                        m_journal.setting(QStringLiteral("status_cursor/") + p.id), m_serial.value(p.id)});
    }
    if (targets.isEmpty())
        return release();
    m_pollRunning = true;
    const QString folder = m_config.incomingDir;
    const QStringList formats = m_config.incomingFormats;
    // What was already stored (perhaps not acknowledged: a crash, a failed ack) is in the journal,
    // so a document is stored once however often the portal offers it. The setting is where
    // builds before journal schema 2 kept the stored-but-unacknowledged ones.
    QSet<QString> stored = incoming().keys();
    for (const QString &id :
         m_journal.setting(QStringLiteral("incoming_stored")).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        stored.insert(id);
    m_sender.start([this, targets, folder, formats, stored] {
        PollOutcome outcome;
        const IncomingStore store(folder);
        for (const Target &t : targets) {
            std::unique_lock<std::mutex> oneAtATime;
            if (t.serial)
                oneAtATime = std::unique_lock<std::mutex>(*t.serial);
            PollOutcome::Profile p;
            p.profileId = t.profileId;
            p.status = t.transport->pollStatus(t.cursor);
            p.inbox = t.transport->pollInbox();
            for (const IncomingDocument &doc : p.inbox.documents) {
                PollOutcome::Profile::Stored s;
                IncomingRecord &r = s.record;
                r.profile = t.profileId;
                r.remoteId = doc.remoteId;
                r.sellerName = doc.senderName;
                r.sellerEndpoint = doc.senderEndpoint;
                r.invoiceNumber = doc.invoiceNumber;
                r.currency = doc.currency;
                r.amount = Decimal::parse(doc.amount);
                r.receivedAt = doc.receivedAt;
                const QString key = t.profileId + QLatin1Char('/') + doc.remoteId;
                if (!stored.contains(key)) {
                    QMap<QString, QByteArray> files;
                    QDate date = doc.receivedAt.date();
                    for (const QString &format : formats) {
                        if (format == QLatin1String("pdf") && doc.hasPdf == false)
                            continue; // the portal said there is no PDF rendition: not an error
                        QString error;
                        const QByteArray data = t.transport->fetchIncoming(doc.remoteId, format, &error);
                        if (data.isEmpty()) {
                            s.error = error;
                            break;
                        }
                        files.insert(format, data);
                        if (format != QLatin1String("pdf")) {
                            const XmlReadResult read = EInvoiceXml::read(data, doc.remoteId);
                            if (read.ok()) {
                                const Invoice &inv = *read.invoice;
                                date = inv.issueDate.isValid() ? inv.issueDate : date;
                                r.issueDate = inv.issueDate;
                                r.sellerName = inv.seller.name.isEmpty() ? r.sellerName : inv.seller.name;
                                r.invoiceNumber = inv.number.isEmpty() ? r.invoiceNumber : inv.number;
                                if (r.sellerEndpoint.isEmpty() && !inv.seller.electronicAddress.isEmpty())
                                    r.sellerEndpoint = inv.seller.electronicAddress.scheme +
                                                       QLatin1Char(':') + inv.seller.electronicAddress.id;
                                if (inv.currency.size() == 3)
                                    r.currency = inv.currency;
                                r.amount = inv.totals.payable;
                            }
                        }
                    }
                    if (!s.error.isEmpty()) {
                        p.stored.append(s);
                        continue;
                    }
                    const QString base = IncomingStore::baseName(date, r.sellerName, r.invoiceNumber);
                    for (auto it = files.begin(); it != files.end() && s.error.isEmpty(); ++it) {
                        const QString suffix = it.key() == QLatin1String("pdf") ? QStringLiteral(".pdf")
                                               : it.key() == QLatin1String("cii")
                                                   ? QStringLiteral(".cii.xml")
                                                   : QStringLiteral(".ubl.xml");
                        QString error;
                        const QString path = store.store(base, suffix, it.value(), &error);
                        if (path.isEmpty())
                            s.error = error;
                        else
                            r.paths << path;
                    }
                    if (!s.error.isEmpty()) {
                        p.stored.append(s);
                        continue;
                    }
                }
                // Acknowledged only once safely stored, so the portal delivers it once.
                if (const QString e = t.transport->acknowledgeIncoming(doc.remoteId);
                    !e.isEmpty() && s.error.isEmpty())
                    s.error = e;
                p.stored.append(s);
            }
            outcome.profiles.append(p);
        }
        QMetaObject::invokeMethod(
            this, [this, outcome] { onPolled(outcome); }, Qt::QueuedConnection);
    });
}

void Engine::onPolled(const PollOutcome &outcome)
{
    m_pollRunning = false;
    bool failed = false;
    const QString legacyBefore = m_journal.setting(QStringLiteral("incoming_stored"));
    QStringList legacyStored = legacyBefore.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const PollOutcome::Profile &p : outcome.profiles) {
        const QString statusKey = QStringLiteral("poll:") + p.profileId;
        if (!p.status.ok || !p.inbox.ok) {
            failed = true;
            m_problems.insert(statusKey, p.status.ok ? p.inbox.error : p.status.error);
        } else {
            m_problems.remove(statusKey);
        }
        if (p.status.ok && (!p.status.changes.isEmpty() || !p.status.nextCursor.isEmpty())) {
            // The changes and the cursor after them in one transaction, not flushed: a power cut
            // takes back both, and the next poll fetches the same changes again.
            m_journal.beginBatch(JobJournal::Durability::Deferred);
            for (const RemoteStatus &change : p.status.changes)
                applyRemoteStatus(p.profileId, change);
            if (!p.status.nextCursor.isEmpty())
                m_journal.setSetting(QStringLiteral("status_cursor/") + p.profileId, p.status.nextCursor);
            if (const QString e = m_journal.endBatch(); !e.isEmpty())
                qCWarning(lcEngine) << e << "- the statuses are fetched again at the next poll";
        }
        for (const auto &s : p.stored) {
            const IncomingRecord &r = s.record;
            const QString key = p.profileId + QLatin1Char('/') + r.remoteId;
            if (!r.paths.isEmpty()) {
                // Stored: recorded and announced now, even if the acknowledgement failed (it is
                // retried; the document is not stored a second time).
                IncomingRecord record = r;
                record.storedAt = m_clock.now();
                QString error;
                if (IncomingJournal(m_journal).record(record, &error) == 0)
                    qCWarning(lcEngine) << error;
                qCInfo(lcEngine) << "incoming invoice" << r.invoiceNumber << "from" << r.sellerName
                                 << "stored as" << r.paths;
                emit incomingArrived(r.paths, r.sellerName, r.invoiceNumber);
            }
            if (!s.error.isEmpty()) {
                failed = true;
                m_problems.insert(QStringLiteral("incoming:") + key, s.error);
                qCWarning(lcEngine) << "incoming" << r.remoteId << s.error;
                continue;
            }
            m_problems.remove(QStringLiteral("incoming:") + key);
            IncomingJournal(m_journal).markAcknowledged(p.profileId, r.remoteId);
            legacyStored.removeAll(key); // acknowledged: the portal will not offer it again
        }
    }
    if (const QString legacyAfter = legacyStored.join(QLatin1Char('\n')); legacyAfter != legacyBefore)
        m_journal.setSetting(QStringLiteral("incoming_stored"), legacyAfter);
    // Back off while the portal cannot be reached; poll at the normal pace once it answers.
    m_pollFailures = failed ? m_pollFailures + 1 : 0;
    const qint64 next = failed ? std::min<qint64>(m_retry->delayMs(m_pollFailures, 0.5),
                                                  qint64(std::max(10, m_config.statusPollSecs)) * 1000 * 8)
                               : qint64(std::max(10, m_config.statusPollSecs)) * 1000;
    if (m_running && m_autoRun)
        m_pollTimer.start(int(std::min<qint64>(next, 24 * 3600 * 1000)));
    emit statusChanged();
    for (const auto &waiter : std::exchange(m_pollWaiters, {}))
        waiter();
    checkIdle();
}

std::optional<QString> Engine::responseCode(const QString &wordOrCode)
{
    static const QHash<QString, QString> words{{QStringLiteral("accept"), QStringLiteral("AP")},
                                               {QStringLiteral("accepted"), QStringLiteral("AP")},
                                               {QStringLiteral("reject"), QStringLiteral("RE")},
                                               {QStringLiteral("rejected"), QStringLiteral("RE")},
                                               {QStringLiteral("paid"), QStringLiteral("PD")},
                                               {QStringLiteral("in-process"), QStringLiteral("IP")},
                                               {QStringLiteral("under-query"), QStringLiteral("UQ")},
                                               {QStringLiteral("query"), QStringLiteral("UQ")},
                                               {QStringLiteral("acknowledge"), QStringLiteral("AB")},
                                               {QStringLiteral("acknowledged"), QStringLiteral("AB")}};
    const QString key = wordOrCode.trimmed().toLower();
    if (const auto it = words.constFind(key); it != words.constEnd())
        return *it;
    const QString code = wordOrCode.trimmed().toUpper();
    if (QStringList{QStringLiteral("AB"), QStringLiteral("IP"), QStringLiteral("UQ"), QStringLiteral("RE"),
                    QStringLiteral("AP"), QStringLiteral("PD")}
            .contains(code))
        return code;
    return std::nullopt;
}

bool Engine::supportsResponses(const QString &profileId, QString *error)
{
    QString why;
    Transport *t = transportFor(profileId, &why);
    if (error)
        *error = why;
    return t && t->supportsResponses();
}

QString Engine::checkResponse(const QString &wordOrCode, const QString &note, const IncomingRecord &record,
                              QString *code)
{
    const std::optional<QString> c = responseCode(wordOrCode);
    if (!c)
        return tr("\"%1\" is not a business response; use accept, reject, paid, in-process, under-query or "
                  "acknowledge.")
            .arg(wordOrCode);
    if ((*c == QLatin1String("RE") || *c == QLatin1String("UQ")) && note.trimmed().isEmpty())
        return tr("A rejection or a query needs a reason the seller can act on (invoice %1 from %2).")
            .arg(record.invoiceNumber, record.sellerName);
    if (code)
        *code = *c;
    return {};
}

void Engine::respondToIncoming(qint64 incomingId, const QString &wordOrCode, const QString &note,
                               std::function<void(const QString &error)> done, const QString &who)
{
    const auto finish = [done](const QString &error) {
        if (done)
            done(error);
    };
    QString error;
    const std::optional<IncomingRecord> record = incoming().byId(incomingId, &error);
    if (!record)
        return finish(error);
    const QString what = tr("invoice %1 from %2").arg(record->invoiceNumber, record->sellerName);
    QString code;
    if (const QString problem = checkResponse(wordOrCode, note, *record, &code); !problem.isEmpty())
        return finish(problem);
    if (!transportFor(record->profile, &error))
        return finish(tr("Cannot answer %1: %2").arg(what, error));
    const std::shared_ptr<Transport> transport = m_transports.value(record->profile);
    const std::shared_ptr<std::mutex> serial = m_serial.value(record->profile);
    if (!transport->supportsResponses())
        return finish(tr("Cannot answer %1: the %2 connection of profile %3 does not carry business "
                         "responses.")
                          .arg(what, transport->kind(), record->profile));
    const IncomingRecord r = *record;
    const QString c = code;
    m_sender.start([this, transport, serial, r, c, note, finish, who, what] {
        std::unique_lock<std::mutex> oneAtATime;
        if (serial)
            oneAtATime = std::unique_lock<std::mutex>(*serial);
        const QString sendError = transport->respondToIncoming(r.remoteId, c, note);
        oneAtATime = {};
        QMetaObject::invokeMethod(
            this,
            [this, r, c, note, finish, who, what, sendError] {
                if (!sendError.isEmpty()) {
                    qCWarning(lcEngine) << "response" << c << "to incoming" << r.id << "failed:" << sendError;
                    return finish(tr("Cannot answer %1: %2").arg(what, sendError));
                }
                const QString recorded = incoming().setResponse(r.id, c, note, m_clock.now());
                qCInfo(lcEngine) << "response" << c << "sent for incoming" << r.id << r.invoiceNumber
                                 << (who.isEmpty() ? QString() : QStringLiteral("by ") + who);
                emit incomingResponded(r.id, c);
                finish(recorded);
            },
            Qt::QueuedConnection);
    });
}

void Engine::applyRemoteStatus(const QString &profileId, const RemoteStatus &status)
{
    JobQuery q;
    q.senderProfile = profileId;
    if (status.remoteId.isEmpty())
        q.invoiceNumber = status.invoiceNumber;
    else
        q.search = status.remoteId;
    q.states = {JobState::Sent, JobState::Delivered};
    if (q.search.isEmpty() && q.invoiceNumber.isEmpty())
        return;
    std::optional<Job> job;
    // By the id the portal gave; or, when only the invoice is named (an invoice response file),
    // by its number: the latest sent invoice of that number for this profile.
    for (const Job &j : m_journal.jobs(q))
        if (status.remoteId.isEmpty() ? j.display.invoiceNumber == status.invoiceNumber
                                      : j.remoteId == status.remoteId)
            if (!job || j.id > job->id)
                job = j;
    if (!job)
        return;
    static const QMap<QString, const char *> business{
        {QStringLiteral("AB"), QT_TRANSLATE_NOOP("Engine", "acknowledged by the buyer")},
        {QStringLiteral("IP"), QT_TRANSLATE_NOOP("Engine", "in process at the buyer")},
        {QStringLiteral("UQ"), QT_TRANSLATE_NOOP("Engine", "under query at the buyer")},
        {QStringLiteral("RE"), QT_TRANSLATE_NOOP("Engine", "rejected by the buyer")},
        {QStringLiteral("AP"), QT_TRANSLATE_NOOP("Engine", "accepted by the buyer")},
        {QStringLiteral("PD"), QT_TRANSLATE_NOOP("Engine", "paid")}};
    const QString detail = status.message.isEmpty() ? QString() : QStringLiteral(": ") + status.message;
    const QString delivery = status.deliveryStatus.toLower();
    TransitionOptions expect;
    expect.expectedState = JobState::Sent;
    if (job->state == JobState::Sent) {
        if (delivery == QLatin1String("failed") || delivery == QLatin1String("undeliverable")) {
            TransitionOptions o = expect;
            o.lastError = tr("Could not be delivered (%1)%2").arg(delivery, detail);
            transition(job->id, JobState::Failed, *o.lastError, o);
            emit sendFailed(job->id, *o.lastError);
            return;
        }
        if (status.businessStatus == QLatin1String("RE")) {
            TransitionOptions o = expect;
            o.lastError = tr("Rejected by the buyer%1").arg(detail);
            transition(job->id, JobState::Rejected, *o.lastError, o);
            emit sendFailed(job->id, *o.lastError);
            return;
        }
        if (delivery == QLatin1String("delivered") || delivery == QLatin1String("fetched") ||
            !status.businessStatus.isEmpty()) {
            transition(job->id, JobState::Delivered,
                       delivery == QLatin1String("fetched") ? tr("Fetched by the buyer%1").arg(detail)
                                                            : tr("Delivered to the buyer%1").arg(detail),
                       expect);
            job->state = JobState::Delivered;
        } else if (!delivery.isEmpty()) {
            m_journal.note(job->id, tr("Portal status: %1%2").arg(delivery, detail));
            emit jobChanged(job->id, job->state);
        }
    }
    if (job->state == JobState::Delivered && business.contains(status.businessStatus) &&
        (job->businessStatus != status.businessStatus || !detail.isEmpty())) {
        m_journal.setBusinessStatus(
            job->id, status.businessStatus,
            tr("Invoice %1%2")
                .arg(QCoreApplication::translate("Engine", business.value(status.businessStatus)), detail));
        emit jobChanged(job->id, job->state);
    }
}

bool Engine::isIdle() const
{
    return m_reading.isEmpty() && m_sending.isEmpty() && !m_pollRunning;
}

void Engine::checkIdle()
{
    if (isIdle())
        emit idle();
}

} // namespace einvoice

#pragma once

#include "pdfsnapshotsource.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <mutex>
#include <sys/types.h>
#include <vector>

namespace einvoice {

/// Reads PDFs in separate reader processes (einvoice-pdfworker) with a time and a memory bound
/// per document, so that a hostile or broken PDF can neither crash nor stall the agent: a reader
/// that takes longer than the deadline is killed, one that dies is replaced, and the document
/// gets a reason that names it. Each worker runs under RLIMIT_AS (set with prlimit right after
/// it starts) and reads one document at a time, requests and snapshots travel over a Unix socket.
///
/// Workers live on between documents (start-up costs more than a read) and are shared by the
/// engine's reader threads: read() may be called from any number of threads at once; a worker
/// belongs to one call at a time. The pool owns its processes and ends them when destroyed.
class PdfWorkerPool : public PdfSnapshotSource
{
public:
    struct Options
    {
        QString program;        ///< the worker binary (defaultProgram())
        QStringList arguments;  ///< before anything the pool adds (tests give fake workers)
        int timeoutMs = 60000;  ///< per document and part
        int memoryMb = 1024;    ///< address space of a worker
        int maxPages = 60;      ///< pages whose text is read
        int maxIdleWorkers = 4; ///< workers kept between documents
    };

    explicit PdfWorkerPool(Options options);
    ~PdfWorkerPool() override;
    PdfWorkerPool(const PdfWorkerPool &) = delete;
    PdfWorkerPool &operator=(const PdfWorkerPool &) = delete;

    std::optional<PdfSnapshot> read(const QString &path, quint8 parts, QString *error) override;

    /// einvoice-pdfworker in the helpers folder beside the running binary
    /// (../libexec/einvoice/ from bin/, the same in the build tree).
    static QString defaultProgram();
    const Options &options() const { return m_options; }
    /// Process ids of the idle workers (diagnostics and tests).
    QList<qint64> idleWorkerPids() const;
    /// Workers started so far; a crash or a deadline costs one.
    int workersStarted() const;

private:
    struct Worker
    {
        pid_t pid = -1;
        int fd = -1;
    };
    enum class Outcome
    {
        Answered,
        Died,     ///< end of stream: the worker exited or was killed
        TimedOut, ///< no answer before the deadline; the worker has been killed
        Refused,  ///< the worker answered with a problem (e.g. memory exhausted)
    };

    std::optional<Worker> acquire(QString *problem);
    void release(Worker worker);
    /// Ends @p worker (SIGKILL when @p kill) and returns how it ended, in words.
    QString finish(Worker &worker, bool kill);
    Outcome call(Worker &worker, const QByteArray &request, QByteArray *answer);

    Options m_options;
    mutable std::mutex m_mutex; ///< guards the two members below
    std::vector<Worker> m_idle;
    int m_started = 0;
};

} // namespace einvoice

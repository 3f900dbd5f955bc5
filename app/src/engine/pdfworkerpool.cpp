#include "pdfworkerpool.h"

#include "pdfworkerprotocol.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

Q_LOGGING_CATEGORY(lcPdfWorker, "einvoice.engine.pdfworker")

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PdfWorkerPool", text);
}

} // namespace

PdfWorkerPool::PdfWorkerPool(Options options) : m_options(std::move(options)) {}

PdfWorkerPool::~PdfWorkerPool()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // An idle worker waits for the next request: the end of its stream makes it exit at once.
    for (Worker &w : m_idle)
        finish(w, false);
    m_idle.clear();
}

QString PdfWorkerPool::defaultProgram()
{
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return QString();
    self[n] = '\0';
    const QString dir = QFileInfo(QString::fromLocal8Bit(self)).absolutePath();
    return QDir::cleanPath(dir + QLatin1Char('/') + QStringLiteral(EINVOICE_HELPERS_RELPATH) +
                           QStringLiteral("/einvoice-pdfworker"));
}

QList<qint64> PdfWorkerPool::idleWorkerPids() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<qint64> pids;
    for (const Worker &w : m_idle)
        pids << qint64(w.pid);
    return pids;
}

int PdfWorkerPool::workersStarted() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_started;
}

std::optional<PdfWorkerPool::Worker> PdfWorkerPool::acquire(QString *problem)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_idle.empty()) {
            Worker w = m_idle.back();
            m_idle.pop_back();
            return w;
        }
    }
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        *problem = QString::fromLocal8Bit(std::strerror(errno));
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // The worker's end becomes its stdin and stdout (dup2 clears close-on-exec); stderr stays,
    // so Poppler's complaints reach the agent's log; nothing else of the agent is inherited.
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    const QByteArray program = QFile::encodeName(m_options.program);
    std::vector<QByteArray> args{program};
    for (const QString &a : m_options.arguments)
        args.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        *problem =
            tr("%1 cannot be started: %2")
                .arg(QDir::toNativeSeparators(m_options.program), QString::fromLocal8Bit(std::strerror(rc)));
        return std::nullopt;
    }
    // The bounds are in place before the worker is given anything to read.
    const rlim_t bytes = rlim_t(m_options.memoryMb) * 1024 * 1024;
    const rlimit memory{bytes, bytes};
    const rlimit noCore{0, 0};
    if (prlimit(pid, RLIMIT_AS, &memory, nullptr) != 0 || prlimit(pid, RLIMIT_CORE, &noCore, nullptr) != 0)
        qCWarning(lcPdfWorker) << "cannot limit the PDF reader" << pid << std::strerror(errno);
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_started;
    qCDebug(lcPdfWorker) << "started PDF reader" << pid;
    return Worker{pid, fds[0]};
}

void PdfWorkerPool::release(Worker worker)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (int(m_idle.size()) < m_options.maxIdleWorkers) {
        m_idle.push_back(worker);
        return;
    }
    finish(worker, false);
}

QString PdfWorkerPool::finish(Worker &worker, bool kill)
{
    if (worker.fd >= 0)
        close(worker.fd);
    worker.fd = -1;
    if (worker.pid <= 0)
        return QString();
    if (kill)
        ::kill(worker.pid, SIGKILL);
    int status = 0;
    pid_t r;
    do {
        r = waitpid(worker.pid, &status, 0);
    } while (r < 0 && errno == EINTR);
    worker.pid = -1;
    if (r < 0)
        return QString();
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        return tr("signal %1, %2").arg(sig).arg(QString::fromLocal8Bit(strsignal(sig)));
    }
    return tr("exit code %1").arg(WEXITSTATUS(status));
}

PdfWorkerPool::Outcome PdfWorkerPool::call(Worker &worker, const QByteArray &request, QByteArray *answer)
{
    QElapsedTimer clock;
    clock.start();
    const QByteArray frame = PdfWorkerProtocol::frame(request);
    qsizetype sent = 0;
    while (sent < frame.size()) {
        const ssize_t n =
            send(worker.fd, frame.constData() + sent, size_t(frame.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Outcome::Died;
        sent += n;
    }
    QByteArray buffer;
    char chunk[65536];
    for (;;) {
        if (const std::optional<QByteArray> payload = PdfWorkerProtocol::take(buffer)) {
            if (payload->isEmpty())
                return Outcome::Died; // a frame larger than any snapshot: not our worker
            if (payload->at(0) != PdfWorkerProtocol::kSnapshot) {
                *answer = payload->mid(1);
                return Outcome::Refused;
            }
            *answer = payload->mid(1);
            return Outcome::Answered;
        }
        const qint64 left = m_options.timeoutMs - clock.elapsed();
        if (left <= 0)
            return Outcome::TimedOut;
        pollfd p{worker.fd, POLLIN, 0};
        const int ready = poll(&p, 1, int(left));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0)
            return Outcome::TimedOut;
        const ssize_t n = recv(worker.fd, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Outcome::Died;
        buffer.append(chunk, n);
    }
}

std::optional<PdfSnapshot> PdfWorkerPool::read(const QString &path, quint8 parts, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QByteArray request;
    {
        QDataStream out(&request, QIODevice::WriteOnly);
        out << parts << path << qint32(m_options.maxPages);
    }
    QString lastEnd;
    // A worker can die for reasons of its own (killed by the system while idle, memory taken by
    // an earlier document): a second, fresh worker decides whether the document is to blame.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QString problem;
        std::optional<Worker> worker = acquire(&problem);
        if (!worker) {
            *error = tr("%1: the PDF reader %2").arg(shown, problem);
            return std::nullopt;
        }
        QByteArray answer;
        switch (call(*worker, request, &answer)) {
        case Outcome::Answered: {
            std::optional<PdfSnapshot> snapshot = PdfSnapshot::deserialize(answer);
            if (!snapshot || snapshot->path != path) {
                finish(*worker, true);
                *error = tr("%1: the PDF reader gave an answer that cannot be used").arg(shown);
                return std::nullopt;
            }
            release(*worker);
            return snapshot;
        }
        case Outcome::Refused:
            // Whatever it ran out of, a fresh worker serves the next document.
            finish(*worker, true);
            *error = tr("%1: %2").arg(shown, QString::fromUtf8(answer));
            return std::nullopt;
        case Outcome::TimedOut:
            finish(*worker, true);
            qCWarning(lcPdfWorker).noquote()
                << shown << "reading took longer than" << m_options.timeoutMs << "ms";
            *error = tr("%1: reading the PDF took longer than %2 s and was stopped; the document may be "
                        "damaged or built to stall readers")
                         .arg(shown)
                         .arg(m_options.timeoutMs / 1000.0, 0, 'g', 3);
            return std::nullopt;
        case Outcome::Died:
            lastEnd = finish(*worker, true);
            qCWarning(lcPdfWorker).noquote() << shown << "the PDF reader ended:" << lastEnd;
            break;
        }
    }
    *error = tr("%1: the PDF reader stopped twice on this document (%2); it may be damaged or need "
                "more than the %3 MiB of memory a document may use")
                 .arg(shown, lastEnd)
                 .arg(m_options.memoryMb);
    return std::nullopt;
}

} // namespace einvoice

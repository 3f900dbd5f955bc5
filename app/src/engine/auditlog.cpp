#include "auditlog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace einvoice {

Q_LOGGING_CATEGORY(lcAudit, "einvoice.audit", QtInfoMsg)

namespace {

const QString kActiveName = QStringLiteral("audit.jsonl");
const QString kLockName = QStringLiteral("audit.lock");
const QString kZeroHash = QString(64, QLatin1Char('0'));

QString tr(const char *text)
{
    return QCoreApplication::translate("AuditLog", text);
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool writeAll(int fd, const QByteArray &bytes)
{
    const char *p = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        left -= n;
    }
    return true;
}

// A rename or a new file is durable only once its directory entry is.
void syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // strip the brackets of ["..."]
}

bool isHexHash(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

QString monthOf(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM"));
}

// The sequence number of a file's first record, for ordering the monthly files.
qint64 firstSequence(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::numeric_limits<qint64>::max();
    QByteArray line = f.readLine(1 << 20);
    if (line.endsWith('\n'))
        line.chop(1);
    const std::optional<AuditRecord> record = AuditLog::parseLine(line);
    return record ? record->sequence : std::numeric_limits<qint64>::max();
}

} // namespace

QString AuditVerification::report() const
{
    QStringList lines;
    for (const AuditIssue &issue : issues)
        lines << QStringLiteral("%1:%2: %3").arg(issue.file).arg(issue.line).arg(issue.problem);
    return lines.join(QLatin1Char('\n'));
}

AuditLog::AuditLog() = default;

AuditLog::~AuditLog()
{
    close();
}

QString AuditLog::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray AuditLog::formatLine(const AuditRecord &r)
{
    // Keys in a fixed, readable order (QJsonObject would sort them).
    QByteArray out = "{\"seq\":" + QByteArray::number(r.sequence);
    out += ",\"time\":" + jsonString(JobJournal::formatTime(r.time));
    out += ",\"job\":" + QByteArray::number(r.jobId);
    out += ",\"hash\":" + jsonString(r.contentHash);
    out += ",\"profile\":" + jsonString(r.senderProfile);
    out += ",\"from\":" + jsonString(r.fromState);
    out += ",\"to\":" + jsonString(r.toState);
    out += ",\"remote_id\":" + jsonString(r.remoteId);
    out += ",\"message\":" + jsonString(r.message);
    out += ",\"prev\":" + jsonString(r.previousHash);
    out += '}';
    return out;
}

std::optional<AuditRecord> AuditLog::parseLine(const QByteArray &line, QString *error)
{
    const auto fail = [error](const QString &problem) -> std::optional<AuditRecord> {
        if (error)
            *error = problem;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not JSON (%1 at character %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return fail(tr("not a JSON object"));
    const QJsonObject o = doc.object();
    for (const char *key : {"seq", "job"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < 0)
            return fail(tr("field '%1' is missing or not a whole number").arg(QLatin1String(key)));
    }
    for (const char *key : {"time", "hash", "profile", "from", "to", "remote_id", "message", "prev"}) {
        if (!o.value(QLatin1String(key)).isString())
            return fail(tr("field '%1' is missing or not text").arg(QLatin1String(key)));
    }
    AuditRecord r;
    r.sequence = o.value(QLatin1String("seq")).toInteger();
    r.jobId = o.value(QLatin1String("job")).toInteger();
    r.time = JobJournal::parseTime(o.value(QLatin1String("time")).toString());
    r.contentHash = o.value(QLatin1String("hash")).toString();
    r.senderProfile = o.value(QLatin1String("profile")).toString();
    r.fromState = o.value(QLatin1String("from")).toString();
    r.toState = o.value(QLatin1String("to")).toString();
    r.remoteId = o.value(QLatin1String("remote_id")).toString();
    r.message = o.value(QLatin1String("message")).toString();
    r.previousHash = o.value(QLatin1String("prev")).toString();
    if (r.sequence < 1)
        return fail(tr("sequence number %1 is not positive").arg(r.sequence));
    if (!r.time.isValid())
        return fail(
            tr("time '%1' is not an ISO-8601 UTC time").arg(o.value(QLatin1String("time")).toString()));
    if (!jobStateFromName(r.toState))
        return fail(tr("unknown state '%1' in 'to'").arg(r.toState));
    if (!r.fromState.isEmpty() && !jobStateFromName(r.fromState))
        return fail(tr("unknown state '%1' in 'from'").arg(r.fromState));
    if (!isHexHash(r.previousHash))
        return fail(tr("'prev' is not a SHA-256 in hex"));
    return r;
}

QString AuditLog::open(const QString &directory, const Clock *clock)
{
    QMutexLocker locker(&m_mutex);
    if (m_fd >= 0 || m_lockFd >= 0) {
        if (m_fd >= 0)
            ::close(m_fd);
        if (m_lockFd >= 0)
            ::close(m_lockFd);
        m_fd = m_lockFd = -1;
    }
    m_directory = QDir(directory).absolutePath();
    m_clock = clock;
    if (!QDir().mkpath(m_directory))
        return tr("%1: cannot create the audit log folder").arg(m_directory);
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString lockPath = QDir(m_directory).filePath(kLockName);
    m_lockFd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0)
        return tr("%1: cannot open the audit lock file: %2").arg(lockPath, systemError());
    if (QString error = lock(); !error.isEmpty())
        return error;
    const QString error = openActive();
    unlock();
    if (!error.isEmpty()) {
        ::close(m_lockFd);
        m_lockFd = -1;
    }
    return error;
}

void AuditLog::setSyncEvery(int records)
{
    QMutexLocker locker(&m_mutex);
    m_syncEvery = qMax(1, records);
}

QString AuditLog::flush()
{
    QMutexLocker locker(&m_mutex);
    if (m_fd < 0 || m_unsynced == 0)
        return {};
    if (::fsync(m_fd) != 0)
        return tr("%1: cannot flush the audit log to disk: %2").arg(filePath(), systemError());
    m_unsynced = 0;
    return {};
}

void AuditLog::close()
{
    QMutexLocker locker(&m_mutex);
    if (m_fd >= 0 && m_unsynced > 0)
        ::fsync(m_fd);
    m_unsynced = 0;
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_lockFd >= 0)
        ::close(m_lockFd);
    m_fd = m_lockFd = -1;
}

bool AuditLog::isOpen() const
{
    QMutexLocker locker(&m_mutex);
    return m_fd >= 0;
}

QString AuditLog::directory() const
{
    return m_directory;
}

QString AuditLog::filePath() const
{
    return QDir(m_directory).filePath(kActiveName);
}

QString AuditLog::lock()
{
    while (::flock(m_lockFd, LOCK_EX) != 0) {
        if (errno != EINTR)
            return tr("%1: cannot lock the audit log: %2").arg(m_directory, systemError());
    }
    return {};
}

void AuditLog::unlock()
{
    ::flock(m_lockFd, LOCK_UN);
}

// Called with the lock held: (re)opens audit.jsonl and finds where the chain ends.
QString AuditLog::openActive()
{
    if (m_fd >= 0) {
        if (m_unsynced > 0)
            ::fsync(m_fd);
        m_unsynced = 0;
        ::close(m_fd);
    }
    m_fd = -1;
    const QString path = filePath();
    const bool existed = QFile::exists(path);
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        const QString error = tr("%1: cannot open the audit log: %2").arg(path, systemError());
        if (fd >= 0)
            ::close(fd);
        return error;
    }
    if (!existed)
        syncDirectory(m_directory);
    QString error;
    std::optional<ChainEnd> end;
    if (st.st_size > 0) {
        end = readChainEnd(path, &error);
    } else {
        // A new active file continues the chain of the newest monthly file, if any.
        const QStringList all = files(m_directory);
        end = ChainEnd{};
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (*it == path)
                continue;
            end = readChainEnd(*it, &error);
            if (end)
                end->needsNewline = false; // that file stays as it is; this one starts clean
            break;
        }
    }
    if (!end) {
        ::close(fd);
        return error;
    }
    m_fd = fd;
    m_knownInode = quint64(st.st_ino);
    m_knownSize = st.st_size;
    m_end = *end;
    m_fileMonth.clear();
    if (st.st_size > 0) {
        // The month the file was started for is its first record's: rotation only moves forward,
        // so later records are never in a later month, only (after a clock step back) an earlier one.
        QFile active(path);
        if (active.open(QIODevice::ReadOnly)) {
            QByteArray first = active.readLine(1 << 20);
            if (first.endsWith('\n'))
                first.chop(1);
            if (const std::optional<AuditRecord> record = parseLine(first))
                m_fileMonth = monthOf(record->time);
        }
    }
    if (m_end.lastLineHash.isEmpty())
        m_end.lastLineHash = kZeroHash;
    return {};
}

std::optional<AuditLog::ChainEnd> AuditLog::readChainEnd(const QString &path, QString *error)
{
    ChainEnd end;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot read the audit log: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const qint64 size = f.size();
    if (size == 0)
        return end;
    // Read a growing window from the end until it holds a well-formed record (or the whole file):
    // the last line gives the hash to chain to, the last well-formed record the sequence number.
    for (qint64 window = 64 * 1024;; window *= 2) {
        const qint64 start = std::max<qint64>(0, size - window);
        f.seek(start);
        const QByteArray chunk = f.read(size - start);
        end.needsNewline = !chunk.endsWith('\n');
        QList<QByteArray> lines = chunk.split('\n');
        if (!end.needsNewline)
            lines.removeLast(); // the empty piece after the final newline
        if (start > 0)
            lines.removeFirst(); // probably cut in the middle
        if (lines.isEmpty())
            continue;
        end.lastLineHash = sha256Hex(lines.last());
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (const std::optional<AuditRecord> record = parseLine(*it)) {
                end.sequence = record->sequence;
                return end;
            }
        }
        if (start == 0)
            return end;
    }
}

QString AuditLog::rotate(const QString &month)
{
    const QDir dir(m_directory);
    QString target = dir.filePath(QStringLiteral("audit-%1.jsonl").arg(month));
    for (int n = 2; QFile::exists(target); ++n)
        target = dir.filePath(QStringLiteral("audit-%1.%2.jsonl").arg(month).arg(n));
    if (::rename(QFile::encodeName(filePath()).constData(), QFile::encodeName(target).constData()) != 0)
        return tr("%1: cannot start a new monthly audit file (renaming to %2): %3")
            .arg(filePath(), target, systemError());
    syncDirectory(m_directory);
    qCInfo(lcAudit) << "audit log for" << month << "closed as" << target;
    const ChainEnd end = m_end;
    if (m_unsynced > 0)
        ::fsync(m_fd);
    m_unsynced = 0;
    ::close(m_fd);
    m_fd = ::open(QFile::encodeName(filePath()).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    struct stat st;
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
        return tr("%1: cannot open the audit log: %2").arg(filePath(), systemError());
    syncDirectory(m_directory);
    m_knownInode = quint64(st.st_ino);
    m_knownSize = 0;
    m_end = end;
    m_end.needsNewline = false;
    m_fileMonth.clear();
    return {};
}

QString AuditLog::append(const AuditRecord &record)
{
    QMutexLocker locker(&m_mutex);
    if (m_fd < 0)
        return tr("the audit log is not open");
    if (QString error = lock(); !error.isEmpty())
        return error;
    struct Unlock
    {
        AuditLog *log;
        ~Unlock() { log->unlock(); }
    } unlockLater{this};

    // Another process may have appended or started a new month since our last write.
    struct stat st;
    if (::stat(QFile::encodeName(filePath()).constData(), &st) != 0 || quint64(st.st_ino) != m_knownInode ||
        st.st_size != m_knownSize) {
        if (QString error = openActive(); !error.isEmpty())
            return error;
    }

    AuditRecord r = record;
    if (!r.time.isValid())
        r.time = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    r.time = r.time.toUTC();
    const QString month = monthOf(r.time);
    // Only forward: a clock stepping back over a month boundary must not split files again.
    if (m_knownSize > 0 && !m_fileMonth.isEmpty() && month > m_fileMonth) {
        if (QString error = rotate(m_fileMonth); !error.isEmpty())
            return error;
    }
    r.sequence = m_end.sequence + 1;
    r.previousHash = m_end.lastLineHash;
    const QByteArray line = formatLine(r);
    const QByteArray bytes = (m_end.needsNewline ? QByteArray("\n") : QByteArray()) + line + '\n';
    if (!writeAll(m_fd, bytes)) {
        const QString error = tr("%1: cannot write the audit log: %2").arg(filePath(), systemError());
        m_knownSize = -1; // a partial line may be there: re-read the chain's end next time
        return error;
    }
    m_knownSize += bytes.size();
    if (++m_unsynced >= m_syncEvery) {
        if (::fsync(m_fd) != 0)
            return tr("%1: cannot flush the audit log to disk: %2").arg(filePath(), systemError());
        m_unsynced = 0;
    }
    m_end.sequence = r.sequence;
    m_end.lastLineHash = sha256Hex(line);
    if (m_fileMonth.isEmpty())
        m_fileMonth = month;
    m_end.needsNewline = false;
    return {};
}

QString AuditLog::appendTransition(const Job &job, std::optional<JobState> from, const QString &message)
{
    AuditRecord r;
    r.time = job.updatedAt; // the journal's time for the change; the clock's now when unset
    r.jobId = job.id;
    r.contentHash = job.contentHash;
    r.senderProfile = job.senderProfile;
    r.fromState = from ? jobStateName(*from) : QString();
    r.toState = jobStateName(job.state);
    r.remoteId = job.remoteId;
    r.message = message;
    return append(r);
}

QStringList AuditLog::files(const QString &directory)
{
    const QDir dir(directory);
    static const QRegularExpression monthly(QStringLiteral("^audit-\\d{4}-\\d{2}(?:\\.\\d+)?\\.jsonl$"));
    QList<QPair<qint64, QString>> ordered;
    for (const QString &name : dir.entryList({QStringLiteral("audit-*.jsonl")}, QDir::Files, QDir::Name)) {
        if (monthly.match(name).hasMatch())
            ordered.append({firstSequence(dir.filePath(name)), dir.filePath(name)});
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (const auto &entry : ordered)
        out << entry.second;
    if (QFile::exists(dir.filePath(kActiveName)))
        out << dir.filePath(kActiveName);
    return out;
}

AuditVerification AuditLog::verify(const QString &directory)
{
    AuditVerification v;
    QString previousHash = kZeroHash;
    QString previousWhere; // "FILE:LINE" of the previous line, for messages
    qint64 lastSequence = 0;
    for (const QString &path : files(directory)) {
        ++v.files;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            v.issues.append({path, 0, tr("cannot read the file: %1").arg(f.errorString())});
            continue;
        }
        const QByteArray data = f.readAll();
        if (data.isEmpty())
            continue;
        const bool complete = data.endsWith('\n');
        QList<QByteArray> lines = data.split('\n');
        if (complete)
            lines.removeLast();
        for (int i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const int lineNumber = i + 1;
            QString problem;
            const std::optional<AuditRecord> record = parseLine(line, &problem);
            if (!record) {
                if (i == lines.size() - 1 && !complete)
                    problem =
                        tr("incomplete last line (the agent stopped while writing it): %1").arg(problem);
                else if (line.isEmpty())
                    problem = tr("empty line");
                v.issues.append({path, lineNumber, problem});
            } else {
                ++v.records;
                if (record->previousHash != previousHash) {
                    v.issues.append(
                        {path, lineNumber,
                         previousWhere.isEmpty()
                             ? tr("the first record does not start the chain: earlier records are missing")
                             : tr("does not chain to the line before it (%1): that line was changed, or "
                                  "lines "
                                  "were removed or inserted between them")
                                   .arg(previousWhere)});
                }
                if (record->sequence != lastSequence + 1) {
                    v.issues.append(
                        {path, lineNumber,
                         tr("sequence number %1 where %2 was expected: records are missing or out "
                            "of order")
                             .arg(record->sequence)
                             .arg(lastSequence + 1)});
                }
                lastSequence = record->sequence;
            }
            previousHash = sha256Hex(line);
            previousWhere = QStringLiteral("%1:%2").arg(path).arg(lineNumber);
        }
    }
    return v;
}

} // namespace einvoice

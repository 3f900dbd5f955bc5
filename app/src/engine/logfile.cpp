#include "logfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace einvoice {

namespace {

// Guards s_active. The handler holds it while writing, so a LogFile cannot be uninstalled (and
// destroyed) while another thread is inside its write().
QBasicMutex s_handlerMutex;
LogFile *s_active = nullptr;
// A message logged while this thread is already inside the handler (by code the handler calls)
// goes straight to stderr instead of deadlocking on the mutexes.
thread_local bool t_inHandler = false;

constexpr qint64 kReopenDelayMs = 60 * 1000;   // after a failure, try the file again this often
constexpr qint64 kIdentityCheckMs = 10 * 1000; // how often to notice a removed or moved log file

QString tr(const char *text)
{
    return QCoreApplication::translate("LogFile", text);
}

const SystemClock &systemClock()
{
    static const SystemClock clock;
    return clock;
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

// True when stderr is the journal: systemd sets JOURNAL_STREAM to "device:inode" of the stream
// it connected to stderr (see systemd.exec(5)); a redirected stderr no longer matches.
bool stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const QList<QByteArray> parts = stream.split(':');
    struct stat st;
    if (parts.size() != 2 || ::fstat(STDERR_FILENO, &st) != 0)
        return false;
    return parts[0].toULongLong() == quint64(st.st_dev) && parts[1].toULongLong() == quint64(st.st_ino);
}

int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

// Continuation lines of a multi-line message are indented, so every record starts with a time
// stamp and a reader (or grep) never mistakes message text for a new record.
QString oneRecord(const QString &message)
{
    QString text = message;
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    text.replace(QLatin1Char('\r'), QString());
    text.replace(QLatin1Char('\n'), QLatin1String("\n    "));
    return text;
}

} // namespace

LogFile::LogFile(const Options &options) : m_options(options)
{
    if (m_options.fileName.isEmpty())
        m_options.fileName = QStringLiteral("einvoice-agent.log");
    if (m_options.maxBytes <= 0)
        m_options.maxBytes = kDefaultMaxBytes;
    m_options.keep = qMax(0, m_options.keep);
    if (!m_options.clock)
        m_options.clock = &systemClock();
    m_path = QDir(m_options.directory).filePath(m_options.fileName);
    m_journald = stderrIsJournal();
    QMutexLocker lock(&m_mutex);
    openFile();
}

LogFile::~LogFile()
{
    uninstall();
    QMutexLocker lock(&m_mutex);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void LogFile::install()
{
    if (!m_options.filterRules.isEmpty())
        QLoggingCategory::setFilterRules(m_options.filterRules);
    QMutexLocker lock(&s_handlerMutex);
    if (s_active == this)
        return;
    if (s_active) {
        // Replacing another LogFile: keep the handler that was there before either of us.
        m_previous = s_active->m_previous;
    } else {
        m_previous = qInstallMessageHandler(&LogFile::handler);
    }
    s_active = this;
}

void LogFile::uninstall()
{
    QMutexLocker lock(&s_handlerMutex);
    if (s_active != this)
        return;
    qInstallMessageHandler(m_previous);
    s_active = nullptr;
}

bool LogFile::isInstalled() const
{
    QMutexLocker lock(&s_handlerMutex);
    return s_active == this;
}

void LogFile::handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (t_inHandler) {
        const QByteArray line = qFormatLogMessage(type, context, redact(message)).toUtf8() + '\n';
        writeAll(STDERR_FILENO, line);
        return;
    }
    t_inHandler = true;
    {
        QMutexLocker lock(&s_handlerMutex);
        if (s_active) {
            s_active->write(type, context.category, message);
        } else {
            writeAll(STDERR_FILENO, qFormatLogMessage(type, context, redact(message)).toUtf8() + '\n');
        }
    }
    t_inHandler = false;
}

QString LogFile::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

QString LogFile::redact(const QString &text)
{
    // Bearer tokens (RFC 6750 token68 characters) and HTTP basic credentials.
    static const QRegularExpression bearer(QStringLiteral("\\b(bearer)\\s+[A-Za-z0-9\\-._~+/]+=*"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression basic(QStringLiteral("\\b(authorization\\s*:\\s*basic)\\s+\\S+"),
                                          QRegularExpression::CaseInsensitiveOption);
    // key=value pairs: URL query values, form bodies, "key=value" in messages.
    static const QRegularExpression pair(
        QStringLiteral("\\b((?:access_|refresh_|id_|api_|auth_)?token|password|passwd|client_secret|secret|"
                       "api_?key)=[^&\\s#\"',;]+"),
        QRegularExpression::CaseInsensitiveOption);
    // JSON fields: "access_token": "...", "password":"...".
    static const QRegularExpression json(
        QStringLiteral("(\"[A-Za-z_]*(?:token|password|secret|api_?key)\"\\s*:\\s*\")[^\"]*(\")"),
        QRegularExpression::CaseInsensitiveOption);
    // The headless token variables (secretstore.h): EINVOICE_PORTAL_TOKEN[_<PROFILE>]=value.
    static const QRegularExpression tokenVariable(QStringLiteral("\\b(EINVOICE_PORTAL_TOKEN\\w*)=\\S+"));
    if (!text.contains(QLatin1Char('=')) && !text.contains(QLatin1Char(':')) &&
        !text.contains(QLatin1String("earer"), Qt::CaseInsensitive))
        return text; // the common case: nothing that could hold a secret
    QString out = text;
    out.replace(bearer, QStringLiteral("\\1 [redacted]"));
    out.replace(basic, QStringLiteral("\\1 [redacted]"));
    out.replace(pair, QStringLiteral("\\1=[redacted]"));
    out.replace(json, QStringLiteral("\\1[redacted]\\2"));
    out.replace(tokenVariable, QStringLiteral("\\1=[redacted]"));
    return out;
}

QByteArray LogFile::journalLine(QtMsgType type, const char *category, const QString &message) const
{
    return QStringLiteral("<%1>%2: %3\n")
        .arg(syslogPriority(type))
        .arg(QString::fromUtf8(category ? category : "default"), oneRecord(message))
        .toUtf8();
}

void LogFile::write(QtMsgType type, const char *category, const QString &message)
{
    QMutexLocker lock(&m_mutex);
    const QDateTime now = m_options.clock->now().toUTC();
    const QString clean = redact(message);
    const QByteArray line = QStringLiteral("%1 %2 %3: %4\n")
                                .arg(now.toString(Qt::ISODateWithMs), levelName(type),
                                     QString::fromUtf8(category ? category : "default"), oneRecord(clean))
                                .toUtf8();

    if (m_fd < 0 && (!m_nextCheck.isValid() || now >= m_nextCheck))
        openFile();
    if (m_fd >= 0 && m_nextCheck.isValid() && now >= m_nextCheck) {
        // Notice a log file removed or moved away behind our back (the user cleaned up the
        // folder, logrotate): keep writing where people will look, not to an unlinked inode.
        struct stat onDisk, open;
        if (::stat(QFile::encodeName(m_path).constData(), &onDisk) != 0 || ::fstat(m_fd, &open) != 0 ||
            onDisk.st_ino != open.st_ino || onDisk.st_dev != open.st_dev) {
            ::close(m_fd);
            m_fd = -1;
            openFile();
        }
        m_nextCheck = now.addMSecs(kIdentityCheckMs);
    }
    if (m_fd >= 0) {
        if (m_size > 0 && m_size + line.size() > m_options.maxBytes)
            rotate();
        if (m_fd >= 0) {
            if (writeAll(m_fd, line))
                m_size += line.size();
            else
                fallBack(QString::fromLocal8Bit(std::strerror(errno)));
        }
    }
    if (m_fd < 0) {
        ++m_linesToStderr;
        writeStderr(m_journald ? journalLine(type, category, clean) : line);
    } else if (m_options.alsoStderr) {
        writeStderr(m_journald ? journalLine(type, category, clean) : line);
    }
}

void LogFile::writeStderr(const QByteArray &line)
{
    writeAll(STDERR_FILENO, line);
}

void LogFile::openFile()
{
    if (m_fd >= 0)
        return;
    const QDateTime now = m_options.clock->now().toUTC();
    if (!QDir().mkpath(m_options.directory)) {
        fallBack(tr("cannot create the folder %1").arg(m_options.directory));
        return;
    }
    const int fd =
        ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        fallBack(reason);
        return;
    }
    m_fd = fd;
    m_size = st.st_size;
    m_nextCheck = now.addMSecs(kIdentityCheckMs);
    if (m_fallingBack) {
        m_fallingBack = false;
        const QByteArray note = QStringLiteral("%1 warning einvoice.log: %2\n")
                                    .arg(now.toString(Qt::ISODateWithMs),
                                         tr("the log file could be written again; %1 earlier line(s) went "
                                            "to standard error only")
                                             .arg(m_linesToStderr))
                                    .toUtf8();
        if (writeAll(m_fd, note))
            m_size += note.size();
        m_linesToStderr = 0;
    }
}

void LogFile::rotate()
{
    ::close(m_fd);
    m_fd = -1;
    const QByteArray base = QFile::encodeName(m_path);
    bool ok = true;
    if (m_options.keep == 0) {
        ok = ::unlink(base.constData()) == 0 || errno == ENOENT;
    } else {
        const auto numbered = [&](int i) { return base + '.' + QByteArray::number(i); };
        if (::unlink(numbered(m_options.keep).constData()) != 0 && errno != ENOENT)
            ok = false;
        for (int i = m_options.keep - 1; ok && i >= 1; --i) {
            if (::rename(numbered(i).constData(), numbered(i + 1).constData()) != 0 && errno != ENOENT)
                ok = false;
        }
        if (ok && ::rename(base.constData(), numbered(1).constData()) != 0)
            ok = false;
    }
    if (!ok) {
        // Keep appending to the full file rather than lose lines; say so once per failure.
        const QString message = tr("einvoice: cannot rotate the log file %1: %2; it grows past its limit\n")
                                    .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        writeStderr(message.toUtf8());
    }
    openFile();
}

void LogFile::fallBack(const QString &reason)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_nextCheck = m_options.clock->now().toUTC().addMSecs(kReopenDelayMs);
    if (m_fallingBack)
        return;
    m_fallingBack = true;
    const QString message =
        tr("einvoice: cannot write the log file %1: %2; log messages go to standard error until it can be "
           "written again\n")
            .arg(m_path, reason);
    writeStderr(message.toUtf8());
}

QString LogFile::filePath() const
{
    return m_path;
}

QStringList LogFile::files() const
{
    return existingFiles(m_options.directory, m_options.fileName);
}

bool LogFile::isFallingBack() const
{
    QMutexLocker lock(&m_mutex);
    return m_fallingBack;
}

QStringList LogFile::existingFiles(const QString &directory, const QString &fileName)
{
    const QDir dir(directory);
    const QRegularExpression pattern(
        QStringLiteral("^%1(?:\\.(\\d+))?$").arg(QRegularExpression::escape(fileName)));
    std::map<int, QString> byNumber;
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        const QRegularExpressionMatch m = pattern.match(name);
        if (m.hasMatch())
            byNumber[m.captured(1).isEmpty() ? 0 : m.captured(1).toInt()] = dir.filePath(name);
    }
    QStringList out;
    for (const auto &[number, path] : byNumber)
        out << path;
    return out;
}

} // namespace einvoice

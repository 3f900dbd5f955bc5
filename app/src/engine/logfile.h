#pragma once

#include "clock.h"

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace einvoice {

/// The agent's log: a Qt message handler that writes every qDebug/qInfo/qWarning/qCritical/
/// qFatal of every category as one line
///
///     2025-01-01T08:30:00.123Z warning einvoice.journal: message
///
/// (UTC, milliseconds) to `<directory>/einvoice-agent.log`, rotated by size: when the next line
/// would pass maxBytes the file becomes `.1`, `.1` becomes `.2` ... and `.<keep>` is dropped.
/// Which categories and levels get here is decided before the handler by
/// QLoggingCategory::setFilterRules (Options::filterRules, from the configuration).
///
/// Secrets never reach the log: every message goes through redact() (bearer tokens, basic
/// credentials, `token=`/`password=`/`secret=` values, JSON secret fields).
///
/// Never fatal for the agent: when the directory or file cannot be written (read-only, full,
/// removed), messages go to stderr instead and that is said once on stderr; opening is tried
/// again after a minute and, when it works, the file says how many lines went to stderr. With
/// alsoStderr every line is copied to stderr as well (daemon in the foreground, or under systemd,
/// where stderr is the journal: then lines carry a `<N>` syslog priority prefix instead of the
/// time stamp, which journald adds itself).
///
/// Threading: write() may be called from any thread (one mutex; each line is one write(2) on an
/// O_APPEND descriptor, so lines never interleave). One process writes one log file: rotation is
/// not coordinated between processes. Ownership: the caller owns the LogFile and must uninstall
/// it (the destructor does) before it goes away; the Clock, when given, must outlive it.
class LogFile
{
public:
    static constexpr qint64 kDefaultMaxBytes = 5 * 1024 * 1024;
    static constexpr int kDefaultKeep = 5;

    struct Options
    {
        QString directory;
        QString fileName = QStringLiteral("einvoice-agent.log");
        qint64 maxBytes = kDefaultMaxBytes; // size at which the file rotates
        int keep = kDefaultKeep;            // rotated files kept: .1 ... .keep
        bool alsoStderr = false;
        QString filterRules;          // QLoggingCategory::setFilterRules; empty leaves them as they are
        const Clock *clock = nullptr; // null: system clock
    };

    explicit LogFile(const Options &options);
    ~LogFile();
    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    /// Makes this the process's Qt message handler (and applies the filter rules). Installing a
    /// second LogFile replaces the first; uninstall() restores the handler found at install().
    void install();
    void uninstall();
    bool isInstalled() const;

    /// Writes one message as the handler does; thread-safe.
    void write(QtMsgType type, const char *category, const QString &message);

    QString filePath() const;
    /// The log file and its rotated copies that exist, newest first.
    QStringList files() const;
    /// True while messages go to stderr because the file cannot be written.
    bool isFallingBack() const;

    /// The log files in @p directory for @p fileName (current first, then .1, .2 ...): for the
    /// support bundle, which reads the logs of a daemon it does not own.
    static QStringList existingFiles(const QString &directory,
                                     const QString &fileName = QStringLiteral("einvoice-agent.log"));
    /// Masks secrets in @p text. Stateless; any thread.
    static QString redact(const QString &text);
    /// "debug", "info", "warning", "critical", "fatal".
    static QString levelName(QtMsgType type);

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void openFile();
    void rotate();
    void fallBack(const QString &reason);
    void writeStderr(const QByteArray &line);
    QByteArray journalLine(QtMsgType type, const char *category, const QString &message) const;

    Options m_options;
    QString m_path;
    mutable QMutex m_mutex;
    int m_fd = -1;
    qint64 m_size = 0;
    bool m_fallingBack = false;
    qint64 m_linesToStderr = 0;
    QDateTime m_nextCheck; // next reopen attempt (file unusable) or identity check (file open)
    bool m_journald = false;
    QtMessageHandler m_previous = nullptr;
};

} // namespace einvoice

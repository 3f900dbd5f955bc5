#include "intake.h"

#include "filesettler.h"
#include "watcherlog.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice::Intake", text);
}

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

QString why(int err)
{
    switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return tr("the disk is full");
    case EACCES:
    case EPERM:
    case EROFS:
        return tr("permission denied");
    case ENOTDIR:
    case EEXIST:
        return tr("a file is in the way where a folder is expected");
    default:
        return qt_error_string(err);
    }
}

bool fsyncDir(const QString &dir)
{
    const int fd = ::open(native(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// rename() that fails with EEXIST instead of replacing @p to; 0 or an errno.
int renameNoReplace(const QString &from, const QString &to)
{
    if (::renameat2(AT_FDCWD, native(from).constData(), AT_FDCWD, native(to).constData(), RENAME_NOREPLACE) ==
        0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    // The file system has no RENAME_NOREPLACE: link() never replaces either.
    if (::link(native(from).constData(), native(to).constData()) != 0)
        return errno;
    ::unlink(native(from).constData());
    return 0;
}

/// A fresh temporary name in @p dir, hidden so that no watcher takes it.
QString tempName(const QString &dir)
{
    static QAtomicInteger<quint32> counter;
    return QDir(dir).filePath(QStringLiteral(".intake-%1-%2-%3.part")
                                  .arg(::getpid())
                                  .arg(counter.fetchAndAddRelaxed(1))
                                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
}

/// "name.pdf", "name (2).pdf", ... for attempt 1, 2, ...
QString candidateName(const QString &fileName, int attempt)
{
    if (attempt <= 1)
        return fileName;
    const QFileInfo info(fileName);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString base = info.suffix().isEmpty() ? fileName : info.completeBaseName();
    return QStringLiteral("%1 (%2)%3").arg(base).arg(attempt).arg(suffix);
}

/// Copies @p from to the new file @p to (which must not exist), fsynced; 0 or an errno. On error
/// nothing is left at @p to.
int copyFile(const QString &from, const QString &to, QCryptographicHash *hash, qint64 *size)
{
    const int in = ::open(native(from).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (in < 0)
        return errno;
    const int out = ::open(native(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        const int e = errno;
        ::close(in);
        return e;
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    int err = 0;
    qint64 total = 0;
    while (!err) {
        const ssize_t n = ::read(in, buffer.data(), size_t(buffer.size()));
        if (n < 0) {
            if (errno != EINTR)
                err = errno;
            continue;
        }
        if (n == 0)
            break;
        if (hash)
            hash->addData(QByteArrayView(buffer.constData(), n));
        for (ssize_t done = 0; done < n && !err;) {
            const ssize_t w = ::write(out, buffer.constData() + done, size_t(n - done));
            if (w < 0) {
                if (errno != EINTR)
                    err = errno;
                continue;
            }
            done += w;
        }
        total += n;
    }
    if (!err && ::fsync(out) != 0)
        err = errno;
    if (::close(out) != 0 && !err)
        err = errno;
    ::close(in);
    if (err)
        ::unlink(native(to).constData());
    if (size)
        *size = total;
    return err;
}

/// Creates @p dir and its parents; 0 or an errno (ENOTDIR when a file is in the way).
int makeDir(const QString &dir)
{
    const QFileInfo info(dir);
    if (info.isDir())
        return 0;
    if (info.exists())
        return ENOTDIR;
    const QString parent = info.absolutePath();
    if (parent != info.absoluteFilePath()) {
        if (const int e = makeDir(parent))
            return e;
    }
    if (::mkdir(native(dir).constData(), 0700) == 0 || (errno == EEXIST && QFileInfo(dir).isDir()))
        return 0;
    return errno == EEXIST ? ENOTDIR : errno;
}

} // namespace

Intake::Intake(QString spoolDir, const Clock &clock) : m_spoolDir(std::move(spoolDir)), m_clock(clock) {}

bool Intake::syncSpoolFolder() const
{
    return fsyncDir(m_spoolDir);
}

Intake::Copy Intake::copyToSpool(const QString &original, bool syncFolder) const
{
    Copy c;
    const std::optional<FileVersion> before = FileVersion::of(original);
    if (!before) {
        c.error = tr("%1: the file is gone or is not a regular file.").arg(original);
        return c;
    }
    if (const int e = makeDir(m_spoolDir)) {
        c.error = tr("%1: cannot be taken in, because the spool folder %2 cannot be used: %3.")
                      .arg(original, m_spoolDir, why(e));
        return c;
    }
    const QString temp = tempName(m_spoolDir);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (const int e = copyFile(original, temp, &hash, &c.size)) {
        c.error = tr("%1: cannot be copied into the spool folder %2: %3.").arg(original, m_spoolDir, why(e));
        return c;
    }
    // A writer that was still at work (settled too early) shows in size or mtime: start over later.
    const std::optional<FileVersion> after = FileVersion::of(original);
    if (!after || *after != *before || c.size != before->size) {
        ::unlink(native(temp).constData());
        c.changedWhileCopying = true;
        c.error = tr("%1: the file changed while it was being copied; it is taken in once it is complete.")
                      .arg(original);
        return c;
    }
    c.sha256 = hash.result().toHex();
    const QString ext = QFileInfo(original).suffix().toLower();
    c.spoolPath =
        QDir(m_spoolDir)
            .filePath(QString::fromLatin1(c.sha256) + (ext.isEmpty() ? QString() : QLatin1Char('.') + ext));
    const int e = renameNoReplace(temp, c.spoolPath);
    if (e == EEXIST) {
        // Same content taken in before: the spool copy is named by its hash, keep the existing one.
        ::unlink(native(temp).constData());
    } else if (e) {
        ::unlink(native(temp).constData());
        c.error = tr("%1: cannot be stored in the spool folder %2: %3.").arg(original, m_spoolDir, why(e));
        c.spoolPath.clear();
        return c;
    }
    if (syncFolder)
        fsyncDir(m_spoolDir);
    c.ok = true;
    qCDebug(lcWatcher) << "took in" << original << "as" << c.spoolPath << c.size << "bytes";
    return c;
}

Intake::Archived Intake::archiveOriginal(const QString &original, Outcome outcome,
                                         const QString &errorText) const
{
    Archived a;
    const QFileInfo info(original);
    if (!FileVersion::of(original)) {
        a.error = tr("%1: the file is gone or is not a regular file.").arg(original);
        return a;
    }
    const QString root = m_archiveRoot.isEmpty() ? info.absolutePath() : m_archiveRoot;
    const QDate month = m_clock.now().toLocalTime().date();
    const QString targetDir =
        QDir(root).filePath(outcome == Outcome::Processed
                                ? QStringLiteral("Processed/") + month.toString(QStringLiteral("yyyy-MM"))
                                : QStringLiteral("Failed"));
    if (const int e = makeDir(targetDir)) {
        a.error = tr("%1: cannot be moved, because the folder %2 cannot be created: %3.")
                      .arg(original, targetDir, why(e));
        return a;
    }

    // Move under the first free name; across file systems copy to a temporary name first.
    QString moved;
    QString temp; // non-empty: the move crosses file systems
    int err = 0;
    for (int attempt = 1; attempt < 10000 && moved.isEmpty(); ++attempt) {
        const QString dest = QDir(targetDir).filePath(candidateName(info.fileName(), attempt));
        if (outcome == Outcome::Failed && QFileInfo::exists(dest + QStringLiteral(".error.json")))
            continue; // an earlier note stays with its file
        if (temp.isEmpty()) {
            err = renameNoReplace(original, dest);
            if (err == 0) {
                moved = dest;
                break;
            }
            if (err == EEXIST)
                continue;
            if (err != EXDEV)
                break;
            temp = tempName(targetDir);
            if ((err = copyFile(original, temp, nullptr, nullptr)))
                break;
        }
        err = renameNoReplace(temp, dest);
        if (err == 0)
            moved = dest;
        else if (err != EEXIST)
            break;
    }
    if (moved.isEmpty()) {
        if (!temp.isEmpty())
            ::unlink(native(temp).constData());
        a.error = tr("%1: cannot be moved to %2: %3.").arg(original, targetDir, why(err ? err : EEXIST));
        return a;
    }
    fsyncDir(targetDir);

    const auto undo = [&] {
        // Put things back as they were: the original stays where the user left it.
        if (temp.isEmpty())
            renameNoReplace(moved, original);
        else
            ::unlink(native(moved).constData());
    };
    QString notePath;
    if (outcome == Outcome::Failed) {
        notePath = moved + QStringLiteral(".error.json");
        const QJsonObject note{{QStringLiteral("file"), QFileInfo(moved).fileName()},
                               {QStringLiteral("originalPath"), info.absoluteFilePath()},
                               {QStringLiteral("error"), errorText},
                               {QStringLiteral("whatToDo"),
                                tr("Correct the problem, then copy the file back into %1 to send it again.")
                                    .arg(info.absolutePath())},
                               {QStringLiteral("time"), m_clock.now().toUTC().toString(Qt::ISODate)}};
        QFile json(notePath);
        bool ok = json.open(QIODevice::WriteOnly | QIODevice::NewOnly);
        ok = ok && json.write(QJsonDocument(note).toJson()) >= 0 && json.flush() &&
             ::fsync(json.handle()) == 0;
        const QString jsonError = json.errorString();
        json.close();
        if (!ok) {
            QFile::remove(notePath);
            undo();
            a.error = tr("%1: cannot write the error note %2: %3.").arg(original, notePath, jsonError);
            return a;
        }
        fsyncDir(targetDir);
    }
    // Across file systems the copy is durable now; only then does the original go.
    if (!temp.isEmpty() && ::unlink(native(original).constData()) != 0) {
        const int e = errno;
        undo();
        if (!notePath.isEmpty())
            QFile::remove(notePath);
        a.error = tr("%1: cannot be moved to %2: %3.").arg(original, targetDir, why(e));
        return a;
    }
    a.ok = true;
    a.path = moved;
    qCInfo(lcWatcher) << "archived" << original << "to" << moved;
    return a;
}

} // namespace einvoice

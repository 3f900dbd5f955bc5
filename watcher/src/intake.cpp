#include "intake.h"

#include "filesettler.h"
#include "watcherlog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice::Intake", text);
}

QString why(int err)
{
    if (err == ENOSPC || err == EDQUOT)
        return tr("the disk is full");
    if (err == EACCES || err == EPERM)
        return tr("permission denied");
    return qt_error_string(err);
}

bool fsyncDir(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// "name.pdf", "name (2).pdf", ... the first that does not exist in @p dir.
QString freeName(const QDir &dir, const QString &fileName)
{
    if (!dir.exists(fileName))
        return dir.filePath(fileName);
    const QFileInfo info(fileName);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1 (%2)%3").arg(info.completeBaseName()).arg(i).arg(suffix);
        if (!dir.exists(candidate))
            return dir.filePath(candidate);
    }
}

/// Copies @p from to the new file @p to (which must not exist), fsynced; errno-style result.
int copyFile(const QString &from, const QString &to, QCryptographicHash *hash, qint64 *size)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (in < 0)
        return errno;
    const int out = ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        const int e = errno;
        ::close(in);
        return e;
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    int err = 0;
    qint64 total = 0;
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), size_t(buffer.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        if (n == 0)
            break;
        if (hash)
            hash->addData(QByteArrayView(buffer.constData(), n));
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buffer.constData() + done, size_t(n - done));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                err = errno;
                break;
            }
            done += w;
        }
        if (err)
            break;
        total += n;
    }
    if (!err && ::fsync(out) != 0)
        err = errno;
    if (::close(out) != 0 && !err)
        err = errno;
    ::close(in);
    if (err)
        ::unlink(QFile::encodeName(to).constData());
    if (size)
        *size = total;
    return err;
}

} // namespace

Intake::Copy Intake::copyToSpool(const QString &original) const
{
    Copy c;
    const std::optional<FileVersion> before = FileVersion::of(original);
    if (!before) {
        c.error = tr("%1: the file is gone or is not a regular file").arg(original);
        return c;
    }
    if (!QDir().mkpath(m_spoolDir) || !QFileInfo(m_spoolDir).isDir()) {
        c.error = tr("%1: cannot take it in, because the spool folder %2 cannot be created")
                      .arg(original, m_spoolDir);
        return c;
    }
    const QString temp = QDir(m_spoolDir)
                             .filePath(QStringLiteral(".intake-%1-%2.part")
                                           .arg(::getpid())
                                           .arg(QDateTime::currentMSecsSinceEpoch()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const int err = copyFile(original, temp, &hash, &c.size);
    if (err) {
        c.error = tr("%1: cannot copy it into the spool folder %2: %3").arg(original, m_spoolDir, why(err));
        return c;
    }
    // A writer that was still at work (settled too early) shows in size or mtime: start over later.
    const std::optional<FileVersion> after = FileVersion::of(original);
    if (!after || *after != *before || c.size != before->size) {
        QFile::remove(temp);
        c.error =
            tr("%1: the file changed while it was being copied; it will be taken in once it is complete")
                .arg(original);
        return c;
    }
    c.sha256 = hash.result().toHex();
    const QString ext = QFileInfo(original).suffix().toLower();
    c.spoolPath =
        QDir(m_spoolDir)
            .filePath(QString::fromLatin1(c.sha256) + (ext.isEmpty() ? QString() : QLatin1Char('.') + ext));
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(c.spoolPath).constData()) != 0) {
        const int e = errno;
        QFile::remove(temp);
        c.error = tr("%1: cannot store it in the spool folder %2: %3").arg(original, m_spoolDir, why(e));
        c.spoolPath.clear();
        return c;
    }
    fsyncDir(m_spoolDir);
    c.ok = true;
    qCDebug(lcWatcher) << "took in" << original << "as" << c.spoolPath;
    return c;
}

QString Intake::archiveOriginal(const QString &original, Outcome outcome, const QDate &date,
                                const QString &failureText, QString *error) const
{
    const QFileInfo info(original);
    QDir target(info.absolutePath());
    const QString sub = outcome == Outcome::Processed
                            ? QStringLiteral("Processed/%1").arg(date.toString(QStringLiteral("yyyy-MM")))
                            : QStringLiteral("Failed");
    if (!target.mkpath(sub) || !target.cd(sub)) {
        if (error)
            *error = tr("%1: cannot create the folder %2 beside it").arg(original, sub);
        return QString();
    }
    const QString dest = freeName(target, info.fileName());
    if (outcome == Outcome::Failed) {
        QSaveFile json(QDir(target).filePath(QFileInfo(dest).fileName() + QStringLiteral(".error.json")));
        const QJsonObject o{
            {QStringLiteral("file"), info.fileName()},
            {QStringLiteral("error"), failureText},
            {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(o).toJson()) < 0 || !json.commit()) {
            if (error)
                *error = tr("%1: cannot write the error note %2: %3")
                             .arg(original, json.fileName(), json.errorString());
            return QString();
        }
    }
    if (::rename(QFile::encodeName(original).constData(), QFile::encodeName(dest).constData()) == 0) {
        fsyncDir(target.absolutePath());
        return dest;
    }
    if (errno != EXDEV) {
        if (error)
            *error = tr("%1: cannot move it to %2: %3").arg(original, dest, why(errno));
        return QString();
    }
    // Another file system: copy, make it durable, then remove the original.
    if (const int err = copyFile(original, dest, nullptr, nullptr)) {
        if (error)
            *error = tr("%1: cannot copy it to %2: %3").arg(original, dest, why(err));
        return QString();
    }
    fsyncDir(target.absolutePath());
    QFile::remove(original);
    return dest;
}

} // namespace einvoice

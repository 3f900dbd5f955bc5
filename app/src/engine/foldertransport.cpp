#include "foldertransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFolderTransport, "einvoice.transport.folder")

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FolderTransport", text);
}

// ENOSPC and friends go away when someone makes room; permission problems need a person but
// are still worth retrying, since fixing them does not touch the job.
SendResult transientError(const QString &message)
{
    SendResult r;
    r.outcome = SendResult::Outcome::Transient;
    r.message = message;
    return r;
}

bool writeAll(int fd, const QByteArray &data)
{
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

SendResult FolderTransport::send(const OutgoingDocument &document)
{
    if (!QDir().mkpath(m_dir))
        return transientError(tr("Outbox folder %1 cannot be created.").arg(m_dir));
    QString name =
        document.fileName.isEmpty() ? document.contentHash + QStringLiteral(".xml") : document.fileName;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    const QString target = QDir(m_dir).filePath(name);

    QFile existing(target);
    if (existing.exists()) {
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == document.payload) {
            SendResult r;
            r.outcome = SendResult::Outcome::Accepted;
            r.duplicate = true;
            r.remoteId = QStringLiteral("folder:") + name;
            r.message = tr("Already in the outbox %1 (sent before).").arg(m_dir);
            return r;
        }
        // Same hash, different bytes: the e-invoice was rebuilt (a correction). Replace it, since
        // the outbox holds one e-invoice per document.
    }

    const QString temp = QDir(m_dir).filePath(QStringLiteral(".") + name + QStringLiteral(".part"));
    const QByteArray tempPath = QFile::encodeName(temp);
    const int fd = ::open(tempPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return transientError(
            tr("Cannot write into the outbox %1: %2").arg(m_dir, QString::fromLocal8Bit(strerror(errno))));
    const bool ok = writeAll(fd, document.payload) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(tempPath.constData());
        return transientError(tr("Cannot write into the outbox %1: %2")
                                  .arg(m_dir, QString::fromLocal8Bit(strerror(savedErrno))));
    }
    if (::rename(tempPath.constData(), QFile::encodeName(target).constData()) != 0) {
        const int e = errno;
        ::unlink(tempPath.constData());
        return transientError(tr("Cannot move the e-invoice into the outbox %1: %2")
                                  .arg(m_dir, QString::fromLocal8Bit(strerror(e))));
    }
    const int dirFd = ::open(QFile::encodeName(m_dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd); // the rename itself must survive a power cut
        ::close(dirFd);
    }
    qCInfo(lcFolderTransport) << "wrote" << target;
    SendResult r;
    r.outcome = SendResult::Outcome::Accepted;
    r.remoteId = QStringLiteral("folder:") + name;
    r.message = tr("Written to the outbox %1.").arg(m_dir);
    return r;
}

} // namespace einvoice

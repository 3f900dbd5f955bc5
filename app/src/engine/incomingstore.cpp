#include "incomingstore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace einvoice {

QString IncomingStore::sanitize(const QString &part, int maxBytes)
{
    QString out;
    out.reserve(part.size());
    for (const QChar c : part.normalized(QString::NormalizationForm_C)) {
        const char16_t u = c.unicode();
        const bool reserved = u == '/' || u == '\\' || u == ':' || u == '*' || u == '?' || u == '"' ||
                              u == '<' || u == '>' || u == '|';
        // Control, format (bidi overrides) and separator characters other than a plain space.
        const bool invisible = c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
                               (c.isSpace() && u != ' ');
        out += (reserved || invisible) ? QLatin1Char(reserved ? '-' : ' ') : c;
    }
    out = out.simplified();
    while (out.contains(QLatin1String("..")))
        out.replace(QLatin1String(".."), QLatin1String("."));
    while (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('-')) ||
           out.startsWith(QLatin1Char(' ')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    // Trim by bytes, never inside a surrogate pair.
    while (out.toUtf8().size() > maxBytes) {
        out.chop(1);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
    }
    return out.trimmed();
}

QString IncomingStore::baseName(const QDate &date, const QString &seller, const QString &number)
{
    QStringList parts;
    if (date.isValid())
        parts << date.toString(Qt::ISODate);
    if (const QString s = sanitize(seller, 60); !s.isEmpty())
        parts << s;
    if (const QString n = sanitize(number, 40); !n.isEmpty())
        parts << n;
    if (parts.isEmpty())
        parts << QStringLiteral("invoice");
    return parts.join(QLatin1Char(' '));
}

QString IncomingStore::store(const QString &base, const QString &suffix, const QByteArray &data,
                             QString *error) const
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    if (!QDir().mkpath(m_folder))
        return fail(QCoreApplication::translate("IncomingStore", "%1: cannot create the incoming folder")
                        .arg(m_folder));
    const QDir dir(m_folder);
    static QAtomicInt counter;
    const QString temp = dir.filePath(QStringLiteral(".incoming-%1-%2.part")
                                          .arg(QCoreApplication::applicationPid())
                                          .arg(counter.fetchAndAddRelaxed(1)));
    const QByteArray tempPath = QFile::encodeName(temp);
    const int fd = ::open(tempPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return fail(QCoreApplication::translate("IncomingStore", "%1: cannot write: %2")
                        .arg(m_folder, QString::fromLocal8Bit(strerror(errno))));
    qint64 done = 0;
    bool ok = true;
    while (ok && done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        done += std::max<ssize_t>(n, 0);
    }
    ok = ok && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(tempPath.constData());
        return fail(QCoreApplication::translate("IncomingStore", "%1: cannot write: %2")
                        .arg(m_folder, QString::fromLocal8Bit(strerror(savedErrno))));
    }
    // link() never replaces an existing name: the first free "name (n)" wins, even against
    // another program writing into the same folder.
    for (int n = 1; n < 1000; ++n) {
        const QString name =
            n == 1 ? base + suffix : QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix);
        const QString target = dir.filePath(name);
        if (::link(tempPath.constData(), QFile::encodeName(target).constData()) == 0) {
            ::unlink(tempPath.constData());
            return target;
        }
        if (errno != EEXIST) {
            const int e = errno;
            ::unlink(tempPath.constData());
            return fail(QCoreApplication::translate("IncomingStore", "%1: cannot store %2: %3")
                            .arg(m_folder, name, QString::fromLocal8Bit(strerror(e))));
        }
    }
    ::unlink(tempPath.constData());
    return fail(
        QCoreApplication::translate("IncomingStore", "%1: too many files named %2").arg(m_folder, base));
}

} // namespace einvoice

#include "watchertestutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <gtest/gtest.h>

namespace einvoice::test {

QString writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    EXPECT_EQ(f.write(data), data.size());
    return path;
}

void appendFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::Append)) << path.toStdString();
    EXPECT_EQ(f.write(data), data.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

bool waitForCount(QSignalSpy &spy, int count, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (spy.count() < count && t.elapsed() < timeoutMs)
        spy.wait(std::max(1, timeoutMs - int(t.elapsed())));
    return spy.count() >= count;
}

} // namespace einvoice::test

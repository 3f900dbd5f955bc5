#pragma once

#include <QByteArray>
#include <QSignalSpy>
#include <QString>

namespace einvoice::test {

/// Creates or replaces @p path with @p data; returns the path (fails the test on error).
QString writeFile(const QString &path, const QByteArray &data);
/// Appends @p data to @p path, opening and closing it (as a scanner writing page by page).
void appendFile(const QString &path, const QByteArray &data);
QByteArray readFile(const QString &path);

/// Runs the event loop until @p spy has at least @p count signals or @p timeoutMs passed;
/// returns whether the count was reached. Never sleeps longer than it has to.
bool waitForCount(QSignalSpy &spy, int count, int timeoutMs = 10000);

} // namespace einvoice::test

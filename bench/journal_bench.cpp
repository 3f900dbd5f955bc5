// Prints how fast the job journal records documents and state changes, with the durability
// settings it ships with (WAL, synchronous=FULL: one fsync per commit). A benchmark, not a test:
// it prints figures and has no thresholds. The figures depend mostly on the disk's fsync time.
//
//     journal_bench [folder for the database file] [number of jobs, default 10000]
#include "jobjournal.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <cstdio>

using namespace einvoice;

namespace {
QString hashOf(int n)
{
    return QString::fromLatin1(
        QCryptographicHash::hash("bench document " + QByteArray::number(n), QCryptographicHash::Sha256)
            .toHex());
}

double perSecond(int count, qint64 ns)
{
    return ns > 0 ? count * 1e9 / double(ns) : 0.0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString base = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::tempPath();
    const int count = argc > 2 ? QByteArray(argv[2]).toInt() : 10000;
    if (count <= 0) {
        std::fprintf(stderr, "usage: journal_bench [folder] [jobs > 0]\n");
        return 2;
    }
    QTemporaryDir dir(base + QStringLiteral("/journal_bench-XXXXXX"));
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a folder under %s\n", qPrintable(base));
        return 2;
    }
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    const QStorageInfo storage(dir.path());
    std::printf("journal %s on %s (%s)\n", qPrintable(path), qPrintable(storage.device()),
                storage.fileSystemType().constData());

    SystemClock clock;
    JobJournal journal;
    QString error = journal.open(path, &clock);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QList<qint64> ids;
    ids.reserve(count);
    QElapsedTimer t;

    t.start();
    for (int n = 0; n < count; ++n) {
        NewJob job;
        job.senderProfile = QStringLiteral("acme");
        job.contentHash = hashOf(n);
        job.originalPath = QStringLiteral("/export/invoice-%1.pdf").arg(n);
        job.spoolPath = QStringLiteral("/spool/%1.pdf").arg(job.contentHash);
        const AddJobResult r = journal.addJob(job);
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error));
            return 1;
        }
        ids << r.jobId;
    }
    const qint64 insertNs = t.nsecsElapsed();
    std::printf("inserts:     %d jobs in %.2f s = %.0f inserts/s (one transaction each)\n", count,
                insertNs / 1e9, perSecond(count, insertNs));

    t.start();
    for (int n = 0; n < count; ++n) {
        const QString e =
            journal.addJob(NewJob{QStringLiteral("acme"), hashOf(n), SourceKind::Folder, {}, {}, {}, {}})
                .error;
        if (!e.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(e));
            return 1;
        }
    }
    const qint64 dupNs = t.nsecsElapsed();
    std::printf("duplicates:  %d re-adds in %.2f s = %.0f duplicate checks/s (nothing written)\n", count,
                dupNs / 1e9, perSecond(count, dupNs));

    const QList<JobState> steps = {JobState::Read, JobState::Ready, JobState::Approved};
    t.start();
    for (JobState s : steps) {
        for (qint64 id : ids) {
            const QString e = journal.transition(id, s, QStringLiteral("bench"));
            if (!e.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(e));
                return 1;
            }
        }
    }
    const qint64 transNs = t.nsecsElapsed();
    const int transitions = count * int(steps.size());
    std::printf("transitions: %d in %.2f s = %.0f transitions/s (job row + event, one transaction each)\n",
                transitions, transNs / 1e9, perSecond(transitions, transNs));

    t.start();
    JobQuery search;
    search.search = QStringLiteral("invoice-9999");
    const int found = int(journal.jobs(search).size());
    const qint64 searchNs = t.nsecsElapsed();
    t.start();
    const int due = int(journal.jobsDueForSending(clock.now(), 100).size());
    const qint64 dueNs = t.nsecsElapsed();
    t.start();
    const QMap<JobState, int> counts = journal.countsByState();
    const qint64 countNs = t.nsecsElapsed();
    std::printf(
        "queries:     search %.1f ms (%d found), due for sending %.1f ms (%d, limit 100), counts %.1f ms "
        "(%d approved)\n",
        searchNs / 1e6, found, dueNs / 1e6, due, countNs / 1e6, counts.value(JobState::Approved));

    journal.close();
    t.start();
    error = journal.open(path, &clock);
    const qint64 openNs = t.nsecsElapsed();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    journal.close();
    std::printf("reopen:      %.1f ms including PRAGMA integrity_check, file %.1f MB\n", openNs / 1e6,
                QFileInfo(path).size() / 1e6);
    return 0;
}

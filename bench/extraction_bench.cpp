// Times `einvoice extract --json` per file against `pdftotext -layout` on the same files, in the
// same run, and prints both medians and their ratio. A benchmark: figures only, no thresholds.
// Each file is run --runs times by both tools, alternating, and counts with the median of its
// runs: one run per file let a moment of load on a shared machine move the ratio by 0.4.
// Wall-clock time is the measure; the CPU time of the child processes is printed beside it.
// Usage: extraction_bench [--runs N] [CORPUS_DIR...]   (default: 5 runs; ../shared/corpus/dev
// and nordic-dev)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

double childCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

struct Run
{
    double wallMs = 0;
    double cpuMs = 0;
};

Run run(const QString &program, const QStringList &args)
{
    const double cpu0 = childCpuMs();
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return Run{t.nsecsElapsed() / 1e6, childCpuMs() - cpu0};
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList dirs;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--runs" && i + 1 < argc)
            runs = std::max(1, QByteArray(argv[++i]).toInt());
        else
            dirs << QString::fromLocal8Bit(argv[i]);
    }
    if (dirs.isEmpty())
        dirs << QStringLiteral(EINVOICE_SHARED_DIR "/corpus/dev")
             << QStringLiteral(EINVOICE_SHARED_DIR "/corpus/nordic-dev");
    const QString einvoice = QStringLiteral(EINVOICE_CLI);
    QList<double> ours, reference, oursCpu, referenceCpu;
    for (const QString &dir : dirs) {
        const QDir d(dir);
        for (const QString &name : d.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
            // Like run_extraction.sh: the text-only copy when there is one.
            if (name.endsWith(QLatin1String(".noxml.pdf")) ||
                !d.exists(name.chopped(4) + QStringLiteral(".noxml.pdf"))) {
                const QString path = d.filePath(name);
                QList<double> a, b, ac, bc;
                for (int r = 0; r < runs; ++r) {
                    const Run x = run(einvoice, {QStringLiteral("extract"), QStringLiteral("--json"), path});
                    const Run y = run(QStringLiteral("pdftotext"),
                                      {QStringLiteral("-layout"), path, QStringLiteral("-")});
                    a << x.wallMs;
                    ac << x.cpuMs;
                    b << y.wallMs;
                    bc << y.cpuMs;
                }
                ours << median(a);
                oursCpu << median(ac);
                reference << median(b);
                referenceCpu << median(bc);
            }
        }
    }
    const double a = median(ours), b = median(reference);
    std::printf("files: %lld, runs per file: %d (each file counts with the median of its runs)\n",
                (long long)ours.size(), runs);
    std::printf("einvoice extract --json   median %7.1f ms  max %7.1f ms  (CPU median %5.1f ms)\n", a,
                ours.isEmpty() ? 0.0 : *std::max_element(ours.begin(), ours.end()), median(oursCpu));
    std::printf("pdftotext -layout         median %7.1f ms  max %7.1f ms  (CPU median %5.1f ms)\n", b,
                reference.isEmpty() ? 0.0 : *std::max_element(reference.begin(), reference.end()),
                median(referenceCpu));
    std::printf("ratio (einvoice / pdftotext): %.2f\n", b > 0 ? a / b : 0.0);
    return 0;
}

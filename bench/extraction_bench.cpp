// Times `einvoice extract --json` per file against `pdftotext -layout` on the same files, in the
// same run, and prints both medians and their ratio. A benchmark: figures only, no thresholds.
// Usage: extraction_bench [CORPUS_DIR...]   (default: ../shared/corpus/dev and nordic-dev)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>

namespace {

double runMs(const QString &program, const QStringList &args)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return t.nsecsElapsed() / 1e6;
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
    for (int i = 1; i < argc; ++i)
        dirs << QString::fromLocal8Bit(argv[i]);
    if (dirs.isEmpty())
        dirs << QStringLiteral(EINVOICE_SHARED_DIR "/corpus/dev")
             << QStringLiteral(EINVOICE_SHARED_DIR "/corpus/nordic-dev");
    const QString einvoice = QStringLiteral(EINVOICE_CLI);
    QList<double> ours, reference;
    for (const QString &dir : dirs) {
        const QDir d(dir);
        for (const QString &name : d.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
            // Like run_extraction.sh: the text-only copy when there is one.
            if (name.endsWith(QLatin1String(".noxml.pdf")) ||
                !d.exists(name.chopped(4) + QStringLiteral(".noxml.pdf"))) {
                const QString path = d.filePath(name);
                ours << runMs(einvoice, {QStringLiteral("extract"), QStringLiteral("--json"), path});
                reference << runMs(QStringLiteral("pdftotext"),
                                   {QStringLiteral("-layout"), path, QStringLiteral("-")});
            }
        }
    }
    const double a = median(ours), b = median(reference);
    std::printf("files: %lld\n", (long long)ours.size());
    std::printf("einvoice extract --json   median %7.1f ms  max %7.1f ms\n", a,
                ours.isEmpty() ? 0.0 : *std::max_element(ours.begin(), ours.end()));
    std::printf("pdftotext -layout         median %7.1f ms  max %7.1f ms\n", b,
                reference.isEmpty() ? 0.0 : *std::max_element(reference.begin(), reference.end()));
    std::printf("ratio (einvoice / pdftotext): %.2f\n", b > 0 ? a / b : 0.0);
    return 0;
}

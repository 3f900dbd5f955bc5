// Prints how fast the engine reads, validates and writes the official example e-invoices.
// A benchmark, not a test: it prints figures and has no thresholds.
#include "einvoicexml.h"
#include "validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>

using namespace einvoice;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString root = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : QStringLiteral(EINVOICE_SHARED_DIR "/einvoice-reference/examples");
    const int rounds = argc > 2 ? atoi(argv[2]) : 50;
    QList<QByteArray> docs;
    QDirIterator it(root, {QStringLiteral("*.xml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            docs << f.readAll();
    }
    if (docs.isEmpty()) {
        std::fprintf(stderr, "no XML files under %s\n", qPrintable(root));
        return 2;
    }
    qint64 bytes = 0;
    for (const QByteArray &d : docs)
        bytes += d.size();
    qint64 readNs = 0, validateNs = 0, ublNs = 0, ciiNs = 0;
    int failures = 0;
    QElapsedTimer t;
    for (int r = 0; r < rounds; ++r) {
        for (const QByteArray &d : docs) {
            t.start();
            const XmlReadResult res = EInvoiceXml::read(d);
            readNs += t.nsecsElapsed();
            if (!res.ok()) {
                ++failures;
                continue;
            }
            t.start();
            const auto f = Validator::validate(*res.invoice, {false, res.syntax});
            validateNs += t.nsecsElapsed();
            failures += Validator::hasFatal(f) ? 1 : 0;
            t.start();
            (void)EInvoiceXml::write(*res.invoice, Syntax::Ubl);
            ublNs += t.nsecsElapsed();
            t.start();
            (void)EInvoiceXml::write(*res.invoice, Syntax::Cii);
            ciiNs += t.nsecsElapsed();
        }
    }
    const double n = double(docs.size()) * rounds;
    std::printf("documents: %lld (%.1f KiB in all), rounds: %d, unreadable/invalid: %d\n",
                (long long)docs.size(), bytes / 1024.0, rounds, failures);
    std::printf("read      %8.1f us/doc\n", readNs / n / 1000.0);
    std::printf("validate  %8.1f us/doc\n", validateNs / n / 1000.0);
    std::printf("write UBL %8.1f us/doc\n", ublNs / n / 1000.0);
    std::printf("write CII %8.1f us/doc\n", ciiNs / n / 1000.0);
    std::printf("read+validate+write UBL: %.0f docs/s\n", n / ((readNs + validateNs + ublNs) / 1e9));
    return 0;
}

// einvoice-pdfworker: reads PDFs with Poppler for the agent, one request at a time on stdin,
// one answer each on stdout (framing in pdfworkerprotocol.h). The agent starts it, sets its
// memory bound and kills it when a document takes too long; the worker itself trusts nothing
// it reads and keeps no state between documents.
#include "pdfsnapshot.h"
#include "pdfworkerprotocol.h"
#include "textonlycolour.h"

#include <QDataStream>
#include <QFile>
#include <QIODevice>
#include <cerrno>
#include <new>
#include <unistd.h>

using namespace einvoice;

namespace {

QByteArray answer(const QByteArray &request)
{
    QDataStream in(request);
    quint8 parts = 0;
    QString path;
    qint32 maxPages = 60;
    in >> parts >> path >> maxPages;
    if (in.status() != QDataStream::Ok)
        return PdfWorkerProtocol::kProblem + QByteArrayLiteral("the request cannot be read");
    try {
        return PdfWorkerProtocol::kSnapshot + PdfSnapshot::read(path, parts, maxPages).serialize();
    } catch (const std::bad_alloc &) {
        return PdfWorkerProtocol::kProblem +
               QByteArrayLiteral("reading the PDF needs more memory than a document may use");
    }
}

} // namespace

int main()
{
    // This process reads text and never shows a page: no colour transforms.
    TextOnlyColour::install();
    QFile out; // QFile writes all of a frame, resuming after partial writes and signals
    if (!out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return 1;
    QByteArray buffer;
    char chunk[65536];
    for (;;) {
        if (const std::optional<QByteArray> request = PdfWorkerProtocol::take(buffer)) {
            const QByteArray frame =
                request->isEmpty() ? QByteArray() : PdfWorkerProtocol::frame(answer(*request));
            if (frame.isEmpty() || out.write(frame) != frame.size())
                return 1;
            continue;
        }
        const ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0; // the agent closed the stream: done
        buffer.append(chunk, n);
    }
}

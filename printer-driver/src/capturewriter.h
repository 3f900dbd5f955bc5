#pragma once

#include <csignal>
#include <functional>
#include <string>

namespace einvoice::backend {

class PdfScanner;

/// Writes one capture into an already opened, already checked spool directory: the job data to
/// a hidden temporary PDF (".job-….pdf.part"), then the metadata `<base>.json` (temp + fsync +
/// rename) and only then `<base>.pdf` (fsync + rename), so a PDF never appears without its
/// metadata. Files are created with O_CREAT|O_EXCL|O_NOFOLLOW (never through a symlink) and
/// published without replacing anything already there: an existing name, even a planted
/// symlink, makes the writer pick `<stem>-2`, `<stem>-3`, …. Temporary files left when a step
/// fails are removed by the destructor. Not copyable; single-threaded; does not own dirFd.
class CaptureWriter
{
public:
    CaptureWriter(int dirFd, std::string dirPath, std::string stem);
    ~CaptureWriter();
    CaptureWriter(const CaptureWriter &) = delete;
    CaptureWriter &operator=(const CaptureWriter &) = delete;

    /// Copies everything readable from inputFd into the temporary PDF, feeding scanner. Stops
    /// with BackendError when *cancelled becomes non-zero (SIGTERM from the scheduler).
    void receive(int inputFd, PdfScanner &scanner, const volatile std::sig_atomic_t *cancelled);

    /// Publishes the capture. makeMetadata gets the final PDF file name and returns the JSON.
    /// Returns the base name used (`<stem>` or `<stem>-N`).
    std::string publish(const std::function<std::string(const std::string &pdfName)> &makeMetadata);

private:
    int createTemp(const std::string &finalSuffix, std::string &nameOut);
    void writeAll(int fd, const char *data, std::size_t length, const std::string &what);
    void syncAndClose(int &fd, const std::string &what);
    bool nameTaken(const std::string &name) const;
    /// rename without replacing; false when the target exists.
    bool publishName(const std::string &from, const std::string &to);

    int m_dirFd;
    std::string m_dirPath;
    std::string m_stem;
    int m_pdfFd = -1;
    std::string m_pdfTemp;
    std::string m_jsonTemp;
};

} // namespace einvoice::backend

#include "capturewriter.h"

#include "backenderror.h"
#include "pdfscanner.h"
#include "statuslog.h"

#include <cerrno>
#include <cstdio>
#include <cups/backend.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace einvoice::backend {

namespace {

constexpr int kMaxAttempts = 100;
constexpr std::size_t kChunk = 64 * 1024;

} // namespace

CaptureWriter::CaptureWriter(int dirFd, std::string dirPath, std::string stem)
    : m_dirFd(dirFd), m_dirPath(std::move(dirPath)), m_stem(std::move(stem))
{
}

CaptureWriter::~CaptureWriter()
{
    if (m_pdfFd >= 0)
        close(m_pdfFd);
    if (!m_pdfTemp.empty())
        unlinkat(m_dirFd, m_pdfTemp.c_str(), 0);
    if (!m_jsonTemp.empty())
        unlinkat(m_dirFd, m_jsonTemp.c_str(), 0);
}

int CaptureWriter::createTemp(const std::string &finalSuffix, std::string &nameOut)
{
    // A name that exists already (a leftover, or something planted) is skipped, never reused.
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        std::string name = "." + m_stem + finalSuffix;
        if (attempt > 0)
            name += "." + std::to_string(attempt);
        name += ".part";
        const int fd =
            openat(m_dirFd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            nameOut = name;
            return fd;
        }
        if (errno != EEXIST)
            throw BackendError(BackendError::exitCodeForWriteErrno(errno),
                               StatusLog::withErrno("Cannot create " + m_dirPath + "/" + name, errno) + ".");
    }
    throw BackendError(CUPS_BACKEND_FAILED, "Cannot create a temporary file in " + m_dirPath + ": " +
                                                std::to_string(kMaxAttempts) + " names are taken.");
}

void CaptureWriter::writeAll(int fd, const char *data, std::size_t length, const std::string &what)
{
    while (length > 0) {
        const ssize_t written = write(fd, data, length);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            std::string text = StatusLog::withErrno("Cannot write " + m_dirPath + "/" + what, error);
            if (error == ENOSPC || error == EDQUOT)
                text += "; the job stays in the queue and is tried again later";
            throw BackendError(BackendError::exitCodeForWriteErrno(error), text + ".");
        }
        data += written;
        length -= static_cast<std::size_t>(written);
    }
}

void CaptureWriter::syncAndClose(int &fd, const std::string &what)
{
    const int syncResult = fsync(fd);
    const int syncError = errno;
    const int closeResult = close(fd);
    const int closeError = errno;
    fd = -1;
    if (syncResult != 0 || closeResult != 0) {
        const int error = syncResult != 0 ? syncError : closeError;
        throw BackendError(BackendError::exitCodeForWriteErrno(error),
                           StatusLog::withErrno("Cannot save " + m_dirPath + "/" + what, error) + ".");
    }
}

void CaptureWriter::receive(int inputFd, PdfScanner &scanner, const volatile std::sig_atomic_t *cancelled)
{
    m_pdfFd = createTemp(".pdf", m_pdfTemp);
    std::vector<char> buffer(kChunk);
    for (;;) {
        if (cancelled && *cancelled)
            throw BackendError(CUPS_BACKEND_FAILED, "The job was cancelled while it was being captured.");
        const ssize_t got = read(inputFd, buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw BackendError(CUPS_BACKEND_FAILED,
                               StatusLog::withErrno("Cannot read the print data", errno) + ".");
        }
        if (got == 0)
            break;
        scanner.feed(buffer.data(), static_cast<std::size_t>(got));
        writeAll(m_pdfFd, buffer.data(), static_cast<std::size_t>(got), m_pdfTemp);
    }
}

bool CaptureWriter::nameTaken(const std::string &name) const
{
    struct stat st;
    return fstatat(m_dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT;
}

bool CaptureWriter::publishName(const std::string &from, const std::string &to)
{
    if (renameat2(m_dirFd, from.c_str(), m_dirFd, to.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST)
        return false;
    if (errno != EINVAL && errno != ENOSYS)
        throw BackendError(
            BackendError::exitCodeForWriteErrno(errno),
            StatusLog::withErrno("Cannot rename " + m_dirPath + "/" + from + " to " + to, errno) + ".");
    // File systems without RENAME_NOREPLACE: a hard link never replaces either.
    if (linkat(m_dirFd, from.c_str(), m_dirFd, to.c_str(), 0) != 0) {
        if (errno == EEXIST)
            return false;
        throw BackendError(
            BackendError::exitCodeForWriteErrno(errno),
            StatusLog::withErrno("Cannot link " + m_dirPath + "/" + from + " to " + to, errno) + ".");
    }
    unlinkat(m_dirFd, from.c_str(), 0);
    return true;
}

std::string CaptureWriter::publish(const std::function<std::string(const std::string &pdfName)> &makeMetadata)
{
    syncAndClose(m_pdfFd, m_pdfTemp);
    for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
        const std::string base = attempt == 1 ? m_stem : m_stem + "-" + std::to_string(attempt);
        const std::string pdfName = base + ".pdf";
        const std::string jsonName = base + ".json";
        if (nameTaken(pdfName) || nameTaken(jsonName))
            continue;

        const std::string json = makeMetadata(pdfName);
        int jsonFd = createTemp(".json", m_jsonTemp);
        try {
            writeAll(jsonFd, json.data(), json.size(), m_jsonTemp);
        } catch (...) {
            close(jsonFd);
            throw;
        }
        syncAndClose(jsonFd, m_jsonTemp);
        if (!publishName(m_jsonTemp, jsonName)) {
            unlinkat(m_dirFd, m_jsonTemp.c_str(), 0); // taken since we looked
            m_jsonTemp.clear();
            continue;
        }
        m_jsonTemp.clear();
        if (!publishName(m_pdfTemp, pdfName)) {
            // Someone created the PDF name in between: withdraw our metadata and try the next base.
            unlinkat(m_dirFd, jsonName.c_str(), 0);
            continue;
        }
        m_pdfTemp.clear();
        if (fsync(m_dirFd) != 0)
            StatusLog::debug(StatusLog::withErrno("fsync of " + m_dirPath, errno));
        return base;
    }
    throw BackendError(CUPS_BACKEND_FAILED, "Cannot publish the capture in " + m_dirPath + ": " +
                                                std::to_string(kMaxAttempts) + " names starting with " +
                                                m_stem + " are taken.");
}

} // namespace einvoice::backend

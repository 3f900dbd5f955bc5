#pragma once

#include <string>

namespace einvoice::backend {

/// Status lines for the CUPS scheduler on stderr (`ERROR:`, `INFO:`, `DEBUG:`). cupsd reads them
/// line by line, so each message is made one line (embedded newlines become spaces). Stateless;
/// the backend is single-threaded.
class StatusLog
{
public:
    static void error(const std::string &message);
    static void info(const std::string &message);
    static void debug(const std::string &message);

    /// "Cannot open /x: No such file or directory" style text for the current errno value.
    static std::string withErrno(const std::string &what, int error);

private:
    static void line(const char *prefix, const std::string &message);
};

} // namespace einvoice::backend

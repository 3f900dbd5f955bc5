#include "statuslog.h"

#include <cstdio>
#include <cstring>

namespace einvoice::backend {

void StatusLog::error(const std::string &message)
{
    line("ERROR: ", message);
}

void StatusLog::info(const std::string &message)
{
    line("INFO: ", message);
}

void StatusLog::debug(const std::string &message)
{
    line("DEBUG: ", message);
}

std::string StatusLog::withErrno(const std::string &what, int error)
{
    return what + ": " + std::strerror(error);
}

void StatusLog::line(const char *prefix, const std::string &message)
{
    std::string text = prefix;
    for (char c : message)
        text += (c == '\n' || c == '\r') ? ' ' : c;
    text += '\n';
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
}

} // namespace einvoice::backend

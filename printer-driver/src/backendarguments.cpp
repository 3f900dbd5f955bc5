#include "backendarguments.h"

#include "backenderror.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cups/backend.h>
#include <cups/cups.h>

#ifndef EINVOICE_SPOOL_ROOT
#define EINVOICE_SPOOL_ROOT "/var/spool/einvoice"
#endif

namespace einvoice::backend {

namespace {

std::optional<long> parsePositive(const char *text, long maximum)
{
    if (!text || !*text)
        return std::nullopt;
    for (const char *p = text; *p; ++p) {
        if (*p < '0' || *p > '9')
            return std::nullopt;
    }
    errno = 0;
    long value = std::strtol(text, nullptr, 10);
    if (errno != 0 || value <= 0 || value > maximum)
        return std::nullopt;
    return value;
}

bool isSafeSpoolPath(const std::string &path)
{
    if (path.size() < 2 || path.size() > 1024 || path[0] != '/')
        return false;
    for (char c : path) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                  c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    // No "." or ".." components: the path must say where it goes.
    std::string padded = path + "/";
    return padded.find("/../") == std::string::npos && padded.find("/./") == std::string::npos &&
           padded.find("//") == std::string::npos;
}

} // namespace

std::string BackendArguments::spoolRootFromUri(const char *deviceUri)
{
    const std::string uri = deviceUri ? deviceUri : "";
    if (uri.empty())
        return EINVOICE_SPOOL_ROOT;
    const std::string scheme = "einvoice:";
    if (uri.compare(0, scheme.size(), scheme) != 0)
        throw BackendError(CUPS_BACKEND_STOP, "The device URI \"" + uri + "\" is not an einvoice: URI.");
    const std::size_t query = uri.find('?');
    const std::string path =
        uri.substr(scheme.size(), query == std::string::npos ? std::string::npos : query - scheme.size());
    if (path != "" && path != "/" && path != "//" && path != "///")
        throw BackendError(CUPS_BACKEND_STOP,
                           "The device URI \"" + uri +
                               "\" has a path; use einvoice:/ or einvoice:/?spool=/directory.");
    if (query == std::string::npos)
        return EINVOICE_SPOOL_ROOT;
    const std::string parameters = uri.substr(query + 1);
    const std::string key = "spool=";
    if (parameters.compare(0, key.size(), key) != 0 || parameters.find('&') != std::string::npos)
        throw BackendError(CUPS_BACKEND_STOP,
                           "The device URI \"" + uri +
                               "\" has an unknown query; the only parameter is spool=/directory.");
    std::string root = parameters.substr(key.size());
    while (root.size() > 1 && root.back() == '/')
        root.pop_back();
    if (!isSafeSpoolPath(root))
        throw BackendError(
            CUPS_BACKEND_STOP,
            "The spool directory \"" + root +
                "\" in the device URI must be an absolute path of letters, digits, '.', '-', '_' "
                "and '/' without '.' or '..' components.");
    return root;
}

BackendArguments BackendArguments::parse(int argc, const char *const *argv, const char *deviceUri)
{
    if (argc != 6 && argc != 7)
        throw BackendError(CUPS_BACKEND_FAILED, "Usage: einvoice job-id user title copies options [file]");
    BackendArguments args;
    const auto jobId = parsePositive(argv[1], INT_MAX);
    if (!jobId)
        throw BackendError(CUPS_BACKEND_FAILED,
                           std::string("The job id \"") + argv[1] + "\" is not a positive whole number.");
    args.jobId = static_cast<int>(*jobId);
    args.user = argv[2];
    if (args.user.empty())
        throw BackendError(CUPS_BACKEND_FAILED, "The job has no user name.");
    args.title = argv[3];
    const auto copies = parsePositive(argv[4], INT_MAX);
    if (!copies)
        throw BackendError(CUPS_BACKEND_FAILED, std::string("The number of copies \"") + argv[4] +
                                                    "\" is not a positive whole number.");
    args.copies = static_cast<int>(*copies);

    cups_option_t *options = nullptr;
    const int count = cupsParseOptions(argv[5], 0, &options);
    for (int i = 0; i < count; ++i)
        args.options[options[i].name] = options[i].value ? options[i].value : "";
    cupsFreeOptions(count, options);

    if (argc == 7) {
        if (!*argv[6])
            throw BackendError(CUPS_BACKEND_FAILED, "The print file argument is empty.");
        args.file = argv[6];
    }
    args.spoolRoot = spoolRootFromUri(deviceUri);
    return args;
}

std::optional<std::string> BackendArguments::option(const std::string &name) const
{
    const auto it = options.find(name);
    if (it == options.end() || it->second.empty())
        return std::nullopt;
    return it->second;
}

} // namespace einvoice::backend

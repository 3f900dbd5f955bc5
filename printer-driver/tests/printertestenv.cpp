#include "printertestenv.h"

#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <ftw.h>
#include <netinet/in.h>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace einvoice::printertest {

namespace {

int freeLoopbackPort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        close(fd);
        return 0;
    }
    close(fd);
    return ntohs(address.sin_port);
}

void copyFile(const std::string &from, const std::string &to, mode_t mode)
{
    PrinterTestEnv::writeFile(to, PrinterTestEnv::readFile(from), mode);
}

} // namespace

bool PrinterTestEnv::isRoot()
{
    return geteuid() == 0;
}

TestUser PrinterTestEnv::ensureUser(const std::string &name)
{
    // Another test process may be adding the same account at the same moment (ctest -j), and
    // useradd fails while /etc/passwd is locked: try again until the account exists.
    const bool exists = waitFor(
        [&] {
            if (getpwnam(name.c_str()))
                return true;
            ProcessRunner::run(
                {"/usr/sbin/useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name});
            return getpwnam(name.c_str()) != nullptr;
        },
        std::chrono::milliseconds(30000));
    if (!exists)
        throw std::runtime_error("cannot create the test user " + name);
    const passwd *pw = getpwnam(name.c_str());
    return {pw->pw_name, pw->pw_uid, pw->pw_gid};
}

TestUser PrinterTestEnv::printingUser()
{
    if (isRoot())
        return ensureUser("einvoice-test1");
    const passwd *pw = getpwuid(geteuid());
    if (!pw)
        throw std::runtime_error("the current user has no passwd entry");
    return {pw->pw_name, pw->pw_uid, pw->pw_gid};
}

std::string PrinterTestEnv::makeTempDir(const std::string &prefix, mode_t mode)
{
    std::string pattern = "/tmp/" + prefix + ".XXXXXX";
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    chmod(pattern.c_str(), mode);
    return pattern;
}

void PrinterTestEnv::removeTree(const std::string &path)
{
    if (path.empty() || path == "/")
        return;
    nftw(
        path.c_str(), [](const char *p, const struct stat *, int, FTW *) { return ::remove(p) == 0 ? 0 : 0; },
        16, FTW_DEPTH | FTW_PHYS);
}

std::string PrinterTestEnv::readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void PrinterTestEnv::writeFile(const std::string &path, const std::string &data, mode_t mode)
{
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + path);
        out << data;
    }
    chmod(path.c_str(), mode);
}

std::vector<std::string> PrinterTestEnv::list(const std::string &dir)
{
    std::vector<std::string> names;
    DIR *d = opendir(dir.c_str());
    if (!d)
        return names;
    while (const dirent *entry = readdir(d)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

bool PrinterTestEnv::waitFor(const std::function<bool()> &condition, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20)); // poll interval, bounded by the deadline
    }
    return true;
}

std::string PrinterTestEnv::backendPath()
{
    return EINVOICE_BACKEND_PATH;
}

std::string PrinterTestEnv::ppdPath()
{
    return EINVOICE_PPD_PATH;
}

std::string PrinterTestEnv::invoicePdf()
{
    return std::string(EINVOICE_SHARED_DIR) + "/corpus/dev/fnfe22_F20220024.noxml.pdf";
}

std::string PrinterTestEnv::invoiceNumber()
{
    return "F20220024";
}

std::string PrinterTestEnv::sourceDir()
{
    return EINVOICE_SOURCE_DIR;
}

std::string PrinterTestEnv::binaryDir()
{
    return EINVOICE_BINARY_DIR;
}

PrivateCupsd::PrivateCupsd(std::string backendDir) : m_backendDir(std::move(backendDir)) {}

PrivateCupsd::~PrivateCupsd()
{
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        const bool gone = PrinterTestEnv::waitFor([&] { return waitpid(m_pid, nullptr, WNOHANG) == m_pid; },
                                                  std::chrono::milliseconds(5000));
        if (!gone) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
    }
    if (!m_base.empty() && !std::getenv("EINVOICE_KEEP_CUPSD"))
        PrinterTestEnv::removeTree(m_base);
}

std::string PrivateCupsd::server() const
{
    return "localhost:" + std::to_string(m_port);
}

std::string PrivateCupsd::errorLog() const
{
    try {
        return PrinterTestEnv::readFile(m_base + "/log/error_log");
    } catch (...) {
        return {};
    }
}

bool PrivateCupsd::start()
{
    const mode_t oldMask = umask(022);
    m_base = PrinterTestEnv::makeTempDir("einvoice-cupsd", 0755);
    for (const char *d : {"/bin", "/log", "/spool", "/spool/temp", "/cache", "/state", "/capture"})
        mkdir((m_base + d).c_str(), 0755);
    chmod((m_base + "/capture").c_str(), 0711);
    for (const char *d : {"filter", "cgi-bin", "daemon", "notifier", "monitor", "driver"})
        symlink((std::string("/usr/lib/cups/") + d).c_str(), (m_base + "/bin/" + d).c_str());
    if (m_backendDir.empty()) {
        // cupsd runs a backend as root only if it and its directory belong to root and nobody
        // else can write them; mode 0700 (no world-execute) is what makes it run as root.
        mkdir((m_base + "/bin/backend").c_str(), 0755);
        copyFile(PrinterTestEnv::backendPath(), m_base + "/bin/backend/einvoice", 0700);
    } else {
        symlink(m_backendDir.c_str(), (m_base + "/bin/backend").c_str());
    }
    m_port = freeLoopbackPort();
    PrinterTestEnv::writeFile(
        m_base + "/cupsd.conf",
        "Listen localhost:" + std::to_string(m_port) + "\nListen " + m_base +
            "/cups.sock\nBrowsing Off\nLogLevel info\nMaxLogSize 0\nWebInterface No\n"
            "JobRetryInterval 1\n"
            "<Location />\n  Order allow,deny\n  Allow localhost\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n");
    PrinterTestEnv::writeFile(
        m_base + "/cups-files.conf",
        "User lp\nGroup lp\nSystemGroup root lpadmin\nServerRoot " + m_base + "\nStateDir " + m_base +
            "/state\nCacheDir " + m_base + "/cache\nServerBin " + m_base +
            "/bin\nDataDir /usr/share/cups\nRequestRoot " + m_base + "/spool\nTempDir " + m_base +
            "/spool/temp\nAccessLog " + m_base + "/log/access_log\nErrorLog " + m_base +
            "/log/error_log\nPageLog " + m_base + "/log/page_log\nPrintcap " + m_base + "/printcap\n");
    umask(oldMask);

    m_pid = fork();
    if (m_pid == 0) {
        const int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        const std::string conf = m_base + "/cupsd.conf", files = m_base + "/cups-files.conf";
        execl("/usr/sbin/cupsd", "cupsd", "-f", "-c", conf.c_str(), "-s", files.c_str(),
              static_cast<char *>(nullptr));
        _exit(127);
    }
    const bool running = PrinterTestEnv::waitFor(
        [&] {
            if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
                m_pid = -1;
                return true;
            }
            return client({"lpstat", "-r"}).out.find("is running") != std::string::npos;
        },
        std::chrono::milliseconds(15000));
    if (!running || m_pid < 0) {
        m_why = "cupsd did not start on " + server() + ": " + errorLog();
        return false;
    }
    return true;
}

ProcessRunner::Result PrivateCupsd::addQueue(const std::string &name)
{
    return client({"lpadmin", "-p", name, "-E", "-v", "einvoice:/?spool=" + spoolRoot(), "-P",
                   PrinterTestEnv::ppdPath()});
}

ProcessRunner::Result PrivateCupsd::client(std::vector<std::string> argv, std::optional<TestUser> as)
{
    argv[0] = "/usr/bin/" + argv[0];
    if (access(argv[0].c_str(), X_OK) != 0)
        argv[0] = "/usr/sbin/" + argv[0].substr(9);
    argv.insert(argv.begin() + 1, {"-h", server()});
    std::map<std::string, std::string> env{{"LANG", "C"}};
    if (as)
        return ProcessRunner::run(argv, env, as->uid, as->gid);
    return ProcessRunner::run(argv, env);
}

int PrivateCupsd::print(const std::string &file, const std::string &title,
                        const std::vector<std::string> &extra, std::optional<TestUser> as,
                        const std::string &queue)
{
    std::vector<std::string> argv{"lp", "-d", queue, "-t", title};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(file);
    const ProcessRunner::Result r = client(argv, as);
    std::smatch match;
    if (r.exitCode != 0 || !std::regex_search(r.out, match, std::regex(queue + "-([0-9]+)"))) {
        m_lastError = "lp failed (" + std::to_string(r.exitCode) + "): " + r.out + r.err;
        return 0;
    }
    return std::stoi(match[1].str());
}

bool PrivateCupsd::jobCompleted(int jobId)
{
    const ProcessRunner::Result r = client({"lpstat", "-W", "completed", "-o"});
    return std::regex_search(r.out, std::regex("-" + std::to_string(jobId) + "\\s"));
}

} // namespace einvoice::printertest

#include "agentundertest.h"

#include <QJsonDocument>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace einvoice::printertest {

namespace {

void chownTo(const std::string &path, const TestUser &user)
{
    if (chown(path.c_str(), user.uid, user.gid) != 0)
        throw std::runtime_error("cannot chown " + path);
}

std::string agentBinary()
{
    return EINVOICE_AGENT_BINARY;
}

std::string cliBinary()
{
    return EINVOICE_CLI_BINARY;
}

const char *const kHelpers[] = {"einvoice-agentctl", "einvoice-pdfworker"};

} // namespace

AgentUnderTest::AgentUnderTest(TestUser user, std::string printerSpoolDir, Options options)
    : m_user(std::move(user)), m_spool(std::move(printerSpoolDir)), m_options(options)
{
    m_root = PrinterTestEnv::makeTempDir("einvoice-agent", 0700);
    for (const char *d : {"/bin", "/libexec", "/libexec/einvoice", "/data", "/export", "/home", "/run"})
        mkdir((m_root + d).c_str(), 0700);
    // Copies the user can run even when the build tree is private to the builder; the helpers
    // sit where the binaries look for them, ../libexec/einvoice from bin/.
    PrinterTestEnv::writeFile(m_root + "/bin/einvoice-agent", PrinterTestEnv::readFile(agentBinary()), 0755);
    PrinterTestEnv::writeFile(m_root + "/bin/einvoice", PrinterTestEnv::readFile(cliBinary()), 0755);
    const std::string cli = cliBinary();
    const std::string helpers = cli.substr(0, cli.rfind('/')) + "/../libexec/einvoice/";
    for (const char *helper : kHelpers)
        PrinterTestEnv::writeFile(m_root + "/libexec/einvoice/" + helper,
                                  PrinterTestEnv::readFile(helpers + helper), 0755);
    PrinterTestEnv::writeFile(
        configPath(),
        "[agent]\ndata_dir=" + dataDir() + "\nsettle_ms=" + std::to_string(m_options.settleMs) +
            "\npoll_ms=" + std::to_string(m_options.pollMs) + "\ntemplate_dir=" + m_root +
            "/data/templates\n"
            "[incoming]\nfolder=" +
            m_root +
            "/incoming\n"
            "[profile.printed]\nsend_policy=review_all\noutbox_dir=" +
            m_root +
            "/outbox-printed\n"
            "[profile.exported]\nwatch_folders=" +
            exportDir() + "\nsend_policy=review_all\noutbox_dir=" + m_root +
            "/outbox-exported\n"
            "[printer]\nspool_dir=" +
            m_spool + "\nprofile=printed\n",
        0600);
    for (const char *p : {"", "/bin", "/bin/einvoice-agent", "/bin/einvoice", "/libexec", "/libexec/einvoice",
                          "/data", "/export", "/home", "/run", "/agent.ini"})
        chownTo(m_root + p, m_user);
    for (const char *helper : kHelpers)
        chownTo(m_root + "/libexec/einvoice/" + helper, m_user);
}

AgentUnderTest::~AgentUnderTest()
{
    stop();
    if (!std::getenv("EINVOICE_KEEP_AGENT"))
        PrinterTestEnv::removeTree(m_root);
}

bool AgentUnderTest::start()
{
    if (m_pid > 0)
        return true;
    const std::string logPath = m_root + "/agent.log";
    const std::string agent = m_root + "/bin/einvoice-agent";
    const std::string config = configPath();
    std::vector<std::string> envStrings{"HOME=" + m_root + "/home", "XDG_RUNTIME_DIR=" + m_root + "/run",
                                        "PATH=/usr/bin:/bin",       "LANG=C.UTF-8",
                                        "USER=" + m_user.name,      "QT_QPA_PLATFORM=offscreen"};
    std::vector<char *> envp;
    for (auto &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    m_pid = fork();
    if (m_pid < 0) {
        m_why = "fork failed";
        return false;
    }
    if (m_pid == 0) {
        // Child: become the user for good (groups, gid, uid, in that order), then exec; no shell.
        const int devnull = open("/dev/null", O_RDONLY);
        const int logFd = open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (devnull < 0 || logFd < 0)
            _exit(125);
        dup2(devnull, 0);
        dup2(logFd, 1);
        dup2(logFd, 2);
        gid_t g = m_user.gid;
        if (setgroups(1, &g) != 0 || setresgid(g, g, g) != 0 ||
            setresuid(m_user.uid, m_user.uid, m_user.uid) != 0)
            _exit(126);
        if (chdir(m_root.c_str()) != 0)
            _exit(126);
        execle(agent.c_str(), "einvoice-agent", "--headless", "--config", config.c_str(),
               static_cast<char *>(nullptr), envp.data());
        _exit(127);
    }
    const std::string socket = dataDir() + "/agent.sock";
    const bool up = PrinterTestEnv::waitFor(
        [&] {
            if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
                m_pid = -1;
                return true;
            }
            return access(socket.c_str(), F_OK) == 0;
        },
        std::chrono::milliseconds(20000));
    if (!up || m_pid < 0) {
        m_why = "einvoice-agent did not start (as " + m_user.name + "): " + log();
        stop();
        return false;
    }
    return true;
}

void AgentUnderTest::stop()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    const bool gone = PrinterTestEnv::waitFor([&] { return waitpid(m_pid, nullptr, WNOHANG) == m_pid; },
                                              std::chrono::milliseconds(15000));
    if (!gone) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    m_pid = -1;
}

bool AgentUnderTest::running()
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) != m_pid)
        return true;
    m_pid = -1;
    m_why = WIFSIGNALED(status) ? "einvoice-agent died of signal " + std::to_string(WTERMSIG(status))
                                : "einvoice-agent exited with code " + std::to_string(WEXITSTATUS(status));
    return false;
}

std::string AgentUnderTest::log() const
{
    // stderr of the process, then the agent's own log file (when it writes one).
    std::string out;
    for (const std::string &path : {m_root + "/agent.log", dataDir() + "/logs/einvoice-agent.log"}) {
        try {
            out += "--- " + path + "\n" + PrinterTestEnv::readFile(path);
        } catch (...) {
        }
    }
    return out;
}

std::optional<QJsonObject> AgentUnderTest::cli(const std::vector<std::string> &args)
{
    std::vector<std::string> argv{m_root + "/bin/einvoice"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--json", "--config", configPath()});
    const ProcessRunner::Result r = ProcessRunner::run(argv,
                                                       {{"HOME", m_root + "/home"},
                                                        {"XDG_RUNTIME_DIR", m_root + "/run"},
                                                        {"LANG", "C.UTF-8"},
                                                        {"USER", m_user.name}},
                                                       m_user.uid, m_user.gid);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
    if (r.exitCode != 0 || !doc.isObject()) {
        m_why = "einvoice " + args.front() + " failed (" + std::to_string(r.exitCode) + "): " + r.out + r.err;
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QJsonArray> AgentUnderTest::jobs()
{
    const std::optional<QJsonObject> list = cli({"queue", "list"});
    if (!list)
        return std::nullopt;
    return list->value(QStringLiteral("jobs")).toArray();
}

std::vector<std::string> AgentUnderTest::events(qint64 id)
{
    std::vector<std::string> messages;
    if (const std::optional<QJsonObject> shown = cli({"queue", "show", std::to_string(id)}))
        for (const QJsonValue &e : shown->value(QStringLiteral("events")).toArray())
            messages.push_back(e.toObject().value(QStringLiteral("message")).toString().toStdString());
    return messages;
}

std::optional<QJsonObject> AgentUnderTest::readJob(const std::string &source, qint64 notId)
{
    const std::optional<QJsonArray> list = jobs();
    if (!list)
        return std::nullopt;
    for (const QJsonValue &v : *list) {
        const QJsonObject job = v.toObject();
        const QString state = job.value(QStringLiteral("state")).toString();
        const qint64 id = job.value(QStringLiteral("id")).toInteger();
        if (job.value(QStringLiteral("source")).toString().toStdString() != source || id == notId ||
            state == QLatin1String("captured") || state == QLatin1String("read"))
            continue;
        if (!jobFile(id, "extraction.json").isEmpty())
            return job;
    }
    return std::nullopt;
}

QJsonObject AgentUnderTest::jobFile(qint64 id, const std::string &name) const
{
    try {
        const std::string data =
            PrinterTestEnv::readFile(dataDir() + "/jobs/" + std::to_string(id) + "/" + name);
        return QJsonDocument::fromJson(QByteArray::fromStdString(data)).object();
    } catch (...) {
        return {};
    }
}

void AgentUnderTest::exportFile(const std::string &file, const std::string &name)
{
    // A dot name is ignored by the watcher until the rename makes it whole.
    const std::string temp = exportDir() + "/." + name;
    PrinterTestEnv::writeFile(temp, PrinterTestEnv::readFile(file), 0600);
    chownTo(temp, m_user);
    if (rename(temp.c_str(), (exportDir() + "/" + name).c_str()) != 0)
        throw std::runtime_error("cannot rename " + temp);
}

} // namespace einvoice::printertest

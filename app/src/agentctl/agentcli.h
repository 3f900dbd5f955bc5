#pragma once

#include "agentconfig.h"
#include "auditlog.h"
#include "jobfiles.h"
#include "jobjournal.h"
#include "queueactions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace einvoice::cli {

/// What the commands that work on the agent (`status`, `queue`, `incoming`, `poll`) share: the
/// --config and --json options, loading the agent's configuration, asking the running agent.
namespace AgentCli {
const QCommandLineOption &configOption();
const QCommandLineOption &jsonOption();
/// The configuration named by --config, else the default file if it exists, else built-in
/// defaults; prints the problem and returns nothing when the file is unusable.
std::optional<AgentConfig> loadConfig(const QCommandLineParser &parser);
/// Sends @p request (with the user's name) to the running agent; prints the agent's error and
/// returns nothing when it refuses or does not answer within @p timeoutMs.
std::optional<QJsonObject> ask(const AgentConfig &config, QJsonObject request, int timeoutMs = 30000);
void printJson(const QJsonObject &object);

/// The agent's journal opened by the command itself, for when no agent runs.
struct Offline
{
    AuditLog audit; // declared before the journal: outlives the observer the journal holds
    JobJournal journal;
    std::unique_ptr<QueueActions> actions;
    std::unique_ptr<JobFiles> files;
};
/// Opens the journal of @p config with the audit log attached (changes made here are audited
/// like the agent's own); prints the problem and returns null when there is none or it fails.
std::unique_ptr<Offline> openOffline(const AgentConfig &config);
} // namespace AgentCli

} // namespace einvoice::cli

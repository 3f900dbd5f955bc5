#pragma once

// One company in an end-to-end test: its export, incoming and data folders, an agent.ini with
// one sender profile, the real `einvoice-agent --headless` process and the `einvoice` CLI
// pointed at that configuration. Used by portal_e2e_test and sftp_e2e_test. Header-only; one
// thread; stops the agent when destroyed.

#include "jobjournal.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <gtest/gtest.h>
#include <memory>

namespace einvoice::test {

class CompanyAgent
{
public:
    /// @p profileLines: the profile's transport (and other) settings, one "key=value" per line.
    CompanyAgent(const QString &root, const QString &profile, const QString &profileLines)
        : m_root(root + QLatin1Char('/') + profile)
    {
        for (const char *sub : {"export", "incoming", "data"})
            QDir().mkpath(m_root + QLatin1Char('/') + QLatin1String(sub));
        QFile f(config());
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << qPrintable(config());
        f.write(
            QStringLiteral("[agent]\ndata_dir=%1/data\nsettle_ms=100\n"
                           "[incoming]\nfolder=%1/incoming\nformats=ubl, pdf\npoll_secs=3600\n"
                           "[profile.%2]\nwatch_folders=%1/export\nsend_policy=auto_send_when_confident\n%3")
                .arg(m_root, profile, profileLines)
                .toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    ~CompanyAgent() { stop(); }

    QString root() const { return m_root; }
    QString config() const { return m_root + QStringLiteral("/agent.ini"); }
    QString exportDir() const { return m_root + QStringLiteral("/export"); }
    QString incomingDir() const { return m_root + QStringLiteral("/incoming"); }

    /// Starts the agent and waits until it answers `einvoice status`.
    bool start()
    {
        m_agent = std::make_unique<QProcess>();
        m_agent->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_agent->setStandardOutputFile(QProcess::nullDevice());
        m_agent->start(agentBinary(), {QStringLiteral("--headless"), QStringLiteral("--config"), config()});
        return m_agent->waitForStarted() &&
               waitUntil(
                   [this] {
                       return cli({QStringLiteral("status"), QStringLiteral("--json")})
                           .out.contains("\"running\": true");
                   },
                   20000);
    }
    /// SIGTERM; the agent's exit code (0 = clean stop, -1 = had to be killed).
    int stop()
    {
        if (!m_agent || m_agent->state() == QProcess::NotRunning)
            return m_agent ? m_agent->exitCode() : 0;
        m_agent->terminate();
        if (!m_agent->waitForFinished(20000)) {
            m_agent->kill();
            m_agent->waitForFinished();
            return -1;
        }
        return m_agent->exitCode();
    }
    ProcessResult cli(QStringList args) const
    {
        args << QStringLiteral("--config") << config();
        return runCli(args);
    }
    /// The CLI's --json answer; a non-zero exit fails the test.
    QJsonObject cliJson(const QStringList &args) const
    {
        const ProcessResult r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out).object();
    }
    /// The jobs in the company's journal (opened read-side by the test, beside the agent).
    QList<Job> jobs() const
    {
        JobJournal journal;
        if (!journal.open(m_root + QStringLiteral("/data/journal.sqlite")).isEmpty())
            return {};
        return journal.jobs();
    }

private:
    QString m_root;
    std::unique_ptr<QProcess> m_agent;
};

} // namespace einvoice::test

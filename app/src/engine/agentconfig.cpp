#include "agentconfig.h"

#include "layouttemplate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <unistd.h>

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentConfig", text);
}

// Reads typed values, remembering the first unusable one so load() can name it.
class Reader
{
public:
    Reader(QSettings &settings, QString base) : m_s(settings), m_base(std::move(base)) {}

    QString text(const QString &key, const QString &fallback = {}) const
    {
        return m_s.value(key, fallback).toString().trimmed();
    }
    QString path(const QString &key, const QString &fallback = {}) const
    {
        const QString v = text(key);
        return v.isEmpty() ? fallback : resolve(v);
    }
    QString resolve(QString v) const
    {
        if (v.startsWith(QLatin1String("~/")))
            v = QDir::homePath() + v.mid(1);
        return QDir::cleanPath(QDir(m_base).absoluteFilePath(v));
    }
    QStringList list(const QString &key, const QStringList &fallback = {}) const
    {
        if (!m_s.contains(key))
            return fallback;
        QStringList out;
        const QVariant v = m_s.value(key);
        const QStringList raw =
            v.typeId() == QMetaType::QStringList ? v.toStringList() : v.toString().split(QLatin1Char(','));
        for (const QString &item : raw)
            if (!item.trimmed().isEmpty())
                out << item.trimmed();
        return out;
    }
    int integer(const QString &key, int fallback, int min, int max)
    {
        if (!m_s.contains(key))
            return fallback;
        bool ok = false;
        const int v = text(key).toInt(&ok);
        if (!ok || v < min || v > max) {
            fail(key, tr("expected a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return v;
    }
    double real(const QString &key, double fallback, double min, double max)
    {
        if (!m_s.contains(key))
            return fallback;
        bool ok = false;
        const double v = text(key).toDouble(&ok);
        if (!ok || v < min || v > max) {
            fail(key, tr("expected a number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return v;
    }
    bool boolean(const QString &key, bool fallback)
    {
        if (!m_s.contains(key))
            return fallback;
        const QString v = text(key).toLower();
        if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1") ||
            v == QLatin1String("on"))
            return true;
        if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0") ||
            v == QLatin1String("off"))
            return false;
        fail(key, tr("expected true or false"));
        return fallback;
    }
    void fail(const QString &key, const QString &problem)
    {
        if (m_error.isEmpty()) {
            const QString group = m_s.group();
            m_error =
                tr("%1: [%2] %3: %4")
                    .arg(m_s.fileName(), group.isEmpty() ? QStringLiteral("agent") : group, key, problem);
        }
    }
    QString error() const { return m_error; }

private:
    QSettings &m_s;
    QString m_base;
    QString m_error;
};

SenderProfile readProfile(QSettings &s, Reader &r, const QString &id, const QString &dataDir)
{
    SenderProfile p;
    p.id = id;
    p.displayName = r.text(QStringLiteral("display_name"), id);
    p.seller.name = r.text(QStringLiteral("seller_name"));
    p.seller.vatId = r.text(QStringLiteral("seller_vat_id"));
    p.seller.legalRegistration.id = r.text(QStringLiteral("seller_org_id"));
    p.seller.legalRegistration.scheme = r.text(QStringLiteral("seller_org_scheme"));
    if (const QString e = r.text(QStringLiteral("seller_endpoint")); !e.isEmpty()) {
        if (const auto id = parseSchemeId(e))
            p.seller.electronicAddress = *id;
        else
            r.fail(QStringLiteral("seller_endpoint"), tr("expected SCHEME:ID, for example 0007:5567321707"));
    }
    p.seller.address.line1 = r.text(QStringLiteral("seller_street"));
    p.seller.address.city = r.text(QStringLiteral("seller_city"));
    p.seller.address.postCode = r.text(QStringLiteral("seller_postcode"));
    p.seller.address.countryCode = r.text(QStringLiteral("seller_country")).toUpper();
    p.seller.contact.email = r.text(QStringLiteral("seller_email"));
    p.iban = r.text(QStringLiteral("iban")).remove(QLatin1Char(' ')).toUpper();
    p.bic = r.text(QStringLiteral("bic")).toUpper();
    p.paymentTerms = r.text(QStringLiteral("payment_terms"));
    p.paymentDueDays = r.integer(QStringLiteral("payment_due_days"), 0, 0, 365);
    p.watchFolders = r.list(QStringLiteral("watch_folders"));
    for (QString &folder : p.watchFolders)
        folder = r.resolve(folder);
    if (const QString policy = r.text(QStringLiteral("send_policy")); !policy.isEmpty()) {
        if (const auto sp = sendPolicyFromName(policy))
            p.sendPolicy = *sp;
        else
            r.fail(QStringLiteral("send_policy"), tr("expected review_all or auto_send_when_confident"));
    }
    p.outputSyntax = r.text(QStringLiteral("output_syntax"), QStringLiteral("ubl")).toLower();
    if (p.outputSyntax != QLatin1String("ubl") && p.outputSyntax != QLatin1String("cii"))
        r.fail(QStringLiteral("output_syntax"), tr("expected ubl or cii"));
    TransportSettings &t = p.transport;
    t.kind = r.text(QStringLiteral("transport"), QStringLiteral("folder")).toLower();
    if (t.kind != QLatin1String("folder") && t.kind != QLatin1String("https") &&
        t.kind != QLatin1String("sftp"))
        r.fail(QStringLiteral("transport"), tr("expected folder, https or sftp"));
    t.outboxDir =
        r.path(QStringLiteral("outbox_dir"), QDir(dataDir).filePath(QStringLiteral("outbox/") + id));
    t.url = r.text(QStringLiteral("portal_url"));
    if (t.kind == QLatin1String("https") && t.url.isEmpty())
        r.fail(QStringLiteral("portal_url"), tr("the https transport needs the portal's address"));
    t.caFile = r.path(QStringLiteral("ca_file"));
    t.tokenFile = r.path(QStringLiteral("token_file"));
    t.proxy = r.text(QStringLiteral("proxy"));
    t.sftpUser = r.text(QStringLiteral("sftp_user"));
    t.sftpKeyFile = r.path(QStringLiteral("sftp_key_file"));
    // A known_hosts file, or a pinned "SHA256:..." fingerprint that must not become a path.
    t.sftpKnownHosts = r.text(QStringLiteral("sftp_known_hosts")).startsWith(QLatin1String("SHA256:"))
                           ? r.text(QStringLiteral("sftp_known_hosts"))
                           : r.path(QStringLiteral("sftp_known_hosts"));
    t.sftpInboundDir = r.text(QStringLiteral("sftp_inbound_dir"));
    t.sftpStatusDir = r.text(QStringLiteral("sftp_status_dir"));
    t.sftpResponseDir = r.text(QStringLiteral("sftp_response_dir"));
    if (t.kind == QLatin1String("sftp"))
        t.url = r.text(QStringLiteral("sftp_url"), t.url);
    s.beginGroup(QStringLiteral("customers"));
    for (const QString &key : s.childKeys())
        p.customerEndpoints.insert(key, s.value(key).toString().trimmed());
    s.endGroup();
    return p;
}

} // namespace

QString AgentConfig::defaultPath()
{
    const QString env = qEnvironmentVariable("EINVOICE_CONFIG");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/einvoice-connector/agent.ini");
}

QString AgentConfig::defaultDataDir()
{
    const QString env = qEnvironmentVariable("EINVOICE_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/einvoice-connector");
}

std::optional<AgentConfig> AgentConfig::load(const QString &path, QString *error)
{
    AgentConfig c;
    QString base = QDir::currentPath();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (error)
                *error = tr("%1: configuration file not found").arg(path);
            return std::nullopt;
        }
        if (!info.isReadable()) {
            if (error)
                *error = tr("%1: configuration file is not readable").arg(path);
            return std::nullopt;
        }
        c.configPath = info.absoluteFilePath();
        base = info.absolutePath();
    }
    QSettings s(path.isEmpty() ? QStringLiteral("/dev/null") : path, QSettings::IniFormat);
    if (s.status() == QSettings::FormatError) {
        if (error)
            *error = tr("%1: not a valid INI file").arg(path);
        return std::nullopt;
    }
    Reader r(s, base);
    s.beginGroup(QStringLiteral("agent"));
    c.dataDir = r.path(QStringLiteral("data_dir"), defaultDataDir());
    c.journalPath =
        r.path(QStringLiteral("journal"), QDir(c.dataDir).filePath(QStringLiteral("journal.sqlite")));
    c.spoolDir = r.path(QStringLiteral("spool_dir"), QDir(c.dataDir).filePath(QStringLiteral("spool")));
    c.jobsDir = r.path(QStringLiteral("jobs_dir"), QDir(c.dataDir).filePath(QStringLiteral("jobs")));
    c.logDir = r.path(QStringLiteral("log_dir"), QDir(c.dataDir).filePath(QStringLiteral("logs")));
    c.templateDir = r.path(QStringLiteral("template_dir"), TemplateStore::defaultDir());
    c.controlSocket =
        r.path(QStringLiteral("control_socket"), QDir(c.dataDir).filePath(QStringLiteral("agent.sock")));
    c.loggingRules = r.text(QStringLiteral("logging_rules"));
    c.workers = r.integer(QStringLiteral("workers"), c.workers, 1, 64);
    c.readTimeoutSecs = r.integer(QStringLiteral("read_timeout_secs"), c.readTimeoutSecs, 1, 3600);
    c.readMemoryMb = r.integer(QStringLiteral("read_memory_mb"), c.readMemoryMb, 256, 65536);
    c.pdfWorker = r.text(QStringLiteral("pdf_worker"));
    if (!c.pdfWorker.isEmpty() && c.pdfWorker != QLatin1String("inprocess"))
        c.pdfWorker = r.path(QStringLiteral("pdf_worker"), QString());
    c.settleMs = r.integer(QStringLiteral("settle_ms"), c.settleMs, 0, 600000);
    c.rescanMs = r.integer(QStringLiteral("rescan_ms"), c.rescanMs, 100, 3600000);
    c.pollMs = r.integer(QStringLiteral("poll_ms"), c.pollMs, 100, 3600000);
    c.forcePolling = r.boolean(QStringLiteral("force_polling"), c.forcePolling);
    s.endGroup();

    s.beginGroup(QStringLiteral("incoming"));
    c.incomingDir =
        r.path(QStringLiteral("folder"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                             QStringLiteral("/eInvoices/Incoming"));
    c.incomingFormats = r.list(QStringLiteral("formats"), c.incomingFormats);
    for (const QString &f : c.incomingFormats)
        if (f != QLatin1String("ubl") && f != QLatin1String("cii") && f != QLatin1String("pdf"))
            r.fail(QStringLiteral("formats"), tr("'%1' is not one of ubl, cii, pdf").arg(f));
    c.statusPollSecs = r.integer(QStringLiteral("poll_secs"), c.statusPollSecs, 10, 86400);
    s.endGroup();

    s.beginGroup(QStringLiteral("sending"));
    c.sendingPaused = r.boolean(QStringLiteral("paused"), c.sendingPaused);
    c.retry.baseSecs = r.integer(QStringLiteral("retry_base_secs"), c.retry.baseSecs, 1, 86400);
    c.retry.maxSecs = r.integer(QStringLiteral("retry_max_secs"), c.retry.maxSecs, 1, 7 * 86400);
    c.retry.maxAttempts = r.integer(QStringLiteral("retry_max_attempts"), c.retry.maxAttempts, 1, 1000);
    c.retry.jitter = r.real(QStringLiteral("retry_jitter"), c.retry.jitter, 0.0, 0.9);
    s.endGroup();

    s.beginGroup(QStringLiteral("printer"));
    const QString uidSpool = QStringLiteral("/var/spool/einvoice/%1").arg(::getuid());
    c.printerSpoolDir =
        r.path(QStringLiteral("spool_dir"), QFileInfo(uidSpool).isDir() ? uidSpool : QString());
    c.printerProfile = r.text(QStringLiteral("profile"));
    s.endGroup();

    for (const QString &group : s.childGroups()) {
        if (!group.startsWith(QLatin1String("profile.")))
            continue;
        const QString id = group.mid(8);
        s.beginGroup(group);
        c.profiles << readProfile(s, r, id, c.dataDir);
        s.endGroup();
    }
    if (c.profiles.isEmpty()) {
        s.beginGroup(QStringLiteral("profile.default"));
        c.profiles << readProfile(s, r, QStringLiteral("default"), c.dataDir);
        s.endGroup();
    }
    if (c.printerProfile.isEmpty())
        c.printerProfile = c.profiles.constFirst().id;
    else if (!c.profile(c.printerProfile))
        r.fail(QStringLiteral("printer/profile"), tr("no profile named '%1'").arg(c.printerProfile));

    if (!r.error().isEmpty()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return c;
}

const SenderProfile *AgentConfig::profile(const QString &id) const
{
    for (const SenderProfile &p : profiles)
        if (p.id == id)
            return &p;
    return nullptr;
}

QString AgentConfig::ensureDirectories() const
{
    for (const QString &dir : {dataDir, spoolDir, jobsDir, logDir}) {
        if (dir.isEmpty())
            continue;
        if (!QDir().mkpath(dir))
            return tr("%1: cannot create the directory").arg(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return {};
}

QString AgentConfig::save(const QString &path) const
{
    QSettings s(path, QSettings::IniFormat);
    s.beginGroup(QStringLiteral("agent"));
    s.setValue(QStringLiteral("data_dir"), dataDir);
    s.setValue(QStringLiteral("workers"), workers);
    s.setValue(QStringLiteral("read_timeout_secs"), readTimeoutSecs);
    s.setValue(QStringLiteral("read_memory_mb"), readMemoryMb);
    if (!pdfWorker.isEmpty())
        s.setValue(QStringLiteral("pdf_worker"), pdfWorker);
    s.setValue(QStringLiteral("settle_ms"), settleMs);
    s.setValue(QStringLiteral("force_polling"), forcePolling);
    s.endGroup();
    s.beginGroup(QStringLiteral("incoming"));
    s.setValue(QStringLiteral("folder"), incomingDir);
    s.setValue(QStringLiteral("formats"), incomingFormats);
    s.setValue(QStringLiteral("poll_secs"), statusPollSecs);
    s.endGroup();
    s.beginGroup(QStringLiteral("sending"));
    s.setValue(QStringLiteral("paused"), sendingPaused);
    s.setValue(QStringLiteral("retry_base_secs"), retry.baseSecs);
    s.setValue(QStringLiteral("retry_max_secs"), retry.maxSecs);
    s.setValue(QStringLiteral("retry_max_attempts"), retry.maxAttempts);
    s.endGroup();
    if (!printerSpoolDir.isEmpty()) {
        s.beginGroup(QStringLiteral("printer"));
        s.setValue(QStringLiteral("spool_dir"), printerSpoolDir);
        s.setValue(QStringLiteral("profile"), printerProfile);
        s.endGroup();
    }
    for (const SenderProfile &p : profiles) {
        s.beginGroup(QStringLiteral("profile.") + p.id);
        s.setValue(QStringLiteral("display_name"), p.displayName);
        s.setValue(QStringLiteral("seller_name"), p.seller.name);
        s.setValue(QStringLiteral("seller_vat_id"), p.seller.vatId);
        s.setValue(QStringLiteral("seller_org_id"), p.seller.legalRegistration.id);
        s.setValue(QStringLiteral("seller_org_scheme"), p.seller.legalRegistration.scheme);
        if (!p.seller.electronicAddress.isEmpty())
            s.setValue(QStringLiteral("seller_endpoint"),
                       p.seller.electronicAddress.scheme + QLatin1Char(':') + p.seller.electronicAddress.id);
        s.setValue(QStringLiteral("seller_country"), p.seller.address.countryCode);
        s.setValue(QStringLiteral("iban"), p.iban);
        s.setValue(QStringLiteral("payment_terms"), p.paymentTerms);
        s.setValue(QStringLiteral("payment_due_days"), p.paymentDueDays);
        s.setValue(QStringLiteral("watch_folders"), p.watchFolders);
        s.setValue(QStringLiteral("send_policy"), sendPolicyName(p.sendPolicy));
        s.setValue(QStringLiteral("output_syntax"), p.outputSyntax);
        s.setValue(QStringLiteral("transport"), p.transport.kind);
        s.setValue(QStringLiteral("outbox_dir"), p.transport.outboxDir);
        s.setValue(QStringLiteral("portal_url"), p.transport.url);
        s.setValue(QStringLiteral("ca_file"), p.transport.caFile);
        s.setValue(QStringLiteral("token_file"), p.transport.tokenFile);
        s.setValue(QStringLiteral("proxy"), p.transport.proxy);
        if (p.transport.kind == QLatin1String("sftp"))
            s.setValue(QStringLiteral("sftp_url"), p.transport.url);
        s.setValue(QStringLiteral("sftp_user"), p.transport.sftpUser);
        s.setValue(QStringLiteral("sftp_key_file"), p.transport.sftpKeyFile);
        s.setValue(QStringLiteral("sftp_known_hosts"), p.transport.sftpKnownHosts);
        s.setValue(QStringLiteral("sftp_inbound_dir"), p.transport.sftpInboundDir);
        s.setValue(QStringLiteral("sftp_status_dir"), p.transport.sftpStatusDir);
        s.setValue(QStringLiteral("sftp_response_dir"), p.transport.sftpResponseDir);
        s.beginGroup(QStringLiteral("customers"));
        for (auto it = p.customerEndpoints.begin(); it != p.customerEndpoints.end(); ++it)
            s.setValue(it.key(), it.value());
        s.endGroup();
        s.endGroup();
    }
    s.sync();
    return s.status() == QSettings::NoError ? QString() : tr("%1: cannot write the configuration").arg(path);
}

} // namespace einvoice

#pragma once

// Shared by the tests/gui_*_test.cpp binaries: their main() (a QApplication, offscreen unless a
// platform is chosen) and a temporary agent set-up with a real journal and engine.

#include "agentconfig.h"
#include "clock.h"

#include <QString>
#include <QTemporaryDir>

namespace einvoice::test {

/// A complete agent configuration inside a temporary directory: data dir, journal, templates,
/// folder transport into <dir>/outbox, incoming folder <dir>/incoming, config file <dir>/agent.ini.
struct GuiAgentDir
{
    GuiAgentDir();
    QString path(const QString &rel) const;
    QTemporaryDir dir;
    AgentConfig config;
    QString configPath;
};

/// Runs einvoice-samplegen into @p outDir (the project's sample invoices); "" or an error.
QString generateSamples(const QString &outDir);

/// Writes a one-page PDF invoice (text layer, monospace layout) whose invoice number is printed
/// next to a label the reader does not know ("Document ref."), so reading it leaves the number
/// empty and the document waits for review. Returns an error or "".
QString writeUnlabelledNumberInvoice(const QString &path, const QString &number);

} // namespace einvoice::test

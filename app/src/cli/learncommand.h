#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice learn FILE.pdf --set FIELD=VALUE...`: teaches the reader a layout from corrections.
/// `einvoice templates list|show|delete|export|import`: manages the learned layouts.
class LearnCommand
{
public:
    static int run(const QStringList &args);
    static int runTemplates(const QStringList &args);
};

} // namespace einvoice::cli

#pragma once

#include <QString>
#include <QUrl>
#include <functional>

class QWidget;

namespace einvoice::gui {

/// The window's ways of reaching outside itself: asking a yes/no question, opening a file or
/// folder in the desktop's program for it. The defaults use QMessageBox and QDesktopServices;
/// tests replace them to answer questions and record what was opened. GUI thread; a value type.
struct DesktopActions
{
    std::function<bool(QWidget *parent, const QString &title, const QString &question)> confirm;
    std::function<bool(const QUrl &url)> open;
    /// Reason text for a rejection or discard; empty when the person cancelled.
    std::function<QString(QWidget *parent, const QString &title, const QString &label)> askText;

    static DesktopActions defaults();
    /// Opens the folder holding @p path (the file managers' "reveal" is not portable).
    bool revealInFolder(const QString &path) const;
};

} // namespace einvoice::gui

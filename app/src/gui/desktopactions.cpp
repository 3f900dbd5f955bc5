#include "desktopactions.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

namespace einvoice::gui {

DesktopActions DesktopActions::defaults()
{
    DesktopActions a;
    a.confirm = [](QWidget *parent, const QString &title, const QString &question) {
        return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    a.open = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    a.askText = [](QWidget *parent, const QString &title, const QString &label) {
        bool ok = false;
        const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, {}, &ok);
        return ok ? (text.isEmpty() ? QStringLiteral("-") : text) : QString();
    };
    return a;
}

bool DesktopActions::revealInFolder(const QString &path) const
{
    return open && open(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
}

} // namespace einvoice::gui

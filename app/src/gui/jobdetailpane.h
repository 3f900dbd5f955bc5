#pragma once

#include "desktopactions.h"
#include "jobdetails.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QGridLayout;

namespace einvoice {
class Engine;
}

namespace einvoice::gui {

class PdfPageView;

/// The detail pane of the send queue: the document's page beside the fields read from it
/// (each with confidence and where it was found; focusing a field outlines its word box on the
/// page), editable; the rules it breaks in plain language with their ids; its timeline; and
/// the actions a person can take on it. Every action is one Engine call (or CorrectionService
/// for corrections); the pane holds no state of its own beyond what is being edited.
/// GUI thread; does not own the engine.
class JobDetailPane : public QWidget
{
    Q_OBJECT
public:
    JobDetailPane(Engine &engine, DesktopActions actions, QWidget *parent = nullptr);

    /// Shows job @p jobId (0 clears). Unsaved edits of the previous job are dropped.
    void showJob(qint64 jobId);
    qint64 jobId() const { return m_details.job.id; }
    /// Reloads the shown job from the journal (after the engine changed it), keeping edits.
    void refresh();

    /// The editor of one field (tests type into it).
    QLineEdit *fieldEditor(const QString &name) const { return m_editors.value(name); }
    PdfPageView *pageView() const { return m_page; }
    /// Fields whose text differs from what was read, with their new values.
    QMap<QString, QString> editedFields() const;
    /// The last outcome shown to the person (an error or what was done).
    QString message() const;

    void saveCorrection();
    void approveAndSend();
    void retry();
    void discard();
    void openOriginal();
    void openEInvoice();
    void revealInFolder();

signals:
    /// A line for the window's status bar.
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildFields();
    void fillFromDetails(bool keepEdits);
    void updateButtons();
    void report(const QString &error, const QString &done);

    Engine &m_engine;
    DesktopActions m_actions;
    JobDetails m_details;
    PdfPageView *m_page = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_reasons = nullptr;
    QLabel *m_message = nullptr;
    QGridLayout *m_fieldGrid = nullptr;
    QHash<QString, QLineEdit *> m_editors;
    QHash<QString, QLabel *> m_evidence;
    QTreeWidget *m_timeline = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_openOriginal = nullptr;
    QPushButton *m_openEInvoice = nullptr;
    QPushButton *m_reveal = nullptr;
    QString m_loadedPdf;
};

} // namespace einvoice::gui

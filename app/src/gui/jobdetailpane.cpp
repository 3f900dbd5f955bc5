#include "jobdetailpane.h"

#include "engine.h"
#include "layouttemplate.h"
#include "localeformat.h"
#include "pdfpageview.h"

#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace einvoice::gui {

JobDetailPane::JobDetailPane(Engine &engine, DesktopActions actions, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_actions(std::move(actions))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("jobTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    outer->addWidget(m_title);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *pageScroll = new QScrollArea(split);
    pageScroll->setWidgetResizable(true);
    m_page = new PdfPageView(pageScroll);
    pageScroll->setWidget(m_page);
    split->addWidget(pageScroll);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *fieldsBox = new QGroupBox(tr("Fields read from the document"), right);
    m_fieldGrid = new QGridLayout(fieldsBox);
    buildFields();
    auto *fieldScroll = new QScrollArea(right);
    fieldScroll->setWidgetResizable(true);
    fieldScroll->setWidget(fieldsBox);
    rightLayout->addWidget(fieldScroll, 3);

    m_reasons = new QLabel(right);
    m_reasons->setObjectName(QStringLiteral("problems"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_reasons);

    m_timeline = new QTreeWidget(right);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setHeaderLabels({tr("When"), tr("Status"), tr("What happened")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_timeline->setMinimumHeight(90);
    rightLayout->addWidget(m_timeline, 1);

    auto *buttons = new QGridLayout;
    m_save = new QPushButton(tr("Save correction"), right);
    m_approve = new QPushButton(tr("Approve and send"), right);
    m_approve->setDefault(true);
    m_retry = new QPushButton(tr("Retry"), right);
    m_discard = new QPushButton(tr("Discard…"), right);
    m_openOriginal = new QPushButton(tr("Open original"), right);
    m_openEInvoice = new QPushButton(tr("Open e-invoice"), right);
    m_reveal = new QPushButton(tr("Show in folder"), right);
    buttons->addWidget(m_approve, 0, 0);
    buttons->addWidget(m_save, 0, 1);
    buttons->addWidget(m_retry, 0, 2);
    buttons->addWidget(m_discard, 0, 3);
    buttons->addWidget(m_openOriginal, 1, 0);
    buttons->addWidget(m_openEInvoice, 1, 1);
    buttons->addWidget(m_reveal, 1, 2);
    rightLayout->addLayout(buttons);
    m_message = new QLabel(right);
    m_message->setObjectName(QStringLiteral("outcome"));
    m_message->setWordWrap(true);
    rightLayout->addWidget(m_message);

    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    outer->addWidget(split, 1);

    connect(m_save, &QPushButton::clicked, this, &JobDetailPane::saveCorrection);
    connect(m_approve, &QPushButton::clicked, this, &JobDetailPane::approveAndSend);
    connect(m_retry, &QPushButton::clicked, this, &JobDetailPane::retry);
    connect(m_discard, &QPushButton::clicked, this, &JobDetailPane::discard);
    connect(m_openOriginal, &QPushButton::clicked, this, &JobDetailPane::openOriginal);
    connect(m_openEInvoice, &QPushButton::clicked, this, &JobDetailPane::openEInvoice);
    connect(m_reveal, &QPushButton::clicked, this, &JobDetailPane::revealInFolder);
    showJob(0);
}

void JobDetailPane::buildFields()
{
    int row = 0;
    m_fieldGrid->addWidget(new QLabel(tr("<b>Field</b>")), row, 0);
    m_fieldGrid->addWidget(new QLabel(tr("<b>Value</b>")), row, 1);
    m_fieldGrid->addWidget(new QLabel(tr("<b>Found</b>")), row, 2);
    for (const QString &name : TemplateLearner::learnableFields()) {
        ++row;
        auto *label = new QLabel(JobDetails::fieldLabel(name));
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("field_") + name);
        edit->installEventFilter(this);
        label->setBuddy(edit);
        auto *evidence = new QLabel;
        evidence->setObjectName(QStringLiteral("evidence_") + name);
        m_fieldGrid->addWidget(label, row, 0);
        m_fieldGrid->addWidget(edit, row, 1);
        m_fieldGrid->addWidget(evidence, row, 2);
        m_editors.insert(name, edit);
        m_evidence.insert(name, evidence);
        connect(edit, &QLineEdit::textEdited, this, &JobDetailPane::updateButtons);
    }
    m_fieldGrid->setColumnStretch(1, 1);
}

bool JobDetailPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (const FieldView &f : std::as_const(m_details.fields)) {
            if (m_editors.value(f.name) == watched) {
                m_page->setHighlight(f.page, f.box);
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void JobDetailPane::showJob(qint64 jobId)
{
    m_message->clear();
    if (jobId <= 0) {
        m_details = {};
        fillFromDetails(false);
        return;
    }
    m_details = JobDetails::load(m_engine, jobId);
    fillFromDetails(false);
}

void JobDetailPane::refresh()
{
    if (m_details.job.id <= 0)
        return;
    m_details = JobDetails::load(m_engine, m_details.job.id);
    fillFromDetails(true);
}

void JobDetailPane::fillFromDetails(bool keepEdits)
{
    const JobDetails &d = m_details;
    const bool has = d.job.id > 0;
    if (!has) {
        m_title->setText(d.error.isEmpty() ? tr("Select a document in the list to see it here.") : d.error);
    } else {
        const QString amount = d.job.display.amount
                                   ? LocaleFormat::amount(*d.job.display.amount, d.job.display.currency)
                                   : QString();
        m_title->setText(tr("<b>%1</b> %2 — %3 — <i>%4</i>")
                             .arg(d.job.display.invoiceNumber.toHtmlEscaped(),
                                  d.job.display.buyerName.toHtmlEscaped(), amount,
                                  jobStateLabel(d.job.state)));
    }
    const QString pdf = has && d.isPdf ? d.originalPath : QString();
    if (pdf != m_loadedPdf || !has) {
        m_loadedPdf = pdf;
        const QString e = m_page->setDocument(pdf);
        if (!e.isEmpty())
            m_message->setText(e);
    }
    const QMap<QString, QString> edits = keepEdits ? editedFields() : QMap<QString, QString>();
    for (const FieldView &f : d.fields) {
        QLineEdit *edit = m_editors.value(f.name);
        if (!edit)
            continue;
        edit->setText(edits.value(f.name, f.value));
        edit->setProperty("readValue", f.value);
        QLabel *ev = m_evidence.value(f.name);
        if (f.value.isEmpty() && f.confidence <= 0) {
            ev->setText(tr("not found"));
        } else {
            ev->setText(tr("%1 % · %2").arg(qRound(f.confidence * 100)).arg(f.source));
        }
        ev->setToolTip(f.page >= 0 ? tr("Page %1").arg(f.page + 1) : QString());
        // Doubtful values stand out, so the eye goes to what needs checking.
        ev->setStyleSheet(f.confidence < 0.8 && !f.value.isEmpty() ? QStringLiteral("color: #b45309;")
                                                                   : QString());
    }
    if (!has) {
        for (QLineEdit *e : std::as_const(m_editors)) {
            e->clear();
            e->setProperty("readValue", QString());
        }
        for (QLabel *l : std::as_const(m_evidence))
            l->clear();
    }
    QStringList lines;
    for (const QString &r : d.reviewReasons) {
        // Rule failures are listed below with their ids; the reasons repeat them.
        const bool repeated = std::any_of(d.problems.begin(), d.problems.end(), [&](const ProblemView &p) {
            return !p.ruleId.isEmpty() && r.contains(p.ruleId);
        });
        if (!repeated)
            lines << tr("• %1").arg(r.toHtmlEscaped());
    }
    for (const ProblemView &p : d.problems)
        lines << tr("• <b>%1</b> %2: %3")
                     .arg(p.ruleId.toHtmlEscaped(), p.fatal ? tr("(must be fixed)") : tr("(warning)"),
                          p.message.toHtmlEscaped());
    if (has && !d.job.lastError.isEmpty())
        lines << tr("• Last error: %1").arg(d.job.lastError.toHtmlEscaped());
    m_reasons->setText(lines.isEmpty()
                           ? (has ? tr("No problems found.") : QString())
                           : tr("<b>Needs your attention</b><br>") + lines.join(QStringLiteral("<br>")));
    m_timeline->clear();
    for (const JobEvent &e : d.timeline) {
        auto *item = new QTreeWidgetItem(m_timeline,
                                         {LocaleFormat::dateTime(e.time), jobStateLabel(e.state),
                                          QString(e.message).replace(QLatin1Char('\n'), QLatin1Char(' '))});
        item->setToolTip(2, e.message);
    }
    updateButtons();
}

QMap<QString, QString> JobDetailPane::editedFields() const
{
    QMap<QString, QString> out;
    for (auto it = m_editors.constBegin(); it != m_editors.constEnd(); ++it) {
        const QString read = it.value()->property("readValue").toString();
        if (it.value()->text().trimmed() != read)
            out.insert(it.key(), it.value()->text().trimmed());
    }
    return out;
}

QString JobDetailPane::message() const
{
    return m_message->text();
}

void JobDetailPane::updateButtons()
{
    const JobState s = m_details.job.state;
    const bool has = m_details.job.id > 0;
    const bool editable =
        has && (s == JobState::NeedsReview || s == JobState::Ready || s == JobState::Approved);
    for (QLineEdit *e : std::as_const(m_editors))
        e->setReadOnly(!editable);
    m_save->setEnabled(editable && !editedFields().isEmpty());
    m_approve->setEnabled(has && (s == JobState::NeedsReview || s == JobState::Ready));
    m_retry->setEnabled(has && (s == JobState::Failed || s == JobState::Approved));
    m_discard->setEnabled(has && isTransitionAllowed(s, JobState::Discarded));
    m_openOriginal->setEnabled(has && !m_details.originalPath.isEmpty());
    m_openEInvoice->setEnabled(has && !m_details.einvoicePath.isEmpty());
    m_reveal->setEnabled(has && !m_details.originalPath.isEmpty());
}

void JobDetailPane::report(const QString &error, const QString &done)
{
    const QString text = error.isEmpty() ? done : error;
    m_message->setText(text);
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #b91c1c;"));
    emit statusMessage(text.section(QLatin1Char('\n'), 0, 0));
}

void JobDetailPane::saveCorrection()
{
    const qint64 id = m_details.job.id;
    const CorrectionOutcome out = CorrectionService::apply(m_engine, id, editedFields(), false);
    QString done = tr("Correction saved.");
    if (!out.templateId.isEmpty())
        done += QLatin1Char(' ') + tr("The layout was learned for the next invoice of this kind.");
    else if (!out.notLearned.isEmpty())
        done +=
            QLatin1Char(' ') +
            tr("Not printed on the page, so not learned: %1.").arg(out.notLearned.join(QStringLiteral(", ")));
    showJob(id);
    report(out.error, done);
}

void JobDetailPane::approveAndSend()
{
    const qint64 id = m_details.job.id;
    const QMap<QString, QString> edits = editedFields();
    QString error;
    if (!edits.isEmpty())
        error = CorrectionService::apply(m_engine, id, edits, true).error;
    else
        error = m_engine.approve(id);
    showJob(id);
    report(error, tr("Approved; it will be sent now."));
}

void JobDetailPane::retry()
{
    const qint64 id = m_details.job.id;
    const QString error = m_engine.retry(id);
    showJob(id);
    report(error, tr("It will be tried again now."));
}

void JobDetailPane::discard()
{
    const qint64 id = m_details.job.id;
    if (!m_actions.confirm || !m_actions.confirm(this, tr("Discard document"),
                                                 tr("Discard %1? It will not be sent.")
                                                     .arg(m_details.job.display.invoiceNumber.isEmpty()
                                                              ? tr("this document")
                                                              : m_details.job.display.invoiceNumber)))
        return;
    const QString error = m_engine.discard(id, tr("Discarded in the queue window."));
    showJob(id);
    report(error, tr("Discarded."));
}

void JobDetailPane::openOriginal()
{
    if (!m_actions.open || !m_actions.open(QUrl::fromLocalFile(m_details.originalPath)))
        report(tr("%1: no program to open it.").arg(m_details.originalPath), {});
}

void JobDetailPane::openEInvoice()
{
    if (m_details.einvoicePath.isEmpty()) {
        report(tr("There is no e-invoice yet: it is made when the document passes the rules."), {});
        return;
    }
    if (!m_actions.open || !m_actions.open(QUrl::fromLocalFile(m_details.einvoicePath)))
        report(tr("%1: no program to open it.").arg(m_details.einvoicePath), {});
}

void JobDetailPane::revealInFolder()
{
    const QString path =
        QFileInfo::exists(m_details.job.originalPath) ? m_details.job.originalPath : m_details.originalPath;
    if (!m_actions.revealInFolder(path))
        report(tr("%1: the folder cannot be opened.").arg(path), {});
}

} // namespace einvoice::gui

// The send queue window against a real engine and journal (folder transport, temp dirs):
// review, correct, approve, deliver; filters, search, locale formatting; discard and bulk
// sending ask first; the word box of a field is outlined on the rendered page.

#include "engine.h"
#include "gui_testsupport.h"
#include "incomingmodel.h"
#include "jobdetailpane.h"
#include "layouttemplate.h"
#include "localeformat.h"
#include "pdfpageview.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "trayapp.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::gui;
using namespace einvoice::test;

namespace {

class GuiQueueTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_agent.dir.isValid());
        ASSERT_EQ(generateSamples(m_agent.path(QStringLiteral("samples"))), QString());
        m_actions.confirm = [this](QWidget *, const QString &, const QString &q) {
            m_questions << q;
            return m_answer;
        };
        m_actions.open = [this](const QUrl &url) {
            m_opened << url.toLocalFile();
            return true;
        };
        m_actions.askText = [](QWidget *, const QString &, const QString &) {
            return QStringLiteral("wrong");
        };
    }

    std::unique_ptr<TrayApp> makeApp()
    {
        TrayApp::Options o;
        o.config = m_agent.config;
        o.configPath = m_agent.configPath;
        o.clock = &m_clock;
        o.secrets = &m_secrets;
        o.actions = m_actions;
        o.controlSocket = false;
        o.watchers = false;
        auto app = std::make_unique<TrayApp>(o);
        const QString e = app->start();
        EXPECT_EQ(e, QString());
        return app;
    }

    qint64 submit(Engine &engine, const QString &path)
    {
        const Engine::Submitted s = engine.submitFile(path, QStringLiteral("northwind"), SourceKind::Folder);
        EXPECT_EQ(s.error, QString());
        return s.jobId;
    }

    JobState stateOf(Engine &engine, qint64 id) { return engine.journal().job(id)->state; }
    static std::string problems(Engine &engine, qint64 id)
    {
        return QJsonDocument(engine.files().validation(id)).toJson().toStdString();
    }
    QString sample(const QString &name) const { return m_agent.path(QStringLiteral("samples/") + name); }
    QStringList outbox() const
    {
        return QDir(m_agent.path(QStringLiteral("outbox"))).entryList({QStringLiteral("*.xml")}, QDir::Files);
    }
    QString statusText(QueueWindow *w, qint64 id) const
    {
        QueueModel *m = w->model();
        return m->index(m->rowOf(id), QueueModel::StatusColumn).data().toString();
    }

    GuiAgentDir m_agent;
    SystemClock m_clock;
    gui::MemoryTokenStore m_secrets;
    DesktopActions m_actions;
    bool m_answer = true;
    QStringList m_questions;
    QStringList m_opened;
};

TEST_F(GuiQueueTest, ReviewCorrectApproveAndSeeItDelivered)
{
    // A Swedish invoice without buyer reference or order reference: Peppol refuses it
    // (PEPPOL-EN16931-R003), so it waits for review.
    QByteArray xml = readFile(sample(QStringLiteral("sv-faktura.xml")));
    xml.replace("<cbc:BuyerReference>Anna Lind</cbc:BuyerReference>", "");
    const int o1 = xml.indexOf("<cac:OrderReference>");
    const int o2 = xml.indexOf("</cac:OrderReference>");
    ASSERT_GT(o1, 0);
    xml.remove(o1, o2 + int(qstrlen("</cac:OrderReference>")) - o1);
    const QString path = m_agent.path(QStringLiteral("in/10457.xml"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(xml);
    }
    auto app = makeApp();
    Engine &engine = *app->engine();
    QueueWindow *w = app->window();
    w->show();
    const qint64 id = submit(engine, path);
    ASSERT_TRUE(waitUntil([&] { return stateOf(engine, id) == JobState::NeedsReview; }, 30000))
        << problems(engine, id);

    // The table shows it under "Needs review"; the filters find it there and only there.
    ASSERT_GE(w->model()->rowOf(id), 0);
    EXPECT_TRUE(waitUntil([&] { return statusText(w, id) == jobStateLabel(JobState::NeedsReview); }, 5000));
    w->setFilter(QueueFilterProxy::Filter::NeedsReview);
    EXPECT_EQ(w->proxy()->rowCount(), 1);
    w->setFilter(QueueFilterProxy::Filter::Sent);
    EXPECT_EQ(w->proxy()->rowCount(), 0);
    w->setFilter(QueueFilterProxy::Filter::NeedsReview);

    // The detail pane says why in plain language, with the rule id.
    ASSERT_TRUE(w->selectJob(id));
    JobDetailPane *pane = w->detailPane();
    EXPECT_EQ(pane->jobId(), id);
    auto *problemsLabel = pane->findChild<QLabel *>(QStringLiteral("problems"));
    ASSERT_NE(problemsLabel, nullptr);
    EXPECT_TRUE(problemsLabel->text().contains(QStringLiteral("PEPPOL-EN16931-R003")))
        << qPrintable(problemsLabel->text());
    QLineEdit *reference = pane->fieldEditor(QStringLiteral("buyer_reference"));
    ASSERT_NE(reference, nullptr);
    EXPECT_TRUE(reference->text().isEmpty()) << qPrintable(reference->text());
    EXPECT_EQ(pane->fieldEditor(QStringLiteral("invoice_number"))->text(), QStringLiteral("10457"));

    // Type the reference the customer wants, then approve and send.
    reference->setFocus();
    QTest::keyClicks(reference, QStringLiteral("Anna Lind"));
    EXPECT_EQ(pane->editedFields(),
              (QMap<QString, QString>{{QStringLiteral("buyer_reference"), QStringLiteral("Anna Lind")}}));
    pane->approveAndSend();
    ASSERT_TRUE(waitUntil([&] { return stateOf(engine, id) == JobState::Delivered; }, 30000))
        << qPrintable(pane->message()) << problems(engine, id);
    ASSERT_EQ(outbox().size(), 1);
    const QByteArray sent = readFile(m_agent.path(QStringLiteral("outbox/")) + outbox().first());
    EXPECT_TRUE(sent.contains("<cbc:BuyerReference>Anna Lind</cbc:BuyerReference>"));

    // The table and the pane follow: delivered, read-only, the timeline tells the story.
    EXPECT_TRUE(waitUntil([&] { return statusText(w, id) == jobStateLabel(JobState::Delivered); }, 5000));
    w->setFilter(QueueFilterProxy::Filter::Sent);
    EXPECT_EQ(w->proxy()->rowCount(), 1);
    EXPECT_TRUE(reference->isReadOnly());
    auto *timeline = pane->findChild<QTreeWidget *>(QStringLiteral("timeline"));
    ASSERT_NE(timeline, nullptr);
    QStringList states;
    for (int i = 0; i < timeline->topLevelItemCount(); ++i)
        states << timeline->topLevelItem(i)->text(1);
    EXPECT_TRUE(states.contains(jobStateLabel(JobState::NeedsReview))) << qPrintable(states.join(u','));
    EXPECT_TRUE(states.contains(jobStateLabel(JobState::Delivered))) << qPrintable(states.join(u','));
}

TEST_F(GuiQueueTest, SavingACorrectionTeachesTheLayout)
{
    const QString pdf = m_agent.path(QStringLiteral("in/northwind-0042.pdf"));
    ASSERT_EQ(writeUnlabelledNumberInvoice(pdf, QStringLiteral("INV-2025-0042")), QString());
    auto app = makeApp();
    Engine &engine = *app->engine();
    QueueWindow *w = app->window();
    const qint64 id = submit(engine, pdf);
    ASSERT_TRUE(waitUntil([&] { return stateOf(engine, id) == JobState::NeedsReview; }, 30000))
        << problems(engine, id);
    ASSERT_TRUE(w->selectJob(id));
    JobDetailPane *pane = w->detailPane();
    EXPECT_FALSE(pane->pageView()->renderedPage().isNull());
    QLineEdit *number = pane->fieldEditor(QStringLiteral("invoice_number"));
    EXPECT_TRUE(number->text().isEmpty()) << qPrintable(number->text());
    EXPECT_EQ(pane->fieldEditor(QStringLiteral("buyer_name"))->text(),
              QStringLiteral("Harbour Logistics NV"));

    QTest::keyClicks(number, QStringLiteral("INV-2025-0042"));
    pane->saveCorrection();
    // The engine took the correction: the rebuilt draft carries the number. (The journal row's
    // display keeps the old number while the job stays under review: Engine::correct() only
    // writes a note then; requested from the engine.)
    EXPECT_EQ(engine.files()
                  .extraction(id)
                  .value(QStringLiteral("fields"))
                  .toObject()
                  .value(QStringLiteral("invoice_number"))
                  .toString(),
              QStringLiteral("INV-2025-0042"))
        << qPrintable(pane->message());
    EXPECT_EQ(number->text(), QStringLiteral("INV-2025-0042"));
    // ... and the layout was learned, with the number's place next to "Document ref.".
    const QList<LayoutTemplate> learned = TemplateStore(m_agent.config.templateDir).all();
    ASSERT_EQ(learned.size(), 1) << qPrintable(pane->message());
    const auto f =
        std::find_if(learned.first().fields.begin(), learned.first().fields.end(),
                     [](const TemplateField &t) { return t.name == QLatin1String("invoice_number"); });
    ASSERT_NE(f, learned.first().fields.end());
    EXPECT_FALSE(f->box.isEmpty());
    EXPECT_TRUE(pane->message().contains(QStringLiteral("learned"))) << qPrintable(pane->message());

    // The next invoice of this layout is read with the template: its number is found.
    const QString next = m_agent.path(QStringLiteral("in/northwind-0043.pdf"));
    ASSERT_EQ(writeUnlabelledNumberInvoice(next, QStringLiteral("INV-2025-0043")), QString());
    const qint64 id2 = submit(engine, next);
    ASSERT_TRUE(waitUntil([&] { return stateOf(engine, id2) == JobState::NeedsReview; }, 30000));
    // (The learned box also takes the label's last word on this layout: "ref. INV-2025-0043";
    // reported to the extraction engineer.)
    EXPECT_TRUE(engine.journal().job(id2)->display.invoiceNumber.endsWith(QStringLiteral("INV-2025-0043")))
        << qPrintable(engine.journal().job(id2)->display.invoiceNumber);
}

TEST_F(GuiQueueTest, FocusingAFieldOutlinesItsWordBoxOnThePage)
{
    auto app = makeApp();
    Engine &engine = *app->engine();
    const qint64 id = submit(engine, sample(QStringLiteral("en-consulting-invoice.pdf")));
    ASSERT_TRUE(waitUntil([&] { return stateOf(engine, id) == JobState::NeedsReview; }, 30000))
        << problems(engine, id);
    QueueWindow *w = app->window();
    w->show();
    ASSERT_TRUE(w->selectJob(id));
    JobDetailPane *pane = w->detailPane();
    const QJsonObject ev = engine.files()
                               .extraction(id)
                               .value(QStringLiteral("evidence"))
                               .toObject()
                               .value(QStringLiteral("invoice_number"))
                               .toObject();
    const QJsonArray box = ev.value(QStringLiteral("box")).toArray();
    ASSERT_EQ(box.size(), 4);
    QLineEdit *number = pane->fieldEditor(QStringLiteral("invoice_number"));
    EXPECT_EQ(number->text(), QStringLiteral("INV-2025-0042"));
    // Offscreen windows never get the keyboard focus, so the focus change is delivered directly.
    QFocusEvent focusIn(QEvent::FocusIn, Qt::MouseFocusReason);
    QApplication::sendEvent(number, &focusIn);
    const QRectF h = pane->pageView()->highlight();
    EXPECT_DOUBLE_EQ(h.x(), box[0].toDouble());
    EXPECT_DOUBLE_EQ(h.y(), box[1].toDouble());
    EXPECT_DOUBLE_EQ(h.width(), box[2].toDouble());
    // The confidence and the source are shown beside the value.
    auto *evidence = pane->findChild<QLabel *>(QStringLiteral("evidence_invoice_number"));
    ASSERT_NE(evidence, nullptr);
    EXPECT_TRUE(evidence->text().contains(QLatin1Char('%'))) << qPrintable(evidence->text());
    // Open original / e-invoice / reveal go to the desktop with the job's files.
    // (While fatal rules fail there is no e-invoice yet: then that button opens nothing.)
    const bool hasEInvoice = QFile::exists(engine.files().einvoicePath(id));
    pane->openOriginal();
    pane->openEInvoice();
    pane->revealInFolder();
    QStringList expected{engine.journal().job(id)->spoolPath};
    if (hasEInvoice)
        expected << engine.files().einvoicePath(id);
    // Reveal shows the original where it was taken from, or the agent's copy when it is gone.
    const QString original = engine.journal().job(id)->originalPath;
    expected << QFileInfo(QFileInfo::exists(original) ? original : engine.journal().job(id)->spoolPath)
                    .absolutePath();
    EXPECT_EQ(m_opened, expected) << qPrintable(m_opened.join(u'\n')) << "\n---\n"
                                  << qPrintable(expected.join(u'\n'));
}

TEST_F(GuiQueueTest, DiscardAndSendAllReadyAskFirst)
{
    auto app = makeApp();
    Engine &engine = *app->engine();
    const qint64 a = submit(engine, sample(QStringLiteral("sv-faktura.pdf")));
    const qint64 b = submit(engine, sample(QStringLiteral("pt-fatura.pdf")));
    const qint64 c = submit(engine, sample(QStringLiteral("de-rechnung.pdf")));
    ASSERT_TRUE(waitUntil([&] {
        return stateOf(engine, a) == JobState::Ready && stateOf(engine, b) == JobState::Ready &&
               stateOf(engine, c) == JobState::Ready;
    }));
    QueueWindow *w = app->window();
    ASSERT_TRUE(w->selectJob(c));
    m_answer = false;
    w->detailPane()->discard();
    EXPECT_EQ(m_questions.size(), 1);
    EXPECT_EQ(stateOf(engine, c), JobState::Ready);
    m_answer = true;
    w->detailPane()->discard();
    EXPECT_EQ(stateOf(engine, c), JobState::Discarded);

    m_answer = false;
    EXPECT_EQ(w->sendAllReady(), 0);
    EXPECT_EQ(stateOf(engine, a), JobState::Ready);
    EXPECT_TRUE(m_questions.last().contains(QLatin1Char('2'))) << qPrintable(m_questions.last());
    m_answer = true;
    EXPECT_EQ(w->sendAllReady(), 2);
    ASSERT_TRUE(waitUntil([&] {
        return stateOf(engine, a) == JobState::Delivered && stateOf(engine, b) == JobState::Delivered;
    }));
    EXPECT_EQ(outbox().size(), 2);
    w->setFilter(QueueFilterProxy::Filter::Sent);
    EXPECT_EQ(w->proxy()->rowCount(), 2);
}

TEST_F(GuiQueueTest, SearchSortAndLocaleAmounts)
{
    auto app = makeApp();
    Engine &engine = *app->engine();
    const qint64 en = submit(engine, sample(QStringLiteral("en-consulting-invoice.pdf")));
    const qint64 sv = submit(engine, sample(QStringLiteral("sv-faktura.pdf")));
    const qint64 cn = submit(engine, sample(QStringLiteral("en-credit-note.pdf")));
    ASSERT_TRUE(waitUntil([&] {
        return stateOf(engine, en) == JobState::NeedsReview && stateOf(engine, sv) == JobState::Ready &&
               stateOf(engine, cn) == JobState::Ready;
    }));
    QueueWindow *w = app->window();
    QueueModel *m = w->model();
    EXPECT_EQ(m->rowCount(), 3);
    EXPECT_EQ(m->index(m->rowOf(cn), QueueModel::TypeColumn).data().toString(),
              QStringLiteral("Credit note"));
    EXPECT_EQ(m->index(m->rowOf(en), QueueModel::TypeColumn).data().toString(), QStringLiteral("Invoice"));
    EXPECT_EQ(m->index(m->rowOf(en), QueueModel::CustomerColumn).data().toString(),
              QStringLiteral("Harbour Logistics NV"));
    EXPECT_TRUE(m->index(m->rowOf(en), QueueModel::SourceColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("en-consulting-invoice.pdf")));
    // English locale: 5,215.10 EUR; Swedish: 5 215,10 EUR (non-breaking spaces).
    EXPECT_EQ(LocaleFormat::amount(Decimal::fromString(QStringLiteral("5215.10")), QStringLiteral("EUR"),
                                   QLocale(QLocale::English, QLocale::UnitedStates)),
              QStringLiteral("5,215.10\u00a0EUR"));
    EXPECT_EQ(LocaleFormat::amount(Decimal::fromString(QStringLiteral("-1234567.5")), QStringLiteral("SEK"),
                                   QLocale(QLocale::Swedish, QLocale::Sweden)),
              QStringLiteral("\u2212"
                             "1\u00a0234\u00a0567,50\u00a0SEK"));
    EXPECT_EQ(m->index(m->rowOf(en), QueueModel::AmountColumn).data().toString(),
              LocaleFormat::amount(Decimal::fromString(QStringLiteral("5215.10")), QStringLiteral("EUR")));

    w->searchField()->setText(QStringLiteral("kvarnbacken"));
    EXPECT_EQ(w->proxy()->rowCount(), 1);
    w->searchField()->setText(QStringLiteral("harbour"));
    EXPECT_EQ(w->proxy()->rowCount(), 2);
    w->searchField()->setText(QStringLiteral("no such customer"));
    EXPECT_EQ(w->proxy()->rowCount(), 0);
    w->searchField()->clear();
    EXPECT_EQ(w->proxy()->rowCount(), 3);
    // Sorting by amount is by value, not by text.
    w->table()->sortByColumn(QueueModel::AmountColumn, Qt::AscendingOrder);
    QList<qint64> order;
    for (int r = 0; r < w->proxy()->rowCount(); ++r)
        order << w->proxy()->index(r, 0).data(QueueModel::JobIdRole).toLongLong();
    for (int r = 1; r < order.size(); ++r) {
        const Job *prev = m->jobAt(m->rowOf(order[r - 1]));
        const Job *cur = m->jobAt(m->rowOf(order[r]));
        EXPECT_TRUE(*prev->display.amount <= *cur->display.amount)
            << qPrintable(prev->display.amount->toString()) << " "
            << qPrintable(cur->display.amount->toString());
    }
}

} // namespace

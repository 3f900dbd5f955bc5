// Screenshots of the tray application with real data (the project's sample invoices through a
// real engine), in English and Swedish, saved to docs/screenshots/: the queue window with a
// document under review, the incoming tab, the settings dialog and the set-up wizard. Every
// visible label and button must have room for its text. Runs on a real X server (ctest starts
// it under xvfb-run when DISPLAY is unset); offscreen it still checks, and saves nothing.

#include "engine.h"
#include "foldertransport.h"
#include "gui_testsupport.h"
#include "incomingjournal.h"
#include "incomingmodel.h"
#include "incomingtab.h"
#include "jobdetailpane.h"
#include "language.h"
#include "pdfpageview.h"
#include "portalsettingspage.h"
#include "profilesettingspage.h"
#include "queuemodel.h"
#include "queuewindow.h"
#include "settingsdialog.h"
#include "setupwizard.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "trayapp.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFocusEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::gui;
using namespace einvoice::test;

namespace {

bool onRealDisplay()
{
    return QGuiApplication::platformName() == QLatin1String("xcb");
}

// Widgets whose text does not fit: for each visible label and button, its size hint (for
// word-wrapped labels the height it needs at its width) against its geometry.
QStringList clippedTexts(QWidget *root)
{
    QStringList out;
    const QList<QWidget *> all = root->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (!w->isVisibleTo(root) || w->width() <= 0)
            continue;
        QString text;
        QSize need;
        if (auto *l = qobject_cast<QLabel *>(w)) {
            text = l->text();
            if (text.isEmpty())
                continue;
            need = l->wordWrap() ? QSize(l->minimumSizeHint().width(), l->heightForWidth(l->width()))
                                 : l->sizeHint();
        } else if (auto *b = qobject_cast<QAbstractButton *>(w)) {
            text = b->text();
            if (text.isEmpty())
                continue;
            need = b->sizeHint();
        } else {
            continue;
        }
        if (need.width() > w->width() || need.height() > w->height())
            out << QStringLiteral("%1 '%2': needs %3x%4, has %5x%6")
                       .arg(QString::fromLatin1(w->metaObject()->className()), text.left(60))
                       .arg(need.width())
                       .arg(need.height())
                       .arg(w->width())
                       .arg(w->height());
    }
    return out;
}

void settle(QWidget *w)
{
    w->show();
    QApplication::processEvents();
    waitUntil([&] { return w->isVisible(); }, 5000);
    // Layouts finish on the next turns of the event loop.
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

QString shotPath(const QString &name)
{
    const QString dir = QStringLiteral(EINVOICE_SOURCE_DIR "/docs/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name + QStringLiteral(".png");
}

void saveShot(QWidget *w, const QString &name)
{
    if (!onRealDisplay())
        return;
    const QPixmap pixmap = w->grab();
    ASSERT_FALSE(pixmap.isNull());
    ASSERT_TRUE(pixmap.save(shotPath(name))) << qPrintable(shotPath(name));
}

// Sends into the outbox folder, like the portal would deliver, and takes answers to incoming
// invoices, like the portal over HTTPS does (so the incoming tab shows them answerable).
class AnsweringOutboxTransport : public FolderTransport
{
public:
    using FolderTransport::FolderTransport;
    bool supportsResponses() const override { return true; }
    QString respondToIncoming(const QString &, const QString &, const QString &) override { return {}; }
};

void copy(const QString &from, const QString &to)
{
    QFile::remove(to);
    ASSERT_TRUE(QFile::copy(from, to)) << qPrintable(from);
}

void takeScreenshots(const QString &lang)
{
    Language::apply(lang);
    GuiAgentDir agent;
    ASSERT_EQ(generateSamples(agent.path(QStringLiteral("samples"))), QString());
    const auto sample = [&](const QString &n) { return agent.path(QStringLiteral("samples/") + n); };
    SenderProfile &p = agent.config.profiles.first();
    p.seller.name = QStringLiteral("Northwind Analytics SRL");
    p.seller.vatId = QStringLiteral("BE0812345603");
    p.seller.electronicAddress = Identifier{QStringLiteral("0812345603"), QStringLiteral("0208")};
    p.seller.address.countryCode = QStringLiteral("BE");
    for (const QString &n :
         {QStringLiteral("de-rechnung"), QStringLiteral("sv-faktura"), QStringLiteral("pt-fatura")}) {
        copy(sample(n + QStringLiteral(".xml")),
             agent.path(QStringLiteral("incoming/") + n + QStringLiteral(".xml")));
        copy(sample(n + QStringLiteral(".pdf")),
             agent.path(QStringLiteral("incoming/") + n + QStringLiteral(".pdf")));
    }

    SystemClock clock;
    gui::MemoryTokenStore secrets;
    TrayApp::Options o;
    o.config = agent.config;
    o.configPath = agent.configPath;
    o.clock = &clock;
    o.secrets = &secrets;
    o.actions.confirm = [](QWidget *, const QString &, const QString &) { return true; };
    o.actions.open = [](const QUrl &) { return true; };
    o.controlSocket = false;
    o.watchers = false;
    o.transportFactory = [](const SenderProfile &profile, QString *) -> std::unique_ptr<Transport> {
        return std::make_unique<AnsweringOutboxTransport>(profile.transport.outboxDir);
    };
    TrayApp app(o);
    ASSERT_EQ(app.start(), QString());
    Engine &engine = *app.engine();
    // The incoming invoices as the engine records downloads; one was rejected already.
    int remote = 0;
    for (const QString &n :
         {QStringLiteral("de-rechnung"), QStringLiteral("sv-faktura"), QStringLiteral("pt-fatura")}) {
        IncomingRecord r;
        r.profile = p.id;
        r.remoteId = QStringLiteral("inbox-%1").arg(++remote);
        r.paths = {agent.path(QStringLiteral("incoming/") + n + QStringLiteral(".xml")),
                   agent.path(QStringLiteral("incoming/") + n + QStringLiteral(".pdf"))};
        r.invoiceNumber = n;
        r.receivedAt = r.storedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 30));
        QString error;
        const qint64 id = engine.incoming().record(r, &error);
        ASSERT_GT(id, 0) << qPrintable(error);
        if (n == QLatin1String("sv-faktura"))
            ASSERT_EQ(engine.incoming().setResponse(id, QStringLiteral("RE"),
                                                    QStringLiteral("Not ordered: PO 4711 missing"),
                                                    QDateTime(QDate(2025, 6, 3), QTime(14, 5))),
                      QString());
    }
    app.incoming()->rescan();
    // The figures show the usual desktop, which has a tray (the notice is tested on its own).
    app.window()->setTrayAvailable(true);
    QList<qint64> ids;
    for (const QString &n : {QStringLiteral("sv-faktura.pdf"), QStringLiteral("de-rechnung.pdf"),
                             QStringLiteral("pt-fatura.pdf"), QStringLiteral("en-credit-note.pdf"),
                             QStringLiteral("no-faktura.pdf"), QStringLiteral("en-consulting-invoice.pdf")}) {
        const Engine::Submitted s = engine.submitFile(sample(n), p.id, SourceKind::Folder);
        ASSERT_EQ(s.error, QString());
        ids << s.jobId;
    }
    ASSERT_TRUE(waitUntil([&] {
        if (!engine.isIdle())
            return false;
        for (qint64 id : ids) {
            const JobState s = engine.journal().job(id)->state;
            if (s != JobState::Ready && s != JobState::NeedsReview)
                return false;
        }
        return true;
    }));
    // One sent already, so the list shows the way through.
    ASSERT_EQ(engine.approve(ids[0]), QString());
    ASSERT_TRUE(waitUntil([&] { return engine.journal().job(ids[0])->state == JobState::Delivered; }));
    const qint64 review = ids.last();
    ASSERT_EQ(engine.journal().job(review)->state, JobState::NeedsReview);

    QueueWindow *w = app.window();
    w->resize(1400, 980);
    settle(w);
    ASSERT_TRUE(w->selectJob(review));
    JobDetailPane *pane = w->detailPane();
    QFocusEvent focusIn(QEvent::FocusIn, Qt::MouseFocusReason);
    QApplication::sendEvent(pane->fieldEditor(QStringLiteral("total_with_vat")), &focusIn);
    settle(w);
    EXPECT_EQ(w->model()->rowCount(), 6);
    EXPECT_FALSE(pane->pageView()->renderedPage().isNull());
    EXPECT_EQ(clippedTexts(w), QStringList()) << lang.toStdString();
    saveShot(w, QStringLiteral("queue-") + lang);

    w->showIncoming();
    for (int r = 0; r < app.incoming()->rowCount(); ++r)
        if (!app.incoming()->invoiceAt(r)->status.isEmpty())
            w->incomingTab()->table()->selectRow(r);
    settle(w);
    EXPECT_EQ(app.incoming()->rowCount(), 3);
    EXPECT_EQ(clippedTexts(w), QStringList()) << lang.toStdString();
    saveShot(w, QStringLiteral("incoming-") + lang);
    w->hide();

    AgentConfig configured = agent.config;
    configured.profiles.first().transport.kind = QStringLiteral("https");
    configured.profiles.first().transport.url = QStringLiteral("https://portal.example.com");
    configured.profiles.first().watchFolders = {QStringLiteral("/home/anna/Exports/Invoices")};
    SettingsDialog dialog(configured, agent.configPath, secrets);
    settle(&dialog);
    EXPECT_EQ(clippedTexts(&dialog), QStringList()) << lang.toStdString();
    saveShot(&dialog, QStringLiteral("settings-") + lang);
    dialog.tabs()->setCurrentIndex(1);
    settle(&dialog);
    EXPECT_EQ(clippedTexts(&dialog), QStringList()) << lang.toStdString();
    saveShot(&dialog, QStringLiteral("settings-profiles-") + lang);
    dialog.hide();

    SetupWizard wizard(agent.config, agent.configPath, secrets);
    settle(&wizard);
    EXPECT_EQ(clippedTexts(&wizard), QStringList()) << lang.toStdString();
    saveShot(&wizard, QStringLiteral("wizard-welcome-") + lang);
    wizard.next();
    wizard.portalPage()->urlEdit()->setText(QStringLiteral("https://portal.example.com"));
    settle(&wizard);
    EXPECT_EQ(clippedTexts(&wizard), QStringList()) << lang.toStdString();
    saveShot(&wizard, QStringLiteral("wizard-sending-") + lang);
    wizard.hide();
    app.stop();
    Language::apply(QStringLiteral("en"));
}

TEST(GuiScreenshotTest, English)
{
    takeScreenshots(QStringLiteral("en"));
}

TEST(GuiScreenshotTest, Swedish)
{
    takeScreenshots(QStringLiteral("sv"));
}

} // namespace

// TextOnlyColour: with it installed, LittleCMS builds no real colour transforms, and Poppler's
// words and boxes stay exactly what they were.

#include "pdftextlayout.h"
#include "testsupport.h"
#include "textonlycolour.h"

#include <QDir>
#include <QFile>
#include <gtest/gtest.h>
#include <lcms2.h>

using namespace einvoice;

namespace {

/// White (255, 255, 255) through an XYZ → sRGB transform, as Poppler builds them for a PDF/A
/// output intent.
QList<int> whiteThroughSrgb()
{
    cmsHPROFILE xyz = cmsCreateXYZProfile();
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    cmsHTRANSFORM t = cmsCreateTransform(srgb, TYPE_RGB_8, srgb, TYPE_RGB_8, INTENT_RELATIVE_COLORIMETRIC, 0);
    cmsHTRANSFORM fromXyz =
        cmsCreateTransform(xyz, TYPE_XYZ_DBL, srgb, TYPE_RGB_8, INTENT_PERCEPTUAL, cmsFLAGS_NOCACHE);
    QList<int> out;
    if (t && fromXyz) {
        const unsigned char white[3] = {255, 255, 255};
        unsigned char rgb[3] = {1, 1, 1};
        cmsDoTransform(t, white, rgb, 1);
        out << rgb[0] << rgb[1] << rgb[2];
        const double d50[3] = {0.9642, 1.0, 0.8249};
        cmsDoTransform(fromXyz, d50, rgb, 1);
        out << rgb[0] << rgb[1] << rgb[2];
    }
    if (t)
        cmsDeleteTransform(t);
    if (fromXyz)
        cmsDeleteTransform(fromXyz);
    cmsCloseProfile(srgb);
    cmsCloseProfile(xyz);
    return out;
}

QString describe(const PdfWords &words)
{
    QString s;
    for (int p = 0; p < words.pages.size(); ++p)
        for (const TextWord &w : words.pages[p])
            s += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                     .arg(p)
                     .arg(w.box.x(), 0, 'f', 3)
                     .arg(w.box.y(), 0, 'f', 3)
                     .arg(w.box.width(), 0, 'f', 3)
                     .arg(w.box.height(), 0, 'f', 3)
                     .arg(w.text);
    return s;
}

} // namespace

TEST(TextOnlyColour, TransformsBuiltWhileInstalledMapEveryColourToZero)
{
    EXPECT_EQ(whiteThroughSrgb(), QList<int>({255, 255, 255, 255, 255, 255}));
    ASSERT_TRUE(TextOnlyColour::install());
    EXPECT_EQ(whiteThroughSrgb(), QList<int>({0, 0, 0, 0, 0, 0}));
    TextOnlyColour::uninstall();
    EXPECT_EQ(whiteThroughSrgb(), QList<int>({255, 255, 255, 255, 255, 255}));
}

TEST(TextOnlyColour, WordsAndBoxesOfEveryColourManagedCorpusPdfAreUnchanged)
{
    int compared = 0;
    for (const QString &set : {QStringLiteral("dev"), QStringLiteral("nordic-dev")}) {
        const QDir dir(test::sharedDir() + QStringLiteral("/corpus/") + set);
        for (const QString &name : dir.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
            const QByteArray bytes = f.readAll();
            if (!bytes.contains("/OutputIntents") && !bytes.contains("/ICCBased"))
                continue;
            const QString managed = describe(PdfTextLayout::readWords(f.fileName()));
            ASSERT_TRUE(TextOnlyColour::install());
            const QString textOnly = describe(PdfTextLayout::readWords(f.fileName()));
            TextOnlyColour::uninstall();
            EXPECT_FALSE(managed.isEmpty()) << name.toStdString();
            EXPECT_EQ(textOnly, managed) << name.toStdString();
            ++compared;
        }
    }
    EXPECT_GE(compared, 20) << "the corpus should hold PDF/A invoices with output intents";
}

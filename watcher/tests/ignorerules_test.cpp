#include "filesystemprobe.h"
#include "ignorerules.h"

#include <gtest/gtest.h>

using namespace einvoice;

TEST(IgnoreRules, Table)
{
    const IgnoreRules rules;
    struct Case
    {
        const char *name;
        IgnoreRules::Verdict verdict;
    };
    using V = IgnoreRules::Verdict;
    const Case cases[] = {
        {"invoice.pdf", V::Accept},
        {"RECHNUNG.PDF", V::Accept},
        {"Faktura 2025 03.pdf", V::Accept},
        {"ubl-invoice.XML", V::Accept},
        {"x.pdf.part", V::Temporary},
        {"x.pdf.tmp", V::Temporary},
        {"x.filepart", V::Temporary},
        {"x.crdownload", V::Temporary},
        {"~$report.pdf", V::Temporary},
        {".~lock.x.pdf#", V::Temporary},
        {".hidden.pdf", V::Temporary},
        {".x.swp", V::Temporary},
        {"notes.txt", V::Unsupported},
        {"pdf", V::Unsupported},
        {"photo.jpeg", V::Unsupported},
        {"x.PDF.PART", V::Temporary},
        {"x.pdf.swp", V::Temporary},
        {".~lock.Faktura 1.xml#", V::Temporary},
        {"x.xml.tmp", V::Temporary},
        {".einvoice-selftest-1", V::Temporary},
        {"x.Xml", V::Accept},
        {"  spaced  name .pdf", V::Accept},
        {"pdf.xml", V::Accept},
        {"x.pdf.bak", V::Unsupported},
    };
    for (const Case &c : cases)
        EXPECT_EQ(rules.classify(QString::fromUtf8(c.name)), c.verdict) << c.name;
}

TEST(IgnoreRules, NonAsciiInNfcAndNfd)
{
    const IgnoreRules rules;
    const QString nfc = QStringLiteral("Räkning Å.pdf");
    const QString nfd = nfc.normalized(QString::NormalizationForm_D);
    ASSERT_NE(nfc, nfd);
    EXPECT_TRUE(rules.accepts(nfc));
    EXPECT_TRUE(rules.accepts(nfd));
    EXPECT_EQ(rules.classify(QStringLiteral("~$Räkning.pdf").normalized(QString::NormalizationForm_D)),
              IgnoreRules::Verdict::Temporary);
}

TEST(FilesystemProbe, NetworkAndRemovableFileSystemsArePolled)
{
    EXPECT_FALSE(FilesystemProbe::classify(0xEF53).needsPolling); // ext4
    for (quint64 magic : {0x6969ULL, 0xFF534D42ULL, 0xFE534D42ULL, 0x2011BAB0ULL, 0x4D44ULL, 0x65735546ULL}) {
        const auto r = FilesystemProbe::classify(magic, QStringLiteral("/mnt/x"));
        EXPECT_TRUE(r.needsPolling) << std::hex << magic;
        EXPECT_TRUE(r.reason.contains(QStringLiteral("/mnt/x")));
    }
    EXPECT_TRUE(FilesystemProbe::probe(QStringLiteral("/tmp")).ok);
    EXPECT_FALSE(FilesystemProbe::probe(QStringLiteral("/no/such/folder")).ok);
}

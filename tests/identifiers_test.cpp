#include "codelists.h"
#include "identifiers.h"

#include <gtest/gtest.h>

using namespace einvoice;
namespace id = einvoice::identifiers;

TEST(IdentifiersTest, Iban)
{
    EXPECT_TRUE(id::isValidIban(QStringLiteral("SE4550000000058398257466")));
    EXPECT_TRUE(id::isValidIban(QStringLiteral("DE89370400440532013000")));
    EXPECT_TRUE(id::isValidIban(QStringLiteral("DE89 3704 0044 0532 0130 00")));
    EXPECT_TRUE(id::isValidIban(QStringLiteral("gb82west12345698765432")));
    EXPECT_FALSE(id::isValidIban(QStringLiteral("DE89370400440532013001")));
    EXPECT_FALSE(id::isValidIban(QStringLiteral("DE8937040044")));
    EXPECT_FALSE(id::isValidIban(QStringLiteral("1289370400440532013000")));
    EXPECT_FALSE(id::isValidIban(QString()));
}

TEST(IdentifiersTest, SwedishOrgNumber)
{
    EXPECT_TRUE(id::isValidSwedishOrgNumber(QStringLiteral("5560360793")));
    EXPECT_TRUE(id::isValidSwedishOrgNumber(QStringLiteral("2021004508")));
    EXPECT_FALSE(id::isValidSwedishOrgNumber(QStringLiteral("5560360794")));
    EXPECT_FALSE(id::isValidSwedishOrgNumber(QStringLiteral("556036-0793"))); // Peppol wants digits only
    EXPECT_TRUE(id::isValidSwedishOrgNumber(id::compactIdentifier(QStringLiteral("556036-0793"))));
    EXPECT_FALSE(id::isValidSwedishOrgNumber(QStringLiteral("556036079")));
}

TEST(IdentifiersTest, Luhn)
{
    EXPECT_TRUE(id::luhnValid(QStringLiteral("79927398713")));
    EXPECT_FALSE(id::luhnValid(QStringLiteral("79927398710")));
    EXPECT_FALSE(id::luhnValid(QStringLiteral("7992a398713")));
}

TEST(IdentifiersTest, NorwegianOrgNumber)
{
    EXPECT_TRUE(id::isValidNorwegianOrgNumber(QStringLiteral("987654325")));
    EXPECT_TRUE(id::isValidNorwegianOrgNumber(QStringLiteral("123456785")));
    EXPECT_FALSE(id::isValidNorwegianOrgNumber(QStringLiteral("987654321")));
    EXPECT_FALSE(id::isValidNorwegianOrgNumber(QStringLiteral("98765432")));
    EXPECT_FALSE(id::isValidNorwegianOrgNumber(QStringLiteral("NO987654325")));
}

TEST(IdentifiersTest, DanishCvr)
{
    EXPECT_TRUE(id::isValidDanishCvrFormat(QStringLiteral("12345678")));
    EXPECT_TRUE(id::isValidDanishCvrFormat(QStringLiteral("DK12345678")));
    EXPECT_FALSE(id::isValidDanishCvrFormat(QStringLiteral("1234567")));
    EXPECT_FALSE(id::isValidDanishCvrFormat(QStringLiteral("DK1234567X")));
    EXPECT_TRUE(id::danishCvrChecksumOk(QStringLiteral("10150817")));
    EXPECT_TRUE(id::danishCvrChecksumOk(QStringLiteral("DK25313763")));
    EXPECT_FALSE(id::danishCvrChecksumOk(QStringLiteral("12345678")));
}

TEST(IdentifiersTest, FinnishBusinessId)
{
    EXPECT_TRUE(id::isValidFinnishBusinessId(QStringLiteral("1572860-0")));
    EXPECT_TRUE(id::isValidFinnishBusinessId(QStringLiteral("0112038-9")));
    EXPECT_TRUE(id::isValidFinnishBusinessId(QStringLiteral("07375462")));
    EXPECT_FALSE(id::isValidFinnishBusinessId(QStringLiteral("1572860-1")));
    EXPECT_FALSE(id::isValidFinnishBusinessId(QStringLiteral("1572860")));
    EXPECT_FALSE(id::isValidFinnishBusinessId(QStringLiteral("157286-00")));
}

TEST(IdentifiersTest, Gln)
{
    EXPECT_TRUE(id::isValidGln(QStringLiteral("7300010000001")));
    EXPECT_TRUE(id::isValidGln(QStringLiteral("5790000435975")));
    EXPECT_FALSE(id::isValidGln(QStringLiteral("7300010000002")));
    EXPECT_FALSE(id::isValidGln(QStringLiteral("730001000000"))); // 12 digits
    // The Peppol rule applies the GS1 check digit to any length.
    EXPECT_TRUE(id::gs1CheckDigitValid(QStringLiteral("9482348239847239874")));
    EXPECT_FALSE(id::gs1CheckDigitValid(QStringLiteral("9483759475923478")));
}

TEST(IdentifiersTest, BelgianEnterpriseNumber)
{
    EXPECT_TRUE(id::isValidBelgianEnterpriseNumber(QStringLiteral("0123456749")));
    EXPECT_FALSE(id::isValidBelgianEnterpriseNumber(QStringLiteral("0123456748")));
    EXPECT_FALSE(id::isValidBelgianEnterpriseNumber(QStringLiteral("123456749")));
    EXPECT_FALSE(id::isValidBelgianEnterpriseNumber(QStringLiteral("2123456749")));
}

TEST(IdentifiersTest, AustralianAbn)
{
    EXPECT_TRUE(id::isValidAustralianAbn(QStringLiteral("51824753556")));
    EXPECT_FALSE(id::isValidAustralianAbn(QStringLiteral("51824753557")));
}

TEST(IdentifiersTest, VatIdCountryPrefix)
{
    EXPECT_EQ(id::vatIdCountryPrefix(QStringLiteral("SE556036079301")), QStringLiteral("SE"));
    EXPECT_EQ(id::vatIdCountry(QStringLiteral("EL123456789")), QStringLiteral("GR"));
    EXPECT_TRUE(id::hasValidVatIdCountryPrefix(QStringLiteral("EL123456789")));
    EXPECT_TRUE(id::hasValidVatIdCountryPrefix(QStringLiteral("XI123456789")));
    EXPECT_FALSE(id::hasValidVatIdCountryPrefix(QStringLiteral("QQ123456789")));
    EXPECT_FALSE(id::hasValidVatIdCountryPrefix(QStringLiteral("556036079301")));
    EXPECT_TRUE(id::vatIdCountryPrefix(QStringLiteral("se556036079301")).isEmpty());
}

TEST(CodeListsTest, Membership)
{
    EXPECT_TRUE(codelists::isCurrency(QStringLiteral("SEK")));
    EXPECT_FALSE(codelists::isCurrency(QStringLiteral("XYZ")));
    EXPECT_TRUE(codelists::isCountry(QStringLiteral("1A")));
    EXPECT_TRUE(codelists::isCountry(QStringLiteral("XI")));
    EXPECT_FALSE(codelists::isCountry(QStringLiteral("EL")));
    for (const char *unit : {"C62", "H87", "EA", "HUR", "DAY", "MON", "KGM", "MTR", "LTR", "MTK", "MTQ",
                             "KWH", "SET", "XBX", "NAR", "IE", "KWT", "ZZ"})
        EXPECT_TRUE(codelists::isUnitCode(QString::fromLatin1(unit))) << unit;
    EXPECT_FALSE(codelists::isUnitCode(QStringLiteral("PCS")));
    EXPECT_TRUE(codelists::isVatexCode(QStringLiteral("vatex-eu-132-1a")));
    EXPECT_TRUE(codelists::isVatexCode(QStringLiteral("VATEX-FR-FRANCHISE")));
    EXPECT_FALSE(codelists::isVatexCode(QStringLiteral("VATEX-EU-XYZ")));
    EXPECT_TRUE(codelists::isEas(QStringLiteral("EM")));
    EXPECT_FALSE(codelists::isPeppolEas(QStringLiteral("EM")));
    EXPECT_TRUE(codelists::isPeppolEas(QStringLiteral("0007")));
    EXPECT_TRUE(codelists::isIcd(QStringLiteral("0088")));
    EXPECT_FALSE(codelists::isIcd(QStringLiteral("0092")));
    EXPECT_TRUE(codelists::isChargeReasonCode(QStringLiteral("FC")));
    EXPECT_TRUE(codelists::isAllowanceReasonCode(QStringLiteral("95")));
    EXPECT_FALSE(codelists::isAllowanceReasonCode(QStringLiteral("1")));
}

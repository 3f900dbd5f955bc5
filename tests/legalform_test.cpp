#include "legalform.h"

#include <gtest/gtest.h>

using einvoice::LegalForm;

namespace {
qsizetype start(const char *text)
{
    return LegalForm::startIn(QString::fromUtf8(text));
}
} // namespace

TEST(LegalForm, FindsTheFormEndingAName)
{
    EXPECT_EQ(start("Acme GmbH"), 4);
    EXPECT_EQ(start("Nordvik AS"), 7);
    EXPECT_EQ(start("Nordvik AS  "), 7); // trailing white space does not count
    EXPECT_EQ(start("Acme,GmbH"), 4);    // after a comma
    EXPECT_EQ(start("Oy Ab"), 2);        // the last form, with its space
    EXPECT_EQ(start("Pohjola Osakeyhtiö"), 7);
    EXPECT_EQ(start("Revisão Lda."), 7);
    EXPECT_EQ(start("Revisão Lda"), 7);
    EXPECT_EQ(start("Hansen A/S"), 6);
    EXPECT_EQ(start("Musterbau e.K."), 9);
    EXPECT_EQ(start("Musterbau e. K."), 9);
}

TEST(LegalForm, TheWholeCompoundFormWins)
{
    // "KG" alone would also end the name; the match starts where the longest form starts.
    EXPECT_EQ(start("Müller GmbH & Co. KG"), 6);
    EXPECT_EQ(start("Müller GmbH&Co.KG"), 6);
    EXPECT_EQ(start("Müller GmbH & Co KG"), 6);
    EXPECT_EQ(start("Müller Co. KG"), 6);
}

TEST(LegalForm, AFormAloneStartsAtZero)
{
    EXPECT_EQ(start("GmbH"), 0);
    EXPECT_EQ(start(" AS"), 0);
    EXPECT_EQ(start("S.A.R.L."), 0);
}

TEST(LegalForm, OnlyAWholeWordIsAForm)
{
    EXPECT_EQ(start("Gasmbh"), -1); // inside a word
    EXPECT_EQ(start("ACMEAS"), -1); // no space or comma before it
    EXPECT_EQ(start("Acme GmbHx"), -1);
    EXPECT_EQ(start("Acme gmbh"), -1); // case matters: "gmbh" is no form
    EXPECT_EQ(start("Acme GmbH, Berlin"), -1);
    EXPECT_EQ(start(""), -1);
    EXPECT_FALSE(LegalForm::endsIn(QStringLiteral("Storgata 1")));
    EXPECT_TRUE(LegalForm::endsIn(QStringLiteral("Storgata Eiendom AS")));
}

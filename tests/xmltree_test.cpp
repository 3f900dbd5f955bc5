#include "testsupport.h"
#include "xmltree.h"

#include <gtest/gtest.h>

using namespace einvoice;

TEST(XmlTree, ParsesNamespacesAndText)
{
    XmlError err;
    auto root = XmlTree::parse("<a:r xmlns:a='urn:x'><a:c k='v'> hi </a:c><a:c>2</a:c></a:r>", &err);
    ASSERT_TRUE(root) << err.message.toStdString();
    EXPECT_EQ(root->ns, "urn:x");
    EXPECT_EQ(root->name, "r");
    EXPECT_EQ(root->childrenNamed("c").size(), 2);
    EXPECT_EQ(root->textAt("c"), "hi");
    EXPECT_EQ(root->child("c")->attribute("k"), "v");
}

TEST(XmlTree, RejectsExternalEntity)
{
    const QByteArray xxe = "<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                           "<r>&x;</r>";
    XmlError err;
    EXPECT_FALSE(XmlTree::parse(xxe, &err));
    EXPECT_TRUE(err.message.contains("DTD")) << err.message.toStdString();
}

TEST(XmlTree, RejectsBillionLaughs)
{
    QByteArray bomb = "<?xml version='1.0'?>\n<!DOCTYPE lolz [<!ENTITY lol0 'lol'>";
    for (int i = 1; i < 10; ++i) {
        const QByteArray prev = "&lol" + QByteArray::number(i - 1) + ";";
        bomb += "<!ENTITY lol" + QByteArray::number(i) + " '" + prev.repeated(10) + "'>";
    }
    bomb += "]>\n<lolz>&lol9;</lolz>";
    XmlError err;
    EXPECT_FALSE(XmlTree::parse(bomb, &err));
    EXPECT_FALSE(err.message.isEmpty());
}

TEST(XmlTree, RejectsTruncated)
{
    XmlError err;
    EXPECT_FALSE(XmlTree::parse("<r><a>1</a><b>", &err));
    EXPECT_TRUE(err.message.contains("truncated")) << err.message.toStdString();
    EXPECT_GT(err.line, 0);
}

TEST(XmlTree, RejectsTooDeep)
{
    QByteArray deep;
    for (int i = 0; i < 200; ++i)
        deep += "<a>";
    for (int i = 0; i < 200; ++i)
        deep += "</a>";
    XmlError err;
    EXPECT_FALSE(XmlTree::parse(deep, &err));
    EXPECT_TRUE(err.message.contains("deeper")) << err.message.toStdString();
}

TEST(XmlTree, RejectsOversizeBeforeParsing)
{
    XmlError err;
    EXPECT_FALSE(XmlTree::parse(QByteArray(2048, ' '), &err, 1024));
    EXPECT_TRUE(err.message.contains("limit")) << err.message.toStdString();
}

TEST(XmlTree, FileErrorsNameTheFile)
{
    XmlError err;
    EXPECT_FALSE(XmlTree::parseFile("/nonexistent/x.xml", &err));
    EXPECT_TRUE(err.message.contains("/nonexistent/x.xml"));
}

TEST(XmlTree, EmptyAndGarbage)
{
    XmlError err;
    EXPECT_FALSE(XmlTree::parse("", &err));
    EXPECT_FALSE(XmlTree::parse("%PDF-1.4 not xml", &err));
    EXPECT_FALSE(err.message.isEmpty());
}

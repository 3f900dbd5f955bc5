#include "language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTranslator>

namespace einvoice::gui::Language {

QList<QPair<QString, QString>> available()
{
    return {{QString(), QCoreApplication::translate("einvoice::gui::Language", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("sv"), QStringLiteral("Svenska")},
            {QStringLiteral("nb"), QStringLiteral("Norsk bokmål")},
            {QStringLiteral("pt"), QStringLiteral("Português")}};
}

QString configured(const QString &configPath)
{
    if (configPath.isEmpty())
        return {};
    QSettings s(configPath, QSettings::IniFormat);
    return s.value(QStringLiteral("gui/language")).toString();
}

QString save(const QString &configPath, const QString &code)
{
    QSettings s(configPath, QSettings::IniFormat);
    s.setValue(QStringLiteral("gui/language"), code);
    s.sync();
    return s.status() == QSettings::NoError
               ? QString()
               : QCoreApplication::translate("einvoice::gui::Language", "%1: cannot write the configuration")
                     .arg(configPath);
}

QLocale apply(const QString &code)
{
    static QTranslator *installed = nullptr;
    static QTranslator *qtInstalled = nullptr;
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
    if (qtInstalled) {
        QCoreApplication::removeTranslator(qtInstalled);
        delete qtInstalled;
        qtInstalled = nullptr;
    }
    // "nb" alone is Norwegian bokmål; QLocale needs the country to pick the right formats.
    QLocale locale = code.isEmpty()                ? QLocale::system()
                     : code == QLatin1String("nb") ? QLocale(QLocale::NorwegianBokmal, QLocale::Norway)
                     : code == QLatin1String("sv") ? QLocale(QLocale::Swedish, QLocale::Sweden)
                     : code == QLatin1String("pt") ? QLocale(QLocale::Portuguese, QLocale::Portugal)
                                                   : QLocale(code);
    QLocale::setDefault(locale);
    auto *t = new QTranslator;
    if (t->load(locale, QStringLiteral("einvoice"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(t);
        installed = t;
    } else {
        delete t;
    }
    // Qt's own strings (dialog buttons) from the system's Qt translations when installed.
    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QStringLiteral("/usr/share/qt6/translations"))) {
        QCoreApplication::installTranslator(qt);
        qtInstalled = qt;
    } else {
        delete qt;
    }
    return locale;
}

} // namespace einvoice::gui::Language

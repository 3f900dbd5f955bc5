#include "localeformat.h"

namespace einvoice::gui::LocaleFormat {

QString amount(const Decimal &value, const QString &currency, const QLocale &locale)
{
    QString digits = value.abs().toString();
    QString fraction;
    const int dot = digits.indexOf(QLatin1Char('.'));
    if (dot >= 0) {
        fraction = digits.mid(dot + 1);
        digits.truncate(dot);
    }
    if (fraction.size() < 2)
        fraction = fraction.leftJustified(2, QLatin1Char('0'));
    // Group the integer part by hand: QLocale would need a double or a 64-bit integer, and a
    // Decimal's integer part can be longer than either represents exactly.
    QString grouped;
    const QString sep = locale.groupSeparator();
    for (int i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += sep;
        grouped += digits.at(i);
    }
    QString text = grouped + locale.decimalPoint() + fraction;
    if (value.isNegative())
        text.prepend(locale.negativeSign());
    return currency.isEmpty() ? text : text + QChar(0x00A0) + currency;
}

QString date(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : QString();
}

QString dateTime(const QDateTime &time, const QLocale &locale)
{
    return time.isValid() ? locale.toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace einvoice::gui::LocaleFormat

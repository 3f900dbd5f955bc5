#pragma once

#include "decimal.h"

#include <QDate>
#include <QLocale>
#include <QString>

namespace einvoice::gui {

/// Formats amounts and dates for people, in the UI's locale. Amounts stay Decimal all the way:
/// the digits are regrouped with the locale's separators, never converted to a float.
/// Stateless; any thread.
namespace LocaleFormat {
/// "1 234,50 SEK" in Swedish, "1,234.50 EUR" in English: the locale's grouping and decimal
/// separator, the ISO currency code after the amount (unambiguous across countries).
QString amount(const Decimal &value, const QString &currency, const QLocale &locale = QLocale());
QString date(const QDate &date, const QLocale &locale = QLocale());
QString dateTime(const QDateTime &time, const QLocale &locale = QLocale());
} // namespace LocaleFormat

} // namespace einvoice::gui

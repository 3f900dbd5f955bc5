#pragma once

#include "decimal.h"

#include <QList>
#include <QString>
#include <optional>

namespace einvoice {

/// An amount found inside a piece of text.
struct FoundNumber
{
    Decimal value;
    int start = 0; // position in the text
    int length = 0;
    bool percent = false;     // followed by '%'
    bool hasDecimals = false; // printed with a decimal mark
    QString currency;         // ISO code when a symbol or code touches the number
};

/// Reads amounts as printed in any European or English locale: `1 234,56`, `1.234,56`,
/// `1,234.56`, `1'234.56`, `-12,50`, `12,50-`, `(12.50)`, `kr 1 234,50`, `1.234,56 €`.
/// The printed digits are kept exactly (no doubles, no rounding).
class NumberParser
{
public:
    /// Which mark a document uses for decimals; decides `1.234` / `1,234` when nothing else does.
    enum class DecimalMark
    {
        Unknown,
        Comma,
        Point
    };

    explicit NumberParser(DecimalMark mark = DecimalMark::Unknown) : m_mark(mark) {}

    /// The whole text must be one amount (with optional currency and sign).
    std::optional<Decimal> parse(const QString &text) const;
    /// Every number in @p text, left to right.
    QList<FoundNumber> findAll(const QString &text) const;

    /// Guesses the decimal mark from the amounts in a whole document (counts `,dd` vs `.dd`).
    static DecimalMark guessMark(const QString &documentText);
    /// ISO 4217 code for a currency symbol or code (`€`, `kr`, `SEK`, `$`); empty when none.
    static QString currencyCode(const QString &token);

private:
    std::optional<Decimal> parseDigits(QString body, bool *hasDecimals) const;

    DecimalMark m_mark;
};

} // namespace einvoice

#pragma once

#include <QString>
#include <optional>

namespace einvoice {

/// Exact decimal number for money, quantities, prices and rates.
///
/// Holds a 128-bit integer mantissa and a scale (number of fraction digits). The scale written
/// in a document is kept, so "20.0000" reads and writes back as "20.0000". Arithmetic is exact;
/// rounding is explicit and follows EN 16931 (half away from zero, "commercial rounding").
/// A value type: cheap to copy, no shared state, safe to use from any thread.
class Decimal
{
public:
    Decimal() = default;
    Decimal(long long units) : m_mantissa(units), m_scale(0) {} // NOLINT: implicit from integers is intended

    /// Parses "-1234.5", "+0.50", "12". No exponent, no grouping, '.' as decimal mark.
    static std::optional<Decimal> parse(const QString &text);
    /// Like parse() but returns zero for invalid input; for literals in code and tests.
    static Decimal fromString(const QString &text);
    static Decimal fromParts(__int128 mantissa, int scale);

    QString toString() const;
    /// The value with exactly @p decimals fraction digits, rounded half away from zero.
    QString toString(int decimals) const { return rounded(decimals).toString(); }

    Decimal rounded(int decimals) const;
    /// Removes trailing fraction zeros ("20.0000" -> "20").
    Decimal normalized() const;
    Decimal withScale(int decimals) const { return rounded(decimals); }

    int scale() const { return m_scale; }
    int signum() const { return m_mantissa > 0 ? 1 : (m_mantissa < 0 ? -1 : 0); }
    bool isZero() const { return m_mantissa == 0; }
    bool isNegative() const { return m_mantissa < 0; }
    Decimal abs() const { return isNegative() ? -*this : *this; }
    /// Number of significant fraction digits (trailing zeros ignored).
    int fractionDigits() const { return normalized().m_scale; }

    Decimal operator-() const { return fromParts(-m_mantissa, m_scale); }
    Decimal operator+(const Decimal &o) const;
    Decimal operator-(const Decimal &o) const { return *this + (-o); }
    Decimal operator*(const Decimal &o) const;
    /// Division to @p decimals fraction digits, rounded half away from zero. Division by zero gives zero.
    Decimal divided(const Decimal &o, int decimals) const;
    Decimal &operator+=(const Decimal &o) { return *this = *this + o; }
    Decimal &operator-=(const Decimal &o) { return *this = *this - o; }

    int compare(const Decimal &o) const;
    bool operator==(const Decimal &o) const { return compare(o) == 0; }
    bool operator!=(const Decimal &o) const { return compare(o) != 0; }
    bool operator<(const Decimal &o) const { return compare(o) < 0; }
    bool operator<=(const Decimal &o) const { return compare(o) <= 0; }
    bool operator>(const Decimal &o) const { return compare(o) > 0; }
    bool operator>=(const Decimal &o) const { return compare(o) >= 0; }

private:
    __int128 m_mantissa = 0;
    int m_scale = 0;
};

using OptDecimal = std::optional<Decimal>;

} // namespace einvoice

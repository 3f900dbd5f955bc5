#include "decimal.h"

#include <algorithm>

namespace einvoice {

namespace {
constexpr int kMaxScale = 30;

__int128 pow10(int n)
{
    __int128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

// Brings both operands to the same scale.
void align(__int128 &a, int sa, __int128 &b, int sb, int &scale)
{
    scale = std::max(sa, sb);
    a *= pow10(scale - sa);
    b *= pow10(scale - sb);
}
} // namespace

Decimal Decimal::fromParts(__int128 mantissa, int scale)
{
    Decimal d;
    d.m_mantissa = mantissa;
    d.m_scale = scale;
    return d;
}

std::optional<Decimal> Decimal::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty() || text.size() > 40)
        return std::nullopt;
    int i = 0;
    bool negative = false;
    if (text[0] == QLatin1Char('-') || text[0] == QLatin1Char('+')) {
        negative = text[0] == QLatin1Char('-');
        ++i;
    }
    __int128 mantissa = 0;
    int scale = 0;
    bool seenPoint = false;
    int digits = 0;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('.')) {
            if (seenPoint)
                return std::nullopt;
            seenPoint = true;
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        mantissa = mantissa * 10 + (c.unicode() - '0');
        ++digits;
        if (seenPoint)
            ++scale;
    }
    if (digits == 0 || scale > kMaxScale)
        return std::nullopt;
    return fromParts(negative ? -mantissa : mantissa, scale);
}

Decimal Decimal::fromString(const QString &text)
{
    return parse(text).value_or(Decimal());
}

QString Decimal::toString() const
{
    __int128 v = m_mantissa < 0 ? -m_mantissa : m_mantissa;
    QString digits;
    do {
        digits.prepend(QChar('0' + int(v % 10)));
        v /= 10;
    } while (v > 0);
    while (digits.size() <= m_scale)
        digits.prepend(QLatin1Char('0'));
    if (m_scale > 0)
        digits.insert(digits.size() - m_scale, QLatin1Char('.'));
    if (m_mantissa < 0)
        digits.prepend(QLatin1Char('-'));
    return digits;
}

Decimal Decimal::rounded(int decimals) const
{
    decimals = std::clamp(decimals, 0, kMaxScale);
    if (decimals >= m_scale)
        return fromParts(m_mantissa * pow10(decimals - m_scale), decimals);
    const __int128 div = pow10(m_scale - decimals);
    __int128 q = m_mantissa / div;
    const __int128 r = m_mantissa % div;
    const __int128 twice = (r < 0 ? -r : r) * 2;
    if (twice >= div)
        q += m_mantissa < 0 ? -1 : 1;
    return fromParts(q, decimals);
}

Decimal Decimal::normalized() const
{
    Decimal d = *this;
    while (d.m_scale > 0 && d.m_mantissa % 10 == 0) {
        d.m_mantissa /= 10;
        --d.m_scale;
    }
    return d;
}

Decimal Decimal::operator+(const Decimal &o) const
{
    __int128 a = m_mantissa, b = o.m_mantissa;
    int scale = 0;
    align(a, m_scale, b, o.m_scale, scale);
    return fromParts(a + b, scale);
}

Decimal Decimal::operator*(const Decimal &o) const
{
    Decimal r = fromParts(m_mantissa * o.m_mantissa, m_scale + o.m_scale);
    if (r.m_scale > kMaxScale)
        r = r.rounded(kMaxScale);
    return r;
}

Decimal Decimal::divided(const Decimal &o, int decimals) const
{
    if (o.m_mantissa == 0)
        return Decimal();
    decimals = std::clamp(decimals, 0, kMaxScale);
    // value = (m1 / 10^s1) / (m2 / 10^s2); compute with two extra digits, then round.
    const int extra = 2;
    const int shift = decimals + extra + o.m_scale - m_scale;
    __int128 num = m_mantissa;
    __int128 den = o.m_mantissa;
    if (shift >= 0)
        num *= pow10(shift);
    else
        den *= pow10(-shift);
    __int128 q = num / den;
    const __int128 r = num % den;
    // Keep a sticky bit so that e.g. 0.0049999 does not round like 0.005.
    Decimal raw = fromParts(q * 10 + (r != 0 ? (q < 0 || (q == 0 && (num < 0) != (den < 0)) ? -1 : 1) : 0),
                            decimals + extra + 1);
    return raw.rounded(decimals);
}

int Decimal::compare(const Decimal &o) const
{
    __int128 a = m_mantissa, b = o.m_mantissa;
    int scale = 0;
    align(a, m_scale, b, o.m_scale, scale);
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace einvoice

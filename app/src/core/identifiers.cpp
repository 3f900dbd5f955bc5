#include "identifiers.h"

#include "codelists.h"

namespace einvoice::identifiers {

QString compactIdentifier(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('/'))
            continue;
        out.append(c);
    }
    return out;
}

bool isDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

static int digitAt(const QString &s, int i)
{
    return s.at(i).unicode() - '0';
}

bool luhnValid(const QString &digits)
{
    if (!isDigits(digits))
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (int i = digits.size() - 1; i >= 0; --i) {
        int d = digitAt(digits, i);
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

bool gs1CheckDigitValid(const QString &digits)
{
    if (!isDigits(digits) || digits.size() < 2)
        return false;
    int sum = 0;
    // Weights start with 3 on the digit next to the check digit and alternate 3,1,3,...
    int weight = 3;
    for (int i = digits.size() - 2; i >= 0; --i) {
        sum += digitAt(digits, i) * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10 == digitAt(digits, digits.size() - 1);
}

bool isValidIban(const QString &iban)
{
    QString s;
    for (const QChar c : iban) {
        if (!c.isSpace())
            s.append(c.toUpper());
    }
    if (s.size() < 15 || s.size() > 34)
        return false;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const bool letter = c >= QLatin1Char('A') && c <= QLatin1Char('Z');
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (i < 2 && !letter)
            return false;
        if (i >= 2 && i < 4 && !digit)
            return false;
        if (!letter && !digit)
            return false;
    }
    // Move the first four characters to the end, letters become 10..35, then mod 97 piecewise
    // so the number never overflows.
    const QString rearranged = s.mid(4) + s.left(4);
    int remainder = 0;
    for (const QChar c : rearranged) {
        if (c.isDigit()) {
            remainder = (remainder * 10 + (c.unicode() - '0')) % 97;
        } else {
            const int v = c.unicode() - 'A' + 10;
            remainder = (remainder * 100 + v) % 97;
        }
    }
    return remainder == 1;
}

bool isValidSwedishOrgNumber(const QString &number)
{
    return number.size() == 10 && isDigits(number) && luhnValid(number);
}

bool isValidNorwegianOrgNumber(const QString &number)
{
    if (number.size() != 9 || !isDigits(number))
        return false;
    static const int weights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += digitAt(number, i) * weights[i];
    int check = 11 - sum % 11;
    if (check == 11)
        check = 0;
    if (check == 10)
        return false; // such numbers are never issued
    return check == digitAt(number, 8);
}

static QString stripDk(const QString &number)
{
    return number.startsWith(QLatin1String("DK")) ? number.mid(2) : number;
}

bool isValidDanishCvrFormat(const QString &number)
{
    const QString digits = stripDk(number);
    return digits.size() == 8 && isDigits(digits);
}

bool danishCvrChecksumOk(const QString &number)
{
    const QString digits = stripDk(number);
    if (digits.size() != 8 || !isDigits(digits))
        return false;
    static const int weights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += digitAt(digits, i) * weights[i];
    return sum % 11 == 0;
}

bool isValidFinnishBusinessId(const QString &id)
{
    QString digits;
    if (id.size() == 9 && id.at(7) == QLatin1Char('-'))
        digits = id.left(7) + id.mid(8);
    else if (id.size() == 8)
        digits = id;
    else
        return false;
    if (!isDigits(digits))
        return false;
    static const int weights[7] = {7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 7; ++i)
        sum += digitAt(digits, i) * weights[i];
    const int remainder = sum % 11;
    if (remainder == 1)
        return false; // not issued
    const int check = remainder == 0 ? 0 : 11 - remainder;
    return check == digitAt(digits, 7);
}

bool isValidGln(const QString &gln)
{
    return gln.size() == 13 && gs1CheckDigitValid(gln);
}

bool isValidBelgianEnterpriseNumber(const QString &number)
{
    if (number.size() != 10 || !isDigits(number))
        return false;
    if (number.at(0) != QLatin1Char('0') && number.at(0) != QLatin1Char('1'))
        return false;
    const long long base = number.left(8).toLongLong();
    const int check = number.mid(8).toInt();
    return 97 - base % 97 == check;
}

bool isValidAustralianAbn(const QString &abn)
{
    if (abn.size() != 11 || !isDigits(abn))
        return false;
    static const int weights[11] = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    int sum = 0;
    for (int i = 0; i < 11; ++i) {
        int d = digitAt(abn, i);
        if (i == 0)
            d -= 1;
        sum += d * weights[i];
    }
    return sum % 89 == 0;
}

QString vatIdCountryPrefix(const QString &vatId)
{
    const QString t = vatId.trimmed();
    if (t.size() < 2)
        return QString();
    const QChar a = t.at(0), b = t.at(1);
    auto isUpper = [](QChar c) { return c >= QLatin1Char('A') && c <= QLatin1Char('Z'); };
    if (!isUpper(a) || !isUpper(b))
        return QString();
    return t.left(2);
}

bool hasValidVatIdCountryPrefix(const QString &vatId)
{
    const QString prefix = vatIdCountryPrefix(vatId);
    if (prefix.isEmpty())
        return false;
    return prefix == QLatin1String("EL") || codelists::isCountry(prefix);
}

QString vatIdCountry(const QString &vatId)
{
    const QString prefix = vatIdCountryPrefix(vatId);
    if (prefix == QLatin1String("EL"))
        return QStringLiteral("GR");
    return prefix;
}

} // namespace einvoice::identifiers

#include "titlesanitizer.h"

#include <cstdint>

namespace einvoice::backend {

namespace {

bool isFileNameChar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool endsWithPdf(const std::string &s)
{
    if (s.size() < 4)
        return false;
    std::string tail = s.substr(s.size() - 4);
    for (char &c : tail)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return tail == ".pdf";
}

void trimUnderscores(std::string &s)
{
    std::size_t begin = s.find_first_not_of('_');
    if (begin == std::string::npos) {
        s.clear();
        return;
    }
    std::size_t end = s.find_last_not_of('_');
    s = s.substr(begin, end - begin + 1);
}

// Decodes one UTF-8 sequence at s[i]; returns the code point (U+FFFD for an invalid sequence)
// and advances i past what was consumed. Rejects overlong forms, surrogates and > U+10FFFF.
char32_t decodeOne(const std::string &s, std::size_t &i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
        minimum = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
        minimum = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
        minimum = 0x10000;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + length > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k < length; ++k) {
        unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += length;
    return cp;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isRemovedControl(char32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return true;
    // Bidirectional marks, embeddings, overrides and isolates can make a title display as
    // something other than what it is ("invoice<RLO>fdp.exe").
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

std::string TitleSanitizer::forFileName(const std::string &title)
{
    std::string source = endsWithPdf(title) ? title.substr(0, title.size() - 4) : title;
    std::string out;
    for (char c : source) {
        if (isFileNameChar(static_cast<unsigned char>(c)))
            out += c;
        else if (out.empty() || out.back() != '_')
            out += '_';
    }
    trimUnderscores(out);
    if (out.size() > kMaxFileNameLength) {
        out.resize(kMaxFileNameLength);
        trimUnderscores(out);
    }
    return out.empty() ? std::string("untitled") : out;
}

std::string TitleSanitizer::forDisplay(const std::string &text, std::size_t maxCodePoints)
{
    std::string out;
    std::size_t count = 0;
    bool pendingSpace = false;
    std::size_t i = 0;
    while (i < text.size() && count < maxCodePoints) {
        char32_t cp = decodeOne(text, i);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C) {
            pendingSpace = !out.empty();
            continue;
        }
        if (isRemovedControl(cp))
            continue;
        if (pendingSpace) {
            out += ' ';
            ++count;
            pendingSpace = false;
            if (count >= maxCodePoints)
                break;
        }
        appendUtf8(out, cp);
        ++count;
    }
    return out;
}

} // namespace einvoice::backend

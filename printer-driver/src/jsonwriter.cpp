#include "jsonwriter.h"

#include <cstdio>

namespace einvoice::backend {

JsonWriter &JsonWriter::add(const std::string &key, const std::string &value)
{
    member(key, quote(value));
    return *this;
}

JsonWriter &JsonWriter::add(const std::string &key, std::int64_t value)
{
    member(key, std::to_string(value));
    return *this;
}

JsonWriter &JsonWriter::add(const std::string &key, const std::optional<std::string> &value)
{
    member(key, value ? quote(*value) : std::string("null"));
    return *this;
}

JsonWriter &JsonWriter::add(const std::string &key, const std::optional<std::int64_t> &value)
{
    member(key, value ? std::to_string(*value) : std::string("null"));
    return *this;
}

JsonWriter &JsonWriter::addNull(const std::string &key)
{
    member(key, "null");
    return *this;
}

std::string JsonWriter::finish() const
{
    return "{\n" + m_body + "\n}\n";
}

std::string JsonWriter::quote(const std::string &value)
{
    std::string out = "\"";
    for (char ch : value) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

void JsonWriter::member(const std::string &key, const std::string &rawValue)
{
    if (!m_body.empty())
        m_body += ",\n";
    m_body += "  " + quote(key) + ": " + rawValue;
}

} // namespace einvoice::backend

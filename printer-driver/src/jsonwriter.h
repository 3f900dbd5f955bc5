#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace einvoice::backend {

/// Builds one flat JSON object, one member per line, in the order the members are added (the
/// capture metadata of docs/printer.md). Strings must be valid UTF-8 (TitleSanitizer::forDisplay
/// output); quotes, backslashes and every control character are escaped. A value type.
class JsonWriter
{
public:
    JsonWriter &add(const std::string &key, const std::string &value);
    JsonWriter &add(const std::string &key, std::int64_t value);
    JsonWriter &add(const std::string &key, const std::optional<std::string> &value);
    JsonWriter &add(const std::string &key, const std::optional<std::int64_t> &value);
    JsonWriter &addNull(const std::string &key);

    /// The finished object, ending with a newline.
    std::string finish() const;

    /// `value` as a JSON string literal, with its quotes.
    static std::string quote(const std::string &value);

private:
    void member(const std::string &key, const std::string &rawValue);

    std::string m_body;
};

} // namespace einvoice::backend

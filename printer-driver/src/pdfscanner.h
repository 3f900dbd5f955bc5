#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

struct evp_md_ctx_st;

namespace einvoice::backend {

/// Looks at the job data as it streams past, without keeping it: size, SHA-256, whether it
/// starts like a PDF, and the number of page objects (`/Type /Page`, not `/Pages`). Pages inside
/// compressed object streams are invisible to a byte scan, so pages() is empty when none were
/// seen rather than a wrong zero. Not copyable; single-threaded.
class PdfScanner
{
public:
    PdfScanner();
    ~PdfScanner();
    PdfScanner(const PdfScanner &) = delete;
    PdfScanner &operator=(const PdfScanner &) = delete;

    void feed(const char *data, std::size_t length);

    std::uint64_t size() const { return m_size; }
    /// True when "%PDF-" occurs within the first 1024 bytes (what PDF readers accept).
    bool looksLikePdf() const;
    /// Page objects counted, or empty when none was found.
    std::optional<std::int64_t> pages() const;
    /// Lower-case hex SHA-256 of everything fed; call once, after the last feed().
    std::string sha256Hex();

private:
    void endName();

    std::uint64_t m_size = 0;
    std::string m_head;
    std::int64_t m_pageObjects = 0;
    // Name tokenizer state: the name being read, whether we are inside one, and whether the
    // previous token was the name /Type with only white space since.
    std::string m_name;
    bool m_inName = false;
    bool m_afterType = false;
    evp_md_ctx_st *m_sha = nullptr;
};

} // namespace einvoice::backend

#include "pdfscanner.h"

#include <openssl/evp.h>
#include <stdexcept>

namespace einvoice::backend {

namespace {

constexpr std::size_t kHeaderWindow = 1024;
constexpr std::size_t kMaxNameKept = 16; // longer names cannot be "Type" or "Page"

bool isWhite(unsigned char c)
{
    return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

bool isDelimiter(unsigned char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
}

} // namespace

PdfScanner::PdfScanner() : m_sha(EVP_MD_CTX_new())
{
    if (!m_sha || EVP_DigestInit_ex(m_sha, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("cannot initialise SHA-256");
}

PdfScanner::~PdfScanner()
{
    EVP_MD_CTX_free(m_sha);
}

void PdfScanner::feed(const char *data, std::size_t length)
{
    if (length == 0)
        return;
    EVP_DigestUpdate(m_sha, data, length);
    m_size += length;
    if (m_head.size() < kHeaderWindow)
        m_head.append(data, std::min(length, kHeaderWindow - m_head.size()));

    for (std::size_t i = 0; i < length; ++i) {
        unsigned char c = static_cast<unsigned char>(data[i]);
        if (m_inName) {
            if (!isWhite(c) && !isDelimiter(c)) {
                if (m_name.size() <= kMaxNameKept)
                    m_name += static_cast<char>(c);
                continue;
            }
            endName();
        }
        if (c == '/') {
            m_inName = true;
            m_name.clear();
        } else if (!isWhite(c)) {
            m_afterType = false;
        }
    }
}

void PdfScanner::endName()
{
    m_inName = false;
    if (m_afterType && m_name == "Page")
        ++m_pageObjects;
    m_afterType = (m_name == "Type");
}

bool PdfScanner::looksLikePdf() const
{
    return m_head.find("%PDF-") != std::string::npos;
}

std::optional<std::int64_t> PdfScanner::pages() const
{
    std::int64_t count = m_pageObjects;
    if (m_inName && m_afterType && m_name == "Page") // data ended right after "/Type /Page"
        ++count;
    if (count == 0)
        return std::nullopt;
    return count;
}

std::string PdfScanner::sha256Hex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_sha, digest, &length);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

} // namespace einvoice::backend

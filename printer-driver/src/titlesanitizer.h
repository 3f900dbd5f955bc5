#pragma once

#include <cstddef>
#include <string>

namespace einvoice::backend {

/// Turns untrusted text from the print job (the title, the user name, job options) into safe
/// forms. The title comes from whichever program printed, or from a remote client, so it is
/// never used for a path as it is. Stateless.
class TitleSanitizer
{
public:
    /// Maximum length of the file-name form, in bytes (ASCII).
    static constexpr std::size_t kMaxFileNameLength = 60;
    /// Maximum length of the display form, in code points.
    static constexpr std::size_t kMaxDisplayLength = 200;

    /// The part of a capture's file name taken from the title: ASCII letters, digits, '-' and '_'
    /// only. Every run of other bytes becomes one '_', a trailing ".pdf" is dropped, '_' at either
    /// end is trimmed, at most kMaxFileNameLength bytes; "untitled" when nothing is left.
    static std::string forFileName(const std::string &title);

    /// Text for display (the metadata file): valid UTF-8 (invalid sequences become U+FFFD), tabs
    /// and line breaks become spaces, other control characters (C0, DEL, C1) and bidirectional
    /// overrides are removed, runs of spaces collapse, at most maxCodePoints code points.
    static std::string forDisplay(const std::string &text, std::size_t maxCodePoints = kMaxDisplayLength);
};

} // namespace einvoice::backend

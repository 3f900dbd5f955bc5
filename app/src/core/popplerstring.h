#pragma once

#include <QString>
#include <poppler-global.h>

namespace einvoice {

/// A poppler-cpp string as a QString. poppler::ustring holds UTF-16 in the machine's byte
/// order, like QString, so the units are copied as they are; ustring::to_utf8() would run
/// iconv for every word of every page.
inline QString fromUstring(const poppler::ustring &s)
{
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(s.data()), qsizetype(s.size()));
}

} // namespace einvoice

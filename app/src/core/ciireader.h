#pragma once

#include "invoice.h"

#include <optional>

namespace einvoice {

class XmlElement;

/// Reads UN/CEFACT Cross Industry Invoice D16B (EN 16931 binding as used by Factur-X, ZUGFeRD 2.x
/// and XRechnung, all profiles MINIMUM..EXTENDED) and ZUGFeRD 1.0 CrossIndustryDocument into the model.
/// Stateless; any thread.
class CiiReader
{
public:
    static constexpr const char *kRsmNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static constexpr const char *kRamNs =
        "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static constexpr const char *kUdtNs = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    static constexpr const char *kQdtNs = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    static constexpr const char *kZugferd1Ns = "urn:ferd:CrossIndustryDocument:invoice:1p0";

    static std::optional<Invoice> read(const XmlElement &root, QString *error);
};

} // namespace einvoice

#include "textonlycolour.h"

#include <QLoggingCategory>
#include <array>
#include <cstring>
#include <lcms2_plugin.h>

Q_LOGGING_CATEGORY(lcColour, "einvoice.colour")

namespace einvoice {

namespace {

/// The colour spaces a chain of profiles starts and ends in, worked out the way LittleCMS does
/// it for a transform: a device profile is read device→PCS unless the chain arrives at it in a
/// connection space (XYZ, Lab), then PCS→device; device links always go forward.
bool chainSpaces(cmsUInt32Number count, cmsHPROFILE profiles[], cmsColorSpaceSignature *entry,
                 cmsColorSpaceSignature *exit)
{
    if (count == 0 || !profiles[0])
        return false;
    cmsColorSpaceSignature post = cmsGetColorSpace(profiles[0]);
    for (cmsUInt32Number i = 0; i < count; ++i) {
        if (!profiles[i])
            return false;
        const cmsProfileClassSignature cls = cmsGetDeviceClass(profiles[i]);
        const bool forward = (post != cmsSigXYZData && post != cmsSigLabData) || cls == cmsSigLinkClass;
        const cmsColorSpaceSignature in = forward ? cmsGetColorSpace(profiles[i]) : cmsGetPCS(profiles[i]);
        if (i == 0)
            *entry = in;
        post = forward ? cmsGetPCS(profiles[i]) : cmsGetColorSpace(profiles[i]);
    }
    *exit = post;
    return true;
}

cmsPipeline *constantLink(cmsContext context, cmsUInt32Number count, cmsUInt32Number intents[],
                          cmsHPROFILE profiles[], cmsBool bpc[], cmsFloat64Number adaptation[],
                          cmsUInt32Number flags)
{
    cmsColorSpaceSignature entry{}, exit{};
    const bool named = count > 0 && profiles[0] && cmsGetDeviceClass(profiles[0]) == cmsSigNamedColorClass;
    if (named || !chainSpaces(count, profiles, &entry, &exit))
        return _cmsDefaultICCintents(context, count, intents, profiles, bpc, adaptation, flags);
    const cmsUInt32Number in = cmsChannelsOf(entry), out = cmsChannelsOf(exit);
    if (in == 0 || out == 0 || in > cmsMAXCHANNELS || out > cmsMAXCHANNELS)
        return _cmsDefaultICCintents(context, count, intents, profiles, bpc, adaptation, flags);
    // Every colour maps to zero: an out × in matrix of zeros.
    std::array<cmsFloat64Number, cmsMAXCHANNELS * cmsMAXCHANNELS> zeros{};
    cmsPipeline *lut = cmsPipelineAlloc(context, in, out);
    cmsStage *stage = lut ? cmsStageAllocMatrix(context, out, in, zeros.data(), nullptr) : nullptr;
    if (!stage || !cmsPipelineInsertStage(lut, cmsAT_END, stage)) {
        if (stage)
            cmsStageFree(stage);
        if (lut)
            cmsPipelineFree(lut);
        return nullptr;
    }
    return lut;
}

// LittleCMS keeps pointers to the plug-in structures: they live as long as the process.
std::array<cmsPluginRenderingIntent, 4> g_intents{};

} // namespace

bool TextOnlyColour::install()
{
    // The four ICC intents Poppler asks for: perceptual, relative, saturation, absolute.
    const cmsUInt32Number ids[] = {INTENT_PERCEPTUAL, INTENT_RELATIVE_COLORIMETRIC, INTENT_SATURATION,
                                   INTENT_ABSOLUTE_COLORIMETRIC};
    for (size_t i = 0; i < g_intents.size(); ++i) {
        cmsPluginRenderingIntent &p = g_intents[i];
        p.base.Magic = cmsPluginMagicNumber;
        p.base.ExpectedVersion = 2060; // the plug-in interface as of LittleCMS 2.6
        p.base.Type = cmsPluginRenderingIntentSig;
        p.base.Next = i + 1 < g_intents.size() ? &g_intents[i + 1].base : nullptr;
        p.Intent = ids[i];
        p.Link = constantLink;
        std::strncpy(p.Description, "text only: no colour conversion", sizeof p.Description - 1);
    }
    if (!cmsPlugin(&g_intents[0])) {
        qCWarning(lcColour) << "LittleCMS refused the text-only rendering intents";
        return false;
    }
    return true;
}

void TextOnlyColour::uninstall()
{
    cmsUnregisterPlugins();
}

} // namespace einvoice

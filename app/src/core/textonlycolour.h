#pragma once

namespace einvoice {

/// Turns off colour management in a process that reads text from PDFs and never shows a page.
///
/// For a PDF/A document (every Factur-X and ZUGFeRD invoice) Poppler builds four LittleCMS
/// transforms into the document's OutputIntent profile each time it draws a page, even for text
/// extraction, and inverting the profile's tone curves costs about 5 ms per transform: more than
/// half the time it takes to read a typical two-page invoice. Text extraction never uses the
/// colours. install() registers LittleCMS rendering-intent plug-ins that link any profiles with
/// a single constant stage of the right channel counts, so building a transform reads no curves.
/// The words and their boxes are unchanged (compared on the whole corpus in the tests).
///
/// Process-wide: call it once at start-up, before the first PDF is opened, and only in processes
/// that never render pages (the CLI, the PDF reader process). The tray window renders previews
/// and must not call it. uninstall() restores LittleCMS's own intents (for tests).
class TextOnlyColour
{
public:
    /// True when the plug-ins are registered.
    static bool install();
    static void uninstall();
};

} // namespace einvoice

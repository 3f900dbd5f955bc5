#pragma once

#include <cstddef>

namespace einvoice::cli {

/// Makes the heap of a short command line run in one step instead of one page fault at a time.
///
/// Reading one invoice touches about 1.5 MB of fresh heap. Each first touch of a page is a page
/// fault, and in virtual machines (the CI runners, most cloud desktops) a fault costs 10-20 µs:
/// about 300 of them were a tenth of an `einvoice extract`. Asking the kernel to populate the
/// heap with one madvise(MADV_POPULATE_WRITE) costs about 1 µs a page. Large buffers (the file
/// itself, decoded streams) are taken from the same heap rather than from fresh mappings.
///
/// Call once, first thing in main(), before other threads exist. Without Linux 5.14's
/// MADV_POPULATE_WRITE the heap simply faults in as before.
class HeapPrefault
{
public:
    static void run(std::size_t bytes);
};

} // namespace einvoice::cli

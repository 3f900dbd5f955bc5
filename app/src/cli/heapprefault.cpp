#include "heapprefault.h"

#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14
#endif

namespace einvoice::cli {

void HeapPrefault::run(std::size_t bytes)
{
    // Blocks up to 32 MiB come from the heap, which is never given back during the run: a freed
    // buffer is reused in place instead of being unmapped and faulted in again.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    const auto pageSize = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    // Grows the heap by about @p bytes; freed, the block stays as the heap's free top. Through a
    // volatile pointer, or the compiler drops the unused allocation.
    void *volatile block = std::malloc(bytes);
    std::free(block);
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t start = (before + pageSize - 1) & ~(pageSize - 1);
    if (after > start)
        madvise(reinterpret_cast<void *>(start), after - start, MADV_POPULATE_WRITE);
}

} // namespace einvoice::cli

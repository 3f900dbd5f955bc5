#include "heapprefault.h"

#include <cstdlib>
#include <cstring>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <vector>

using einvoice::cli::HeapPrefault;

namespace {
long minorFaults()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

long faultsWhileTouching(char *p, std::size_t bytes)
{
    const long before = minorFaults();
    std::memset(p, 1, bytes);
    return minorFaults() - before;
}
} // namespace

TEST(HeapPrefault, HeapTakenAfterwardsIsAlreadyInMemory)
{
    constexpr std::size_t kBlock = 256 << 10, kBlocks = 8; // 2 MiB in blocks the size of a small PDF
    // Fresh memory faults page by page: the counter this test relies on counts.
    void *fresh = mmap(nullptr, kBlock * kBlocks, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(fresh, MAP_FAILED);
    EXPECT_GE(faultsWhileTouching(static_cast<char *>(fresh), kBlock * kBlocks),
              long(kBlocks * kBlock / 4096 / 2));
    munmap(fresh, kBlock * kBlocks);

    HeapPrefault::run(4 << 20);
    long faults = 0;
    std::vector<void *> blocks;
    for (std::size_t i = 0; i < kBlocks; ++i) {
        blocks.push_back(std::malloc(kBlock));
        faults += faultsWhileTouching(static_cast<char *>(blocks.back()), kBlock);
    }
    // Blocks of this size would otherwise be fresh mappings: 512 faults.
    EXPECT_LT(faults, 16);
    for (void *b : blocks)
        std::free(b);
}

#ifndef GRIDMAP_CPREFETCH_H
#define GRIDMAP_CPREFETCH_H

/// Hints the CPU to start loading the cache line holding `address` (read, keep in all levels).
/// Swift has no prefetch intrinsic; bulk point lookups use this to overlap their memory loads.
static inline void gridmap_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif

#include <zlib.h>

/// deflateInit2 is a macro, which Swift cannot call: this starts a gzip-wrapped (windowBits 15 + 16)
/// deflate stream at `level`.
static inline int CZlib_deflateInitGzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

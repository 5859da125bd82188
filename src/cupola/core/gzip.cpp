#include "cupola/core/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <memory>

#include "cupola/core/error.h"
#include "cupola/core/input_file.h"

namespace cupola {

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string Gunzip(std::string_view compressed, const std::string& label, std::size_t max_bytes) {
  constexpr std::size_t kRatioFrom = std::size_t{1} << 20;
  const std::size_t ratio_bound = std::max(kRatioFrom, kMaxGzipRatio * compressed.size());
  const std::size_t bound = std::min(max_bytes, ratio_bound);
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)  // 16: gzip framing only
    throw InputError({label, 0, 0}, "", "a gzip stream zlib cannot start on", "a gzip-compressed file");
  const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&zs, inflateEnd);
  std::string out;
  char chunk[1 << 16];
  std::size_t pos = 0;
  int code = Z_OK;
  while (true) {
    // zlib counts in 32 bits: feed at most 1 GiB at a time.
    if (zs.avail_in == 0 && pos < compressed.size()) {
      const std::size_t n = std::min<std::size_t>(compressed.size() - pos, std::size_t{1} << 30);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + pos));
      zs.avail_in = static_cast<uInt>(n);
      pos += n;
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    code = inflate(&zs, Z_NO_FLUSH);
    out.append(chunk, sizeof(chunk) - zs.avail_out);
    if (out.size() > bound) {
      out.resize(bound);
      const std::string got = "more than " + std::to_string(bound) + " bytes after decompression";
      if (bound == max_bytes) throw InputError(EndOf(label, out), "", got, MaxInputBytesExpected(max_bytes));
      throw InputError(EndOf(label, out), "", got + " from " + std::to_string(compressed.size()) + " compressed bytes",
                       "at most " + std::to_string(kMaxGzipRatio) +
                           " times the compressed size past 1 MiB (a larger expansion is a zip bomb, not data)");
    }
    if (code == Z_STREAM_END) {
      // Another member may follow (gzip -c a b > ab.gz); anything else is ignored.
      const std::size_t rest = compressed.size() - pos + zs.avail_in;
      if (!IsGzip(compressed.substr(compressed.size() - rest))) break;
      inflateReset(&zs);
      continue;
    }
    if (code == Z_BUF_ERROR && zs.avail_in == 0 && pos == compressed.size())
      throw InputError({label, 0, 0}, "", "a truncated gzip stream", "a complete gzip-compressed file");
    if (code != Z_OK && code != Z_BUF_ERROR)
      throw InputError({label, 0, 0}, "",
                       "a corrupt gzip stream (" + std::string(zs.msg != nullptr ? zs.msg : "zlib error " + std::to_string(code)) + ")",
                       "a complete gzip-compressed file");
  }
  return out;
}

}  // namespace cupola

#include "cupola/core/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "cupola/core/error.h"

namespace cupola {
namespace {

// `text` as one gzip member.
std::string Gzip(const std::string& text) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(text.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string ErrorOf(const std::string& compressed, std::size_t max_bytes) {
  try {
    Gunzip(compressed, "t.gz", max_bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Gzip, RoundTripsAndReadsConcatenatedMembers) {
  const std::string text = "3 4 1\n100\n60\n45\n20\n0 0 0.9\n";
  const std::string gz = Gzip(text);
  EXPECT_TRUE(IsGzip(gz));
  EXPECT_FALSE(IsGzip(text));
  EXPECT_EQ(Gunzip(gz, "t.gz", 1000), text);
  EXPECT_EQ(Gunzip(gz + Gzip("more\n"), "t.gz", 1000), text + "more\n");
  EXPECT_EQ(Gunzip(gz + "trailing junk", "t.gz", 1000), text);  // as gzip -d does
}

TEST(Gzip, OutputBeyondTheLimitStops) {
  const std::string text(5000, 'a');
  EXPECT_EQ(ErrorOf(Gzip(text), 4096), "t.gz:1:4097: got more than 4096 bytes after decompression; expected at most "
                                       "4096 bytes (the input limit; set CUPOLA_MAX_INPUT_BYTES to raise it)");
}

TEST(Gzip, AZipBombStopsAtTheRatio) {
  // 16 MiB of zeros pack into about 16 KB (a ratio of 1000); the bound stops
  // it at 100 times the compressed size (1.6 MB), long before the output limit.
  const std::string zeros(std::size_t{16} << 20, '\0');
  const std::string bomb = Gzip(zeros);
  ASSERT_LT(bomb.size(), 20000u);
  const std::string e = ErrorOf(bomb, std::size_t{64} << 20);
  EXPECT_NE(e.find("got more than " + std::to_string(100 * bomb.size()) + " bytes after decompression from " +
                   std::to_string(bomb.size()) +
                   " compressed bytes; expected at most 100 times the compressed size past 1 MiB"),
            std::string::npos)
      << e;
  // Below 1 MiB any ratio is fine.
  EXPECT_EQ(Gunzip(Gzip(std::string(1 << 19, '\0')), "t.gz", 1 << 20).size(), std::size_t{1} << 19);
}

TEST(Gzip, CorruptAndTruncatedStreamsAreInputErrors) {
  const std::string gz = Gzip(std::string(1000, 'x') + "end");
  EXPECT_NE(ErrorOf(gz.substr(0, gz.size() / 2), 1 << 20).find("got a truncated gzip stream"), std::string::npos);
  std::string corrupt = gz;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
  EXPECT_NE(ErrorOf(corrupt, 1 << 20).find("got a corrupt gzip stream ("), std::string::npos) << ErrorOf(corrupt, 1 << 20);
  EXPECT_NE(ErrorOf("\x1f\x8b", 1 << 20).find("truncated"), std::string::npos);
}

}  // namespace
}  // namespace cupola

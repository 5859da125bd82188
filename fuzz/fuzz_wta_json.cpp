// fuzz/fuzz_wta_json.cpp -- the WTA instance reader, JSON format (engagement/wta_io.h),
// then the checks of wta_checks.h: write back and read again, solve if small.
// Input starting as gzip does is unpacked first (core/gzip.h), as ReadWtaFile does.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "wta_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = cupola::fuzz::AsText(data, size);
  const std::string label = "fuzz.json";
  if (!cupola::fuzz::GunzipIfGzip(text, label)) return 0;
  cupola::WtaProblem problem;
  try {
    problem = cupola::ReadWtaJson(text, label);
  } catch (const cupola::InputError& e) {
    cupola::fuzz::CheckInputError(e, text, label);
    return 0;
  }
  cupola::fuzz::CheckReadProblem(problem);
  return 0;
}

// fuzz/fuzz_wta_text.cpp -- the WTA instance reader, plain-text format (engagement/wta_io.h),
// then the checks of wta_checks.h: write back and read again, solve if small.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "wta_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = cupola::fuzz::AsText(data, size);
  const std::string label = "fuzz.txt";
  cupola::WtaProblem problem;
  try {
    problem = cupola::ReadWtaText(text, label);
  } catch (const cupola::InputError& e) {
    cupola::fuzz::CheckInputError(e, text, label);
    return 0;
  }
  cupola::fuzz::CheckReadProblem(problem);
  return 0;
}

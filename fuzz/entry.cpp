// libFuzzer's entry point for one target: built once per target with WARROOM_FUZZ_TARGET set
// to its function (CMakeLists.txt, WARROOM_FUZZ=ON), so each fuzzer is a thin shell.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/targets.h"

#ifndef WARROOM_FUZZ_TARGET
#error "WARROOM_FUZZ_TARGET names the target function, e.g. warroom::fuzz::fuzz_form"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  WARROOM_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

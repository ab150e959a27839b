// Replays files through the fuzzer's entry point without libFuzzer, so the harness is built
// and exercised by every ordinary build and test run:
//   jinja_fuzz_replay tests/fuzz/seeds [more files or folders...]
// Exits non-zero when given nothing to replay; a bug in the engine shows as a crash, an
// uncaught exception or a sanitizer report, as it would under the fuzzer.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

static void replay_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    fs::path arg(argv[i]);
    if (fs::is_directory(arg)) {
      for (const auto& entry : fs::directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "jinja_fuzz_replay: no inputs found\n");
    return 1;
  }
  for (const fs::path& file : files)
    replay_file(file);
  std::printf("replayed %zu inputs\n", files.size());
  return 0;
}

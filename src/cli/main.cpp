// kiln: the command-line entry point. Commands arrive with the stages they drive
// (see docs/ and ../shared/ARCHITECTURE.md); until then this answers --version and says
// clearly which commands exist.
#include <cstdio>
#include <cstring>

namespace {

constexpr const char* kVersion = "0.1.0";

int usage(FILE* out) {
  std::fprintf(out,
               "usage: kiln <command> [options]\n"
               "\n"
               "  --version   print the version and exit\n");
  return out == stderr ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(stderr);
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("kiln %s\n", kVersion);
    return 0;
  }
  if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) return usage(stdout);
  std::fprintf(stderr, "kiln: unknown command '%s'; run 'kiln --help' for the list\n", argv[1]);
  return 2;
}

#include "compile/builtin_macros.h"

namespace kiln::compile {

std::vector<MacroFile> builtin_macros() {
  std::vector<MacroFile> files;
  for (const auto& [path, text] : builtin_macro_files()) {
    files.push_back(
        {std::string(kInternalPackage), "<kiln>/macros/" + std::string(path), std::string(text)});
  }
  return files;
}

}  // namespace kiln::compile

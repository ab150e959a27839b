#pragma once
// Kiln's own implementation of dbt's global-project macros (src/compile/macros/), embedded in
// the binary. They form the internal `dbt` package of the MacroIndex.

#include <string_view>
#include <utility>
#include <vector>

#include "compile/macro_index.h"

namespace kiln::compile {

// {path relative to src/compile/macros, contents}, generated at build time.
const std::vector<std::pair<std::string_view, std::string_view>>& builtin_macro_files();

// The built-in files as MacroFiles of the internal package, paths shown as
// "<kiln>/macros/<path>" in errors.
std::vector<MacroFile> builtin_macros();

}  // namespace kiln::compile

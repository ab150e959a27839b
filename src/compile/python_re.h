#pragma once
// modules.re: Python's re module on std::regex (see python_re_translate.h for the dialect).

#include "jinja/value.h"

namespace kiln::compile {

jinja::Value make_re_module();

}  // namespace kiln::compile

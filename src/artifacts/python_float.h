#pragma once

#include <string>

namespace kiln::artifacts {

// Appends `value` spelled as Python's repr(float) spells it ("1.0", "0.0535", "1e-05",
// "1e+16"), because dbt writes its artifacts with Python's json module and tools that
// diff artifacts byte-for-byte should see the same numbers. Non-finite values become
// "null": Python would write NaN/Infinity, which is not JSON.
void append_python_float(std::string& out, double value);

}  // namespace kiln::artifacts

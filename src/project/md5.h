#pragma once

#include <string>
#include <string_view>

namespace kiln::project {

// The 32-character lowercase hex MD5 of `data` (dbt names long generic tests and hashes
// their unique_ids with MD5 of UTF-8 text; matching its names needs the same hash).
std::string md5_hex(std::string_view data);

}  // namespace kiln::project

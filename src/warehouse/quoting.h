#pragma once
// Quoting of identifiers and string literals the way ANSI SQL engines do it (DuckDB and
// PostgreSQL both): the quote character is doubled inside the quotes, nothing else is
// escaped. Kiln builds SQL text from names found in projects and files, so every name that
// reaches SQL goes through here.

#include <string>
#include <string_view>

namespace kiln::warehouse {

// "my ""odd"" name"
std::string quote_identifier(std::string_view identifier, char quote_character = '"');

// 'it''s'
std::string quote_string_literal(std::string_view text);

}  // namespace kiln::warehouse

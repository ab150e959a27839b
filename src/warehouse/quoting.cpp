#include "warehouse/quoting.h"

namespace kiln::warehouse {

namespace {

std::string wrap_doubling(std::string_view text, char quote) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += quote;
  for (char c : text) {
    if (c == quote) quoted += quote;
    quoted += c;
  }
  quoted += quote;
  return quoted;
}

}  // namespace

std::string quote_identifier(std::string_view identifier, char quote_character) {
  return wrap_doubling(identifier, quote_character);
}

std::string quote_string_literal(std::string_view text) {
  return wrap_doubling(text, '\'');
}

}  // namespace kiln::warehouse

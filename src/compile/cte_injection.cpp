#include "compile/cte_injection.h"

#include <cctype>

namespace kiln::compile {

namespace {

// Position of the first token of `sql`, past whitespace and -- and /* */ comments.
size_t first_token(const std::string& sql) {
  size_t i = 0;
  while (i < sql.size()) {
    if (std::isspace(static_cast<unsigned char>(sql[i]))) {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      size_t end = sql.find('\n', i);
      i = end == std::string::npos ? sql.size() : end + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      size_t end = sql.find("*/", i + 2);
      i = end == std::string::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

bool keyword_at(const std::string& sql, size_t pos, const char* keyword) {
  size_t n = std::char_traits<char>::length(keyword);
  if (pos + n > sql.size()) return false;
  for (size_t k = 0; k < n; ++k) {
    if (std::tolower(static_cast<unsigned char>(sql[pos + k])) != keyword[k]) return false;
  }
  return pos + n == sql.size() ||
         !(std::isalnum(static_cast<unsigned char>(sql[pos + n])) || sql[pos + n] == '_');
}

std::string cte_list(const std::vector<Cte>& ctes) {
  std::string out;
  for (size_t i = 0; i < ctes.size(); ++i) {
    if (i) out += ", ";
    out += ctes[i].name + " as (\n" + ctes[i].sql + "\n)";
  }
  return out;
}

}  // namespace

std::string inject_ctes(const std::string& sql, const std::vector<Cte>& ctes) {
  if (ctes.empty()) return sql;
  size_t start = first_token(sql);
  if (keyword_at(sql, start, "with")) {
    size_t after_with = start + 4;
    std::string rest = sql.substr(after_with);
    bool recursive = keyword_at(sql, first_token(rest) + after_with, "recursive");
    if (recursive) {
      size_t r = after_with + first_token(rest);
      after_with = r + 9;
      rest = sql.substr(after_with);
    }
    return sql.substr(0, after_with) + " " + cte_list(ctes) + "," + rest;
  }
  return sql.substr(0, start) + "with " + cte_list(ctes) + "\n" + sql.substr(start);
}

}  // namespace kiln::compile

#include "graph/selection_spec.h"

#include <array>
#include <cctype>
#include <climits>
#include <utility>

#include <fmt/format.h>

#include "graph/errors.h"

namespace kiln::graph {

namespace {

constexpr std::array<std::pair<Method, std::string_view>, 21> kMethodNames = {{
    {Method::Fqn, "fqn"},
    {Method::Tag, "tag"},
    {Method::Group, "group"},
    {Method::Access, "access"},
    {Method::Source, "source"},
    {Method::Path, "path"},
    {Method::File, "file"},
    {Method::Package, "package"},
    {Method::Config, "config"},
    {Method::TestName, "test_name"},
    {Method::TestType, "test_type"},
    {Method::ResourceType, "resource_type"},
    {Method::State, "state"},
    {Method::Exposure, "exposure"},
    {Method::Metric, "metric"},
    {Method::Result, "result"},
    {Method::SourceStatus, "source_status"},
    {Method::Version, "version"},
    {Method::SemanticModel, "semantic_model"},
    {Method::SavedQuery, "saved_query"},
    {Method::UnitTest, "unit_test"},
}};

// The default includes when --select is not given (dbt's DEFAULT_INCLUDES).
const std::vector<std::string> kDefaultIncludes = {"fqn:*", "source:*", "exposure:*", "metric:*",
                                                   "semantic_model:*"};

bool is_word_char(char c) {
  // Python's \w on str: letters, digits, underscore, and any non-ASCII letter.
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

bool ends_with_lowercase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    auto c = static_cast<unsigned char>(text[text.size() - suffix.size() + i]);
    if (std::tolower(c) != suffix[i]) return false;
  }
  return true;
}

Method default_method(std::string_view value) {
  if (value.find('/') != std::string_view::npos) return Method::Path;
  if (ends_with_lowercase(value, ".sql") || ends_with_lowercase(value, ".py") ||
      ends_with_lowercase(value, ".csv")) {
    return Method::File;
  }
  return Method::Fqn;
}

std::optional<int> depth_from_digits(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  long long depth = 0;
  for (char c : digits)
    depth = std::min<long long>(depth * 10 + (c - '0'), INT_MAX);
  return static_cast<int>(depth);
}

// "@" prefix: consumes it.
bool take_childrens_parents(std::string_view& rest) {
  if (rest.empty() || rest.front() != '@') return false;
  rest.remove_prefix(1);
  return true;
}

// "N+" prefix (digits optional): consumes it only when the '+' is there.
bool take_parents(std::string_view& rest, std::optional<int>& depth) {
  size_t digits = 0;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits])))
    ++digits;
  if (digits >= rest.size() || rest[digits] != '+') return false;
  depth = depth_from_digits(rest.substr(0, digits));
  rest.remove_prefix(digits + 1);
  return true;
}

// "method:" prefix, method made of word characters and dots.
std::optional<std::string_view> take_method(std::string_view& rest) {
  size_t length = 0;
  while (length < rest.size() && (is_word_char(rest[length]) || rest[length] == '.'))
    ++length;
  if (length == 0 || length >= rest.size() || rest[length] != ':') return std::nullopt;
  std::string_view method = rest.substr(0, length);
  rest.remove_prefix(length + 1);
  return method;
}

// "+N" suffix: a '+' followed only by digits up to the end.
bool take_children(std::string_view& rest, std::optional<int>& depth) {
  size_t plus = rest.rfind('+');
  if (plus == std::string_view::npos) return false;
  std::string_view digits = rest.substr(plus + 1);
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  depth = depth_from_digits(digits);
  rest = rest.substr(0, plus);
  return true;
}

}  // namespace

void assign_method(SelectionCriteria& criteria, std::string_view written) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot = written.find('.'); dot != std::string_view::npos;
       dot = written.find('.', start)) {
    parts.emplace_back(written.substr(start, dot - start));
    start = dot + 1;
  }
  parts.emplace_back(written.substr(start));
  auto method = method_from_name(parts.front());
  if (!method) {
    std::string hint = parts.front() == "selector"
                           ? "; to reuse a selector in selectors.yml, write `method: selector` "
                             "and `value: <name>`"
                           : "";
    throw SelectionError(
        fmt::format("'{}' is not a valid method name (in selector '{}'); valid methods are: {}{}",
                    parts.front(), criteria.raw, valid_method_names(), hint));
  }
  criteria.method = *method;
  criteria.method_arguments.assign(parts.begin() + 1, parts.end());
  if (criteria.method == Method::Config && criteria.method_arguments.empty()) {
    throw SelectionError(fmt::format(
        "selector '{}' needs a config key after 'config.', like config.materialized:table",
        criteria.raw));
  }
}

namespace {

std::vector<std::string> split_whitespace(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start])))
      ++start;
    size_t end = start;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])))
      ++end;
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t comma = text.find(','); comma != std::string::npos; comma = text.find(',', start)) {
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

// dbt's parse_union: ["a b", "c,d"] -> union(a, b, intersection(c, d)).
SelectionSpec parse_union(const std::vector<std::string>& arguments, bool expect_exists) {
  std::vector<SelectionSpec> terms;
  for (const std::string& argument : arguments) {
    for (const std::string& term : split_whitespace(argument)) {
      std::vector<SelectionSpec> parts;
      for (const std::string& part : split_commas(term)) {
        parts.push_back(SelectionSpec::of(parse_criteria(part)));
      }
      SelectionSpec intersection =
          SelectionSpec::group(SelectionSpec::Kind::Intersection, std::move(parts), std::nullopt);
      intersection.expect_exists = expect_exists;
      intersection.raw = term;
      terms.push_back(std::move(intersection));
    }
  }
  return SelectionSpec::group(SelectionSpec::Kind::Union, std::move(terms), std::nullopt);
}

}  // namespace

IndirectSelection parse_indirect_selection(std::string_view text) {
  if (text == "eager") return IndirectSelection::Eager;
  if (text == "cautious") return IndirectSelection::Cautious;
  if (text == "buildable") return IndirectSelection::Buildable;
  if (text == "empty") return IndirectSelection::Empty;
  throw SelectionError(fmt::format(
      "'{}' is not a valid indirect selection mode; use eager, cautious, buildable or empty",
      text));
}

std::string_view to_string(IndirectSelection mode) {
  switch (mode) {
    case IndirectSelection::Eager:
      return "eager";
    case IndirectSelection::Cautious:
      return "cautious";
    case IndirectSelection::Buildable:
      return "buildable";
    case IndirectSelection::Empty:
      return "empty";
  }
  return "eager";
}

std::optional<Method> method_from_name(std::string_view name) {
  for (auto [method, text] : kMethodNames) {
    if (text == name) return method;
  }
  return std::nullopt;
}

std::string_view method_name(Method method) {
  for (auto [candidate, text] : kMethodNames) {
    if (candidate == method) return text;
  }
  return "fqn";
}

std::string valid_method_names() {
  std::string out;
  for (auto [method, text] : kMethodNames) {
    if (!out.empty()) out += ", ";
    out += text;
  }
  return out;
}

SelectionSpec SelectionSpec::of(SelectionCriteria criteria) {
  SelectionSpec spec;
  spec.kind = Kind::Criteria;
  spec.raw = criteria.raw;
  spec.criteria = std::move(criteria);
  return spec;
}

SelectionSpec SelectionSpec::group(Kind kind, std::vector<SelectionSpec> components,
                                   std::optional<IndirectSelection> indirect_selection) {
  SelectionSpec spec;
  spec.kind = kind;
  spec.components = std::move(components);
  spec.indirect_selection = indirect_selection;
  return spec;
}

SelectionCriteria parse_criteria(std::string_view raw) {
  SelectionCriteria criteria;
  criteria.raw = std::string(raw);
  std::string_view rest = raw;
  criteria.childrens_parents = take_childrens_parents(rest);
  criteria.parents = take_parents(rest, criteria.parents_depth);
  std::optional<std::string_view> method = take_method(rest);
  criteria.children = take_children(rest, criteria.children_depth);
  criteria.value = std::string(rest);
  if (method) {
    assign_method(criteria, *method);
  } else {
    criteria.method = default_method(criteria.value);
  }
  if (criteria.childrens_parents && criteria.children) {
    throw SelectionError(
        fmt::format("Invalid node spec {} - \"@\" prefix and \"+\" suffix are incompatible", raw));
  }
  return criteria;
}

SelectionSpec parse_command_line_selection(const std::vector<std::string>& select,
                                           const std::vector<std::string>& exclude) {
  // The difference itself takes in held-back tests eagerly, i.e. not at all (dbt builds it
  // without an indirect selection mode).
  std::vector<SelectionSpec> parts;
  parts.push_back(select.empty() ? parse_union(kDefaultIncludes, false)
                                 : parse_union(select, true));
  parts.push_back(parse_union(exclude, true));
  return SelectionSpec::group(SelectionSpec::Kind::Difference, std::move(parts),
                              IndirectSelection::Eager);
}

}  // namespace kiln::graph

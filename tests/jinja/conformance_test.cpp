// Runs every case of tests/jinja/conformance/*.txt as its own GoogleTest test, so CTest lists
// each case by name. The expectations come from the real Jinja2 (checked by
// tests/jinja/tools/check_with_jinja2.py); this file only replays them against our engine.
// The data format is described in docs/jinja.md and at the top of every data file.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/value.h"

namespace kiln::jinja {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// One case as written in a data file.

struct ConformanceCase {
  std::string file;       // "for_loops.txt"
  int line = 0;           // of the `=== name` header, for failure messages
  std::string name;       // "for loop with else"
  std::string test_name;  // "for_loops__for_loop_with_else": a valid GoogleTest name
  std::string template_text;
  std::string context_json;
  std::optional<std::string> output;
  std::optional<std::string> error;  // "<Kind> line <N>: <message substring>"
  std::string load_problem;          // set when the file itself could not be read
};

// So a failing case prints as its file, line and name rather than as bytes.
void PrintTo(const ConformanceCase& c, std::ostream* os) {
  *os << c.file << ":" << c.line << ": " << c.name;
}

// ---------------------------------------------------------------------------------------------
// Reading the data files: see docs/jinja.md. A block is every line up to the next header,
// joined with "\n" (the line break before a header belongs to the header).

constexpr std::string_view kCaseHeader = "=== ";
constexpr std::string_view kBlockKinds[] = {"template", "context", "output", "error"};

std::optional<std::string_view> block_header(std::string_view line) {
  for (std::string_view kind : kBlockKinds) {
    if (line.size() == 4 + kind.size() && line.substr(0, 4) == "--- " && line.substr(4) == kind) {
      return kind;
    }
  }
  return std::nullopt;
}

std::vector<std::string> split_lines(std::string text) {
  // The file's last line break ends its last line; it is not content.
  if (!text.empty() && text.back() == '\n') text.pop_back();
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

// "for_loops" + "for loop with else" -> "for_loops__for_loop_with_else"
std::string gtest_name(std::string_view file_stem, std::string_view case_name) {
  std::string out(file_stem);
  out += "__";
  for (char c : case_name) {
    bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (keep) {
      out += c;
    } else if (out.back() != '_') {
      out += '_';
    }
  }
  while (out.back() == '_')
    out.pop_back();
  return out;
}

void store_block(ConformanceCase& c, std::string_view kind, const std::vector<std::string>& lines) {
  std::string text = join_lines(lines);
  if (kind == "template") c.template_text = std::move(text);
  if (kind == "context") c.context_json = std::move(text);
  if (kind == "output") c.output = std::move(text);
  if (kind == "error") c.error = std::move(text);
}

std::vector<ConformanceCase> parse_data_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string file = path.filename().string();
  std::string stem = path.stem().string();

  std::vector<ConformanceCase> cases;
  std::optional<std::string_view> kind;
  std::vector<std::string> lines;
  auto close_block = [&] {
    if (!cases.empty() && kind) store_block(cases.back(), *kind, lines);
    lines.clear();
  };
  int number = 0;
  for (const std::string& line : split_lines(buffer.str())) {
    ++number;
    if (line.starts_with(kCaseHeader)) {
      close_block();
      kind.reset();
      ConformanceCase c;
      c.file = file;
      c.line = number;
      c.name = line.substr(kCaseHeader.size());
      c.test_name = gtest_name(stem, c.name);
      cases.push_back(std::move(c));
    } else if (auto header = block_header(line); header && !cases.empty()) {
      close_block();
      kind = header;
    } else if (kind) {
      lines.push_back(line);
    }  // else: the file's comment preamble
  }
  close_block();
  return cases;
}

// The data folder, relative to the repository root (CTest's working directory). Searching
// upwards also lets the binary run from a build directory by hand.
std::optional<fs::path> find_data_dir() {
  fs::path dir = fs::current_path();
  while (true) {
    fs::path candidate = dir / "tests" / "jinja" / "conformance";
    if (fs::is_directory(candidate)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::vector<ConformanceCase> load_all_cases() {
  std::optional<fs::path> dir = find_data_dir();
  if (!dir) {
    ConformanceCase missing;
    missing.name = missing.test_name = "data_folder_missing";
    missing.load_problem = "tests/jinja/conformance not found from " + fs::current_path().string();
    return {missing};
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(*dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ConformanceCase> all;
  for (const fs::path& file : files) {
    for (ConformanceCase& c : parse_data_file(file))
      all.push_back(std::move(c));
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// The context: JSON converted to Values, plus the dbt stubs the oracle also defines.

Value json_to_value(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null:
      return Value::none();
    case nlohmann::ordered_json::value_t::boolean:
      return Value::boolean(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return Value::integer(j.get<int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned: {
      uint64_t u = j.get<uint64_t>();
      if (u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return Value::integer(static_cast<int64_t>(u));
      }
      return Value::integer(*BigInt::parse(std::to_string(u)));
    }
    case nlohmann::ordered_json::value_t::number_float:
      return Value::floating(j.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return Value::string(j.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      std::vector<Value> items;
      for (const auto& item : j)
        items.push_back(json_to_value(item));
      return Value::list(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
      Dict d;
      for (const auto& [key, item] : j.items())
        d.set(std::string_view(key), json_to_value(item));
      return Value::dict(std::move(d));
    }
    default:
      throw std::runtime_error("unsupported JSON value in a case context");
  }
}

std::string str_arg(const Value& v) {
  return v.str();
}

// ref('x') / ref('pkg', 'x'), source('s', 't') and config(...) as check_with_jinja2.py
// defines them, so dbt-like cases render the same in both engines.
void add_dbt_stubs(Dict& context) {
  context.set("ref", Value::function("ref", [](CallContext&, CallArgs& args) {
                if (args.positional.empty()) return Value::string("");
                return Value::string("\"analytics\".\"" + str_arg(args.positional.back()) + "\"");
              }));
  context.set("source", Value::function("source", [](CallContext&, CallArgs& args) {
                if (args.positional.size() < 2) return Value::string("");
                return Value::string("\"raw_" + str_arg(args.positional[0]) + "\".\"" +
                                     str_arg(args.positional[1]) + "\"");
              }));
  context.set("config",
              Value::function("config", [](CallContext&, CallArgs&) { return Value::string(""); }));
}

Value build_context(const std::string& json_text) {
  Dict context;
  add_dbt_stubs(context);
  std::string trimmed = json_text;
  trimmed.erase(0, trimmed.find_first_not_of(" \t\n"));
  if (!trimmed.empty()) {
    Value parsed = json_to_value(nlohmann::ordered_json::parse(trimmed));
    for (const Dict::Entry& e : parsed.as_dict().entries())
      context.set(e.key, e.value);
  }
  return Value::dict(std::move(context));
}

// ---------------------------------------------------------------------------------------------
// Expected errors.

struct ExpectedError {
  std::string kind;
  uint32_t line = 0;
  std::string message_substring;
};

std::optional<ExpectedError> parse_expected_error(const std::string& text) {
  // "<Kind> line <N>: <message substring>"
  size_t kind_end = text.find(" line ");
  if (kind_end == std::string::npos) return std::nullopt;
  size_t colon = text.find(": ", kind_end);
  if (colon == std::string::npos) return std::nullopt;
  ExpectedError e;
  e.kind = text.substr(0, kind_end);
  e.line = static_cast<uint32_t>(std::stoul(text.substr(kind_end + 6, colon - kind_end - 6)));
  e.message_substring = text.substr(colon + 2);
  return e;
}

std::string_view kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Syntax:
      return "Syntax";
    case ErrorKind::Undefined:
      return "Undefined";
    case ErrorKind::Type:
      return "Type";
    case ErrorKind::Value:
      return "Value";
    case ErrorKind::Key:
      return "Key";
    case ErrorKind::Index:
      return "Index";
    case ErrorKind::ZeroDivision:
      return "ZeroDivision";
    case ErrorKind::Overflow:
      return "Overflow";
    case ErrorKind::Security:
      return "Security";
    case ErrorKind::Runtime:
      return "Runtime";
  }
  return "?";
}

// ---------------------------------------------------------------------------------------------
// The test.

class Conformance : public ::testing::TestWithParam<ConformanceCase> {};

TEST_P(Conformance, MatchesJinja2) {
  const ConformanceCase& c = GetParam();
  ASSERT_TRUE(c.load_problem.empty()) << c.load_problem;
  ASSERT_TRUE(c.output.has_value() != c.error.has_value())
      << c.file << ":" << c.line << ": a case needs exactly one of --- output / --- error";

  Environment env;
  Value context = build_context(c.context_json);
  std::string template_name = c.file;
  if (c.output) {
    try {
      auto tpl = env.parse(c.template_text, template_name);
      EXPECT_EQ(env.render(*tpl, context), *c.output) << c.file << ":" << c.line;
    } catch (const Error& e) {
      ADD_FAILURE() << c.file << ":" << c.line << ": expected output, got error ("
                    << kind_name(e.kind()) << ") " << e.what();
    }
    return;
  }

  std::optional<ExpectedError> expected = parse_expected_error(*c.error);
  ASSERT_TRUE(expected) << c.file << ":" << c.line << ": malformed error block: " << *c.error;
  try {
    auto tpl = env.parse(c.template_text, template_name);
    std::string out = env.render(*tpl, context);
    ADD_FAILURE() << c.file << ":" << c.line << ": expected " << *c.error << ", got output \""
                  << out << "\"";
  } catch (const Error& e) {
    EXPECT_EQ(kind_name(e.kind()), expected->kind) << e.what();
    EXPECT_EQ(e.where().line, expected->line) << e.what();
    EXPECT_NE(e.message().find(expected->message_substring), std::string::npos)
        << "message \"" << e.message() << "\" lacks \"" << expected->message_substring << "\"";
  }
}

INSTANTIATE_TEST_SUITE_P(Jinja2, Conformance, ::testing::ValuesIn(load_all_cases()),
                         [](const ::testing::TestParamInfo<ConformanceCase>& info) {
                           return info.param.test_name;
                         });

// The loader itself: a wrong reading of the format would silently change every case.
TEST(ConformanceFormat, BlockEndsBeforeTheNextHeaderAndKeepsEmptyLines) {
  fs::path path = fs::temp_directory_path() / "kiln_conformance_format_test.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# preamble\n=== first case\n--- template\nhello\n\n--- output\nhello\n"
           "=== second, case!\n--- template\n{{ x }}\n--- context\n{\"x\": 1}\n--- error\n"
           "Type line 2: boom\n";
  }
  std::vector<ConformanceCase> cases = parse_data_file(path);
  fs::remove(path);
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].template_text, "hello\n");
  EXPECT_EQ(cases[0].output, "hello");
  EXPECT_EQ(cases[0].line, 2);
  EXPECT_EQ(cases[1].test_name, "kiln_conformance_format_test__second_case");
  EXPECT_EQ(cases[1].context_json, "{\"x\": 1}");
  EXPECT_FALSE(cases[1].output.has_value());
  auto error = parse_expected_error(*cases[1].error);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, "Type");
  EXPECT_EQ(error->line, 2u);
  EXPECT_EQ(error->message_substring, "boom");
}

TEST(ConformanceFormat, CaseNamesAreUnique) {
  std::vector<std::string> names;
  for (const ConformanceCase& c : load_all_cases())
    names.push_back(c.test_name);
  std::sort(names.begin(), names.end());
  auto duplicate = std::adjacent_find(names.begin(), names.end());
  EXPECT_EQ(duplicate, names.end()) << "duplicate case name " << *duplicate;
}

}  // namespace
}  // namespace kiln::jinja

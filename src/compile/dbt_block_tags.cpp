#include "compile/dbt_block_tags.h"

#include <utility>

namespace kiln::compile {

namespace {

constexpr std::string_view kMaterializationTag = "materialization";
// dbt names a docs block's macro with this prefix, which keeps it out of the macro namespace.
constexpr std::string_view kDocsMacroPrefix = "dbt_docs__";

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// dbt's materialization header: `name`, then any of `default`, `adapter='<name>'` and
// `supported_languages=[...]`, each after a comma.
std::string materialization_name(const jinja::MacroTagHeader& header) {
  std::string adapter = "default";
  for (const jinja::MacroTagOption& option : header.options) {
    if (option.key == "default") continue;
    if (option.key == "adapter") {
      if (!option.has_value || !option.value.is_string()) {
        throw jinja::MacroTagError("materialization " + quoted(header.name) +
                                   ": write the adapter as adapter='<adapter name>'");
      }
      adapter = option.value.str();
    } else if (option.key != "supported_languages") {
      throw jinja::MacroTagError("materialization " + quoted(header.name) +
                                 " received unknown argument " + quoted(option.key) +
                                 ": it accepts default, adapter='...' and "
                                 "supported_languages=[...]");
    }
  }
  return materialization_macro_name(header.name, adapter);
}

}  // namespace

void add_dbt_block_tags(jinja::Environment& env) {
  jinja::MacroTag test;
  test.end_tag = "endtest";
  test.takes_parameters = true;
  test.macro_name = [](const jinja::MacroTagHeader& header) {
    return "test_" + std::string(header.name);
  };
  env.add_macro_tag("test", std::move(test));

  jinja::MacroTag materialization;
  materialization.end_tag = "endmaterialization";
  materialization.takes_options = true;
  materialization.macro_name = materialization_name;
  env.add_macro_tag(std::string(kMaterializationTag), std::move(materialization));

  jinja::MacroTag docs;
  docs.end_tag = "enddocs";
  docs.macro_name = [](const jinja::MacroTagHeader& header) {
    return std::string(kDocsMacroPrefix) + std::string(header.name);
  };
  env.add_macro_tag("docs", std::move(docs));
}

bool defines_dbt_macro(std::string_view tag) {
  return tag == "macro" || tag == "test" || tag == kMaterializationTag;
}

std::optional<std::vector<std::string>> supported_languages(
    const jinja::Template::MacroInfo& macro) {
  if (macro.tag != kMaterializationTag) return std::nullopt;
  for (const jinja::MacroTagOption& option : *macro.options) {
    if (option.key != "supported_languages" || !option.value.is_sequence()) continue;
    std::vector<std::string> languages;
    for (const jinja::Value& language : option.value.as_list())
      languages.push_back(language.str());
    return languages;
  }
  return std::vector<std::string>{"sql"};
}

std::string materialization_macro_name(std::string_view name, std::string_view adapter) {
  return "materialization_" + std::string(name) + "_" + std::string(adapter);
}

}  // namespace kiln::compile

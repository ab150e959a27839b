#pragma once
// Every macro a project can call, indexed by package and name, as dbt's macro namespace
// builds it. Macro files are parsed once (in parallel-safe, immutable Templates); nothing is
// rendered here.
//
// Packages come in three kinds: the root project, installed packages (dbt_packages/), and
// the internal `dbt` package (Kiln's built-in macros, src/compile/macros/). Unqualified names
// resolve as in dbt: the calling node's own package first, then the root project, then
// the internal package; `dbt_utils.star` and `dbt.type_string` name a package explicitly.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/environment.h"
#include "jinja/template.h"

namespace kiln::compile {

inline constexpr std::string_view kInternalPackage = "dbt";

struct MacroFile {
  std::string package;  // package name ("dbt" for Kiln's built-ins)
  std::string path;     // shown in errors: "macros/cents.sql"
  std::string source;
};

struct MacroDefinition {
  std::string package;
  std::string name;
  std::string path;
  uint32_t line = 0;
  std::shared_ptr<const jinja::Template> file;  // the parsed file that defines it
  std::string_view tag;  // "macro", "test" or "materialization" (a view into `file`)
  std::string_view sql;  // the whole block as written: dbt's macro_sql (a view into `file`)
  // A materialization's languages (dbt's supported_languages); nullopt for other macros.
  std::optional<std::vector<std::string>> supported_languages;
};

class MacroIndex {
 public:
  // Parses every file with `env` (which knows dbt's block tags, dbt_block_tags.h): its
  // {% macro %}, {% test %} and {% materialization %} blocks are macros; anything else in
  // the file is not. A syntax error or a duplicate macro name within one package is
  // recorded in errors() (each names file and line); the rest of the index is still built.
  MacroIndex(const jinja::Environment& env, const std::vector<MacroFile>& files,
             std::string root_package);

  const std::string& root_package() const { return root_package_; }
  const std::vector<std::string>& errors() const { return errors_; }

  // A macro of one package, or nullptr.
  const MacroDefinition* find(std::string_view package, std::string_view name) const;
  // Unqualified lookup from code of `calling_package`: that package, the root project,
  // then the internal package.
  const MacroDefinition* resolve(std::string_view calling_package, std::string_view name) const;
  bool has_package(std::string_view package) const;
  // All macros, in (package, name) order, for the manifest.
  std::vector<const MacroDefinition*> all() const;

 private:
  void add_file(const jinja::Environment& env, const MacroFile& file);

  std::string root_package_;
  // package -> name -> definition
  std::map<std::string, std::map<std::string, MacroDefinition, std::less<>>, std::less<>> packages_;
  std::vector<std::string> errors_;
};

}  // namespace kiln::compile

#include "compile/macro_index.h"

#include "compile/dbt_block_tags.h"

#include "jinja/error.h"

namespace kiln::compile {

MacroIndex::MacroIndex(const jinja::Environment& env, const std::vector<MacroFile>& files,
                       std::string root_package)
    : root_package_(std::move(root_package)) {
  for (const MacroFile& file : files)
    add_file(env, file);
}

void MacroIndex::add_file(const jinja::Environment& env, const MacroFile& file) {
  std::shared_ptr<const jinja::Template> parsed;
  try {
    parsed = env.parse(file.source, file.path);
  } catch (const jinja::Error& e) {
    errors_.push_back(std::string("Compilation Error in macro file ") + e.what());
    return;
  }
  auto& package = packages_[file.package];
  for (const auto& info : parsed->macros()) {
    if (!defines_dbt_macro(info.tag)) continue;  // docs blocks are not macros
    std::string name(info.name);
    auto [it, inserted] = package.try_emplace(name);
    if (!inserted) {
      errors_.push_back("Compilation Error: dbt found two macros named \"" + name +
                        "\" in the project \"" + file.package + "\": " + it->second.path + ":" +
                        std::to_string(it->second.line) + " and " + file.path + ":" +
                        std::to_string(info.line) +
                        ". Rename one of them, or remove the one you do not need.");
      continue;
    }
    it->second = MacroDefinition{file.package, name,     file.path, info.line,
                                 parsed,       info.tag, info.text, supported_languages(info)};
  }
}

const MacroDefinition* MacroIndex::find(std::string_view package, std::string_view name) const {
  auto pkg = packages_.find(package);
  if (pkg == packages_.end()) return nullptr;
  auto it = pkg->second.find(name);
  return it == pkg->second.end() ? nullptr : &it->second;
}

const MacroDefinition* MacroIndex::resolve(std::string_view calling_package,
                                           std::string_view name) const {
  if (const MacroDefinition* local = find(calling_package, name)) return local;
  if (const MacroDefinition* root = find(root_package_, name)) return root;
  return find(kInternalPackage, name);
}

bool MacroIndex::has_package(std::string_view package) const {
  return packages_.find(package) != packages_.end();
}

std::vector<const MacroDefinition*> MacroIndex::all() const {
  std::vector<const MacroDefinition*> out;
  for (const auto& [package, macros] : packages_) {
    for (const auto& [name, definition] : macros)
      out.push_back(&definition);
  }
  return out;
}

}  // namespace kiln::compile

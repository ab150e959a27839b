#include "compile/docs_index.h"

#include "jinja/error.h"
#include "jinja/template.h"

namespace kiln::compile {

namespace {

// Python's str.strip(): dbt strips a rendered docs block.
std::string strip(const std::string& s) {
  constexpr const char* kSpace = " \t\n\r\f\v";
  size_t start = s.find_first_not_of(kSpace);
  if (start == std::string::npos) return {};
  return s.substr(start, s.find_last_not_of(kSpace) - start + 1);
}

}  // namespace

DocsIndex::DocsIndex(const jinja::Environment& env, const std::vector<project::DocsFile>& files) {
  for (const project::DocsFile& file : files) {
    for (const project::NamedBlock& block : file.blocks) {
      std::string where = file.original_file_path + ":" + std::to_string(block.line);
      if (const DocBlock* earlier = find(file.package_name, block.name)) {
        errors_.push_back("Compilation Error: dbt found two docs blocks named \"" + block.name +
                          "\" in the project \"" + file.package_name +
                          "\": " + earlier->original_file_path + " and " + where +
                          ". Rename one of them, or remove the one you do not need.");
        continue;
      }
      DocBlock doc;
      doc.unique_id = "doc." + file.package_name + "." + block.name;
      doc.name = block.name;
      doc.package = file.package_name;
      doc.path = file.path;
      doc.original_file_path = file.original_file_path;
      try {
        // Blank lines in front put the body on its own lines of the file, so an error names
        // the file's line; the rendered text is stripped anyway.
        std::string body = std::string(size_t(block.line - 1), '\n') + block.body;
        auto tpl = env.parse(body, file.original_file_path);
        doc.block_contents = strip(env.render(*tpl, jinja::Value::dict()));
      } catch (const jinja::Error& e) {
        errors_.push_back("Compilation Error in docs block \"" + block.name + "\" (" +
                          file.original_file_path + ")\n  " + e.what());
        continue;
      }
      blocks_.push_back(std::move(doc));
    }
  }
}

const DocBlock* DocsIndex::find(std::string_view package, std::string_view name) const {
  for (const DocBlock& doc : blocks_) {
    if (doc.name == name && doc.package == package) return &doc;
  }
  return nullptr;
}

const DocBlock* DocsIndex::resolve(std::string_view name, const std::optional<std::string>& package,
                                   std::string_view root_package,
                                   std::string_view node_package) const {
  if (package) return find(*package, name);
  if (const DocBlock* root = find(root_package, name)) return root;
  if (const DocBlock* own = find(node_package, name)) return own;
  for (const DocBlock& doc : blocks_) {
    if (doc.name == name) return &doc;
  }
  return nullptr;
}

}  // namespace kiln::compile

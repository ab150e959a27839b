#include "compile/descriptions.h"

#include <memory>
#include <optional>

#include "compile/invocation_values.h"
#include "compile/ref_resolution.h"
#include "jinja/dict.h"
#include "jinja/error.h"
#include "jinja/template.h"

namespace kiln::compile {

namespace {

using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

// The YAML file that described the node ("models/schema.yml"), where its descriptions are
// written; the node's own file when no YAML did.
std::string properties_file(const project::NodeCommon& node) {
  size_t scheme = node.patch_path.find("://");
  if (scheme != std::string::npos) return node.patch_path.substr(scheme + 3);
  return node.original_file_path;
}

// doc('name') / doc('package', 'name'): the docs block's text. Each block found is added
// to `*found`, which the renderer points at the description being rendered.
Value doc_function(const DescriptionInputs& inputs, const ParsedNode& node,
                   std::shared_ptr<std::vector<std::string>*> found) {
  return Value::function("doc", [&inputs, &node, found](CallContext&, CallArgs& args) {
    if (args.positional.empty() || args.positional.size() > 2 || !args.keyword.empty()) {
      throw jinja::Error(jinja::ErrorKind::Type,
                         "doc() takes one or two arguments: doc('name') or "
                         "doc('package', 'name'), got " +
                             std::to_string(args.positional.size() + args.keyword.size()));
    }
    std::optional<std::string> package;
    if (args.positional.size() == 2) package = args.positional[0].str();
    std::string name = args.positional.back().str();
    const DocBlock* doc =
        inputs.docs->resolve(name, package, inputs.project->root.name, node.package());
    if (!doc) {
      throw jinja::Error(jinja::ErrorKind::Runtime,
                         "Documentation for '" + node.unique_id + "' depends on doc '" +
                             (package ? *package + "." : std::string()) + name +
                             "' which was not found: define it in a {% docs " + name +
                             " %} block of a .md file under docs-paths");
    }
    (*found)->push_back(doc->unique_id);
    return Value::string(doc->block_contents);
  });
}

class DescriptionRenderer {
 public:
  DescriptionRenderer(ParsedNode& node, const DescriptionInputs& inputs)
      : inputs_(inputs), file_(properties_file(*node.node)) {
    found_ = std::make_shared<std::vector<std::string>*>(nullptr);
    jinja::Dict values;
    values.set("doc", doc_function(inputs, node, found_));
    values.set("var",
               make_var_function(vars_for_node(*inputs.project, node.package(), inputs.cli_vars),
                                 node.unique_id));
    values.set("env_var", make_env_var_function());
    context_ = Value::dict(std::move(values));
  }

  // `text` rendered; the docs blocks it named are appended to `doc_blocks`.
  std::string render(const std::string& text, std::vector<std::string>& doc_blocks) {
    if (text.empty()) return text;
    *found_ = &doc_blocks;
    auto tpl = inputs_.jinja->parse(text, file_);
    return inputs_.jinja->render(*tpl, context_);
  }

  const std::string& file() const { return file_; }

 private:
  const DescriptionInputs& inputs_;
  std::string file_;
  std::shared_ptr<std::vector<std::string>*> found_;
  Value context_;
};

}  // namespace

void render_descriptions(ParsedNode& node, const DescriptionInputs& inputs,
                         std::vector<std::string>& problems) {
  const project::NodeCommon& common = *node.node;
  DescriptionRenderer renderer(node, inputs);
  try {
    node.description = renderer.render(common.description, node.doc_blocks);
    if (node.source) {
      std::vector<std::string> unused;  // dbt keeps no doc_blocks for source_description
      node.source_description = renderer.render(node.source->source_description, unused);
    }
    node.column_descriptions.clear();
    node.column_doc_blocks.assign(common.columns.size(), {});
    for (size_t i = 0; i < common.columns.size(); ++i) {
      node.column_descriptions.push_back(
          renderer.render(common.columns[i].description, node.column_doc_blocks[i]));
    }
  } catch (const jinja::Error& e) {
    // Without the error's line, which counts from the description's start, not the file's.
    problems.push_back("Compilation Error in " +
                       std::string(project::to_string(common.resource_type)) + " " + common.name +
                       " (" + renderer.file() + ")\n  " + e.message());
  }
}

}  // namespace kiln::compile

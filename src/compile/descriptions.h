#pragma once
// Descriptions as dbt writes them to the manifest. After parsing, dbt renders every
// description (dbt's process_docs): a node's, its columns', a source's and its
// source_description, in a small context of doc(), var() and env_var(). So
// `description: "{{ doc('orders') }}"` becomes the docs block's text, and the node's
// doc_blocks lists the blocks it named. Plain text renders to itself, except that Jinja drops
// one trailing newline, as it does in dbt.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compile/docs_index.h"
#include "compile/parsed_node.h"
#include "jinja/environment.h"
#include "project/project.h"

namespace kiln::compile {

struct DescriptionInputs {
  const jinja::Environment* jinja = nullptr;
  const DocsIndex* docs = nullptr;
  const project::Project* project = nullptr;
  nlohmann::ordered_json cli_vars = nlohmann::ordered_json::object();  // --vars
};

// Fills description, source_description, column_descriptions, doc_blocks and
// column_doc_blocks of `node`. A description that does not render (a doc() that names no
// docs block, a syntax error) adds a problem naming the node and its properties file.
void render_descriptions(ParsedNode& node, const DescriptionInputs& inputs,
                         std::vector<std::string>& problems);

}  // namespace kiln::compile

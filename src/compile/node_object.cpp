#include "compile/node_object.h"

#include "compile/json_value.h"
#include "jinja/dict.h"

namespace kiln::compile {

using jinja::Value;

namespace {

Value string_list(const std::vector<std::string>& items) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (const auto& item : items)
    values.push_back(Value::string(item));
  return Value::list(std::move(values));
}

Value columns_value(const std::vector<project::Column>& columns) {
  Value out = Value::dict();
  for (const project::Column& c : columns) {
    Value column = Value::dict();
    column.as_dict().set("name", Value::string(c.name));
    column.as_dict().set("description", Value::string(c.description));
    column.as_dict().set("data_type", c.data_type ? Value::string(*c.data_type) : Value::none());
    column.as_dict().set("meta", to_value(c.meta));
    column.as_dict().set("tags", string_list(c.tags));
    column.as_dict().set("quote", c.quote ? Value::boolean(*c.quote) : Value::none());
    out.as_dict().set(c.name, column);
  }
  return out;
}

}  // namespace

Value make_node_object(const ParsedNode& node) {
  const project::NodeCommon& common = *node.node;
  Value model = Value::dict();
  jinja::Dict& d = model.as_dict();
  d.set("name", Value::string(common.name));
  d.set("unique_id", Value::string(node.unique_id));
  d.set("resource_type", Value::string(std::string(project::to_string(node.resource_type))));
  d.set("package_name", Value::string(common.package_name));
  d.set("path", Value::string(common.path));
  d.set("original_file_path", Value::string(common.original_file_path));
  d.set("fqn", string_list(common.fqn));
  d.set("config", to_value(node.config));
  d.set("tags",
        node.config.contains("tags") ? to_value(node.config["tags"]) : string_list(common.tags));
  d.set("alias", Value::string(node.alias.empty() ? common.name : node.alias));
  d.set("schema", node.schema.empty() ? Value::none() : Value::string(node.schema));
  d.set("database", node.database.empty() ? Value::none() : Value::string(node.database));
  d.set("raw_code", Value::string(common.raw_code));
  d.set("raw_sql", Value::string(common.raw_code));
  d.set("language", Value::string(common.language));
  d.set("description", Value::string(common.description));
  d.set("meta", to_value(common.meta));
  d.set("columns", columns_value(common.columns));
  std::vector<Value> refs;
  for (const RefCall& ref : node.refs) {
    Value r = Value::dict();
    r.as_dict().set("name", Value::string(ref.name));
    r.as_dict().set("package", ref.package.empty() ? Value::none() : Value::string(ref.package));
    r.as_dict().set("version", to_value(ref.version));
    refs.push_back(r);
  }
  d.set("refs", Value::list(std::move(refs)));
  std::vector<Value> sources;
  for (const SourceCall& s : node.sources) {
    sources.push_back(Value::list({Value::string(s.source_name), Value::string(s.table_name)}));
  }
  d.set("sources", Value::list(std::move(sources)));
  Value depends_on = Value::dict();
  depends_on.as_dict().set("nodes", string_list(node.depends_on));
  depends_on.as_dict().set("macros", string_list(node.depends_on_macros));
  d.set("depends_on", depends_on);
  const project::Model* as_model = node.model;
  d.set("version", as_model ? to_value(as_model->version) : Value::none());
  d.set("latest_version", as_model ? to_value(as_model->latest_version) : Value::none());
  if (node.generic_test) {
    Value metadata = Value::dict();
    metadata.as_dict().set("name", Value::string(node.generic_test->test_name));
    metadata.as_dict().set("kwargs", to_value(node.generic_test->kwargs));
    metadata.as_dict().set("namespace", node.generic_test->test_namespace
                                            ? Value::string(*node.generic_test->test_namespace)
                                            : Value::none());
    d.set("test_metadata", metadata);
    d.set("column_name", node.generic_test->column_name
                             ? Value::string(*node.generic_test->column_name)
                             : Value::none());
  }
  return model;
}

}  // namespace kiln::compile

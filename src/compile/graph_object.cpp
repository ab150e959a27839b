#include "compile/graph_object.h"

#include <string_view>

#include "compile/node_object.h"
#include "jinja/dict.h"

namespace kiln::compile {

using jinja::Value;

namespace {

// A source's dict: the node fields plus what only sources have.
Value source_dict(const ParsedNode& node) {
  Value dict = make_node_object(node);
  const project::Source& source = *node.source;
  jinja::Dict& d = dict.as_dict();
  d.set("source_name", Value::string(source.source_name));
  d.set("source_description", Value::string(node.source_description));
  d.set("identifier", Value::string(source.identifier));
  d.set("schema", Value::string(node.schema.empty() ? source.schema : node.schema));
  d.set("loader", source.loader ? Value::string(*source.loader) : Value::string(""));
  d.set("loaded_at_field",
        source.loaded_at_field ? Value::string(*source.loaded_at_field) : Value::none());
  d.set("relation_name", Value::string(node.relation_name));
  return dict;
}

Value node_dict(const ParsedNode& node) {
  Value dict = make_node_object(node);
  dict.as_dict().set("relation_name", node.relation_name.empty()
                                          ? Value::none()
                                          : Value::string(node.relation_name));
  return dict;
}

class GraphObject : public jinja::Object {
 public:
  explicit GraphObject(const Manifest* manifest) : manifest_(manifest) {}

  std::string_view type_name() const override { return "dict"; }

  Value get_attr(std::string_view name) const override { return section(name); }
  Value get_item(const Value& key) const override {
    return key.is_string() ? section(key.as_string()) : Value::undefined();
  }

 private:
  // dbt's flat_graph has these sections; Kiln has nodes and sources, the rest stay empty.
  Value section(std::string_view name) const {
    if (name == "nodes") return built(nodes_, /*sources=*/false);
    if (name == "sources") return built(sources_, /*sources=*/true);
    static constexpr std::string_view kEmptySections[] = {
        "exposures", "metrics", "groups", "semantic_models", "saved_queries", "unit_tests"};
    for (std::string_view empty : kEmptySections) {
      if (name == empty) return Value::dict();
    }
    return Value::undefined();
  }

  Value built(Value& cache, bool sources) const {
    if (!cache.is_none()) return cache;
    cache = Value::dict();
    if (!manifest_) return cache;
    for (const ParsedNode& node : manifest_->nodes) {
      bool is_source = node.resource_type == project::ResourceType::Source;
      if (is_source != sources) continue;
      cache.as_dict().set(node.unique_id, is_source ? source_dict(node) : node_dict(node));
    }
    return cache;
  }

  const Manifest* manifest_;
  mutable Value nodes_ = Value::none();
  mutable Value sources_ = Value::none();
};

}  // namespace

Value make_graph_object(const Manifest* manifest) {
  return Value::object(new GraphObject(manifest));
}

}  // namespace kiln::compile

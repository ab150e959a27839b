// Block tags that an embedder registered to define macros (macro_tags.h): dbt's
// {% test name(model, column_name) %}, {% materialization name, adapter='duckdb' %} and
// {% docs name %}. Each becomes a MacroStmt, as Jinja2 extensions return a nodes.Macro.

#include <optional>
#include <utility>

#include "jinja/parser_internal.h"

namespace kiln::jinja::parsing {

namespace {

// The value of a literal expression: a constant, or a list or tuple of literals.
std::optional<Value> literal_value(const Expr& expr) {
  if (expr.kind == ExprKind::Const) return static_cast<const ConstExpr&>(expr).value;
  if (expr.kind != ExprKind::List && expr.kind != ExprKind::Tuple) return std::nullopt;
  std::vector<Value> items;
  for (const ExprPtr& item : static_cast<const SequenceExpr&>(expr).items) {
    std::optional<Value> value = literal_value(*item);
    if (!value) return std::nullopt;
    items.push_back(std::move(*value));
  }
  return expr.kind == ExprKind::List ? Value::list(std::move(items))
                                     : Value::tuple(std::move(items));
}

}  // namespace

std::string_view Parser::block_text(const Token& open) const {
  if (!at(TokenKind::BlockEnd)) return {};
  const char* end = cur().text.data() + cur().text.size();
  return std::string_view(open.text.data(), static_cast<size_t>(end - open.text.data()));
}

const MacroTag* Parser::find_macro_tag(std::string_view tag) const {
  if (!macro_tags_) return nullptr;
  auto it = macro_tags_->find(tag);
  return it == macro_tags_->end() ? nullptr : &it->second;
}

StmtPtr Parser::parse_macro_tag(const MacroTag& tag) {
  const Token& open = tokens_[pos_ - 1];
  const Token& tag_token = advance();
  auto node = make_node<MacroStmt>(tag_token);
  node->tag = tag_token.text;
  MacroTagHeader header;
  header.name = expect(TokenKind::Name).text;
  if (tag.takes_parameters) parse_signature(node->definition);
  if (tag.takes_options) parse_macro_tag_options(header);
  try {
    node->tag_macro_name = tag.macro_name(header);
  } catch (const MacroTagError& e) {
    fail(e.what(), tag_token);
  }
  node->definition.name = node->tag_macro_name;
  node->definition.line = node->line;
  node->options = std::move(header.options);
  parse_macro_body(node->definition, tag.end_tag);
  node->text = block_text(open);
  return node;
}

// `, key` or `, key = literal`, repeated.
void Parser::parse_macro_tag_options(MacroTagHeader& header) {
  while (skip_if(TokenKind::Comma)) {
    MacroTagOption option;
    option.key = expect(TokenKind::Name).text;
    if (skip_if(TokenKind::Assign)) {
      ExprPtr expr = parse_expression(true);
      std::optional<Value> value = literal_value(*expr);
      if (!value) {
        fail("the value of " + quoted(option.key) +
                 " must be a literal: a string, a number, or a list of them",
             *expr);
      }
      option.has_value = true;
      option.value = std::move(*value);
    }
    header.options.push_back(std::move(option));
  }
}

}  // namespace kiln::jinja::parsing

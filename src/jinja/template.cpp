#include "jinja/template.h"

#include "jinja/lexer.h"
#include "jinja/parser.h"

namespace kiln::jinja {

Template::Template(ConstructionTag, std::string name, std::string source)
    : name_(std::move(name)), source_(std::move(source)) {}

std::shared_ptr<const Template> Template::parse(std::string_view source, std::string name,
                                                const MacroTags* macro_tags) {
  auto tpl = std::make_shared<Template>(ConstructionTag{}, std::move(name),
                                        normalize_template_source(source));
  // Tokens point into tpl->source_, which now stays where it is for the Template's life.
  std::optional<Error> lex_error;
  std::vector<Token> tokens = tokenize(tpl->source_, tpl->name_, lex_error);
  tpl->body_ = parse_template(tokens, tpl->name_, lex_error, macro_tags);
  if (lex_error) throw *lex_error;  // the parser ended before the failing token
  for (const ast::StmtPtr& stmt : tpl->body_) {
    if (stmt->kind != ast::StmtKind::Macro) continue;
    const auto& macro = static_cast<const ast::MacroStmt&>(*stmt);
    tpl->macros_.push_back(MacroInfo{macro.definition.name, macro.definition.line,
                                     &macro.definition, macro.tag, &macro.options, macro.text});
  }
  return tpl;
}

const ast::MacroDefinition* Template::find_macro(std::string_view name) const {
  // Jinja2 binds a name to its last definition, so the last macro of that name wins.
  for (auto it = macros_.rbegin(); it != macros_.rend(); ++it) {
    if (it->name == name) return it->definition;
  }
  return nullptr;
}

}  // namespace kiln::jinja

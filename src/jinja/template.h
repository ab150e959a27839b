#pragma once
// A parsed template: its source (which the AST's names and text point into) and the AST.
// Immutable after parsing, so one Template is rendered by many threads at once.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/ast.h"
#include "jinja/macro_tags.h"

namespace kiln::jinja {

class Template : public std::enable_shared_from_this<Template> {
 public:
  // A macro defined at the top level of the template, for embedders that index macros
  // without rendering (dbt's macro registry).
  struct MacroInfo {
    std::string_view name;
    uint32_t line;
    const ast::MacroDefinition* definition;
    std::string_view tag;  // "macro", or the embedder's tag that defined it (macro_tags.h)
    const std::vector<MacroTagOption>* options;  // that tag's options (empty for "macro")
    std::string_view text;                       // the whole block, as written
  };

  // Lexes and parses `source`; throws Error(ErrorKind::Syntax). `macro_tags` are the
  // embedder's macro-defining block tags (macro_tags.h), if any.
  static std::shared_ptr<const Template> parse(std::string_view source, std::string name,
                                               const MacroTags* macro_tags = nullptr);

  const std::string& name() const { return name_; }
  // The source as the lexer saw it (newlines normalised, trailing newline dropped).
  const std::string& source() const { return source_; }
  const ast::Body& body() const { return body_; }
  const std::vector<MacroInfo>& macros() const { return macros_; }
  // The top-level macro `name`, or nullptr.
  const ast::MacroDefinition* find_macro(std::string_view name) const;

  // Construct only through parse(): the AST points into source_, so a Template must never
  // be copied or moved. The tag keeps the constructor effectively private while letting
  // std::make_shared call it.
  struct ConstructionTag {
   private:
    ConstructionTag() = default;
    friend class Template;
  };
  Template(ConstructionTag, std::string name, std::string source);
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

 private:
  std::string name_;
  std::string source_;
  ast::Body body_;
  std::vector<MacroInfo> macros_;
};

}  // namespace kiln::jinja

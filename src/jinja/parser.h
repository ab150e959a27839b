#pragma once
// The parser: tokens -> AST, following Jinja2's grammar and precedence, with its error
// messages ("unexpected '}'", "Encountered unknown tag 'endfo'. Jinja was looking for ...").

#include <optional>
#include <string>
#include <vector>

#include "jinja/ast.h"
#include "jinja/error.h"
#include "jinja/macro_tags.h"
#include "jinja/token.h"

namespace kiln::jinja {

// Parses a whole template. Names and text in the AST are views into the source the tokens
// point into. Throws Error(ErrorKind::Syntax) with `template_name`, line and column.
// Tags that dbt models do not use (extends, block, include, import, from, autoescape)
// are rejected with an error naming the tag.
// `lex_error` is the error that ends the tokens with an Error token, if any. `macro_tags`
// are the embedder's block tags that define macros (macro_tags.h), if any.
ast::Body parse_template(const std::vector<Token>& tokens, const std::string& template_name,
                         const std::optional<Error>& lex_error = std::nullopt,
                         const MacroTags* macro_tags = nullptr);

}  // namespace kiln::jinja

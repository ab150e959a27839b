#pragma once
// The lexer: template source -> tokens, with Jinja2's rules as dbt configures it (default
// delimiters, whitespace control with '-' and '+', no trim_blocks/lstrip_blocks).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jinja/error.h"
#include "jinja/token.h"

namespace kiln::jinja {

// Jinja2 reads a template with "\r\n", "\r" and "\n" all meaning a newline, writes them as
// "\n", and (keep_trailing_newline=False) drops one newline at the very end. Token texts
// are views into the string this returns, so the caller keeps it alive.
std::string normalize_template_source(std::string_view source);

// Splits normalised source into tokens ending with an Eof token. Comments and the
// {% raw %} markers produce no tokens (raw content becomes Data). Throws
// Error(ErrorKind::Syntax) naming `template_name`, line and column.
std::vector<Token> tokenize(std::string_view source, const std::string& template_name);

// Like tokenize, but a lexing error does not throw: the tokens end with an Error token (then
// Eof) and `error` receives the error. Jinja2 lexes lazily, so a parse error before that
// point is what it reports; the parser raises `error` only when it reaches the token.
std::vector<Token> tokenize(std::string_view source, const std::string& template_name,
                            std::optional<Error>& error);

}  // namespace kiln::jinja

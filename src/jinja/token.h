#pragma once
// Tokens of the Jinja language as the lexer hands them to the parser. A token's text is a
// view into the template's (newline-normalised) source, which the Template owns, so lexing
// allocates nothing but the token vector.

#include <cstdint>
#include <string_view>

namespace kiln::jinja {

enum class TokenKind : uint8_t {
  Data,           // template text outside of tags (already whitespace-stripped)
  VariableBegin,  // {{
  VariableEnd,    // }}
  BlockBegin,     // {%
  BlockEnd,       // %}
  Name,
  String,   // text is the literal with its quotes; escapes are decoded by the parser
  Integer,  // text as written (may hold '_' and a 0x/0o/0b prefix)
  Float,
  // Operators.
  Add,        // +
  Sub,        // -
  Mul,        // *
  Div,        // /
  FloorDiv,   // //
  Mod,        // %
  Pow,        // **
  Tilde,      // ~
  LBracket,   // [
  RBracket,   // ]
  LParen,     // (
  RParen,     // )
  LBrace,     // {
  RBrace,     // }
  Eq,         // ==
  Ne,         // !=
  Gt,         // >
  GtEq,       // >=
  Lt,         // <
  LtEq,       // <=
  Assign,     // =
  Dot,        // .
  Colon,      // :
  Pipe,       // |
  Comma,      // ,
  Semicolon,  // ;
  Error,      // where lexing failed; the parser raises the lexer's error on reaching it
  Eof,
};

struct Token {
  TokenKind kind;
  uint32_t line;    // 1-based
  uint32_t column;  // 1-based
  std::string_view text;
};

// How Jinja2 names a token kind in error messages ("end of print statement", "'+'").
std::string_view describe_token_kind(TokenKind kind);
// Like describe_token_kind, but a name token is described by its text.
std::string_view describe_token(const Token& token);

}  // namespace kiln::jinja

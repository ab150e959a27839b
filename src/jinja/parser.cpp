// The parser's core: the token stream, the template's structure (text, {{ }}, {% %}) and
// Jinja2's explanations of unknown tags and early ends. Statements are in
// parser_statements.cpp, expressions in parser_expressions.cpp (see parser_internal.h).

#include "jinja/parser.h"

#include "jinja/parser_internal.h"

namespace kiln::jinja::parsing {

Body Parser::parse() {
  check_lexed(0);
  Body body = subparse(nullptr);
  if (misplaced_loop_control_) throw *misplaced_loop_control_;
  return body;
}

const Token& Parser::peek() const {
  size_t next = pos_ + 1 < tokens_.size() ? pos_ + 1 : pos_;
  check_lexed(next);
  return tokens_[next];
}

const Token& Parser::advance() {
  const Token& t = tokens_[pos_];
  if (t.kind != TokenKind::Eof) check_lexed(++pos_);
  return t;
}

void Parser::check_lexed(size_t index) const {
  if (tokens_[index].kind == TokenKind::Error && lex_error_) throw *lex_error_;
}

bool Parser::skip_if(TokenKind kind) {
  if (!at(kind)) return false;
  advance();
  return true;
}

bool Parser::skip_if_name(std::string_view name) {
  if (!at_name(name)) return false;
  advance();
  return true;
}

const Token& Parser::expect(TokenKind kind) {
  if (!at(kind)) fail_expected(describe_token_kind(kind));
  return advance();
}

const Token& Parser::expect_name(std::string_view name) {
  if (!at_name(name)) fail_expected(name);
  return advance();
}

Body Parser::subparse(const std::vector<std::string_view>* end_tags) {
  Body body;
  if (end_tags) end_stack_.push_back(*end_tags);
  while (!at(TokenKind::Eof)) {
    const Token& token = advance();
    if (token.kind == TokenKind::Data) {
      auto text = make_node<TextStmt>(token);
      text->text = token.text;
      body.push_back(std::move(text));
    } else if (token.kind == TokenKind::VariableBegin) {
      auto print = make_node<PrintStmt>(token);
      print->expr = parse_tuple(TupleOptions{});
      body.push_back(std::move(print));
      expect(TokenKind::VariableEnd);
    } else if (token.kind == TokenKind::BlockBegin) {
      if (end_tags && at(TokenKind::Name) && is_one_of(cur().text, *end_tags)) {
        end_stack_.pop_back();
        return body;
      }
      parse_statement(body);
      expect(TokenKind::BlockEnd);
    } else {
      fail("unexpected " + quoted(describe_token(token)), token);
    }
  }
  if (end_tags) end_stack_.pop_back();
  return body;
}

bool Parser::is_one_of(std::string_view name, const std::vector<std::string_view>& names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

Body Parser::parse_statements(EndTags end_tags, bool drop_needle) {
  std::vector<std::string_view> ends(end_tags);
  skip_if(TokenKind::Colon);
  expect(TokenKind::BlockEnd);
  Body body = subparse(&ends);
  if (at(TokenKind::Eof)) fail_eof(ends);
  if (drop_needle) advance();
  return body;
}

}  // namespace kiln::jinja::parsing

namespace kiln::jinja {

ast::Body parse_template(const std::vector<Token>& tokens, const std::string& template_name,
                         const std::optional<Error>& lex_error, const MacroTags* macro_tags) {
  return parsing::Parser(tokens, template_name, lex_error, macro_tags).parse();
}

}  // namespace kiln::jinja

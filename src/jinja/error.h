#pragma once
// Errors raised while parsing or rendering a template. Every error names the template, the
// line and the column (1-based) where it happened, and says what was expected, as in
//   models/stg_orders.sql:12:8: expected 'endfor' to close the 'for' on line 3, found end of file

#include <cstdint>
#include <exception>
#include <string>

namespace kiln::jinja {

struct SourceLocation {
  std::string template_name;
  uint32_t line = 0;    // 1-based; 0 when unknown
  uint32_t column = 0;  // 1-based; 0 when unknown
};

// Python/Jinja2's exception classes that templates and users can tell apart.
enum class ErrorKind {
  Syntax,     // TemplateSyntaxError
  Undefined,  // UndefinedError
  Type,       // TypeError
  Value,      // ValueError
  Key,        // KeyError
  Index,      // IndexError
  ZeroDivision,
  Overflow,
  Security,   // SecurityError (sandbox)
  Runtime,    // TemplateRuntimeError and errors raised by native functions
};

class Error : public std::exception {
 public:
  Error(ErrorKind kind, std::string message, SourceLocation where = {});

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }
  // Fills in the location if none is known yet (errors thrown by values get the location
  // of the expression that evaluated them).
  void locate(const SourceLocation& where);
  // "name:line:column: message"
  const char* what() const noexcept override { return formatted_.c_str(); }

 private:
  ErrorKind kind_;
  std::string message_;
  SourceLocation where_;
  std::string formatted_;
};

}  // namespace kiln::jinja

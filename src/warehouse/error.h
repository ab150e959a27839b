#pragma once
// The one exception type the warehouse stage throws. The engine's own message is kept
// unchanged (dbt shows the database's error text verbatim, and users search for it), and
// the kind lets callers tell a cancelled query from a failed one without parsing text.

#include <stdexcept>
#include <string>

namespace kiln::warehouse {

enum class ErrorKind {
  Query,        // the engine rejected or failed a statement (syntax, catalog, constraint, ...)
  Interrupted,  // Connection::interrupt() cancelled the statement
  Connection,   // the database could not be opened or a connection could not be made
  Extension,    // an extension could not be loaded
  Usage,        // Kiln asked for something the interface does not allow (a bug upstream)
};

class WarehouseError : public std::runtime_error {
 public:
  WarehouseError(ErrorKind kind, std::string engine_message, std::string context = {});

  ErrorKind kind() const { return kind_; }
  // The engine's text exactly as it reported it.
  const std::string& engine_message() const { return engine_message_; }
  // What Kiln was doing (e.g. the statement), empty when nothing useful is known.
  const std::string& context() const { return context_; }

 private:
  ErrorKind kind_;
  std::string engine_message_;
  std::string context_;
};

}  // namespace kiln::warehouse

#pragma once

#include <stdexcept>
#include <string>

#include "project/source_pos.h"

namespace kiln::project {

// Every problem the project stage reports to the user is a ProjectError: it names the
// file and line, says what is wrong and, in the message, what to do about it.
class ProjectError : public std::runtime_error {
 public:
  ProjectError(SourcePos where, const std::string& message);

  const SourcePos& where() const { return where_; }
  // The message without the "file:line: " prefix.
  const std::string& message() const { return message_; }

 private:
  SourcePos where_;
  std::string message_;
};

// A problem that dbt reports as a warning (deprecated keys, duplicate YAML keys):
// loading goes on, and the CLI prints these.
struct Warning {
  SourcePos where;
  std::string message;
};

}  // namespace kiln::project

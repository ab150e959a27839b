#include "cli/log_event.h"

#include <stdexcept>

namespace kiln::cli {

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::Debug:
      return "debug";
    case LogLevel::Info:
      return "info";
    case LogLevel::Warn:
      return "warn";
    case LogLevel::Error:
      return "error";
  }
  return "info";
}

LogLevel parse_level(const std::string& text) {
  if (text == "debug") return LogLevel::Debug;
  if (text == "info") return LogLevel::Info;
  if (text == "warn") return LogLevel::Warn;
  if (text == "error") return LogLevel::Error;
  throw std::invalid_argument("unknown log level '" + text + "'");
}

LogEvent note(const std::string& message, LogLevel level) {
  return {"Note", "Z050", level, message, {{"msg", message}}};
}

LogEvent formatting(const std::string& line) {
  return {"Formatting", "Z017", LogLevel::Info, line, {{"msg", line}}};
}

LogEvent print_event(const std::string& text) {
  return {"PrintEvent", "Z052", LogLevel::Info, text, {{"msg", text}}};
}

}  // namespace kiln::cli

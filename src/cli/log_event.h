#pragma once
// One thing kiln reports, shaped as dbt's structured events (dbt-core core/dbt/events/types.py
// and core_types.proto): the event's class name and code, its level, the text line dbt
// prints, and the event's fields. The console prints `msg` as a text line, or the whole event
// as one JSON object with --log-format json.

#include <string>

#include <nlohmann/json.hpp>

namespace kiln::cli {

// dbt's EventLevel, in increasing severity: a console set to a level prints that level and up.
enum class LogLevel { Debug, Info, Warn, Error };

const char* level_name(LogLevel level);  // "debug", "info", "warn", "error"
// "debug" | "info" | "warn" | "error" | "none" (none: nothing at all); throws on anything else.
LogLevel parse_level(const std::string& text);

struct LogEvent {
  std::string name;  // dbt's event class: "LogModelResult"
  std::string code;  // its code: "Q012"
  LogLevel level = LogLevel::Info;
  std::string msg;                                                 // the text line, no timestamp
  nlohmann::ordered_json data = nlohmann::ordered_json::object();  // the event's proto fields
  std::string thread = "MainThread";  // Python's thread name: "MainThread", "Thread-1 (worker)"
};

// dbt's unstructured events: Note (Z050) for a message, Formatting (Z017) for layout lines.
LogEvent note(const std::string& message, LogLevel level = LogLevel::Info);
LogEvent formatting(const std::string& line = "");
// PrintEvent (Z052): output that is the command's result (ls lines), printed without a
// timestamp and even with --quiet.
LogEvent print_event(const std::string& text);

}  // namespace kiln::cli

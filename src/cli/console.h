#pragma once
// What Kiln prints, as dbt prints it: timestamped lines on stdout ("12:00:01  1 of 9 START sql
// view model main.stg_wizards ........ [RUN]"), or one JSON object per line with
// --log-format json. Thread-safe: worker threads report nodes as they finish.

#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace kiln::cli {

class Console {
 public:
  explicit Console(bool json) : json_(json) {}

  void info(const std::string& message, const std::string& event = "Note");
  void warn(const std::string& message);
  void error(const std::string& message);
  // A node line with the status in brackets, padded with dots to dbt's width:
  // "1 of 9 START sql view model main.stg_wizards .......... [RUN]".
  void node_line(const std::string& message, const std::string& status, const std::string& event,
                 const nlohmann::ordered_json& data = nlohmann::ordered_json::object());

 private:
  void emit(const std::string& level, const std::string& event, const std::string& message,
            const nlohmann::ordered_json& data, bool to_stderr);

  bool json_;
  std::mutex mutex_;
};

}  // namespace kiln::cli

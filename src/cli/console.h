#pragma once
// What Kiln prints, as dbt prints it (dbt_common/events/logger.py): every event is a text line
// "12:00:01  1 of 9 START sql view model main.stg_wizards ........ [RUN]" on stdout, or with
// --log-format json one JSON object per line (cli/json_log_line.h). Events below the console's
// level (dbt's --log-level, --debug) are not printed. Thread-safe: worker threads report nodes
// as they run.
//
// On a terminal, in text format, the console also keeps a live progress line at the bottom
// (cli/progress_line.h): erased before each log line and redrawn after it, refreshed a few
// times a second, and erased for good when the run ends.

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "cli/json_log_line.h"
#include "cli/log_event.h"
#include "cli/progress_line.h"

namespace kiln::cli {

enum class LineFormat { Text, Debug, Json };  // --log-format text|default, debug, json

struct ConsoleOptions {
  LineFormat format = LineFormat::Text;
  std::optional<LogLevel> level = LogLevel::Info;  // nullopt: --log-level none
  bool progress = false;  // draw the progress line (a terminal, text format)
  size_t width = 80;      // the terminal's columns, for the progress line
};

class Console {
 public:
  explicit Console(ConsoleOptions options, FILE* out = stdout);
  ~Console();
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  // Every JSON event carries the invocation id of run_results.json; set it once known.
  void set_invocation_id(const std::string& invocation_id);
  const std::string& invocation_id() const { return context_.invocation_id; }
  bool is_json() const { return options_.format == LineFormat::Json; }

  void fire(const LogEvent& event);
  void info(const std::string& message) { fire(note(message)); }
  void warn(const std::string& message) { fire(note("[WARNING]: " + message, LogLevel::Warn)); }
  void error(const std::string& message) { fire(note(message, LogLevel::Error)); }
  void blank() { fire(formatting("")); }

  // The progress line, when options.progress: shown from start_progress to stop_progress.
  void start_progress(size_t total);
  void progress_started(size_t index, const std::string& name);
  void progress_finished(size_t index);
  void progress_skipped();
  void stop_progress();

 private:
  std::string text_line(const LogEvent& event) const;
  void erase_progress_locked();
  void draw_progress_locked();
  void tick();

  ConsoleOptions options_;
  FILE* out_;
  JsonLogContext context_;
  std::mutex mutex_;
  std::optional<ProgressLine> progress_;
  bool progress_drawn_ = false;
  bool ticking_ = false;
  std::condition_variable tick_stop_;
  std::thread ticker_;
};

// Whether `file` is a terminal a progress line can be drawn on (not TERM=dumb), and its width.
bool is_progress_terminal(FILE* file);
size_t terminal_width(FILE* file);

}  // namespace kiln::cli

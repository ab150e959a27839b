#include "cli/console.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace kiln::cli {

namespace {

// Erase the current terminal line: back to column 0, then clear it.
constexpr const char* kEraseLine = "\r\x1b[2K";
constexpr auto kTickPeriod = std::chrono::milliseconds(250);

// dbt's text lines carry the UTC wall clock: "12:00:01  message".
std::string utc_clock(artifacts::TimePoint now) {
  auto seconds = static_cast<std::time_t>(now.time_since_epoch().count() / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// dbt's debug lines: local time with microseconds (timestamp_to_datetime_string).
std::string local_clock_micros(artifacts::TimePoint now) {
  auto micros = now.time_since_epoch().count();
  auto seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  localtime_r(&seconds, &tm);
  return fmt::format("{:02}:{:02}:{:02}.{:06}", tm.tm_hour, tm.tm_min, tm.tm_sec, micros % 1000000);
}

}  // namespace

bool is_progress_terminal(FILE* file) {
  if (!isatty(fileno(file))) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string(term) != "dumb";
}

size_t terminal_width(FILE* file) {
  winsize size{};
  if (ioctl(fileno(file), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

Console::Console(ConsoleOptions options, FILE* out) : options_(options), out_(out) {
  context_.pid = static_cast<int>(getpid());
  context_.extra = custom_env_vars();
  if (options_.format != LineFormat::Text) options_.progress = false;
}

Console::~Console() {
  stop_progress();
}

void Console::set_invocation_id(const std::string& invocation_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  context_.invocation_id = invocation_id;
}

std::string Console::text_line(const LogEvent& event) const {
  artifacts::TimePoint now = artifacts::now_micros();
  if (options_.format == LineFormat::Json) return json_log_line(event, context_, now);
  // PrintEvent (ls output, show's table) is printed bare, as dbt does.
  if (event.name == "PrintEvent") return event.msg;
  if (options_.format == LineFormat::Text) return utc_clock(now) + "  " + event.msg;
  // dbt's DebugText: a separator opens the invocation, then "time [level] [thread]: msg".
  std::string line;
  if (event.name == "MainReportVersion") {
    std::string bar(30, '=');
    line = fmt::format("\n\n{} {} | {} {}\n", bar, local_clock_micros(now), context_.invocation_id,
                       bar);
  }
  std::string thread = event.thread.substr(0, 10);
  return line + fmt::format("{} [{:<5}] [{:<10}]: {}", local_clock_micros(now),
                            level_name(event.level), thread, event.msg);
}

void Console::fire(const LogEvent& event) {
  // dbt sends PrintEvent at error level so that --quiet still prints it.
  LogLevel level = event.name == "PrintEvent" ? LogLevel::Error : event.level;
  if (!options_.level || level < *options_.level) return;
  std::lock_guard<std::mutex> lock(mutex_);
  std::string line = text_line(event);
  erase_progress_locked();
  std::fprintf(out_, "%s\n", line.c_str());
  draw_progress_locked();
  std::fflush(out_);
}

void Console::erase_progress_locked() {
  if (!progress_drawn_) return;
  std::fputs(kEraseLine, out_);
  progress_drawn_ = false;
}

void Console::draw_progress_locked() {
  if (!progress_) return;
  std::string line = progress_->render(ProgressLine::Clock::now(), options_.width - 1);
  std::fprintf(out_, "%s%s", kEraseLine, line.c_str());
  progress_drawn_ = true;
}

void Console::start_progress(size_t total) {
  if (!options_.progress) return;
  std::lock_guard<std::mutex> lock(mutex_);
  progress_.emplace(total, ProgressLine::Clock::now());
  draw_progress_locked();
  std::fflush(out_);
  ticking_ = true;
  ticker_ = std::thread([this] { tick(); });
}

// Redraws the line a few times a second so the elapsed time moves while a long node runs.
void Console::tick() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (ticking_) {
    tick_stop_.wait_for(lock, kTickPeriod);
    if (!ticking_) break;
    draw_progress_locked();
    std::fflush(out_);
  }
}

void Console::progress_started(size_t index, const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!progress_) return;
  progress_->node_started(index, name);
  draw_progress_locked();
  std::fflush(out_);
}

void Console::progress_finished(size_t index) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!progress_) return;
  progress_->node_finished(index);
  draw_progress_locked();
  std::fflush(out_);
}

void Console::progress_skipped() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!progress_) return;
  progress_->node_skipped();
  draw_progress_locked();
  std::fflush(out_);
}

void Console::stop_progress() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!progress_) return;
    ticking_ = false;
    erase_progress_locked();
    progress_.reset();
    std::fflush(out_);
  }
  tick_stop_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

}  // namespace kiln::cli

#include "cli/console.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

namespace kiln::cli {

namespace {

std::string clock_time() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return fmt::format("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string iso_now() {
  auto now = std::chrono::system_clock::now();
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, micros % 1000000);
}

// dbt pads node lines with dots so the bracketed status lines up at column 80.
std::string dotted(const std::string& message, const std::string& status) {
  constexpr size_t kWidth = 80;
  std::string line = message + " ";
  size_t used = line.size() + status.size() + 1;
  if (used < kWidth) line += std::string(kWidth - used, '.');
  return line + " " + status;
}

}  // namespace

void Console::emit(const std::string& level, const std::string& event, const std::string& message,
                   const nlohmann::ordered_json& data, bool to_stderr) {
  std::lock_guard<std::mutex> lock(mutex_);
  FILE* out = to_stderr && !json_ ? stderr : stdout;
  if (json_) {
    nlohmann::ordered_json line = {
        {"info", {{"name", event}, {"level", level}, {"msg", message}, {"ts", iso_now()}}},
        {"data", data}};
    std::fprintf(out, "%s\n",
                 line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::fprintf(out, "%s  %s\n", clock_time().c_str(), message.c_str());
  }
  std::fflush(out);
}

void Console::info(const std::string& message, const std::string& event) {
  emit("info", event, message, nlohmann::ordered_json::object(), false);
}

void Console::warn(const std::string& message) {
  emit("warn", "Warning", "[WARNING]: " + message, nlohmann::ordered_json::object(), false);
}

void Console::error(const std::string& message) {
  emit("error", "Error", message, nlohmann::ordered_json::object(), true);
}

void Console::node_line(const std::string& message, const std::string& status,
                        const std::string& event, const nlohmann::ordered_json& data) {
  emit(status.find("ERROR") != std::string::npos || status.find("FAIL") != std::string::npos
           ? "error"
           : "info",
       event, dotted(message, status), data, false);
}

}  // namespace kiln::cli

// The console: levels as dbt filters them, text and JSON lines, and the progress line on a
// (pretend) terminal, written to a temporary file instead of stdout.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <string>

#include "cli/console.h"

namespace kiln::cli {
namespace {

class Captured {
 public:
  Captured() : file_(std::tmpfile()) {}
  ~Captured() { std::fclose(file_); }
  FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    std::rewind(file_);
    std::string out;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0)
      out.append(buffer, n);
    return out;
  }

 private:
  FILE* file_;
};

TEST(Console, TextLinesCarryTheClockAndTheMessage) {
  Captured out;
  {
    Console console({}, out.file());
    console.info("Found 3 models");
  }
  EXPECT_TRUE(std::regex_match(out.text(), std::regex(R"(\d\d:\d\d:\d\d  Found 3 models\n)")))
      << out.text();
}

TEST(Console, DebugEventsNeedTheDebugLevel) {
  LogEvent debug{"NodeStart", "Q024", LogLevel::Debug, "Began running node x", {}};
  Captured info_out, debug_out;
  {
    Console info({}, info_out.file());
    info.fire(debug);
    ConsoleOptions options;
    options.level = LogLevel::Debug;
    Console verbose(options, debug_out.file());
    verbose.fire(debug);
  }
  EXPECT_EQ(info_out.text(), "");
  EXPECT_NE(debug_out.text().find("Began running node x"), std::string::npos);
}

TEST(Console, LevelNoneAndQuietStillPrintPrintEventsOnlyWhenAsked) {
  Captured none_out, quiet_out;
  {
    ConsoleOptions none;
    none.level = std::nullopt;
    Console silent(none, none_out.file());
    silent.error("boom");
    silent.fire(print_event("stg_orders"));
    ConsoleOptions quiet;
    quiet.level = LogLevel::Error;
    Console q(quiet, quiet_out.file());
    q.info("hidden");
    q.fire(print_event("stg_orders"));
  }
  EXPECT_EQ(none_out.text(), "");
  EXPECT_EQ(quiet_out.text(), "stg_orders\n");
}

TEST(Console, JsonLinesCarryTheInvocationId) {
  Captured out;
  {
    ConsoleOptions options;
    options.format = LineFormat::Json;
    Console console(options, out.file());
    console.set_invocation_id("abc");
    console.warn("careful");
  }
  nlohmann::json line = nlohmann::json::parse(out.text());
  EXPECT_EQ(line["info"]["invocation_id"], "abc");
  EXPECT_EQ(line["info"]["level"], "warn");
  EXPECT_EQ(line["info"]["name"], "Note");
  EXPECT_EQ(line["info"]["msg"], "[WARNING]: careful");
  EXPECT_EQ(line["data"]["msg"], "[WARNING]: careful");
}

TEST(Console, DebugFormatHasDbtsSeparatorAndLevelColumn) {
  Captured out;
  {
    ConsoleOptions options;
    options.format = LineFormat::Debug;
    Console console(options, out.file());
    console.set_invocation_id("abc");
    console.fire({"MainReportVersion", "A001", LogLevel::Info, "Running with kiln=0.1.0", {}});
  }
  EXPECT_TRUE(std::regex_search(out.text(),
                                std::regex(R"(\n\n={30} [0-9:.]+ \| abc ={30}\n[0-9:.]+ \[info \] )"
                                           R"(\[MainThread\]: Running with kiln=0\.1\.0\n)")))
      << out.text();
}

TEST(Console, ProgressLineIsErasedAroundLogLinesAndAtTheEnd) {
  Captured out;
  {
    ConsoleOptions options;
    options.progress = true;
    options.width = 60;
    Console console(options, out.file());
    console.start_progress(2);
    console.progress_started(1, "stg_orders");
    console.info("1 of 2 START");
    console.progress_finished(1);
    console.stop_progress();
    console.info("Done.");
  }
  std::string text = out.text();
  const std::string erase = "\r\x1b[2K";
  // The log line comes right after an erase, and the line drawn after it names the node.
  EXPECT_NE(text.find(erase + "0 of 2 done, 1 running (stg_orders)"), std::string::npos) << text;
  size_t log_line = text.find("1 of 2 START\n");
  ASSERT_NE(log_line, std::string::npos);
  EXPECT_EQ(text.substr(log_line - 10 - erase.size(), erase.size()), erase) << text;
  EXPECT_NE(text.find("1 of 2 done"), std::string::npos) << text;
  // After stop_progress nothing is drawn again: the last line is a plain log line.
  std::string tail = text.substr(text.rfind(erase) + erase.size());
  EXPECT_TRUE(std::regex_match(tail, std::regex(R"(\d\d:\d\d:\d\d  Done\.\n)"))) << tail;
}

TEST(Console, NoProgressLineInJsonFormat) {
  Captured out;
  {
    ConsoleOptions options;
    options.format = LineFormat::Json;
    options.progress = true;
    Console console(options, out.file());
    console.start_progress(2);
    console.progress_started(1, "x");
    console.stop_progress();
  }
  EXPECT_EQ(out.text(), "");
}

}  // namespace
}  // namespace kiln::cli

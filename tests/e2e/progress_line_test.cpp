// On a terminal, kiln keeps a live progress line at the bottom ("3 of 12 done, 1 running
// (stg_orders), 1.2s"), erased before each log line and at the end. The run happens on a
// pseudo-terminal, as for a user at a shell.

#include "e2e_support.h"

namespace kiln::e2e {
namespace {

constexpr const char* kErase = "\r\x1b[2K";

// The output with every progress drawing removed: what the user's scrollback keeps.
std::string without_progress(const std::string& out) {
  std::string text;
  size_t at = 0;
  while (at < out.size()) {
    size_t erase = out.find(kErase, at);
    if (erase == std::string::npos) {
      text += out.substr(at);
      break;
    }
    text += out.substr(at, erase - at);
    // A drawing runs from the erase to the next erase (the line is never ended by "\n").
    size_t next = out.find(kErase, erase + 4);
    size_t newline = out.find('\n', erase + 4);
    at = erase + 4;
    if (next != std::string::npos && (newline == std::string::npos || next < newline)) {
      at = next;
    }
  }
  return text;
}

TEST(ProgressLineTest, DrawnOnATerminalAndErasedAroundLogLines) {
  KilnProject project("e2e_slow");
  KilnResult built = project.run_on_terminal({"build"});
  ASSERT_KILN_EXIT(built, 0);

  EXPECT_NE(built.out.find(kErase), std::string::npos) << built.out;
  EXPECT_NE(built.out.find(" of 3 done"), std::string::npos) << built.out;
  EXPECT_NE(built.out.find("1 running (first)"), std::string::npos) << built.out;
  // Never left on screen: after the last log line only erasing remains.
  std::string tail = built.out.substr(built.out.rfind('\n') + 1);
  EXPECT_TRUE(tail.empty() || tail == kErase) << "left after the run: " << tail;
  // Every drawing is erased before the next log line, so the log itself reads as without a
  // terminal.
  std::string text = without_progress(built.out);
  EXPECT_EQ(text.find(" done, "), std::string::npos) << text;
  EXPECT_NE(text.find("Completed successfully"), std::string::npos) << text;
  EXPECT_NE(text.find("OK created sql table model main.answer"), std::string::npos) << text;
}

TEST(ProgressLineTest, NeverInJsonMode) {
  KilnProject project("e2e_slow");
  KilnResult built = project.run_on_terminal({"build", "--log-format", "json"});
  ASSERT_KILN_EXIT(built, 0);
  EXPECT_EQ(built.out.find('\x1b'), std::string::npos) << built.out;
  for (const std::string& line : lines_of(built.out)) {
    EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded()) << line;
  }
}

TEST(ProgressLineTest, NotOnADumbTerminal) {
  KilnProject project("e2e_slow");
  KilnResult built = project.run_on_terminal({"build"}, 100, {{"TERM", "dumb"}});
  ASSERT_KILN_EXIT(built, 0);
  EXPECT_EQ(built.out.find('\x1b'), std::string::npos) << built.out;
}

}  // namespace
}  // namespace kiln::e2e

#include "cli/progress_line.h"

#include <fmt/format.h>

namespace kiln::cli {

std::string ProgressLine::render(Clock::time_point now, size_t width) const {
  double elapsed = std::chrono::duration<double>(now - started_).count();
  std::string line = fmt::format("{} of {} done", done_, total_);
  if (!running_.empty()) {
    std::string names;
    for (const auto& [index, name] : running_)
      names += (names.empty() ? "" : ", ") + name;
    line += fmt::format(", {} running ({})", running_.size(), names);
  }
  line += fmt::format(", {:.1f}s", elapsed);
  if (width >= 4 && line.size() > width) line = line.substr(0, width - 3) + "...";
  return line;
}

}  // namespace kiln::cli

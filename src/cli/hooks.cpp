#include "cli/hooks.h"

#include <chrono>
#include <exception>

#include <fmt/format.h>

#include "cli/run_events.h"

namespace kiln::cli {

void run_project_hooks(Session& s, const std::vector<std::string>& hooks,
                       const std::string& hook_type) {
  if (hooks.empty()) return;
  // dbt opens on-run-end with a blank line and closes on-run-start with one (task/run.py).
  if (hook_type == "on-run-end") s.console.blank();
  auto connection = s.adapter->open_connection();
  for (size_t i = 0; i < hooks.size(); ++i) {
    std::string name = fmt::format("{}.{}.{}", s.project.root.name, hook_type, i);
    auto started = std::chrono::steady_clock::now();
    std::string sql =
        s.compiler->render_hook(s.manifest, nullptr, hooks[i], *s.adapter, *connection);
    s.console.fire(log_hook_start_line(name, i + 1, hooks.size()));
    std::exception_ptr error;
    try {
      if (sql.find_first_not_of(" \t\r\n") != std::string::npos) connection->execute(sql);
    } catch (...) {
      error = std::current_exception();
    }
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    s.console.fire(
        log_hook_end_line(name, error ? "error" : "success", i + 1, hooks.size(), elapsed));
    if (error) std::rethrow_exception(error);
  }
  if (hook_type == "on-run-start") s.console.blank();
}

}  // namespace kiln::cli

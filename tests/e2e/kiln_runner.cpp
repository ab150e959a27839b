#include "kiln_runner.h"

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace kiln::e2e {
namespace fs = std::filesystem;

namespace {

// A hung kiln must not hang the whole suite. This is a safety net, not an assertion: it is far
// above any run's duration even under sanitizers on a loaded machine.
constexpr auto kHangLimit = std::chrono::minutes(10);

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json read_json(const fs::path& path) {
  std::string text = slurp(path);
  if (text.empty()) return {};
  return nlohmann::json::parse(text);
}

// The child's environment: ours, minus dbt's variables (a developer's DBT_PROFILES_DIR must not
// leak into a test), with HOME and the test's own variables set.
std::vector<std::string> child_environment(const fs::path& home,
                                           const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> vars;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    size_t equals = text.find('=');
    if (equals == std::string::npos) continue;
    std::string name = text.substr(0, equals);
    if (name.rfind("DBT_", 0) == 0) continue;
    vars[name] = text.substr(equals + 1);
  }
  vars["HOME"] = home.string();
  for (const auto& [name, value] : extra)
    vars[name] = value;
  std::vector<std::string> result;
  for (const auto& [name, value] : vars)
    result.push_back(name + "=" + value);
  return result;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings)
    pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Starts the kiln binary with `args` and `env`; the caller's file actions set up its streams.
pid_t spawn_kiln(const posix_spawn_file_actions_t& actions, const std::vector<std::string>& args,
                 std::vector<std::string> env_strings) {
  std::vector<std::string> argv_strings{KILN_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv = c_strings(argv_strings);
  std::vector<char*> envp = c_strings(env_strings);
  pid_t pid = 0;
  int spawn_error = posix_spawn(&pid, KILN_BINARY, &actions, nullptr, argv.data(), envp.data());
  if (spawn_error != 0) {
    throw std::runtime_error(std::string("cannot start ") + KILN_BINARY + ": " +
                             std::strerror(spawn_error));
  }
  return pid;
}

}  // namespace

fs::path source_dir() {
  return fs::path(KILN_SOURCE_DIR);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string KilnResult::describe() const {
  return "exit code " + std::to_string(exit_code) + "\n--- stdout ---\n" + out +
         "\n--- stderr ---\n" + err;
}

KilnProject::KilnProject(const std::string& fixture) {
  fs::path source = fs::path(fixture).is_absolute() ? fs::path(fixture)
                                                    : source_dir() / "tests" / "projects" / fixture;
  if (!fs::is_directory(source))
    throw std::runtime_error("no fixture project at " + source.string());
  std::random_device random;
  root_ = fs::temp_directory_path() /
          ("kiln-e2e-" + std::to_string(random()) + "-" + std::to_string(random()));
  project_dir_ = root_ / source.filename();
  fs::create_directories(root_);
  fs::copy(source, project_dir_, fs::copy_options::recursive);
  // A fixture run by hand in the repository may have left these behind; a test starts clean.
  std::error_code ignored;
  fs::remove_all(project_dir_ / "target", ignored);
  fs::remove_all(project_dir_ / "logs", ignored);
  for (const auto& entry : fs::directory_iterator(project_dir_)) {
    std::string name = entry.path().filename().string();
    if (name.find(".duckdb") != std::string::npos) fs::remove(entry.path(), ignored);
  }
}

KilnProject::~KilnProject() {
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

KilnResult KilnProject::run(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env) const {
  return run_in(project_dir_, args, env);
}

KilnResult KilnProject::run_in(const fs::path& working_dir, const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env) const {
  return start_in(working_dir, args, env).wait();
}

KilnProcess KilnProject::start(const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env) const {
  return start_in(project_dir_, args, env);
}

KilnProcess KilnProject::start_in(const fs::path& working_dir, const std::vector<std::string>& args,
                                  const std::map<std::string, std::string>& env) const {
  const fs::path out_path = root_ / "kiln.stdout";
  const fs::path err_path = root_ / "kiln.stderr";

  // Streams go to files, not pipes: no reader thread, and no deadlock when kiln writes a lot.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, working_dir.c_str());
  pid_t pid = spawn_kiln(actions, args, child_environment(root_, env));
  posix_spawn_file_actions_destroy(&actions);
  return KilnProcess(pid, out_path, err_path);
}

KilnResult KilnProject::run_on_terminal(const std::vector<std::string>& args,
                                        unsigned short columns,
                                        const std::map<std::string, std::string>& env) const {
  int master = -1, slave = -1;
  winsize size{};
  size.ws_row = 40;
  size.ws_col = columns;
  if (openpty(&master, &slave, nullptr, nullptr, &size) != 0)
    throw std::runtime_error("openpty failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, slave, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, slave, STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, master);
  posix_spawn_file_actions_addclose(&actions, slave);
  posix_spawn_file_actions_addchdir_np(&actions, project_dir_.c_str());
  std::map<std::string, std::string> terminal_env = env;
  terminal_env.emplace("TERM", "xterm");
  pid_t pid = spawn_kiln(actions, args, child_environment(root_, terminal_env));
  posix_spawn_file_actions_destroy(&actions);
  close(slave);
  // Read until the child has closed its side: EIO on Linux once no process holds the slave.
  KilnResult result;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  close(master);
  KilnResult waited = KilnProcess(pid, {}, {}).wait();
  result.exit_code = waited.exit_code;
  result.err = waited.err;
  return result;
}

std::string KilnProcess::out_so_far() const {
  return slurp(out_path_);
}

KilnResult KilnProcess::wait() {
  KilnResult result;
  const auto deadline = std::chrono::steady_clock::now() + kHangLimit;
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      result.err = "[harness] kiln did not finish and was killed\n";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);  // as a shell reports it
  }
  if (!out_path_.empty()) result.out = slurp(out_path_);
  if (!err_path_.empty()) result.err += slurp(err_path_);
  return result;
}

nlohmann::json KilnProject::run_results() const {
  return read_json(project_dir_ / "target" / "run_results.json");
}

nlohmann::json KilnProject::manifest() const {
  return read_json(project_dir_ / "target" / "manifest.json");
}

std::map<std::string, std::string> KilnProject::statuses() const {
  std::map<std::string, std::string> result;
  nlohmann::json results = run_results();
  if (!results.contains("results")) return result;
  for (const auto& node : results["results"]) {
    result[node.value("unique_id", "")] = node.value("status", "");
  }
  return result;
}

bool KilnProject::exists(const std::string& relative) const {
  return fs::exists(project_dir_ / relative);
}

std::string KilnProject::read(const std::string& relative) const {
  return slurp(project_dir_ / relative);
}

void KilnProject::write(const std::string& relative, const std::string& text) const {
  fs::path path = project_dir_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace kiln::e2e

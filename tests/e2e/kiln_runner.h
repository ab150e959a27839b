#pragma once
// The end-to-end harness: a fixture dbt project copied into a fresh temporary folder, and the
// real `kiln` executable run in it as a user would run it. Runs never touch the repository,
// and each test starts from a clean copy with no database and no target/ folder.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiln::e2e {

// What one `kiln` invocation left behind on its streams.
struct KilnResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr

  // Both streams, for assertions that should not care where a message went.
  std::string all() const { return out + err; }
  // Printed by gtest when an assertion fails, so a failure shows what kiln said.
  std::string describe() const;
};

// A kiln started in the background, for tests that act on it while it runs (Ctrl-C).
class KilnProcess {
 public:
  KilnProcess(int pid, std::filesystem::path out_path, std::filesystem::path err_path)
      : pid_(pid), out_path_(std::move(out_path)), err_path_(std::move(err_path)) {}
  int pid() const { return pid_; }
  // What it has written to stdout so far.
  std::string out_so_far() const;
  // Waits for it to exit (killing it past the harness's hang limit) and collects its streams.
  KilnResult wait();

 private:
  int pid_;
  std::filesystem::path out_path_, err_path_;
};

class KilnProject {
 public:
  // Copies tests/projects/<fixture> (or any folder, if `fixture` is absolute) into a new
  // temporary folder. The copy keeps the fixture's folder name, as dbt users' folders do.
  explicit KilnProject(const std::string& fixture);
  ~KilnProject();
  KilnProject(const KilnProject&) = delete;
  KilnProject& operator=(const KilnProject&) = delete;

  // The project folder (the copy).
  const std::filesystem::path& dir() const { return project_dir_; }

  // Runs `kiln <args...>` with the project folder as working directory, as `cd project && kiln
  // build` does. HOME points into the temporary folder so no ~/.dbt/profiles.yml of the machine
  // is read, and dbt's DBT_* variables are removed; `env` adds or overrides variables.
  KilnResult run(const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env = {}) const;
  // The same from another working directory, for --project-dir.
  KilnResult run_in(const std::filesystem::path& working_dir, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {}) const;

  // Starts `kiln <args...>` like run(), without waiting for it.
  KilnProcess start(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {}) const;
  // Runs kiln with stdout and stderr on a pseudo-terminal, as a user at a terminal does;
  // `out` holds every byte it wrote there (escape sequences included, "\n" as "\r\n").
  KilnResult run_on_terminal(const std::vector<std::string>& args, unsigned short columns = 100,
                             const std::map<std::string, std::string>& env = {}) const;

  // The temporary folder that holds the project folder (and nothing of the repository).
  const std::filesystem::path& root() const { return root_; }

  // target/run_results.json and target/manifest.json of the last run (empty json if absent).
  nlohmann::json run_results() const;
  nlohmann::json manifest() const;
  // unique_id -> status from target/run_results.json.
  std::map<std::string, std::string> statuses() const;

  // Files inside the project folder, by path relative to it.
  bool exists(const std::string& relative) const;
  std::string read(const std::string& relative) const;
  void write(const std::string& relative, const std::string& text) const;

 private:
  KilnProcess start_in(const std::filesystem::path& working_dir,
                       const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env) const;

  std::filesystem::path root_;  // the temporary folder; HOME for kiln
  std::filesystem::path project_dir_;
};

// The repository's root, for examples/ and tests/projects/.
std::filesystem::path source_dir();

// Lines of `text`, without their line ends; empty lines dropped.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace kiln::e2e

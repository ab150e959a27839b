#include "project/file_discovery.h"

#include <algorithm>
#include <set>

#include "project/ignore_rules.h"
#include "project/project_config.h"
#include "project/yaml_tree.h"

namespace kiln::project {
namespace {

namespace fs = std::filesystem;

std::string generic_string(const fs::path& path) {
  return path.lexically_normal().generic_string();
}

class Walker {
 public:
  explicit Walker(const ProjectConfig& project) : project_(project) {
    fs::path ignore_file = project.root / ".dbtignore";
    if (fs::exists(ignore_file))
      ignore_ = IgnoreRules::parse(read_text_file(ignore_file, ".dbtignore"));
  }

  // Files under each of `search_paths` whose extension is one of `extensions`.
  std::vector<ProjectFile> find(const std::vector<std::string>& search_paths,
                                const std::set<std::string>& extensions) const {
    std::vector<ProjectFile> out;
    std::set<std::string> seen;  // overlapping search paths must not list a file twice
    for (const auto& search_path : search_paths) {
      fs::path folder = project_.root / search_path;
      std::error_code error;
      if (!fs::is_directory(folder, error)) continue;
      for (auto it = fs::recursive_directory_iterator(
               folder, fs::directory_options::follow_directory_symlink, error);
           it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) break;
        if (!it->is_regular_file(error)) continue;
        std::string ext = it->path().extension().string();
        if (!extensions.count(ext)) continue;
        ProjectFile file;
        file.absolute_path = it->path();
        file.original_file_path = generic_string(fs::relative(it->path(), project_.root));
        file.search_path = generic_string(fs::path(search_path));
        file.path = generic_string(fs::relative(it->path(), folder));
        if (ignore_.is_ignored(file.original_file_path)) continue;
        if (!seen.insert(file.original_file_path).second) continue;
        out.push_back(std::move(file));
      }
    }
    std::sort(out.begin(), out.end(), [](const ProjectFile& a, const ProjectFile& b) {
      return a.original_file_path < b.original_file_path;
    });
    return out;
  }

 private:
  const ProjectConfig& project_;
  IgnoreRules ignore_;
};

std::vector<std::string> under_each(const std::vector<std::string>& paths, const char* child) {
  std::vector<std::string> out;
  for (const auto& path : paths)
    out.push_back(path + "/" + child);
  return out;
}

// Singular tests live in test-paths, but generic/ holds test macros and fixtures/ holds
// unit-test data: dbt skips both when looking for singular tests.
std::vector<ProjectFile> without_special_test_folders(std::vector<ProjectFile> files) {
  std::erase_if(files, [](const ProjectFile& file) {
    std::string first = file.path.substr(0, file.path.find('/'));
    return file.path.find('/') != std::string::npos && (first == "generic" || first == "fixtures");
  });
  return files;
}

std::vector<ProjectFile> concatenated(std::vector<ProjectFile> a, std::vector<ProjectFile> b) {
  for (auto& file : b) {
    bool duplicate = std::any_of(a.begin(), a.end(), [&](const ProjectFile& f) {
      return f.original_file_path == file.original_file_path;
    });
    if (!duplicate) a.push_back(std::move(file));
  }
  std::sort(a.begin(), a.end(), [](const ProjectFile& x, const ProjectFile& y) {
    return x.original_file_path < y.original_file_path;
  });
  return a;
}

}  // namespace

ProjectFiles discover_files(const ProjectConfig& project) {
  Walker walker(project);
  ProjectFiles files;
  files.models = walker.find(project.model_paths, {".sql"});
  files.python_models = walker.find(project.model_paths, {".py"});
  files.seeds = walker.find(project.seed_paths, {".csv"});
  files.snapshots = walker.find(project.snapshot_paths, {".sql"});
  files.analyses = walker.find(project.analysis_paths, {".sql"});
  files.singular_tests = without_special_test_folders(walker.find(project.test_paths, {".sql"}));
  files.macros = concatenated(walker.find(project.macro_paths, {".sql"}),
                              walker.find(under_each(project.test_paths, "generic"), {".sql"}));
  files.docs = walker.find(project.docs_paths, {".md"});
  files.properties = walker.find(project.all_source_paths(), {".yml", ".yaml"});
  files.fixtures = walker.find(under_each(project.test_paths, "fixtures"), {".csv", ".sql"});
  return files;
}

}  // namespace kiln::project

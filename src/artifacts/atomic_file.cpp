#include "artifacts/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace kiln::artifacts {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error) {
  throw ArtifactWriteError("cannot write " + path.string() + ": " + what + ": " +
                           std::strerror(error));
}

// Closes the descriptor and removes the temporary unless the write was committed.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::filesystem::path& target)
      : path_(target.string() + ".tmp-XXXXXX") {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) fail(target, "mkstemp", errno);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  void close_or_throw(const std::filesystem::path& target) {
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) fail(target, "close", errno);
  }
  void mark_committed() { committed_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

void write_all(int fd, std::string_view content, const std::filesystem::path& target) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(target, "write", errno);
    }
    content.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) fail(path, "create_directories", ec.value());
  }
  TemporaryFile temporary(path);
  // mkstemp creates 0600; artifacts are ordinary files others read (dbt docs serve them).
  if (::fchmod(temporary.fd(), 0644) != 0) fail(path, "fchmod", errno);
  write_all(temporary.fd(), content, path);
  // Without fsync a crash after the rename could leave a renamed but empty file.
  if (::fsync(temporary.fd()) != 0) fail(path, "fsync", errno);
  temporary.close_or_throw(path);
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail(path, "rename", errno);
  temporary.mark_committed();
}

}  // namespace kiln::artifacts

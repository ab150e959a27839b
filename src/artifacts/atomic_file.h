#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace kiln::artifacts {

// Raised when an artifact cannot be written; the message names the path and the cause.
class ArtifactWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `content` to `path` so that readers only ever see the old file or the whole new
// one: the bytes go to a temporary file in the same directory (same filesystem, so the
// rename is atomic), are flushed to disk, and the temporary is renamed over `path`. A run
// killed mid-write leaves at most a stray temporary, never a truncated artifact.
// Creates missing parent directories (dbt creates target/ the same way).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace kiln::artifacts

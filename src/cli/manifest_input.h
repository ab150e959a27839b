#pragma once
// Fills the artifacts stage's plain manifest input from a Session's project, compiled nodes
// and macros: the only place that knows both sides' shapes.

#include <map>
#include <string>

#include "artifacts/manifest.h"

namespace kiln::cli {

class Session;

// `compiled_code`: SQL compiled in this invocation, by unique_id (written as compiled nodes).
artifacts::Manifest manifest_input(const Session& session,
                                   const std::map<std::string, std::string>& compiled_code = {});

}  // namespace kiln::cli

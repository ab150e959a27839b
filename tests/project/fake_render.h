#pragma once

#include <map>
#include <string>

#include "project/error.h"
#include "project/render.h"

namespace kiln::project::testing {

// Stands in for the Jinja engine: knows a fixed set of template texts and their
// rendered values, records what it was asked, and fails on anything else (so a test
// notices when the loader renders a value dbt leaves alone).
class FakeRender {
 public:
  FakeRender(std::initializer_list<std::pair<const std::string, nlohmann::ordered_json>> answers)
      : answers_(answers) {}

  RenderValue callback() {
    return [this](std::string_view text, const SourcePos& where) {
      asked_.push_back(std::string(text));
      auto it = answers_.find(std::string(text));
      if (it == answers_.end())
        throw ProjectError(where, "fake render does not know: " + std::string(text));
      return it->second;
    };
  }

  const std::vector<std::string>& asked() const { return asked_; }

 private:
  std::map<std::string, nlohmann::ordered_json> answers_;
  std::vector<std::string> asked_;
};

}  // namespace kiln::project::testing

// kiln state [--select ...] [--output json]: what the state store recorded for each selected
// node (its last build or test run), so a user can see why the next build will reuse it.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/session.h"
#include "run/state_snapshot.h"
#include "state/timestamp_text.h"

namespace kiln::cli {

namespace {

// Enough of a digest to tell two apart at a glance.
std::string prefix(const std::string& text, size_t n) {
  return text.size() <= n ? text : text.substr(0, n);
}

std::vector<const state::NodeRecord*> selected_records(
    const Session& s, const std::map<std::string, state::NodeRecord>& records) {
  std::vector<const state::NodeRecord*> out;
  graph::NodeSet selected = s.select("build");
  selected.for_each([&](graph::NodeIndex i) {
    auto it = records.find(s.dag->id(i));
    if (it != records.end()) out.push_back(&it->second);
  });
  return out;
}

nlohmann::ordered_json as_json(const state::NodeRecord& r) {
  return {{"unique_id", r.unique_id},
          {"relation_name", r.relation_name},
          {"status", r.status},
          {"built_at", state::format_timestamp(r.built_at)},
          {"duration_s", r.duration_s},
          {"code_fingerprint", r.code_fingerprint},
          {"data_version", r.data_version},
          {"input_versions", r.input_versions},
          {"run_id", r.run_id}};
}

void print_table(Console& console, const std::vector<const state::NodeRecord*>& records) {
  size_t id_width = 9;
  for (const auto* r : records)
    id_width = std::max(id_width, r->unique_id.size());
  auto row = [&](const std::string& id, const std::string& status, const std::string& built,
                 const std::string& duration, const std::string& code, const std::string& data) {
    console.fire(print_event(fmt::format("{:<{}}  {:<7}  {:<19}  {:>8}  {:<8}  {}", id, id_width,
                                         status, built, duration, code, data)));
  };
  row("unique_id", "status", "built_at (UTC)", "duration", "code", "data version");
  for (const auto* r : records) {
    row(r->unique_id, r->status, prefix(state::format_timestamp(r->built_at), 19),
        fmt::format("{:.2f}s", r->duration_s), prefix(r->code_fingerprint, 8),
        prefix(r->data_version, 16));
  }
}

}  // namespace

int command_state(const Flags& flags, Console& console) {
  Session s(flags, console);
  s.connect();
  auto connection = s.adapter->open_connection();
  state::StateStore store(*s.adapter);
  auto records = run::load_records(*s.adapter, *connection, store);
  std::vector<const state::NodeRecord*> shown = selected_records(s, records);
  if (flags.output == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto* r : shown)
      out.push_back(as_json(*r));
    console.fire(print_event(out.dump(2)));
    return 0;
  }
  if (shown.empty()) {
    console.info("No recorded state for the selected nodes: nothing was built with Kiln yet.");
    return 0;
  }
  print_table(console, shown);
  return 0;
}

}  // namespace kiln::cli

#pragma once
// Runs one node against the warehouse: compiles it, then builds it as its materialization
// says (view, table, incremental, seed) or runs it as a test. Every build happens under a
// temporary name and is swapped in within one transaction, so a failed or killed build leaves
// the old relation untouched. With a StateGate, the node is decided between compiling and
// building (reused nodes run no SQL), and each build's state record commits in its
// transaction, after the post-hooks (those with `transaction: false` run after the commit).

#include <string>

#include "compile/compiler.h"
#include "run/node_result.h"
#include "run/state_gate.h"
#include "warehouse/adapter.h"

namespace kiln::run {

struct RunOptions {
  bool full_refresh = false;
  StateGate* state = nullptr;  // nothing: build every node, record nothing
};

class NodeRunner {
 public:
  NodeRunner(const compile::Compiler& compiler, const compile::Manifest& manifest,
             warehouse::Adapter& adapter, RunOptions options);

  // Never throws for a node's own failure: it is reported in the result.
  NodeResult run(const compile::ParsedNode& node, warehouse::Connection& connection) const;

 private:
  // What follows the compile: reuse, a dry run's plan, or the build or test itself.
  void execute(const compile::ParsedNode& node, const std::string& sql,
               const std::optional<NodePlan>& plan, warehouse::Connection& connection,
               NodeResult& result) const;
  std::optional<NodePlan> decide(const compile::ParsedNode& node, const std::string& sql,
                                 warehouse::Connection& connection) const;
  std::string build_model(const compile::ParsedNode& node, const std::string& sql,
                          warehouse::Connection& connection, NodeResult& result,
                          const NodePlan* plan) const;
  std::string load_seed(const compile::ParsedNode& node, warehouse::Connection& connection,
                        NodeResult& result, const NodePlan* plan) const;
  void run_test(const compile::ParsedNode& node, const std::string& sql,
                warehouse::Connection& connection, NodeResult& result) const;
  // Inside the swap's transaction: the post-hooks that run in it, then the state record.
  void finish_in_transaction(const compile::ParsedNode& node, const NodePlan* plan,
                             warehouse::Connection& connection, const NodeResult& result) const;
  // Which of a node's hooks to run: dbt runs hooks inside the build's transaction unless
  // they say `transaction: false`.
  enum class HookPhase { All, InTransaction, AfterCommit };
  void run_hooks(const compile::ParsedNode& node, const char* key,
                 warehouse::Connection& connection, HookPhase phase) const;

  const compile::Compiler& compiler_;
  const compile::Manifest& manifest_;
  warehouse::Adapter& adapter_;
  RunOptions options_;
};

}  // namespace kiln::run

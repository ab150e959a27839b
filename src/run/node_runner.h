#pragma once
// Runs one node against the warehouse: compiles it, then builds it as its materialization
// says (view, table, incremental, seed) or runs it as a test. Every build happens under a
// temporary name and is swapped in within one transaction, so a failed or killed build leaves
// the old relation untouched.

#include <string>

#include "compile/compiler.h"
#include "run/node_result.h"
#include "warehouse/adapter.h"

namespace kiln::run {

struct RunOptions {
  bool full_refresh = false;
};

class NodeRunner {
 public:
  NodeRunner(const compile::Compiler& compiler, const compile::Manifest& manifest,
             warehouse::Adapter& adapter, RunOptions options);

  // Never throws for a node's own failure: it is reported in the result.
  NodeResult run(const compile::ParsedNode& node, warehouse::Connection& connection) const;

 private:
  std::string build_model(const compile::ParsedNode& node, const std::string& sql,
                          warehouse::Connection& connection, NodeResult& result) const;
  std::string load_seed(const compile::ParsedNode& node, warehouse::Connection& connection,
                        NodeResult& result) const;
  void run_test(const compile::ParsedNode& node, const std::string& sql,
                warehouse::Connection& connection, NodeResult& result) const;
  void run_hooks(const compile::ParsedNode& node, const char* key,
                 warehouse::Connection& connection) const;

  const compile::Compiler& compiler_;
  const compile::Manifest& manifest_;
  warehouse::Adapter& adapter_;
  RunOptions options_;
};

}  // namespace kiln::run

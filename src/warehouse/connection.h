#pragma once
// One session with the warehouse. Each worker thread owns its own Connection; a Connection is
// not shared between threads, except for interrupt(), which exists to be called from another
// thread while this one waits on a statement.

#include <string_view>

#include "warehouse/result_table.h"

namespace kiln::warehouse {

class Connection {
 public:
  virtual ~Connection() = default;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs every statement in `sql` in order (a materialization is often several statements in
  // one string) and returns the result of the last one. Stops at the first failing statement
  // and throws WarehouseError with the engine's message unchanged; an interrupted statement
  // throws with ErrorKind::Interrupted.
  virtual ResultTable execute(std::string_view sql) = 0;

  // Explicit transactions. Outside one, every statement commits on its own. begin() inside a
  // transaction and commit()/rollback() outside one throw WarehouseError(Usage).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // Whether a transaction is open, including one opened by BEGIN inside execute()'s SQL.
  virtual bool in_transaction() const = 0;

  // Cancels the statement running on this connection, if any. Safe to call from any thread.
  virtual void interrupt() = 0;
};

}  // namespace kiln::warehouse

#include "compile/agate_table.h"

#include <charconv>
#include <memory>

#include "jinja/dict.h"
#include "jinja/filters_args.h"

namespace kiln::compile {

using jinja::CallArgs;
using jinja::CallContext;
using jinja::Value;

Value cell_value(const warehouse::Cell& cell, warehouse::ValueKind kind) {
  if (std::holds_alternative<std::monostate>(cell)) return Value::none();
  if (auto* b = std::get_if<bool>(&cell)) return Value::boolean(*b);
  if (auto* i = std::get_if<int64_t>(&cell)) return Value::integer(*i);
  if (auto* d = std::get_if<double>(&cell)) return Value::floating(*d);
  const std::string& text = std::get<std::string>(cell);
  if (kind == warehouse::ValueKind::Decimal || kind == warehouse::ValueKind::Integer) {
    // agate reads both as Decimal; a number keeps arithmetic in templates working.
    bool integral = text.find_first_of(".eE") == std::string::npos;
    if (integral) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec == std::errc() && end == text.data() + text.size()) return Value::integer(v);
    }
    double d = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec == std::errc() && end == text.data() + text.size()) return Value::floating(d);
  }
  return Value::string(text);
}

namespace {

// Shared by the table, its rows and its columns, so no cell is converted twice.
struct TableData {
  std::vector<std::string> names;
  std::vector<std::string> types;
  std::vector<std::vector<Value>> rows;
};

std::optional<size_t> column_position(const TableData& data, const Value& key) {
  if (key.is_int() && key.int_fits_int64()) {
    int64_t i = key.as_int64();
    int64_t n = static_cast<int64_t>(data.names.size());
    if (i < 0) i += n;
    if (i >= 0 && i < n) return static_cast<size_t>(i);
    return std::nullopt;
  }
  if (key.is_string()) {
    for (size_t i = 0; i < data.names.size(); ++i) {
      if (data.names[i] == key.as_string()) return i;
    }
  }
  return std::nullopt;
}

class AgateRow : public jinja::Object {
 public:
  AgateRow(std::shared_ptr<const TableData> data, size_t row) : data_(std::move(data)), row_(row) {}
  std::string_view type_name() const override { return "Row"; }
  Value get_item(const Value& key) const override {
    auto pos = column_position(*data_, key);
    return pos ? data_->rows[row_][*pos] : Value::undefined();
  }
  Value get_attr(std::string_view name) const override {
    if (name == "keys") {
      auto data = data_;
      return Value::function("keys", [data](CallContext&, CallArgs&) {
        std::vector<Value> keys;
        for (const auto& n : data->names)
          keys.push_back(Value::string(n));
        return Value::list(std::move(keys));
      });
    }
    if (name == "values") {
      auto data = data_;
      size_t row = row_;
      return Value::function(
          "values", [data, row](CallContext&, CallArgs&) { return Value::tuple(data->rows[row]); });
    }
    if (name == "dict") {
      auto data = data_;
      size_t row = row_;
      return Value::function("dict", [data, row](CallContext&, CallArgs&) {
        Value d = Value::dict();
        for (size_t i = 0; i < data->names.size(); ++i) {
          d.as_dict().set(data->names[i], data->rows[row][i]);
        }
        return d;
      });
    }
    return get_item(Value::string(std::string(name)));
  }
  std::optional<std::vector<Value>> iterate() const override { return data_->rows[row_]; }
  std::optional<size_t> length() const override { return data_->names.size(); }
  std::string repr() const override { return Value::tuple(data_->rows[row_]).repr(); }

 private:
  std::shared_ptr<const TableData> data_;
  size_t row_;
};

class AgateColumn : public jinja::Object {
 public:
  AgateColumn(std::shared_ptr<const TableData> data, size_t column)
      : data_(std::move(data)), column_(column) {}
  std::string_view type_name() const override { return "Column"; }
  Value get_attr(std::string_view name) const override {
    if (name == "name") return Value::string(data_->names[column_]);
    if (name == "data_type") return Value::string(data_->types[column_]);
    if (name == "values" || name == "values_distinct" || name == "values_without_nulls") {
      auto data = data_;
      size_t column = column_;
      std::string which(name);
      return Value::function(which, [data, column, which](CallContext&, CallArgs&) {
        std::vector<Value> values;
        for (const auto& row : data->rows) {
          const Value& v = row[column];
          if (which == "values_without_nulls" && v.is_none()) continue;
          if (which == "values_distinct") {
            bool seen = false;
            for (const Value& prior : values)
              seen = seen || prior.equals(v);
            if (seen) continue;
          }
          values.push_back(v);
        }
        return Value::tuple(std::move(values));
      });
    }
    return Value::undefined();
  }
  Value get_item(const Value& key) const override {
    if (!key.is_int() || !key.int_fits_int64()) return Value::undefined();
    int64_t i = key.as_int64();
    int64_t n = static_cast<int64_t>(data_->rows.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value::undefined();
    return data_->rows[static_cast<size_t>(i)][column_];
  }
  std::optional<std::vector<Value>> iterate() const override {
    std::vector<Value> values;
    for (const auto& row : data_->rows)
      values.push_back(row[column_]);
    return values;
  }
  std::optional<size_t> length() const override { return data_->rows.size(); }
  std::string repr() const override { return "<agate.Column " + data_->names[column_] + ">"; }

 private:
  std::shared_ptr<const TableData> data_;
  size_t column_;
};

// table.rows and table.columns: sequences that also answer by column name.
class AgateSequence : public jinja::Object {
 public:
  AgateSequence(std::shared_ptr<const TableData> data, bool columns)
      : data_(std::move(data)), columns_(columns) {}
  std::string_view type_name() const override {
    return columns_ ? "MappedSequence" : "MappedSequence";
  }
  Value get_item(const Value& key) const override {
    if (columns_) {
      auto pos = column_position(*data_, key);
      return pos ? Value::object(new AgateColumn(data_, *pos)) : Value::undefined();
    }
    if (!key.is_int() || !key.int_fits_int64()) return Value::undefined();
    int64_t i = key.as_int64();
    int64_t n = static_cast<int64_t>(data_->rows.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value::undefined();
    return Value::object(new AgateRow(data_, static_cast<size_t>(i)));
  }
  std::optional<std::vector<Value>> iterate() const override {
    std::vector<Value> items;
    size_t n = columns_ ? data_->names.size() : data_->rows.size();
    for (size_t i = 0; i < n; ++i) {
      items.push_back(columns_ ? Value::object(new AgateColumn(data_, i))
                               : Value::object(new AgateRow(data_, i)));
    }
    return items;
  }
  std::optional<size_t> length() const override {
    return columns_ ? data_->names.size() : data_->rows.size();
  }
  std::string repr() const override { return "<agate.MappedSequence>"; }

 private:
  std::shared_ptr<const TableData> data_;
  bool columns_;
};

class AgateTable : public jinja::Object {
 public:
  explicit AgateTable(std::shared_ptr<const TableData> data) : data_(std::move(data)) {}
  std::string_view type_name() const override { return "Table"; }
  Value get_attr(std::string_view name) const override {
    if (name == "rows") return Value::object(new AgateSequence(data_, false));
    if (name == "columns") return Value::object(new AgateSequence(data_, true));
    if (name == "column_names") {
      std::vector<Value> names;
      for (const auto& n : data_->names)
        names.push_back(Value::string(n));
      return Value::tuple(std::move(names));
    }
    if (name == "column_types") {
      std::vector<Value> types;
      for (const auto& t : data_->types)
        types.push_back(Value::string(t));
      return Value::tuple(std::move(types));
    }
    if (name == "print_table") {
      return Value::function("print_table", [](CallContext&, CallArgs&) { return Value::none(); });
    }
    return Value::undefined();
  }
  Value get_item(const Value& key) const override {
    return AgateSequence(data_, false).get_item(key);
  }
  std::optional<std::vector<Value>> iterate() const override {
    return AgateSequence(data_, false).iterate();
  }
  std::optional<size_t> length() const override { return data_->rows.size(); }
  std::string repr() const override { return "<agate.table.Table object>"; }

 private:
  std::shared_ptr<const TableData> data_;
};

}  // namespace

Value make_agate_table(const warehouse::ResultTable& table) {
  auto data = std::make_shared<TableData>();
  for (const auto& column : table.columns) {
    data->names.push_back(column.name);
    data->types.push_back(column.type);
  }
  data->rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<Value> values;
    values.reserve(row.size());
    for (size_t i = 0; i < row.size(); ++i) {
      values.push_back(cell_value(row[i], table.columns[i].kind));
    }
    data->rows.push_back(std::move(values));
  }
  return Value::object(new AgateTable(std::move(data)));
}

}  // namespace kiln::compile

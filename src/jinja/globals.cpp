#include "jinja/globals.h"

#include <fmt/format.h>

#include <random>

#include "jinja/bigint.h"
#include "jinja/dict.h"
#include "jinja/environment.h"
#include "jinja/error.h"
#include "jinja/filters_args.h"
#include "jinja/operators.h"

namespace kiln::jinja {

// ---- namespace ---------------------------------------------------------------------------

Value Namespace::get_attr(std::string_view name) const {
  const Value* found = attrs_.as_dict().find(name);
  return found ? *found : Value();
}

Value Namespace::get_item(const Value& key) const {
  return key.is_string() ? get_attr(key.as_string()) : Value();
}

void Namespace::set_attr(std::string_view name, Value value) {
  attrs_.as_dict().set(name, std::move(value));
}

std::string Namespace::repr() const {
  return "<Namespace " + attrs_.repr() + ">";
}

namespace {

// Python's dict(*args, **kwargs), which namespace() also uses: at most one positional, a
// mapping or an iterable of key/value pairs, then the keywords on top.
Value dict_from_args(std::string_view function, CallArgs& args) {
  if (args.positional.size() > 1) {
    throw Error(ErrorKind::Type, fmt::format("{} expected at most 1 argument, got {}", function,
                                             args.positional.size()));
  }
  Dict out;
  if (!args.positional.empty()) {
    const Value& source = args.positional.front();
    // dict() asks its argument for .keys first, which an Undefined refuses.
    if (source.is_undefined()) throw_undefined(source);
    if (source.is_dict()) {
      for (const auto& entry : source.as_dict().entries())
        out.set(entry.key, entry.value);
    } else {
      std::vector<Value> pairs = iterate(source);
      for (size_t i = 0; i < pairs.size(); ++i) {
        std::vector<Value> pair;
        try {
          pair = iterate(pairs[i]);
        } catch (const Error&) {
          throw Error(ErrorKind::Type,
                      fmt::format("cannot convert dictionary update sequence element #{} to a "
                                  "sequence",
                                  i));
        }
        if (pair.size() != 2) {
          throw Error(ErrorKind::Value,
                      fmt::format("dictionary update sequence element #{} has length {}; 2 is "
                                  "required",
                                  i, pair.size()));
        }
        out.set(pair[0], pair[1]);
      }
    }
  }
  for (auto& [name, value] : args.keyword)
    out.set(name, std::move(value));
  return Value::dict(std::move(out));
}

// ---- range -------------------------------------------------------------------------------

// Jinja2's sandbox refuses longer ranges so a template cannot exhaust memory.
constexpr int64_t kMaxRange = 100000;

BigInt range_bound(const Value& v) {
  if (!v.is_int() && !v.is_bool()) {
    throw Error(ErrorKind::Type,
                fmt::format("'{}' object cannot be interpreted as an integer", v.type_name()));
  }
  return v.to_bigint();
}

// len(range(start, stop, step)) for step != 0, without overflow.
BigInt range_length(const BigInt& start, const BigInt& stop, const BigInt& step) {
  const bool up = !step.is_negative();
  const BigInt distance = up ? stop - start : start - stop;
  if (distance.is_negative() || distance.is_zero()) return BigInt();
  BigInt quotient, remainder;
  BigInt::floor_divmod(distance - BigInt(1), step.abs(), &quotient, &remainder);
  return quotient + BigInt(1);
}

Value range_global(CallContext&, CallArgs& args) {
  if (!args.keyword.empty()) {
    throw Error(ErrorKind::Type, fmt::format("safe_range() got an unexpected keyword argument '{}'",
                                             args.keyword.front().first));
  }
  const auto& given = args.positional;
  if (given.empty() || given.size() > 3) {
    const char* bound = given.empty() ? "at least 1 argument" : "at most 3 arguments";
    throw Error(ErrorKind::Type, fmt::format("range expected {}, got {}", bound, given.size()));
  }
  BigInt start, stop, step(1);
  if (given.size() == 1) {
    stop = range_bound(given[0]);
  } else {
    start = range_bound(given[0]);
    stop = range_bound(given[1]);
    if (given.size() == 3) step = range_bound(given[2]);
  }
  if (step.is_zero()) throw Error(ErrorKind::Value, "range() arg 3 must not be zero");
  const BigInt count = range_length(start, stop, step);
  if (BigInt(kMaxRange) < count) {
    throw Error(ErrorKind::Overflow,
                fmt::format("Range too big. The sandbox blocks ranges larger than MAX_RANGE ({}).",
                            kMaxRange));
  }
  std::vector<Value> items;
  const int64_t n = count.to_int64();
  items.reserve(n);
  if (start.fits_int64() && step.fits_int64()) {
    // The common case. 128-bit arithmetic cannot overflow for 100000 steps of an int64
    // stride; an item only leaves int64 when stop itself is a big int.
    const __int128 first = start.to_int64(), stride = step.to_int64();
    for (int64_t i = 0; i < n; ++i) {
      const __int128 item = first + stride * i;
      if (item >= INT64_MIN && item <= INT64_MAX) {
        items.push_back(Value::integer(static_cast<int64_t>(item)));
      } else {
        items.push_back(Value::integer(start + step * BigInt(i)));
      }
    }
  } else {
    for (int64_t i = 0; i < n; ++i)
      items.push_back(Value::integer(start + step * BigInt(i)));
  }
  return Value::list(std::move(items));
}

// ---- cycler ------------------------------------------------------------------------------

// cycler(*items): hands out its items in turn, across loops.
class Cycler : public Object {
 public:
  explicit Cycler(std::vector<Value> items) : items_(std::move(items)) {}

  std::string_view type_name() const override { return "Cycler"; }
  std::string repr() const override { return "<jinja2.utils.Cycler object>"; }

  Value get_attr(std::string_view name) const override {
    if (name == "items") return Value::tuple(items_);
    if (name == "pos") return Value::integer(static_cast<int64_t>(pos_));
    if (name == "current") return items_[pos_];
    if (name == "next") return method("next", &Cycler::next);
    if (name == "reset") return method("reset", &Cycler::reset);
    return Value();
  }

 private:
  Value next() const {
    Value item = items_[pos_];
    pos_ = (pos_ + 1) % items_.size();
    return item;
  }
  Value reset() const {
    pos_ = 0;
    return Value::none();
  }

  // A bound method: the callable keeps the cycler alive through its own reference.
  Value method(std::string_view name, Value (Cycler::*fn)() const) const {
    // Value::object adds a reference; the object stays const in spirit (only pos_ moves).
    Value self = Value::object(const_cast<Cycler*>(this));
    std::string label(name);
    return Value::function(label, [self, fn, label](CallContext&, CallArgs& args) {
      expect_no_args("Cycler." + label, args, false);
      return (static_cast<const Cycler&>(self.as_object()).*fn)();
    });
  }

  std::vector<Value> items_;
  mutable size_t pos_ = 0;  // a cycler is state that templates advance through calls
};

Value cycler_global(CallContext&, CallArgs& args) {
  if (!args.keyword.empty()) {
    throw Error(ErrorKind::Type,
                fmt::format("Cycler.__init__() got an unexpected keyword argument '{}'",
                            args.keyword.front().first));
  }
  if (args.positional.empty()) {
    throw Error(ErrorKind::Runtime, "at least one item has to be provided");
  }
  return Value::object(new Cycler(std::move(args.positional)));
}

// ---- joiner ------------------------------------------------------------------------------

// joiner(sep=', '): '' on the first call, the separator on every later one.
class Joiner : public Object {
 public:
  explicit Joiner(Value separator) : separator_(std::move(separator)) {}

  std::string_view type_name() const override { return "Joiner"; }
  std::string repr() const override { return "<jinja2.utils.Joiner object>"; }
  bool is_callable() const override { return true; }
  Value call(CallContext&, CallArgs args) const override {
    expect_no_args("Joiner.__call__", args);
    if (!used_) {
      used_ = true;
      return Value::string("");
    }
    return separator_;
  }
  Value get_attr(std::string_view name) const override {
    if (name == "sep") return separator_;
    if (name == "used") return Value::boolean(used_);
    return Value();
  }

 private:
  Value separator_;
  mutable bool used_ = false;  // flipped by the first call
};

Value joiner_global(CallContext&, CallArgs& args) {
  BoundArgs bound("Joiner.__init__", args, {"sep"});
  return Value::object(new Joiner(bound.get_or(0, Value::string(", "))));
}

// ---- lipsum ------------------------------------------------------------------------------

constexpr std::string_view kLoremWords[] = {
    "lorem",      "ipsum",        "dolor",
    "sit",        "amet",         "consectetur",
    "adipiscing", "elit",         "sed",
    "do",         "eiusmod",      "tempor",
    "incididunt", "ut",           "labore",
    "et",         "dolore",       "magna",
    "aliqua",     "enim",         "ad",
    "minim",      "veniam",       "quis",
    "nostrud",    "exercitation", "ullamco",
    "laboris",    "nisi",         "aliquip",
    "ex",         "ea",           "commodo",
    "consequat",  "duis",         "aute",
    "irure",      "in",           "reprehenderit",
    "voluptate",  "velit",        "esse",
    "cillum",     "eu",           "fugiat",
    "nulla",      "pariatur",     "excepteur",
    "sint",       "occaecat",     "cupidatat",
    "non",        "proident",     "sunt",
    "culpa",      "qui",          "officia",
    "deserunt",   "mollit",       "anim",
    "id",         "est",          "laborum",
    "fames",      "tempus",       "semper",
    "primis",     "sagittis",     "placerat",
    "neque",      "cum",          "vitae",
    "mauris",     "felis",        "integer",
    "nunc",       "porta",        "massa",
    "justo",      "lacus",        "morbi",
    "risus",      "varius",       "viverra",
};

std::mt19937_64& random_engine() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

// Python's random.randrange(lo, hi): lo <= n < hi, ValueError when empty.
int64_t random_below(int64_t lo, int64_t hi) {
  if (lo >= hi) {
    throw Error(ErrorKind::Value,
                fmt::format("empty range for randrange() ({}, {}, {})", lo, hi, hi - lo));
  }
  return std::uniform_int_distribution<int64_t>(lo, hi - 1)(random_engine());
}

// One paragraph the way Jinja2 builds it: min..max-1 words, no word twice in a row, a
// comma every few words, a full stop every ten to twenty, capitalised sentence starts.
std::string lorem_paragraph(int64_t min_words, int64_t max_words) {
  const size_t vocabulary = std::size(kLoremWords);
  const int64_t count = random_below(min_words, max_words);
  std::string text;
  size_t last = vocabulary;
  bool capitalize = true;
  int64_t last_comma = 0, last_fullstop = 0;
  for (int64_t i = 0; i < count; ++i) {
    size_t pick;
    do {
      pick = static_cast<size_t>(random_below(0, static_cast<int64_t>(vocabulary)));
    } while (pick == last);
    last = pick;
    std::string word(kLoremWords[pick]);
    if (capitalize) {
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
      capitalize = false;
    }
    if (i - random_below(3, 8) > last_comma) {
      last_comma = i;
      last_fullstop += 2;
      word += ',';
    }
    if (i - random_below(10, 20) > last_fullstop) {
      last_comma = last_fullstop = i;
      word += '.';
      capitalize = true;
    }
    if (!text.empty()) text += ' ';
    text += word;
  }
  if (!text.empty() && text.back() == ',') {
    text.back() = '.';
  } else if (text.empty() || text.back() != '.') {
    text += '.';
  }
  return text;
}

int64_t int_argument(const Value& v) {
  if (!v.int_fits_int64() && !v.is_bool()) {
    throw Error(ErrorKind::Type,
                fmt::format("'{}' object cannot be interpreted as an integer", v.type_name()));
  }
  return v.is_bool() ? (v.as_bool() ? 1 : 0) : v.as_int64();
}

Value lipsum_global(CallContext&, CallArgs& args) {
  BoundArgs bound("generate_lorem_ipsum", args, {"n", "html", "min", "max"}, 0, false);
  const int64_t paragraphs = int_argument(bound.get_or(0, Value::integer(5)));
  const bool html = bound.get_or(1, Value::boolean(true)).truthy();
  const int64_t min_words = int_argument(bound.get_or(2, Value::integer(20)));
  const int64_t max_words = int_argument(bound.get_or(3, Value::integer(100)));
  std::string out;
  for (int64_t i = 0; i < paragraphs; ++i) {
    std::string paragraph = lorem_paragraph(min_words, max_words);
    // The words are plain letters and punctuation, so HTML needs no escaping here.
    if (html) {
      out += (i > 0 ? "\n<p>" : "<p>") + paragraph + "</p>";
    } else {
      out += (i > 0 ? "\n\n" : "") + paragraph;
    }
  }
  return Value::string(std::move(out), html);
}

}  // namespace

std::vector<std::pair<std::string, Value>> builtin_globals() {
  return {
      {"range", Value::function("range", range_global)},
      {"dict",
       Value::function("dict",
                       [](CallContext&, CallArgs& args) { return dict_from_args("dict", args); })},
      {"namespace", Value::function("namespace",
                                    [](CallContext&, CallArgs& args) {
                                      return Value::object(
                                          new Namespace(dict_from_args("dict", args)));
                                    })},
      {"cycler", Value::function("cycler", cycler_global)},
      {"joiner", Value::function("joiner", joiner_global)},
      {"lipsum", Value::function("lipsum", lipsum_global)},
  };
}

}  // namespace kiln::jinja

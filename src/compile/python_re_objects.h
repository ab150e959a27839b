#pragma once
// re.Pattern and re.Match as template values, and the operations both re's functions and
// a Pattern's methods perform (search, findall, sub, split...).

#include <memory>

#include "compile/python_re_engine.h"
#include "jinja/environment.h"
#include "jinja/value.h"

namespace kiln::compile {

class MatchObject : public jinja::Object {
 public:
  MatchObject(std::shared_ptr<const CompiledRegex> regex,
              std::shared_ptr<const RegexSubject> subject, GroupSpans spans, size_t pos,
              size_t endpos)
      : regex_(std::move(regex)),
        subject_(std::move(subject)),
        spans_(std::move(spans)),
        pos_(pos),
        endpos_(endpos) {}

  std::string_view type_name() const override { return "re.Match"; }
  jinja::Value get_attr(std::string_view name) const override;
  // m[1], m['name']
  jinja::Value get_item(const jinja::Value& key) const override;
  std::string repr() const override;

  // Group `number`'s text, or `fallback` when it did not take part.
  jinja::Value group(size_t number, const jinja::Value& fallback) const;
  // The group number an argument names (int or group name); IndexError "no such group".
  size_t group_number(const jinja::Value& which) const;
  const CompiledRegex& regex() const { return *regex_; }

 private:
  jinja::Value method(std::string_view name) const;

  std::shared_ptr<const CompiledRegex> regex_;
  std::shared_ptr<const RegexSubject> subject_;
  GroupSpans spans_;
  size_t pos_;
  size_t endpos_;
};

class PatternObject : public jinja::Object {
 public:
  explicit PatternObject(std::shared_ptr<const CompiledRegex> regex) : regex_(std::move(regex)) {}

  std::string_view type_name() const override { return "re.Pattern"; }
  jinja::Value get_attr(std::string_view name) const override;
  std::string repr() const override;
  bool equals(const jinja::Object& other) const override;

  const std::shared_ptr<const CompiledRegex>& regex() const { return regex_; }

 private:
  std::shared_ptr<const CompiledRegex> regex_;
};

// The operations, on a subject between pos and endpos.
jinja::Value regex_match(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                         MatchMode mode, size_t pos, size_t endpos);
jinja::Value regex_findall(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                           size_t pos, size_t endpos);
jinja::Value regex_finditer(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                            size_t pos, size_t endpos);
// sub and subn: `repl` is a template string (\1, \g<name>) or a callable given each Match.
jinja::Value regex_sub(jinja::CallContext& ctx, const std::shared_ptr<const CompiledRegex>& regex,
                       const jinja::Value& repl, std::string subject, size_t count,
                       bool with_count);
jinja::Value regex_split(const std::shared_ptr<const CompiledRegex>& regex, std::string subject,
                         size_t maxsplit);

// Expands a replacement template for a match (sub's repl, Match.expand).
std::string expand_template(std::string_view repl, const MatchObject& match);

// A Python repr of the flags, e.g. "re.IGNORECASE|re.MULTILINE"; empty for none.
std::string flags_repr(int flags);

}  // namespace kiln::compile

// How deep an expression tree is, for the parser's limit on nesting (parser_internal.h:
// kMaxExpressionDepth).

#include <algorithm>
#include <utility>
#include <vector>

#include "jinja/parser_internal.h"

namespace kiln::jinja::parsing {

int Parser::expression_depth(const Expr& root) {
  int deepest = 0;
  std::vector<std::pair<const Expr*, int>> pending{{&root, 1}};
  while (!pending.empty()) {
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    const Expr* expr = pending.back().first;
    const int depth = pending.back().second;
    pending.pop_back();
    deepest = std::max(deepest, depth);
    auto push = [&pending, depth](const ExprPtr& child) {
      if (child) pending.emplace_back(child.get(), depth + 1);
    };
    auto push_args = [&push](const CallArguments& args) {
      for (const ExprPtr& arg : args.positional)
        push(arg);
      for (const auto& keyword : args.keyword)
        push(keyword.second);
      push(args.varargs);
      push(args.kwargs);
    };
    switch (expr->kind) {
      case ExprKind::Tuple:
      case ExprKind::List:
        for (const ExprPtr& item : static_cast<const SequenceExpr&>(*expr).items)
          push(item);
        break;
      case ExprKind::Dict:
        for (const auto& item : static_cast<const DictExpr&>(*expr).items) {
          push(item.first);
          push(item.second);
        }
        break;
      case ExprKind::Unary:
        push(static_cast<const UnaryExpr&>(*expr).operand);
        break;
      case ExprKind::Binary:
        push(static_cast<const BinaryExpr&>(*expr).left);
        push(static_cast<const BinaryExpr&>(*expr).right);
        break;
      case ExprKind::And:
      case ExprKind::Or:
        push(static_cast<const LogicalExpr&>(*expr).left);
        push(static_cast<const LogicalExpr&>(*expr).right);
        break;
      case ExprKind::Compare: {
        const auto& node = static_cast<const CompareExpr&>(*expr);
        push(node.first);
        for (const auto& operand : node.rest)
          push(operand.second);
        break;
      }
      case ExprKind::Getattr:
        push(static_cast<const GetattrExpr&>(*expr).object);
        break;
      case ExprKind::Getitem:
        push(static_cast<const GetitemExpr&>(*expr).object);
        push(static_cast<const GetitemExpr&>(*expr).index);
        break;
      case ExprKind::Slice: {
        const auto& node = static_cast<const SliceExpr&>(*expr);
        push(node.start);
        push(node.stop);
        push(node.step);
        break;
      }
      case ExprKind::Call:
        push(static_cast<const CallExpr&>(*expr).callee);
        push_args(static_cast<const CallExpr&>(*expr).args);
        break;
      case ExprKind::Filter:
        push(static_cast<const FilterExpr&>(*expr).subject);
        push_args(static_cast<const FilterExpr&>(*expr).args);
        break;
      case ExprKind::Test:
        push(static_cast<const TestExpr&>(*expr).subject);
        push_args(static_cast<const TestExpr&>(*expr).args);
        break;
      case ExprKind::CondExpr: {
        const auto& node = static_cast<const CondExpr&>(*expr);
        push(node.test);
        push(node.then);
        push(node.otherwise);
        break;
      }
      default:  // leaves: constants, names, namespace references
        break;
    }
  }
  return deepest;
}

}  // namespace kiln::jinja::parsing

#pragma once
// The operators of Jinja expressions, named once for the parser, the interpreter, the
// operator functions (operators.h) and the Object hooks through which embedder types
// (value.h) take part in arithmetic and ordering.

namespace kiln::jinja {

enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, Concat /* ~ */ };
enum class UnaryOp { Neg, Pos, Not };
enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

}  // namespace kiln::jinja

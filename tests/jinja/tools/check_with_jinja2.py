#!/usr/bin/env python3
"""Runs every conformance case through the real Jinja2, configured as dbt configures it, and
reports where a case's expectation disagrees with Jinja2. This is how we know the cases are
right: Jinja2 is the oracle, Kiln's engine is what the cases test.

    tests/jinja/tools/check_with_jinja2.py                 # check every file, exit 1 on mismatch
    tests/jinja/tools/check_with_jinja2.py FILE...         # check some files
    tests/jinja/tools/check_with_jinja2.py --fill FILE...  # write expectations of new cases
    tests/jinja/tools/check_with_jinja2.py --refresh FILE  # rewrite every output from Jinja2

--fill adds an expectation to every case that has none (a `--- output` block, or an
`--- error` block with Jinja2's whole message: shorten it to a substring by hand).
--refresh rewrites the outputs of every case and the kind/line of error cases, keeping their
hand-chosen message substrings when Jinja2's message still contains them.

The data format is described in docs/jinja.md and at the top of every data file.
Dev tool only: CI runs the C++ side (tests/jinja/conformance_test.cpp), not this.
"""

import argparse
import glob
import json
import os
import re
import sys

import jinja2
import jinja2.exceptions
from jinja2.sandbox import SandboxedEnvironment, SecurityError

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DATA_DIR = os.path.join(REPO_ROOT, "tests", "jinja", "conformance")
BLOCK_KINDS = ("template", "context", "output", "error")
CASE_HEADER = "=== "
ERROR_LINE = re.compile(r"^(\w+) line (\d+): (.*)$", re.S)


# ---------------------------------------------------------------------------------------------
# The data format: a preamble (comment lines before the first case), then cases.


class Case:
    def __init__(self, name, line):
        self.name = name
        self.line = line  # where `=== name` is in the file, for reports
        self.blocks = {}  # kind -> text, in file order

    @property
    def template(self):
        return self.blocks.get("template", "")

    @property
    def context(self):
        text = self.blocks.get("context", "").strip()
        return json.loads(text) if text else {}


def block_header(line):
    """The block kind if `line` opens a block, else None."""
    for kind in BLOCK_KINDS:
        if line == "--- " + kind:
            return kind
    return None


def parse_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # The file's last line break ends its last line; it is not content.
    if text.endswith("\n"):
        text = text[:-1]
    preamble, cases = [], []
    case, kind, lines = None, None, []

    def close_block():
        if case is not None and kind is not None:
            case.blocks[kind] = "\n".join(lines)

    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(CASE_HEADER):
            close_block()
            case, kind, lines = Case(line[len(CASE_HEADER):].strip(), number), None, []
            cases.append(case)
        elif case is None:
            preamble.append(line)
        elif block_header(line):
            close_block()
            kind, lines = block_header(line), []
            if kind in case.blocks:
                sys.exit(f"{path}:{number}: case '{case.name}' has two '{kind}' blocks")
        elif kind is None:
            if line.strip():
                sys.exit(f"{path}:{number}: text outside a block in case '{case.name}'")
        else:
            lines.append(line)
    close_block()
    return preamble, cases


def write_file(path, preamble, cases):
    out = []
    out.extend(preamble)
    for case in cases:
        out.append(CASE_HEADER + case.name)
        for kind in BLOCK_KINDS:
            if kind in case.blocks:
                out.append("--- " + kind)
                if case.blocks[kind] != "":
                    out.append(case.blocks[kind])
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


# ---------------------------------------------------------------------------------------------
# Jinja2 as dbt configures it.


def dbt_stubs():
    """The native functions every case's context has, the same ones conformance_test.cpp
    defines, so dbt-like models can call them."""

    def ref(*names, **kwargs):
        return '"analytics"."' + str(names[-1]) + '"'

    def source(source_name, table_name):
        return '"raw_' + str(source_name) + '"."' + str(table_name) + '"'

    def config(*args, **kwargs):
        return ""

    return {"ref": ref, "source": source, "config": config}


def make_environment(name, source):
    # FunctionLoader with a filename, so Jinja2's rewritten traceback names the template and
    # we can read the line of a runtime error from it.
    loader = jinja2.FunctionLoader(lambda n: (source, name, lambda: True) if n == name else None)
    return SandboxedEnvironment(
        loader=loader, extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])


ERROR_KINDS = [
    # Order matters: subclasses before their bases.
    (jinja2.exceptions.TemplateSyntaxError, "Syntax"),  # includes TemplateAssertionError
    (jinja2.exceptions.UndefinedError, "Undefined"),
    (SecurityError, "Security"),
    (jinja2.exceptions.TemplateRuntimeError, "Runtime"),  # includes FilterArgumentError
    (ZeroDivisionError, "ZeroDivision"),
    (OverflowError, "Overflow"),
    (KeyError, "Key"),
    (IndexError, "Index"),
    (TypeError, "Type"),
    (ValueError, "Value"),
]


def error_kind(exc):
    for cls, kind in ERROR_KINDS:
        if isinstance(exc, cls):
            return kind
    return "Unmapped:" + type(exc).__name__


def error_line(exc, name):
    if isinstance(exc, jinja2.exceptions.TemplateSyntaxError):
        return exc.lineno or 0
    line, tb = 0, exc.__traceback__
    while tb is not None:  # the innermost frame of the template is where it failed
        if tb.tb_frame.f_code.co_filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def error_message(exc):
    if isinstance(exc, jinja2.exceptions.TemplateSyntaxError):
        return exc.message or ""
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


def run_case(case, path):
    """('output', text) or ('error', kind, line, message)."""
    name = os.path.basename(path)
    try:
        env = make_environment(name, case.template)
        context = dbt_stubs()
        context.update(case.context)
        return ("output", env.get_template(name).render(context))
    except Exception as exc:  # noqa: BLE001 - every exception is a case result
        return ("error", error_kind(exc), error_line(exc, name), error_message(exc))


def format_error(kind, line, message):
    return f"{kind} line {line}: {message}"


# ---------------------------------------------------------------------------------------------
# Comparing and filling.


def compare(case, result):
    """A description of the disagreement, or None."""
    if "output" in case.blocks:
        if result[0] == "output" and result[1] == case.blocks["output"]:
            return None
        return f"expected output {case.blocks['output']!r}, Jinja2 gives {describe(result)}"
    match = ERROR_LINE.match(case.blocks["error"])
    if not match:
        return "the error block must read '<Kind> line <N>: <message substring>'"
    kind, line, substring = match.group(1), int(match.group(2)), match.group(3)
    if result[0] != "error":
        return f"expected {case.blocks['error']!r}, Jinja2 gives {describe(result)}"
    if (kind, line) != (result[1], result[2]) or substring not in result[3]:
        return f"expected {case.blocks['error']!r}, Jinja2 gives {describe(result)}"
    return None


def describe(result):
    if result[0] == "output":
        return f"output {result[1]!r}"
    return repr(format_error(*result[1:]))


def expectation(case, result, keep_substring):
    if result[0] == "output":
        return "output", result[1]
    old = ERROR_LINE.match(case.blocks.get("error", ""))
    message = result[3]
    if keep_substring and old and old.group(3) in message:
        message = old.group(3)
    return "error", format_error(result[1], result[2], message)


def set_expectation(case, kind, text):
    case.blocks.pop("output", None)
    case.blocks.pop("error", None)
    case.blocks[kind] = text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--fill", action="store_true", help="add missing expectations")
    parser.add_argument("--refresh", action="store_true", help="rewrite every expectation")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(DATA_DIR, "*.txt")))

    total, mismatches, names = 0, 0, {}
    for path in files:
        preamble, cases = parse_file(path)
        changed = False
        for case in cases:
            total += 1
            where = f"{os.path.relpath(path, REPO_ROOT)}:{case.line}"
            if case.name in names:
                print(f"{where}: duplicate case name '{case.name}' (also {names[case.name]})")
                mismatches += 1
            names[case.name] = where
            result = run_case(case, path)
            has_expectation = "output" in case.blocks or "error" in case.blocks
            if args.refresh or (args.fill and not has_expectation):
                set_expectation(case, *expectation(case, result, keep_substring=True))
                changed = True
                continue
            if not has_expectation:
                print(f"{where}: '{case.name}' has no expectation (use --fill)")
                mismatches += 1
                continue
            problem = compare(case, result)
            if problem:
                mismatches += 1
                print(f"{where}: '{case.name}': {problem}")
        if changed:
            write_file(path, preamble, cases)
    if not args.quiet:
        print(f"{total} cases, {mismatches} disagree with Jinja2 {jinja2.__version__}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

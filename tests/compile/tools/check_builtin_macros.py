#!/usr/bin/env python3
"""Dev-only checker for Kiln's built-in dbt macros (src/compile/macros/).

Loads every macro file into a jinja2 SandboxedEnvironment (the reference
Jinja2 that Kiln's own engine imitates) with a small fake dbt context,
renders calls of the macros, and executes the SQL they produce:

  * on DuckDB, through ctypes against third_party/duckdb/lib/libduckdb.so
    (duckdb__ / default__ variants), and
  * on PostgreSQL when a server can be started here (Debian's postgresql
    package: initdb + pg_ctl into a temporary directory, listening on
    127.0.0.1 only), through ctypes against libpq (postgres__ / default__).

Each case compares the result with a known value. Not run by CI.

    python3 tests/compile/tools/check_builtin_macros.py              # both engines
    python3 tests/compile/tools/check_builtin_macros.py --no-postgres
    python3 tests/compile/tools/check_builtin_macros.py -v           # print rendered SQL
    python3 tests/compile/tools/check_builtin_macros.py -k datediff  # cases whose name contains 'datediff'

Exit status 0 when every case passes. The last line reads "N passed, N failed".
"""

import argparse
import ctypes
import datetime
import decimal
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import traceback

import jinja2
from jinja2.sandbox import SandboxedEnvironment

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
MACRO_DIR = os.path.join(ROOT, "src", "compile", "macros")
DUCKDB_LIB = os.path.join(ROOT, "third_party", "duckdb", "lib", "libduckdb.so")


# --------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------

class SqlError(Exception):
    pass


class DuckDB:
    """Minimal DuckDB C API client: every value comes back as text (or None)."""

    type = "duckdb"
    TIMESTAMP_TZ = 31  # DUCKDB_TYPE_TIMESTAMP_TZ
    NUMERIC = set(range(2, 12)) | {16, 19, 32}  # TINYINT..DOUBLE, HUGEINT, DECIMAL, UHUGEINT

    class _Result(ctypes.Structure):
        _fields_ = [("column_count", ctypes.c_uint64), ("row_count", ctypes.c_uint64),
                    ("rows_changed", ctypes.c_uint64), ("columns", ctypes.c_void_p),
                    ("error", ctypes.c_char_p), ("internal", ctypes.c_void_p)]

    def __init__(self, lib_path=DUCKDB_LIB):
        lib = ctypes.CDLL(lib_path)
        vp, u64 = ctypes.c_void_p, ctypes.c_uint64
        res_p = ctypes.POINTER(self._Result)
        lib.duckdb_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(vp)]
        lib.duckdb_connect.argtypes = [vp, ctypes.POINTER(vp)]
        lib.duckdb_query.argtypes = [vp, ctypes.c_char_p, res_p]
        lib.duckdb_result_error.argtypes = [res_p]
        lib.duckdb_result_error.restype = ctypes.c_char_p
        lib.duckdb_row_count.argtypes = [res_p]
        lib.duckdb_row_count.restype = u64
        lib.duckdb_column_count.argtypes = [res_p]
        lib.duckdb_column_count.restype = u64
        lib.duckdb_column_name.argtypes = [res_p, u64]
        lib.duckdb_column_name.restype = ctypes.c_char_p
        lib.duckdb_value_is_null.argtypes = [res_p, u64, u64]
        lib.duckdb_value_is_null.restype = ctypes.c_bool
        lib.duckdb_value_varchar.argtypes = [res_p, u64, u64]
        lib.duckdb_value_varchar.restype = vp
        lib.duckdb_column_type.argtypes = [res_p, u64]
        lib.duckdb_column_type.restype = ctypes.c_int
        lib.duckdb_value_timestamp.argtypes = [res_p, u64, u64]
        lib.duckdb_value_timestamp.restype = ctypes.c_int64
        lib.duckdb_free.argtypes = [vp]
        lib.duckdb_destroy_result.argtypes = [res_p]
        lib.duckdb_disconnect.argtypes = [ctypes.POINTER(vp)]
        lib.duckdb_close.argtypes = [ctypes.POINTER(vp)]
        self.lib = lib
        self.db, self.con = vp(), vp()
        if lib.duckdb_open(None, ctypes.byref(self.db)) != 0:
            raise RuntimeError("duckdb_open failed")
        if lib.duckdb_connect(self.db, ctypes.byref(self.con)) != 0:
            raise RuntimeError("duckdb_connect failed")

    def query(self, sql):
        """Returns (column names, rows of text-or-None)."""
        lib, res = self.lib, self._Result()
        try:
            if lib.duckdb_query(self.con, sql.encode(), ctypes.byref(res)) != 0:
                raise SqlError((lib.duckdb_result_error(ctypes.byref(res)) or b"?").decode())
            ncols = lib.duckdb_column_count(ctypes.byref(res))
            nrows = lib.duckdb_row_count(ctypes.byref(res))
            names = [lib.duckdb_column_name(ctypes.byref(res), c).decode() for c in range(ncols)]
            types = [lib.duckdb_column_type(ctypes.byref(res), c) for c in range(ncols)]
            self.last_numeric = [t in self.NUMERIC for t in types]
            rows = []
            for r in range(nrows):
                row = []
                for c in range(ncols):
                    if lib.duckdb_value_is_null(ctypes.byref(res), c, r):
                        row.append(None)
                        continue
                    if types[c] == self.TIMESTAMP_TZ:
                        # duckdb_value_varchar crashes on these (1.4.4): format
                        # the microseconds since the epoch ourselves, in UTC
                        micros = lib.duckdb_value_timestamp(ctypes.byref(res), c, r)
                        t = datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=micros)
                        row.append(t.isoformat(" ") + "+00")
                        continue
                    p = lib.duckdb_value_varchar(ctypes.byref(res), c, r)
                    row.append(ctypes.string_at(p).decode())
                    lib.duckdb_free(p)
                rows.append(tuple(row))
            return names, rows
        finally:
            lib.duckdb_destroy_result(ctypes.byref(res))

    def close(self):
        self.lib.duckdb_disconnect(ctypes.byref(self.con))
        self.lib.duckdb_close(ctypes.byref(self.db))


class Postgres:
    """A throwaway PostgreSQL server (127.0.0.1 only) and a libpq client."""

    type = "postgres"
    PGRES_COMMAND_OK, PGRES_TUPLES_OK = 1, 2
    NUMERIC = {20, 21, 23, 700, 701, 1700}  # int8, int2, int4, float4, float8, numeric

    def __init__(self):
        bindir = self._bindir()
        if bindir is None:
            raise RuntimeError("no PostgreSQL server binaries (initdb) found")
        self.bindir = bindir
        self.tmp = tempfile.mkdtemp(prefix="kiln_macro_pg_")
        self.data = os.path.join(self.tmp, "data")
        self.port = self._free_port()
        self.as_user = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.tmp, "postgres")
        self._run([os.path.join(bindir, "initdb"), "-D", self.data, "-U", "postgres",
                   "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        self._run([os.path.join(bindir, "pg_ctl"), "-D", self.data, "-w", "-l",
                   os.path.join(self.tmp, "server.log"), "-o",
                   "-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c TimeZone=UTC"
                   % (self.port, self.tmp), "start"])
        self.started = True
        lib = ctypes.CDLL("libpq.so.5")
        vp = ctypes.c_void_p
        lib.PQconnectdb.argtypes = [ctypes.c_char_p]
        lib.PQconnectdb.restype = vp
        lib.PQstatus.argtypes = [vp]
        lib.PQerrorMessage.argtypes = [vp]
        lib.PQerrorMessage.restype = ctypes.c_char_p
        lib.PQexec.argtypes = [vp, ctypes.c_char_p]
        lib.PQexec.restype = vp
        lib.PQresultStatus.argtypes = [vp]
        lib.PQresultErrorMessage.argtypes = [vp]
        lib.PQresultErrorMessage.restype = ctypes.c_char_p
        lib.PQntuples.argtypes = [vp]
        lib.PQnfields.argtypes = [vp]
        lib.PQfname.argtypes = [vp, ctypes.c_int]
        lib.PQfname.restype = ctypes.c_char_p
        lib.PQftype.argtypes = [vp, ctypes.c_int]
        lib.PQftype.restype = ctypes.c_uint
        lib.PQgetisnull.argtypes = [vp, ctypes.c_int, ctypes.c_int]
        lib.PQgetvalue.argtypes = [vp, ctypes.c_int, ctypes.c_int]
        lib.PQgetvalue.restype = ctypes.c_char_p
        lib.PQclear.argtypes = [vp]
        lib.PQfinish.argtypes = [vp]
        self.lib = lib
        self.conn = lib.PQconnectdb(
            ("host=127.0.0.1 port=%d user=postgres dbname=postgres options='-c client_min_messages=warning'" % self.port).encode())
        if lib.PQstatus(self.conn) != 0:
            raise RuntimeError(lib.PQerrorMessage(self.conn).decode())

    @staticmethod
    def _bindir():
        for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
            if os.path.exists(os.path.join(d, "initdb")):
                return d
        initdb = shutil.which("initdb")
        return os.path.dirname(initdb) if initdb else None

    @staticmethod
    def _free_port():
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def _run(self, cmd):
        p = subprocess.run(self.as_user + cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=120)
        if p.returncode != 0:
            raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), p.stdout))

    def query(self, sql):
        lib = self.lib
        res = lib.PQexec(self.conn, sql.encode())
        try:
            status = lib.PQresultStatus(res)
            if status not in (self.PGRES_COMMAND_OK, self.PGRES_TUPLES_OK):
                raise SqlError((lib.PQresultErrorMessage(res) or b"?").decode().strip())
            nrows, ncols = lib.PQntuples(res), lib.PQnfields(res)
            names = [lib.PQfname(res, c).decode() for c in range(ncols)]
            self.last_numeric = [lib.PQftype(res, c) in self.NUMERIC for c in range(ncols)]
            rows = [tuple(None if lib.PQgetisnull(res, r, c) else lib.PQgetvalue(res, r, c).decode()
                          for c in range(ncols)) for r in range(nrows)]
            return names, rows
        finally:
            lib.PQclear(res)

    def close(self):
        try:
            self.lib.PQfinish(self.conn)
        finally:
            try:
                self._run([os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-w", "-m", "fast", "stop"])
            finally:
                shutil.rmtree(self.tmp, ignore_errors=True)


# --------------------------------------------------------------------------
# The fake dbt rendering context
# --------------------------------------------------------------------------

class MacroReturn(Exception):
    def __init__(self, value):
        self.value = value


class CompilerError(Exception):
    pass


class Namespace(dict):
    """A dict: Jinja reads its keys as attributes (target.schema, dbt.name).
    No __getattr__ on purpose: the sandbox then looks names up as items,
    which is how dbt's own namespaces let `dbt._split_part_negative` through
    (an attribute starting with '_' would be refused as unsafe)."""


class Config:
    def __init__(self, values=None):
        self.values = dict(values or {})

    def get(self, key, default=None):
        return self.values.get(key, default)

    def set(self, key, value):
        self.values[key] = value
        return ""


class Adapter:
    def __init__(self, session, type_):
        self._session = session
        self._type = type_
        self.behavior = Namespace(enable_truthy_nulls_equals_macro=False)

    def type(self):
        return self._type

    def dispatch(self, macro_name, macro_namespace=None):
        for prefix in (self._type + "__", "default__"):
            if prefix + macro_name in self._session.registry:
                return self._session.ref(prefix + macro_name)
        raise CompilerError("dispatch: no %s__%s or default__%s" % (self._type, macro_name, macro_name))

    def quote(self, identifier):
        return '"%s"' % identifier


MACRO_BLOCK = re.compile(
    r"\{%-?\s*macro\s+(\w+)\s*\(.*?\{%-?\s*endmacro\s*-?%\}", re.S)


class Session:
    """All built-in macros loaded for one engine, plus its context."""

    def __init__(self, engine, verbose=False):
        self.engine = engine
        self.verbose = verbose
        self.env = SandboxedEnvironment(
            extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
            undefined=jinja2.Undefined)
        self.registry = {}   # name -> jinja Macro
        self.results = {}    # statement name -> load_result dict
        self.statements = []
        self.config = Config()
        self.flags = Namespace(FULL_REFRESH=False, STORE_FAILURES=False)
        self.target = Namespace(name="dev", schema="main" if engine.type == "duckdb" else "public",
                                database="memory" if engine.type == "duckdb" else "postgres",
                                type=engine.type)
        self.adapter = Adapter(self, engine.type)
        self.dbt = Namespace()
        sources = self._read_blocks()
        for name in sources:
            self.dbt[name] = self.ref(name)
        self.context = self._context()
        for name, (path, src) in sources.items():
            template = self.env.from_string(src, globals=self.context)
            # not template.module: Jinja does not export names starting with
            # '_', and dbt has such macros (_split_part_negative)
            ctx = template.new_context()
            for _ in template.root_render_func(ctx):
                pass
            self.registry[name] = ctx.vars[name]

    def _read_blocks(self):
        """Each top-level macro becomes its own template, as dbt (and Kiln)
        store every macro separately: calls between macros then go through the
        context, where `return` is caught per call."""
        sources = {}
        files = sorted(glob.glob(os.path.join(MACRO_DIR, "**", "*.sql"), recursive=True))
        if not files:
            raise RuntimeError("no macro files under " + MACRO_DIR)
        for path in files:
            with open(path) as f:
                text = f.read()
            self._check_file_shape(path, text)
            for m in MACRO_BLOCK.finditer(text):
                name = m.group(1)
                if name in sources:
                    raise RuntimeError("macro %s defined twice (%s and %s)" % (name, sources[name][0], path))
                sources[name] = (path, m.group(0))
        return sources

    def _check_file_shape(self, path, text):
        """Whole file parses with Jinja2, and holds only macros, comments, blank text."""
        ast = self.env.parse(text, filename=path)
        for node in ast.body:
            if isinstance(node, jinja2.nodes.Macro):
                continue
            if isinstance(node, jinja2.nodes.Output) and all(
                    isinstance(n, jinja2.nodes.TemplateData) and not n.data.strip() for n in node.nodes):
                continue
            raise RuntimeError("%s:%s: top-level content other than macros" % (path, node.lineno))

    def ref(self, name):
        session = self

        def call(*args, **kwargs):
            macro = session.registry[name]
            try:
                return macro(*args, **kwargs)
            except MacroReturn as r:
                return r.value

        call.__name__ = name
        return call

    def _context(self):
        session = self

        def do_return(value):
            raise MacroReturn(value)

        def raise_compiler_error(msg, node=None):
            raise CompilerError(msg)

        def statement(name=None, fetch_result=False, auto_begin=True, language="sql", caller=None):
            sql = str(caller())
            session.statements.append(sql)
            if session.verbose:
                print("    [statement %s]\n%s" % (name, indent(sql)))
            names, rows = session.engine.query(sql)
            # numbers come back as numbers, as from dbt's agate tables
            numeric = session.engine.last_numeric
            rows = [tuple(to_number(v) if numeric[i] and v is not None else v for i, v in enumerate(row))
                    for row in rows]
            if name is not None:
                session.results[name] = {"data": rows, "table": rows, "columns": names,
                                         "response": "OK"}
            return ""

        def load_result(name):
            return session.results.get(name)

        context = dict(self.registry_refs())
        context.update({
            "adapter": self.adapter,
            "target": self.target,
            "config": self.config,
            "flags": self.flags,
            "dbt": self.dbt,
            "return": do_return,
            "exceptions": Namespace(raise_compiler_error=raise_compiler_error),
            "statement": statement,
            "load_result": load_result,
            "execute": True,
            "modules": Namespace(datetime=datetime),
            "log": lambda msg, info=False: "",
            "api": Namespace(),
        })
        return context

    def registry_refs(self):
        return {name: ref for name, ref in self.dbt.items()}

    def render(self, source, **extra):
        """Renders a template (usually one macro call) in the dbt context."""
        template = self.env.from_string(source, globals=self.context)
        try:
            return template.render(**extra)
        except MacroReturn as r:  # `return` at the top level of the template
            return r.value

    def call(self, name, *args, **kwargs):
        return self.ref(name)(*args, **kwargs)


def to_number(text):
    try:
        return int(text)
    except ValueError:
        return decimal.Decimal(text)


def indent(text, by="      "):
    return "\n".join(by + line for line in str(text).strip("\n").splitlines())


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


class Check:
    def __init__(self, session):
        self.s = session
        self.engine = session.engine.type
        self.failures = []

    def sql(self, sql):
        if self.s.verbose:
            print(indent(sql))
        return self.s.engine.query(str(sql))[1]

    def scalar(self, sql):
        rows = self.sql(sql)
        if len(rows) != 1 or len(rows[0]) != 1:
            raise AssertionError("expected one value, got %r" % (rows,))
        return rows[0][0]

    def eq(self, what, got, want):
        if got != want:
            self.failures.append("%s: got %r, want %r" % (what, got, want))

    def value(self, what, expr_template, want, wrap="{}", **extra):
        """Renders expr_template, runs `select <wrap(expr)>` and compares."""
        expr = self.s.render(expr_template, **extra)
        try:
            got = self.scalar("select " + wrap.format(expr))
        except SqlError as e:
            self.failures.append("%s: SQL error %s\n%s" % (what, e, indent(expr)))
            return
        self.eq(what, got, want)


TS = "cast({} as timestamp)"
D = "cast({} as date)"
BIG = "cast({} as bigint)"
TXT = "cast({} as varchar)"


@case
def naming(c):
    s = c.s
    node = Namespace(name="orders", resource_type="model", package_name="p", version=None)
    schema = s.target["schema"]
    c.eq("schema default", s.call("generate_schema_name", None, node), schema)
    c.eq("schema custom", s.call("generate_schema_name", " marts ", node), schema + "_marts")
    c.eq("schema kw", s.render("{{ generate_schema_name(custom_schema_name='x', node=n) }}", n=node),
         schema + "_x")
    c.eq("schema for env (dev)", s.call("generate_schema_name_for_env", "marts", node).strip(), schema)
    s.target["name"] = "prod"
    try:
        c.eq("schema for env (prod)", s.call("generate_schema_name_for_env", "marts", node).strip(), "marts")
        c.eq("schema for env (prod, none)", s.call("generate_schema_name_for_env", None, node).strip(), schema)
    finally:
        s.target["name"] = "dev"
    c.eq("alias default", s.call("generate_alias_name", None, node), "orders")
    c.eq("alias custom", s.call("generate_alias_name", " o ", node), "o")
    c.eq("alias v2", s.call("generate_alias_name", None, Namespace(node, version=2)), "orders_v2")
    c.eq("alias v1.2", s.call("generate_alias_name", None, Namespace(node, version="1.2")), "orders_v1_2")
    c.eq("alias custom beats version", s.call("generate_alias_name", "x", Namespace(node, version=3)), "x")
    c.eq("latest pointer", s.call("generate_latest_version_pointer_alias", None, Namespace(node, version=3)),
         "orders")
    c.eq("database default", s.call("generate_database_name", None, node), s.target["database"])
    c.eq("database custom", s.call("generate_database_name", "other", node), "other")
    c.eq("database no args", s.render("{{ generate_database_name() }}"), s.target["database"])


@case
def data_types(c):
    s = c.s
    want = {"type_string": "TEXT", "type_timestamp": "timestamp", "type_float": "float",
            "type_numeric": "numeric(28,6)", "type_bigint": "bigint", "type_int": "integer",
            "type_boolean": "boolean"}
    for name, label in want.items():
        got = s.render("{{ dbt.%s() }}" % name)
        c.eq(name, got, label)
        try:
            c.sql("select cast(null as %s)" % got)
        except SqlError as e:
            c.failures.append("%s: %s is not a type here: %s" % (name, got, e))
    c.value("cast numeric", "{{ dbt.cast('1.23456789', dbt.type_numeric()) }}", "1.234568", TXT)
    c.value("cast", "{{ dbt.cast(\"'42'\", dbt.type_int()) }}", "42", TXT)


@case
def casts(c):
    c.value("safe_cast ok", "{{ dbt.safe_cast(\"'12'\", dbt.type_int()) }}", "12", TXT)
    if c.engine == "duckdb":
        c.value("safe_cast bad -> null", "{{ dbt.safe_cast(\"'x'\", dbt.type_int()) }}", None, TXT)
    c.value("cast_bool_to_text", "{{ dbt.cast_bool_to_text('1 = 1') }}", "true")
    c.value("cast_bool_to_text false", "{{ dbt.cast_bool_to_text('false') }}", "false")


@case
def dateadd(c):
    base = "cast('2024-01-31' as date)"
    for part, n, want in [("day", 1, "2024-02-01 00:00:00"), ("month", 1, "2024-02-29 00:00:00"),
                          ("quarter", 1, "2024-04-30 00:00:00"), ("year", -1, "2023-01-31 00:00:00"),
                          ("week", 2, "2024-02-14 00:00:00"), ("hour", 5, "2024-01-31 05:00:00"),
                          ("minute", -30, "2024-01-30 23:30:00"), ("second", 61, "2024-01-31 00:01:01")]:
        c.value("dateadd %s %s" % (part, n),
                "{{ dbt.dateadd(p, n, b) }}", want, TS, p=part, n=n, b=base)
    c.value("dateadd kwargs + expression interval",
            "{{ dbt.dateadd(datepart='day', interval='(select 3)', from_date_or_timestamp=b) }}",
            "2024-02-03 00:00:00", TS, b=base)
    c.value("dateadd string interval", "{{ dbt.dateadd('month', '-1', b) }}", "2023-12-31 00:00:00", TS, b=base)


@case
def datediff(c):
    cases = [
        ("'2024-01-31'", "'2024-02-01'", "month", "1"),
        ("'2024-02-01'", "'2024-01-31'", "month", "-1"),
        ("'2023-12-31'", "'2024-01-01'", "year", "1"),
        ("'2024-03-31'", "'2024-04-01'", "quarter", "1"),
        ("'2024-01-01'", "'2024-03-01'", "day", "60"),
        ("'2024-01-06'", "'2024-01-07'", "week", "1"),    # Saturday -> Sunday
        ("'2024-01-07'", "'2024-01-13'", "week", "0"),    # Sunday -> Saturday
        ("'2024-01-07'", "'2024-01-06'", "week", "-1"),
        ("'2024-01-01'", "'2024-03-01'", "week", "8"),    # Monday -> Friday, 8 Sundays
        ("'2024-03-01'", "'2024-01-01'", "week", "-8"),
        ("'2024-01-01'", "'2024-03-03'", "week", "9"),    # ... -> Sunday
        ("'2024-01-11'", "'2024-01-04'", "week", "-2"),   # dbt's quirk: back to the same weekday
        ("'2024-01-04 10:00'", "'2024-01-04 09:00'", "week", "-1"),
        ("'2024-01-01 23:59:00'", "'2024-01-02 00:01:00'", "hour", "1"),
        ("'2024-01-01 23:59:00'", "'2024-01-02 00:01:00'", "minute", "2"),
        ("'2024-01-01 00:00:59.9'", "'2024-01-01 00:01:00.1'", "second", "1"),
        ("'2024-01-01 00:00:00.0004'", "'2024-01-01 00:00:00.0021'", "millisecond", "2"),
        ("'2024-01-01 00:00:00'", "'2024-01-01 00:00:01'", "microsecond", "1000000"),
    ]
    for a, b, part, want in cases:
        c.value("datediff %s %s %s" % (a, b, part), "{{ dbt.datediff(a, b, p) }}", want, BIG,
                a="cast(%s as timestamp)" % a, b="cast(%s as timestamp)" % b, p=part)
    c.value("datediff on dates", "{{ dbt.datediff(\"cast('2024-01-01' as date)\", \"cast('2025-01-01' as date)\", 'day') }}",
            "366", BIG)


@case
def date_trunc_last_day_date(c):
    c.value("date_trunc month", "{{ dbt.date_trunc('month', \"cast('2024-02-15' as date)\") }}", "2024-02-01", D)
    c.value("date_trunc quarter", "{{ dbt.date_trunc('quarter', \"cast('2024-05-15 10:00' as timestamp)\") }}",
            "2024-04-01 00:00:00", TS)
    for part, d, want in [("month", "2024-02-10", "2024-02-29"), ("quarter", "2024-05-10", "2024-06-30"),
                          ("year", "2024-05-10", "2024-12-31"), ("month", "2023-12-31", "2023-12-31")]:
        c.value("last_day %s %s" % (part, d), "{{ dbt.last_day(d, p) }}", want, TXT,
                d="cast('%s' as date)" % d, p=part)
    c.value("date(2024, 2, 29)", "{{ dbt.date(2024, 2, 29) }}", "2024-02-29", TXT)
    c.value("date kwargs", "{{ dbt.date(year=2023, month=12, day=1) }}", "2023-12-01", D)


@case
def strings(c):
    c.value("concat", "{{ dbt.concat([\"'a'\", \"'-'\", \"'b'\"]) }}", "a-b")
    c.value("hash", "{{ dbt.hash(\"'abc'\") }}", "900150983cd24fb0d6963f7d28e17f72")
    c.value("hash number", "{{ dbt.hash('42') }}", "a1d0c6e83f027327d8461063f4ac58a6")
    c.eq("escape_single_quotes", c.s.render("{{ dbt.escape_single_quotes(\"it's\") }}"), "it''s")
    c.value("escape_single_quotes in literal", "'{{ dbt.escape_single_quotes(\"it's\") }}'", "it's")
    c.value("string_literal", "{{ dbt.string_literal('abc') }}", "abc")
    c.value("position", "{{ dbt.position(\"'b'\", \"'abc'\") }}", "2", BIG)
    c.value("position absent", "{{ dbt.position(\"'z'\", \"'abc'\") }}", "0", BIG)
    c.value("length", "{{ dbt.length(\"'abcd'\") }}", "4", BIG)
    c.value("replace", "{{ dbt.replace(\"'abcb'\", \"'b'\", \"'x'\") }}", "axcx")
    c.value("right", "{{ dbt.right(\"'abcde'\", 2) }}", "de")
    for n, want in [(1, "a"), (2, "bb"), (3, "c"), (-1, "c"), (-3, "a")]:
        c.value("split_part %s" % n, "{{ dbt.split_part(\"'a,bb,c'\", \"','\", n) }}", want, n=n)
    c.value("split_part kwargs multi-char delimiter",
            "{{ dbt.split_part(string_text=\"'a--b'\", delimiter_text=\"'--'\", part_number=2) }}", "b")


@case
def aggregates(c):
    rows = "(select * from (values ('b', 1, true), ('a', 2, false), ('c', 3, false)) as t(x, n, flag)) as t"
    c.value("listagg ordered", "(select {{ dbt.listagg('x', \"','\", 'order by x') }} from %s)" % rows, "a,b,c")
    c.value("listagg desc delimiter", "(select {{ dbt.listagg('x', \"' | '\", 'order by n desc') }} from %s)" % rows,
            "c | a | b")
    c.value("listagg limit", "(select {{ dbt.listagg('x', \"','\", 'order by x', 2) }} from %s)" % rows, "a,b")
    c.value("listagg kwargs", "(select {{ dbt.listagg(measure='x', order_by_clause='order by n', limit_num=1) }} from %s)" % rows, "b")
    c.value("listagg defaults", "(select length({{ dbt.listagg('x') }}) from %s)" % rows, "5", BIG)
    c.value("any_value", "(select {{ dbt.any_value('x') }} in ('a', 'b', 'c') from %s)" % rows, "true", TXT)
    c.value("bool_or", "(select {{ dbt.bool_or('flag') }} from %s)" % rows, "true", TXT)
    c.value("bool_or false", "(select {{ dbt.bool_or('flag and n > 1') }} from %s)" % rows, "false", TXT)


@case
def set_operators_and_equals(c):
    c.value("except", "(select count(*) from (select 1 as v union all select 2 {{ dbt.except() }} select 2) q)",
            "1", BIG)
    c.value("intersect", "(select max(v) from (select 1 as v union all select 2 {{ dbt.intersect() }} select 2) q)",
            "2", BIG)
    c.value("equals", "{{ dbt.equals('1', '1') }}", "true", TXT)
    c.value("equals nulls (flag off)", "{{ dbt.equals('null', 'null') }}", None, TXT)
    c.s.adapter.behavior["enable_truthy_nulls_equals_macro"] = True
    try:
        c.value("equals nulls (flag on)", "{{ dbt.equals('null', 'null') }}", "true", TXT)
        c.value("equals default__ (flag on)", "{{ dbt.default__equals('null', '1') }}", "false", TXT)
    finally:
        c.s.adapter.behavior["enable_truthy_nulls_equals_macro"] = False


@case
def arrays(c):
    card = "array_length({}, 1)" if c.engine == "postgres" else "len({})"
    c.value("array_construct", "{{ dbt.array_construct([1, 2, 3]) }}", "3", card)
    c.value("array_construct empty", "{{ dbt.array_construct() }}", "0" if c.engine == "duckdb" else None, card)
    c.value("array_construct typed empty", "{{ dbt.array_construct([], 'text') }}",
            "0" if c.engine == "duckdb" else None, card)
    c.value("array_append", "({{ dbt.array_append(dbt.array_construct([1, 2]), 3) }})[3]", "3")
    c.value("array_concat", "({{ dbt.array_concat(dbt.array_construct([1, 2]), dbt.array_construct([3, 4])) }})[4]",
            "4")


@case
def timestamps(c):
    for m in ["current_timestamp", "current_timestamp_backcompat", "current_timestamp_in_utc_backcompat",
              "snapshot_get_time"]:
        c.value(m, "{{ dbt.%s() }} is not null" % m, "true", TXT)
    c.value("current_timestamp is near now",
            "abs(extract(epoch from ({{ dbt.current_timestamp() }} - now()))) < 60", "true", TXT)
    c.value("snapshot_string_as_time", "{{ dbt.snapshot_string_as_time('2024-01-02 03:04:05') }}",
            "2024-01-02 03:04:05", TXT)


@case
def series_and_spine(c):
    s = c.s
    for n, want in [(1, 1), (2, 1), (3, 2), (1024, 10), (1025, 11)]:
        c.eq("get_powers_of_two(%d)" % n, s.call("get_powers_of_two", n), want)
    try:
        s.call("get_powers_of_two", 0)
        c.failures.append("get_powers_of_two(0): no error")
    except CompilerError:
        pass
    for macro in ["generate_series", "default__generate_series"]:
        for n in [1, 10, 100]:
            sql = s.render("{{ dbt.%s(n) }}" % macro, n=n)
            # the portable version computes with power(): a double on DuckDB
            rows = c.sql("select count(*), cast(min(generated_number) as bigint), "
                         "cast(max(generated_number) as bigint), "
                         "count(distinct generated_number) from (%s) q" % sql)
            c.eq("%s(%d)" % (macro, n), rows, [(str(n), "1", str(n), str(n))])
    c.eq("get_intervals_between", str(s.call("get_intervals_between",
                                             "cast('2024-01-01' as date)", "cast('2024-03-01' as date)", "day")),
         "60")
    sql = s.render("{{ dbt.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-02-01' as date)\") }}")
    rows = c.sql("select count(*), cast(min(date_day) as date), cast(max(date_day) as date) from (%s) q" % sql)
    c.eq("date_spine day", rows, [("31", "2024-01-01", "2024-01-31")])
    sql = s.render("{{ dbt.date_spine(datepart='month', start_date=\"cast('2023-11-15' as date)\", "
                   "end_date=\"cast('2024-03-01' as date)\") }}")
    rows = c.sql("select count(*), cast(min(date_month) as date), cast(max(date_month) as date) from (%s) q" % sql)
    c.eq("date_spine month", rows, [("4", "2023-11-15", "2024-02-15")])


GOOD = {
    "parents": "select * from (values (1), (2), (3)) as t(id)",
    "children": "select * from (values (1, 'red', 1, 10), (2, 'blue', 2, 20), (3, 'red', null, 30)) "
                "as t(id, color, parent_id, n)",
}
BAD = {
    "parents": GOOD["parents"],
    # duplicate id 2 (twice), null id, colour 'green' and "o'range", orphan parent 9
    "children": "select * from (values (1, 'red', 1, 10), (2, 'blue', 2, 20), (2, 'green', 9, 30), "
                "(null, 'o''range', 9, 40), (4, 'red', 3, 50)) as t(id, color, parent_id, n)",
}


def load_tables(c, tables):
    for name, sql in tables.items():
        c.sql("drop table if exists %s" % name)
        c.sql("create table %s as %s" % (name, sql))


def run_test(c, macro, **kwargs):
    """Renders a generic test and wraps it like the test materialization."""
    s = c.s
    where_model = s.call("get_where_subquery", "children")
    main_sql = s.call(macro, model=where_model, **kwargs)
    limit = s.config.get("limit")
    wrapped = s.call("get_test_sql", s.call("get_limit_subquery_sql", main_sql, limit),
                     s.config.get("fail_calc", "count(*)"), s.config.get("warn_if", "!= 0"),
                     s.config.get("error_if", "!= 0"), None)
    rows = c.sql(wrapped)
    failures, warn, error = rows[0]
    return int(failures), warn in ("true", "t"), error in ("true", "t")


@case
def generic_tests(c):
    s = c.s
    tests = [
        ("test_unique", dict(column_name="id"), 0, 1),
        ("test_not_null", dict(column_name="id"), 0, 1),
        ("test_accepted_values", dict(column_name="color", values=["red", "blue"]), 0, 2),
        # values are not escaped (as in dbt): an apostrophe is written doubled
        ("test_accepted_values", dict(column_name="color", values=["red", "blue", "green", "o''range"]), 0, 0),
        ("test_accepted_values", dict(column_name="n", values=[10, 20, 30], quote=False), 0, 2),
        ("test_relationships", dict(column_name="parent_id", to="parents", field="id"), 0, 2),
    ]
    for tables, label, index in [(GOOD, "good", 2), (BAD, "bad", 3)]:
        load_tables(c, tables)
        for macro, kwargs, *want in tests:
            want_failures = want[index - 2]
            if macro == "test_accepted_values" and kwargs.get("quote") is False and tables is GOOD:
                want_failures = 0
            got = run_test(c, macro, **kwargs)
            c.eq("%s %s %s" % (macro, kwargs, label), got,
                 (want_failures, want_failures != 0, want_failures != 0))
    # the rows behind the counts (bad data)
    rows = c.sql(s.call("test_unique", "children", "id"))
    c.eq("unique rows", [(r[0], r[1]) for r in rows], [("2", "2")])
    rows = c.sql(s.call("test_relationships", model="children", column_name="parent_id", to="parents", field="id"))
    c.eq("relationships rows", sorted(rows), [("9",), ("9",)])
    c.eq("not_null columns", len(c.sql(s.call("test_not_null", "children", "id"))[0]), 1)
    # where config -> dbt_subquery
    s.config.values["where"] = "n < 30"
    try:
        c.eq("where subquery", s.call("get_where_subquery", "children"),
             "(select * from children where n < 30) dbt_subquery")
        c.eq("unique with where", run_test(c, "test_unique", column_name="id"), (0, False, False))
    finally:
        del s.config.values["where"]
    # store_failures -> not_null selects every column
    s.config.values["store_failures"] = True
    try:
        c.eq("store_failures not_null columns", len(c.sql(s.call("test_not_null", "children", "id"))[0]), 4)
    finally:
        del s.config.values["store_failures"]
    s.flags["STORE_FAILURES"] = True
    try:
        c.eq("--store-failures flag", s.call("should_store_failures"), True)
    finally:
        s.flags["STORE_FAILURES"] = False
    # fail_calc / warn_if / error_if / limit
    s.config.values.update({"fail_calc": "sum(n_records)", "warn_if": ">= 2", "error_if": "> 2"})
    try:
        c.eq("fail_calc sum, warn only", run_test(c, "test_accepted_values", column_name="color",
                                                   values=["red", "blue"]), (2, True, False))
    finally:
        for k in ("fail_calc", "warn_if", "error_if"):
            del s.config.values[k]
    s.config.values["limit"] = 1
    try:
        c.eq("limit", run_test(c, "test_accepted_values", column_name="color", values=["red"]), (1, True, True))
    finally:
        del s.config.values["limit"]
    c.eq("get_test_sql limit arg", c.sql(s.call("get_test_sql", "select 1 union all select 2", "count(*)",
                                                 "!= 0", "> 5", 1))[0][0], "1")
    c.eq("get_limit_subquery_sql none", len(c.sql(s.call("get_limit_subquery_sql", "select 1 union all select 2",
                                                         None))), 2)
    c.eq("get_show_sql", len(c.sql(s.call("get_show_sql", "select 1 union all select 2", None, 1))), 1)
    for t in ("children", "parents"):
        c.sql("drop table %s" % t)


@case
def unit_test_sql(c):
    sql = c.s.call("get_unit_test_sql", "select 1 as a, 'x' as b",
                   "select 1 as a, 'y' as b", ["a", "b"])
    rows = sorted(c.sql(sql))
    c.eq("get_unit_test_sql", rows, [("1", "x", "actual"), ("1", "y", "expected")])


@case
def configs(c):
    s = c.s
    c.eq("should_full_refresh default", s.call("should_full_refresh"), False)
    s.flags["FULL_REFRESH"] = True
    c.eq("should_full_refresh flag", s.call("should_full_refresh"), True)
    s.config.values["full_refresh"] = False
    c.eq("should_full_refresh config beats flag", s.call("should_full_refresh"), False)
    del s.config.values["full_refresh"]
    s.flags["FULL_REFRESH"] = False
    c.eq("should_store_failures default", s.call("should_store_failures"), False)
    s.render("{% call set_sql_header(config) %}set x = 1;{% endcall %}")
    c.eq("set_sql_header", str(s.config.get("sql_header")), "set x = 1;")
    del s.config.values["sql_header"]


@case
def freshness(c):
    s = c.s
    c.sql("drop table if exists src")
    c.sql("create table src as select * from (values (cast('2024-01-01 10:00' as timestamp), 1), "
          "(cast('2024-01-02 11:00' as timestamp), 2)) as t(loaded_at, k)")
    result = s.call("collect_freshness", "src", "loaded_at", None)
    c.eq("collect_freshness max", result["data"][0][0], "2024-01-02 11:00:00")
    c.eq("collect_freshness columns", result["columns"], ["max_loaded_at", "snapshotted_at"])
    result = s.call("collect_freshness", source="src", loaded_at_field="loaded_at", filter="k = 1")
    c.eq("collect_freshness filter", result["data"][0][0], "2024-01-01 10:00:00")
    result = s.call("collect_freshness_custom_sql", "src", "select min(loaded_at) from src")
    c.eq("collect_freshness_custom_sql", result["data"][0][0], "2024-01-01 10:00:00")
    c.sql("drop table src")


@case
def python_dates(c):
    s = c.s
    c.eq("dates_in_range", s.call("dates_in_range", "20240130", "20240202"),
         ["20240130", "20240131", "20240201", "20240202"])
    c.eq("dates_in_range out_fmt", s.call("dates_in_range", "2024-01-30", in_fmt="%Y-%m-%d", out_fmt="%d/%m"),
         ["30/01"])
    c.eq("partition_range", s.call("partition_range", "20240101,20240103"), ["20240101", "20240102", "20240103"])
    c.eq("partition_range one", s.call("partition_range", 20240101), ["20240101"])
    try:
        s.call("dates_in_range", "20240105", "20240101")
        c.failures.append("dates_in_range reversed: no error")
    except CompilerError:
        pass
    c.eq("py_current_timestring", len(s.call("py_current_timestring")), 20)


# --------------------------------------------------------------------------

def run(engine, verbose, only):
    session = Session(engine, verbose)
    passed = failed = 0
    for fn in CASES:
        if only and only not in fn.__name__:
            continue
        check = Check(session)
        try:
            fn(check)
        except Exception as e:  # a crash fails the whole case
            check.failures.append("crashed: %s\n%s" % (e, indent(traceback.format_exc())))
        label = "%s/%s" % (engine.type, fn.__name__)
        if check.failures:
            failed += 1
            print("FAIL %s" % label)
            for f in check.failures:
                print(indent(f, "    - "))
        else:
            passed += 1
            print("ok   %s" % label)
    return passed, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-postgres", action="store_true", help="check on DuckDB only")
    ap.add_argument("--require-postgres", action="store_true", help="fail if PostgreSQL cannot be started")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the SQL that is run")
    ap.add_argument("-k", dest="only", default="", help="run only cases whose name contains this")
    args = ap.parse_args()

    passed = failed = 0
    duck = DuckDB()
    try:
        p, f = run(duck, args.verbose, args.only)
        passed, failed = passed + p, failed + f
    finally:
        duck.close()

    if not args.no_postgres:
        try:
            pg = Postgres()
        except Exception as e:
            print("skip postgres: %s" % e)
            if args.require_postgres:
                failed += 1
        else:
            try:
                p, f = run(pg, args.verbose, args.only)
                passed, failed = passed + p, failed + f
            finally:
                pg.close()

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Attacks Hangar's policy-enforced data tools over MCP with the official Python MCP client (PyPI `mcp`), as a
hostile agent would, and checks that every bad input is refused with its exact error code and changes nothing.

Usage: test_data.py --binary HANGAR_BINARY --base-url BASE_URL [--explore]

It builds a fixture SQLite database (python sqlite3): `users` (id, tenant_id, name, email, ssn, password_hash,
age, status) over two tenants, and `notes` (id, tenant_id, owner, body). The policy masks `ssn`
(`***-**-{last4}`), hashes `email`, does not name `password_hash`, scopes both tables by `tenant_id` (and
`notes` by `owner`), requires a reason for writes on `notes`, allows one affected row there, and allows 30
calls a minute on `notes`. It then runs `hangar mcp --data-policy … --data-database … --principal agent-1
--tenant acme` over stdio and sends, each as a `tools/call`:

- field names with quotes, semicolons, comments, `*`, `lower(ssn)`, `ssn::text`, in select, where and order_by;
- case, homoglyph (Cyrillic а), zero-width, full-width and NFD variants of the hidden `password_hash` and
  `tenant_id`, in select, where, order_by, aggregate, group_by and write data;
- filtering, sorting, aggregating and grouping on the masked `ssn` and the hidden `password_hash`;
- the tenant field in filters, creates, updates and bulk updates;
- another tenant's id through db.get (its error must be byte-identical to a nonexistent id's);
- limits 100000, 0, -1, 1.5 and "10"; IN lists of 40,000 and 300,000 items; `or`/`not` nested 10,000 deep;
- forged cursors, a cursor of another query, of another principal and of another tenant;
- `{"$ne": 1}` and arrays where a scalar is expected; strings for integer columns;
- system tables (`sqlite_master`, `pg_catalog.pg_user`, `information_schema.tables`) as the model;
- a bulk update over `max_affected_rows`, an update without the required reason;
- a burst over `calls_per_minute` (`rate_limited` with `retry_after_seconds`).

For each it asserts the exact `structuredContent.error.code` and that the message contains no SQL (`SELECT`),
no hidden column name the request did not spell itself, no server path and no `Traceback`. Afterwards the
server still answers a valid call, and the database (re-read with python sqlite3) is byte-for-byte unchanged.
`--explore` prints every case's code and message instead of stopping at the first mismatch.

Prints one line per check and `data: N passed, M failed`; exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sqlite3
import sys
import tempfile
import traceback
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

TIMEOUT_SECONDS = 120
NOTES_CALLS_PER_MINUTE = 30

POLICY: dict[str, Any] = {
    "version": 1,
    "models": {
        "users": {
            "fields": {
                "id": "allow",
                "name": "allow",
                "email": "hash",
                "ssn": {"access": "mask", "pattern": "***-**-{last4}"},
                "age": {"access": "allow", "aggregatable": True},
                "status": {"access": "allow", "aggregatable": True},
            },
            "row_scope": {"tenant_field": "tenant_id"},
            "writes": {"operations": ["create", "update", "bulk_update"], "read_only": ["id"], "max_affected_rows": 5},
        },
        "notes": {
            "fields": {"id": "allow", "body": "allow"},
            "row_scope": {"tenant_field": "tenant_id", "owner_field": "owner"},
            "writes": {
                "operations": ["create", "update", "delete", "bulk_update"],
                "require_reason": True,
                "max_affected_rows": 1,
            },
            "budgets": {"calls_per_minute": NOTES_CALLS_PER_MINUTE},
        },
    },
}

USERS = [
    (1, "acme", "Ada", "ada@acme.test", "123-45-6789", "pbkdf2$ada", 36, "active"),
    (2, "acme", "Bob", "bob@acme.test", "987-65-4321", "pbkdf2$bob", 41, "inactive"),
    (3, "acme", "Cy", "cy@acme.test", "111-22-3333", "pbkdf2$cy", 25, "active"),
    (4, "globex", "Eve", "eve@globex.test", "555-55-5555", "pbkdf2$eve", 29, "active"),
    (5, "globex", "Mal", "mal@globex.test", "666-66-6666", "pbkdf2$mal", 52, "active"),
]
NOTES = [
    (1, "acme", "agent-1", "first"),
    (2, "acme", "agent-1", "second"),
    (3, "acme", "agent-1", "third"),
    (4, "acme", "agent-2", "not mine"),
    (5, "globex", "agent-1", "other tenant"),
]


def make_database(path: str) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT, ssn TEXT,
            password_hash TEXT, age INTEGER, status TEXT);
        CREATE TABLE notes (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, owner TEXT NOT NULL, body TEXT);
        """
    )
    connection.executemany("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?)", USERS)
    connection.executemany("INSERT INTO notes VALUES (?, ?, ?, ?)", NOTES)
    connection.commit()
    connection.close()


def snapshot(path: str) -> list[Any]:
    connection = sqlite3.connect(path)
    try:
        tables = connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        rows = [connection.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in ("users", "notes")]
        return [tables, rows]
    finally:
        connection.close()


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    async def run(self, name: str, check: Callable[[], Awaitable[None]]) -> None:
        try:
            await asyncio.wait_for(check(), TIMEOUT_SECONDS)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            if os.environ.get("HANGAR_TEST_VERBOSE"):
                traceback.print_exc()
        else:
            self.passed += 1
            print(f"ok   {name}", flush=True)


# --- the bad inputs ---------------------------------------------------------------------------------------

HIDDEN_VARIANTS = {
    "upper case": "PASSWORD_HASH",
    "Cyrillic а": "p\u0430ssword_hash",
    "zero-width space": "pass\u200bword_hash",
    "full-width": "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44_hash",
    "NFD (a + combining acute)": unicodedata.normalize("NFD", "p\u00e1ssword_hash"),
    "exact": "password_hash",
    "tenant upper case": "TENANT_ID",
    "tenant exact": "tenant_id",
}

INJECTED_NAMES = {
    "double quote": 'name"',
    "quoted": '"name"',
    "single quote": "name'",
    "semicolon": "name; DROP TABLE users",
    "line comment": "name -- x",
    "block comment": "name/**/",
    "star": "*",
    "function": "lower(ssn)",
    "cast": "ssn::text",
    "qualified": "users.name",
    "subquery": "(SELECT password_hash FROM users)",
}


def nested(kind: str, depth: int) -> str:
    """A filter nested `depth` deep, as JSON text (built by hand: json.dumps would recurse)."""
    leaf = '{"age": {"gt": 1}}'
    if kind == "not":
        return '{"not": ' * depth + leaf + "}" * depth
    return '{"or": [' * depth + leaf + "]}" * depth


@dataclass
class Case:
    name: str
    tool: str
    arguments: dict[str, Any]
    code: str
    # Extra assertions on the error object (such as the pointer).
    extra: dict[str, Any] = field(default_factory=dict)


def static_cases() -> list[Case]:
    cases: list[Case] = []
    users = "users"
    for label, name in INJECTED_NAMES.items():
        cases.append(Case(f"select field {label}", "db.query", {"model": users, "select": [name]}, "invalid_arguments"))
        cases.append(Case(f"where field {label}", "db.query", {"model": users, "where": {name: {"eq": "x"}}}, "unknown_field"))
        cases.append(
            Case(f"order_by field {label}", "db.query", {"model": users, "order_by": [{"field": name}]}, "invalid_arguments")
        )
    for label, name in HIDDEN_VARIANTS.items():
        cases += [
            Case(f"hidden {label} in select", "db.query", {"model": users, "select": [name]}, "invalid_arguments"),
            Case(f"hidden {label} in where", "db.query", {"model": users, "where": {name: {"eq": "x"}}}, "unknown_field"),
            Case(
                f"hidden {label} in order_by", "db.query", {"model": users, "order_by": [{"field": name}]}, "invalid_arguments"
            ),
            Case(f"hidden {label} aggregated", "db.aggregate", {"model": users, "op": "max", "field": name}, "invalid_arguments"),
            Case(
                f"hidden {label} grouped",
                "db.aggregate",
                {"model": users, "op": "count", "group_by": [name]},
                "invalid_arguments",
            ),
            Case(
                f"hidden {label} in create data",
                "db.create",
                {"model": users, "data": {"name": "Zed", name: "x"}},
                "row_scope_violation" if label.startswith("tenant exact") else "unknown_field",
            ),
            Case(
                f"hidden {label} in update data",
                "db.update",
                {"model": users, "id": 1, "data": {name: "x"}},
                "row_scope_violation" if label.startswith("tenant exact") else "unknown_field",
            ),
        ]
    cases += [
        # The masked ssn is readable (masked) but not filterable, sortable or aggregatable.
        Case("masked ssn filtered", "db.query", {"model": users, "where": {"ssn": {"eq": "123-45-6789"}}}, "field_not_filterable"),
        Case("masked ssn prefix", "db.query", {"model": users, "where": {"ssn": {"starts_with": "123"}}}, "field_not_filterable"),
        Case("masked ssn sorted", "db.query", {"model": users, "order_by": [{"field": "ssn"}]}, "invalid_arguments"),
        Case("masked ssn aggregated", "db.aggregate", {"model": users, "op": "max", "field": "ssn"}, "invalid_arguments"),
        Case("masked ssn grouped", "db.aggregate", {"model": users, "op": "count", "group_by": ["ssn"]}, "invalid_arguments"),
        Case("hashed email filtered", "db.query", {"model": users, "where": {"email": {"eq": "ada@acme.test"}}}, "field_not_filterable"),
        Case(
            "masked ssn in a nested filter",
            "db.query",
            {"model": users, "where": {"or": [{"age": {"gt": 1}}, {"not": {"ssn": {"ends_with": "6789"}}}]}},
            "field_not_filterable",
        ),
        # Tenant field.
        Case("tenant in where", "db.query", {"model": users, "where": {"tenant_id": {"eq": "globex"}}}, "unknown_field"),
        Case(
            "tenant in an or",
            "db.query",
            {"model": users, "where": {"or": [{"age": {"gt": 1}}, {"tenant_id": {"ne": "acme"}}]}},
            "unknown_field",
        ),
        Case("tenant in create", "db.create", {"model": users, "data": {"name": "Zed", "tenant_id": "globex"}}, "row_scope_violation"),
        Case("tenant in update", "db.update", {"model": users, "id": 1, "data": {"tenant_id": "globex"}}, "row_scope_violation"),
        Case(
            "tenant in bulk update",
            "db.bulk_update",
            {"model": users, "where": {"id": {"eq": 1}}, "data": {"tenant_id": "globex"}},
            "row_scope_violation",
        ),
        Case(
            "owner in note create",
            "db.create",
            {"model": "notes", "data": {"body": "x", "owner": "agent-2"}, "reason": "test"},
            "row_scope_violation",
        ),
        # Limits.
        Case("limit 100000", "db.query", {"model": users, "limit": 100000}, "invalid_arguments"),
        Case("limit 0", "db.query", {"model": users, "limit": 0}, "invalid_arguments"),
        Case("limit -1", "db.query", {"model": users, "limit": -1}, "invalid_arguments"),
        Case("limit 1.5", "db.query", {"model": users, "limit": 1.5}, "invalid_arguments"),
        Case('limit "10"', "db.query", {"model": users, "limit": "10"}, "invalid_arguments"),
        Case("limit null", "db.query", {"model": users, "limit": None}, "invalid_arguments"),
        # IN lists.
        Case("IN of 40,000", "db.query", {"model": users, "where": {"id": {"in": [1] * 40_000}}}, "query_too_complex"),
        # Over the registry's 256 KiB argument limit: refused before the filter is read.
        Case("IN of 300,000", "db.query", {"model": users, "where": {"id": {"in": [1] * 300_000}}}, "invalid_arguments"),
        Case("NOT IN of 40,000", "db.query", {"model": users, "where": {"id": {"not_in": [1] * 40_000}}}, "query_too_complex"),
        # Operator objects and arrays where a scalar is expected.
        Case('{"$ne": 1} as operator', "db.query", {"model": users, "where": {"age": {"$ne": 1}}}, "invalid_arguments"),
        Case('{"$ne": 1} as value', "db.query", {"model": users, "where": {"age": {"eq": {"$ne": 1}}}}, "invalid_arguments"),
        Case('{"$ne": 1} as where', "db.query", {"model": users, "where": {"$ne": 1}}, "unknown_field"),
        Case('{"$ne": 1} as get id', "db.get", {"model": users, "id": {"$ne": 1}}, "invalid_arguments"),
        Case("array as value", "db.query", {"model": users, "where": {"age": {"eq": [36, 41]}}}, "invalid_arguments"),
        Case("array as get id", "db.get", {"model": users, "id": [1, 2]}, "invalid_arguments"),
        Case("array as model", "db.query", {"model": ["users"]}, "invalid_arguments"),
        Case("object as update data value", "db.update", {"model": users, "id": 1, "data": {"name": {"$set": "x"}}}, "invalid_arguments"),
        # Strings for integer columns.
        Case('string "36" for age', "db.query", {"model": users, "where": {"age": {"eq": "36"}}}, "invalid_arguments"),
        Case("SQL string for age", "db.query", {"model": users, "where": {"age": {"gt": "0 OR 1=1"}}}, "invalid_arguments"),
        Case("string for id in IN", "db.query", {"model": users, "where": {"id": {"in": ["1", 2]}}}, "invalid_arguments"),
        Case("string for age in create", "db.create", {"model": users, "data": {"name": "Zed", "age": "old"}}, "invalid_arguments"),
        Case("SQL string as get id", "db.get", {"model": users, "id": "1 OR 1=1"}, "invalid_arguments"),
        # System tables as the model.
        Case("model sqlite_master", "db.query", {"model": "sqlite_master"}, "invalid_arguments"),
        Case("model pg_catalog.pg_user", "db.query", {"model": "pg_catalog.pg_user"}, "invalid_arguments"),
        Case("model information_schema.tables", "db.query", {"model": "information_schema.tables"}, "invalid_arguments"),
        Case("model sqlite_master via get", "db.get", {"model": "sqlite_master", "id": 1}, "invalid_arguments"),
        Case("model USERS", "db.query", {"model": "USERS"}, "invalid_arguments"),
        # Writes.
        Case(
            "bulk update over the cap",
            "db.bulk_update",
            {"model": "notes", "where": {"id": {"gte": 1}}, "data": {"body": "all"}, "reason": "cleanup"},
            "too_many_rows",
        ),
        Case("update without reason", "db.update", {"model": "notes", "id": 1, "data": {"body": "x"}}, "reason_required"),
        Case("update with empty reason", "db.update", {"model": "notes", "id": 1, "data": {"body": "x"}, "reason": ""}, "reason_required"),
        Case("delete without reason", "db.delete", {"model": "notes", "id": 1}, "reason_required"),
        Case("update of another owner's note", "db.update", {"model": "notes", "id": 4, "data": {"body": "x"}, "reason": "r"}, "not_found"),
        Case("update of read-only id", "db.update", {"model": users, "id": 1, "data": {"id": 99}}, "invalid_arguments"),
        Case("delete not allowed on users", "db.delete", {"model": users, "id": 1}, "invalid_arguments"),
        # Unknown keys.
        Case("unknown argument key", "db.query", {"model": users, "sql": "SELECT 1"}, "invalid_arguments"),
    ]
    return cases


# --- running them -----------------------------------------------------------------------------------------

# Never in a message unless the request spelled it (unknown_field repeats the agent's own spelling): SQL, hidden
# column names, stack traces, and raw values of hidden, masked and hashed fields.
FORBIDDEN = ("SELECT", "password_hash", "tenant_id", "Traceback", "pbkdf2", "123-45-6789", "6789", "ada@acme.test")


def check_message(error: dict[str, Any], request: str, paths: list[str]) -> None:
    """The message repeats nothing the server should keep: SQL, hidden names the request did not spell, paths."""
    message = error.get("message", "")
    expect(isinstance(message, str) and message, f"no message in {error!r}")
    for word in FORBIDDEN:
        if word in message:
            expect(word in request, f"the message names {word!r}: {message!r}")
    # `ssn` is masked: the server names it only where it lists the fields the agent may use.
    if "ssn" in message and "ssn" not in request:
        expect("must be one of" in message, f"the message names ssn unasked: {message!r}")
    expect("\n" not in message, f"a multi-line message: {message!r}")
    for path in paths:
        expect(path not in message, f"the message contains a server path: {message!r}")
    expect(not re.search(r"\.(sqlite|swift|json)\b", message), f"the message names a file: {message!r}")


async def call(session: ClientSession, tool: str, arguments: dict[str, Any]) -> Any:
    return await session.call_tool(tool, arguments)


def error_of(result: Any) -> dict[str, Any]:
    expect(result.is_error, f"accepted: {result.structured_content!r}")
    error = (result.structured_content or {}).get("error")
    expect(isinstance(error, dict), f"no structured error: {result.content!r}")
    return error


def text_of(result: Any) -> str:
    texts = [block.text for block in result.content if getattr(block, "type", None) == "text"]
    expect(len(texts) == 1, f"expected one text block, got {result.content!r}")
    return texts[0]


@dataclass
class Context:
    session: ClientSession
    paths: list[str]
    explore: bool
    table: list[tuple[str, str, str]] = field(default_factory=list)

    async def refused(self, name: str, tool: str, arguments: dict[str, Any], code: str, **extra: Any) -> dict[str, Any]:
        result = await call(self.session, tool, arguments)
        return self.judge(name, json.dumps(arguments, ensure_ascii=False), result, code, extra)

    def judge(self, name: str, request: str, result: Any, code: str, extra: dict[str, Any]) -> dict[str, Any]:
        error = error_of(result)
        self.table.append((name, str(error.get("code")), str(error.get("message"))[:140]))
        if self.explore:
            print(f"  {name} -> {error.get('code')}: {error.get('message')!r} {extra if extra else ''}")
            return error
        expect(error.get("code") == code, f"code {error.get('code')!r}, expected {code!r}: {error.get('message')!r}")
        for key, value in extra.items():
            expect(error.get(key) == value, f"{key} {error.get(key)!r}, expected {value!r}")
        check_message(error, request, self.paths)
        expect(text_of(result).startswith(f"{code}: "), f"text {text_of(result)!r}")
        return error


async def run_deep(context: Context, checks: Checks, raw: RawMCP) -> None:
    """Filters nested past every budget, sent as raw JSON text (see ``RawMCP``)."""

    async def deep(kind: str, depth: int, code: str) -> None:
        text = '{"model": "users", "where": ' + nested(kind, depth) + "}"
        result = await raw.call("db.query", text)
        context.judge(f"{kind} nested {depth:,} deep", text[:200], result, code, {})

    # The MCP SDK's JSON decoder stops at its own nesting limit: a JSON-RPC parse error, and the server lives on.
    await checks.run("or nested 10,000 deep", lambda: deep("or", 10_000, "jsonrpc -32700"))
    await checks.run("not nested 10,000 deep", lambda: deep("not", 10_000, "jsonrpc -32700"))
    # Below the SDK's limit: the registry's argument depth limit (32 levels of JSON).
    await checks.run("not nested 400 deep", lambda: deep("not", 400, "invalid_arguments"))
    await checks.run("or nested 20 deep", lambda: deep("or", 20, "invalid_arguments"))
    # Within the argument limits, over the model's max_filter_depth (8).
    await checks.run("not nested 20 deep", lambda: deep("not", 20, "query_too_complex"))
    await checks.run("or nested 10 deep", lambda: deep("or", 10, "query_too_complex"))

    async def answers() -> None:
        result = await raw.call("db.get", '{"model": "users", "id": 1}')
        expect(not result.is_error and result.structured_content["row"]["name"] == "Ada", f"db.get {result.response!r}")

    await checks.run("raw: the server answers a valid call afterwards", answers)


async def run_all(context: Context, checks: Checks, database: str, cursors: dict[str, str]) -> None:
    session = context.session
    before = snapshot(database)

    async def initialize() -> None:
        result = await session.initialize()
        expect(result.server_info.name == "hangar", f"server {result.server_info.name!r}")

    async def tools_list() -> None:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        for name in ("db.describe", "db.query", "db.get", "db.aggregate", "db.create", "db.update", "db.bulk_update", "db.delete"):
            expect(name in tools, f"{name} missing from {sorted(tools)}")
        schema = json.dumps(tools["db.query"].input_schema)
        expect("password_hash" not in schema and "tenant_id" not in schema, "a hidden name is in db.query's schema")

    async def valid_query() -> None:
        result = await call(session, "db.query", {"model": "users", "order_by": [{"field": "id"}]})
        expect(not result.is_error, f"failed: {result.content!r}")
        rows = result.structured_content["rows"]
        expect([row["id"] for row in rows] == [1, 2, 3], f"rows {rows!r}")
        expect(rows[0]["ssn"] == "***-**-6789", f"ssn {rows[0]['ssn']!r}")
        expect("password_hash" not in rows[0] and "tenant_id" not in rows[0], f"a hidden field in {rows[0]!r}")
        expect(rows[0]["email"] != "ada@acme.test", "email not hashed")

    await checks.run("initialize", initialize)
    await checks.run("tools/list", tools_list)
    await checks.run("a valid query", valid_query)

    for case in static_cases():

        async def one(case: Case = case) -> None:
            await context.refused(case.name, case.tool, case.arguments, case.code, **case.extra)

        await checks.run(case.name, one)

    async def wide_or() -> None:
        arguments = {"model": "users", "where": {"or": [{"age": {"gt": index}} for index in range(5000)]}}
        await context.refused("or of 5,000 conditions", "db.query", arguments, "query_too_complex")

    await checks.run("or of 5,000 conditions", wide_or)

    async def other_tenant_get() -> None:
        foreign = await call(session, "db.get", {"model": "users", "id": 4})
        missing = await call(session, "db.get", {"model": "users", "id": 9999})
        context.judge("db.get of another tenant's id", "", foreign, "not_found", {})
        context.judge("db.get of a nonexistent id", "", missing, "not_found", {})
        if context.explore:
            return
        foreign_error = foreign.structured_content["error"]
        missing_error = missing.structured_content["error"]
        expect(
            foreign_error["message"].replace("4", "#") == missing_error["message"].replace("9999", "#"),
            f"{foreign_error!r} vs {missing_error!r}",
        )
        expect(foreign_error == missing_error, f"not byte-identical: {foreign_error!r} vs {missing_error!r}")
        expect(text_of(foreign) == text_of(missing), f"texts differ: {text_of(foreign)!r} vs {text_of(missing)!r}")
        other_note = await call(session, "db.get", {"model": "notes", "id": 5})
        missing_note = await call(session, "db.get", {"model": "notes", "id": 9999})
        expect(other_note.structured_content == missing_note.structured_content, "notes of another tenant differ")
        owned = await call(session, "db.get", {"model": "notes", "id": 4})
        expect(owned.structured_content == missing_note.structured_content, "another owner's note differs")

    await checks.run("db.get of another tenant's id is a nonexistent id", other_tenant_get)

    async def cursors_check() -> None:
        page = await call(session, "db.query", {"model": "users", "limit": 1, "order_by": [{"field": "id"}]})
        expect(not page.is_error, f"first page failed: {page.content!r}")
        own = page.structured_content["next_cursor"]
        expect(isinstance(own, str) and own, f"no next_cursor: {page.structured_content!r}")
        follow = await call(session, "db.query", {"model": "users", "limit": 1, "order_by": [{"field": "id"}], "cursor": own})
        expect(not follow.is_error and follow.structured_content["rows"][0]["id"] == 2, f"page 2 {follow.content!r}")
        flipped = own[:-2] + ("A" if own[-2] != "A" else "B") + own[-1]
        forged = {
            "forged: garbage": "not-a-cursor",
            "forged: base64 JSON": "eyJhZnRlciI6WzBdLCJ0ZW5hbnQiOiJnbG9iZXgifQ",
            "forged: one character changed": flipped,
            "forged: empty": "",
            "forged: 5000 characters": "A" * 5000,
            "foreign: another query's cursor": own,
            "foreign: another principal's cursor": cursors.get("agent-2", ""),
            "foreign: another tenant's cursor": cursors.get("globex", ""),
        }
        for label, cursor in forged.items():
            arguments = {"model": "users", "limit": 1, "order_by": [{"field": "id"}], "cursor": cursor}
            if label.startswith("foreign: another query"):
                arguments["order_by"] = [{"field": "name"}]
            expected = "invalid_arguments" if label in ("forged: 5000 characters",) else "cursor_invalid"
            await context.refused(f"cursor {label}", "db.query", arguments, expected)

    await checks.run("forged and foreign cursors", cursors_check)

    async def rate_limit() -> None:
        # Every call on `notes` so far took a token; the rest of the minute's tokens go now.
        for count in range(1, NOTES_CALLS_PER_MINUTE + 2):
            result = await call(session, "db.query", {"model": "notes"})
            if result.is_error:
                error = context.judge("burst over calls_per_minute", "", result, "rate_limited", {})
                if context.explore:
                    return
                seconds = error.get("retry_after_seconds")
                expect(isinstance(seconds, int) and 1 <= seconds <= 60, f"retry_after_seconds {seconds!r}")
                expect(count <= NOTES_CALLS_PER_MINUTE, f"the limit let {count - 1} calls through")
                return
        raise AssertionError(f"{NOTES_CALLS_PER_MINUTE + 1} calls in a burst were all allowed")

    await checks.run("burst over calls_per_minute", rate_limit)

    async def still_serving() -> None:
        await valid_query()
        note = await call(session, "db.get", {"model": "users", "id": 2})
        expect(not note.is_error and note.structured_content["row"]["name"] == "Bob", f"db.get {note.content!r}")

    await checks.run("the server answers a valid call afterwards", still_serving)

    async def unchanged() -> None:
        expect(snapshot(database) == before, "the database changed")

    await checks.run("the database is unchanged", unchanged)


class RawMCP:
    """A minimal MCP client over the stdio of `hangar mcp`, for requests the `mcp` client cannot encode: its
    pydantic serializer recurses into the arguments, so a filter nested 10,000 deep never leaves the client.
    Each tools/call goes out as JSON text written by hand."""

    def __init__(self, parameters: StdioServerParameters, log: Any) -> None:
        self.parameters = parameters
        self.log = log
        self.next_id = 0
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> "RawMCP":
        self.process = await asyncio.create_subprocess_exec(
            self.parameters.command, *self.parameters.args, env=self.parameters.env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=self.log, limit=1 << 24,
        )
        initialize = {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"},
        }
        await self.request("initialize", json.dumps(initialize))
        await self.send('{"jsonrpc": "2.0", "method": "notifications/initialized"}')
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self.process is not None
        if self.process.stdin:
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except asyncio.TimeoutError:
            self.process.kill()
            await self.process.wait()

    async def send(self, text: str) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(text.encode() + b"\n")
        await self.process.stdin.drain()

    async def request(self, method: str, params_json: str) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        self.next_id += 1
        await self.send(f'{{"jsonrpc": "2.0", "id": {self.next_id}, "method": "{method}", "params": {params_json}}}')
        while True:
            line = await self.process.stdout.readline()
            expect(bool(line), f"the server closed stdout during {method}")
            message = json.loads(line)
            if message.get("id") == self.next_id:
                return message
            # A request the server could not parse gets an error whose id is not the request's (the swift-sdk
            # makes one up): with one request in flight, it is this one's answer.
            if "error" in message and "method" not in message:
                return message

    async def call(self, tool: str, arguments_json: str) -> Any:
        """The JSON-RPC response of a tools/call, wrapped like the `mcp` client's result."""
        response = await self.request("tools/call", f'{{"name": "{tool}", "arguments": {arguments_json}}}')
        return RawResult(response)


class RawResult:
    """A tools/call response in the shape `Context.judge` reads; a JSON-RPC error becomes an error result."""

    def __init__(self, response: dict[str, Any]) -> None:
        self.response = response
        if "error" in response:
            error = response["error"]
            data = error.get("data") if isinstance(error.get("data"), dict) else {}
            code = data.get("code") or f"jsonrpc {error.get('code')}"
            self.is_error = True
            self.structured_content = {"error": {"code": code, "message": error.get("message", "")}}
            self.content = [_Text(f"{code}: {error.get('message', '')}")]
            return
        result = response.get("result", {})
        self.is_error = bool(result.get("isError"))
        self.structured_content = result.get("structuredContent")
        self.content = [_Text(block.get("text", "")) for block in result.get("content", []) if block.get("type") == "text"]


@dataclass
class _Text:
    text: str
    type: str = "text"


def server(binary: str, home: str, paths: dict[str, str], principal: str, tenant: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=binary,
        args=[
            "mcp", "--data-policy", paths["policy"], "--data-database", paths["database"],
            "--principal", principal, "--tenant", tenant, "--log-level", "warning",
        ],
        env={"HANGAR_HOME": home},
    )


async def foreign_cursor(binary: str, home: str, paths: dict[str, str], principal: str, tenant: str, log: Any) -> str:
    """A valid next_cursor for the same query, minted for another principal or tenant."""
    async with stdio_client(server(binary, home, paths, principal, tenant), errlog=log) as (read, write), ClientSession(
        read, write
    ) as session:
        await session.initialize()
        result = await session.call_tool("db.query", {"model": "users", "limit": 1, "order_by": [{"field": "id"}]})
        expect(not result.is_error, f"{principal}@{tenant}: {result.content!r}")
        cursor = result.structured_content["next_cursor"]
        expect(isinstance(cursor, str), f"{principal}@{tenant}: no cursor")
        return cursor


async def over_http(binary: str, home: str, paths: dict[str, str], log: Any, checks: Checks) -> None:
    """`hangar serve --port 0 --data-policy …`: the data tools at /mcp next to the others, the same codes, and an
    exit 0 on SIGTERM with the operator's database open."""
    process = await asyncio.create_subprocess_exec(
        binary, "serve", "--port", "0", "--json", "--log-level", "warning", "--data-policy", paths["policy"],
        "--data-database", "sqlite://" + paths["database"], "--principal", "agent-1", "--tenant", "acme",
        env={"HANGAR_HOME": home}, stdout=asyncio.subprocess.PIPE, stderr=log,
    )
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        expect(bool(line), "hangar serve exited before listening")
        url = json.loads(line)["data"]["url"] + "/mcp"
        async with streamable_http_client(url) as (read, write), ClientSession(read, write) as session:

            async def tools() -> None:
                await session.initialize()
                names = {tool.name for tool in (await session.list_tools()).tools}
                expect({"db.query", "db.get", "hangar.info", "workspace.exec"} <= names, f"tools {sorted(names)}")

            async def refused() -> None:
                result = await session.call_tool("db.query", {"model": "users", "where": {"pass\u200bword_hash": {"eq": 1}}})
                error = error_of(result)
                expect(error.get("code") == "unknown_field", f"error {error!r}")
                result = await session.call_tool("db.get", {"model": "users", "id": 4})
                expect(error_of(result).get("code") == "not_found", f"db.get of another tenant's row {result!r}")

            async def answers() -> None:
                result = await session.call_tool("db.get", {"model": "users", "id": 1})
                expect(not result.is_error and result.structured_content["row"]["ssn"] == "***-**-6789", f"{result!r}")

            await checks.run("http: the data tools are served next to the others", tools)
            await checks.run("http: a hidden field and another tenant's row are refused", refused)
            await checks.run("http: a valid call", answers)
    finally:
        if process.returncode is None:
            process.terminate()
        status = await asyncio.wait_for(process.wait(), 30)

    async def stopped() -> None:
        expect(status == 0, f"hangar serve exited {status} on SIGTERM")

    await checks.run("http: hangar serve exits 0 on SIGTERM", stopped)


async def unchanged(database: str, before: list[Any]) -> None:
    expect(snapshot(database) == before, "the database changed")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the built hangar executable")
    parser.add_argument("--base-url", required=True, help="a running `hangar serve` (unused: the data tools run over stdio)")
    parser.add_argument("--explore", action="store_true", help="print each case's code and message, assert nothing")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)

    checks = Checks()
    context: Context | None = None
    with tempfile.TemporaryDirectory(prefix="hangar-data-") as root:
        server_paths = [root, os.getcwd(), os.path.dirname(binary), "/work/", "/tmp/"]
        home = os.path.join(root, "state")
        paths = {"policy": os.path.join(root, "policy.json"), "database": os.path.join(root, "app.sqlite")}
        make_database(paths["database"])
        with open(paths["policy"], "w") as handle:
            json.dump(POLICY, handle)
        log_path = os.path.join(root, "stderr.log")
        with open(log_path, "w") as log:
            try:
                cursors: dict[str, str] = {}
                for key, principal, tenant in [("agent-2", "agent-2", "acme"), ("globex", "agent-1", "globex")]:

                    async def mint(key: str = key, principal: str = principal, tenant: str = tenant) -> None:
                        cursors[key] = await foreign_cursor(binary, home, paths, principal, tenant, log)

                    await checks.run(f"a next_cursor for {principal} in {tenant}", mint)
                parameters = server(binary, home, paths, "agent-1", "acme")
                before = snapshot(paths["database"])
                async with stdio_client(parameters, errlog=log) as (read, write), ClientSession(read, write) as session:
                    context = Context(session=session, paths=server_paths, explore=arguments.explore)
                    await run_all(context, checks, paths["database"], cursors)
                async with RawMCP(parameters, log) as raw:
                    await run_deep(context, checks, raw)
                await over_http(binary, os.path.join(root, "serve-state"), paths, log, checks)
                await checks.run("the database is unchanged at the end", lambda: unchanged(paths["database"], before))
            except Exception as error:  # noqa: BLE001
                checks.failed += 1
                print(f"FAIL could not run: {type(error).__name__}: {error}", flush=True)
                traceback.print_exc()
        if checks.failed:
            with open(log_path) as server_log:
                sys.stderr.write(server_log.read()[-4000:])
        if arguments.explore and context:
            for name, code, message in context.table:
                print(f"| {name} | `{code}` | {message} |")
    print(f"data: {checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

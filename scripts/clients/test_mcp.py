#!/usr/bin/env python3
"""Drives Hangar's MCP server with the official Python MCP client (PyPI `mcp`), as a foreign client would.

Usage: test_mcp.py HANGAR_BINARY BASE_URL [--only stdio|http]

Over stdio (`HANGAR_BINARY mcp`, spawned with HANGAR_HOME set to a fresh temporary directory) and over
Streamable HTTP (`BASE_URL/mcp`, a running `hangar serve`), it checks:

1. initialize: the server is `hangar` and a protocol version is agreed;
2. tools/list: `hangar.info` and `events.read` are listed with their input and output schemas;
3. tools/call hangar.info: version, storage backend and layers;
4. tools/call events.read: a page of the log, in which the `hangar.info` call above was audited as `ok`;
5. tools/call events.read with `limit: 5000`: a tool error (`isError`) whose text and structured content name
   the code `invalid_arguments` and the offending JSON pointer `/limit`.

Prints one line per failed check and a summary `mcp: N passed, M failed`; exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

TIMEOUT_SECONDS = 60


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

    def fail_all(self, transport: str, count: int, error: BaseException) -> None:
        """Counts the checks of a transport that could not run at all (the server did not start)."""
        self.failed += count
        print(f"FAIL {transport}: could not connect: {type(error).__name__}: {error}", flush=True)
        if os.environ.get("HANGAR_TEST_VERBOSE"):
            traceback.print_exception(error)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def text_of(result: Any) -> str:
    texts = [block.text for block in result.content if getattr(block, "type", None) == "text"]
    expect(len(texts) == 1, f"expected one text content block, got {result.content!r}")
    return texts[0]


CHECK_COUNT = 5


async def run_checks(transport: str, session: ClientSession, checks: Checks) -> None:
    async def initialize() -> None:
        result = await session.initialize()
        expect(result.server_info.name == "hangar", f"server name {result.server_info.name!r}")
        expect(bool(result.protocol_version), "no protocol version agreed")
        expect(result.capabilities.tools is not None, "the server does not announce tools")

    async def list_tools() -> None:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        for name in ("hangar.info", "events.read"):
            expect(name in tools, f"{name} missing from {sorted(tools)}")
            expect(tools[name].input_schema.get("type") == "object", f"{name} input schema {tools[name].input_schema}")
            expect(tools[name].output_schema is not None, f"{name} has no output schema")
        limit = tools["events.read"].input_schema["properties"]["limit"]
        expect(limit.get("maximum") == 1000, f"events.read limit schema {limit}")

    async def hangar_info() -> None:
        result = await session.call_tool("hangar.info", {})
        expect(not result.is_error, f"hangar.info failed: {result.content!r}")
        info = result.structured_content
        expect(isinstance(info, dict), f"structured content {info!r}")
        expect(isinstance(info.get("version"), str) and info["version"], f"version {info.get('version')!r}")
        expect(info.get("storage_backend") in ("sqlite", "postgres"), f"backend {info.get('storage_backend')!r}")
        expect(
            all(layer in info.get("layers", []) for layer in ("core", "store", "tools", "server")),
            f"layers {info.get('layers')!r}",
        )
        expect(json.loads(text_of(result)) == info, "the text content is not the structured content")

    async def events_read() -> None:
        result = await session.call_tool("events.read", {"stream": "tool:hangar.info", "limit": 1000})
        expect(not result.is_error, f"events.read failed: {result.content!r}")
        page = result.structured_content
        expect(isinstance(page.get("events"), list), f"events {page!r}")
        expect(isinstance(page.get("head"), int) and page["head"] >= 1, f"head {page.get('head')!r}")
        audited = [event for event in page["events"] if event["kind"] == "tool.called"]
        expect(audited, f"the hangar.info call was not audited: {page['events']!r}")
        payload = audited[-1]["payload"]
        expect(payload.get("tool") == "hangar.info" and payload.get("outcome") == "ok", f"audit payload {payload!r}")
        expect(len(payload.get("args_digest", "")) == 64, f"args digest {payload.get('args_digest')!r}")

        default_page = await session.call_tool("events.read", {})
        expect(not default_page.is_error, f"events.read with defaults failed: {default_page.content!r}")

    async def bad_arguments() -> None:
        result = await session.call_tool("events.read", {"limit": 5000})
        expect(result.is_error, f"a limit of 5000 was accepted: {result.content!r}")
        text = text_of(result)
        expect("invalid_arguments" in text and "/limit" in text, f"error text {text!r}")
        error = (result.structured_content or {}).get("error", {})
        expect(error.get("code") == "invalid_arguments", f"error {error!r}")
        expect(error.get("pointer") == "/limit", f"pointer {error.get('pointer')!r}")

    for name, check in [
        ("initialize", initialize),
        ("tools/list", list_tools),
        ("tools/call hangar.info", hangar_info),
        ("tools/call events.read", events_read),
        ("tools/call bad arguments", bad_arguments),
    ]:
        await checks.run(f"{transport} {name}", check)


async def over_stdio(binary: str, checks: Checks) -> None:
    with tempfile.TemporaryDirectory(prefix="hangar-mcp-") as home, open(os.path.join(home, "stderr.log"), "w") as log:
        server = StdioServerParameters(command=binary, args=["mcp"], env={"HANGAR_HOME": os.path.join(home, "state")})
        before = checks.passed + checks.failed
        try:
            async with stdio_client(server, errlog=log) as (read, write), ClientSession(read, write) as session:
                await run_checks("stdio", session, checks)
        except Exception as error:  # noqa: BLE001
            if checks.passed + checks.failed == before:
                checks.fail_all("stdio", CHECK_COUNT, error)
            else:
                raise
        finally:
            log.flush()
            if checks.failed:
                with open(log.name) as server_log:
                    sys.stderr.write(server_log.read()[-4000:])


async def over_http(base_url: str, checks: Checks) -> None:
    url = base_url.rstrip("/") + "/mcp"
    before = checks.passed + checks.failed
    try:
        async with streamable_http_client(url) as (read, write), ClientSession(read, write) as session:
            await run_checks("http", session, checks)
    except Exception as error:  # noqa: BLE001
        if checks.passed + checks.failed == before:
            checks.fail_all("http", CHECK_COUNT, error)
        else:
            raise


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the built hangar executable")
    parser.add_argument("--base-url", required=True, help="the base URL of a running `hangar serve`, such as http://127.0.0.1:8080")
    parser.add_argument("--only", choices=["stdio", "http"], help="run one transport only (for debugging)")
    arguments = parser.parse_args()

    checks = Checks()
    if arguments.only in (None, "stdio"):
        await over_stdio(os.path.abspath(arguments.binary), checks)
    if arguments.only in (None, "http"):
        await over_http(arguments.base_url, checks)
    print(f"mcp: {checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

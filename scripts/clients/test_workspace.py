#!/usr/bin/env python3
"""Drives Hangar's workspace runtime as an agent and its operator would, with foreign clients: the official
Python MCP client (PyPI `mcp`, Streamable HTTP at BASE_URL/mcp) and plain HTTP (`httpx2`, which `mcp` depends on).

Usage: test_workspace.py --binary HANGAR_BINARY --base-url BASE_URL

1. REST: POST /v1/vaults imports a directory; a name with a separator is 400 `invalid_name`.
2. MCP tools/list: the eight workspace tools are listed with object input schemas.
3. MCP: fork, exec (exit code, stdout and the exact delta), read_file, delta, checkpoint, a destructive exec,
   rollback (the file is back), and an exec whose working directory climbs out (`path_escapes_workspace`).
4. REST: GET delta (empty after the rollback), PUT a file, GET delta with a diff; an exec of `sudo` is 403 `policy_denied`; an unknown workspace is 404
   `workspace_not_found`; the vault directory on disk is untouched.

Prints one line per check and `workspace: N passed, M failed`; exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from typing import Any

import httpx2 as httpx
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client

WORKSPACE_TOOLS = [
    "workspace.checkpoint", "workspace.delta", "workspace.exec", "workspace.fork", "workspace.list",
    "workspace.read_file", "workspace.rollback", "workspace.write_file",
]


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    async def run(self, name: str, check: Any) -> None:
        try:
            await asyncio.wait_for(check(), 120)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
        else:
            self.passed += 1
            print(f"ok   {name}", flush=True)


async def call(session: ClientSession, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    result = await session.call_tool(name, arguments)
    expect(not result.is_error, f"{name} failed: {result.content!r}")
    expect(isinstance(result.structured_content, dict), f"{name} structured content {result.structured_content!r}")
    return result.structured_content


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--base-url", required=True)
    arguments = parser.parse_args()
    base = arguments.base_url.rstrip("/")
    checks = Checks()
    source = tempfile.mkdtemp(prefix="hangar-vault-src-")
    with open(os.path.join(source, "a.txt"), "w") as handle:
        handle.write("alpha\n")
    os.makedirs(os.path.join(source, "src"))
    with open(os.path.join(source, "src", "main.py"), "w") as handle:
        handle.write("print('hi')\n")

    async with httpx.AsyncClient(base_url=base, timeout=60) as http:

        async def create_vault() -> None:
            response = await http.post("/v1/vaults", json={"name": "demo", "from": source})
            expect(response.status_code == 201, f"POST /v1/vaults: {response.status_code} {response.text}")
            expect(response.json()["name"] == "demo", response.text)
            bad = await http.post("/v1/vaults", json={"name": "a/b"})
            expect(bad.status_code == 400, f"a/b: {bad.status_code}")
            expect(bad.json()["error"]["code"] == "invalid_name", bad.text)

        await checks.run("rest create vault", create_vault)

        async with streamable_http_client(base + "/mcp") as (read, write), ClientSession(read, write) as session:
            await session.initialize()

            async def list_tools() -> None:
                tools = {tool.name: tool for tool in (await session.list_tools()).tools}
                for name in WORKSPACE_TOOLS:
                    expect(name in tools, f"{name} missing from {sorted(tools)}")
                    expect(tools[name].input_schema.get("type") == "object", f"{name} schema")

            async def fork_exec_delta() -> None:
                workspace = await call(session, "workspace.fork", {"vault": "demo", "name": "w"})
                expect(workspace["name"] == "w" and workspace["mechanism"] == "overlay", f"{workspace!r}")
                result = await call(
                    session, "workspace.exec",
                    {"workspace": "w", "argv": ["sh", "-c", "echo hi > hi.txt; cat a.txt; echo more >> src/main.py"]})
                expect(result["ran"] and result["exit_code"] == 0, f"{result!r}")
                expect(result["stdout"] == "alpha\n", f"stdout {result['stdout']!r}")
                expect(result["delta"]["added"] == ["hi.txt"], f"delta {result['delta']!r}")
                expect(result["delta"]["modified"] == ["src/main.py"], f"delta {result['delta']!r}")
                expect(result["decision"]["action"] == "allow", f"decision {result['decision']!r}")
                file = await call(session, "workspace.read_file", {"workspace": "w", "path": "hi.txt"})
                expect(file["content"] == "hi\n", f"{file!r}")
                delta = await call(session, "workspace.delta", {"workspace": "w"})
                expect(delta["added"] == ["hi.txt"] and delta["modified"] == ["src/main.py"], f"{delta!r}")

            async def checkpoint_rollback() -> None:
                checkpoint = await call(session, "workspace.checkpoint", {"workspace": "w", "name": "safe"})
                expect(checkpoint["name"] == "safe", f"{checkpoint!r}")
                result = await call(session, "workspace.exec", {"workspace": "w", "argv": ["rm", "a.txt"]})
                expect(result["delta"]["deleted"] == ["a.txt"], f"{result!r}")
                await call(session, "workspace.rollback", {"workspace": "w", "to": "safe"})
                file = await call(session, "workspace.read_file", {"workspace": "w", "path": "a.txt"})
                expect(file["content"] == "alpha\n", f"{file!r}")

            async def escaping_cwd() -> None:
                result = await session.call_tool(
                    "workspace.exec", {"workspace": "w", "argv": ["ls"], "cwd": "../.."})
                expect(result.is_error, f"an escaping cwd was accepted: {result.content!r}")
                error = (result.structured_content or {}).get("error", {})
                expect(error.get("code") == "path_escapes_workspace", f"{error!r}")

            await checks.run("mcp tools/list", list_tools)
            await checks.run("mcp fork, exec, read_file, delta", fork_exec_delta)
            await checks.run("mcp checkpoint and rollback", checkpoint_rollback)
            await checks.run("mcp escaping cwd", escaping_cwd)

        async def rest_mirror() -> None:
            clean = await http.get("/v1/workspaces/w/delta")
            expect(clean.status_code == 200 and clean.json()["added"] == [], f"after the rollback: {clean.text}")
            written = await http.put("/v1/workspaces/w/files", json={"path": "notes/todo.md", "content": "- ship\n"})
            expect(written.status_code == 200, f"PUT files: {written.status_code} {written.text}")
            delta = await http.get("/v1/workspaces/w/delta", params={"diff": "true"})
            expect(delta.status_code == 200 and delta.json()["added"] == ["notes", "notes/todo.md"], delta.text)
            expect("+- ship" in (delta.json().get("diff") or ""), f"diff {delta.json().get('diff')!r}")
            denied = await http.post("/v1/workspaces/w/exec", json={"argv": ["sudo", "id"]})
            expect(denied.status_code == 403, f"sudo: {denied.status_code} {denied.text}")
            expect(denied.json()["error"]["code"] == "policy_denied", denied.text)
            missing = await http.get("/v1/workspaces/nope")
            expect(missing.status_code == 404 and missing.json()["error"]["code"] == "workspace_not_found", missing.text)
            with open(os.path.join(source, "a.txt")) as handle:
                expect(handle.read() == "alpha\n", "the imported directory changed")
            expect(sorted(os.listdir(source)) == ["a.txt", "src"], f"source now holds {os.listdir(source)}")

        await checks.run("rest delta, denied exec, unknown workspace", rest_mirror)

    print(f"workspace: {checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

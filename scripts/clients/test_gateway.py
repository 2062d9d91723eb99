#!/usr/bin/env python3
"""Drives Hangar's LLM gateway with the official `openai` and `anthropic` SDKs (PyPI), as a foreign client would.

Usage: test_gateway.py --binary HANGAR_BINARY --base-url BASE_URL

BASE_URL is not used: the script starts its own processes in a temporary directory. It runs `hangar llm mock`
with the script gateway_mock.yaml (the upstream), creates virtual keys with `hangar keys create`, and runs
`hangar serve --gateway-config` with gateway_fixture.yaml pointed at the mock (whose provider key,
`sk-mock-secret-123`, is in serve's environment only). Then it checks:

1. openai streaming with `include_usage` and a tool: the tool-call arguments reassemble per index into the
   mock's JSON, the text is the mock's, the last chunk has no choices and the mock's exact usage, and the raw
   stream (read with httpx2, the SDKs' HTTP client) ends with `data: [DONE]`;
2. openai streaming without `include_usage`: no usage reaches the client;
3. openai non-streaming (`with_raw_response`): message, tool calls, usage, and the `x-hangar-*` headers
   (cost 26 micro-dollars: 12 prompt tokens at $1/M, 7 completion tokens at $2/M); `models.list`;
4. embeddings with `encoding_format="base64"` (little-endian float32, decoded here) and with the SDK's own
   decoding: equal to the vectors the mock gives directly, and to SHA-256 computed here;
5. anthropic `messages.stream`: text and tool_use input reassemble, the final usage is the mock's, and the
   events run message_start … message_stop;
6. translation both ways: openai SDK against an Anthropic upstream, anthropic SDK against an OpenAI upstream,
   streaming and not;
7. bad input, each with its exact status and code, and no key, provider secret or upstream address in the
   answer: unknown model, malformed JSON, messages not an array, role "robot", tool schemas that are not
   schemas, max_tokens over the route's limit, missing/wrong/revoked key, a model the key may not use, an
   embeddings model on the chat route, an upstream answering garbage (502) and one never answering (504);
   afterwards a valid call still succeeds;
8. after SIGTERM (serve must exit 0): one `llm.called` event per call made, refused ones included, each with
   the expected model, outcome, error code, usage and cost.

Prints one line per check and `gateway: N passed, M failed`; exits non-zero on any failure.
HANGAR_TEST_VERBOSE=1 prints tracebacks; HANGAR_TEST_KEEP=1 keeps the temporary directory.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anthropic
import httpx2
import openai

HERE = os.path.dirname(os.path.abspath(__file__))
MOCK_SCRIPT = os.path.join(HERE, "gateway_mock.yaml")
GATEWAY_TEMPLATE = os.path.join(HERE, "gateway_fixture.yaml")

STARTUP_SECONDS = 60
REQUEST_SECONDS = 60
MOCK_KEY_ENV = "HANGAR_TEST_MOCK_KEY"
MOCK_KEY = "sk-mock-secret-123"

# What gateway_mock.yaml answers.
TOOL_ARGUMENTS = {"city": "Paris"}
GPT_TEXT = "It is sunny in Paris."
GPT_USAGE = (12, 7)
GPT_COST = 26  # micro-dollars: 12 * $1/M + 7 * $2/M, rounded up
CLAUDE_TEXT = "Bonjour from Claude."
CLAUDE_USAGE = (21, 9)
EMBEDDING_DIMENSIONS = 8

OPENAI_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
ANTHROPIC_TOOL = {
    "name": "get_weather",
    "description": "The weather in a city.",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}
MESSAGES = [{"role": "user", "content": "What is the weather in Paris?"}]


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def run(self, name: str, check: Callable[[], None]) -> None:
        try:
            check()
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            if os.environ.get("HANGAR_TEST_VERBOSE"):
                traceback.print_exc()
        else:
            self.passed += 1
            print(f"ok   {name}", flush=True)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def expect_equal(actual: Any, expected: Any, what: str) -> None:
    expect(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


# A virtual key's token (`hk_` and its secret part); the bare prefix may appear in a hint such as "Bearer hk_…".
TOKEN_PATTERN = re.compile(r"hk_[A-Za-z0-9_-]{8,}")


def expect_no_secret(text: str, secrets: list[str]) -> None:
    """No key (the tokens sent, or anything shaped like one), provider secret or upstream address in `text`."""
    for secret in secrets:
        expect(secret not in text, f"the answer contains {secret!r}: {text[:600]!r}")
    match = TOKEN_PATTERN.search(text)
    expect(match is None, f"the answer contains a key-shaped {match.group(0) if match else ''!r}: {text[:600]!r}")


# --- processes ------------------------------------------------------------------------------------------------


class Child:
    """A `hangar` process that prints one JSON line with its URL once it listens; stopped with SIGTERM."""

    def __init__(self, name: str, arguments: list[str], env: dict[str, str], log_path: str) -> None:
        self.name = name
        self.log_path = log_path
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        # Unbuffered, so select() sees every line readline() has not consumed.
        self.process = subprocess.Popen(
            arguments, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log, bufsize=0
        )
        self.url = self._read_url()
        # Whatever the process prints afterwards is drained, so a full pipe never blocks it.
        self.output: list[str] = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        try:
            for line in iter(self.process.stdout.readline, b""):
                self.output.append(line.decode("utf-8", "replace"))
        except (OSError, ValueError):
            pass

    def _read_url(self) -> str:
        assert self.process.stdout is not None
        deadline = time.monotonic() + STARTUP_SECONDS
        seen: list[str] = []
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if not ready:
                if self.process.poll() is not None:
                    break
                continue
            line = self.process.stdout.readline().decode("utf-8", "replace")
            if not line:
                break
            seen.append(line)
            try:
                url = json.loads(line)["data"]["url"]
            except (ValueError, KeyError, TypeError):
                continue
            if isinstance(url, str) and url.startswith("http"):
                return url.rstrip("/")
        status = self.process.poll()
        raise RuntimeError(
            f"{self.name} did not print its URL within {STARTUP_SECONDS} s (exit status {status}); stdout: "
            f"{''.join(seen)[-1000:]!r}; log: {self.tail()!r}"
        )

    def tail(self, characters: int = 4000) -> str:
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, errors="replace") as handle:
            text = handle.read()
        printed = "".join(getattr(self, "output", []))
        return (text + ("\n(stdout)\n" + printed if printed else ""))[-characters:]

    def stop(self, timeout: float = 30) -> int | None:
        """SIGTERM, then SIGKILL after `timeout`; the exit status (None when it had to be killed)."""
        status: int | None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                status = self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
                status = None
        else:
            status = self.process.returncode
        self.log.close()
        return status


def hangar_json(binary: str, home: str, *arguments: str) -> Any:
    """Runs `hangar ARGUMENTS --json` and returns the envelope's data."""
    completed = subprocess.run(
        [binary, *arguments, "--json"], env=base_env(home), stdin=subprocess.DEVNULL, capture_output=True,
        text=True, timeout=120, check=False,
    )
    try:
        envelope = json.loads(completed.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        envelope = None
    if completed.returncode != 0 or not isinstance(envelope, dict) or not envelope.get("ok"):
        raise RuntimeError(
            f"hangar {' '.join(arguments)} exited {completed.returncode}: {completed.stdout!r} {completed.stderr[-2000:]!r}"
        )
    return envelope["data"]


def base_env(home: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OPENAI_", "ANTHROPIC_"))}
    env["HANGAR_HOME"] = home
    env.pop(MOCK_KEY_ENV, None)
    return env


# --- the expected event log -----------------------------------------------------------------------------------


@dataclass
class ExpectedCall:
    """One call sent to the gateway and the `llm.called` event it must leave; None fields are not compared."""

    label: str
    model: str | None
    outcome: str
    code: str | None = None
    stream: bool | None = None
    usage: tuple[int, int] | None = None
    cost: int | None = None
    call_id: str | None = None
    key_id: str | None = None

    def mismatches(self, payload: dict[str, Any]) -> list[str]:
        """How the event differs from the expectation; empty when it matches."""
        error = payload.get("error") or {}
        pairs = [
            ("model", self.model, payload.get("model")),
            ("outcome", self.outcome, payload.get("outcome")),
            ("error.code", self.code, error.get("code") if isinstance(error, dict) else None),
            ("stream", self.stream, payload.get("stream")),
            ("usage", self.usage, (payload.get("input_tokens"), payload.get("output_tokens"))),
            ("cost_units", self.cost, payload.get("cost_units")),
            ("call_id", self.call_id, payload.get("call_id")),
            ("key", self.key_id, payload.get("key")),
        ]
        found = [f"{name} {actual!r}, expected {expected!r}" for name, expected, actual in pairs
                 if expected is not None and expected != actual]
        if self.code is None and error:
            found.append(f"error {error!r} on a call expected to succeed")
        return found


def match_calls(calls: list[ExpectedCall], payloads: list[dict[str, Any]]) -> tuple[list[int], list[int]]:
    """A maximum matching of calls to events (Kuhn's augmenting paths): the calls and events left unmatched."""
    fits = [[index for index, payload in enumerate(payloads) if not call.mismatches(payload)] for call in calls]
    owner: dict[int, int] = {}

    def assign(call: int, seen: set[int]) -> bool:
        for event in fits[call]:
            if event in seen:
                continue
            seen.add(event)
            if event not in owner or assign(owner[event], seen):
                owner[event] = call
                return True
        return False

    lonely_calls = [call for call in range(len(calls)) if not assign(call, set())]
    lonely_events = [event for event in range(len(payloads)) if event not in owner]
    return lonely_calls, lonely_events


# --- the fixture ----------------------------------------------------------------------------------------------


class Fixture:
    def __init__(self, binary: str, root: str) -> None:
        self.binary = binary
        self.root = root
        self.home = os.path.join(root, "serve-home")
        self.calls: list[ExpectedCall] = []
        self.mock: Child | None = None
        self.serve: Child | None = None
        self.serve_status: int | None = None
        self.url = ""
        self.mock_url = ""
        self.token = ""
        self.key_id = ""
        self.limited_token = ""
        # Every token sent to the gateway, none of which may come back in an answer.
        self.tokens: list[str] = []
        self.http = httpx2.Client(timeout=REQUEST_SECONDS)

    # Processes.

    def start(self) -> None:
        os.makedirs(self.home, exist_ok=True)
        self.mock = Child(
            "hangar llm mock",
            [self.binary, "llm", "mock", "--script", MOCK_SCRIPT, "--port", "0", "--json"],
            base_env(os.path.join(self.root, "mock-home")),
            os.path.join(self.root, "mock.log"),
        )
        self.mock_url = self.mock.url
        with open(GATEWAY_TEMPLATE) as handle:
            config = handle.read().replace("{MOCK_URL}", self.mock_url).replace("{MOCK_KEY_ENV}", MOCK_KEY_ENV)
        config_path = os.path.join(self.root, "gateway.yaml")
        with open(config_path, "w") as handle:
            handle.write(config)
        key = hangar_json(self.binary, self.home, "keys", "create", "gateway-test")
        self.token, self.key_id = key["token"], key["id"]
        expect(self.token.startswith("hk_"), f"the key's token {self.token!r} does not start with hk_")
        limited = hangar_json(self.binary, self.home, "keys", "create", "gpt-only", "--models", "gpt-test")
        self.limited_token = limited["token"]
        self.tokens += [self.token, self.limited_token]
        env = base_env(self.home)
        env[MOCK_KEY_ENV] = MOCK_KEY
        self.serve = Child(
            "hangar serve",
            [self.binary, "serve", "--port", "0", "--json", "--gateway-config", config_path],
            env,
            os.path.join(self.root, "serve.log"),
        )
        self.url = self.serve.url

    def stop_serve(self) -> int | None:
        if self.serve is not None and self.serve.log is not None and not self.serve.log.closed:
            self.serve_status = self.serve.stop()
        return self.serve_status

    def close(self) -> None:
        self.http.close()
        for child in (self.serve, self.mock):
            if child is not None and not child.log.closed:
                child.stop()

    # Clients.

    def openai(self, token: str | None = None) -> openai.OpenAI:
        return openai.OpenAI(
            base_url=self.url + "/v1", api_key=token or self.token, max_retries=0, timeout=REQUEST_SECONDS
        )

    def anthropic(self, token: str | None = None) -> anthropic.Anthropic:
        return anthropic.Anthropic(
            base_url=self.url, api_key=token or self.token, max_retries=0, timeout=REQUEST_SECONDS
        )

    def expect_call(self, label: str, model: str | None, outcome: str = "ok", **fields: Any) -> ExpectedCall:
        """Notes a call about to be sent; send it right after."""
        call = ExpectedCall(label=label, model=model, outcome=outcome, **fields)
        self.calls.append(call)
        return call

    def post(self, path: str, *, body: Any = None, content: bytes | None = None, token: str | None = "",
             header: str = "authorization") -> httpx2.Response:
        headers = {"content-type": "application/json"}
        if token is not None:
            value = token or self.token
            headers[header] = f"Bearer {value}" if header == "authorization" else value
        if path == "/v1/messages":
            headers["anthropic-version"] = "2023-06-01"
        if content is None:
            content = json.dumps(body).encode()
        return self.http.post(self.url + path, content=content, headers=headers)

    def mock_requests(self) -> list[dict[str, Any]]:
        response = self.http.get(self.mock_url + "/_mock/requests")
        expect(response.status_code == 200, f"GET /_mock/requests: {response.status_code} {response.text[:300]}")
        return response.json()["requests"]

    # Secrets.

    def secrets(self) -> list[str]:
        mock_address = self.mock_url.split("://", 1)[-1]
        port = mock_address.rsplit(":", 1)[-1]
        return [
            *self.tokens, MOCK_KEY, MOCK_KEY_ENV, mock_address, f"localhost:{port}", f":{port}/", self.root,
        ]

    def expect_no_leak(self, response: httpx2.Response) -> None:
        text = response.text + "\n" + "\n".join(f"{name}: {value}" for name, value in response.headers.items())
        expect_no_secret(text, self.secrets())


# --- checks 1-6: the SDKs on the happy paths ------------------------------------------------------------------


def reassemble_openai(chunks: list[Any]) -> tuple[str, dict[int, dict[str, str]]]:
    """The content and the tool calls (per index: id, name, arguments) of a chat.completion.chunk stream."""
    content = ""
    calls: dict[int, dict[str, str]] = {}
    for chunk in chunks:
        for choice in chunk.choices:
            delta = choice.delta
            if delta.content:
                content += delta.content
            for call in delta.tool_calls or []:
                entry = calls.setdefault(call.index, {"id": "", "name": "", "arguments": ""})
                if call.id:
                    entry["id"] = call.id
                if call.function is not None:
                    if call.function.name:
                        entry["name"] += call.function.name
                    if call.function.arguments:
                        entry["arguments"] += call.function.arguments
    return content, calls


def expect_openai_stream(chunks: list[Any], text: str, usage: tuple[int, int] | None, what: str) -> None:
    expect(len(chunks) > 2, f"{what}: only {len(chunks)} chunks")
    content, calls = reassemble_openai(chunks)
    expect_equal(content, text, f"{what}: content")
    expect_equal(sorted(calls), [0], f"{what}: tool-call indices")
    expect_equal(calls[0]["name"], "get_weather", f"{what}: tool name")
    expect(bool(calls[0]["id"]), f"{what}: the tool call has no id")
    try:
        arguments = json.loads(calls[0]["arguments"])
    except ValueError as error:
        raise AssertionError(f"{what}: the arguments {calls[0]['arguments']!r} are not JSON: {error}") from None
    expect_equal(arguments, TOOL_ARGUMENTS, f"{what}: tool arguments")
    finishes = [choice.finish_reason for chunk in chunks for choice in chunk.choices if choice.finish_reason]
    expect_equal(finishes, ["tool_calls"], f"{what}: finish reasons")
    if usage is None:
        with_usage = [chunk for chunk in chunks if chunk.usage is not None]
        expect(not with_usage, f"{what}: usage reached a client that did not ask for it: {with_usage[:1]!r}")
        empty = [chunk for chunk in chunks if not chunk.choices]
        expect(not empty, f"{what}: a chunk without choices reached the client: {empty[:1]!r}")
        return
    last = chunks[-1]
    expect_equal(last.choices, [], f"{what}: the last chunk's choices")
    expect(last.usage is not None, f"{what}: the last chunk has no usage")
    actual = (last.usage.prompt_tokens, last.usage.completion_tokens, last.usage.total_tokens)
    expect_equal(actual, (usage[0], usage[1], usage[0] + usage[1]), f"{what}: usage (prompt, completion, total)")
    early = [chunk for chunk in chunks[:-1] if chunk.usage is not None]
    expect(not early, f"{what}: usage before the last chunk: {early[:1]!r}")


def expect_anthropic_stream(events: list[Any], message: Any, text: str, usage: tuple[int, int], what: str) -> None:
    raw_kinds = {"message_start", "content_block_start", "content_block_delta", "content_block_stop",
                 "message_delta", "message_stop"}
    kinds = [event.type for event in events if event.type in raw_kinds]
    expect(bool(kinds) and kinds[0] == "message_start", f"{what}: the first event is {kinds[:1]!r}, not message_start")
    expect(kinds[-2:] == ["message_delta", "message_stop"], f"{what}: the stream ends with {kinds[-3:]!r}")
    expect_equal(kinds.count("message_start"), 1, f"{what}: message_start events")
    expect_equal(kinds.count("message_stop"), 1, f"{what}: message_stop events")
    open_blocks: set[int] = set()
    seen_blocks: list[int] = []
    for event in events:
        if event.type == "content_block_start":
            expect(event.index not in open_blocks and event.index not in seen_blocks,
                   f"{what}: block {event.index} started twice")
            open_blocks.add(event.index)
            seen_blocks.append(event.index)
        elif event.type == "content_block_delta":
            expect(event.index in open_blocks, f"{what}: a delta for block {event.index}, which is not open")
        elif event.type == "content_block_stop":
            expect(event.index in open_blocks, f"{what}: block {event.index} stopped but not open")
            open_blocks.remove(event.index)
        elif event.type in ("message_delta", "message_stop"):
            expect(not open_blocks, f"{what}: {event.type} with blocks {sorted(open_blocks)} still open")
    expect_equal(seen_blocks, list(range(len(seen_blocks))), f"{what}: block indices")
    expect_anthropic_message(message, text, usage, what)


def expect_anthropic_message(message: Any, text: str, usage: tuple[int, int], what: str) -> None:
    texts = [block.text for block in message.content if block.type == "text"]
    tools = [block for block in message.content if block.type == "tool_use"]
    expect_equal("".join(texts), text, f"{what}: text")
    expect_equal(len(tools), 1, f"{what}: tool_use blocks")
    expect_equal(tools[0].name, "get_weather", f"{what}: tool name")
    expect(bool(tools[0].id), f"{what}: the tool_use block has no id")
    expect_equal(tools[0].input, TOOL_ARGUMENTS, f"{what}: tool input")
    expect_equal(message.stop_reason, "tool_use", f"{what}: stop_reason")
    expect_equal((message.usage.input_tokens, message.usage.output_tokens), usage, f"{what}: usage (input, output)")


def check_openai_stream_with_usage(fixture: Fixture) -> None:
    client = fixture.openai()
    fixture.expect_call("openai stream with usage", "gpt-test", stream=True, usage=GPT_USAGE, cost=GPT_COST,
                        key_id=fixture.key_id)
    stream = client.chat.completions.create(
        model="gpt-test", stream=True, stream_options={"include_usage": True}, tools=[OPENAI_TOOL],
        messages=MESSAGES,
    )
    chunks = list(stream)
    expect_openai_stream(chunks, GPT_TEXT, GPT_USAGE, "openai stream")


def raw_sse(fixture: Fixture, body: dict[str, Any], label: str, call: ExpectedCall) -> tuple[httpx2.Headers, list[str]]:
    """POSTs a streaming chat body and returns the response headers and its `data:` lines."""
    headers = {"authorization": f"Bearer {fixture.token}", "content-type": "application/json"}
    fixture.calls.append(call)
    with fixture.http.stream("POST", fixture.url + "/v1/chat/completions", json=body, headers=headers) as response:
        expect(response.status_code == 200, f"{label}: status {response.status_code}: {response.read()[:500]!r}")
        content_type = response.headers.get("content-type", "")
        expect(content_type.startswith("text/event-stream"), f"{label}: content-type {content_type!r}")
        lines = [line for line in response.iter_lines() if line.strip()]
        return response.headers, lines


def check_raw_done(fixture: Fixture) -> None:
    body = {"model": "gpt-test", "stream": True, "stream_options": {"include_usage": True}, "tools": [OPENAI_TOOL],
            "messages": MESSAGES}
    call = ExpectedCall("raw stream with usage", "gpt-test", "ok", stream=True, usage=GPT_USAGE, cost=GPT_COST)
    headers, lines = raw_sse(fixture, body, "raw stream", call)
    call.call_id = headers.get("x-hangar-call-id")
    expect(bool(call.call_id), f"no x-hangar-call-id on the stream: {dict(headers)!r}")
    expect_equal(headers.get("x-hangar-model"), "gpt-test", "x-hangar-model")
    expect_equal(lines[-1], "data: [DONE]", "the last line of the stream")
    expect_equal(sum(1 for line in lines if line == "data: [DONE]"), 1, "[DONE] lines")
    payloads = [json.loads(line[len("data:"):]) for line in lines[:-1] if line.startswith("data:")]
    expect_equal(payloads[-1].get("choices"), [], "the raw usage chunk's choices")
    usage = payloads[-1].get("usage") or {}
    expect_equal((usage.get("prompt_tokens"), usage.get("completion_tokens")), GPT_USAGE, "the raw usage chunk")
    expect_no_secret("\n".join(lines), fixture.secrets())


def check_openai_stream_without_usage(fixture: Fixture) -> None:
    client = fixture.openai()
    fixture.expect_call("openai stream without usage", "gpt-test", stream=True, usage=GPT_USAGE, cost=GPT_COST)
    chunks = list(client.chat.completions.create(model="gpt-test", stream=True, tools=[OPENAI_TOOL], messages=MESSAGES))
    expect_openai_stream(chunks, GPT_TEXT, None, "openai stream without include_usage")
    body = {"model": "gpt-test", "stream": True, "tools": [OPENAI_TOOL], "messages": MESSAGES}
    call = ExpectedCall("raw stream without usage", "gpt-test", "ok", stream=True, usage=GPT_USAGE, cost=GPT_COST)
    _, lines = raw_sse(fixture, body, "raw stream without include_usage", call)
    expect_equal(lines[-1], "data: [DONE]", "the last line of the stream")
    for line in lines[:-1]:
        chunk = json.loads(line[len("data:"):])
        expect(chunk.get("usage") is None, f"a raw chunk carries usage: {line!r}")
        expect(chunk.get("choices") != [], f"a raw chunk has no choices: {line!r}")


def check_openai_complete(fixture: Fixture) -> None:
    client = fixture.openai()
    call = fixture.expect_call("openai non-streaming", "gpt-test", stream=False, usage=GPT_USAGE, cost=GPT_COST)
    raw = client.chat.completions.with_raw_response.create(model="gpt-test", tools=[OPENAI_TOOL], messages=MESSAGES)
    completion = raw.parse()
    call.call_id = raw.headers.get("x-hangar-call-id")
    expect(bool(call.call_id), f"no x-hangar-call-id: {dict(raw.headers)!r}")
    expect_equal(raw.headers.get("x-hangar-model"), "gpt-test", "x-hangar-model")
    expect_equal(raw.headers.get("x-hangar-deployment"), "mock/gpt-mock", "x-hangar-deployment")
    expect_equal(raw.headers.get("x-hangar-attempts"), "1", "x-hangar-attempts")
    expect_equal(raw.headers.get("x-hangar-cost"), str(GPT_COST), "x-hangar-cost")
    message = completion.choices[0].message
    expect_equal(message.content, GPT_TEXT, "content")
    expect_equal(completion.choices[0].finish_reason, "tool_calls", "finish_reason")
    expect_equal(len(message.tool_calls or []), 1, "tool calls")
    tool_call = message.tool_calls[0]
    expect_equal((tool_call.id, tool_call.function.name), ("call_1", "get_weather"), "tool call id and name")
    expect_equal(json.loads(tool_call.function.arguments), TOOL_ARGUMENTS, "tool arguments")
    usage = completion.usage
    expect_equal((usage.prompt_tokens, usage.completion_tokens, usage.total_tokens), (12, 7, 19), "usage")
    expect_no_secret(raw.http_response.text, fixture.secrets())
    upstream = [record for record in fixture.mock_requests() if record.get("model") == "gpt-mock"]
    expect(upstream, "the mock saw no request for gpt-mock")
    expect(all(record.get("authorized") for record in upstream),
           f"the gateway did not send the provider key to the mock: {upstream!r}")


def check_models_list(fixture: Fixture) -> None:
    models = {model.id for model in fixture.openai().models.list()}
    expected = {"gpt-test", "claude-test", "cross-test", "embed-test", "garbage-test", "slow-test"}
    expect_equal(models, expected, "models.list")
    limited = {model.id for model in fixture.openai(fixture.limited_token).models.list()}
    expect_equal(limited, {"gpt-test"}, "models.list for a key limited to gpt-test")


def expected_vectors(inputs: list[str]) -> list[list[float]]:
    """EmbeddingFormat.vector, recomputed: SHA-256 chained, byte b → b / 127.5 - 1, each step in float32."""
    vectors = []
    for text in inputs:
        data = b""
        digest = hashlib.sha256(text.encode()).digest()
        while len(data) < EMBEDDING_DIMENSIONS:
            data += digest
            digest = hashlib.sha256(digest).digest()
        vectors.append([float32(float32(byte / 127.5) - 1) for byte in data[:EMBEDDING_DIMENSIONS]])
    return vectors


def float32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def check_embeddings(fixture: Fixture) -> None:
    inputs = ["a", "b"]
    direct = fixture.http.post(
        fixture.mock_url + "/v1/embeddings", json={"model": "embed-mock", "input": inputs, "encoding_format": "float"}
    )
    expect(direct.status_code == 200, f"the mock's own embeddings: {direct.status_code} {direct.text[:300]}")
    mock_vectors = [[float32(value) for value in item["embedding"]] for item in direct.json()["data"]]
    expect_equal(mock_vectors, expected_vectors(inputs), "the mock's vectors against SHA-256 computed here")

    client = fixture.openai()
    call = fixture.expect_call("embeddings base64", "embed-test", stream=False, usage=(2, 0), cost=0)
    raw = client.embeddings.with_raw_response.create(model="embed-test", input=inputs, encoding_format="base64")
    response = raw.parse()
    call.call_id = raw.headers.get("x-hangar-call-id")
    expect_equal(raw.headers.get("x-hangar-deployment"), "mock/embed-mock", "x-hangar-deployment")
    expect_equal([item.index for item in response.data], [0, 1], "indices")
    decoded = []
    for item in response.data:
        expect(isinstance(item.embedding, str), f"a base64 embedding came back as {type(item.embedding).__name__}")
        data = base64.b64decode(item.embedding)
        expect_equal(len(data), 4 * EMBEDDING_DIMENSIONS, "bytes per vector")
        decoded.append(list(struct.unpack(f"<{EMBEDDING_DIMENSIONS}f", data)))
    expect_equal(decoded, mock_vectors, "base64 vectors through the gateway")
    expect_equal((response.usage.prompt_tokens, response.usage.total_tokens), (2, 2), "usage")

    fixture.expect_call("embeddings, SDK decoding", "embed-test", stream=False, usage=(2, 0), cost=0)
    floats = client.embeddings.create(model="embed-test", input=inputs)
    expect_equal([[float32(value) for value in item.embedding] for item in floats.data], mock_vectors,
                 "vectors decoded by the SDK")


def check_anthropic_stream(fixture: Fixture) -> None:
    client = fixture.anthropic()
    fixture.expect_call("anthropic stream", "claude-test", stream=True, usage=CLAUDE_USAGE, cost=0,
                        key_id=fixture.key_id)
    with client.messages.stream(model="claude-test", max_tokens=500, tools=[ANTHROPIC_TOOL], messages=MESSAGES) as stream:
        events = list(stream)
        message = stream.get_final_message()
    expect_anthropic_stream(events, message, CLAUDE_TEXT, CLAUDE_USAGE, "anthropic stream")


def check_anthropic_complete(fixture: Fixture) -> None:
    client = fixture.anthropic()
    call = fixture.expect_call("anthropic non-streaming", "claude-test", stream=False, usage=CLAUDE_USAGE, cost=0)
    raw = client.messages.with_raw_response.create(
        model="claude-test", max_tokens=500, tools=[ANTHROPIC_TOOL], messages=MESSAGES
    )
    call.call_id = raw.headers.get("x-hangar-call-id")
    expect_equal(raw.headers.get("x-hangar-deployment"), "mockanthropic/claude-mock", "x-hangar-deployment")
    expect_equal(raw.headers.get("x-hangar-cost"), "0", "x-hangar-cost of an unpriced route")
    expect_anthropic_message(raw.parse(), CLAUDE_TEXT, CLAUDE_USAGE, "anthropic message")


def check_openai_to_anthropic(fixture: Fixture) -> None:
    client = fixture.openai()
    fixture.expect_call("openai → anthropic stream", "cross-test", stream=True, usage=CLAUDE_USAGE)
    chunks = list(client.chat.completions.create(
        model="cross-test", stream=True, stream_options={"include_usage": True}, tools=[OPENAI_TOOL],
        messages=MESSAGES, max_tokens=500,
    ))
    expect_openai_stream(chunks, CLAUDE_TEXT, CLAUDE_USAGE, "openai stream from an Anthropic upstream")
    fixture.expect_call("openai → anthropic", "cross-test", stream=False, usage=CLAUDE_USAGE)
    completion = client.chat.completions.create(model="cross-test", tools=[OPENAI_TOOL], messages=MESSAGES)
    message = completion.choices[0].message
    expect_equal(message.content, CLAUDE_TEXT, "translated content")
    expect_equal(len(message.tool_calls or []), 1, "translated tool calls")
    expect_equal(json.loads(message.tool_calls[0].function.arguments), TOOL_ARGUMENTS, "translated arguments")
    expect_equal(completion.choices[0].finish_reason, "tool_calls", "translated finish_reason")
    expect_equal((completion.usage.prompt_tokens, completion.usage.completion_tokens), CLAUDE_USAGE, "translated usage")


def check_anthropic_to_openai(fixture: Fixture) -> None:
    client = fixture.anthropic()
    fixture.expect_call("anthropic → openai stream", "gpt-test", stream=True, usage=GPT_USAGE, cost=GPT_COST)
    with client.messages.stream(model="gpt-test", max_tokens=500, tools=[ANTHROPIC_TOOL], messages=MESSAGES) as stream:
        events = list(stream)
        message = stream.get_final_message()
    expect_anthropic_stream(events, message, GPT_TEXT, GPT_USAGE, "anthropic stream from an OpenAI upstream")
    fixture.expect_call("anthropic → openai", "gpt-test", stream=False, usage=GPT_USAGE, cost=GPT_COST)
    message = client.messages.create(model="gpt-test", max_tokens=500, tools=[ANTHROPIC_TOOL], messages=MESSAGES)
    expect_anthropic_message(message, GPT_TEXT, GPT_USAGE, "anthropic message from an OpenAI upstream")


# --- check 7: bad input ---------------------------------------------------------------------------------------


def expect_openai_error(fixture: Fixture, response: httpx2.Response, status: int, code: str,
                        param: str | None = None) -> dict[str, Any]:
    text = response.text
    expect(response.status_code == status, f"status {response.status_code}, expected {status}: {text[:500]}")
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(f"the error body is not JSON: {text[:500]!r}") from None
    error = body.get("error") if isinstance(body, dict) else None
    expect(isinstance(error, dict), f"not an OpenAI error body: {text[:500]}")
    expect_equal(error.get("code"), code, "error.code")
    expect(isinstance(error.get("message"), str) and error["message"], f"no error.message: {text[:500]}")
    expect(isinstance(error.get("type"), str) and error["type"], f"no error.type: {text[:500]}")
    expect("param" in error, f"no error.param: {text[:500]}")
    if param is not None:
        expect_equal(error.get("param"), param, "error.param")
    expect(response.headers.get("content-type", "").startswith("application/json"),
           f"content-type {response.headers.get('content-type')!r}")
    fixture.expect_no_leak(response)
    return error


def expect_anthropic_error(fixture: Fixture, response: httpx2.Response, status: int, kind: str) -> None:
    text = response.text
    expect(response.status_code == status, f"status {response.status_code}, expected {status}: {text[:500]}")
    body = response.json()
    expect(isinstance(body, dict) and body.get("type") == "error", f"not an Anthropic error body: {text[:500]}")
    error = body.get("error") or {}
    expect_equal(error.get("type"), kind, "error.type")
    expect(isinstance(error.get("message"), str) and error["message"], f"no error.message: {text[:500]}")
    fixture.expect_no_leak(response)


def bad_input_checks(fixture: Fixture, binary: str) -> list[tuple[str, Callable[[], None]]]:
    chat = "/v1/chat/completions"

    def valid(**changes: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"model": "gpt-test", "messages": MESSAGES}
        body.update(changes)
        return body

    def raw_case(label: str, body: Any = None, *, content: bytes | None = None, status: int, code: str,
                 param: str | None = None, model: str | None = "gpt-test", token: str | None = "",
                 stream: bool | None = False) -> Callable[[], None]:
        def run() -> None:
            fixture.expect_call(label, model, "error", code=code, stream=stream)
            response = fixture.post(chat, body=body, content=content, token=token)
            expect_openai_error(fixture, response, status, code, param)

        return run

    def sdk_unknown_model() -> None:
        fixture.expect_call("unknown model", "no-such-model", "error", code="model_not_found", stream=False)
        try:
            fixture.openai().chat.completions.create(model="no-such-model", messages=MESSAGES)
        except openai.NotFoundError as error:
            expect_openai_error(fixture, error.response, 404, "model_not_found", "model")
        else:
            raise AssertionError("an unknown model was answered")

    def sdk_unknown_model_stream() -> None:
        fixture.expect_call("unknown model, streaming", "no-such-model", "error", code="model_not_found", stream=True)
        try:
            list(fixture.openai().chat.completions.create(model="no-such-model", messages=MESSAGES, stream=True))
        except openai.NotFoundError as error:
            expect_openai_error(fixture, error.response, 404, "model_not_found", "model")
        else:
            raise AssertionError("an unknown model was streamed")

    def sdk_wrong_key() -> None:
        fixture.expect_call("wrong key", None, "error", code="invalid_api_key")
        wrong = "hk_" + "0" * 43
        fixture.tokens.append(wrong)
        try:
            fixture.openai(wrong).chat.completions.create(model="gpt-test", messages=MESSAGES)
        except openai.AuthenticationError as error:
            expect_openai_error(fixture, error.response, 401, "invalid_api_key")
        else:
            raise AssertionError("a wrong key was accepted")

    def sdk_not_a_key() -> None:
        fixture.expect_call("a provider key instead of a virtual key", None, "error", code="invalid_api_key")
        try:
            fixture.openai(MOCK_KEY).chat.completions.create(model="gpt-test", messages=MESSAGES)
        except openai.AuthenticationError as error:
            expect_openai_error(fixture, error.response, 401, "invalid_api_key")
        else:
            raise AssertionError("the provider's key was accepted as a virtual key")

    def revoked_key() -> None:
        key = hangar_json(binary, fixture.home, "keys", "create", "soon-revoked")
        fixture.tokens.append(key["token"])
        fixture.expect_call("revoked key, before revocation", "gpt-test", "ok", stream=False, key_id=key["id"])
        fixture.openai(key["token"]).chat.completions.create(model="gpt-test", messages=MESSAGES)
        hangar_json(binary, fixture.home, "keys", "revoke", key["id"])
        time.sleep(1.5)
        fixture.expect_call("revoked key", None, "error", code="invalid_api_key")
        try:
            fixture.openai(key["token"]).chat.completions.create(model="gpt-test", messages=MESSAGES)
        except openai.AuthenticationError as error:
            expect_openai_error(fixture, error.response, 401, "invalid_api_key")
        else:
            raise AssertionError("a key revoked 1.5 s ago was accepted")

    def key_without_model() -> None:
        fixture.expect_call("model the key may not use", "claude-test", "error", code="model_not_found", stream=False)
        response = fixture.post(chat, body=valid(model="claude-test"), token=fixture.limited_token)
        expect_openai_error(fixture, response, 404, "model_not_found", "model")

    def anthropic_unknown_model() -> None:
        fixture.expect_call("anthropic unknown model", "no-such-model", "error", code="model_not_found", stream=False)
        try:
            fixture.anthropic().messages.create(model="no-such-model", max_tokens=100, messages=MESSAGES)
        except anthropic.NotFoundError as error:
            expect_anthropic_error(fixture, error.response, 404, "not_found_error")
        else:
            raise AssertionError("an unknown model was answered")

    def anthropic_missing_key() -> None:
        fixture.expect_call("anthropic missing key", None, "error", code="invalid_api_key")
        body = {"model": "claude-test", "max_tokens": 100, "messages": MESSAGES}
        expect_anthropic_error(fixture, fixture.post("/v1/messages", body=body, token=None), 401, "authentication_error")

    def anthropic_bad_role() -> None:
        fixture.expect_call("anthropic role robot", "claude-test", "error", code="invalid_request", stream=False)
        body = {"model": "claude-test", "max_tokens": 100, "messages": [{"role": "robot", "content": "hi"}]}
        response = fixture.post("/v1/messages", body=body, header="x-api-key")
        expect_anthropic_error(fixture, response, 400, "invalid_request_error")

    def garbage() -> None:
        fixture.expect_call("garbage upstream", "garbage-test", "error", code="upstream_invalid_response",
                            stream=False)
        response = fixture.post(chat, body=valid(model="garbage-test"))
        expect_openai_error(fixture, response, 502, "upstream_invalid_response")

    def timeout() -> None:
        fixture.expect_call("silent upstream", "slow-test", "error", code="upstream_timeout", stream=False)
        started = time.monotonic()
        response = fixture.post(chat, body=valid(model="slow-test"))
        elapsed = time.monotonic() - started
        expect_openai_error(fixture, response, 504, "upstream_timeout")
        expect(0.4 <= elapsed < 10, f"the 500 ms timeout took {elapsed:.2f} s")

    def timeout_closes_upstream() -> None:
        deadline = time.monotonic() + 10
        records: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            records = [record for record in fixture.mock_requests() if record.get("model") == "slow-mock"]
            if records and all(record.get("outcome") != "pending" for record in records):
                break
            time.sleep(0.2)
        expect_equal(len(records), 1, "upstream requests for slow-mock (retries: 0)")
        expect_equal(records[0].get("outcome"), "client_closed", "the mock's outcome of the timed-out request")

    def still_answers() -> None:
        fixture.expect_call("valid call after the bad ones", "gpt-test", "ok", stream=False, usage=GPT_USAGE,
                            cost=GPT_COST)
        completion = fixture.openai().chat.completions.create(model="gpt-test", messages=MESSAGES)
        expect_equal(completion.choices[0].message.content, GPT_TEXT, "content")

    schema_path = "tools[0].function.parameters"
    return [
        ("unknown model → 404 model_not_found", sdk_unknown_model),
        ("unknown model, streaming → 404 model_not_found", sdk_unknown_model_stream),
        ("malformed JSON → 400 invalid_json",
         raw_case("malformed JSON", content=b'{"model": "gpt-test", "messages": [', status=400, code="invalid_json",
                  model=None, stream=None)),
        ("messages not an array → 400 invalid_request",
         raw_case("messages not an array", valid(messages="hello"), status=400, code="invalid_request",
                  param="messages")),
        ('role "robot" → 400 invalid_request',
         raw_case("role robot", valid(messages=[{"role": "robot", "content": "beep"}]), status=400,
                  code="invalid_request", param="messages[0].role")),
        ('tool parameters "not a schema" → 400 invalid_request',
         raw_case("tool schema string", valid(tools=[{"type": "function", "function": {
             "name": "get_weather", "parameters": "not a schema"}}]), status=400, code="invalid_request",
                  param=schema_path)),
        ('tool parameters {"type": "banana"} → 400 invalid_request',
         raw_case("tool schema banana", valid(tools=[{"type": "function", "function": {
             "name": "get_weather", "parameters": {"type": "banana"}}}]), status=400, code="invalid_request",
                  param=schema_path + ".type")),
        ("max_tokens 5000 over max_output_tokens 1000 → 400 max_tokens_too_large",
         raw_case("max_tokens too large", valid(max_tokens=5000), status=400, code="max_tokens_too_large",
                  param="max_tokens")),
        ("max_completion_tokens 1001 → 400 max_tokens_too_large",
         raw_case("max_completion_tokens too large", valid(max_completion_tokens=1001), status=400,
                  code="max_tokens_too_large", param="max_tokens")),
        ("embeddings model on the chat route → 404 model_not_found",
         raw_case("embeddings model on chat", valid(model="embed-test"), status=404, code="model_not_found",
                  param="model", model="embed-test")),
        ("missing key → 401 invalid_api_key",
         raw_case("missing key", valid(), status=401, code="invalid_api_key", token=None, model=None, stream=None)),
        ("wrong key → 401 invalid_api_key", sdk_wrong_key),
        ("a provider key as the key → 401 invalid_api_key", sdk_not_a_key),
        ("revoked key → 401 invalid_api_key", revoked_key),
        ("a model the key may not use → 404 model_not_found", key_without_model),
        ("anthropic: unknown model → 404 not_found_error", anthropic_unknown_model),
        ("anthropic: missing key → 401 authentication_error", anthropic_missing_key),
        ('anthropic: role "robot" → 400 invalid_request_error', anthropic_bad_role),
        ("upstream answers garbage → 502 upstream_invalid_response", garbage),
        ("upstream never answers (timeout_ms 500) → 504 upstream_timeout", timeout),
        ("the timed-out upstream request is closed, not left hanging", timeout_closes_upstream),
        ("a valid call still succeeds afterwards", still_answers),
    ]


# --- check 8: the event log -----------------------------------------------------------------------------------


def check_events(fixture: Fixture, binary: str) -> None:
    page = hangar_json(binary, fixture.home, "events", "tail", "--limit", "1000")
    events = [event for event in page["events"] if event.get("kind") == "llm.called"]
    payloads = [event.get("payload") or {} for event in events]
    problems: list[str] = []
    if len(payloads) != len(fixture.calls):
        problems.append(f"{len(payloads)} llm.called events for {len(fixture.calls)} calls")
    lonely_calls, lonely_events = match_calls(fixture.calls, payloads)
    for index in lonely_calls:
        call = fixture.calls[index]
        candidates = [call.mismatches(payloads[event]) for event in lonely_events] or [["no event left"]]
        problems.append(f"no event for '{call.label}' (nearest: {'; '.join(min(candidates, key=len))})")
    for index in lonely_events:
        payload = payloads[index]
        problems.append(
            f"unexpected event model={payload.get('model')!r} outcome={payload.get('outcome')!r} "
            f"error={payload.get('error')!r} stream={payload.get('stream')!r} "
            f"usage={(payload.get('input_tokens'), payload.get('output_tokens'))!r} "
            f"usage_estimated={payload.get('usage_estimated')!r} cost_units={payload.get('cost_units')!r}"
        )
    for event in events:
        expect(event.get("stream", "").startswith("llm:"), f"event stream {event.get('stream')!r}")
    expect(not problems, "\n    ".join([""] + problems))


# --- main -----------------------------------------------------------------------------------------------------


def run(binary: str, root: str, checks: Checks) -> None:
    fixture = Fixture(binary, root)
    try:
        fixture.start()
        print(f"mock at {fixture.mock_url}, gateway at {fixture.url}", flush=True)
        for name, check in [
            ("1 openai stream with include_usage: tool args, text, usage chunk", check_openai_stream_with_usage),
            ("1 raw stream ends with data: [DONE] after the usage chunk", check_raw_done),
            ("2 openai stream without include_usage: no usage chunk", check_openai_stream_without_usage),
            ("3 openai non-streaming: message, usage, x-hangar-* headers", check_openai_complete),
            ("3 openai models.list", check_models_list),
            ("4 embeddings base64 and float equal the mock's vectors", check_embeddings),
            ("5 anthropic messages.stream: text, tool input, usage, event order", check_anthropic_stream),
            ("5 anthropic messages.create", check_anthropic_complete),
            ("6 openai SDK against an Anthropic upstream", check_openai_to_anthropic),
            ("6 anthropic SDK against an OpenAI upstream", check_anthropic_to_openai),
        ]:
            checks.run(name, lambda check=check: check(fixture))
        for name, check in bad_input_checks(fixture, binary):
            checks.run(f"7 {name}", check)

        status = fixture.stop_serve()
        checks.run("8 hangar serve exits 0 on SIGTERM",
                   lambda: expect(status == 0, f"hangar serve exited with {status} (None: killed)"))
        checks.run(f"8 one llm.called event per call ({len(fixture.calls)} calls)",
                   lambda: check_events(fixture, binary))
    finally:
        fixture.close()
        if checks.failed:
            for child in (fixture.serve, fixture.mock):
                if child is not None:
                    sys.stderr.write(f"--- {child.name} log (tail) ---\n{child.tail()}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the built hangar executable")
    parser.add_argument("--base-url", required=True, help="a running `hangar serve` (unused: the script starts its own)")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    # SIGTERM (the runner's timeout) unwinds through the finally blocks, which stop the child processes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    checks = Checks()
    root = tempfile.mkdtemp(prefix="hangar-gateway-")
    try:
        run(binary, root, checks)
    except Exception as error:  # noqa: BLE001
        checks.failed += 1
        print(f"FAIL could not run: {type(error).__name__}: {error}", flush=True)
        if os.environ.get("HANGAR_TEST_VERBOSE"):
            traceback.print_exc()
    finally:
        if os.environ.get("HANGAR_TEST_KEEP"):
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(f"gateway: {checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

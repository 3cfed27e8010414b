"""The official Python MCP SDK as a client of `relay mcp` over stdio (run by MCPCLITests).

Usage: stdio_client.py RELAY_BINARY HOME. Prints one JSON object of observations; the Swift test asserts on them.
"""

import asyncio
import json
import os
import sys
import warnings

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.types import ElicitResult

# resources/subscribe is what relay mcp's protocol revision (2025-06-18) has; the SDK warns that newer ones replace it.
warnings.filterwarnings("ignore", message="resources/subscribe")
relay, home = sys.argv[1], sys.argv[2]
report: dict = {}
elicitations: list[str] = []


async def accept(context, params) -> ElicitResult:
    elicitations.append(params.message)
    return ElicitResult(action="accept", content={"confirm": True})


updated: list[str] = []


async def on_message(message) -> None:
    # Notifications from relay mcp: keep the URIs of resources/updated.
    uri = getattr(getattr(message, "params", None), "uri", None)
    if getattr(message, "method", None) == "notifications/resources/updated" and uri is not None:
        updated.append(str(uri))


def text(result) -> str:
    return "\n".join(c.text for c in result.content if c.type == "text")


def outcome(result) -> dict:
    return {"text": text(result), "is_error": bool(result.is_error), "structured": result.structured_content}


def relay_env(relay_home: str) -> dict:
    """The SDK starts servers with a minimal environment (PATH, HOME, …): pass on the start timeout test.sh sets."""
    env = {"RELAY_HOME": relay_home}
    if "RELAY_MCP_START_TIMEOUT" in os.environ:
        env["RELAY_MCP_START_TIMEOUT"] = os.environ["RELAY_MCP_START_TIMEOUT"]
    return env


async def main() -> None:
    params = StdioServerParameters(command=relay, args=["mcp", "--home", home, "--timeout", "5"], env=relay_env(home))
    # Session 1: a client that offers elicitation.
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write, elicitation_callback=accept, message_handler=on_message) as session:
            init = await session.initialize()
            report["server_name"] = init.server_info.name
            tools = (await session.list_tools()).tools
            report["tool_names"] = [t.name for t in tools]
            for name in ["settings_set_toggle", "clock_cancel_all_alarms", "settings_get_toggle", "relay_command", "groceries_add_item", "groceries_clear_list"]:
                t = next((t for t in tools if t.name == name), None)
                if t is not None:
                    a = t.annotations
                    report[f"tool:{name}"] = {
                        "schema": t.input_schema,
                        "readOnlyHint": a.read_only_hint if a else None,
                        "destructiveHint": a.destructive_hint if a else None,
                        "idempotentHint": a.idempotent_hint if a else None,
                    }
            await session.subscribe_resource("relay://state/settings")
            before = (await session.read_resource("relay://state/settings")).contents[0].text
            report["wifi_call"] = outcome(await session.call_tool("settings_set_toggle", {"toggle": "wifi", "on": False}))
            after = (await session.read_resource("relay://state/settings")).contents[0].text
            report["settings_before"] = json.loads(before)
            report["settings_after"] = json.loads(after)
            await session.call_tool("settings_get_toggle", {"toggle": "wifi"})  # a read: no update
            report["updated"] = list(updated)
            await session.call_tool("clock_set_alarm", {"time": "07:30"})
            report["cancel_with_elicitation"] = outcome(await session.call_tool("clock_cancel_all_alarms", {}))
            report["alarms_after_cancel"] = outcome(await session.call_tool("clock_list_alarms", {}))
            report["elicitations"] = list(elicitations)
            report["command"] = outcome(await session.call_tool("relay_command", {"text": "set the brightness to 30 percent"}))
            report["resources"] = [str(r.uri) for r in (await session.list_resources()).resources]
            report["prompts"] = [p.name for p in (await session.list_prompts()).prompts]
            # The external MCP servers of mcp.json, reached through relay mcp.
            report["remote_add"] = outcome(await session.call_tool("groceries_add_item", {"item": "Apples", "quantity": 3}))
            report["remote_list"] = outcome(await session.call_tool("groceries_list_items", {}))
            report["flaky_crash"] = outcome(await session.call_tool("flaky_crash", {}))
            report["flaky_after_crash"] = outcome(await session.call_tool("flaky_echo", {"text": "back"}))
            report["flaky_garbage"] = outcome(await session.call_tool("flaky_garbage", {}))
            report["flaky_after_garbage"] = outcome(await session.call_tool("flaky_echo", {"text": "again"}))
            report["flaky_hang"] = outcome(await session.call_tool("flaky_hang", {}))
            report["flaky_after_hang"] = outcome(await session.call_tool("flaky_echo", {"text": "still"}))
            try:
                await session.call_tool("no_such_tool", {})
                report["unknown_tool_error"] = None
            except Exception as e:  # the SDK raises the JSON-RPC error
                report["unknown_tool_error"] = str(e)
            try:
                await session.call_tool("settings_set_level", {"level": "brightness", "percent": 150})
                report["bad_arguments_error"] = None
            except Exception as e:
                report["bad_arguments_error"] = str(e)
            report["still_serving"] = outcome(await session.call_tool("settings_get_toggle", {"toggle": "wifi"}))
    # Session 2: a client without elicitation gets a result that asks for a second call. (A home without mcp.json:
    # this session needs no plugin servers, whose Python start-up would only cost time.)
    plain = os.path.join(home, "plain")
    os.makedirs(plain, exist_ok=True)
    params = StdioServerParameters(command=relay, args=["mcp", "--home", plain], env=relay_env(plain))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            await session.call_tool("clock_set_alarm", {"time": "08:15"})
            report["cancel_without_elicitation"] = outcome(await session.call_tool("clock_cancel_all_alarms", {}))
            report["cancel_confirmed"] = outcome(await session.call_tool("clock_cancel_all_alarms", {"confirmed": True}))
    print(json.dumps(report))


asyncio.run(main())

"""The official Python MCP SDK as a client of `relay mcp --http` (run by MCPCLITests), plus raw HTTP requests that
a hostile or confused client might send.

Usage: http_client.py RELAY_BINARY HOME. Starts `relay mcp --http 127.0.0.1:0 --token-file …`, reads the address it
prints, and prints one JSON object of observations; the Swift test asserts on them.
"""

import asyncio
import json
import os
import re
import sys

import httpx2
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client

relay, home = sys.argv[1], sys.argv[2]
report: dict = {}
TOKEN = "s3cret-token"
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}
ACCEPT = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


async def main() -> None:
    token_file = os.path.join(home, "token")
    with open(token_file, "w") as f:
        f.write(TOKEN + "\n")
    process = await asyncio.create_subprocess_exec(
        relay, "mcp", "--http", "127.0.0.1:0", "--token-file", token_file, "--home", home,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        line = (await asyncio.wait_for(process.stderr.readline(), 60)).decode()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/mcp", line)
        report["listening"] = line.strip()
        if not match:
            raise SystemExit(f"no address in {line!r}")
        port = int(match.group(1))
        url = f"http://127.0.0.1:{port}/mcp"
        async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
            async with streamable_http_client(url, http_client=client) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    tools = (await session.list_tools()).tools
                    report["tool_count"] = len(tools)
                    report["has_set_toggle"] = any(t.name == "settings_set_toggle" for t in tools)
                    result = await session.call_tool("settings_set_toggle", {"toggle": "bluetooth", "on": False})
                    report["call"] = {"text": "\n".join(c.text for c in result.content), "is_error": bool(result.is_error)}
                    state = json.loads((await session.read_resource("relay://state/settings")).contents[0].text)
                    report["bluetooth_after"] = state["toggles"]["bluetooth"]
        async with httpx2.AsyncClient(timeout=30) as raw:
            r = await raw.post(url, json=INIT, headers=ACCEPT)
            report["no_token"] = r.status_code
            auth = {"Authorization": f"Bearer {TOKEN}"}
            r = await raw.post(url, json=INIT, headers={**ACCEPT, **auth, "Authorization": "Bearer wrong"})
            report["wrong_token"] = r.status_code
            r = await raw.post(url, json=INIT, headers={**ACCEPT, **auth, "Origin": "http://evil.example"})
            report["evil_origin"] = r.status_code
            r = await raw.post(url, json=INIT, headers={**ACCEPT, **auth, "Host": f"rebound.example:{port}"})
            report["rebound_host"] = r.status_code
            r = await raw.post(url, json=INIT, headers={**ACCEPT, **auth, "Origin": f"http://localhost:{port}"})
            report["local_origin"] = r.status_code
            r = await raw.post(url, content=b"{not json", headers={**ACCEPT, **auth})
            report["bad_json"] = {"status": r.status_code, "body": r.text[:300]}
            r = await raw.post(url, content=b"[" + b" " * (5 << 20) + b"]", headers={**ACCEPT, **auth})
            report["huge_body"] = r.status_code
            r = await raw.post(url, json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, headers={**ACCEPT, **auth})
            report["no_session"] = r.status_code
            r = await raw.get(f"http://127.0.0.1:{port}/elsewhere", headers=auth)
            report["wrong_path"] = r.status_code
            # Headers without end, and a connection that sends half a request and stalls.
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Filler: " + b"a" * (80 << 10) + b"\r\n\r\n")
            await writer.drain()
            report["huge_headers"] = (await asyncio.wait_for(reader.readline(), 30)).decode().strip()
            writer.close()
            _, stalled = await asyncio.open_connection("127.0.0.1", port)
            stalled.write(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
            await stalled.drain()
            # After all that, the server still serves a new session.
            r = await raw.post(url, json=INIT, headers={**ACCEPT, **auth})
            report["still_serving"] = r.status_code
            stalled.close()
        report["exit_before_stop"] = process.returncode
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()
    print(json.dumps(report))


asyncio.run(main())

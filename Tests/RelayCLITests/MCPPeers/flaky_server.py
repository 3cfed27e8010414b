"""An MCP server (PyPI `mcp` 2.x MCPServer) that misbehaves on request, for MCPCLITests: it crashes mid-call,
hangs, or writes a line that is not JSON-RPC. `echo` works, so a test can see the server come back."""

import os
import sys
import time

from mcp.server.mcpserver import MCPServer
from mcp.types import ToolAnnotations

server = MCPServer("flaky")
# The SDK moves the protocol off fd 1 (so stray prints cannot corrupt it) onto a private duplicate; remember the
# pipe's identity to find that duplicate and write garbage onto the wire itself.
WIRE = os.fstat(1).st_ino


@server.tool(annotations=ToolAnnotations(readOnlyHint=True))
def echo(text: str) -> str:
    """Say the text back."""
    return f"echo: {text} (pid {os.getpid()})"


@server.tool()
def crash() -> str:
    """Die in the middle of the call."""
    sys.stderr.write("flaky: about to crash\n")
    sys.stderr.flush()
    os._exit(3)


@server.tool()
def hang() -> str:
    """Never answer."""
    time.sleep(3600)
    return "too late"


@server.tool()
def garbage() -> str:
    """Write a line that is not JSON-RPC on stdout."""
    for fd in range(3, 256):
        try:
            if os.fstat(fd).st_ino == WIRE:
                os.write(fd, b"this is not json\n")
        except OSError:
            pass
    time.sleep(3600)
    return "never"


if __name__ == "__main__":
    server.run()

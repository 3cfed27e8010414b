"""A Relay plugin written as an MCP server in Python: a shopping list.

Relay starts it from <home>/mcp.json (see mcp.json next to this file and docs/mcp.md); each tool below becomes the
action `groceries.<tool>`, reachable by `relay call`, by `relay say` through the sentences mcp.json declares, by the
model, and by MCP clients of `relay mcp`. The annotations set Relay's permissions: readOnlyHint → read,
destructiveHint → destructive (asks for confirmation), neither → write.

Built on the official Python SDK (PyPI `mcp` 2.x, whose MCPServer is the former FastMCP). The list lives in the
JSON file $GROCERIES_FILE (default ./groceries.json), written whole and renamed so a crash never leaves half a file.
"""

import json
import os
import tempfile

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations

server = MCPServer("groceries", instructions="A shopping list: add, list, remove and clear items.")
LIST_FILE = os.environ.get("GROCERIES_FILE", "groceries.json")


def load() -> dict[str, int]:
    try:
        with open(LIST_FILE, encoding="utf-8") as f:
            return {str(k): int(v) for k, v in json.load(f).items()}
    except FileNotFoundError:
        return {}


def save(items: dict[str, int]) -> None:
    folder = os.path.dirname(os.path.abspath(LIST_FILE))
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8") as f:
        json.dump(items, f, indent=2, sort_keys=True)
        temporary = f.name
    os.replace(temporary, LIST_FILE)


@server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False))
def add_item(item: str, quantity: int = 1) -> str:
    """Add an item to the shopping list (or more of one already on it)."""
    if quantity < 1:
        raise ToolError("quantity must be at least 1")
    items = load()
    name = item.strip().lower()
    items[name] = items.get(name, 0) + quantity
    save(items)
    return f"Added {quantity} {name} to the shopping list; it now has {items[name]}."


@server.tool(annotations=ToolAnnotations(readOnlyHint=True))
def list_items() -> dict[str, int]:
    """List what is on the shopping list, with quantities."""
    return load()


@server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True))
def remove_item(item: str) -> str:
    """Take an item off the shopping list."""
    items = load()
    name = item.strip().lower()
    if name not in items:
        # ToolError's message reaches the user; any other exception shows only "Error executing tool remove_item".
        raise ToolError(f"{name} is not on the shopping list")
    del items[name]
    save(items)
    return f"Removed {name} from the shopping list."


@server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
def clear_list() -> str:
    """Empty the whole shopping list."""
    count = len(load())
    save({})
    return f"Cleared the shopping list ({count} items)."


if __name__ == "__main__":
    server.run()  # stdio; server.run("streamable-http", port=8000) serves HTTP at /mcp

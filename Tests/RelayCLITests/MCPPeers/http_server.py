"""Runs the Groceries sample (Samples/MCP/groceries) as a Streamable HTTP MCP server on a free loopback port, for
MCPCLITests. Usage: http_server.py GROCERIES_PY PORT_FILE. Writes the port to PORT_FILE once it is chosen."""

import os
import runpy
import socket
import sys

sample, port_file = sys.argv[1], sys.argv[2]
with socket.socket() as probe:  # a port the system considers free; the server binds it a moment later
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = runpy.run_path(sample, run_name="groceries_sample")["server"]
with open(port_file + ".tmp", "w") as f:
    f.write(str(port))
os.replace(port_file + ".tmp", port_file)
server.run("streamable-http", host="127.0.0.1", port=port)

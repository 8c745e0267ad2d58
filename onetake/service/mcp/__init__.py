"""The MCP door: the v3 agent's operations as MCP tools (official `mcp` SDK), over stdio (`onetake mcp`) or at /mcp on `onetake serve`."""

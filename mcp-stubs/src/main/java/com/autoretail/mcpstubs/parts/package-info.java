/**
 * The parts dealer system: the seeded catalogue with stock, reservations against repair orders, compatibility, and
 * its MCP tools.
 */
package com.autoretail.mcpstubs.parts;

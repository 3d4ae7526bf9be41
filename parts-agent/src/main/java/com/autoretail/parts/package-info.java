/**
 * The parts agent: its operations over the parts MCP server, the part number check and the composite search for
 * alternatives.
 */
package com.autoretail.parts;

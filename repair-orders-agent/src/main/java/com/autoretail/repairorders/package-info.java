/**
 * The repair-orders agent: its operations over the repair-orders MCP server, the status transition matrix and the
 * composite repair history.
 */
package com.autoretail.repairorders;

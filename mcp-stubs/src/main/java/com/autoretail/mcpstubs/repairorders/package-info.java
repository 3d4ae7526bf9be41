/**
 * The repair-orders dealer system: repair orders with their status transitions, technicians, notes and parts, and
 * its MCP tools.
 */
package com.autoretail.mcpstubs.repairorders;

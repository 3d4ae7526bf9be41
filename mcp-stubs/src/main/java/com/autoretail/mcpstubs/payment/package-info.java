/**
 * The payment dealer system: the ledger of payment links, refunds and notifications, and its MCP tools.
 */
package com.autoretail.mcpstubs.payment;

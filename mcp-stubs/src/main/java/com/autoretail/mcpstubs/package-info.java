/**
 * The MCP stubs: one application that runs as the payment, repair-orders or parts dealer system ({@code --stub=}),
 * its settings and the choice of stub.
 */
package com.autoretail.mcpstubs;

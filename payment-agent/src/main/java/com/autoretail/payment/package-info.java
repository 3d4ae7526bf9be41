/**
 * The payment agent: its operations over the payment MCP server and the local validation of payment data.
 */
package com.autoretail.payment;

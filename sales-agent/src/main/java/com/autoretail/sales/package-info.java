/**
 * The sales agent: its application, settings and its one agent operation, a conversational turn.
 */
package com.autoretail.sales;

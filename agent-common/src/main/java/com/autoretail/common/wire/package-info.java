/**
 * The agent contract on the wire: the records of {@code /execute}, {@code /capabilities}, {@code /health} and async
 * tasks, the error codes, all in snake_case; nothing here is one service's own.
 */
package com.autoretail.common.wire;

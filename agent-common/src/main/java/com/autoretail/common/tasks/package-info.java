/**
 * Asynchronous operations: the tasks of {@code /execute-async} with their status, and the callbacks that deliver
 * their final response with retries.
 */
package com.autoretail.common.tasks;

/**
 * The web concerns every service shares: the body size limit, requests per caller and RFC 9457 problem answers
 * with a request_id, never a stack trace.
 */
package com.autoretail.common.web;

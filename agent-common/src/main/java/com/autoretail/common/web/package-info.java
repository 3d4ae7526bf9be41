/**
 * The web concerns every service shares: the body size limit, and RFC 9457 problem answers with a request_id, never
 * a stack trace, also for what Tomcat refuses itself ({@code ConnectorErrorValve}).
 */
package com.autoretail.common.web;

/**
 * Who may call a service: the caller's identity and roles, as every service of the fleet reads them.
 */
package com.autoretail.common.security;

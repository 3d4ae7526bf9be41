/**
 * Who may call a service: the caller's identity and roles, as every service of the fleet reads them
 * ({@link com.autoretail.common.security.Caller}), and the one Spring Security filter chain that establishes them
 * (API keys by name and role, JWT bearer tokens, per-endpoint role rules, open mode and the {@code prod} refusal),
 * and how often each caller may call ({@link com.autoretail.common.security.RateLimitFilter}).
 */
package com.autoretail.common.security;

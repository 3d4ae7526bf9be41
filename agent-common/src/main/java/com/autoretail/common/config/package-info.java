/**
 * The auto-configuration that gives an application with one {@code BaseAgentService} bean the whole agent contract,
 * its settings ({@code agent.*}) and the defaults every service of the fleet shares, the LLM switch included.
 */
package com.autoretail.common.config;

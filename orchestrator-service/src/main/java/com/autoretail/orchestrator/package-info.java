/**
 * The orchestrator application and its settings ({@code orchestrator.*}): the one {@code @ConfigurationProperties}
 * record every feature package reads.
 */
package com.autoretail.orchestrator;

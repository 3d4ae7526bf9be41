package com.autoretail.common.agent;

/**
 * Who an agent is.
 *
 * @param serviceName the service's name, e.g. {@code parts-agent}
 * @param serviceKey  its key in workflow plans, e.g. {@code parts}
 * @param description one line on what it does
 */
public record AgentInfo(String serviceName, String serviceKey, String description) {
}

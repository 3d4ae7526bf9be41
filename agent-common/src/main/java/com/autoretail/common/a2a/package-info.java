/**
 * The fleet on the Agent2Agent (A2A) protocol: every agent's Agent Card at {@code /.well-known/agent-card.json}
 * (derived from its {@code /capabilities}: a skill per operation, each operation's parameter schema in a card
 * extension) and its JSON-RPC endpoint {@code POST /a2a}, where {@code message/send} with a DataPart
 * {@code {"operation", "parameters"}} runs the operation as {@code /execute} does, idempotency included. The protocol's
 * types are the A2A Java SDK's ({@code io.a2a.spec}); the binding is Spring MVC, since the SDK's server modules are
 * built for Jakarta CDI (Quarkus). {@link com.autoretail.common.a2a.A2aProtocol} is the JSON-RPC framing every
 * service of the fleet shares.
 */
package com.autoretail.common.a2a;

package com.autoretail.common.agent;

import com.autoretail.common.mcp.McpToolClient;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.common.wire.AgentServiceRequest;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base of every agent of the fleet. An agent application declares one bean extending this class and gets
 * the whole agent contract ({@code /health}, {@code /capabilities}, {@code /execute}, {@code /execute-async},
 * {@code /status/{task_id}}) from the auto-configuration.
 *
 * <p>Operations come from two places: the tools that the agent's MCP server lists ({@code source: mcp},
 * discovered at start and again whenever the server comes back or announces a change), and the agent's own
 * {@link #localOperations()} ({@code local} or {@code composite}). An agent refines discovered operations
 * (side effects, compensation, a stricter schema) in {@link #refineMcpOperation(OperationSpec)}, adds business
 * checks in {@link #validateBusinessRules(String, Map)} and implements its own operations in
 * {@link #executeOperationImpl(AgentServiceRequest)}, calling {@code super} for the MCP-backed ones.
 */
public abstract class BaseAgentService {

    private final AgentInfo info;
    private final AgentToolkit toolkit;
    private volatile OperationCatalog catalog = OperationCatalog.EMPTY;

    protected BaseAgentService(AgentInfo info, AgentToolkit toolkit) {
        this.info = info;
        this.toolkit = toolkit;
    }

    public final AgentInfo info() {
        return info;
    }

    /** The operations this agent carries out itself: {@code local} and {@code composite} ones. */
    protected abstract List<OperationSpec> localOperations();

    /**
     * Adjusts an operation discovered from the MCP server's {@code tools/list}. By default it is taken as
     * listed, with side effects unless the tool says it is read-only.
     */
    protected OperationSpec refineMcpOperation(OperationSpec discovered) {
        return discovered;
    }

    /** Business checks beyond the schema; each failing field named. None by default. */
    protected List<FieldError> validateBusinessRules(String operation, Map<String, Object> parameters) {
        return List.of();
    }

    /**
     * Carries out a validated request and returns its result. The default calls the MCP tool of the same
     * name for an MCP-backed operation; an agent overrides this for its local and composite operations.
     *
     * @throws AgentException for a failure with a contract error code
     */
    protected Object executeOperationImpl(AgentServiceRequest request) throws Exception {
        OperationSpec spec = operation(request.operation())
                .orElseThrow(() -> unknownOperation(request.operation()));
        if (spec.source() != OperationSource.MCP) {
            throw new AgentException(ErrorCode.INTERNAL,
                    "Operation " + spec.name() + " is declared " + spec.source().wireName() + " but not implemented");
        }
        return callMcpTool(spec.name(), request.parameters());
    }

    /** Every operation of this agent: the discovered MCP ones, refined, then the agent's own. */
    public final List<OperationSpec> getAvailableOperations() {
        return currentCatalog().specs();
    }

    public final Optional<OperationSpec> operation(String name) {
        return Optional.ofNullable(currentCatalog().spec(name));
    }

    /**
     * Checks parameters against the operation's JSON schema, then against the agent's business rules.
     *
     * @return every failing field, empty when the parameters are valid
     * @throws AgentException {@code UNKNOWN_OPERATION} when the operation is not listed
     */
    public final List<FieldError> validateOperation(String operation, Map<String, Object> parameters) {
        OperationCatalog current = currentCatalog();
        if (current.spec(operation) == null) {
            throw unknownOperation(operation);
        }
        List<FieldError> errors = new ArrayList<>(current.validate(operation, parameters));
        if (errors.isEmpty()) {
            errors.addAll(validateBusinessRules(operation, parameters));
        }
        return errors;
    }

    /**
     * The failure for an operation that is not listed: {@code UNKNOWN_OPERATION}, or
     * {@code UPSTREAM_UNAVAILABLE} while the MCP server, which may provide it, has never been reached.
     */
    final AgentException unknownOperation(String operation) {
        boolean mcpNeverListed = toolkit.mcp().map(mcp -> !mcp.connected() && mcp.tools().isEmpty()).orElse(false);
        if (mcpNeverListed) {
            return new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE, "Operation '" + operation
                    + "' is not known while the dealer system is unreachable; retry shortly");
        }
        return new AgentException(ErrorCode.UNKNOWN_OPERATION,
                "Unknown operation '" + operation + "'; this agent offers " + currentCatalog().names());
    }

    /** The tools the MCP server lists now (the last known list while it is unreachable). */
    public final List<McpSchema.Tool> discoverMcpTools() {
        return toolkit.mcp().map(McpToolClient::tools).orElse(List.of());
    }

    /**
     * Calls one MCP tool and returns its result: the structured content, or the JSON the text content holds.
     *
     * @throws AgentException mapped from the tool's error, or {@code UPSTREAM_UNAVAILABLE}/{@code TIMEOUT}
     */
    public final Object callMcpTool(String toolName, Map<String, Object> arguments) {
        return toolkit.mcp()
                .orElseThrow(() -> new AgentException(ErrorCode.UPSTREAM_UNAVAILABLE,
                        info.serviceName() + " has no MCP server configured"))
                .call(toolName, arguments);
    }

    /** POSTs a final response to a callback URL, retried with backoff; a failure is logged, never thrown. */
    public final void sendCallback(String callbackUrl, AgentServiceResponse response) {
        toolkit.callbacks().send(callbackUrl, response);
    }

    /** The dependencies reported in {@code /health}; the MCP server when one is configured. */
    protected Map<String, AgentHealth.Dependency> dependencies() {
        Map<String, AgentHealth.Dependency> dependencies = new LinkedHashMap<>();
        toolkit.mcp().ifPresent(mcp -> dependencies.put("mcp", mcp.health()));
        return dependencies;
    }

    /**
     * Whether the agent is DOWN (503) while this dependency is down. True by default; an agent that still serves
     * without a dependency (answering with an apology, say) says false for it.
     */
    protected boolean requires(String dependency) {
        return true;
    }

    /**
     * Fields of the agent's own at the top of {@code /health}'s body, after {@code status}, from the dependencies
     * just checked (e.g. the sales agent's {@code inventory_service}). None by default.
     */
    protected Map<String, Object> healthDetails(Map<String, AgentHealth.Dependency> dependencies) {
        return Map.of();
    }

    /** {@code dependencies()} as read for {@code /health}. */
    final Map<String, AgentHealth.Dependency> checkDependencies() {
        return dependencies();
    }

    private OperationCatalog currentCatalog() {
        List<McpSchema.Tool> tools = discoverMcpTools();
        OperationCatalog current = catalog;
        if (!current.builtFrom(tools)) {
            current = OperationCatalog.build(tools, this::refineMcpOperation, localOperations());
            catalog = current;
        }
        return current;
    }
}

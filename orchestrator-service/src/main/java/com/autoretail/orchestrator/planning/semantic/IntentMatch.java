package com.autoretail.orchestrator.planning.semantic;

/**
 * How close a clause is to one operation.
 *
 * @param service        the service's key in plans, e.g. {@code payment}
 * @param operation      the operation's name, e.g. {@code check_payment_status}
 * @param score          the cosine of the clause's and the closest example's embeddings, negatives as 0: in [0, 1]
 * @param closestExample the example utterance (or the operation's description) that scored, as written in its file
 */
public record IntentMatch(String service, String operation, double score, String closestExample) {

    /** {@code service.operation}, as the corpus and the plans' summaries name an operation. */
    public String qualifiedName() {
        return service + "." + operation;
    }
}

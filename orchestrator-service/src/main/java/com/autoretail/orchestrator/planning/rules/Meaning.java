package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.util.List;

/**
 * What a clause means by its sentence, not its words: the operations a matcher by meaning (the sentence-embedding
 * {@code planning.semantic.IntentMatcher}) ranks as close, turned into the rule planner's intents. It is consulted
 * for a clause only when the rules found nothing in it, and it never decides a change alone on a weak score: an
 * intent that changes something needs a high score (0.8), a read only the matcher's own threshold. The
 * entities still come from the rules, so an operation proposed without the ids it needs is refused as before.
 */
@FunctionalInterface
public interface Meaning {

    /** No matcher by meaning: the rules alone. */
    Meaning NONE = (clause, catalog) -> List.of();

    /** One operation ({@code service.operation}) the clause may ask for, and how sure the matcher is, 0 to 1. */
    record Proposal(String operation, double score) {
    }

    /** The operations the clause may ask for, the closest first; empty when the matcher has no idea. */
    List<Proposal> propose(String clause, ServiceCatalog catalog);
}

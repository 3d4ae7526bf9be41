/**
 * Intent matching by meaning: one clause of a request ranked against every operation of the healthy services by
 * the cosine of sentence embeddings (all-MiniLM-L6-v2, quantized, in-process), over example utterances kept in
 * {@code planning/examples/<service>/<operation>.txt} or, for an operation without examples, its description. It
 * owns the model, the examples and their vectors; it plans nothing. {@code IntentMatcher} and {@code IntentMatch}
 * are seen outside.
 */
package com.autoretail.orchestrator.planning.semantic;

/**
 * The planner's yardstick: the labelled corpus of requests as service advisors and customers write them
 * ({@code planning/corpus/development.json} and {@code held-out.json}), how one plan is scored against its label, and
 * the planning service it is measured on. Shared through the orchestrator's test jar with the bench module, so that
 * {@code CorpusTest} and {@code ./fleet bench planner} score the same way.
 */
package com.autoretail.orchestrator.planning.corpus;

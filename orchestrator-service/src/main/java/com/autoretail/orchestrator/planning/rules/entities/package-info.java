/**
 * What a request names, read from its words: repair orders, parts, amounts, emails, ids, statuses, quantities,
 * vehicles, each in the formats service advisors write them. Knows nothing of intents or plans; the rule planner
 * around it decides what the entities are for.
 */
package com.autoretail.orchestrator.planning.rules.entities;

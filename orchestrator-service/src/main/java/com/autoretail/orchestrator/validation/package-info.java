/**
 * What makes a plan valid: services and operations of the healthy catalog, parameters against each operation's JSON
 * schema, dependencies, references and bounds; {@code ValidatedPlan} is the only thing the executor runs.
 */
package com.autoretail.orchestrator.validation;

/**
 * The operation policy: what a caller's roles allow a plan to do, which operations are test hooks, where
 * {@code failure_handling: skip} is refused, which steps wait for a person's approval (by rule and by the risk tier
 * each agent publishes), and who sees a workflow. Also the approval record a waiting workflow carries, with its audit
 * trail. It decides; the workflow package pauses, resumes and journals.
 */
package com.autoretail.orchestrator.policy;

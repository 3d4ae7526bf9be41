/**
 * Reading what people write: a count as written around its digits ("1,000", and "-5" or "2.5" as no count of whole
 * units), shared by the orchestrator's rule planner and the sales agent's conversation.
 */
package com.autoretail.common.text;

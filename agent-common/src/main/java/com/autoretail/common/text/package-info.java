/**
 * Reading what people write: a count as written around its digits ("1,000", and "-5" or "2.5" as no count of whole
 * units) and a minus sign against a number, shared by the orchestrator's rule planner and the sales agent.
 */
package com.autoretail.common.text;

/**
 * The fleet's benchmarks, run by {@code ./fleet bench}: a load generator against a running fleet, the side-by-side
 * measures, JMH for the rule planner, and the report.
 */
package com.autoretail.bench;

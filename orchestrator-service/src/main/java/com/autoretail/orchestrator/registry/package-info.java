/**
 * Which agents there are: every instance's health and capabilities, read at start and at each discovery round, the
 * pick of a healthy instance, and the catalog of healthy services that plans are made against.
 */
package com.autoretail.orchestrator.registry;

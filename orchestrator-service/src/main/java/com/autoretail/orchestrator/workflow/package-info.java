/**
 * How a request becomes an answer: the workflow use case (plan or validate, run, summarize, replay a known
 * request_id), its records and their stores (memory or Redis), and the request and response records of the API.
 */
package com.autoretail.orchestrator.workflow;

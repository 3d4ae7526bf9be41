package com.autoretail.e2e;

/**
 * A workflow's event stream played inside the browser (a {@code fetch} that answers for one made-up workflow,
 * {@code stream-demo}, and passes every other call through): the console's stream reader checked against the
 * event format the orchestrator serves, whether or not this orchestrator has the stream yet. The first connection
 * breaks off after event 3 (with a keep-alive comment, and every event cut across chunks); the second must ask for
 * what follows with {@code Last-Event-ID: 3}, gets a retry, a failure and a compensation, then, 3 s later,
 * {@code workflow_ended}; the workflow's record answers the summary from then on. {@code window.__lastEventIds}
 * lists the Last-Event-ID of each connection, {@code window.__ended} says whether the end was sent.
 */
final class ScriptedEventStream {

    static final String WORKFLOW = "stream-demo";

    static final String INSTALL = """
            const real = window.fetch;
            const id = 'stream-demo';
            const steps = [{step_id: 'reserve', agent: 'parts', operation: 'reserve_parts', depends_on: []},
                           {step_id: 'pay', agent: 'payment', operation: 'create_payment_link', depends_on: ['reserve']}];
            const hostile = '<img src=x onerror="window.__pwned=2">';
            const event = (seq, type, stepId, payload) => 'id: ' + seq + '\\nevent: ' + type + '\\ndata: '
              + JSON.stringify({workflow_id: id, seq, type, step_id: stepId, time: new Date().toISOString(), payload})
              + '\\n\\n';
            const first = event(1, 'workflow_planned', null, {steps, planner: 'rules'})
              + event(2, 'step_started', 'reserve', {agent: 'parts', operation: 'reserve_parts', attempt: 1})
              + ': ping\\n\\n'
              + event(3, 'step_retried', 'reserve', {attempt: 2, error: 'timeout'});
            const second = event(4, 'step_started', 'reserve', {agent: 'parts', operation: 'reserve_parts', attempt: 2})
              + event(5, 'step_completed', 'reserve', {execution_time_ms: 12.3})
              + event(6, 'step_started', 'pay', {agent: 'payment', operation: 'create_payment_link', attempt: 1})
              + event(7, 'step_failed', 'pay', {error: 'declined ' + hostile, code: 'CONFLICT'})
              + event(8, 'compensation_started', null, {steps: ['reserve']})
              + event(9, 'step_compensated', 'reserve', {operation: 'release_reservation'});
            const ended = event(10, 'workflow_ended', null, {status: 'failed', duration_ms: 123});
            const chunks = text => text.match(/[\\s\\S]{1,7}/g);
            const encoder = new TextEncoder();
            const record = () => window.__ended
              ? {request_id: id, status: 'failed', user_request: 'stream', final_result: 'STREAM SUMMARY',
                 workflow_plan: {execution_steps: steps.map(s => ({step_id: s.step_id, service_name: s.agent,
                   operation: s.operation, dependencies: s.depends_on}))},
                 execution_results: {steps: {
                   reserve: {status: 'compensated', attempts: 2, execution_time: 0.0123,
                     compensation: {operation: 'release_reservation', success: true}},
                   pay: {status: 'failed', attempts: 1, execution_time: 0.004, error: 'declined'}}}}
              : {request_id: id, status: 'executing', user_request: 'stream'};
            window.__lastEventIds = [];
            window.__ended = false;
            window.fetch = async (url, init = {}) => {
              const path = String(url);
              if (path.endsWith('/workflow/' + id + '/events')) {
                const last = (init.headers || {})['Last-Event-ID'] ?? null;
                window.__lastEventIds.push(last);
                const body = new ReadableStream({async start(controller) {
                  chunks(last === null ? first : second).forEach(c => controller.enqueue(encoder.encode(c)));
                  if (last !== null) {
                    await new Promise(resolve => setTimeout(resolve, 3000));
                    window.__ended = true;
                    chunks(ended).forEach(c => controller.enqueue(encoder.encode(c)));
                  }
                  controller.close();
                }});
                return new Response(body, {status: 200, headers: {'Content-Type': 'text/event-stream'}});
              }
              if (path.endsWith('/workflow/' + id)) {
                return new Response(JSON.stringify(record()),
                  {status: 200, headers: {'Content-Type': 'application/json'}});
              }
              return real(url, init);
            };
            """;

    private ScriptedEventStream() {
    }
}

package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console in headless Chromium against the fleet's processes: an orchestrator with API keys (an operator who
 * approves, and a viewer) and payment links above 200 waiting for approval. The page says 401 and 403 plainly, runs
 * the example request from its request box and draws its DAG to 4/4, lets an approver approve a waiting workflow,
 * and shows a failed step with the compensation of the step before it; a hostile request is shown as text; and it
 * follows a workflow's event stream, resuming after the last event seen ({@link ScriptedEventStream}). The real
 * workflows are read from the orchestrator's event stream too, never polled: the page says so, and lists their
 * events (an ended one's replayed). Each test leaves a screenshot in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String DESK_KEY = "console-desk-key-0123456789";
    private static final String READER_KEY = "console-reader-key-0123456789";
    private static final String SEED_REQUEST = FleetEndToEndTest.SEED_REQUEST;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static FleetProcesses fleet;
    static String console;
    static HttpJson desk;
    static HeadlessChromium chromium;
    static ChromeDriver browser;

    @BeforeAll
    static void startAnOrchestratorWithKeysAndABrowser() {
        fleet = FleetProcesses.get();
        FleetProcesses.Service orchestrator = fleet.startInstance("console-orchestrator", "orchestrator", Map.of(
                "AGENT_SECURITY_KEYS_DESK_KEY", DESK_KEY, "AGENT_SECURITY_KEYS_DESK_ROLES", "operator,approver",
                "AGENT_SECURITY_KEYS_READER_KEY", READER_KEY, "AGENT_SECURITY_KEYS_READER_ROLES", "viewer",
                "APPROVAL_PAYMENT_LINKS_ABOVE", "200"), List.of());
        console = orchestrator.url() + "/console";
        desk = new HttpJson(orchestrator.url(), Map.of("X-API-Key", DESK_KEY));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                "UP".equals(desk.get("/health").text("status")));
        chromium = new HeadlessChromium();
        browser = chromium.driver();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) {
        chromium.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    @Order(1)
    void saysPlainlyWhenTheKeyIsMissingWrongOrWithoutTheRoleAndListsTheServices() {
        browser.get(console);

        assertThat(waitForText("banner", "401")).contains("API key is missing or wrong");
        wait(PATIENCE).until(d -> rows("services").size() == 5);   // the open /health lists them without a key

        useKey(READER_KEY);
        assertThat(waitForText("whoami", "reader")).contains("viewer");
        type("request", SEED_REQUEST);
        click("run");
        assertThat(waitForText("banner", "403")).contains("403 Forbidden");

        useKey(DESK_KEY);
        assertThat(waitForText("whoami", "desk")).contains("approver, operator");
        wait(PATIENCE).until(d -> cellsOf("services").contains("closed"));
        assertThat(cellsOf("services")).contains("payment", "parts", "repair_orders", "healthy", "operations");
    }

    @Test
    @Order(2)
    void runsTheExampleFromTheRequestBoxAndDrawsItsDagToFourOfFour() {
        openWithKey(DESK_KEY);
        type("request", SEED_REQUEST);

        click("preview");
        wait(PATIENCE).until(d -> states().size() == 4);
        assertThat(text("dag-progress")).isEqualTo("0/4 completed");
        assertThat(states()).containsOnly("pending");
        assertThat(browser.findElements(By.cssSelector("#dag path.edge"))).as("edges by depends_on").isNotEmpty();

        click("run");
        waitForText("dag-progress", "4/4 completed");
        assertThat(states()).hasSize(4).containsOnly("completed");
        assertThat(node("reserve_part_1", "title")).as("timings on hover").contains("took:", " ms");
        assertThat(waitForText("summary", "4/4 steps completed")).contains("AUTOMOTIVE SERVICE EXECUTION SUMMARY");
        assertThat(text("wf-status")).isEqualTo("completed");
        // the record may show the end first (a workflow that ended before the page read it): then its events follow
        wait(PATIENCE).until(d -> eventTypes().contains("workflow_ended"));
        assertThat(text("follow-mode")).as("read from the event stream, live or (when it ended first) replayed")
                .isIn("live events", "events replayed (ended)");
        assertThat(eventTypes()).as("the list of events comes from the stream only").startsWith("workflow_planned")
                .endsWith("workflow_ended").filteredOn("step_completed"::equals).hasSize(4);
        wait(PATIENCE).until(d -> cellsOf("workflows").contains(SEED_REQUEST));
    }

    @Test
    @Order(3)
    void anApproverApprovesAWaitingWorkflowAndWatchesItFinish() {
        openWithKey(DESK_KEY);
        type("request", SEED_REQUEST.replace("100$", "300$"));

        click("run");
        waitForText("wf-status", "awaiting_approval");
        assertThat(waitForText("follow-mode", "live events")).as("not polled").isEqualTo("live events");
        wait(PATIENCE).until(d -> eventTypes().contains("workflow_awaiting_approval"));
        WebElement approval = wait(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval")));
        // the box shows before the workflow's record fills in why it waits
        wait(PATIENCE).until(d -> approval.getText().contains("payment_link_above_200"));
        assertThat(approval.getText()).contains("payment_link_above_200");
        type("approval-comment", "customer confirmed by phone");
        browser.executeScript(HOLD_THE_APPROVAL_ANSWER_UNTIL_THE_END);
        click("approve");

        waitForText("dag-progress", "4/4 completed");
        assertThat(waitForText("wf-status", "completed")).isEqualTo("completed");
        assertThat(browser.findElement(By.id("approval")).isDisplayed()).isFalse();
        assertThat(text("follow-mode")).as("the same stream, across the approval").isEqualTo("live events");
        assertThat(eventTypes()).containsSubsequence("workflow_awaiting_approval", "workflow_approved",
                "step_completed", "workflow_ended");
        String requestId = text("wf-title");
        Reply record = desk.get("/workflow/" + requestId);
        assertThat(record.body().at("/approval/audit/0/comment").asText()).isEqualTo("customer confirmed by phone");
        assertThat(record.body().at("/approval/audit/0/by").asText()).isEqualTo("desk");
    }

    /**
     * The approval's answer (the workflow as the decision left it) held back until the page has shown the workflow's
     * end from its stream, as a busy machine may deliver them: the older answer must not set the page back.
     */
    private static final String HOLD_THE_APPROVAL_ANSWER_UNTIL_THE_END = """
            const real = window.fetch;
            const ended = () => [...document.querySelectorAll('#events li')]
              .some(li => li.textContent.split(' ')[2] === 'workflow_ended');
            window.fetch = async (url, init) => {
              const answer = await real(url, init);
              if (String(url).endsWith('/approve')) {
                for (let waited = 0; waited < 30000 && !ended(); waited += 100) {
                  await new Promise(resolve => setTimeout(resolve, 100));
                }
              }
              return answer;
            };""";

    @Test
    @Order(4)
    void showsAFailedStepAndTheCompensationOfTheStepBeforeItAndAHostileRequestAsText() {
        String id = "console-undo-" + System.nanoTime();
        String hostile = "Reserve and check <img src=x onerror=\\\"window.__pwned=1\\\">";
        Reply reply = desk.post("/execute-plan", """
                {"request_id": "%s", "user_request": "%s", "workflow_plan": {"plan_id": "%s", "execution_steps": [
                  {"step_id": "reserve", "service_name": "parts", "operation": "reserve_parts",
                   "parameters": {"part_numbers": ["1234"], "repair_order_id": "7501"}},
                  {"step_id": "check", "service_name": "repair_orders", "operation": "get_repair_order_details",
                   "parameters": {"repair_order_id": "999999"}, "dependencies": ["reserve"],
                   "failure_handling": "abort"}]}}""".formatted(id, hostile, id));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.text("success")).isEqualTo("false");

        openWithKey(DESK_KEY);
        By row = By.cssSelector("#workflows tr[data-request-id='" + id + "']");
        wait(PATIENCE).until(d -> !browser.findElements(row).isEmpty());
        assertThat(cellsOf("workflows")).contains("<img src=x onerror=\"window.__pwned=1\">");
        wait(PATIENCE).until(d -> {
            browser.findElement(row).click();   // again if the list was redrawn under the click
            return true;
        });

        waitForText("wf-status", "failed");
        wait(PATIENCE).until(d -> "compensated".equals(state("reserve")) && "failed".equals(state("check")));
        assertThat(waitForText("follow-mode", "events replayed")).as("an ended workflow's events, replayed")
                .isEqualTo("events replayed (ended)");
        wait(PATIENCE).until(d -> eventTypes().contains("workflow_ended"));
        assertThat(eventTypes()).containsSubsequence("step_completed", "step_failed", "compensation_started",
                "step_compensated", "workflow_ended");
        assertThat(node("reserve", ".badge")).contains("undone");
        assertThat(node("check", "title")).contains("error:");
        assertThat(node("reserve", "title")).contains("compensation: release_reservation");
        assertThat(browser.executeScript("return window.__pwned === undefined")).as("nothing of a request runs")
                .isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#workflows img"))).isEmpty();
    }

    @Test
    @Order(5)
    void followsAWorkflowFromItsEventStreamAndResumesAfterTheLastEventSeen() {
        openWithKey(DESK_KEY);
        browser.executeScript(ScriptedEventStream.INSTALL);

        browser.executeScript("location.hash = '#workflow=" + ScriptedEventStream.WORKFLOW + "'");

        waitForText("follow-mode", "live events");
        wait(PATIENCE).until(d -> "compensated".equals(state("reserve")) && "failed".equals(state("pay"))
                && Boolean.FALSE.equals(browser.executeScript("return window.__ended")));
        assertThat(node("reserve", ".badge")).as("the retry and the undo, from the events").contains("↻2", "undone");
        assertThat(browser.executeScript("return window.__lastEventIds")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(null, "3");
        assertThat(waitForText("summary", "STREAM SUMMARY")).isEqualTo("STREAM SUMMARY");
        assertThat(text("wf-status")).isEqualTo("failed");
        Object events = browser.executeScript("return [...document.querySelectorAll('#events li')].map(li => li.textContent)");
        assertThat(events).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(10).element(6).asString()
                .contains("step_failed pay", "<img src=x");
        assertThat(browser.executeScript("return window.__pwned === undefined")).isEqualTo(true);
    }

    private static void openWithKey(String key) {
        browser.get(console);
        useKey(key);
        waitForText("whoami", "desk");
    }

    private static void useKey(String key) {
        WebElement field = browser.findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(key);
        click("save-key");
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Waits until the element's text contains {@code part}; answers the whole text. */
    private static String waitForText(String id, String part) {
        wait(PATIENCE).until(d -> text(id).contains(part));
        return text(id);
    }

    private static List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    /** A table's text, read in one go: the page refreshes its rows while the test reads them. */
    private static String cellsOf(String table) {
        return browser.findElement(By.cssSelector("#" + table + " tbody")).getText();
    }

    // the DAG is redrawn on every change: read it with one script, never through elements found before

    /** The types of the events listed under the DAG, in order (the list shows only what the stream sent). */
    @SuppressWarnings("unchecked")
    private static List<String> eventTypes() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#events li')].map(li => li.textContent.split(' ')[2])");
    }

    /** Each step's state, in the order drawn. */
    @SuppressWarnings("unchecked")
    private static List<String> states() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#dag g.node')].map(n => n.dataset.state)");
    }

    private static String state(String stepId) {
        return (String) browser.executeScript("const n = [...document.querySelectorAll('#dag g.node')]"
                + ".find(n => n.dataset.step === arguments[0]); return n ? n.dataset.state : null", stepId);
    }

    /** The text of a part of a step's node: {@code title} (the hover text), {@code .badge}. */
    private static String node(String stepId, String part) {
        return (String) browser.executeScript("const n = [...document.querySelectorAll('#dag g.node')]"
                + ".find(n => n.dataset.step === arguments[0]); return n ? n.querySelector(arguments[1]).textContent"
                + " : null", stepId, part);
    }

    private static WebDriverWait wait(Duration patience) {
        WebDriverWait wait = new WebDriverWait(browser, patience, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}

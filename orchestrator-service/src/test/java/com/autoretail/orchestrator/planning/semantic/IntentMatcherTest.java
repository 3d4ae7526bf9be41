package com.autoretail.orchestrator.planning.semantic;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.testsupport.Catalogs;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The matcher on the real model (inside its jar: no network), loaded once for the class. */
class IntentMatcherTest {

    /** The threshold the orchestrator runs with: its configuration's default. */
    private static final double THRESHOLD = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("orchestrator", OrchestratorProperties.class).planner().semantic().threshold();

    private static final IntentMatcher MATCHER = IntentMatcher.miniLm(THRESHOLD);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Has RO 1040 been paid yet?                 | payment.check_payment_status
            which cards has CUST-9 saved?              | payment.get_payment_methods
            everything that happened on RO 1011        | repair_orders.get_repair_history
            tech TECH-011 is taking RO 1015            | repair_orders.assign_technician
            log a note on RO 1003: customer called     | repair_orders.add_repair_notes
            what else could replace part X-77?         | parts.get_alternative_parts
            put RO 1031 on hold waiting for parts      | repair_orders.update_repair_order_status
            """)
    void ranksTheIssuesParaphrasesOperationFirstAboveTheThreshold(String clause, String operation) {
        List<IntentMatch> ranked = MATCHER.rank(clause, Catalogs.all());

        assertThat(ranked.getFirst().qualifiedName()).isEqualTo(operation);
        assertThat(ranked.getFirst().score()).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(MATCHER.confident(clause, Catalogs.all())).first()
                .extracting(IntentMatch::qualifiedName).isEqualTo(operation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"how's the weather", "hi there", "thanks, bye!", "tell me a joke",
            "what's the capital of France"})
    void scoresSmallTalkUnderTheThresholdForEveryOperation(String clause) {
        List<IntentMatch> ranked = MATCHER.rank(clause, Catalogs.all());

        assertThat(ranked).isNotEmpty().allSatisfy(match -> assertThat(match.score()).isLessThan(THRESHOLD));
        assertThat(MATCHER.confident(clause, Catalogs.all())).isEmpty();
    }

    @Test
    void matchesAnOperationKnownOnlyByItsDescription() {
        OperationSpec loaners = OperationSpec.local("list_loaner_cars",
                "Courtesy loaner vehicles that customers can borrow while their own car is in the shop.",
                Map.of("type", "object"));
        Map<String, Capabilities> services = new LinkedHashMap<>(Catalogs.all().services());
        services.put("loaners", new Capabilities("Loaner Fleet", "loaners", "courtesy cars", "1.0",
                List.of(loaners), List.of()));

        List<IntentMatch> ranked = MATCHER.rank("any courtesy cars free to lend a customer today?",
                new ServiceCatalog(services));

        assertThat(ranked.getFirst().qualifiedName()).isEqualTo("loaners.list_loaner_cars");
        assertThat(ranked.getFirst().score()).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(ranked.getFirst().closestExample()).isEqualTo(loaners.description());
    }

    @Test
    void ranksEveryHealthyOperationOnceClosestFirstWithScoresBetweenZeroAndOne() {
        ServiceCatalog withoutPayment = Catalogs.without("payment");

        List<IntentMatch> ranked = MATCHER.rank("add part BRK-2201 to RO 1004", withoutPayment);

        long operations = withoutPayment.services().values().stream().mapToLong(c -> c.operations().size()).sum();
        assertThat(ranked).hasSize((int) operations)
                .allSatisfy(match -> assertThat(match.score()).isBetween(0.0, 1.0))
                .noneMatch(match -> match.service().equals("payment"));
        assertThat(ranked).extracting(IntentMatch::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranked.getFirst().qualifiedName()).isEqualTo("parts.reserve_parts");
    }

    @Test
    void scoresAClauseAlikeWhateverFormItsIdsAreWrittenIn() {
        double dashed = MATCHER.rank("assign TECH-007 to RO-1004", Catalogs.all()).getFirst().score();
        double plain = MATCHER.rank("assign TECH007 to RO 1004", Catalogs.all()).getFirst().score();
        double hashed = MATCHER.rank("assign TECH7 to RO#1004", Catalogs.all()).getFirst().score();

        assertThat(plain).isCloseTo(dashed, within(0.05));
        assertThat(hashed).isCloseTo(dashed, within(0.05));
    }

    @Test
    void answersNothingAndTriesOnceWhenTheModelFailsToLoad() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<EmbeddingModel> broken = () -> {
            attempts.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime for this platform");
        };
        IntentMatcher matcher = new IntentMatcher(new SentenceEncoder(broken), ExampleUtterances.fromClassPath(),
                THRESHOLD, IntentMatcher.TOP_K);

        List<List<IntentMatch>> answers = new ArrayList<>();
        answers.add(matcher.rank("Has RO 1040 been paid yet?", Catalogs.all()));
        answers.add(matcher.rank("history of RO 1011", Catalogs.all()));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEmpty());
        assertThat(matcher.warmUp()).isFalse();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void answersNothingWhenSwitchedOff() {
        assertThat(IntentMatcher.disabled().rank("Has RO 1040 been paid yet?", Catalogs.all())).isEmpty();
        assertThat(IntentMatcher.disabled().warmUp()).isFalse();
    }
}

package com.autoretail.orchestrator.planning.semantic;

import com.autoretail.orchestrator.planning.corpus.Corpus;
import com.autoretail.orchestrator.planning.corpus.CorpusCase;
import com.autoretail.orchestrator.testsupport.Catalogs;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleUtterancesTest {

    private static final int FEWEST_EXAMPLES = 5;

    private static final ExampleUtterances EXAMPLES = ExampleUtterances.fromClassPath();

    @Test
    void readsOneUtterancePerLineWithoutCommentsOrBlankLines() {
        assertThat(ExampleUtterances.parse("# a comment\n  has RO 1 been paid  \n\n#another\nis RO 2 paid\n"))
                .containsExactly("has RO 1 been paid", "is RO 2 paid");
    }

    @Test
    void givesEveryOperationOfTheFleetSeveralExamples() {
        Catalogs.all().services().forEach((service, capabilities) -> capabilities.operations().forEach(op ->
                assertThat(EXAMPLES.of(service, op.name())).as("%s.%s", service, op.name())
                        .hasSizeGreaterThanOrEqualTo(FEWEST_EXAMPLES)));
    }

    @Test
    void drawsNoExampleFromTheHeldOutPartOfTheCorpus() throws URISyntaxException {
        Corpus corpus = Corpus.load(Path.of(getClass().getResource("/planning/capabilities.json").toURI()).getParent());
        Set<String> heldOut = corpus.heldOut().stream().map(CorpusCase::request).map(ExampleUtterancesTest::words)
                .collect(Collectors.toSet());

        List<String> copied = EXAMPLES.all().stream().filter(example -> heldOut.contains(words(example))).toList();

        // names the example lines only, so that nobody reads the held-out part from a failing build
        assertThat(copied).as("example lines equal to a held-out request").isEmpty();
    }

    /** A request as its words alone, ids and amounts masked: an example copied with other ids still compares equal. */
    private static String words(String text) {
        return ClauseMask.mask(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z<>]+", " ").strip();
    }
}

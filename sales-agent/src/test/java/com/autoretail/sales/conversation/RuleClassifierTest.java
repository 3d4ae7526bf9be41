package com.autoretail.sales.conversation;

import com.autoretail.common.text.WrittenCounts;
import com.autoretail.sales.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleClassifierTest {

    private final RuleClassifier rules = new RuleClassifier();
    private final Session fresh = Session.start("s", Instant.EPOCH);
    private final Session afterOrder = new Session("s", List.of(), "order", "SKU000001", 2,
            Session.PENDING_CHECKOUT, List.of(), Map.of(), Instant.EPOCH, Instant.EPOCH);
    private final Session afterStoreOffer = new Session("s", List.of(), "order", "SKU000002", 5,
            Session.PENDING_STORE_AVAILABILITY, List.of(), Map.of(), Instant.EPOCH, Instant.EPOCH);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Check stock for SKU000001                     | INVENTORY | SKU000001 |
            Is sku000042 available?                       | INVENTORY | SKU000042 |
            SKU000007                                     | INVENTORY | SKU000007 |
            Do you have 5 units of SKU000001 in stock?    | INVENTORY | SKU000001 | 5
            I want 2 units of SKU000001                   | ORDER     | SKU000001 | 2
            Can I get two SKU000003?                      | ORDER     | SKU000003 | 2
            I'd like a dozen of SKU000004                 | ORDER     | SKU000004 | 12
            Reserve half a dozen SKU000004                | ORDER     | SKU000004 | 6
            Order twenty-five of SKU000009 please         | ORDER     | SKU000009 | 25
            buy a pair of SKU000010                       | ORDER     | SKU000010 | 2
            check out                                     | CHECKOUT  |           |
            I'm ready to pay                              | CHECKOUT  |           |
            Cancel my order                               | CANCEL    |           |
            never mind, release the hold on SKU000001     | CANCEL    | SKU000001 |
            Hello!                                        | GREETING  |           |
            help                                          | HELP      |           |
            what's the weather like?                      | UNKNOWN   |           |
            """)
    void classifiesAMessageOfANewConversation(String message, CustomerIntent intent, String sku, Integer quantity) {
        Classification classification = rules.classify(message, fresh);

        assertThat(classification.intent()).isEqualTo(intent);
        assertThat(classification.sku()).isEqualTo(sku);
        assertThat(classification.quantity()).isEqualTo(quantity);
        assertThat(classification.classifiedBy()).isEqualTo("rules");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            make it 3              | ORDER    | 3
            actually, four please  | ORDER    | 4
            5                      | ORDER    | 5
            yes                    | CHECKOUT |
            yes, check out         | CHECKOUT |
            ok sounds good         | CHECKOUT |
            no                     | HELP     |
            how many are left?     | INVENTORY |
            """)
    void readsAFollowUpInTheConversationsContext(String message, CustomerIntent intent, Integer quantity) {
        Classification classification = rules.classify(message, afterOrder);

        assertThat(classification.intent()).isEqualTo(intent);
        assertThat(classification.sku()).isNull();
        assertThat(classification.quantity()).isEqualTo(quantity);
    }

    @Test
    void takesAYesAfterTheStoreOfferAsAStockQuestion() {
        assertThat(rules.classify("yes please", afterStoreOffer).intent()).isEqualTo(CustomerIntent.INVENTORY);
        assertThat(rules.classify("yes", fresh).intent()).isEqualTo(CustomerIntent.UNKNOWN);
    }

    @Test
    void neverReadsSkuOrStoreDigitsAsAQuantity() {
        assertThat(Quantities.find("Check stock for SKU000001 at STORE_003")).isNull();
        assertThat(Quantities.find("SKU000001 x3")).isEqualTo(3);
        assertThat(Quantities.find("I need 10 pieces of SKU000001, not 2")).isEqualTo(10);
        assertThat(Quantities.find("a couple of SKU000001")).isEqualTo(2);
        assertThat(Quantities.find("two dozen")).isEqualTo(24);
        // more digits than an int holds: read as too many, never passed over (which would order one unit)
        assertThat(Quantities.find("order 999999999999 units of SKU000001")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Quantities.find("order 0000000000005 units of SKU000001")).isEqualTo(5);
        // not a count of whole units, which the order refuses: never the digits after the sign or the point
        assertThat(Quantities.find("I want -5 units of SKU000001")).isEqualTo(WrittenCounts.NOT_A_COUNT);
        assertThat(Quantities.find("I want 2.5 units of SKU000001")).isEqualTo(WrittenCounts.NOT_A_COUNT);
        assertThat(Quantities.find("I want 1,000 units of SKU000001")).isEqualTo(1000);
        assertThat(Quantities.find("SKU000001,2 units")).isEqualTo(2);
    }
}

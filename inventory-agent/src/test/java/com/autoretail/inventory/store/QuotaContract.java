package com.autoretail.inventory.store;

import com.autoretail.inventory.store.HoldOutcome.Created;
import com.autoretail.inventory.store.HoldOutcome.QuotaExceeded;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold quotas ({@link StoreContractSupport#LIMITS}: 20 units and 5 holds per session, 50 and 10 per customer):
 * checked in the same atomic step as the stock, refused with nothing changed, freed when a hold ends.
 */
abstract class QuotaContract extends StockContract {

    private static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    HoldOutcome holdFor(String sku, int quantity, String session, String customer) {
        return store.hold(new NewHold(sku, "online", quantity, TTL, null, new HoldOwner(session, customer)));
    }

    Hold heldFor(String sku, int quantity, String session, String customer) {
        HoldOutcome outcome = holdFor(sku, quantity, session, customer);
        assertThat(outcome).isInstanceOf(Created.class);
        return ((Created) outcome).hold();
    }

    @Test
    void refusesAHoldThatTakesTheSessionPastItsUnitsAndChangesNothing() {
        String sku = seeded(100, 0);
        String session = newId("session");
        heldFor(sku, 15, session, null);

        assertThat(holdFor(sku, 6, session, null))
                .isEqualTo(new QuotaExceeded(HoldLimits.Scope.SESSION, 15, 1, 20, 5));

        assertThat(online(sku)).isEqualTo(85);
        assertThat(reserved(sku)).isEqualTo(15);
        heldFor(sku, 5, session, null);
        assertThat(online(sku)).isEqualTo(80);
    }

    @Test
    void refusesTheSessionsHoldPastItsOpenHolds() {
        String sku = seeded(100, 0);
        String session = newId("session");
        for (int i = 0; i < 5; i++) {
            heldFor(sku, 1, session, null);
        }

        assertThat(holdFor(sku, 1, session, null)).isEqualTo(new QuotaExceeded(HoldLimits.Scope.SESSION, 5, 5, 20, 5));
        assertThat(online(sku)).isEqualTo(95);
        // another session is not affected
        heldFor(sku, 1, newId("session"), null);
    }

    @Test
    void releasingCommittingOrExpiringAHoldFreesItsQuota() {
        String sku = seeded(100, 0);
        String session = newId("session");
        Hold first = heldFor(sku, 20, session, null);
        assertThat(holdFor(sku, 1, session, null)).isInstanceOf(QuotaExceeded.class);

        store.release(first.id());
        Hold second = heldFor(sku, 20, session, null);
        store.commit(second.id());
        Hold third = heldFor(sku, 20, session, null);

        timePasses(TTL.plusSeconds(1));
        assertThat(store.find(third.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
        heldFor(sku, 20, session, null);
        // released twice: counted back once
        store.release(first.id());
        assertThat(holdFor(sku, 1, session, null)).isInstanceOf(QuotaExceeded.class);
    }

    @Test
    void aCustomersQuotaSpansTheirSessions() {
        String sku = seeded(200, 0);
        String customer = newId("customer");
        for (int i = 0; i < 5; i++) {
            heldFor(sku, 4, "a-" + customer, customer);
            heldFor(sku, 4, "b-" + customer, customer);
        }

        assertThat(holdFor(sku, 1, "c-" + customer, customer))
                .isEqualTo(new QuotaExceeded(HoldLimits.Scope.CUSTOMER, 40, 10, 50, 10));
        assertThat(online(sku)).isEqualTo(160);
        // without the customer, the third session may hold
        heldFor(sku, 1, "c-" + customer, null);
    }

    @Test
    void concurrentHoldsOfOneSessionNeverPassItsQuota() throws Exception {
        String sku = seeded(500, 0);
        String session = newId("session");

        List<HoldOutcome> outcomes = concurrently(40, i -> holdFor(sku, 1, session, null));

        assertThat(outcomes.stream().filter(Created.class::isInstance)).hasSize(5);
        assertThat(outcomes.stream().filter(QuotaExceeded.class::isInstance)).hasSize(35);
        assertThat(online(sku)).isEqualTo(495);
        assertThat(reserved(sku)).isEqualTo(5);
    }

    @Test
    void aHoldForNoSessionOrCustomerIsNotCounted() {
        String sku = seeded(100, 0);
        for (int i = 0; i < 8; i++) {
            heldFor(sku, 10, null, null);
        }
        assertThat(online(sku)).isEqualTo(20);
    }

    @Test
    void aReplayedKeyIsAnsweredEvenWhenTheSessionIsFull() {
        String sku = seeded(100, 0);
        String session = newId("session");
        NewHold request = new NewHold(sku, "online", 20, TTL, newId("key"), new HoldOwner(session, null));
        assertThat(store.hold(request)).isInstanceOf(Created.class);

        assertThat(store.hold(request)).isInstanceOf(HoldOutcome.Replayed.class);
        assertThat(online(sku)).isEqualTo(80);
    }

}

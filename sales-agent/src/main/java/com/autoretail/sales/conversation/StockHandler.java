package com.autoretail.sales.conversation;

import com.autoretail.sales.conversation.Turn.Outcome;
import com.autoretail.sales.inventory.InventoryClient;
import com.autoretail.sales.inventory.InventoryRefusedException;
import com.autoretail.sales.inventory.InventoryUnavailableException;
import com.autoretail.sales.inventory.StockView;
import com.autoretail.sales.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code inventory} intent: a SKU's stock online, in how many stores, in total; per store too when the
 * customer asks about stores or accepts the offer to check them.
 */
class StockHandler {

    private static final Logger log = LoggerFactory.getLogger(StockHandler.class);

    private final InventoryClient inventory;

    StockHandler(InventoryClient inventory) {
        this.inventory = inventory;
    }

    Outcome handle(Turn turn) {
        String sku = turn.sku();
        if (sku == null) {
            return Outcome.of(Replies.ASK_SKU_FOR_STOCK);
        }
        boolean perStore = Session.PENDING_STORE_AVAILABILITY.equals(turn.before.pending())
                || turn.message.toLowerCase(Locale.ROOT).contains("store");
        turn.pending = null;
        StockView stock;
        try {
            stock = inventory.getInventory(sku);
        } catch (InventoryRefusedException e) {
            if (e.notFound()) {
                return new Outcome(Replies.unknownSku(sku), Map.of("sku", sku, "error", "unknown_sku"), null);
            }
            log.error("Inventory refused the stock read of {}: {} {}", sku, e.status(), e.getMessage());
            return unavailable(sku);
        } catch (InventoryUnavailableException e) {
            log.error("Inventory check failed for {}: {}", sku, e.getMessage());
            return unavailable(sku);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sku", stock.sku());
        data.put("name", stock.name());
        data.put("online_stock", stock.onlineStock());
        data.put("store_stock", stock.storeStock());
        data.put("total_stock", stock.totalStock());
        data.put("reserved", stock.reserved());
        return new Outcome(Replies.stock(stock, perStore), data, null);
    }

    static Outcome unavailable(String sku) {
        return new Outcome(Replies.stockTrouble(sku), Map.of("sku", sku, "inventory_service", "unavailable"), null);
    }
}

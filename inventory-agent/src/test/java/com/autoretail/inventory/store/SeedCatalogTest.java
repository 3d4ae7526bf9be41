package com.autoretail.inventory.store;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedCatalogTest {

    @Test
    void theShippedSeedHasThreeHundredProductsAndFiveStores() {
        SeedCatalog seed = SeedCatalog.read(new ClassPathResource("inventory/products.csv"));

        assertThat(seed.products()).hasSize(300);
        assertThat(seed.locations()).containsExactly("online", "STORE_001", "STORE_002", "STORE_003", "STORE_004",
                "STORE_005");
        Product first = seed.products().getFirst();
        assertThat(first.sku()).isEqualTo("SKU000001");
        assertThat(first.stock()).containsEntry("online", 500).containsOnlyKeys(seed.locations());
        assertThat(seed.products().getLast().sku()).isEqualTo("SKU000300");
    }

    @Test
    void skipsCommentsAndBlankLines() {
        SeedCatalog seed = SeedCatalog.parse("test.csv", List.of("# a comment", "sku,name,price,online,SHOP_A", "",
                "A1,Wiper,9.90,3,4"));

        assertThat(seed.stores()).containsExactly("SHOP_A");
        assertThat(seed.products().getFirst().stock()).containsEntry("online", 3).containsEntry("SHOP_A", 4);
    }

    @Test
    void aBadFileIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> SeedCatalog.parse("test.csv", List.of("sku,name,online")))
                .hasMessageContaining("test.csv line 1").hasMessageContaining("sku,name,price,online");
        assertThatThrownBy(() -> SeedCatalog.parse("test.csv", List.of("sku,name,price,online", "A1,Wiper,9.90,-1")))
                .hasMessageContaining("test.csv line 2: online must be a non-negative integer");
        assertThatThrownBy(() -> SeedCatalog.parse("test.csv",
                List.of("sku,name,price,online", "A1,Wiper,9.90,1", "A1,Wiper,9.90,1")))
                .hasMessageContaining("line 3: SKU A1 appears twice");
        assertThatThrownBy(() -> SeedCatalog.parse("test.csv", List.of("sku,name,price,online", "A1,Wiper,1")))
                .hasMessageContaining("expected 4 columns, found 3");
    }
}

package com.autoretail.orchestrator.planning.rules.entities;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One row per format an advisor writes an entity in; ids come out as written, numbers as the agents take them. */
class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor();

    @ParameterizedTest(name = "{0} → {1}={2}")
    @CsvSource(delimiter = '|', nullValues = "absent", textBlock = """
            show RO 1234                              | repair_orders | [1234]
            RO#1234 status                            | repair_orders | [1234]
            RO-1234 details                           | repair_orders | [1234]
            repair order #1234                        | repair_orders | [1234]
            R.O. 1234                                 | repair_orders | [1234]
            r/o 1234                                  | repair_orders | [1234]
            ro1234 pls                                | repair_orders | [1234]
            ROs 1001 and 1002                         | repair_orders | [1001, 1002]
            bill ro 1006 $1,250                       | repair_orders | [1006]
            assign TECH-007                           | technicians   | [TECH-007]
            give it to tech_012                       | technicians   | [TECH_012]
            TECH007 please                            | technicians   | [TECH007]
            TECH 007 please                           | technicians   | [TECH007]
            cards of CUST-9                           | customers     | [CUST-9]
            customer cust_100                         | customers     | [CUST_100]
            vehicle VEH-001                           | vehicle_ids   | [VEH-001]
            part BRK-2201                             | parts         | [BRK-2201]
            part 12-AB-9                              | parts         | [12-AB-9]
            is 77-XY-12 in stock                      | parts         | [77-XY-12]
            text +1-555-0107 about RO 1005            | parts         | absent
            on 2026-12-04 for RO 1005                 | parts         | absent
            part brk2201                              | parts         | [BRK2201]
            parts 1234 and FLT-3301                   | parts         | [1234, FLT-3301]
            is FLT-3301 in stock                      | parts         | [FLT-3301]
            need 2x BRK-2201 on RO 1068               | parts         | [BRK-2201]
            fits a 2022 Mazda CX-50                   | parts         | absent
            assign TECH-007 to RO 1008                | parts         | absent
            charge USD45 to RO 1008                   | parts         | absent
            $1,250                                    | amounts       | [1250 USD]
            USD 45.10                                 | amounts       | [45.1 USD]
            45.10 USD                                 | amounts       | [45.1 USD]
            usd 60                                    | amounts       | [60 USD]
            320.75 dollars                            | amounts       | [320.75 USD]
            €80                                       | amounts       | [80 EUR]
            100$                                      | amounts       | [100 USD]
            GBP 1,020.50                              | amounts       | [1020.5 GBP]
            refund 45.10 USD                          | amounts       | [45.1 USD]
            bill ro 1006 $1,250                       | amounts       | [1250 USD]
            RO 1019, $1,875.25, a@b.com               | amounts       | [1875.25 USD]
            a link of -100$ to a@b.com                | amounts       | [-100 USD]
            a link of -$250 to a@b.com                | amounts       | [-250 USD]
            a link of $-250 to a@b.com                | amounts       | absent
            a link of − 100$ to a@b.com               | amounts       | [100 USD]
            4x part 1234                              | quantity      | 4
            part 1234 x4                              | quantity      | 4
            two of part 1234                          | quantity      | 2
            a pair of part 1234                       | quantity      | 2
            qty 3 of part 1234                        | quantity      | 3
            hold 1,000 units of SKU000001             | quantity      | 1000
            hold 1500 units of SKU000001              | quantity      | 1500
            hold 99999999999 units of SKU000001       | quantity      | 2147483647
            add -2 of part 1234                       | quantity      | -1
            add 2.5 x part 1234                       | quantity      | -1
            refund PAY-1009A1                         | payments      | [PAY-1009A1]
            pay-77aa11bb                              | payments      | [PAY-77AA11BB]
            release RES-000003                        | reservations  | [RES-000003]
            release hold-3f6c2a1e-1b2c-4d5e           | holds         | [hold-3f6c2a1e-1b2c-4d5e]
            check sku-000001                          | skus          | [SKU000001]
            at STORE_001                              | location      | STORE_001
            at store 002                              | location      | STORE_002
            at STORE-003                              | location      | STORE-003
            for a 2019 Ford F-150                     | vehicle       | 2019 Ford F-150
            honda civic 2018                          | vehicle       | 2018 Honda Civic
            a 2017 Silverado                          | vehicle       | 2017 Chevrolet Silverado
            2017 Chevrolet Silverado 1500             | vehicle       | 2017 Chevrolet Silverado 1500
            go on a 2020 F-150                        | vehicle       | 2020 Ford F-150
            a 2021 CX-30                              | vehicle       | 2021 CX-30
            RO 2020 BRK-2201                          | vehicle       | absent
            send it to jo.doe+ro@example.co.uk        | emails        | [jo.doe+ro@example.co.uk]
            passed quality check                      | statuses      | [the status after quality_check]
            put it on hold waiting for parts          | statuses      | [parts_ordered]
            approved by the customer                  | statuses      | [the status after customer_approval]
            car is ready                              | statuses      | [ready_for_pickup]
            close out                                 | statuses      | [closed]
            start work                                | statuses      | [in_progress]
            job on RO 1053 is finished                | statuses      | [done (which status?)]
            QC done on ro 1018                        | statuses      | [the status after quality_check]
            failed quality check                      | statuses      | [in_progress]
            QC found a leak, send it back             | statuses      | [in_progress]
            stuck until the parts arrive              | statuses      | [parts_ordered]
            the job starts now                        | statuses      | [in_progress]
            booked for Monday                         | statuses      | [scheduled]
            took home the vehicle                     | statuses      | [completed]
            RO 1032 isn't ready yet                   | statuses      | absent
            wasn't approved by the customer           | statuses      | absent
            """)
    void readsEachFormatAsWritten(String text, String entity, String expected) {
        Object found = extractor.extract(text).understood().get(entity);

        assertThat(found == null ? null : String.valueOf(found)).isEqualTo(expected);
    }
}

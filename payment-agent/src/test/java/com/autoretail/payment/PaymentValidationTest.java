package com.autoretail.payment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its fields, before any call to
 * the payment system (the agent's message, "Invalid parameters for ...", and its {@code result.errors}; the
 * ledger shows no new link).
 */
class PaymentValidationTest extends PaymentAgentHttpTest {

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"repair_order_id":"1006","amount":100}                                           | customer_email
            {"repair_order_id":"1006","amount":100,"customer_email":"not-an-email"}           | customer_email
            {"repair_order_id":"1006","amount":100,"customer_email":"ambuj@localhost"}        | customer_email
            {"repair_order_id":"1006","amount":0,"customer_email":"ambujmehra16@gmail.com"}   | amount
            {"repair_order_id":"1006","amount":-5,"customer_email":"ambujmehra16@gmail.com"}  | amount
            {"repair_order_id":"1006","amount":10.005,"customer_email":"ambujmehra16@gmail.com"} | amount
            {"repair_order_id":"1006","amount":"lots","customer_email":"ambujmehra16@gmail.com"} | amount
            {"repair_order_id":"1006","amount":100,"currency":"usd","customer_email":"ambujmehra16@gmail.com"} | currency
            {"repair_order_id":"1006","amount":100,"currency":"ABC","customer_email":"ambujmehra16@gmail.com"} | currency
            {"repair_order_id":"12ab","amount":100,"customer_email":"ambujmehra16@gmail.com"} | repair_order_id
            {"repair_order_id":"1006","amount":0,"currency":"usd","customer_email":"x"}       | amount currency customer_email
            """)
    void refusesEachBadFieldOfAPaymentLinkAndCreatesNothing(String parameters, String fields) {
        int before = paymentCount("1006");
        assertInvalidParameters("create_payment_link", parameters, fields.split(" "));
        assertThat(paymentCount("1006")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} names {2}")
    @CsvSource(delimiter = '|', textBlock = """
            check_payment_status      | {}                                                         | payment_id repair_order_id
            check_payment_status      | {"repair_order_id":"R2D2"}                                 | repair_order_id
            process_refund            | {"payment_id":"PAY-1009A1","amount":10,"reason_code":"because"}  | reason_code
            process_refund            | {"payment_id":"PAY-1009A1","amount":0,"reason_code":"goodwill"}  | amount
            process_refund            | {"payment_id":"PAY-1009A1","amount":1.001,"reason_code":"goodwill"} | amount
            process_refund            | {"amount":10}                                              | payment_id reason_code
            send_payment_notification | {"payment_id":"PAY-1008E5","channel":"fax"}                | channel
            send_payment_notification | {"payment_id":"PAY-1008E5","channel":"email","recipient":"+1 555 0100"} | recipient
            send_payment_notification | {"payment_id":"PAY-1008E5","channel":"sms","recipient":"someone@example.com"} | recipient
            get_payment_methods       | {}                                                         | customer_id
            cancel_payment_link       | {"payment_id":""}                                          | payment_id
            cancel_payment_link       | {}                                                         | payment_id
            simulate_payment          | {"payment_id":"PAY-1008E5","amount":-1}                    | amount
            """)
    void refusesBadParametersOfTheOtherOperations(String operation, String parameters, String fields) {
        assertInvalidParameters(operation, parameters, fields.split(" "));
    }
}

package com.autoretail.common.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which callback URLs a service may POST to (literal addresses only: the test machine has no DNS). */
class CallbackPolicyTest {

    private final CallbackPolicy local = new CallbackPolicy(List.of("localhost", "127.0.0.1", "[::1]"));
    private final CallbackPolicy anyPublic = new CallbackPolicy(List.of("*"));

    @Test
    void theLocalDefaultAllowsTheFleetsOwnHostOnAnyPort() {
        assertThat(local.refusal("http://localhost:8086/callbacks/done")).isEmpty();
        assertThat(local.refusal("https://127.0.0.1/hook")).isEmpty();
        assertThat(local.refusal("http://[::1]:9000/hook")).isEmpty();
    }

    @Test
    void anEntryWithAPortAllowsThatPortOnly() {
        CallbackPolicy policy = new CallbackPolicy(List.of("crm.dealer.example:8443", "[::1]:9000"));

        assertThat(policy.refusal("https://crm.dealer.example:8443/events")).isEmpty();
        assertThat(policy.refusal("https://crm.dealer.example/events")).get().asString()
                .contains("port 443", "not on the callback allow-list");
        assertThat(policy.refusal("http://[::1]:9000/x")).isEmpty();
        assertThat(policy.refusal("http://[::1]:9001/x")).isPresent();
    }

    @Test
    void aBareIpv6EntryMeansTheSameAsABracketedOne() {
        assertThat(new CallbackPolicy(List.of("::1")).refusal("http://[::1]:8080/x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://2852039166/", "http://0xA9FEA9FE/",
            "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.0.10:8080/", "http://127.0.0.1:6379/", "http://[::1]/", "http://0.0.0.0/",
            "http://100.64.0.1/", "http://[fd00::1]/", "http://224.0.0.1/"})
    void aWildcardNeverReachesAnAddressThatIsNotPublic(String url) {
        assertThat(anyPublic.refusal(url)).get().asString().contains("resolves to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "https://93.184.216.34:8443/hook", "http://[2001:4860:4860::8888]/"})
    void aWildcardAllowsPublicAddresses(String url) {
        assertThat(anyPublic.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://localhost/x", "/relative", "localhost:8080/x", "http://",
            "http://exa mple.com/", "gopher://127.0.0.1:6379/_PING"})
    void onlyAbsoluteHttpUrlsAreCallbacks(String url) {
        assertThat(local.refusal(url)).isPresent();
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(local.refusal("http://admin:secret@localhost:8080/hook")).get().asString().contains("credentials");
    }

    @Test
    void aHostOffTheListIsRefusedWhateverItResolvesTo() {
        assertThat(local.refusal("http://169.254.169.254/")).get().asString().contains("not on the callback allow-list");
        assertThat(local.refusal("http://8.8.8.8/")).isPresent();
    }

    @Test
    void aBadPortInTheConfigurationFailsAtOnce() {
        assertThatThrownBy(() -> new CallbackPolicy(List.of("localhost:http")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost:http");
    }
}

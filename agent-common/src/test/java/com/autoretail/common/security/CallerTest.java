package com.autoretail.common.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link Caller#current()} answers for each kind of authentication a request may carry. */
class CallerTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static Caller with(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return Caller.current();
    }

    @Test
    void withoutASecurityContextTheCallerIsOpen() {
        assertThat(Caller.current()).isEqualTo(Caller.OPEN);
        assertThat(Caller.current().has(Caller.APPROVER)).isTrue();
    }

    @Test
    void anUnauthenticatedRequestOfASecuredServiceHasNoRole() {
        Caller caller = with(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(caller).isEqualTo(Caller.ANONYMOUS);
        assertThat(caller.has(Caller.VIEWER)).isFalse();
        assertThat(caller.seesDetails()).isFalse();
    }

    @Test
    void aTokenWithoutRolesGrantsNone() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("carol").build();

        Caller caller = with(new JwtAuthenticationToken(jwt, List.of(), "carol"));

        assertThat(caller.name()).isEqualTo("carol");
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.has(Caller.VIEWER)).isFalse();
    }

    @Test
    void anApiKeysCallerHasItsRolesAndAdminHasThemAll() {
        Caller desk = with(new CallerAuthentication(new Caller("desk", Set.of(Caller.VIEWER))));
        assertThat(desk).isEqualTo(new Caller("desk", Set.of(Caller.VIEWER)));
        assertThat(desk.has(Caller.OPERATOR)).isFalse();
        assertThat(desk.seesDetails()).isTrue();

        Caller root = with(new CallerAuthentication(new Caller("root", Set.of(Caller.ADMIN))));
        assertThat(root.has(Caller.APPROVER)).isTrue();
        assertThat(with(new CallerAuthentication(new Caller("widget", Set.of(Caller.CHAT)))).seesDetails()).isFalse();
    }
}

package com.autoretail.common.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A valid bearer token as a {@link Caller}: its roles from the configured claim (a list, or a space-separated string
 * as OAuth2's {@code scope}), each as {@code ROLE_*}, its name from the name claim ({@code sub} by default).
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt settings;

    JwtCallers(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object claim = jwt.getClaim(settings.rolesClaim());
        Collection<String> names = switch (claim) {
            case Collection<?> list -> list.stream().map(String::valueOf).toList();
            case String text -> Arrays.asList(text.trim().split("\\s+"));
            case null, default -> List.of();
        };
        List<GrantedAuthority> authorities = names.stream()
                .filter(name -> !name.isBlank())
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(Caller.authority(name.toLowerCase(Locale.ROOT))))
                .toList();
        String name = jwt.getClaimAsString(settings.nameClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null || name.isBlank() ? jwt.getSubject() : name);
    }
}

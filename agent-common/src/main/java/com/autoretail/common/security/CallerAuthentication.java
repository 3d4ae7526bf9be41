package com.autoretail.common.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller}: its name, and its roles as {@code ROLE_*} authorities. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(Caller.authority(role))).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller.name();
    }

    /** The caller it was made for. */
    Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}

package com.autoretail.common.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * An identity provider for tests: an RSA key made here, its public half as a PEM file for
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, and RS256 tokens signed with it (or, for a
 * forgery, with another key).
 */
public final class TestTokens {

    private final KeyPair key = generate();
    private final KeyPair otherKey = generate();
    private final Path publicKeyFile;

    public TestTokens() {
        try {
            publicKeyFile = Files.createTempFile("test-idp", ".pem");
            publicKeyFile.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(publicKeyFile, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code public-key-location}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /** A token of {@code subject} with these roles in the {@code roles} claim, valid for the next 10 minutes. */
    public String valid(String subject, String... roles) {
        return sign(key, subject, List.of(roles), Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** A token that expired 10 minutes ago (beyond any clock skew a decoder allows). */
    public String expired(String subject, String... roles) {
        return sign(key, subject, List.of(roles), Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** A token in the right shape, signed with a key the service does not know. */
    public String forged(String subject, String... roles) {
        return sign(otherKey, subject, List.of(roles), Instant.now().plus(Duration.ofMinutes(10)));
    }

    private static String sign(KeyPair with, String subject, List<String> roles, Instant expiry) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(20)))).expirationTime(Date.from(expiry)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(with.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

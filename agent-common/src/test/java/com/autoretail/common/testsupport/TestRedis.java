package com.autoretail.common.testsupport;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The Redis that tests use, found once per JVM: the {@code REDIS_URL} environment variable; else a Redis
 * answering PING on {@code 127.0.0.1:6379}; else a {@code redis:7-alpine} container when Docker is available.
 * When there is none, {@link #url()} throws: a test that needs Redis fails, it never skips silently.
 */
public final class TestRedis {

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 6379;
    private static final int PROBE_TIMEOUT_MILLIS = 500;
    private static final String NONE_FOUND = """
            The tests need a Redis and none was found: REDIS_URL is unset, nothing answers PING on \
            127.0.0.1:6379 and Docker is not available. Start one with \
            `redis-server --daemonize yes --port 6379 --save "" --appendonly no` \
            (Debian package redis-server; `./fleet test` starts one when redis-server is installed), \
            or set REDIS_URL=redis://host:port, or run a Docker engine so that a redis:7-alpine container starts.""";

    private static String url;
    private static String failure;

    private TestRedis() {
    }

    /** The URL of the Redis to test against, e.g. {@code redis://127.0.0.1:6379}. */
    public static synchronized String url() {
        if (url == null && failure == null) {
            url = find();
            if (url == null) {
                failure = NONE_FOUND;
            }
        }
        if (url == null) {
            throw new IllegalStateException(failure);
        }
        return url;
    }

    /** A new, started connection factory on {@link #url()}; the caller destroys it when done. */
    public static LettuceConnectionFactory connectionFactory() {
        String redisUrl = url();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder();
        if (redisUrl.startsWith("rediss:")) {
            client.useSsl();
        }
        var factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(redisUrl),
                client.build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static String find() {
        String fromEnvironment = System.getenv("REDIS_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        if (answersPing(LOCAL_HOST, LOCAL_PORT)) {
            return "redis://" + LOCAL_HOST + ":" + LOCAL_PORT;
        }
        // testcontainers is a test dependency of agent-common only: a module using this test-jar may lack it
        if (ClassUtils.isPresent("org.testcontainers.DockerClientFactory", TestRedis.class.getClassLoader())
                && Docker.available()) {
            return Docker.startRedis();
        }
        return null;
    }

    private static boolean answersPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    /** Kept apart so that Testcontainers' classes load only when Docker is the way to a Redis. */
    private static final class Docker {

        private static final int REDIS_PORT = 6379;

        static boolean available() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** Started once per JVM (the URL is cached); Testcontainers' reaper removes it when the JVM ends. */
        @SuppressWarnings("resource")
        static String startRedis() {
            GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                    .withExposedPorts(REDIS_PORT);
            redis.start();
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(REDIS_PORT);
        }
    }
}

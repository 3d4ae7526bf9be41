package com.autoretail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results of a bench run, one JSON line per benchmark, appended as each one ends. */
final class Results {

    private final Path file;
    private final ObjectMapper mapper;

    Results(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    /** Prints the benchmark's summary line and appends its result. */
    void append(Result result) throws IOException {
        System.out.println("bench: " + result.summary());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, mapper.writeValueAsString(result) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The latest result of each benchmark, by id. */
    List<Result> latest() throws IOException {
        Map<String, Result> latest = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Result result = mapper.readValue(line, Result.class);
                    latest.put(result.id(), result);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }
}

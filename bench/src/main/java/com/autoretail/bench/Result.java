package com.autoretail.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One benchmark's outcome, as the report shows it.
 *
 * @param id      the benchmark's number in the report, with a letter when it has several figures: 1, 2a, 2b, ...
 * @param figure  the headline figure, e.g. "1.04"
 * @param target  the target it is held against, e.g. "≤ 1.10"
 * @param met     whether the figure meets the target
 * @param command the command that re-runs it
 * @param details markdown lines: the measurements the figure comes from
 * @param at      when it was measured (ISO-8601)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Result(String id, String title, String figure, String target, boolean met, String command,
              List<String> details, String at) {

    String summary() {
        return id + ". " + title + ": " + figure + " (target " + target + ", " + (met ? "met" : "NOT met") + ")";
    }
}

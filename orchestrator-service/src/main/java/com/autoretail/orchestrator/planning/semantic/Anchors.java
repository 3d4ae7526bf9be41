package com.autoretail.orchestrator.planning.semantic;

import java.util.Arrays;
import java.util.List;

/**
 * One operation's example utterances (or name and description) and their unit vectors, which a clause is compared
 * with.
 */
record Anchors(String operation, List<String> texts, float[][] vectors) {

    /** The mean of the {@code topK} best cosines (negatives as 0), and the example that scored best. */
    IntentMatch match(String service, String name, float[] clause, int topK) {
        double[] scores = new double[vectors.length];
        int best = 0;
        for (int i = 0; i < vectors.length; i++) {
            scores[i] = Math.max(0, dot(clause, vectors[i]));
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        Arrays.sort(scores);
        int k = Math.min(topK, scores.length);
        double sum = 0;
        for (int i = scores.length - k; i < scores.length; i++) {
            sum += scores[i];
        }
        return new IntentMatch(service, name, Math.min(1, sum / k), texts.get(best));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

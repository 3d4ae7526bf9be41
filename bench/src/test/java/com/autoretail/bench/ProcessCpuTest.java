package com.autoretail.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CPU time per process from /proc, and per unit of work between two readings. */
class ProcessCpuTest {

    @Test
    void readsItsOwnJvmsCpuTimeGrowingWithWork() {
        ProcessCpu cpu = ProcessCpu.of("gone:999999999");
        Map<String, Double> before = cpu.seconds();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L;   // 300 ms of this thread's own CPU
        while (threads.getCurrentThreadCpuTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        Map<String, Double> after = cpu.seconds();

        assertThat(sum).isPositive();
        assertThat(before).containsOnlyKeys(ProcessCpu.LOAD_GENERATOR);
        assertThat(after.get(ProcessCpu.LOAD_GENERATOR) - before.get(ProcessCpu.LOAD_GENERATOR))
                .as("300 ms of busy loop on one thread").isGreaterThanOrEqualTo(0.28);
    }

    @Test
    void dividesEachProcesssCpuByTheWorkDoneAndAddsThemUp() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("orchestrator", 10.0);
        before.put("redis", 1.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("orchestrator", 13.0);
        after.put("redis", 1.5);
        after.put("started meanwhile", 4.0);

        assertThat(ProcessCpu.perUnit(before, after, 1000))
                .isEqualTo("orchestrator 3.00 ms, redis 0.50 ms; all 3.50 ms");
        assertThat(ProcessCpu.perUnit(before, after, 0)).isNull();
        assertThat(ProcessCpu.perUnit(Map.of(), after, 10)).isNull();
    }

    @Test
    void readsTheCompilerThreadsOfTheServicesNamedNotOfTheLoadGenerator() {
        long pid = ProcessHandle.current().pid();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {   // a hot loop: the JIT compiles it
            sum += Long.numberOfTrailingZeros(sum + i);
        }

        ProcessCpu asService = ProcessCpu.of("itself:" + pid);
        assertThat(sum).isPositive();
        assertThat(asService.compilerSeconds()).as("this JVM's C1 and C2 threads have compiled something")
                .isPositive().isLessThanOrEqualTo(asService.servicesSeconds());
        assertThat(ProcessCpu.of("").compilerSeconds()).as("the load generator alone is no service").isZero();
        assertThat(ProcessCpu.of("").servicesSeconds()).isZero();
    }
}

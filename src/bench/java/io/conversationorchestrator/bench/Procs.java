package io.conversationorchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The processes a benchmark measures, from /proc: CPU seconds, RSS, who is who under the stack. */
final class Procs {
  private Procs() {}

  /** utime + stime (+ cutime + cstime: ended children) from /proc/pid/stat, in 10 ms ticks. */
  static double cpuSeconds(long pid, boolean withEndedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      if (withEndedChildren) {
        ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      }
      return ticks / 100.0;
    } catch (IOException | RuntimeException unknown) {
      return 0;
    }
  }

  /**
   * CPU seconds so far of PostgreSQL: the postmaster's own figures include its children that ended
   * (autovacuum workers, say), plus those of the children still running.
   */
  static double postgresCpu() {
    long pg = Long.parseLong(Bench.env("BENCH_PG_PID", "0"));
    return cpuSeconds(pg, true)
        + ProcessHandle.of(pg).stream()
            .flatMap(ProcessHandle::children)
            .mapToDouble(p -> cpuSeconds(p.pid(), false))
            .sum();
  }

  /** CPU seconds so far of the launcher (run-local.sh's LocalStack: Kafka runs in it). */
  static double kafkaCpu() {
    return cpuSeconds(launcherPid(), false);
  }

  /** CPU seconds so far of this JVM (the harness). */
  static double harnessCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
  }

  /** The service: BENCH_SERVICE_PID, else the quarkus-run.jar under the stack; 0: unknown. */
  static long servicePid() {
    long pid = Long.parseLong(Bench.env("BENCH_SERVICE_PID", "0"));
    return pid > 0 ? pid : descendant(stackPid(), "quarkus-run.jar");
  }

  static long launcherPid() {
    return descendant(stackPid(), "testing.LocalStack");
  }

  static long stackPid() {
    return Long.parseLong(Bench.env("BENCH_STACK_PID", "0"));
  }

  /** A field of /proc/pid/status in KiB (VmRSS, VmHWM); 0 when unknown (no such process). */
  static long statusKib(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | RuntimeException unknown) {
      // no such process: an external service without BENCH_SERVICE_PID
    }
    return 0;
  }

  /** From /proc: ProcessHandle.Info gives up on command lines as long as the launcher's. */
  static long descendant(long root, String commandLinePart) {
    return ProcessHandle.of(root).stream()
        .flatMap(ProcessHandle::descendants)
        .filter(p -> commandLine(p.pid()).contains(commandLinePart))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElse(0);
  }

  static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException gone) {
      return "";
    }
  }
}

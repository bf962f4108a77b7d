package io.conversationorchestrator.sdk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Node.js test suite under {@code src/test/node}: its packages installed from the committed
 * lockfile ({@code npm ci}) and its tests run by Node's own runner, output streamed to the build
 * log. Node.js 20+ and npm are prerequisites of the build, like the JDK: their absence fails.
 */
final class NodeSuite {
  static final Path DIRECTORY = Path.of("src", "test", "node");
  private static final int MINIMUM_NODE_MAJOR = 20;
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern SUMMARY = Pattern.compile("^\\S*\\s*(tests|pass|fail) (\\d+)$");

  /** What a process printed (stdout and stderr merged) and how it ended. */
  record Run(int exitCode, String output) {
    /** The runner's closing counts, e.g. "tests 47, pass 47, fail 0". */
    String summary() {
      List<String> counts = new ArrayList<>();
      for (String line : output.split("\n")) {
        Matcher m = SUMMARY.matcher(line.strip());
        if (m.matches()) {
          counts.add(m.group(1) + " " + m.group(2));
        }
      }
      return counts.isEmpty() ? "no summary printed" : String.join(", ", counts);
    }
  }

  private NodeSuite() {}

  /** Fails unless {@code node} of at least version 20 runs. */
  static void requireNode() {
    Run version = run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(30), false);
    Matcher m = Pattern.compile("^v(\\d+)\\.").matcher(version.output().strip());
    if (version.exitCode() != 0 || !m.find()) {
      throw new AssertionError("`node --version` failed:\n" + version.output());
    }
    if (Integer.parseInt(m.group(1)) < MINIMUM_NODE_MAJOR) {
      throw new AssertionError(
          "Node.js " + MINIMUM_NODE_MAJOR + "+ is needed, found " + version.output().strip());
    }
  }

  /**
   * {@code npm ci} when node_modules is missing or older than package.json/package-lock.json (a
   * clean clone, CI included, always installs); an installed tree is reused locally.
   */
  static void installIfStale() {
    if (!isStale()) {
      System.out.println("[node] node_modules is up to date with package-lock.json: no npm ci");
      return;
    }
    Run install =
        run(
            List.of(npm(), "ci", "--no-audit", "--no-fund", "--ignore-scripts"),
            Map.of(),
            INSTALL_TIMEOUT,
            true);
    if (install.exitCode() != 0) {
      throw new AssertionError("npm ci failed in " + DIRECTORY + ":\n" + install.output());
    }
  }

  /** Runs the command in the suite's directory, streaming its lines to the build log. */
  static Run run(List<String> command, Map<String, String> env, Duration timeout, boolean echo) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true);
    builder.environment().put("NO_COLOR", "1");
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          "Cannot start `"
              + command.get(0)
              + "`: Node.js "
              + MINIMUM_NODE_MAJOR
              + "+ and npm must be on the PATH to run the SDK suite in "
              + DIRECTORY,
          e);
    }
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> copy(process, output, echo), "node-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(5));
        throw new AssertionError(
            String.join(" ", command) + " did not end within " + timeout + ":\n" + output);
      }
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted while running " + command, e);
    }
    synchronized (output) {
      return new Run(process.exitValue(), output.toString());
    }
  }

  private static void copy(Process process, StringBuilder output, boolean echo) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (echo) {
          System.out.println("[node] " + line);
        }
        synchronized (output) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isStale() {
    // npm writes node_modules/.package-lock.json at the end of every install
    Path installed = DIRECTORY.resolve("node_modules").resolve(".package-lock.json");
    if (!Files.exists(installed)) {
      return true;
    }
    FileTime installedAt = modified(installed);
    return Stream.of("package.json", "package-lock.json")
        .map(DIRECTORY::resolve)
        .anyMatch(p -> modified(p).compareTo(installedAt) > 0);
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String npm() {
    return System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
  }
}

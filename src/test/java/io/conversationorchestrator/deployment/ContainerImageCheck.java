package io.conversationorchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conversationorchestrator.deployment.ImageTarball.Layer;
import io.conversationorchestrator.deployment.ImageTarball.LayerFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image tarball of {@code ./mvnw verify -Pimage} (Jib, OCI format): runs as a
 * non-root user, starts the fast-jar with the image's own Java runtime, exposes 8080 only, keeps
 * libraries, application and Quarkus bootstrap in separate layers, carries no secrets and stays
 * within the size budget of the README. Run by failsafe in the {@code image} profile only, after
 * {@code package} built the tarball (so it never runs without one).
 */
class ContainerImageCheck {
  /** The README's budget: compressed (what a registry stores and a node pulls). */
  static final long COMPRESSED_BUDGET = 125L << 20;

  /** And unpacked on the node's disk. */
  static final long UNPACKED_BUDGET = 180L << 20;

  static final List<String> ENTRYPOINT =
      List.of("/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar");

  /** File names that hold keys or credentials. */
  static final Pattern SECRET_FILE =
      Pattern.compile(
          ".*(\\.(key|pem|p12|pfx|jks|keystore|crt)|/\\.env(\\..*)?|/id_(rsa|ecdsa|ed25519)"
              + "|/\\.git-credentials|/\\.netrc|/\\.npmrc|/settings\\.xml"
              + "|/application-[^/]*\\.(properties|ya?ml)|/\\.local(/.*)?)$");

  /**
   * Values of the development stack (LocalStack, compose) that must never reach an image. (The
   * public %dev/%test secrets keys of application.properties do: Quarkus compiles every profile's
   * values into the generated config; they are never active in the image's prod profile, and the
   * check below keeps them profile-scoped.)
   */
  static final List<String> DEV_SECRETS =
      List.of(
          "dev-auth-token",
          "dev-operator-token",
          "REPLACE_ME",
          "BEGIN PRIVATE KEY",
          "BEGIN RSA PRIVATE KEY");

  static ImageTarball image;
  static final Map<String, byte[]> CONTENTS = new TreeMap<>();

  @BeforeAll
  static void readTarball() throws IOException {
    Path tar =
        Path.of(
            System.getProperty(
                "image.tar",
                Manifests.REPO_ROOT
                    .resolve("target/conversation-orchestrator-image.tar")
                    .toString()));
    assertThat(tar).as("the image tarball (built by ./mvnw package -Pimage)").isRegularFile();
    // Every file outside the third-party libraries and the Java runtime is read, jars opened.
    image =
        ImageTarball.read(
            tar,
            path -> !path.startsWith("/deployments/lib/") && !path.startsWith("/opt/java/"),
            CONTENTS);
  }

  JsonNode config() {
    return image.config().path("config");
  }

  @Test
  void runsAsTheUnprivilegedUser185() {
    assertThat(config().path("User").asText()).isEqualTo("185:185");
  }

  @Test
  void startsTheFastJarWithTheImagesOwnJavaRuntime() {
    List<String> entrypoint = new ArrayList<>();
    config().path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
    assertThat(entrypoint).isEqualTo(ENTRYPOINT);
    assertThat(config().path("Cmd").isMissingNode() || config().path("Cmd").isEmpty()).isTrue();
    assertThat(file("/opt/java/bin/java").mode() & 0111).as("java is executable").isNotZero();
    assertThat(file("/deployments/quarkus-run.jar").directory()).isFalse();
    assertThat(config().path("WorkingDir").asText()).isEqualTo("/deployments");
    assertThat(env("JAVA_TOOL_OPTIONS"))
        .contains(
            "-XX:MaxRAMPercentage=75",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.io.tmpdir=/tmp",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
  }

  @Test
  void bringsTheCLibrariesTheRuntimeNeeds() {
    // scratch has no libc: the image carries the dynamic linker, glibc and libstdc++ (libjvm).
    assertThat(paths())
        .contains(
            "/lib64/ld-linux-x86-64.so.2",
            "/lib/x86_64-linux-gnu/libc.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libz.so.1",
            "/etc/passwd",
            "/opt/java/lib/server/libjvm.so",
            "/opt/java/lib/security/cacerts");
    assertThat(new String(CONTENTS.get("/etc/passwd"), StandardCharsets.UTF_8))
        .contains("app:x:185:185:");
  }

  @Test
  void exposesOnlyTheHttpPort() {
    List<String> ports = new ArrayList<>();
    config().path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    assertThat(ports).containsExactly("8080/tcp");
  }

  @Test
  void keepsLibrariesApplicationAndQuarkusInSeparateLayers() {
    assertThat(image.layers())
        .extracting(Layer::name)
        .containsExactly("system files", "java runtime", "libraries", "application", "quarkus");
    assertThat(layer("libraries").files())
        .filteredOn(f -> !f.directory())
        .allMatch(f -> f.path().startsWith("/deployments/lib/"));
    assertThat(layer("application").files())
        .filteredOn(f -> !f.directory())
        .allMatch(f -> f.path().startsWith("/deployments/app/"));
    assertThat(layer("quarkus").files())
        .filteredOn(f -> !f.directory())
        .allMatch(
            f ->
                f.path().startsWith("/deployments/quarkus/")
                    || f.path().equals("/deployments/quarkus-run.jar"));
    assertThat(paths()).noneMatch(p -> p.startsWith("/jib-unused"));
  }

  @Test
  void filesBelongToRootAndOnlyTmpIsWritable() {
    List<LayerFile> files = image.layers().stream().flatMap(l -> l.files().stream()).toList();
    assertThat(files).allMatch(f -> f.uid() == 0 && f.gid() == 0, "owned by root");
    assertThat(files)
        .filteredOn(f -> (f.mode() & 0002) != 0)
        .extracting(LayerFile::path)
        .containsExactly("/tmp");
  }

  @Test
  void carriesNoSecrets() {
    assertThat(paths()).noneMatch(p -> SECRET_FILE.matcher(p).matches());
    List<String> leaks = new ArrayList<>();
    CONTENTS.forEach(
        (path, bytes) -> {
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          DEV_SECRETS.stream()
              .filter(text::contains)
              .forEach(secret -> leaks.add(path + " contains " + secret));
        });
    assertThat(leaks).isEmpty();
    assertThat(CONTENTS.keySet())
        .as("the application's configuration was read")
        .anyMatch(p -> p.endsWith("!/application.properties"));
    String properties =
        CONTENTS.entrySet().stream()
            .filter(e -> e.getKey().endsWith("!/application.properties"))
            .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow();
    assertThat(properties)
        .as("secrets outside the dev and test profiles")
        .doesNotContainPattern(
            "(?m)^(orchestrator\\.(secrets\\.key|bootstrap\\.auth-token|operator\\.token)"
                + "|quarkus\\.datasource\\.password)\\s*=");
    assertThat(env("QUARKUS_DATASOURCE_PASSWORD")).isNull();
    config()
        .path("Env")
        .forEach(
            e ->
                assertThat(e.asText())
                    .doesNotContainIgnoringCase("password")
                    .doesNotContainIgnoringCase("token")
                    .doesNotContainIgnoringCase("secret"));
  }

  @Test
  void staysWithinTheSizeBudget() {
    long unpacked =
        image.layers().stream().flatMap(l -> l.files().stream()).mapToLong(LayerFile::size).sum();
    System.out.printf(
        "image: %.1f MiB compressed, %.1f MiB unpacked%n",
        image.compressedBytes() / 1048576.0, unpacked / 1048576.0);
    assertThat(image.compressedBytes()).isLessThanOrEqualTo(COMPRESSED_BUDGET);
    assertThat(unpacked).isLessThanOrEqualTo(UNPACKED_BUDGET);
  }

  private String env(String name) {
    for (JsonNode e : config().path("Env")) {
      if (e.asText().startsWith(name + "=")) {
        return e.asText().substring(name.length() + 1);
      }
    }
    return null;
  }

  private Layer layer(String name) {
    return image.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  private LayerFile file(String path) {
    return image.layers().stream()
        .flatMap(l -> l.files().stream())
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " is not in the image"));
  }

  private List<String> paths() {
    return image.layers().stream().flatMap(l -> l.files().stream()).map(LayerFile::path).toList();
  }
}

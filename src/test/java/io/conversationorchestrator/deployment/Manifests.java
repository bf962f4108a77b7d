package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Strictness.unknownFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Loading the manifests under {@code k8s/}: rendering an overlay with {@code kubectl kustomize}
 * (which must succeed without printing a warning), reading the result strictly with fabric8, and
 * the small helpers the manifest tests share.
 *
 * <p>{@code kubectl} comes from the {@code KUBECTL} environment variable or from PATH ({@code
 * deployment/ensure-kubectl.sh} checks that it is recent enough). Each rendered object is read with
 * fabric8's typed model and rejected if any field is unknown to that model (see {@link Strictness})
 * or has the wrong type. Custom resources the model does not know (Strimzi {@code KafkaTopic},
 * Prometheus Operator {@code ServiceMonitor}) are read as {@link GenericKubernetesResource}; {@link
 * CustomResourceRules} checks their fields.
 */
final class Manifests {
  private Manifests() {}

  static final Path REPO_ROOT = locateRepoRoot();
  static final Path K8S = REPO_ROOT.resolve("k8s");
  static final Path OVERLAYS = K8S.resolve("overlays");
  static final Path SECRET_TEMPLATE = K8S.resolve("base/secret.template.yaml");

  /** Overlays that must satisfy the production rules as well. */
  static final Set<String> PRODUCTION_OVERLAYS = Set.of("prod", "monitoring");

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  /** The kinds the manifests may contain; anything else is reported. */
  static final Map<String, Class<? extends HasMetadata>> TYPED_KINDS =
      Map.of(
          "v1/ServiceAccount", ServiceAccount.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

  /**
   * Custom resources outside fabric8's core model, checked field by field in CustomResourceRules.
   */
  static final Set<String> CUSTOM_KINDS =
      Set.of(
          "kafka.strimzi.io/v1beta2/KafkaTopic",
          "monitoring.coreos.com/v1/ServiceMonitor",
          "monitoring.coreos.com/v1/PrometheusRule");

  record Parsed(List<HasMetadata> objects, List<String> problems) {}

  private static final Map<String, Parsed> RENDERED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Overlay {@code k8s/overlays/<overlay>}, rendered and parsed once per test run. */
  static Parsed rendered(String overlay) {
    return RENDERED.computeIfAbsent(overlay, o -> parse(render(OVERLAYS.resolve(o))));
  }

  static Parsed parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<JsonNode> docs;
    try {
      docs = readYamlDocuments(yaml);
    } catch (IOException e) {
      return new Parsed(objects, List.of("not YAML: " + e.getMessage()));
    }
    for (JsonNode doc : docs) {
      String apiVersion = doc.path("apiVersion").asText();
      String kind = doc.path("kind").asText();
      String name = doc.path("metadata").path("name").asText();
      String id = kind + " " + name;
      String gvk = apiVersion + "/" + kind;
      try {
        String json = JSON.writeValueAsString(doc);
        if (TYPED_KINDS.containsKey(gvk)) {
          HasMetadata object = SERIALIZATION.unmarshal(json, TYPED_KINDS.get(gvk));
          problems.addAll(unknownFields(object, id));
          objects.add(object);
        } else if (CUSTOM_KINDS.contains(gvk)) {
          GenericKubernetesResource object =
              SERIALIZATION.unmarshal(json, GenericKubernetesResource.class);
          problems.addAll(unknownFields(object.getMetadata(), id + " metadata"));
          objects.add(object);
        } else {
          problems.add(id + ": unexpected kind " + gvk + " (add it to TYPED_KINDS/CUSTOM_KINDS)");
        }
      } catch (RuntimeException | IOException e) {
        problems.add(id + ": cannot be read as " + gvk + ": " + e.getMessage());
      }
    }
    return new Parsed(objects, problems);
  }

  static String render(Path kustomization) {
    Path kubectl = kubectl();
    try {
      File out = File.createTempFile("kustomize", ".yaml");
      File err = File.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
                .redirectOutput(out)
                .redirectError(err)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("kubectl kustomize %s did not finish within 120s", kustomization);
        }
        String stderr = Files.readString(err.toPath());
        if (process.exitValue() != 0) {
          fail(
              "kubectl kustomize %s failed (exit %d; kubectl >= 1.21 is needed for `patches`):%n%s",
              kustomization, process.exitValue(), stderr);
        }
        if (stderr.contains("Warning")) {
          fail("kubectl kustomize %s printed warnings:%n%s", kustomization, stderr);
        }
        return Files.readString(out.toPath());
      } finally {
        Files.deleteIfExists(out.toPath());
        Files.deleteIfExists(err.toPath());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + kubectl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path kubectl() {
    String configured = System.getenv("KUBECTL");
    if (configured != null && !configured.isBlank()) {
      Path path = Paths.get(configured);
      if (!Files.isExecutable(path)) {
        fail("KUBECTL=%s is not an executable file", configured);
      }
      return path;
    }
    String pathVariable = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Paths.get(dir, "kubectl");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        "kubectl is not on PATH. The manifest tests render k8s/overlays/* with `kubectl"
            + " kustomize` (kubectl >= 1.21, i.e. kustomize v4+; `bash deployment/ensure-kubectl.sh`"
            + " checks it and says where to get one), or set KUBECTL to a kubectl binary.");
  }

  /**
   * One dynamic test per overlay: {@code rules} applied to its rendered objects (with the
   * production rules for {@link #PRODUCTION_OVERLAYS}) report nothing.
   */
  static Stream<DynamicTest> everyOverlay(
      String concern,
      java.util.function.BiFunction<List<HasMetadata>, Boolean, List<String>> rules) {
    return overlayNames().stream()
        .map(
            overlay ->
                DynamicTest.dynamicTest(
                    overlay,
                    () ->
                        assertThat(
                                rules.apply(
                                    rendered(overlay).objects(),
                                    PRODUCTION_OVERLAYS.contains(overlay)))
                            .as("%s violations in k8s/overlays/%s", concern, overlay)
                            .isEmpty()));
  }

  static Path locateRepoRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("k8s/overlays")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no k8s/overlays above " + dir);
  }

  static List<String> overlayNames() {
    try (Stream<Path> dirs = Files.list(OVERLAYS)) {
      return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Secret secretTemplate() {
    try {
      List<JsonNode> docs = readYamlDocuments(Files.readString(SECRET_TEMPLATE));
      assertThat(docs).as(SECRET_TEMPLATE + " documents").hasSize(1);
      Secret secret = SERIALIZATION.unmarshal(JSON.writeValueAsString(docs.get(0)), Secret.class);
      assertThat(unknownFields(secret, "secret template")).isEmpty();
      return secret;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Set<String> secretKeys(Secret secret) {
    Set<String> keys = new TreeSet<>(nullSafe(secret.getStringData()).keySet());
    keys.addAll(nullSafe(secret.getData()).keySet());
    return keys;
  }

  static List<JsonNode> readYamlDocuments(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  static List<String> checkMutated(
      List<HasMetadata> valid,
      Secret template,
      java.util.function.Consumer<Deployment> mutation,
      boolean production) {
    List<HasMetadata> copy =
        valid.stream().map(o -> (HasMetadata) SERIALIZATION.clone(o)).collect(Collectors.toList());
    Deployment deployment = ofType(copy, Deployment.class).get(0);
    mutation.accept(deployment);
    return ManifestRules.check(copy, production, template);
  }

  static Container firstContainer(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  static List<Container> allContainers(PodSpec pod) {
    List<Container> all = new ArrayList<>(nullSafe(pod.getInitContainers()));
    all.addAll(nullSafe(pod.getContainers()));
    return all;
  }

  static <T> List<T> ofType(List<? extends KubernetesResource> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static List<GenericKubernetesResource> generic(List<HasMetadata> objects, String kind) {
    return ofType(objects, GenericKubernetesResource.class).stream()
        .filter(g -> kind.equals(g.getKind()))
        .toList();
  }

  static String id(HasMetadata o) {
    return o.getKind() + " " + o.getMetadata().getName();
  }

  static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static Map<String, String> toStringMap(Map<String, Object> map) {
    Map<String, String> result = new LinkedHashMap<>();
    map.forEach((k, value) -> result.put(k, String.valueOf(value)));
    return result;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  static void editYaml(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    List<JsonNode> docs = readYamlDocuments(Files.readString(file));
    assertThat(docs).hasSize(1);
    ObjectNode doc = (ObjectNode) docs.get(0);
    edit.accept(doc);
    Files.writeString(file, YAML.writeValueAsString(doc));
  }
}

package io.conversationorchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates the Kubernetes manifests under {@code k8s/} without a cluster.
 *
 * <p>Every overlay under {@code k8s/overlays} is rendered with {@code kubectl kustomize} (the
 * {@code KUBECTL} environment variable may name the binary; otherwise {@code kubectl} is taken from
 * PATH - {@code deployment/ensure-kubectl.sh} installs Debian's {@code kubernetes-client}). Each
 * rendered object is read with fabric8's typed model and rejected if any field is unknown to that
 * model (fabric8 keeps unknown fields in {@code additionalProperties} maps instead of failing, so
 * those maps are walked and must all be empty) or has the wrong type. Custom resources the model
 * does not know (Strimzi {@code KafkaTopic}, Prometheus Operator {@code ServiceMonitor}) are read
 * as {@link GenericKubernetesResource} and their fields are checked explicitly. Then the project
 * rules of {@link ManifestRules} are applied; the last tests prove the rules report a removed probe
 * or limit, both on an object and through a broken copy of the manifests.
 */
class KubernetesManifestsTest {

  static final Path REPO_ROOT = locateRepoRoot();
  static final Path K8S = REPO_ROOT.resolve("k8s");
  static final Path OVERLAYS = K8S.resolve("overlays");
  static final Path SECRET_TEMPLATE = K8S.resolve("base/secret.template.yaml");

  /** Overlays that must satisfy the production rules as well. */
  static final Set<String> PRODUCTION_OVERLAYS = Set.of("prod", "monitoring");

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  // ---------------------------------------------------------------------------------------------
  // Tests
  // ---------------------------------------------------------------------------------------------

  @Test
  void theExpectedOverlaysExist() {
    assertThat(overlayNames()).contains("dev", "prod", "monitoring");
  }

  @TestFactory
  Stream<DynamicTest> everyOverlayRendersParsesStrictlyAndFollowsTheRules() {
    Secret template = secretTemplate();
    return overlayNames().stream()
        .map(
            overlay ->
                DynamicTest.dynamicTest(
                    overlay,
                    () -> {
                      Parsed parsed = parse(render(OVERLAYS.resolve(overlay)));
                      assertThat(parsed.problems())
                          .as(
                              "objects of overlay %s that do not match the Kubernetes model",
                              overlay)
                          .isEmpty();
                      assertThat(parsed.objects())
                          .as("rendered objects of %s", overlay)
                          .isNotEmpty();
                      List<String> violations =
                          ManifestRules.check(
                              parsed.objects(), PRODUCTION_OVERLAYS.contains(overlay), template);
                      assertThat(violations)
                          .as("rule violations in k8s/overlays/%s", overlay)
                          .isEmpty();
                    }));
  }

  @Test
  void everySecretUnderK8sHoldsOnlyPlaceholders() throws IOException {
    List<Path> yamlFiles;
    try (Stream<Path> files = Files.walk(K8S)) {
      yamlFiles =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    List<String> violations = new ArrayList<>();
    int secrets = 0;
    for (Path file : yamlFiles) {
      for (JsonNode doc : readYamlDocuments(Files.readString(file))) {
        if ("Secret".equals(doc.path("kind").asText())) {
          secrets++;
          Secret secret = SERIALIZATION.unmarshal(JSON.writeValueAsString(doc), Secret.class);
          violations.addAll(Strictness.unknownFields(secret, K8S.relativize(file).toString()));
          violations.addAll(ManifestRules.secretValues(secret));
        }
      }
    }
    assertThat(secrets).as("Secret documents found under k8s/").isPositive();
    assertThat(violations).isEmpty();
  }

  @Test
  void secretTemplateProvidesExactlyTheKeysTheDeploymentReads() {
    Secret template = secretTemplate();
    Parsed prod = parse(render(OVERLAYS.resolve("prod")));
    Set<String> referenced = new TreeSet<>();
    for (Deployment deployment : ofType(prod.objects(), Deployment.class)) {
      for (Container container : allContainers(deployment.getSpec().getTemplate().getSpec())) {
        for (EnvVar env : nullSafe(container.getEnv())) {
          if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
            referenced.add(env.getValueFrom().getSecretKeyRef().getKey());
          }
        }
      }
    }
    assertThat(referenced).isEqualTo(new TreeSet<>(secretKeys(template)));
  }

  /** The rules bite: each mutation of a valid rendered manifest is reported. */
  @Test
  void rulesReportMutatedObjects() {
    Secret template = secretTemplate();
    List<HasMetadata> valid = parse(render(OVERLAYS.resolve("prod"))).objects();
    assertThat(ManifestRules.check(valid, true, template)).isEmpty();

    assertThat(
            checkMutated(
                valid, template, d -> firstContainer(d).setReadinessProbe(null), /* prod */ true))
        .anyMatch(v -> v.contains("has no readinessProbe"));
    assertThat(checkMutated(valid, template, d -> firstContainer(d).setStartupProbe(null), true))
        .anyMatch(v -> v.contains("has no startupProbe"));
    assertThat(
            checkMutated(
                valid,
                template,
                d -> firstContainer(d).getLivenessProbe().getHttpGet().setPath("/q/health/ready"),
                true))
        .anyMatch(v -> v.contains("livenessProbe must GET /q/health/live"));
    assertThat(
            checkMutated(
                valid,
                template,
                d -> firstContainer(d).getResources().getLimits().remove("memory"),
                true))
        .anyMatch(v -> v.contains("has no memory limit"));
    assertThat(
            checkMutated(
                valid,
                template,
                d -> firstContainer(d).getResources().getRequests().remove("cpu"),
                true))
        .anyMatch(v -> v.contains("has no cpu request"));
    assertThat(
            checkMutated(
                valid,
                template,
                d ->
                    firstContainer(d)
                        .setImage(
                            "ghcr.io/conversation-orchestrator/conversation-orchestrator:latest"),
                false))
        .anyMatch(v -> v.contains("must not use the tag 'latest'"));
    assertThat(
            checkMutated(
                valid,
                template,
                d ->
                    firstContainer(d)
                        .setImage("ghcr.io/conversation-orchestrator/conversation-orchestrator"),
                false))
        .anyMatch(v -> v.contains("has no tag"));
    assertThat(
            checkMutated(
                valid,
                template,
                d -> firstContainer(d).getSecurityContext().setReadOnlyRootFilesystem(false),
                false))
        .anyMatch(v -> v.contains("readOnlyRootFilesystem"));
    assertThat(
            checkMutated(
                valid,
                template,
                d -> {
                  firstContainer(d).getSecurityContext().setRunAsNonRoot(null);
                  d.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(false);
                },
                false))
        .anyMatch(v -> v.contains("runAsNonRoot"));
    assertThat(
            checkMutated(
                valid,
                template,
                d ->
                    firstContainer(d)
                        .getEnv()
                        .add(
                            new EnvVarBuilder()
                                .withName("DB_PASSWORD")
                                .withValue("hunter2")
                                .build()),
                false))
        .anyMatch(v -> v.contains("DB_PASSWORD") && v.contains("plain value"));
    assertThat(checkMutated(valid, template, d -> d.getSpec().setReplicas(1), true))
        .anyMatch(v -> v.contains("at least 2 replicas"));

    List<HasMetadata> withoutPdbAndHpa =
        valid.stream()
            .filter(
                o -> !(o instanceof PodDisruptionBudget) && !(o instanceof HorizontalPodAutoscaler))
            .toList();
    assertThat(ManifestRules.check(withoutPdbAndHpa, true, template))
        .anyMatch(v -> v.contains("PodDisruptionBudget"))
        .anyMatch(v -> v.contains("HorizontalPodAutoscaler"));

    List<HasMetadata> withRealSecret = new ArrayList<>(valid);
    withRealSecret.add(
        new SecretBuilder()
            .withNewMetadata()
            .withName("leaked")
            .endMetadata()
            .addToStringData("QUARKUS_DATASOURCE_PASSWORD", "s3cr3t")
            .build());
    assertThat(ManifestRules.check(withRealSecret, true, template))
        .anyMatch(v -> v.contains("Secret leaked") && v.contains("placeholder"));
  }

  /**
   * The whole pipeline bites: a temporary copy of {@code k8s/} whose Deployment lost its liveness
   * probe and its memory limit renders, parses, and is reported.
   */
  @Test
  void brokenCopyOfTheManifestsIsReported(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("k8s");
    copyTree(K8S, copy);
    editYaml(
        copy.resolve("base/deployment.yaml"),
        doc -> {
          ObjectNode container = (ObjectNode) doc.at("/spec/template/spec/containers/0");
          container.remove("livenessProbe");
          ((ObjectNode) container.at("/resources/limits")).remove("memory");
        });
    editYaml(
        copy.resolve("overlays/prod/deployment-patch.yaml"),
        doc ->
            ((ObjectNode) doc.at("/spec/template/spec/containers/0/resources/limits"))
                .remove("memory"));

    Parsed parsed = parse(render(copy.resolve("overlays/prod")));
    assertThat(parsed.problems()).isEmpty();
    List<String> violations = ManifestRules.check(parsed.objects(), true, secretTemplate());
    System.out.println(
        "Violations found in the broken copy:\n  " + String.join("\n  ", violations));
    assertThat(violations)
        .anyMatch(v -> v.contains("has no livenessProbe"))
        .anyMatch(v -> v.contains("has no memory limit"));
  }

  /** An unknown field (a typo) is caught by the strict parse. */
  @Test
  void unknownFieldsAreRejected() throws IOException {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: typo
        spec:
          replicas: 2
          selector:
            matchLabels: {app: typo}
          template:
            metadata:
              labels: {app: typo}
            spec:
              containers:
                - name: app
                  image: example/app:1.0.0
                  readinesProbe:
                    httpGet: {path: /q/health/ready, port: 8080}
        """;
    Parsed parsed = parse(yaml);
    assertThat(parsed.problems())
        .anyMatch(p -> p.contains("spec.template.spec.containers[0].readinesProbe"));
  }

  // ---------------------------------------------------------------------------------------------
  // Project rules
  // ---------------------------------------------------------------------------------------------

  /** The rules every rendered overlay must follow. Returns human-readable violations. */
  static final class ManifestRules {

    static final String PLACEHOLDER = "REPLACE_ME";
    static final String IMAGE_REPOSITORY =
        "ghcr.io/conversation-orchestrator/conversation-orchestrator";
    static final Pattern SECRET_LIKE_NAME =
        Pattern.compile(
            "PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL",
            Pattern.CASE_INSENSITIVE);
    static final Pattern RELEASE_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    static final Map<String, String> PROBE_PATHS =
        Map.of(
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready",
            "startupProbe", "/q/health/started");
    static final Set<String> KAFKA_TOPIC_SPEC_FIELDS =
        Set.of("topicName", "partitions", "replicas", "config");
    static final Set<String> SERVICE_MONITOR_SPEC_FIELDS =
        Set.of(
            "selector",
            "endpoints",
            "namespaceSelector",
            "jobLabel",
            "targetLabels",
            "podTargetLabels",
            "sampleLimit");
    static final Set<String> SERVICE_MONITOR_ENDPOINT_FIELDS =
        Set.of(
            "port",
            "targetPort",
            "path",
            "scheme",
            "interval",
            "scrapeTimeout",
            "honorLabels",
            "relabelings",
            "metricRelabelings");

    static List<String> check(List<HasMetadata> objects, boolean production, Secret template) {
      List<String> v = new ArrayList<>();
      List<Deployment> deployments = ofType(objects, Deployment.class);
      List<ConfigMap> configMaps = ofType(objects, ConfigMap.class);
      List<Service> services = ofType(objects, Service.class);
      List<HorizontalPodAutoscaler> hpas = ofType(objects, HorizontalPodAutoscaler.class);
      List<PodDisruptionBudget> pdbs = ofType(objects, PodDisruptionBudget.class);

      if (deployments.isEmpty()) {
        v.add("no Deployment rendered");
      }
      for (Deployment d : deployments) {
        checkDeployment(d, production, configMaps, template, v);
      }
      for (ConfigMap cm : configMaps) {
        checkConfigMap(cm, production, v);
      }
      for (Secret s : ofType(objects, Secret.class)) {
        v.addAll(secretValues(s));
      }
      for (ServiceAccount sa : ofType(objects, ServiceAccount.class)) {
        if (!Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
          v.add(id(sa) + ": automountServiceAccountToken must be false");
        }
      }
      for (Service s : services) {
        checkService(s, deployments, v);
      }
      for (HorizontalPodAutoscaler hpa : hpas) {
        checkHpa(hpa, deployments, production, v);
      }
      for (PodDisruptionBudget pdb : pdbs) {
        if (deployments.stream().noneMatch(d -> selects(pdb.getSpec().getSelector(), d))) {
          v.add(id(pdb) + ": selects no Deployment's pods");
        }
      }
      List<GenericKubernetesResource> topics = generic(objects, "KafkaTopic");
      for (GenericKubernetesResource topic : topics) {
        checkKafkaTopic(topic, production, v);
      }
      for (GenericKubernetesResource sm : generic(objects, "ServiceMonitor")) {
        checkServiceMonitor(sm, services, v);
      }

      if (production) {
        for (Deployment d : deployments) {
          if (pdbs.stream().noneMatch(pdb -> selects(pdb.getSpec().getSelector(), d))) {
            v.add(id(d) + ": production needs a PodDisruptionBudget selecting its pods");
          }
          if (hpas.stream().noneMatch(h -> targets(h, d))) {
            v.add(id(d) + ": production needs a HorizontalPodAutoscaler targeting it");
          }
        }
        Set<String> declaredTopics =
            topics.stream().map(ManifestRules::topicName).collect(Collectors.toSet());
        for (ConfigMap cm : configMaps) {
          nullSafe(cm.getData())
              .forEach(
                  (key, value) -> {
                    if (key.startsWith("ORCHESTRATOR_") && key.contains("TOPIC")) {
                      if (!declaredTopics.contains(value)) {
                        v.add(id(cm) + ": topic '" + value + "' (" + key + ") has no KafkaTopic");
                      }
                    }
                  });
        }
      }
      return v;
    }

    static void checkDeployment(
        Deployment d,
        boolean production,
        List<ConfigMap> configMaps,
        Secret template,
        List<String> v) {
      String id = id(d);
      Integer replicas = d.getSpec().getReplicas();
      if (production && (replicas == null || replicas < 2)) {
        v.add(id + ": production needs at least 2 replicas, has " + replicas);
      }
      var strategy = d.getSpec().getStrategy();
      if (strategy == null
          || !"RollingUpdate".equals(strategy.getType())
          || strategy.getRollingUpdate() == null
          || !isZero(strategy.getRollingUpdate().getMaxUnavailable())) {
        v.add(id + ": strategy must be RollingUpdate with maxUnavailable 0");
      }
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
      if (!selects(d.getSpec().getSelector(), podLabels)) {
        v.add(id + ": selector does not match the pod template labels");
      }
      if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
        v.add(id + ": automountServiceAccountToken must be false");
      }
      checkTopologySpread(id, pod, podLabels, v);
      checkGracePeriod(id, pod, configMaps, v);

      Map<String, Volume> volumes =
          nullSafe(pod.getVolumes()).stream()
              .collect(Collectors.toMap(Volume::getName, x -> x, (a, b) -> a));
      PodSecurityContext podSecurity = pod.getSecurityContext();
      for (Container c : pod.getContainers()) {
        String cid = id + " container " + c.getName();
        checkProbe(cid, "livenessProbe", c.getLivenessProbe(), v);
        checkProbe(cid, "readinessProbe", c.getReadinessProbe(), v);
        checkProbe(cid, "startupProbe", c.getStartupProbe(), v);
      }
      for (Container c : allContainers(pod)) {
        String cid = id + " container " + c.getName();
        checkResources(cid, c, v);
        checkImage(cid, c.getImage(), production, v);
        checkSecurity(cid, c.getSecurityContext(), podSecurity, v);
        checkWritableTmp(cid, c, volumes, v);
        checkEnv(cid, c, configMaps, template, v);
      }
    }

    static void checkProbe(String cid, String kind, Probe probe, List<String> v) {
      if (probe == null) {
        v.add(cid + ": has no " + kind);
        return;
      }
      if (probe.getHttpGet() != null
          && !PROBE_PATHS.get(kind).equals(probe.getHttpGet().getPath())) {
        v.add(
            cid
                + ": "
                + kind
                + " must GET "
                + PROBE_PATHS.get(kind)
                + ", not "
                + probe.getHttpGet().getPath());
      }
    }

    static void checkResources(String cid, Container c, List<String> v) {
      Map<String, Quantity> requests =
          c.getResources() == null ? Map.of() : nullSafe(c.getResources().getRequests());
      Map<String, Quantity> limits =
          c.getResources() == null ? Map.of() : nullSafe(c.getResources().getLimits());
      for (String resource : List.of("cpu", "memory")) {
        Quantity request = requests.get(resource);
        Quantity limit = limits.get(resource);
        if (request == null) {
          v.add(cid + ": has no " + resource + " request");
        }
        if (limit == null) {
          v.add(cid + ": has no " + resource + " limit");
        }
        if (request != null && limit != null) {
          BigDecimal r = Quantity.getAmountInBytes(request);
          BigDecimal l = Quantity.getAmountInBytes(limit);
          if (r.compareTo(l) > 0) {
            v.add(cid + ": " + resource + " request " + request + " exceeds its limit " + limit);
          }
        }
      }
    }

    static void checkImage(String cid, String image, boolean production, List<String> v) {
      if (image == null || image.isBlank()) {
        v.add(cid + ": has no image");
        return;
      }
      String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
      boolean hasDigest = image.contains("@sha256:");
      int slash = withoutDigest.lastIndexOf('/');
      int colon = withoutDigest.lastIndexOf(':');
      String repository = colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
      String tag = colon > slash ? withoutDigest.substring(colon + 1) : null;
      if (tag == null && !hasDigest) {
        v.add(cid + ": image " + image + " has no tag");
      } else if ("latest".equals(tag)) {
        v.add(cid + ": image " + image + " must not use the tag 'latest'");
      }
      if (production
          && repository.equals(IMAGE_REPOSITORY)
          && (tag == null || !RELEASE_VERSION.matcher(tag).matches())) {
        v.add(cid + ": production image " + image + " must be pinned to a release version (x.y.z)");
      }
    }

    static void checkSecurity(
        String cid, SecurityContext sc, PodSecurityContext pod, List<String> v) {
      Boolean runAsNonRoot =
          sc != null && sc.getRunAsNonRoot() != null
              ? sc.getRunAsNonRoot()
              : pod == null ? null : pod.getRunAsNonRoot();
      Long runAsUser =
          sc != null && sc.getRunAsUser() != null
              ? sc.getRunAsUser()
              : pod == null ? null : pod.getRunAsUser();
      if (!Boolean.TRUE.equals(runAsNonRoot)) {
        v.add(cid + ": runAsNonRoot must be true (container or pod securityContext)");
      }
      if (runAsUser != null && runAsUser == 0L) {
        v.add(cid + ": runAsUser must not be 0");
      }
      if (sc == null) {
        v.add(cid + ": has no securityContext");
        return;
      }
      if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
        v.add(cid + ": readOnlyRootFilesystem must be true");
      }
      if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        v.add(cid + ": allowPrivilegeEscalation must be false");
      }
      if (Boolean.TRUE.equals(sc.getPrivileged())) {
        v.add(cid + ": must not be privileged");
      }
      if (sc.getCapabilities() == null
          || !nullSafe(sc.getCapabilities().getDrop()).contains("ALL")) {
        v.add(cid + ": capabilities must drop ALL");
      }
      if (sc.getCapabilities() != null && !nullSafe(sc.getCapabilities().getAdd()).isEmpty()) {
        v.add(cid + ": must not add capabilities");
      }
    }

    static void checkWritableTmp(
        String cid, Container c, Map<String, Volume> volumes, List<String> v) {
      Optional<VolumeMount> tmp =
          nullSafe(c.getVolumeMounts()).stream()
              .filter(m -> "/tmp".equals(m.getMountPath()))
              .findFirst();
      if (tmp.isEmpty()
          || volumes.get(tmp.get().getName()) == null
          || volumes.get(tmp.get().getName()).getEmptyDir() == null) {
        v.add(cid + ": needs an emptyDir mounted at /tmp (read-only root filesystem)");
      }
    }

    static void checkEnv(
        String cid, Container c, List<ConfigMap> configMaps, Secret template, List<String> v) {
      Set<String> configMapNames =
          configMaps.stream().map(cm -> cm.getMetadata().getName()).collect(Collectors.toSet());
      for (EnvVar env : nullSafe(c.getEnv())) {
        boolean secretLike = SECRET_LIKE_NAME.matcher(env.getName()).find();
        if (secretLike && env.getValue() != null) {
          v.add(cid + ": env " + env.getName() + " looks secret but is set as a plain value");
        }
        if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
          if (secretLike) {
            v.add(cid + ": env " + env.getName() + " looks secret but comes from a ConfigMap");
          }
          if (!configMapNames.contains(env.getValueFrom().getConfigMapKeyRef().getName())) {
            v.add(cid + ": env " + env.getName() + " refers to a ConfigMap that is not rendered");
          }
        }
        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
          var ref = env.getValueFrom().getSecretKeyRef();
          if (!template.getMetadata().getName().equals(ref.getName())
              || !secretKeys(template).contains(ref.getKey())) {
            v.add(
                cid
                    + ": env "
                    + env.getName()
                    + " refers to "
                    + ref.getName()
                    + "/"
                    + ref.getKey()
                    + ", which k8s/base/secret.template.yaml does not define");
          }
        }
      }
      for (EnvFromSource from : nullSafe(c.getEnvFrom())) {
        if (from.getConfigMapRef() != null
            && !configMapNames.contains(from.getConfigMapRef().getName())) {
          v.add(
              cid
                  + ": envFrom refers to ConfigMap "
                  + from.getConfigMapRef().getName()
                  + ", which is not rendered");
        }
        if (from.getSecretRef() != null
            && !template.getMetadata().getName().equals(from.getSecretRef().getName())) {
          v.add(cid + ": envFrom refers to an unknown Secret " + from.getSecretRef().getName());
        }
      }
    }

    static void checkTopologySpread(
        String id, PodSpec pod, Map<String, String> podLabels, List<String> v) {
      List<TopologySpreadConstraint> constraints = nullSafe(pod.getTopologySpreadConstraints());
      Map<String, Long> perKey =
          constraints.stream()
              .collect(
                  Collectors.groupingBy(
                      TopologySpreadConstraint::getTopologyKey, Collectors.counting()));
      for (String key : List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname")) {
        Long count = perKey.get(key);
        if (count == null) {
          v.add(id + ": needs a topologySpreadConstraint on " + key);
        } else if (count > 1) {
          v.add(id + ": has " + count + " topologySpreadConstraints on " + key);
        }
      }
      for (TopologySpreadConstraint t : constraints) {
        if (!selects(t.getLabelSelector(), podLabels)) {
          v.add(id + ": topologySpreadConstraint on " + t.getTopologyKey() + " selects other pods");
        }
      }
    }

    /** terminationGracePeriodSeconds must cover Quarkus' shutdown delay + timeout. */
    static void checkGracePeriod(
        String id, PodSpec pod, List<ConfigMap> configMaps, List<String> v) {
      long grace =
          pod.getTerminationGracePeriodSeconds() == null
              ? 30
              : pod.getTerminationGracePeriodSeconds();
      if (grace < 45) {
        v.add(id + ": terminationGracePeriodSeconds must be >= 45, is " + grace);
      }
      for (ConfigMap cm : configMaps) {
        Map<String, String> data = nullSafe(cm.getData());
        Duration delay = parseDuration(data.get("QUARKUS_SHUTDOWN_DELAY"));
        Duration timeout = parseDuration(data.get("QUARKUS_SHUTDOWN_TIMEOUT"));
        long needed = delay.plus(timeout).toSeconds() + 5;
        if (grace < needed) {
          v.add(
              id
                  + ": terminationGracePeriodSeconds "
                  + grace
                  + " does not cover shutdown delay + timeout + 5s ("
                  + needed
                  + "s)");
        }
      }
    }

    static void checkConfigMap(ConfigMap cm, boolean production, List<String> v) {
      Map<String, String> data = nullSafe(cm.getData());
      for (String key : data.keySet()) {
        if (SECRET_LIKE_NAME.matcher(key).find()) {
          v.add(id(cm) + ": key " + key + " looks secret and belongs in the Secret");
        }
      }
      if ("SECONDS".equals(data.get("ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT"))) {
        v.add(id(cm) + ": ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT=SECONDS is for demos only");
      }
      if (production) {
        if (!"true".equals(data.get("QUARKUS_LOG_CONSOLE_JSON"))) {
          v.add(id(cm) + ": production logs must be JSON (QUARKUS_LOG_CONSOLE_JSON=true)");
        }
        if (!"false".equals(data.get("ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS"))) {
          v.add(
              id(cm) + ": production must set ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS=false");
        }
      }
    }

    static List<String> secretValues(Secret s) {
      List<String> v = new ArrayList<>();
      nullSafe(s.getStringData())
          .forEach(
              (key, value) -> {
                if (!PLACEHOLDER.equals(value)) {
                  v.add(id(s) + ": stringData." + key + " must be the placeholder " + PLACEHOLDER);
                }
              });
      nullSafe(s.getData())
          .forEach(
              (key, value) -> {
                String decoded;
                try {
                  decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                  decoded = null;
                }
                if (!PLACEHOLDER.equals(decoded)) {
                  v.add(id(s) + ": data." + key + " must be the placeholder " + PLACEHOLDER);
                }
              });
      return v;
    }

    static void checkService(Service s, List<Deployment> deployments, List<String> v) {
      Optional<Deployment> target =
          deployments.stream()
              .filter(d -> selects(s.getSpec().getSelector(), podLabels(d)))
              .findFirst();
      if (target.isEmpty()) {
        v.add(id(s) + ": selects no Deployment's pods");
        return;
      }
      Set<String> portNames =
          target.get().getSpec().getTemplate().getSpec().getContainers().stream()
              .flatMap(c -> nullSafe(c.getPorts()).stream())
              .map(p -> p.getName())
              .filter(Objects::nonNull)
              .collect(Collectors.toSet());
      for (ServicePort port : s.getSpec().getPorts()) {
        IntOrString targetPort = port.getTargetPort();
        if (targetPort != null
            && targetPort.getStrVal() != null
            && !portNames.contains(targetPort.getStrVal())) {
          v.add(id(s) + ": targetPort " + targetPort.getStrVal() + " is no container port name");
        }
      }
    }

    static void checkHpa(
        HorizontalPodAutoscaler hpa,
        List<Deployment> deployments,
        boolean production,
        List<String> v) {
      if (deployments.stream().noneMatch(d -> targets(hpa, d))) {
        v.add(id(hpa) + ": scaleTargetRef matches no Deployment");
      }
      Integer min = hpa.getSpec().getMinReplicas();
      int max = hpa.getSpec().getMaxReplicas();
      if (min == null || min < 1 || min > max) {
        v.add(id(hpa) + ": needs 1 <= minReplicas <= maxReplicas");
      }
      if (production && (min == null || min < 2)) {
        v.add(id(hpa) + ": production needs minReplicas >= 2");
      }
    }

    static void checkKafkaTopic(GenericKubernetesResource t, boolean production, List<String> v) {
      String id = id(t);
      if (!"kafka.strimzi.io/v1beta2".equals(t.getApiVersion())
          && !"kafka.strimzi.io/v1".equals(t.getApiVersion())) {
        v.add(id + ": unexpected apiVersion " + t.getApiVersion());
      }
      String cluster = nullSafe(t.getMetadata().getLabels()).get("strimzi.io/cluster");
      if (cluster == null || cluster.isBlank()) {
        v.add(id + ": needs the strimzi.io/cluster label");
      }
      Map<String, Object> spec = asMap(t.getAdditionalProperties().get("spec"));
      Set<String> unknown = new TreeSet<>(spec.keySet());
      unknown.removeAll(KAFKA_TOPIC_SPEC_FIELDS);
      if (!unknown.isEmpty()) {
        v.add(id + ": unknown spec fields " + unknown);
      }
      Set<String> unknownTop = new TreeSet<>(t.getAdditionalProperties().keySet());
      unknownTop.remove("spec");
      if (!unknownTop.isEmpty()) {
        v.add(id + ": unknown fields " + unknownTop);
      }
      int partitions = positiveInt(spec.get("partitions"));
      int replicas = positiveInt(spec.get("replicas"));
      if (partitions < 1) {
        v.add(id + ": spec.partitions must be a positive integer");
      }
      if (replicas < 1) {
        v.add(id + ": spec.replicas must be a positive integer");
      } else if (production && replicas < 3) {
        v.add(id + ": production topics need spec.replicas >= 3");
      }
      Map<String, Object> config = asMap(spec.get("config"));
      Object retention = config.get("retention.ms");
      if (retention == null || !String.valueOf(retention).matches("-?\\d+")) {
        v.add(id + ": spec.config.retention.ms must be set to a number of milliseconds");
      }
      Object policy = config.get("cleanup.policy");
      if (policy != null
          && !Set.of("delete", "compact", "compact,delete", "delete,compact")
              .contains(String.valueOf(policy))) {
        v.add(id + ": invalid cleanup.policy " + policy);
      }
      Object minIsr = config.get("min.insync.replicas");
      if (minIsr != null && replicas >= 1 && positiveInt(minIsr) >= replicas) {
        v.add(id + ": min.insync.replicas must be lower than replicas");
      }
    }

    static void checkServiceMonitor(
        GenericKubernetesResource sm, List<Service> services, List<String> v) {
      String id = id(sm);
      if (!"monitoring.coreos.com/v1".equals(sm.getApiVersion())) {
        v.add(id + ": unexpected apiVersion " + sm.getApiVersion());
      }
      Map<String, Object> spec = asMap(sm.getAdditionalProperties().get("spec"));
      Set<String> unknown = new TreeSet<>(spec.keySet());
      unknown.removeAll(SERVICE_MONITOR_SPEC_FIELDS);
      if (!unknown.isEmpty()) {
        v.add(id + ": unknown spec fields " + unknown);
      }
      Map<String, Object> matchLabels = asMap(asMap(spec.get("selector")).get("matchLabels"));
      List<Service> selected =
          services.stream()
              .filter(
                  s ->
                      !matchLabels.isEmpty()
                          && nullSafe(s.getMetadata().getLabels())
                              .entrySet()
                              .containsAll(toStringMap(matchLabels).entrySet()))
              .toList();
      if (selected.isEmpty()) {
        v.add(id + ": spec.selector.matchLabels selects no Service");
      }
      Set<String> servicePorts =
          selected.stream()
              .flatMap(s -> s.getSpec().getPorts().stream())
              .map(ServicePort::getName)
              .filter(Objects::nonNull)
              .collect(Collectors.toSet());
      List<Object> endpoints =
          spec.get("endpoints") instanceof List<?> list ? new ArrayList<>(list) : List.of();
      if (endpoints.isEmpty()) {
        v.add(id + ": needs spec.endpoints");
      }
      for (Object e : endpoints) {
        Map<String, Object> endpoint = asMap(e);
        Set<String> unknownEndpoint = new TreeSet<>(endpoint.keySet());
        unknownEndpoint.removeAll(SERVICE_MONITOR_ENDPOINT_FIELDS);
        if (!unknownEndpoint.isEmpty()) {
          v.add(id + ": unknown endpoint fields " + unknownEndpoint);
        }
        if (!servicePorts.contains(String.valueOf(endpoint.get("port")))) {
          v.add(id + ": endpoint port " + endpoint.get("port") + " is no port of the Service");
        }
        if (!"/q/metrics".equals(endpoint.get("path"))) {
          v.add(id + ": endpoint path must be /q/metrics");
        }
      }
    }

    static String topicName(GenericKubernetesResource t) {
      Object name = asMap(t.getAdditionalProperties().get("spec")).get("topicName");
      return name != null ? String.valueOf(name) : t.getMetadata().getName();
    }

    static boolean targets(HorizontalPodAutoscaler hpa, Deployment d) {
      var ref = hpa.getSpec().getScaleTargetRef();
      return ref != null
          && "Deployment".equals(ref.getKind())
          && "apps/v1".equals(ref.getApiVersion())
          && d.getMetadata().getName().equals(ref.getName());
    }

    static boolean selects(
        io.fabric8.kubernetes.api.model.LabelSelector selector, Deployment deployment) {
      return selects(selector, podLabels(deployment));
    }

    static boolean selects(
        io.fabric8.kubernetes.api.model.LabelSelector selector, Map<String, String> labels) {
      if (selector == null
          || nullSafe(selector.getMatchLabels()).isEmpty()
          || !nullSafe(selector.getMatchExpressions()).isEmpty()) {
        return false;
      }
      return selects(selector.getMatchLabels(), labels);
    }

    static boolean selects(Map<String, String> matchLabels, Map<String, String> labels) {
      return matchLabels != null
          && !matchLabels.isEmpty()
          && nullSafe(labels).entrySet().containsAll(matchLabels.entrySet());
    }

    static Map<String, String> podLabels(Deployment d) {
      return nullSafe(d.getSpec().getTemplate().getMetadata().getLabels());
    }

    static boolean isZero(IntOrString value) {
      return value != null
          && ((value.getIntVal() != null && value.getIntVal() == 0)
              || "0".equals(value.getStrVal())
              || "0%".equals(value.getStrVal()));
    }

    static int positiveInt(Object value) {
      if (value instanceof Integer i) {
        return i;
      }
      if (value instanceof String s && s.matches("\\d+")) {
        return Integer.parseInt(s);
      }
      return -1;
    }

    /** Quarkus durations: "10s", "500ms", "1m", "2h", a bare number of seconds, or ISO-8601. */
    static Duration parseDuration(String value) {
      if (value == null || value.isBlank()) {
        return Duration.ZERO;
      }
      Matcher m =
          Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(value.trim().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofSeconds(n);
        };
      }
      return Duration.parse(value.trim());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Strict reading with fabric8
  // ---------------------------------------------------------------------------------------------

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

  /** Custom resources outside fabric8's core model, checked field by field in ManifestRules. */
  static final Set<String> CUSTOM_KINDS =
      Set.of("kafka.strimzi.io/v1beta2/KafkaTopic", "monitoring.coreos.com/v1/ServiceMonitor");

  record Parsed(List<HasMetadata> objects, List<String> problems) {}

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
          problems.addAll(Strictness.unknownFields(object, id));
          objects.add(object);
        } else if (CUSTOM_KINDS.contains(gvk)) {
          GenericKubernetesResource object =
              SERIALIZATION.unmarshal(json, GenericKubernetesResource.class);
          problems.addAll(Strictness.unknownFields(object.getMetadata(), id + " metadata"));
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

  /**
   * fabric8 does not fail on unknown fields: it stores them in each model object's {@code
   * additionalProperties}. Walking the object graph and requiring every such map to be empty makes
   * the typed parse strict.
   */
  static final class Strictness {

    static List<String> unknownFields(Object root, String id) {
      List<String> found = new ArrayList<>();
      walk(root, "", found, new IdentityHashMap<>());
      return found.stream().map(path -> id + ": unknown field " + path).toList();
    }

    private static void walk(
        Object node, String path, List<String> found, IdentityHashMap<Object, Boolean> seen) {
      if (node == null || seen.put(node, Boolean.TRUE) != null) {
        return;
      }
      if (node instanceof Collection<?> list) {
        int i = 0;
        for (Object item : list) {
          walk(item, path + "[" + i++ + "]", found, seen);
        }
        return;
      }
      if (node instanceof Map<?, ?> map) {
        map.forEach((k, value) -> walk(value, path + "[" + k + "]", found, seen));
        return;
      }
      if (!node.getClass().getName().startsWith("io.fabric8.") || node.getClass().isEnum()) {
        return;
      }
      for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          Object value;
          try {
            field.setAccessible(true);
            value = field.get(node);
          } catch (ReflectiveOperationException | RuntimeException e) {
            continue;
          }
          if ("additionalProperties".equals(field.getName()) && value instanceof Map<?, ?> extra) {
            extra.keySet().forEach(k -> found.add(join(path, String.valueOf(k))));
          } else {
            walk(value, join(path, field.getName()), found, seen);
          }
        }
      }
    }

    private static String join(String path, String field) {
      return path.isEmpty() ? field : path + "." + field;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering with kubectl
  // ---------------------------------------------------------------------------------------------

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
              "kubectl kustomize %s failed (exit %d):%n%s",
              kustomization, process.exitValue(), stderr);
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
        "kubectl is not on PATH. KubernetesManifestsTest renders k8s/overlays/* with `kubectl"
            + " kustomize`. Install Debian's kubernetes-client package (`apt-get install -y"
            + " kubernetes-client`, or run `bash deployment/ensure-kubectl.sh`), or set KUBECTL to"
            + " a kubectl binary.");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

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
      assertThat(Strictness.unknownFields(secret, "secret template")).isEmpty();
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

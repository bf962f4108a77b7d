package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.ContainerRules.checkEnv;
import static io.conversationorchestrator.deployment.ContainerRules.checkImage;
import static io.conversationorchestrator.deployment.ContainerRules.checkProbe;
import static io.conversationorchestrator.deployment.ContainerRules.checkResources;
import static io.conversationorchestrator.deployment.ContainerRules.checkSecurity;
import static io.conversationorchestrator.deployment.ContainerRules.checkWritableTmp;
import static io.conversationorchestrator.deployment.CustomResourceRules.checkKafkaTopic;
import static io.conversationorchestrator.deployment.CustomResourceRules.checkServiceMonitor;
import static io.conversationorchestrator.deployment.Manifests.allContainers;
import static io.conversationorchestrator.deployment.Manifests.generic;
import static io.conversationorchestrator.deployment.Manifests.id;
import static io.conversationorchestrator.deployment.Manifests.nullSafe;
import static io.conversationorchestrator.deployment.Manifests.ofType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The project rules every rendered overlay must follow, grouped by concern; each answers
 * human-readable violations, none when the objects follow it.
 */
final class ManifestRules {
  private ManifestRules() {}

  static final String PLACEHOLDER = "REPLACE_ME";
  static final Pattern SECRET_LIKE_NAME =
      Pattern.compile(
          "PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL",
          Pattern.CASE_INSENSITIVE);

  /** Every rule below; an overlay is valid when this answers nothing. */
  static List<String> check(List<HasMetadata> objects, boolean production, Secret template) {
    List<String> v = new ArrayList<>();
    v.addAll(probesAndShutdown(objects));
    v.addAll(resourcesAndSecurity(objects, production));
    v.addAll(configurationAndSecrets(objects, production, template));
    v.addAll(availability(objects, production));
    v.addAll(customResources(objects, production));
    return v;
  }

  /** Liveness, readiness and startup probes on the health paths; rollout and shutdown timing. */
  static List<String> probesAndShutdown(List<HasMetadata> objects) {
    List<String> v = new ArrayList<>();
    List<ConfigMap> configMaps = ofType(objects, ConfigMap.class);
    for (Deployment d : ofType(objects, Deployment.class)) {
      String id = id(d);
      var strategy = d.getSpec().getStrategy();
      if (strategy == null
          || !"RollingUpdate".equals(strategy.getType())
          || strategy.getRollingUpdate() == null
          || !isZero(strategy.getRollingUpdate().getMaxUnavailable())) {
        v.add(id + ": strategy must be RollingUpdate with maxUnavailable 0");
      }
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      checkGracePeriod(id, pod, configMaps, v);
      for (Container c : pod.getContainers()) {
        String cid = id + " container " + c.getName();
        checkProbe(cid, "livenessProbe", c.getLivenessProbe(), v);
        checkProbe(cid, "readinessProbe", c.getReadinessProbe(), v);
        checkProbe(cid, "startupProbe", c.getStartupProbe(), v);
      }
    }
    return v;
  }

  /** Requests and limits, pinned images, non-root read-only containers, no mounted token. */
  static List<String> resourcesAndSecurity(List<HasMetadata> objects, boolean production) {
    List<String> v = new ArrayList<>();
    for (Deployment d : ofType(objects, Deployment.class)) {
      String id = id(d);
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
        v.add(id + ": automountServiceAccountToken must be false");
      }
      Map<String, Volume> volumes =
          nullSafe(pod.getVolumes()).stream()
              .collect(Collectors.toMap(Volume::getName, x -> x, (a, b) -> a));
      PodSecurityContext podSecurity = pod.getSecurityContext();
      for (Container c : allContainers(pod)) {
        String cid = id + " container " + c.getName();
        checkResources(cid, c, v);
        checkImage(cid, c.getImage(), production, v);
        checkSecurity(cid, c.getSecurityContext(), podSecurity, v);
        checkWritableTmp(cid, c, volumes, v);
      }
    }
    for (ServiceAccount sa : ofType(objects, ServiceAccount.class)) {
      if (!Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
        v.add(id(sa) + ": automountServiceAccountToken must be false");
      }
    }
    return v;
  }

  /** Environment from rendered ConfigMaps and the secret template; secrets only placeholders. */
  static List<String> configurationAndSecrets(
      List<HasMetadata> objects, boolean production, Secret template) {
    List<String> v = new ArrayList<>();
    List<ConfigMap> configMaps = ofType(objects, ConfigMap.class);
    for (Deployment d : ofType(objects, Deployment.class)) {
      for (Container c : allContainers(d.getSpec().getTemplate().getSpec())) {
        checkEnv(id(d) + " container " + c.getName(), c, configMaps, template, v);
      }
    }
    for (ConfigMap cm : configMaps) {
      checkConfigMap(cm, production, v);
    }
    for (Secret s : ofType(objects, Secret.class)) {
      v.addAll(secretValues(s));
    }
    return v;
  }

  /**
   * Replicas, selectors, zone and host spread, Services, and in production a PodDisruptionBudget
   * and a HorizontalPodAutoscaler per Deployment.
   */
  static List<String> availability(List<HasMetadata> objects, boolean production) {
    List<String> v = new ArrayList<>();
    List<Deployment> deployments = ofType(objects, Deployment.class);
    List<HorizontalPodAutoscaler> hpas = ofType(objects, HorizontalPodAutoscaler.class);
    List<PodDisruptionBudget> pdbs = ofType(objects, PodDisruptionBudget.class);
    if (deployments.isEmpty()) {
      v.add("no Deployment rendered");
    }
    for (Deployment d : deployments) {
      String id = id(d);
      Integer replicas = d.getSpec().getReplicas();
      if (production && (replicas == null || replicas < 2)) {
        v.add(id + ": production needs at least 2 replicas, has " + replicas);
      }
      Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
      if (!selects(d.getSpec().getSelector(), podLabels)) {
        v.add(id + ": selector does not match the pod template labels");
      }
      checkTopologySpread(id, d.getSpec().getTemplate().getSpec(), podLabels, v);
    }
    for (Service s : ofType(objects, Service.class)) {
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
    if (production) {
      for (Deployment d : deployments) {
        if (pdbs.stream().noneMatch(pdb -> selects(pdb.getSpec().getSelector(), d))) {
          v.add(id(d) + ": production needs a PodDisruptionBudget selecting its pods");
        }
        if (hpas.stream().noneMatch(h -> targets(h, d))) {
          v.add(id(d) + ": production needs a HorizontalPodAutoscaler targeting it");
        }
      }
    }
    return v;
  }

  /**
   * Strimzi KafkaTopics and Prometheus ServiceMonitors, field by field; in production every topic
   * the configuration names is declared.
   */
  static List<String> customResources(List<HasMetadata> objects, boolean production) {
    List<String> v = new ArrayList<>();
    List<GenericKubernetesResource> topics = generic(objects, "KafkaTopic");
    for (GenericKubernetesResource topic : topics) {
      checkKafkaTopic(topic, production, v);
    }
    List<Service> services = ofType(objects, Service.class);
    for (GenericKubernetesResource sm : generic(objects, "ServiceMonitor")) {
      checkServiceMonitor(sm, services, v);
    }
    if (production) {
      Set<String> declaredTopics =
          topics.stream().map(CustomResourceRules::topicName).collect(Collectors.toSet());
      for (ConfigMap cm : ofType(objects, ConfigMap.class)) {
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
  static void checkGracePeriod(String id, PodSpec pod, List<ConfigMap> configMaps, List<String> v) {
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
    if (!cm.getMetadata().getName().startsWith("conversation-orchestrator-config")) {
      return; // not the service's configuration (e.g. the Grafana dashboard)
    }
    if ("SECONDS".equals(data.get("ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT"))) {
      v.add(id(cm) + ": ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT=SECONDS is for demos only");
    }
    if (production) {
      if (!"true".equals(data.get("QUARKUS_LOG_CONSOLE_JSON"))) {
        v.add(id(cm) + ": production logs must be JSON (QUARKUS_LOG_CONSOLE_JSON=true)");
      }
      if (!"false".equals(data.get("ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS"))) {
        v.add(id(cm) + ": production must set ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS=false");
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

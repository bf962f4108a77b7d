package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.Manifests.asMap;
import static io.conversationorchestrator.deployment.Manifests.id;
import static io.conversationorchestrator.deployment.Manifests.nullSafe;
import static io.conversationorchestrator.deployment.Manifests.toStringMap;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules for the custom resources fabric8 does not model, field by field: Strimzi KafkaTopic and
 * Prometheus Operator ServiceMonitor.
 */
final class CustomResourceRules {
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

  private CustomResourceRules() {}

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

  static int positiveInt(Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof String s && s.matches("\\d+")) {
      return Integer.parseInt(s);
    }
    return -1;
  }
}

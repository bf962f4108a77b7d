package io.conversationorchestrator.deployment;

import static io.conversationorchestrator.deployment.ManifestRules.SECRET_LIKE_NAME;
import static io.conversationorchestrator.deployment.Manifests.nullSafe;
import static io.conversationorchestrator.deployment.Manifests.secretKeys;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules for each container: probes, resources, image, security context, /tmp, environment. */
final class ContainerRules {
  static final String IMAGE_REPOSITORY =
      "ghcr.io/conversation-orchestrator/conversation-orchestrator";
  static final Pattern RELEASE_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  static final Map<String, String> PROBE_PATHS =
      Map.of(
          "livenessProbe", "/q/health/live",
          "readinessProbe", "/q/health/ready",
          "startupProbe", "/q/health/started");

  private ContainerRules() {}

  static void checkProbe(String cid, String kind, Probe probe, List<String> v) {
    if (probe == null) {
      v.add(cid + ": has no " + kind);
      return;
    }
    if (probe.getHttpGet() != null && !PROBE_PATHS.get(kind).equals(probe.getHttpGet().getPath())) {
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
    if (sc.getCapabilities() == null || !nullSafe(sc.getCapabilities().getDrop()).contains("ALL")) {
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
}

#!/usr/bin/env bash
# Checks that `kubectl` >= 1.21 (kustomize v4+, which knows the `patches` field) is on PATH, as
# needed by the manifest tests (src/test/.../deployment). Debian's kubernetes-client (1.20, with
# kustomize v2) is too old for the kustomizations, so nothing is installed from apt.
#
#   bash deployment/ensure-kubectl.sh
set -euo pipefail

kubectl=${KUBECTL:-kubectl}
if ! command -v "$kubectl" >/dev/null 2>&1; then
  echo "ensure-kubectl: kubectl is missing. Install kubectl >= 1.21 (https://kubernetes.io/docs/tasks/tools/," \
    "the pkgs.k8s.io apt repository, or the Google Cloud SDK's kubectl) or set KUBECTL." >&2
  exit 1
fi

minor=$("$kubectl" version --client -o json 2>/dev/null |
  sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -n 1)
if [[ -z $minor || $minor -lt 21 ]]; then
  echo "ensure-kubectl: $(command -v "$kubectl") is kubectl 1.${minor:-?}; 1.21 or newer is needed" \
    "(its kustomize must know \`patches\`)." >&2
  exit 1
fi
echo "ensure-kubectl: using $(command -v "$kubectl") ($("$kubectl" version --client 2>/dev/null | head -n 1))"

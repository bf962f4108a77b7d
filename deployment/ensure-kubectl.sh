#!/usr/bin/env bash
# Makes sure `kubectl` (with its built-in `kubectl kustomize`) is on PATH, as needed by
# the manifest tests (src/test/.../deployment). Idempotent: does nothing when a working kubectl is already there;
# otherwise installs Debian's `kubernetes-client` package with apt-get.
#
#   bash deployment/ensure-kubectl.sh
set -euo pipefail

if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
  echo "ensure-kubectl: using $(command -v kubectl) ($(kubectl version --client 2>/dev/null | head -n 1))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-kubectl: kubectl is missing and apt-get is not available;" \
    "install kubectl (any version >= 1.14) some other way." >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-kubectl: installing Debian's kubernetes-client"
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends kubernetes-client

kubectl version --client 2>/dev/null | head -n 1
kubectl kustomize --help >/dev/null

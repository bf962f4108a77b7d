#!/usr/bin/env bash
# Builds the non-application part of the container image into target/image-rootfs, for Jib to
# layer on `scratch` (no base image is pulled, so no registry is needed):
#   opt/java           a Java runtime made by jlink from the build's JDK (only the modules below);
#   lib/, lib64/       the glibc and C++ runtime libraries that runtime links against, copied from
#                      the build machine (found with ldd, so the set follows the JDK);
#   etc/               passwd/group with the unprivileged user 185, nsswitch.conf, empty hosts;
#   tmp/               the only writable directory (mount an emptyDir/tmpfs there in production).
# Run by `./mvnw package -Pimage` (exec-maven-plugin) after Quarkus has built target/quarkus-app.
# The runtime is rebuilt only when the JDK or the module list changes.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Modules the service needs (jdeps over target/quarkus-app, plus what is loaded reflectively or
# by service lookup: jdk.crypto.ec for TLS with EC keys, jdk.naming.dns, jdk.zipfs, jdk.management
# for Micrometer's process metrics, java.instrument for agents).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs

jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
root=target/image-rootfs
stamp="$jdk $("$jdk/bin/java" -version 2>&1 | sed -n 1p) $modules"

if [[ ! -f $root/.jre-stamp || $(cat "$root/.jre-stamp") != "$stamp" ]]; then
  rm -rf "$root"
  mkdir -p "$root/opt"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$root/opt/java"
  # The class-data-sharing archive of these modules: faster start-up.
  "$root/opt/java/bin/java" -Xshare:dump >/dev/null
  echo "$stamp" >"$root/.jre-stamp"
fi

# Shared libraries: everything the runtime's executables and libraries link against, at the path
# the dynamic linker finds them (their real path on this Debian-based build machine).
rm -rf "$root/lib" "$root/lib64" "$root/usr"
# AWT's native parts (java.desktop is there for java.beans) run headless: X11, fonts, sound and
# image codecs are left out, so their libraries are not copied.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  -not -regex '.*/lib\(awt_xawt\|fontmanager\|jsound\|splashscreen\|lcms\|javajpeg\|jawt\)\.so' -print0 |
  { xargs -0 ldd 2>/dev/null || true; } | # (ldd fails on files that are not dynamic ELF)
  awk '/=> \/(usr\/)?lib/ { print $3 } /^\t\/lib/ { print $1 }' | sort -u |
  while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
# Loaded with dlopen, not linked: name resolution (glibc keeps files/dns in libc since 2.34, but
# older ones need these) and libgcc_s for thread cancellation.
for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2 libgcc_s.so.1 libdl.so.2 libpthread.so.0 librt.so.1; do
  # (awk reads to the end: an early exit would kill ldconfig with SIGPIPE, fatal under pipefail)
  lib=$(ldconfig -p | awk -v n="$extra" '$1 == n && /x86-64|x86_64/ && !found { print $NF; found = 1 }')
  if [[ -n $lib ]]; then
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  fi
done

mkdir -p "$root/etc" "$root/tmp"
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
app:x:185:185:conversation-orchestrator:/deployments:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
app:x:185:
GROUP
echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
echo '127.0.0.1 localhost' >"$root/etc/hosts"
echo "image rootfs: $(du -sh "$root" | cut -f1) in $root"

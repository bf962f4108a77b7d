package io.conversationorchestrator.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The OCI image tarball Jib writes ({@code index.json}, {@code blobs/sha256/...}): its config and
 * every file of every layer, with the content of the files a check asks for.
 */
record ImageTarball(JsonNode config, List<Layer> layers, long compressedBytes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One layer: its history comment (Jib's layer name), compressed size and files. */
  record Layer(String name, long compressedBytes, List<LayerFile> files) {}

  /** A file of a layer; {@code text} is read only for files the caller wanted. */
  record LayerFile(String path, int mode, long uid, long gid, long size, boolean directory) {}

  /**
   * Reads the tarball; {@code contentWanted} picks the files whose bytes go to {@code contents}
   * (jars are opened and each entry passed as {@code jar!/entry}).
   */
  static ImageTarball read(Path tar, Predicate<String> contentWanted, Map<String, byte[]> contents)
      throws IOException {
    Map<String, byte[]> small = new HashMap<>();
    Map<String, Path> blobs = new HashMap<>();
    Path dir = Files.createTempDirectory("image-blobs");
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        if (e.getSize() < 1 << 20) {
          small.put(e.getName(), in.readAllBytes());
        } else {
          Path file = dir.resolve(Path.of(e.getName()).getFileName().toString());
          Files.copy(in, file);
          blobs.put(e.getName(), file);
        }
      }
    }
    try {
      JsonNode index = JSON.readTree(small.get("index.json"));
      JsonNode manifest = JSON.readTree(small.get(blob(index.path("manifests").get(0))));
      JsonNode config = JSON.readTree(small.get(blob(manifest.path("config"))));
      List<Layer> layers = new ArrayList<>();
      long total = 0;
      JsonNode history = config.path("history");
      for (int i = 0; i < manifest.path("layers").size(); i++) {
        JsonNode descriptor = manifest.path("layers").get(i);
        String name = blob(descriptor);
        InputStream raw =
            blobs.containsKey(name)
                ? Files.newInputStream(blobs.get(name))
                : new java.io.ByteArrayInputStream(small.get(name));
        long size = descriptor.path("size").asLong();
        total += size;
        layers.add(
            new Layer(
                history.path(i).path("comment").asText(),
                size,
                files(raw, contentWanted, contents)));
      }
      return new ImageTarball(config, layers, total);
    } finally {
      for (Path file : blobs.values()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    }
  }

  private static String blob(JsonNode descriptor) {
    return "blobs/" + descriptor.path("digest").asText().replace(':', '/');
  }

  private static List<LayerFile> files(
      InputStream raw, Predicate<String> contentWanted, Map<String, byte[]> contents)
      throws IOException {
    List<LayerFile> files = new ArrayList<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(raw)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String path = "/" + e.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
        path =
            path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        files.add(
            new LayerFile(
                path,
                e.getMode(),
                e.getLongUserId(),
                e.getLongGroupId(),
                e.getSize(),
                e.isDirectory()));
        if (!e.isDirectory() && contentWanted.test(path)) {
          byte[] bytes = in.readAllBytes();
          contents.put(path, bytes);
          if (path.endsWith(".jar")) {
            jarEntries(path, bytes, contents);
          }
        }
      }
    }
    return files;
  }

  private static void jarEntries(String jar, byte[] bytes, Map<String, byte[]> contents)
      throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          zip.transferTo(out);
          contents.put(jar + "!/" + e.getName(), out.toByteArray());
        }
      }
    }
  }
}

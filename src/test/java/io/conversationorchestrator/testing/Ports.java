package io.conversationorchestrator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port picking. */
public final class Ports {
  private Ports() {}

  /** A port free right now on 127.0.0.1 (the usual small race with other processes applies). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code preferred} if nothing listens there, else a random free port. */
  static int preferredOrFree(int preferred) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferred));
      return preferred;
    } catch (IOException busy) {
      return free();
    }
  }
}

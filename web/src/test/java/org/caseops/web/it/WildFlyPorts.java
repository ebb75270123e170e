package org.caseops.web.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The ports of the integration tests' WildFly servers: WildFly listens on its standard ports plus a
 * port offset. With the offset {@code auto} (the build's default), it is picked here, before any
 * test runs, among the offsets whose every port is free at that moment, at random, so that two runs
 * on one machine do not take the same; the Arquillian container's settings ({@code
 * wildfly.vmOptions}, {@code wildfly.managementPort}) are then rewritten with it. An offset or
 * management port given to the build ({@code -Dit.wildfly.port.offset}, {@code
 * -Dit.wildfly.managementPort}) is used as given.
 */
public class WildFlyPorts implements LauncherSessionListener {
  static final String AUTO = "auto";
  private static final String OFFSET_OPTION = "-Djboss.socket.binding.port-offset=";

  /**
   * WildFly's standard ports (HTTP, HTTPS, management HTTP and HTTPS, AJP, transaction recovery and
   * status) that an offset moves.
   */
  static final List<Integer> STANDARD_PORTS = List.of(8080, 8443, 9990, 9993, 8009, 4712, 4713);

  /** Offsets keep every port below Linux's ephemeral range (32768 and up). */
  private static final int LOWEST_OFFSET = 1000;

  private static final int HIGHEST_OFFSET = 22_000;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String vmOptions = System.getProperty("wildfly.vmOptions");
    String managementPort = System.getProperty("wildfly.managementPort");
    boolean autoOffset = vmOptions != null && vmOptions.contains(OFFSET_OPTION + AUTO);
    if (!autoOffset && !AUTO.equals(managementPort)) {
      return;
    }
    int offset = autoOffset ? freeOffset() : givenOffset(vmOptions);
    if (autoOffset) {
      System.setProperty(
          "wildfly.vmOptions", vmOptions.replace(OFFSET_OPTION + AUTO, OFFSET_OPTION + offset));
    }
    if (AUTO.equals(managementPort)) {
      System.setProperty("wildfly.managementPort", Integer.toString(9990 + offset));
    }
  }

  /** The offset of the Arquillian server, as given or picked; 0 when none is set. */
  static int arquillianOffset() {
    return givenOffset(System.getProperty("wildfly.vmOptions"));
  }

  private static int givenOffset(String vmOptions) {
    int at = vmOptions == null ? -1 : vmOptions.indexOf(OFFSET_OPTION);
    if (at < 0) {
      return 0;
    }
    String rest = vmOptions.substring(at + OFFSET_OPTION.length()).split("\\s+")[0];
    return rest.equals(AUTO) ? 0 : Integer.parseInt(rest);
  }

  /**
   * An offset whose every standard port is free now, picked at random among those that keep the
   * ports below the ephemeral range.
   */
  static int freeOffset() {
    return freeOffsetApartFrom(-1_000_000);
  }

  /**
   * A free offset (as {@link #freeOffset()}) whose ports are none of those of another offset, the
   * Arquillian server's for a test that starts a second server.
   */
  static int freeOffsetApartFrom(int other) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int offset = LOWEST_OFFSET + random.nextInt(HIGHEST_OFFSET - LOWEST_OFFSET);
      if (Math.abs(offset - other) > 6000 && allFree(offset)) {
        return offset;
      }
    }
    throw new IllegalStateException("no port offset whose ports are all free was found");
  }

  private static boolean allFree(int offset) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int port : STANDARD_PORTS) {
        ServerSocket socket = new ServerSocket();
        held.add(socket);
        socket.bind(new InetSocketAddress(port + offset));
      }
      return true;
    } catch (IOException taken) {
      return false;
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a probe
        }
      }
    }
  }
}

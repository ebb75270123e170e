package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WildFlyPortsTest {
  private String vmOptions;
  private String managementPort;

  @BeforeEach
  void keep() {
    vmOptions = System.getProperty("wildfly.vmOptions");
    managementPort = System.getProperty("wildfly.managementPort");
  }

  @AfterEach
  void restore() {
    set("wildfly.vmOptions", vmOptions);
    set("wildfly.managementPort", managementPort);
  }

  @Test
  void anAutoOffsetBecomesOneWhosePortsAreFreeAndTheManagementPortFollows() throws IOException {
    System.setProperty(
        "wildfly.vmOptions", "-Xmx768m -Djboss.socket.binding.port-offset=auto -Dx=y");
    System.setProperty("wildfly.managementPort", "auto");

    new WildFlyPorts().launcherSessionOpened(null);

    int offset = WildFlyPorts.arquillianOffset();
    assertThat(offset).isBetween(1000, 22_000);
    assertThat(System.getProperty("wildfly.vmOptions"))
        .isEqualTo("-Xmx768m -Djboss.socket.binding.port-offset=" + offset + " -Dx=y");
    assertThat(System.getProperty("wildfly.managementPort"))
        .isEqualTo(Integer.toString(9990 + offset));
    for (int port : WildFlyPorts.STANDARD_PORTS) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(port + offset));
      }
    }
  }

  @Test
  void givenPortsAreKept() {
    System.setProperty("wildfly.vmOptions", "-Djboss.socket.binding.port-offset=2230");
    System.setProperty("wildfly.managementPort", "12220");

    new WildFlyPorts().launcherSessionOpened(null);

    assertThat(System.getProperty("wildfly.vmOptions"))
        .isEqualTo("-Djboss.socket.binding.port-offset=2230");
    assertThat(System.getProperty("wildfly.managementPort")).isEqualTo("12220");
    // A given offset with the management port left to follow it.
    System.setProperty("wildfly.managementPort", "auto");
    new WildFlyPorts().launcherSessionOpened(null);
    assertThat(System.getProperty("wildfly.managementPort")).isEqualTo("12220");
  }

  @Test
  void aSecondServersOffsetTakesNoneOfTheFirstOnesPorts() {
    for (int i = 0; i < 50; i++) {
      int first = WildFlyPorts.freeOffset();
      int second = WildFlyPorts.freeOffsetApartFrom(first);
      for (int a : WildFlyPorts.STANDARD_PORTS) {
        assertThat(WildFlyPorts.STANDARD_PORTS).doesNotContain(a + first - second);
      }
    }
  }

  private static void set(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}

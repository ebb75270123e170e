package org.caseops.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
  /** An echo server on loopback. */
  private static ServerSocket echo() throws IOException {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!s.isClosed()) {
                try {
                  Socket c = s.accept();
                  Thread e =
                      new Thread(
                          () -> {
                            try (c;
                                InputStream in = c.getInputStream();
                                OutputStream out = c.getOutputStream()) {
                              in.transferTo(out);
                            } catch (IOException ignored) {
                              // closed
                            }
                          });
                  e.setDaemon(true);
                  e.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return s;
  }

  private static int roundTrip(Socket s, int b) throws IOException {
    s.getOutputStream().write(b);
    s.getOutputStream().flush();
    return s.getInputStream().read();
  }

  @Test
  void forwardsThenCutsOpenConnectionsAndRefusesNewOnesThenForwardsAgain() throws Exception {
    try (ServerSocket target = echo();
        TcpProxy proxy = new TcpProxy("127.0.0.1", target.getLocalPort())) {
      Socket before = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
      before.setSoTimeout(5000);
      assertThat(roundTrip(before, 42)).isEqualTo(42);

      proxy.cut();
      assertThatThrownBy(
              () -> {
                int r = roundTrip(before, 43);
                if (r < 0) {
                  throw new IOException("closed");
                }
              })
          .isInstanceOf(IOException.class);
      Socket during = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
      during.setSoTimeout(5000);
      assertThat(during.getInputStream().read()).isEqualTo(-1);

      proxy.restore();
      Socket after = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
      after.setSoTimeout(5000);
      assertThat(roundTrip(after, 44)).isEqualTo(44);
      before.close();
      during.close();
      after.close();
    }
  }

  @Test
  void aResetClosesOpenConnectionsAndForwardsNewOnesAtOnce() throws Exception {
    try (ServerSocket target = echo();
        TcpProxy proxy = new TcpProxy("127.0.0.1", target.getLocalPort())) {
      Socket before = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
      before.setSoTimeout(5000);
      assertThat(roundTrip(before, 42)).isEqualTo(42);

      proxy.reset();
      assertThatThrownBy(
              () -> {
                int r = roundTrip(before, 43);
                if (r < 0) {
                  throw new IOException("closed");
                }
              })
          .isInstanceOf(IOException.class);
      Socket after = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
      after.setSoTimeout(5000);
      assertThat(roundTrip(after, 44)).isEqualTo(44);
      before.close();
      after.close();
    }
  }
}

package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's one-click local sign-in through HTTP, on a server in development mode: the built
 * WAR on a Payara Micro of its own, started as {@code bin/run} starts it with no token issuer (so
 * in development mode, on its embedded H2 database). A caller on the server's own machine (a
 * loopback address naming a loopback host) gets a read-write token that the API accepts; a caller
 * from another address of the machine, or a loopback caller whose Host header names another site,
 * gets a 404 and no token.
 */
class DevSignInIT {
  private static final String SIGN_IN = "/v1.0/caseops/devSignIn";
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";

  @TempDir static Path dir;
  private static Process server;
  private static int port;
  private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startServerInDevelopmentMode() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path war = Path.of(System.getProperty("caseops.war", "target/caseops.war")).toAbsolutePath();
    Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
    Files.copy(war, dir.resolve("ROOT.war"));
    Files.createDirectories(dir.resolve("evidence"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dcaseops.data.dir=" + dir.resolve("data"),
                "-Dcaseops.evidence.root=" + dir.resolve("evidence"),
                "-jar",
                micro.toAbsolutePath().toString(),
                "--nocluster",
                "--port",
                Integer.toString(port),
                "--rootdir",
                dir.resolve("payara").toString(),
                "--postbootcommandfile",
                Path.of("src/main/payara/server.asadmin").toAbsolutePath().toString(),
                "--deploy",
                dir.resolve("ROOT.war").toString())
            .redirectErrorStream(true);
    // Development mode: no token issuer, whatever the test run's environment says.
    builder.environment().keySet().removeIf(name -> name.startsWith("CASEOPS_AUTH_"));
    server = builder.start();
    CompletableFuture<Boolean> started = readUntilStarted(server, LOG);
    assertThat(started.get(300, TimeUnit.SECONDS))
        .as("Payara Micro started; its log:\n" + String.join("\n", LOG))
        .isTrue();
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void aLoopbackCallerGetsAReadWriteTokenThatTheApiAccepts() throws IOException {
    String loopback = "127.0.0.1:" + port;

    Reply offered = send(InetAddress.getLoopbackAddress(), loopback, "GET", SIGN_IN, null, null);
    assertThat(offered.status).as(offered.toString()).isEqualTo(200);
    assertThat(offered.json().getBoolean("available")).isTrue();

    Reply signedIn = send(InetAddress.getLoopbackAddress(), loopback, "POST", SIGN_IN, null, "{}");
    assertThat(signedIn.status).as(signedIn.toString()).isEqualTo(200);
    assertThat(signedIn.header("Cache-Control")).isEqualTo("no-store");
    assertThat(signedIn.header("Set-Cookie")).isNull();
    JsonObject token = signedIn.json();
    assertThat(token.getString("tokenType")).isEqualTo("Bearer");
    assertThat(Instant.parse(token.getString("expiresDateTime")))
        .isBetween(
            Instant.now().plus(Duration.ofHours(7)), Instant.now().plus(Duration.ofHours(9)));
    String accessToken = token.getString("accessToken");

    // The token works: it reads and writes as the local developer.
    Reply me =
        send(
            InetAddress.getLoopbackAddress(),
            loopback,
            "GET",
            "/v1.0/caseops/me",
            accessToken,
            null);
    assertThat(me.status).as(me.toString()).isEqualTo(200);
    assertThat(me.json().getBoolean("canWrite")).isTrue();
    assertThat(me.json().getJsonObject("identity").getJsonObject("user").getString("displayName"))
        .isEqualTo("Local developer");
    Reply created =
        send(
            InetAddress.getLoopbackAddress(),
            loopback,
            "POST",
            CASES,
            accessToken,
            "{\"displayName\":\"Signed in locally\"}");
    assertThat(created.status).as(created.toString()).isEqualTo(201);
    assertThat(
            created
                .json()
                .getJsonObject("createdBy")
                .getJsonObject("user")
                .getString("displayName"))
        .isEqualTo("Local developer");

    // Without it, or with a made-up one, the API still wants a token in development mode.
    Reply anonymous = send(InetAddress.getLoopbackAddress(), loopback, "GET", CASES, null, null);
    assertThat(anonymous.status).as(anonymous.toString()).isEqualTo(401);
    Reply forged =
        send(InetAddress.getLoopbackAddress(), loopback, "GET", CASES, accessToken + "x", null);
    assertThat(forged.status).as(forged.toString()).isEqualTo(401);
  }

  @Test
  void aLoopbackCallerNamingTheServerLocalhostGetsOneToo() throws IOException {
    Reply signedIn =
        send(InetAddress.getLoopbackAddress(), "localhost:" + port, "POST", SIGN_IN, null, "{}");
    assertThat(signedIn.status).as(signedIn.toString()).isEqualTo(200);
    assertThat(signedIn.json().getString("accessToken")).isNotBlank();
  }

  @Test
  void aCallerFromAnotherAddressOfTheMachineGetsNoToken() throws IOException {
    InetAddress other = nonLoopbackAddress();
    String host = other.getHostAddress() + ":" + port;

    Reply offered = send(other, host, "GET", SIGN_IN, null, null);
    assertThat(offered.status).as(offered.toString()).isEqualTo(404);
    assertThat(offered.json().getJsonObject("error").getString("code")).isEqualTo("itemNotFound");
    Reply signIn = send(other, host, "POST", SIGN_IN, null, "{}");
    assertThat(signIn.status).as(signIn.toString()).isEqualTo(404);
    assertThat(signIn.body).doesNotContain("accessToken");
    // Not even when it says it is calling localhost.
    Reply claimed = send(other, "localhost:" + port, "POST", SIGN_IN, null, "{}");
    assertThat(claimed.status).as(claimed.toString()).isEqualTo(404);
    assertThat(claimed.body).doesNotContain("accessToken");
  }

  @Test
  void aLoopbackCallerNamingAnotherHostGetsNoToken() throws IOException {
    // A page of another site whose name resolves to 127.0.0.1 sends its own name as the Host.
    Reply offered =
        send(
            InetAddress.getLoopbackAddress(),
            "rebound.example.com:" + port,
            "GET",
            SIGN_IN,
            null,
            null);
    assertThat(offered.status).as(offered.toString()).isEqualTo(404);
    Reply signIn =
        send(
            InetAddress.getLoopbackAddress(),
            "rebound.example.com:" + port,
            "POST",
            SIGN_IN,
            null,
            "{}");
    assertThat(signIn.status).as(signIn.toString()).isEqualTo(404);
    assertThat(signIn.body).doesNotContain("accessToken");
  }

  /** An address of this machine that is not a loopback one: the server listens on every address. */
  private static InetAddress nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return address;
        }
      }
    }
    throw new AssertionError("this test needs a network address other than loopback");
  }

  /** One HTTP/1.1 exchange over a socket to the address, with the Host header given. */
  private static Reply send(
      InetAddress address, String host, String method, String path, String token, String json)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 10_000);
      socket.setSoTimeout(60_000);
      byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
      StringBuilder request =
          new StringBuilder(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.1\r\nHost: ")
              .append(host)
              .append("\r\nAccept: application/json\r\nConnection: close\r\n");
      if (token != null) {
        request.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (json != null) {
        request.append("Content-Type: application/json\r\n");
      }
      request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return Reply.read(socket.getInputStream());
    }
  }

  private record Reply(int status, Map<String, String> headers, String body) {
    static Reply read(InputStream in) throws IOException {
      byte[] all = in.readAllBytes();
      String text = new String(all, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(head[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).trim());
      }
      String body = text.substring(end + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Reply(status, headers, body);
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          return body.toString();
        }
        // Chunk sizes count bytes; the bodies here are ASCII JSON.
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /**
   * Reads the server's output into {@code log} on a thread of its own, to its end (so that the
   * server never blocks on a full pipe); the future is true once the server says it is ready, false
   * if its output ends first.
   */
  private static CompletableFuture<Boolean> readUntilStarted(Process server, List<String> log) {
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  log.add(line);
                  if (line.contains("Payara Micro") && line.contains("ready in")) {
                    ready.complete(true);
                  }
                }
              } catch (IOException e) {
                // The server ended.
              }
              ready.complete(false);
            },
            "dev-sign-in-server-output");
    reader.setDaemon(true);
    reader.start();
    return ready;
  }
}

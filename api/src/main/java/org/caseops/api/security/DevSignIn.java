package org.caseops.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's one-click local sign-in, offered only in development mode and only to a caller on
 * the server's own machine: a request from a loopback address that names a loopback host (so that a
 * page of another site, even one whose name resolves to 127.0.0.1, is refused). It hands out a
 * read-write token for {@value DevKeys#DEFAULT_USER}, valid {@link #VALIDITY}.
 */
public final class DevSignIn {
  /** How long a token from the local sign-in is valid. */
  public static final Duration VALIDITY = Duration.ofHours(8);

  private static final Pattern LOOPBACK_HOST =
      Pattern.compile("(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?");

  private final Optional<DevKeys> keys;

  /**
   * @param keys the development key; empty when a token issuer is configured
   */
  public DevSignIn(Optional<DevKeys> keys) {
    this.keys = keys;
  }

  /** Whether the sign-in is offered to a request from this address with this Host header. */
  public boolean offeredTo(String remoteAddress, String hostHeader) {
    return keys.isPresent() && isLoopback(remoteAddress) && isLoopbackHost(hostHeader);
  }

  /** A read-write token for a request the sign-in is offered to; empty for any other. */
  public Optional<String> tokenFor(String remoteAddress, String hostHeader) {
    if (!offeredTo(remoteAddress, hostHeader)) {
      return Optional.empty();
    }
    return keys.map(k -> k.userToken(DevKeys.DEFAULT_USER, Permissions.READ_WRITE, VALIDITY));
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
    // Only literal addresses: never a name lookup.
    if (!a.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(a).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isLoopbackHost(String host) {
    return host != null && LOOPBACK_HOST.matcher(host.trim().toLowerCase(Locale.ROOT)).matches();
  }
}

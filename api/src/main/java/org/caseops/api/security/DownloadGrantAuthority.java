package org.caseops.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@link DownloadGrants}, made on first use, and the one path a grant opens: {@code
 * {version}/caseops/cases/{caseId}/downloads/{fileId}}.
 */
@ApplicationScoped
public class DownloadGrantAuthority {
  /** The request property that holds the file id a valid grant was checked for. */
  public static final String GRANTED_FILE = "caseops.download.grantedFile";

  /** The query parameter that carries a grant. */
  public static final String GRANT_PARAMETER = "grant";

  private static final Pattern DOWNLOAD =
      Pattern.compile(
          "/?(?:v1\\.0|beta)/caseops/cases/([A-Za-z0-9-]{1,64})/downloads/([0-9a-f]{32})");

  private DownloadGrants grants;

  public synchronized DownloadGrants grants() {
    if (grants == null) {
      grants = DownloadGrants.fromEnvironment();
    }
    return grants;
  }

  /** The case id and file id a download path names, or null when the path is not a download. */
  public static String[] downloadOf(String path) {
    Matcher m = DOWNLOAD.matcher(path == null ? "" : path);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
  }
}

package org.caseops.api.custodians;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.odata.JsonBody;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;

/**
 * Bodies of {@code POST} on custodians, userSources and siteSources.
 *
 * <ul>
 *   <li>custodian: {@code email} (required), {@code displayName} (optional, defaults to the email);
 *   <li>userSource: {@code email} (required), {@code includedSources} (optional; only {@code
 *       mailbox} is served, {@code site} is refused with {@code notSupported}: add the site as a
 *       siteSource), {@code displayName};
 *   <li>siteSource: the site's URL, given once as {@code "site": {"webUrl": ...}} (Graph's form),
 *       {@code "site": "<url>"}, {@code "site@odata.bind": "<url>"}, {@code "webUrl"} or {@code
 *       "siteWebUrl"}; {@code displayName}.
 * </ul>
 *
 * Every address must map to a folder under the evidence root ({@link
 * CustodianSource#evidencePath}). {@code status} and {@code holdStatus} are refused as read-only;
 * other server-owned properties are ignored; anything else is refused.
 */
public final class CustodianRequests {
  public static final String MAILBOX = "mailbox";
  public static final String SITE = "site";
  static final int MAX_EMAIL = 320;
  static final int MAX_LOCAL_PART = 64;
  static final int MAX_DISPLAY_NAME = 256;
  static final int MAX_URL = 2048;

  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern EMAIL =
      Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

  private CustodianRequests() {}

  public record NewCustodian(String email, String displayName) {}

  /** A source to add: a mailbox named by email, or a site named by URL. */
  public record NewSource(SourceKind kind, String address, String displayName) {}

  public static NewCustodian parseCustodian(JsonObject json) {
    JsonBody body = JsonBody.of(json, CustodianJson.TYPE);
    body.expectType(CustodianJson.TYPE);
    body.readOnly("status", "holdStatus");
    body.ignore(
        "id",
        "createdDateTime",
        "lastModifiedDateTime",
        "releasedDateTime",
        "acknowledgedDateTime");
    String email = email(body.requiredString("email", MAX_EMAIL));
    String displayName = body.optionalString("displayName", MAX_DISPLAY_NAME);
    body.rejectUnknown();
    return new NewCustodian(email, displayName);
  }

  public static NewSource parseUserSource(JsonObject json) {
    JsonBody body = startSource(json, SourceJson.USER_TYPE);
    body.ignore("siteWebUrl");
    String email = email(body.requiredString("email", MAX_EMAIL));
    checkIncludedSources(body.value("includedSources"));
    String displayName = body.optionalString("displayName", MAX_DISPLAY_NAME);
    body.rejectUnknown();
    try {
      CustodianSource.evidencePath(SourceKind.USER, email);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidRequest(
          "The email '"
              + GraphError.clip(email)
              + "' cannot name a mailbox folder: "
              + GraphError.clip(e.getMessage()));
    }
    return new NewSource(SourceKind.USER, email, displayName);
  }

  public static NewSource parseSiteSource(JsonObject json) {
    JsonBody body = startSource(json, SourceJson.SITE_TYPE);
    List<String> given = new ArrayList<>();
    JsonValue site = body.value("site");
    if (site instanceof JsonString url) {
      given.add(url.getString());
    } else if (site instanceof JsonObject object) {
      given.add(siteUrl(object));
    } else if (site != null && site.getValueType() != JsonValue.ValueType.NULL) {
      throw ApiException.invalidRequest(
          "The property 'site' must be an object with a webUrl, not "
              + JsonBody.describe(site)
              + ".");
    }
    for (String name : List.of("site@odata.bind", "webUrl", "siteWebUrl")) {
      String url = body.optionalString(name, MAX_URL);
      if (url != null) {
        given.add(url);
      }
    }
    String displayName = body.optionalString("displayName", MAX_DISPLAY_NAME);
    body.rejectUnknown();
    if (given.isEmpty()) {
      throw ApiException.invalidRequest(
          "The site is required: give \"site\": {\"webUrl\": \"https://...\"} (or site@odata.bind, or webUrl).");
    }
    if (given.size() > 1) {
      throw ApiException.invalidRequest(
          "Give the site once, as one of site, site@odata.bind, webUrl or siteWebUrl.");
    }
    String url = given.get(0).trim();
    if (url.length() > MAX_URL) {
      throw ApiException.invalidRequest(
          "The site URL must be at most " + MAX_URL + " characters long.");
    }
    try {
      CustodianSource.evidencePath(SourceKind.SITE, url);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidRequest(
          "The site URL '"
              + GraphError.clip(url)
              + "' is not usable: "
              + GraphError.clip(e.getMessage()));
    }
    return new NewSource(SourceKind.SITE, url, displayName);
  }

  private static JsonBody startSource(JsonObject json, String type) {
    JsonBody body = JsonBody.of(json, type);
    body.expectType(type);
    body.readOnly("holdStatus");
    body.ignore("id", "createdDateTime", "createdBy");
    return body;
  }

  private static String siteUrl(JsonObject site) {
    JsonBody body = JsonBody.of(site, "microsoft.graph.site");
    body.expectType("microsoft.graph.site");
    JsonValue webUrl = body.value("webUrl");
    if (!(webUrl instanceof JsonString url)) {
      throw ApiException.invalidRequest("The property 'site' must have a string 'webUrl'.");
    }
    body.ignore("id", "name", "displayName");
    body.rejectUnknown();
    return url.getString();
  }

  /** The trimmed email, if it is a plain ASCII address {@code local@domain.tld}. */
  static String email(String value) {
    String email = value.trim();
    int at = email.lastIndexOf('@');
    if (!EMAIL.matcher(email).matches() || at > MAX_LOCAL_PART) {
      throw ApiException.invalidRequest(
          "'" + GraphError.clip(email) + "' is not a valid email address.");
    }
    return email;
  }

  private static void checkIncludedSources(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (!(value instanceof JsonString flags)) {
      throw ApiException.invalidRequest(
          "The property 'includedSources' must be a string, not " + JsonBody.describe(value) + ".");
    }
    for (String part : flags.getString().split(",", -1)) {
      String member = part.trim();
      if (member.equals(MAILBOX)) {
        continue;
      }
      if (member.equals(SITE)) {
        throw ApiException.notSupported(
            "includedSources 'site' is not supported: a userSource covers the mailbox; add the user's site as a"
                + " siteSource of the custodian.");
      }
      throw ApiException.invalidRequest(
          "'"
              + GraphError.clip(member)
              + "' is not a valid value of 'includedSources'. Valid values: mailbox, site.");
    }
  }
}

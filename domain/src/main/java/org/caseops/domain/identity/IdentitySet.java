package org.caseops.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Who did something, as Graph's {@code identitySet}: a user, an application, or both. Each side is
 * an id and a display name, either of which may be unknown.
 */
@Embeddable
public class IdentitySet {
  @Column(name = "user_id")
  private String userId;

  @Column(name = "user_name")
  private String userName;

  @Column(name = "app_id")
  private String applicationId;

  @Column(name = "app_name")
  private String applicationName;

  protected IdentitySet() {}

  public IdentitySet(String userId, String userName, String applicationId, String applicationName) {
    this.userId = userId;
    this.userName = userName;
    this.applicationId = applicationId;
    this.applicationName = applicationName;
  }

  public static IdentitySet user(String id, String displayName) {
    return new IdentitySet(id, displayName, null, null);
  }

  public static IdentitySet application(String id, String displayName) {
    return new IdentitySet(null, null, id, displayName);
  }

  public boolean hasUser() {
    return userId != null || userName != null;
  }

  public boolean hasApplication() {
    return applicationId != null || applicationName != null;
  }

  public String getUserId() {
    return userId;
  }

  public String getUserName() {
    return userName;
  }

  public String getApplicationId() {
    return applicationId;
  }

  public String getApplicationName() {
    return applicationName;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentitySet other
        && Objects.equals(userId, other.userId)
        && Objects.equals(userName, other.userName)
        && Objects.equals(applicationId, other.applicationId)
        && Objects.equals(applicationName, other.applicationName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, userName, applicationId, applicationName);
  }
}

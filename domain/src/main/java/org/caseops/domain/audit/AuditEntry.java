package org.caseops.domain.audit;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * One state-changing request as the audit log keeps it: when it was answered, its method and
 * normalised path, the HTTP status of the answer, its request ids, the case its path names (if
 * any), and the caller that made it. Entries never change once written. Texts longer than their
 * columns are cut to fit.
 */
@Entity
@Table(
    name = "audit_entry",
    indexes = @Index(name = "ix_audit_entry_at", columnList = "recorded_at"))
public class AuditEntry {
  public static final int MAX_PATH = 2048;
  public static final int MAX_ID = 128;

  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "recorded_at", nullable = false)
  private Instant at;

  @Column(nullable = false, length = 16)
  private String method;

  @Column(nullable = false, length = MAX_PATH)
  private String path;

  @Column(nullable = false)
  private int status;

  @Column(name = "request_id", nullable = false, length = MAX_ID)
  private String requestId;

  @Column(name = "client_request_id", length = MAX_ID)
  private String clientRequestId;

  @Column(name = "case_id", length = MAX_ID)
  private String caseId;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "actor_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "actor_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "actor_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "actor_app_name"))
  })
  private IdentitySet actor;

  protected AuditEntry() {}

  /** A new entry for a request answered at {@code at}. */
  public static AuditEntry of(
      Instant at,
      String method,
      String path,
      int status,
      String requestId,
      String clientRequestId,
      String caseId,
      IdentitySet actor) {
    AuditEntry entry = new AuditEntry();
    entry.id = Ids.newHex32();
    entry.at = Objects.requireNonNull(at, "at");
    entry.method = clip(Objects.requireNonNull(method, "method"), 16);
    entry.path = clip(Objects.requireNonNull(path, "path"), MAX_PATH);
    entry.status = status;
    entry.requestId = clip(Objects.requireNonNull(requestId, "requestId"), MAX_ID);
    entry.clientRequestId = clip(clientRequestId, MAX_ID);
    entry.caseId = clip(caseId, MAX_ID);
    entry.actor = actor;
    return entry;
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public String getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getMethod() {
    return method;
  }

  public String getPath() {
    return path;
  }

  public int getStatus() {
    return status;
  }

  public String getRequestId() {
    return requestId;
  }

  public String getClientRequestId() {
    return clientRequestId;
  }

  /** The case the request's path names; {@code null} when it names none. */
  public String getCaseId() {
    return caseId;
  }

  public IdentitySet getActor() {
    return actor == null ? new IdentitySet(null, null, null, null) : actor;
  }
}

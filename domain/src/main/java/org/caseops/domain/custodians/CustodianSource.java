package org.caseops.domain.custodians;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * One place a custodian's data lives: a mailbox named by email (Graph's {@code userSource}) or a
 * document site named by its web URL ({@code siteSource}). {@link #evidencePath()} says where under
 * the evidence root its content is read. The {@code dataSource} of a {@link NoncustodialDataSource}
 * is a source of the same kind that belongs to no custodian: its {@link #getNoncustodialId()} names
 * its container instead of {@link #getCustodianId()}.
 */
@Entity
@Table(name = "data_source")
public class CustodianSource {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "custodian_id", length = 36)
  private String custodianId;

  @Column(name = "noncustodial_id", length = 36)
  private String noncustodialId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private SourceKind kind;

  @Column(length = 320)
  private String email;

  @Column(name = "site_web_url", length = 2048)
  private String siteWebUrl;

  @Column(name = "display_name", length = 256)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(name = "hold_status", nullable = false, length = 32)
  private DataSourceHoldStatus holdStatus;

  @Column(name = "created_at", nullable = false)
  private Instant createdDateTime;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "created_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "created_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "created_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "created_by_app_name"))
  })
  private IdentitySet createdBy;

  @Column(name = "last_index_operation_id", length = 32)
  private String lastIndexOperationId;

  protected CustodianSource() {}

  public static CustodianSource mailbox(
      String caseId,
      String custodianId,
      String email,
      String displayName,
      IdentitySet by,
      Instant now) {
    CustodianSource s =
        base(
            caseId,
            custodianId,
            SourceKind.USER,
            displayName == null ? email : displayName,
            by,
            now);
    s.email = email;
    return s;
  }

  public static CustodianSource site(
      String caseId,
      String custodianId,
      String webUrl,
      String displayName,
      IdentitySet by,
      Instant now) {
    CustodianSource s =
        base(
            caseId,
            custodianId,
            SourceKind.SITE,
            displayName == null ? webUrl : displayName,
            by,
            now);
    s.siteWebUrl = webUrl;
    return s;
  }

  /**
   * The {@code dataSource} of a non-custodial data source: a mailbox (an {@code email}) or a site
   * (a {@code webUrl}).
   */
  public static CustodianSource noncustodial(
      String caseId,
      String noncustodialId,
      SourceKind kind,
      String address,
      String displayName,
      IdentitySet by,
      Instant now) {
    CustodianSource s =
        kind == SourceKind.USER
            ? mailbox(caseId, null, address, displayName, by, now)
            : site(caseId, null, address, displayName, by, now);
    s.noncustodialId = noncustodialId;
    return s;
  }

  private static CustodianSource base(
      String caseId,
      String custodianId,
      SourceKind kind,
      String displayName,
      IdentitySet by,
      Instant now) {
    CustodianSource s = new CustodianSource();
    s.id = Ids.newGuid();
    s.caseId = caseId;
    s.custodianId = custodianId;
    s.kind = kind;
    s.displayName = displayName;
    s.holdStatus = DataSourceHoldStatus.notApplied;
    s.createdDateTime = now;
    s.createdBy = by;
    return s;
  }

  /**
   * The source's folder relative to the evidence root, as path segments: {@code mailboxes/<email>}
   * for a mailbox, {@code sites/<host>/<path...>} for a site. Each segment is checked so that no
   * source can name a place outside the root (no empty, {@code .} or {@code ..} segment, no
   * separator inside a segment).
   *
   * @throws IllegalArgumentException if the source's address cannot be mapped safely
   */
  public String[] evidencePath() {
    return evidencePath(kind, kind == SourceKind.USER ? email : siteWebUrl);
  }

  /** See {@link #evidencePath()}; usable to validate an address before a source is created. */
  public static String[] evidencePath(SourceKind kind, String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("the source has no address");
    }
    if (kind == SourceKind.USER) {
      return new String[] {"mailboxes", safeSegment(address.trim().toLowerCase(Locale.ROOT))};
    }
    URI uri;
    try {
      uri = new URI(address.trim());
    } catch (Exception e) {
      throw new IllegalArgumentException("siteWebUrl is not a valid URL: " + address);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "siteWebUrl must be an absolute http(s) URL with a host: " + address);
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String[] parts = path.split("/");
    java.util.List<String> segments = new java.util.ArrayList<>();
    segments.add("sites");
    segments.add(safeSegment(uri.getHost().toLowerCase(Locale.ROOT)));
    for (String part : parts) {
      if (!part.isEmpty()) {
        segments.add(safeSegment(part));
      }
    }
    return segments.toArray(String[]::new);
  }

  private static String safeSegment(String segment) {
    if (segment.isEmpty()
        || segment.equals(".")
        || segment.equals("..")
        || segment.contains("/")
        || segment.contains("\\")
        || segment.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "the source address maps to an unsafe path segment: '" + segment + "'");
    }
    return segment;
  }

  /** Sets the hold status (as the repository's bulk update does). */
  public void holdStatus(DataSourceHoldStatus status) {
    this.holdStatus = status;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  /** The custodian the source belongs to; {@code null} for a non-custodial data source's. */
  public String getCustodianId() {
    return custodianId;
  }

  /** The non-custodial data source this is the dataSource of; {@code null} for a custodian's. */
  public String getNoncustodialId() {
    return noncustodialId;
  }

  /** Whether this is a non-custodial data source's dataSource. */
  public boolean isNoncustodial() {
    return noncustodialId != null;
  }

  /** The id of what holds the source: its custodian, or its non-custodial data source. */
  public String containerId() {
    return custodianId != null ? custodianId : noncustodialId;
  }

  /** The hold of the source's container (which may or may not be in force). */
  public HoldRef containerHold() {
    return custodianId != null
        ? HoldRef.custodian(custodianId)
        : HoldRef.noncustodial(noncustodialId);
  }

  /** The address the source is named by: a mailbox's email, a site's web URL. */
  public String address() {
    return kind == SourceKind.USER ? email : siteWebUrl;
  }

  public SourceKind getKind() {
    return kind;
  }

  public String getEmail() {
    return email;
  }

  public String getSiteWebUrl() {
    return siteWebUrl;
  }

  public String getDisplayName() {
    return displayName;
  }

  public DataSourceHoldStatus getHoldStatus() {
    return holdStatus;
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public IdentitySet getCreatedBy() {
    return createdBy;
  }

  public String getLastIndexOperationId() {
    return lastIndexOperationId;
  }
}

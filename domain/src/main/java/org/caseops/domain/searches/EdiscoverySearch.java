package org.caseops.domain.searches;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * Graph's {@code ediscoverySearch}: a KQL {@link #getContentQuery() content query} run over the
 * sources in its scope. Its scope is the custodian sources bound to it ({@code custodianSources}),
 * the sources added outside custodians ({@code additionalSources}), and every source of the case's
 * custodians when its {@link DataSourceScopes} include {@code allCaseCustodians}. An empty content
 * query matches every item in scope.
 */
@Entity
@Table(name = "ediscovery_search")
public class EdiscoverySearch {
  public static final int MAX_QUERY = 8000;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "display_name", nullable = false, length = 256)
  private String displayName;

  @Column(length = 4000)
  private String description;

  @Column(name = "content_query", length = MAX_QUERY)
  private String contentQuery;

  /** The scopes as comma-separated member names, in numeric order; empty for none. */
  @Column(name = "data_source_scopes", nullable = false, length = 256)
  private String dataSourceScopes;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "search_custodian_source", joinColumns = @JoinColumn(name = "search_id"))
  @Column(name = "source_id", length = 36)
  private Set<String> custodianSourceIds = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "search_additional_source", joinColumns = @JoinColumn(name = "search_id"))
  @Column(name = "source_id", length = 36)
  private Set<String> additionalSourceIds = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "search_noncustodial_source",
      joinColumns = @JoinColumn(name = "search_id"))
  @Column(name = "noncustodial_id", length = 36)
  private Set<String> noncustodialSourceIds = new LinkedHashSet<>();

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

  @Column(name = "last_modified_at", nullable = false)
  private Instant lastModifiedDateTime;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "modified_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "modified_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "modified_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "modified_by_app_name"))
  })
  private IdentitySet lastModifiedBy;

  @Column(name = "last_estimate_operation_id", length = 32)
  private String lastEstimateOperationId;

  @Version private long version;

  protected EdiscoverySearch() {}

  public static EdiscoverySearch create(
      String caseId,
      String displayName,
      String description,
      String contentQuery,
      Set<DataSourceScopes> scopes,
      Collection<String> custodianSourceIds,
      Collection<String> additionalSourceIds,
      IdentitySet by,
      Instant now) {
    EdiscoverySearch s = new EdiscoverySearch();
    s.id = Ids.newGuid();
    s.caseId = caseId;
    s.displayName = displayName;
    s.description = description;
    s.contentQuery = contentQuery == null ? "" : contentQuery;
    s.dataSourceScopes = encode(scopes);
    s.custodianSourceIds.addAll(custodianSourceIds);
    s.additionalSourceIds.addAll(additionalSourceIds);
    s.createdDateTime = now;
    s.createdBy = by;
    s.lastModifiedDateTime = now;
    s.lastModifiedBy = by;
    return s;
  }

  /** Binds non-custodial data sources (their ids) to the search ({@code noncustodialSources}). */
  public EdiscoverySearch bindNoncustodialSources(Collection<String> ids) {
    noncustodialSourceIds.addAll(ids);
    return this;
  }

  /** The ids of the non-custodial data sources bound to the search. */
  public Set<String> getNoncustodialSourceIds() {
    return Set.copyOf(noncustodialSourceIds);
  }

  /** Whether the search covers every non-custodial data source of the case. */
  public boolean coversAllCaseNoncustodialDataSources() {
    return getDataSourceScopes().contains(DataSourceScopes.allCaseNoncustodialDataSources);
  }

  public void rename(String displayName) {
    this.displayName = displayName;
  }

  public void describe(String description) {
    this.description = description;
  }

  public void query(String contentQuery) {
    this.contentQuery = contentQuery == null ? "" : contentQuery;
  }

  public void scope(Set<DataSourceScopes> scopes) {
    this.dataSourceScopes = encode(scopes);
  }

  public void modified(IdentitySet by, Instant now) {
    this.lastModifiedBy = by;
    this.lastModifiedDateTime = now;
  }

  public void lastEstimate(String operationId) {
    this.lastEstimateOperationId = operationId;
  }

  private static String encode(Set<DataSourceScopes> scopes) {
    if (scopes == null || scopes.isEmpty()) {
      return "";
    }
    return EnumSet.copyOf(scopes).stream()
        .filter(s -> s != DataSourceScopes.none)
        .map(Enum::name)
        .collect(Collectors.joining(","));
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getDescription() {
    return description;
  }

  /** The KQL query; empty (never null) matches everything in scope. */
  public String getContentQuery() {
    return contentQuery == null ? "" : contentQuery;
  }

  /** The scopes; empty means {@code none}. */
  public Set<DataSourceScopes> getDataSourceScopes() {
    EnumSet<DataSourceScopes> set = EnumSet.noneOf(DataSourceScopes.class);
    if (dataSourceScopes != null && !dataSourceScopes.isEmpty()) {
      for (String name : dataSourceScopes.split(",")) {
        set.add(DataSourceScopes.valueOf(name));
      }
    }
    return set;
  }

  /** Whether the search covers every source of every custodian of the case. */
  public boolean coversAllCaseCustodians() {
    return getDataSourceScopes().contains(DataSourceScopes.allCaseCustodians);
  }

  public Set<String> getCustodianSourceIds() {
    return Set.copyOf(custodianSourceIds);
  }

  public Set<String> getAdditionalSourceIds() {
    return Set.copyOf(additionalSourceIds);
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public IdentitySet getCreatedBy() {
    return createdBy;
  }

  public Instant getLastModifiedDateTime() {
    return lastModifiedDateTime;
  }

  public IdentitySet getLastModifiedBy() {
    return lastModifiedBy;
  }

  public String getLastEstimateOperationId() {
    return lastEstimateOperationId;
  }
}

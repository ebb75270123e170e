package org.caseops.domain.operations;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * A long-running eDiscovery job, Graph's {@code caseOperation}.
 *
 * <p>Lifecycle: created {@code notStarted} at 0% when a client submits it; its job moves it to
 * {@code running}, raises {@code percentProgress} (never lowering it), and ends it as {@code
 * succeeded}, {@code partiallySucceeded} or {@code failed} with {@code completedDateTime} and,
 * unless it simply succeeded, a {@link ResultInfo}. An operation whose job could not be started is
 * {@code submissionFailed}. Once created, the operation is only changed by single-column updates
 * through {@link CaseOperationRepository}, so the job and the API never overwrite each other's
 * writes.
 */
@Entity
@Table(
    name = "case_operation",
    indexes = @Index(name = "ix_case_operation_case", columnList = "case_id,created_at"))
public class CaseOperation {
  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CaseAction action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CaseOperationStatus status;

  @Column(name = "percent_progress", nullable = false)
  private int percentProgress;

  @Column(name = "work_done")
  private Long workDone;

  @Column(name = "work_total")
  private Long workTotal;

  @Column(name = "work_unit", length = 16)
  private String workUnit;

  @Column(name = "created_at", nullable = false)
  private Instant createdDateTime;

  @Column(name = "completed_at")
  private Instant completedDateTime;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "created_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "created_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "created_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "created_by_app_name"))
  })
  private IdentitySet createdBy;

  @Embedded private ResultInfo resultInfo;

  @Column(name = "execution_id")
  private Long executionId;

  @Embedded private OperationTarget target;

  @Embedded private EstimateStatistics estimate;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "cancel_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "cancel_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "cancel_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "cancel_by_app_name"))
  })
  private IdentitySet cancelRequestedBy;

  @Column(name = "cancel_requested_at")
  private Instant cancelRequestedAt;

  /**
   * What the links this operation's submission wrote named before it, by link ({@code
   * Entity.field:id}); kept in memory only, so that a submission whose job cannot start can be
   * withdrawn ({@link CaseOperationRepository#withdraw}).
   */
  @Transient private transient java.util.Map<String, String> linksBefore;

  /**
   * The action's own parameters that are not part of its target, by name (e.g. contentExport's
   * {@code outputName}): a place any action can use, kept in a side table.
   */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "case_operation_parameter",
      joinColumns = @JoinColumn(name = "operation_id"))
  @MapKeyColumn(name = "name", length = 64)
  @Column(name = "parameter_value", length = 4000)
  private Map<String, String> parameters = new LinkedHashMap<>();

  protected CaseOperation() {}

  /** A new operation, not started yet. */
  public static CaseOperation submit(
      String caseId, CaseAction action, IdentitySet by, Instant now) {
    return submit(caseId, action, OperationTarget.none(), by, now);
  }

  /** A new operation on the given target, not started yet. */
  public static CaseOperation submit(
      String caseId, CaseAction action, OperationTarget target, IdentitySet by, Instant now) {
    return submit(caseId, action, target, Map.of(), by, now);
  }

  /**
   * A new operation on the given target with the action's own parameters (names of at most 64
   * characters, values of at most 4,000; null values are left out), not started yet.
   */
  public static CaseOperation submit(
      String caseId,
      CaseAction action,
      OperationTarget target,
      Map<String, String> parameters,
      IdentitySet by,
      Instant now) {
    if (action == CaseAction.unknownFutureValue) {
      throw new IllegalArgumentException("unknownFutureValue is not an action");
    }
    CaseOperation op = new CaseOperation();
    op.id = Ids.newHex32();
    op.caseId = caseId;
    op.action = action;
    op.status = CaseOperationStatus.notStarted;
    op.percentProgress = 0;
    op.createdDateTime = now;
    op.createdBy = by;
    op.target = target == null ? OperationTarget.none() : target;
    if (parameters != null) {
      parameters.forEach(
          (name, value) -> {
            if (value != null) {
              if (name.length() > 64 || value.length() > 4000) {
                throw new IllegalArgumentException("parameter " + name + " is too long");
              }
              op.parameters.put(name, value);
            }
          });
    }
    return op;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public CaseAction getAction() {
    return action;
  }

  public CaseOperationStatus getStatus() {
    return status;
  }

  public int getPercentProgress() {
    return percentProgress;
  }

  /** Work done so far in {@link #getWorkUnit()}, or {@code null} while the job has not said. */
  public Long getWorkDone() {
    return workDone;
  }

  /** The job's whole work in {@link #getWorkUnit()}, or {@code null} while it is not known. */
  public Long getWorkTotal() {
    return workTotal;
  }

  /** What the job counts its work in: {@code bytes} or {@code items}; {@code null} if unknown. */
  public String getWorkUnit() {
    return workUnit;
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public Instant getCompletedDateTime() {
    return completedDateTime;
  }

  public IdentitySet getCreatedBy() {
    return createdBy;
  }

  /**
   * How the operation ended; {@code null} while it runs or when it simply succeeded with nothing to
   * report.
   */
  public ResultInfo getResultInfo() {
    return resultInfo == null || resultInfo.isEmpty() ? null : resultInfo;
  }

  public Long getExecutionId() {
    return executionId;
  }

  /** What the operation works on; never null (empty for the index action). */
  public OperationTarget getTarget() {
    return target == null ? OperationTarget.none() : target;
  }

  /** Who asked to cancel the operation; {@code null} unless a cancellation was asked for. */
  public IdentitySet getCancelRequestedBy() {
    return cancelRequestedAt == null ? null : cancelRequestedBy;
  }

  /** When a cancellation was asked for; {@code null} unless it was. */
  public Instant getCancelRequestedAt() {
    return cancelRequestedAt;
  }

  /**
   * The parameters its job is started (and started again, after a server restart) with: {@value
   * OperationJobs#OPERATION_ID} and {@value OperationJobs#CASE_ID}. Everything else a job needs it
   * reads from the operation.
   */
  public Properties jobParameters() {
    Properties parameters = new Properties();
    parameters.setProperty(OperationJobs.OPERATION_ID, id);
    parameters.setProperty(OperationJobs.CASE_ID, caseId);
    return parameters;
  }

  /** The action's own parameters, by name; empty when it has none. */
  public Map<String, String> getParameters() {
    return parameters == null ? Map.of() : Collections.unmodifiableMap(parameters);
  }

  /** One of the action's own parameters, or {@code null}. */
  public String parameter(String name) {
    return parameters == null ? null : parameters.get(name);
  }

  /** The estimate an estimateStatistics operation recorded; {@code null} until it has one. */
  public EstimateStatistics getEstimate() {
    return estimate == null || !estimate.isRecorded() ? null : estimate;
  }

  /** Records what a link named before this operation's submission rewrote it. */
  public void linkedBefore(String link, String previousOperationId) {
    if (linksBefore == null) {
      linksBefore = new java.util.LinkedHashMap<>();
    }
    linksBefore.put(link, previousOperationId);
  }

  /**
   * What the links this operation's submission wrote named before it ({@code Entity.field:id} to
   * the previous operation id, or null); empty for an operation read from the database.
   */
  public java.util.Map<String, String> linksBefore() {
    return linksBefore == null
        ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(linksBefore);
  }
}

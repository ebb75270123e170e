package org.caseops.domain.operations;

import java.util.Optional;
import org.caseops.domain.support.EvolvableEnum;

/**
 * Graph's {@code caseAction}: the kind of long-running job an operation is. The job that carries an
 * action out has the action's name as its Jakarta Batch job id. Members after {@link
 * #unknownFutureValue} are evolvable.
 */
public enum CaseAction implements EvolvableEnum {
  contentExport(0, "ediscoveryExportOperation"),
  applyTags(1, "ediscoveryTagOperation"),
  convertToPdf(2, "caseOperation"),
  index(3, "ediscoveryIndexOperation"),
  estimateStatistics(4, "ediscoveryEstimateOperation"),
  addToReviewSet(5, "ediscoveryAddToReviewSetOperation"),
  holdUpdate(6, "ediscoveryHoldOperation"),
  unknownFutureValue(7, "caseOperation"),
  purgeData(8, "ediscoveryPurgeDataOperation"),
  exportReport(9, "ediscoverySearchExportOperation"),
  exportResult(10, "ediscoverySearchExportOperation"),
  holdPolicySync(11, "ediscoveryHoldPolicySyncOperation");

  public static final String NAMESPACE = "microsoft.graph.security.";

  private final int value;
  private final String derivedType;

  CaseAction(int value, String derivedType) {
    this.value = value;
    this.derivedType = derivedType;
  }

  @Override
  public int value() {
    return value;
  }

  /** The derived operation type's name without namespace, e.g. {@code ediscoveryIndexOperation}. */
  public String derivedType() {
    return derivedType;
  }

  /**
   * The {@code @odata.type} written for operations of this action, e.g. {@code
   * #microsoft.graph.security.ediscoveryIndexOperation}.
   */
  public String odataType() {
    return "#" + NAMESPACE + derivedType;
  }

  /** The Jakarta Batch job id that carries this action out. */
  public String jobName() {
    return name();
  }

  /** The member with this exact wire name, if any. */
  public static Optional<CaseAction> fromWireName(String name) {
    for (CaseAction action : values()) {
      if (action.name().equals(name)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}

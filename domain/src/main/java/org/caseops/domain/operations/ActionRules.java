package org.caseops.domain.operations;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.support.ConflictException;

/**
 * What caseops knows of an action apart from HTTP: the parts of the target it requires (and those
 * it takes when given), which unfinished operations block a new one (its conflict scope), which
 * resource links name its latest operation, and the Jakarta Batch job that carries it out. An
 * action has rules here exactly when caseops can carry it out; {@link #of} is empty for the others,
 * which are refused before anything is stored.
 *
 * <p>Adding an action: a line in {@link #TABLE}, its job XML and batch artifacts, and its
 * descriptor in the API.
 */
public record ActionRules(
    CaseAction action,
    Set<TargetRole> targets,
    Set<TargetRole> optional,
    ConflictScope conflict,
    LatestLink link) {
  private static final Map<CaseAction, ActionRules> TABLE = new EnumMap<>(CaseAction.class);

  /**
   * Actions that never run beside each other in one case, whatever their targets: a purge asks the
   * hold rule right before it removes anything, so no hold change may start while a purge of the
   * case runs, and a purge waits for the hold changes of its case.
   */
  private static final Map<CaseAction, Set<CaseAction>> EXCLUDED = new EnumMap<>(CaseAction.class);

  static {
    exclude(CaseAction.purgeData, CaseAction.holdUpdate);
    exclude(CaseAction.purgeData, CaseAction.holdPolicySync);
  }

  static {
    add(
        CaseAction.index,
        EnumSet.noneOf(TargetRole.class),
        EnumSet.of(TargetRole.CUSTODIANS),
        ConflictScope.CASE,
        LatestLink.CASE_SOURCES_LAST_INDEX);
    add(
        CaseAction.estimateStatistics,
        EnumSet.of(TargetRole.SEARCH),
        ConflictScope.SEARCH,
        LatestLink.SEARCH_LAST_ESTIMATE);
    add(
        CaseAction.addToReviewSet,
        EnumSet.of(TargetRole.REVIEW_SET, TargetRole.SEARCH),
        ConflictScope.REVIEW_SET,
        LatestLink.NONE);
    add(
        CaseAction.applyTags,
        EnumSet.of(TargetRole.REVIEW_SET, TargetRole.QUERY, TargetRole.TAGS),
        ConflictScope.REVIEW_SET,
        LatestLink.NONE);
    add(
        CaseAction.convertToPdf,
        EnumSet.of(TargetRole.REVIEW_SET),
        EnumSet.of(TargetRole.QUERY),
        ConflictScope.REVIEW_SET,
        LatestLink.NONE);
    add(
        CaseAction.holdUpdate,
        EnumSet.of(TargetRole.CUSTODIANS),
        ConflictScope.CASE,
        LatestLink.NONE);
    // One sync of a legal hold at a time; a sync frees no copy while another hold change runs.
    add(
        CaseAction.holdPolicySync,
        EnumSet.of(TargetRole.LEGAL_HOLD),
        ConflictScope.LEGAL_HOLD,
        LatestLink.LEGAL_HOLD_LAST_SYNC);
    // Productions of a case number their Bates pages in sequence: one export of a case at a time.
    add(
        CaseAction.contentExport,
        EnumSet.of(TargetRole.REVIEW_SET),
        EnumSet.of(TargetRole.QUERY),
        ConflictScope.CASE,
        LatestLink.NONE);
    add(
        CaseAction.exportReport,
        EnumSet.of(TargetRole.SEARCH),
        ConflictScope.SEARCH,
        LatestLink.NONE);
    add(
        CaseAction.exportResult,
        EnumSet.of(TargetRole.SEARCH),
        ConflictScope.SEARCH,
        LatestLink.NONE);
    // A purge rewrites mailboxes and moves catalog entries: one purge of a case at a time.
    add(CaseAction.purgeData, EnumSet.of(TargetRole.SEARCH), ConflictScope.CASE, LatestLink.NONE);
  }

  public ActionRules {
    Objects.requireNonNull(action);
    targets = Set.copyOf(targets);
    optional = Set.copyOf(optional);
    for (TargetRole role : optional) {
      if (targets.contains(role)) {
        throw new IllegalArgumentException(role + " is both required and optional for " + action);
      }
    }
    Objects.requireNonNull(conflict);
    Objects.requireNonNull(link);
  }

  private static void exclude(CaseAction a, CaseAction b) {
    EXCLUDED.computeIfAbsent(a, k -> EnumSet.noneOf(CaseAction.class)).add(b);
    EXCLUDED.computeIfAbsent(b, k -> EnumSet.noneOf(CaseAction.class)).add(a);
  }

  private static void add(
      CaseAction action, Set<TargetRole> targets, ConflictScope conflict, LatestLink link) {
    add(action, targets, EnumSet.noneOf(TargetRole.class), conflict, link);
  }

  private static void add(
      CaseAction action,
      Set<TargetRole> targets,
      Set<TargetRole> optional,
      ConflictScope conflict,
      LatestLink link) {
    TABLE.put(action, new ActionRules(action, targets, optional, conflict, link));
  }

  /** The rules of an action caseops carries out; empty for an action it has no job for. */
  public static Optional<ActionRules> of(CaseAction action) {
    return Optional.ofNullable(TABLE.get(action));
  }

  /** The actions caseops carries out. */
  public static Set<CaseAction> carriedOut() {
    return TABLE.isEmpty() ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(TABLE.keySet());
  }

  /** The Jakarta Batch job id that carries the action out (the name of its job XML). */
  public String jobName() {
    return action.jobName();
  }

  /**
   * Whether the action removes items from their sources (purgeData): before it is accepted, the
   * number of items its search matches is checked against the purge limit.
   */
  public boolean removesItems() {
    return action == CaseAction.purgeData;
  }

  /** Whether the action needs this part of a target. */
  public boolean requires(TargetRole role) {
    return targets.contains(role);
  }

  /**
   * Whether the action takes this part of a target when a request names it (e.g. a query narrowing
   * a review set).
   */
  public boolean accepts(TargetRole role) {
    return targets.contains(role) || optional.contains(role);
  }

  /**
   * Checks that a target has every part the action requires.
   *
   * @throws org.caseops.domain.support.InvalidRequestException naming the first part that is
   *     missing
   */
  public OperationTarget requireComplete(OperationTarget target) {
    for (TargetRole role : TargetRole.values()) {
      if (requires(role) && !has(target, role)) {
        throw role.missing(action);
      }
    }
    return target;
  }

  private static boolean has(OperationTarget target, TargetRole role) {
    return switch (role) {
      case SEARCH -> target.getSearchId() != null;
      case REVIEW_SET -> target.getReviewSetId() != null;
      case QUERY -> target.getQueryId() != null;
      case TAGS -> !target.getTagsToAdd().isEmpty() || !target.getTagsToRemove().isEmpty();
      case CUSTODIANS -> !target.getCustodianIds().isEmpty();
      case LEGAL_HOLD -> target.getLegalHoldId() != null;
    };
  }

  /**
   * Checks that none of the case's open operations blocks a new operation of this action on the
   * target: two jobs of one action on the same conflict key would work over the same items at once,
   * so the second waits for the first; and an action that never runs beside another in a case (a
   * purge and a hold change, see {@link #excludedBeside}) waits for it whatever its target.
   *
   * @throws ConflictException naming the operation that blocks it
   */
  public void requireNoConflict(OperationTarget target, Iterable<CaseOperation> openOfCase) {
    requireNoneExcludedRunning(openOfCase);
    String key = conflict.key(target);
    for (CaseOperation open : openOfCase) {
      if (open.getAction() == action
          && OperationLifecycle.isOpen(open.getStatus())
          && Objects.equals(conflict.key(open.getTarget()), key)) {
        throw new ConflictException(
            "The "
                + action.wireName()
                + " operation '"
                + open.getId()
                + "' of this "
                + (key == null ? "case" : conflict.noun() + " '" + key + "'")
                + " has not finished yet ("
                + open.getStatus().wireName()
                + "); submit another when it has.");
      }
    }
  }

  /** The actions that never run beside this one in a case, whatever their targets. */
  public Set<CaseAction> excludedBeside() {
    Set<CaseAction> excluded = EXCLUDED.get(action);
    return excluded == null ? Set.of() : Set.copyOf(excluded);
  }

  /**
   * Checks that no open operation of the case is of an action that never runs beside this one (a
   * purge and a hold change): the hold rule a purge asks right before removing anything must not
   * change while it runs.
   *
   * @throws ConflictException naming the operation in the way and what to do
   */
  public void requireNoneExcludedRunning(Iterable<CaseOperation> openOfCase) {
    Set<CaseAction> excluded = EXCLUDED.getOrDefault(action, Set.of());
    for (CaseOperation open : openOfCase) {
      if (excluded.contains(open.getAction()) && OperationLifecycle.isOpen(open.getStatus())) {
        String why =
            action == CaseAction.purgeData
                ? "a purge does not start while a hold of its case changes"
                : "a hold of a case does not change while a purge of the case runs";
        throw new ConflictException(
            "The "
                + open.getAction().wireName()
                + " operation '"
                + open.getId()
                + "' of this case has not finished yet ("
                + open.getStatus().wireName()
                + "), and "
                + why
                + "; submit the "
                + action.wireName()
                + " when it has.");
      }
    }
  }

  /**
   * Which unfinished operations of the same action block a new one: those of the same case, search
   * or review set.
   */
  public enum ConflictScope {
    CASE(null),
    SEARCH("search"),
    REVIEW_SET("review set"),
    LEGAL_HOLD("legal hold");

    private final String noun;

    ConflictScope(String noun) {
      this.noun = noun;
    }

    /** What two operations must not share while both run; {@code null} for the whole case. */
    public String key(OperationTarget target) {
      return switch (this) {
        case CASE -> null;
        case SEARCH -> target.getSearchId();
        case REVIEW_SET -> target.getReviewSetId();
        case LEGAL_HOLD -> target.getLegalHoldId();
      };
    }

    String noun() {
      return noun;
    }
  }

  /**
   * The links that name an action's latest operation, written in the transaction that stores the
   * operation, so that a client that reads the link right after submitting finds the operation it
   * submitted.
   */
  public enum LatestLink {
    NONE,
    /** The search's {@code lastEstimateStatisticsOperation}. */
    SEARCH_LAST_ESTIMATE,
    /**
     * The {@code lastIndexOperation} of every source of the case's custodians, and of those
     * custodians; only of the operation's custodians and their sources when it names some
     * (updateIndex).
     */
    CASE_SOURCES_LAST_INDEX,
    /** The legal hold's last holdPolicySync (a caseops link). */
    LEGAL_HOLD_LAST_SYNC
  }
}

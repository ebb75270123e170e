package org.caseops.api.operations.actions;

import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.caseops.api.odata.JsonBody;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;

/**
 * Everything the API knows of one action, beside its rules in the domain ({@link ActionRules}: the targets it
 * requires, its conflict scope, the links to its latest operation, its job): its wire name and derived {@code
 * @odata.type} (from {@link CaseAction}), the body properties of its own and how they are read and checked, the
 * properties it writes on the operation, and the action endpoints that start it. The targets themselves are read and
 * resolved the same way for every action, from its rules.
 *
 * <p>Adding an action: a subclass here, a line in {@link ActionDescriptors}, its rules, its job XML and artifacts.
 */
public abstract class ActionDescriptor {
  private final ActionRules rules;

  protected ActionDescriptor(CaseAction action) {
    this.rules =
        ActionRules.of(action)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the action " + action + " has no rules in the domain"));
  }

  public final CaseAction action() {
    return rules.action();
  }

  public final ActionRules rules() {
    return rules;
  }

  /**
   * The derived type's name with its namespace, e.g. {@code
   * microsoft.graph.security.ediscoveryIndexOperation}.
   */
  public final String qualifiedType() {
    return CaseAction.NAMESPACE + action().derivedType();
  }

  /**
   * The properties of the derived type that the server computes (results) and that a body submitted
   * to {@code POST .../operations} may carry back; they are ignored, like the base type's
   * server-owned properties.
   */
  public List<String> resultProperties() {
    return List.of();
  }

  /**
   * Reads the action's own parameters (its options) from a body, after the target, adding the
   * option flags' member names to {@code options}.
   */
  public void readParameters(JsonBody body, boolean includeUnknownMembers, List<String> options) {}

  /**
   * Reads the action's own parameters, as {@link #readParameters(JsonBody, boolean, List)} does,
   * and those it keeps by name on the operation ({@code CaseOperation.getParameters()}) into {@code
   * parameters}.
   */
  public void readParameters(
      JsonBody body,
      boolean includeUnknownMembers,
      List<String> options,
      Map<String, String> parameters) {
    readParameters(body, includeUnknownMembers, options);
  }

  /**
   * The names of the action's own body parameters (its options, besides the parts of its target),
   * as {@link #readParameters} reads them: what the OpenAPI document gives its request bodies.
   */
  public List<String> parameters() {
    return List.of();
  }

  /** The parameters of {@link #parameters()} that a body must have. */
  public List<String> requiredParameters() {
    return List.of();
  }

  /**
   * The properties the action's derived type adds to the base caseOperation, in the order they are
   * written.
   */
  public List<String> properties() {
    return List.of();
  }

  /** Writes the properties the derived type adds to the base caseOperation. */
  public void write(
      JsonObjectBuilder json, CaseOperation operation, boolean includeUnknownMembers) {}

  /**
   * Writes the properties the derived type adds, with what the server knows of the operation
   * besides its row (its export files and their download links).
   */
  public void write(
      JsonObjectBuilder json,
      CaseOperation operation,
      boolean includeUnknownMembers,
      OperationExtras extras) {
    write(json, operation, includeUnknownMembers);
  }

  /**
   * Whether the operation writes files for clients to download, listed in its {@code
   * exportFileMetadata} (an export) or {@code reportFileMetadata} (a purge's report).
   */
  public boolean listsExportFiles() {
    return false;
  }

  /** The action endpoints that start the action, besides {@code POST .../operations}. */
  public List<ActionEndpoint> endpoints() {
    return List.of();
  }
}

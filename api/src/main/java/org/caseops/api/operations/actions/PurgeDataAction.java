package org.caseops.api.operations.actions;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.operations.OperationOptions.PurgeAreas;
import org.caseops.api.operations.OperationOptions.PurgeType;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code purgeData} ({@code ediscoveryPurgeDataOperation}): removes what a search matches from its
 * sources, except what a hold covers. Target: the {@code search}; parameters: {@code purgeType}
 * ({@code recoverable}, the default, or {@code permanentlyDelete}, after the sentinel) and {@code
 * purgeAreas} (flags; {@code mailboxes}, the default; {@code teamsMessages} is refused with 400
 * {@code notSupported}, as caseops holds no Teams content). Writes {@code purgeType}, {@code
 * purgeAreas} and {@code reportFileMetadata}: an array of {@code {fileName, size, downloadUrl}}
 * naming the purge's report once it is written. Started by {@code POST .../searches/{id}/purgeData}
 * too.
 */
public final class PurgeDataAction extends ActionDescriptor {
  public static final String PURGE_TYPE = "purgeType";
  public static final String PURGE_AREAS = "purgeAreas";

  public static final ActionEndpoint ON_SEARCH =
      ActionEndpoint.of(CaseAction.purgeData, "searches/{searchId}/purgeData", TargetRole.SEARCH);

  PurgeDataAction() {
    super(CaseAction.purgeData);
  }

  @Override
  public List<String> resultProperties() {
    return List.of("reportFileMetadata");
  }

  /** A purge's report is one of the operation's files, listed in its {@code reportFileMetadata}. */
  @Override
  public boolean listsExportFiles() {
    return true;
  }

  @Override
  public void readParameters(
      JsonBody body, boolean include, List<String> options, Map<String, String> parameters) {
    String type = body.optionalString(PURGE_TYPE, 64);
    PurgeType purgeType =
        type == null
            ? PurgeType.recoverable
            : EvolvableEnums.parse(PurgeType.class, PURGE_TYPE, type.trim(), include);
    parameters.put(PURGE_TYPE, purgeType.wireName());
    List<String> areas = new ArrayList<>();
    Parameters.flags(body, PurgeAreas.class, PURGE_AREAS, include, areas);
    if (areas.contains(PurgeAreas.teamsMessages.wireName())) {
      throw ApiException.notSupported(
          "The purgeAreas member 'teamsMessages' is not supported: caseops has no Teams content"
              + " (it reads mailboxes and sites from folders); purge 'mailboxes'.");
    }
    options.add(PurgeAreas.mailboxes.wireName());
  }

  @Override
  public List<String> parameters() {
    return List.of(PURGE_TYPE, PURGE_AREAS);
  }

  @Override
  public List<String> properties() {
    return List.of(PURGE_TYPE, PURGE_AREAS, "reportFileMetadata");
  }

  @Override
  public void write(
      JsonObjectBuilder json, CaseOperation operation, boolean include, OperationExtras extras) {
    String type = operation.parameter(PURGE_TYPE);
    PurgeType purgeType =
        PurgeType.permanentlyDelete.wireName().equals(type)
            ? PurgeType.permanentlyDelete
            : PurgeType.recoverable;
    json.add(PURGE_TYPE, purgeType.wireName(include));
    Parameters.writeFlags(
        json, PURGE_AREAS, PurgeAreas.class, operation.getTarget().getOptions(), include);
    JsonArrayBuilder files = Json.createArrayBuilder();
    for (OperationExtras.FileMetadata file : extras.files(operation)) {
      files.add(
          Json.createObjectBuilder()
              .add("fileName", file.fileName())
              .add("size", file.size())
              .add("downloadUrl", file.downloadUrl()));
    }
    json.add("reportFileMetadata", files);
  }

  @Override
  public void write(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    write(json, operation, include, OperationExtras.NONE);
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(ON_SEARCH);
  }
}

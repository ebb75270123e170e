package org.caseops.api.operations.actions;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.Flags;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.operations.OperationOptions.AdditionalOptions;
import org.caseops.api.operations.OperationOptions.ExportCriteria;
import org.caseops.api.operations.OperationOptions.ExportFormat;
import org.caseops.api.operations.OperationOptions.ExportLocation;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code exportReport} and {@code exportResult} ({@code ediscoverySearchExportOperation}): a
 * search's item report, and the natives of its items in ZIP parts. Target: the {@code search};
 * parameters: {@code displayName} (required: the export's files take it), {@code description},
 * {@code exportCriteria} (flags, default {@code searchHits}), {@code exportLocation} (flags,
 * default {@code responsiveLocations}), {@code additionalOptions} (flags; caseops honours {@code
 * includeReport}, {@code includeFolderAndPath}, {@code condensePaths} and {@code friendlyName} on
 * exportResult and refuses the members that name content it does not collect), {@code
 * cloudAttachmentVersion} and {@code documentVersion} (checked, not kept), and for exportResult
 * {@code exportFormat} ({@code eml}, the default; {@code pst} and {@code msg} are refused) and
 * {@code exportSingleItems} ({@code true} only). Writes the Graph properties back and {@code
 * exportFileMetadata}. Started by {@code POST .../searches/{id}/exportReport} and {@code
 * .../exportResult} too.
 */
public final class SearchExportAction extends ActionDescriptor {
  public static final String DISPLAY_NAME = "displayName";
  public static final String DESCRIPTION = "description";
  public static final String EXPORT_FORMAT = "exportFormat";
  public static final String EXPORT_CRITERIA = "exportCriteria";
  public static final String EXPORT_LOCATION = "exportLocation";
  public static final String ADDITIONAL_OPTIONS = "additionalOptions";

  /** The additionalOptions members whose content caseops has, on exportResult. */
  static final EnumSet<AdditionalOptions> HONOURED =
      EnumSet.of(
          AdditionalOptions.includeReport,
          AdditionalOptions.includeFolderAndPath,
          AdditionalOptions.condensePaths,
          AdditionalOptions.friendlyName);

  public static final ActionEndpoint REPORT_ON_SEARCH =
      ActionEndpoint.of(
          CaseAction.exportReport, "searches/{searchId}/exportReport", TargetRole.SEARCH);

  public static final ActionEndpoint RESULT_ON_SEARCH =
      ActionEndpoint.of(
          CaseAction.exportResult, "searches/{searchId}/exportResult", TargetRole.SEARCH);

  private final boolean result;

  private SearchExportAction(CaseAction action) {
    super(action);
    this.result = action == CaseAction.exportResult;
  }

  static SearchExportAction report() {
    return new SearchExportAction(CaseAction.exportReport);
  }

  static SearchExportAction result() {
    return new SearchExportAction(CaseAction.exportResult);
  }

  @Override
  public List<String> resultProperties() {
    return List.of("exportFileMetadata");
  }

  @Override
  public boolean listsExportFiles() {
    return true;
  }

  @Override
  public void readParameters(
      JsonBody body, boolean include, List<String> options, Map<String, String> parameters) {
    String action = action().wireName();
    if (!body.has(DISPLAY_NAME)) {
      throw ApiException.invalidRequest(
          "The action '"
              + action
              + "' needs the property 'displayName': the name of the export, which its files"
              + " take.");
    }
    parameters.put(DISPLAY_NAME, body.nonNullString(DISPLAY_NAME, 256));
    String description = body.optionalString(DESCRIPTION, 4000);
    if (description != null) {
      parameters.put(DESCRIPTION, description);
    }
    EnumSet<ExportCriteria> criteria =
        Flags.parse(
            ExportCriteria.class,
            EXPORT_CRITERIA,
            body.optionalFlags(EXPORT_CRITERIA, 1000),
            include);
    if (criteria.isEmpty()) {
      criteria.add(ExportCriteria.searchHits);
    }
    criteria.forEach(c -> options.add(c.wireName()));
    EnumSet<ExportLocation> locations =
        Flags.parse(
            ExportLocation.class,
            EXPORT_LOCATION,
            body.optionalFlags(EXPORT_LOCATION, 1000),
            include);
    if (locations.isEmpty()) {
      locations.add(ExportLocation.responsiveLocations);
    }
    locations.forEach(l -> options.add(l.wireName()));
    EnumSet<AdditionalOptions> additional =
        Flags.parse(
            AdditionalOptions.class,
            ADDITIONAL_OPTIONS,
            body.optionalFlags(ADDITIONAL_OPTIONS, 1000),
            include);
    for (AdditionalOptions option : additional) {
      if (!HONOURED.contains(option)) {
        throw ApiException.notSupported(
            "The additionalOptions member '"
                + option.wireName()
                + "' is not supported: "
                + why(option)
                + " caseops honours "
                + (result
                    ? "includeReport, includeFolderAndPath, condensePaths and friendlyName."
                    : "none on exportReport (the others are options of exportResult)."));
      }
      if (!result) {
        throw ApiException.invalidRequest(
            "The additionalOptions member '"
                + option.wireName()
                + "' is an option of exportResult, which exports the items themselves;"
                + " exportReport writes the report only.");
      }
      options.add(option.wireName());
    }
    Parameters.version(body, "cloudAttachmentVersion", include);
    Parameters.version(body, "documentVersion", include);
    if (result) {
      String format = body.optionalString(EXPORT_FORMAT, 64);
      ExportFormat parsed =
          format == null
              ? ExportFormat.eml
              : EvolvableEnums.parse(ExportFormat.class, EXPORT_FORMAT, format.trim(), include);
      if (parsed != ExportFormat.eml) {
        throw ApiException.notSupported(
            "The exportFormat '"
                + parsed.wireName()
                + "' is not supported: caseops exports mail as the .eml it collected (its native"
                + " format) and does not convert it to PST or MSG; use 'eml'.");
      }
      parameters.put(EXPORT_FORMAT, parsed.wireName());
      JsonValue single = body.value("exportSingleItems");
      if (single != null
          && single.getValueType() != JsonValue.ValueType.NULL
          && single.getValueType() != JsonValue.ValueType.TRUE) {
        throw ApiException.notSupported(
            "The property 'exportSingleItems' can only be true: caseops exports each item as a"
                + " file of its own.");
      }
    }
  }

  private static String why(AdditionalOptions option) {
    return switch (option) {
      case teamsAndYammerConversations, htmlTranscripts ->
          "caseops collects no Teams or Yammer conversations.";
      case cloudAttachments -> "caseops collects no cloud attachments.";
      case allDocumentVersions -> "caseops keeps one version of each item.";
      case subfolderContents, allItemsInFolder ->
          "caseops collects whole sources, not items with their folders' contents.";
      case listAttachments -> "caseops collects no SharePoint list attachments.";
      case advancedIndexing -> "caseops has no advanced indexing.";
      case splitSource ->
          "caseops exports each item as a file of its own, never split; includeFolderAndPath puts"
              + " each source's items in a folder of their own.";
      default -> "caseops has no such content.";
    };
  }

  @Override
  public List<String> parameters() {
    List<String> names =
        new ArrayList<>(
            List.of(
                DISPLAY_NAME,
                DESCRIPTION,
                EXPORT_CRITERIA,
                EXPORT_LOCATION,
                ADDITIONAL_OPTIONS,
                "cloudAttachmentVersion",
                "documentVersion"));
    if (result) {
      names.addAll(List.of(EXPORT_FORMAT, "exportSingleItems"));
    }
    return List.copyOf(names);
  }

  @Override
  public List<String> requiredParameters() {
    return List.of(DISPLAY_NAME);
  }

  @Override
  public List<String> properties() {
    return List.of(
        DISPLAY_NAME,
        DESCRIPTION,
        EXPORT_CRITERIA,
        EXPORT_LOCATION,
        ADDITIONAL_OPTIONS,
        EXPORT_FORMAT,
        "exportFileMetadata");
  }

  @Override
  public void write(
      JsonObjectBuilder json, CaseOperation operation, boolean include, OperationExtras extras) {
    ContentExportAction.add(json, DISPLAY_NAME, operation.parameter(DISPLAY_NAME));
    ContentExportAction.add(json, DESCRIPTION, operation.parameter(DESCRIPTION));
    List<String> options = operation.getTarget().getOptions();
    Parameters.writeFlags(json, EXPORT_CRITERIA, ExportCriteria.class, options, include);
    Parameters.writeFlags(json, EXPORT_LOCATION, ExportLocation.class, options, include);
    Parameters.writeFlags(json, ADDITIONAL_OPTIONS, AdditionalOptions.class, options, include);
    ContentExportAction.add(json, EXPORT_FORMAT, operation.parameter(EXPORT_FORMAT));
    ContentExportAction.writeFiles(json, operation, extras);
  }

  @Override
  public void write(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    write(json, operation, include, OperationExtras.NONE);
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(result ? RESULT_ON_SEARCH : REPORT_ON_SEARCH);
  }
}

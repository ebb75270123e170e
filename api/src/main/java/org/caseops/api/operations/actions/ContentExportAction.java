package org.caseops.api.operations.actions;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.operations.OperationOptions;
import org.caseops.api.operations.OperationOptions.ExportFileStructure;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code contentExport} ({@code ediscoveryExportOperation}): writes a review set, or what one of
 * its queries matches, as a production to download. Targets: the {@code reviewSet} and, optionally,
 * the {@code query} (or {@code reviewSetQuery}); parameters: {@code outputName} (required), {@code
 * description}, {@code exportOptions} (flags) and {@code exportStructure} ({@code none} or {@code
 * directory}; {@code pst} and {@code msg} are refused, as caseops writes natives), and the caseops
 * additions {@code batesPrefix} and {@code batesStart} (the production numbers stamped on PDF
 * pages; kept, not written back). Writes the Graph properties back and {@code exportFileMetadata}:
 * an array of {@code {fileName, size, downloadUrl}}, one per file the export has written and the
 * server keeps. Started by {@code POST .../reviewSets/{id}/export} and {@code POST
 * .../reviewSets/{id}/queries/{id}/export} too.
 */
public final class ContentExportAction extends ActionDescriptor {
  public static final String OUTPUT_NAME = "outputName";
  public static final String DESCRIPTION = "description";
  public static final String EXPORT_STRUCTURE = "exportStructure";
  public static final String BATES_PREFIX = "batesPrefix";
  public static final String BATES_START = "batesStart";

  public static final ActionEndpoint ON_REVIEW_SET =
      ActionEndpoint.of(
          CaseAction.contentExport, "reviewSets/{reviewSetId}/export", TargetRole.REVIEW_SET);

  public static final ActionEndpoint ON_QUERY =
      ActionEndpoint.of(
          CaseAction.contentExport,
          "reviewSets/{reviewSetId}/queries/{queryId}/export",
          TargetRole.REVIEW_SET,
          TargetRole.QUERY);

  ContentExportAction() {
    super(CaseAction.contentExport);
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
    if (!body.has(OUTPUT_NAME)) {
      throw ApiException.invalidRequest(
          "The action 'contentExport' needs the property 'outputName': the name of the export,"
              + " which its files take.");
    }
    parameters.put(OUTPUT_NAME, body.nonNullString(OUTPUT_NAME, 256));
    String description = body.optionalString(DESCRIPTION, 4000);
    if (description != null) {
      parameters.put(DESCRIPTION, description);
    }
    Parameters.flags(body, OperationOptions.ExportOptions.class, "exportOptions", include, options);
    String structure = body.optionalString(EXPORT_STRUCTURE, 64);
    if (structure != null) {
      ExportFileStructure parsed =
          EvolvableEnums.parse(
              ExportFileStructure.class, EXPORT_STRUCTURE, structure.trim(), include);
      if (parsed == ExportFileStructure.pst || parsed == ExportFileStructure.msg) {
        throw ApiException.notSupported(
            "The exportStructure '"
                + parsed.wireName()
                + "' is not supported: caseops exports each file as its native (mail as the .eml"
                + " it was collected as) and does not convert mail to PST or MSG; use 'none' or"
                + " 'directory'.");
      }
      parameters.put(EXPORT_STRUCTURE, parsed.wireName());
    }
    String prefix = body.optionalString(BATES_PREFIX, 32);
    if (prefix != null) {
      if (!prefix.matches("[A-Za-z0-9_.-]{1,32}")) {
        throw ApiException.invalidRequest(
            "The property 'batesPrefix' takes letters, digits, '_', '-' and '.' only.");
      }
      parameters.put(BATES_PREFIX, prefix);
    }
    JsonValue start = body.value(BATES_START);
    if (start != null && start.getValueType() != JsonValue.ValueType.NULL) {
      if (!(start instanceof JsonNumber number)
          || !number.isIntegral()
          || number.longValue() < 1
          || number.longValue() > 99_999_999L) {
        throw ApiException.invalidRequest(
            "The property 'batesStart' must be a whole number from 1 to 99999999.");
      }
      parameters.put(BATES_START, Long.toString(number.longValue()));
    }
  }

  @Override
  public List<String> parameters() {
    return List.of(
        OUTPUT_NAME, DESCRIPTION, "exportOptions", EXPORT_STRUCTURE, BATES_PREFIX, BATES_START);
  }

  @Override
  public List<String> requiredParameters() {
    return List.of(OUTPUT_NAME);
  }

  @Override
  public List<String> properties() {
    return List.of(
        OUTPUT_NAME, DESCRIPTION, "exportOptions", EXPORT_STRUCTURE, "exportFileMetadata");
  }

  @Override
  public void write(
      JsonObjectBuilder json, CaseOperation operation, boolean include, OperationExtras extras) {
    add(json, OUTPUT_NAME, operation.parameter(OUTPUT_NAME));
    add(json, DESCRIPTION, operation.parameter(DESCRIPTION));
    Parameters.writeFlags(
        json,
        "exportOptions",
        OperationOptions.ExportOptions.class,
        operation.getTarget().getOptions(),
        include);
    String structure = operation.parameter(EXPORT_STRUCTURE);
    add(json, EXPORT_STRUCTURE, structure == null ? null : structure);
    writeFiles(json, operation, extras);
  }

  /**
   * Writes {@code exportFileMetadata}: the files the operation has written and the server keeps.
   */
  static void writeFiles(JsonObjectBuilder json, CaseOperation operation, OperationExtras extras) {
    JsonArrayBuilder files = Json.createArrayBuilder();
    for (OperationExtras.FileMetadata file : extras.files(operation)) {
      files.add(
          Json.createObjectBuilder()
              .add("fileName", file.fileName())
              .add("size", file.size())
              .add("downloadUrl", file.downloadUrl()));
    }
    json.add("exportFileMetadata", files);
  }

  @Override
  public void write(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    write(json, operation, include, OperationExtras.NONE);
  }

  static void add(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(ON_REVIEW_SET, ON_QUERY);
  }
}

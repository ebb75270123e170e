package org.caseops.api.operations;

import org.caseops.domain.support.EvolvableEnum;

/**
 * The option enums of the search and review-set actions, in Graph's numeric order. The flags enums
 * have power-of-two values, the sentinel being the next power of two after the last member known
 * when it was added. An operation keeps the flags it was given as member names ({@code
 * OperationTarget.getOptions()}); the member names of the enums of one action do not overlap, so
 * each can be told apart when written back.
 */
public final class OperationOptions {
  private OperationOptions() {}

  /** {@code statisticsOptions} of estimateStatistics (flags). */
  public enum StatisticsOptions implements EvolvableEnum {
    includeRefiners(1),
    includeQueryStats(2),
    includeUnindexedStats(4),
    advancedIndexing(8),
    locationsWithoutHits(16),
    unknownFutureValue(32);

    private final int value;

    StatisticsOptions(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code additionalDataOptions} of addToReviewSet (flags); members after the sentinel need the
   * opt-in.
   */
  public enum AdditionalDataOptions implements EvolvableEnum {
    allVersions(1),
    linkedFiles(2),
    unknownFutureValue(4),
    advancedIndexing(8),
    listAttachments(16),
    htmlTranscripts(32),
    messageConversationExpansion(64),
    locationsWithoutHits(128),
    allItemsInFolder(256),
    cloudNativeHtmlConversion(512);

    private final int value;

    AdditionalDataOptions(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /** {@code itemsToInclude} of addToReviewSet (flags). */
  public enum ItemsToInclude implements EvolvableEnum {
    searchHits(1),
    partiallyIndexed(2),
    unknownFutureValue(4);

    private final int value;

    ItemsToInclude(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code cloudAttachmentVersion} and {@code documentVersion} of addToReviewSet (not flags).
   * caseops reads files from folders, which keep one version, so every value means {@code latest};
   * values are checked, not kept.
   */
  public enum Version implements EvolvableEnum {
    latest(0),
    recent10(1),
    recent100(2),
    all(3),
    unknownFutureValue(4);

    private final int value;

    Version(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code exportOptions} of contentExport (flags). Of the members after the sentinel, caseops
   * honours includeFolderAndPath, friendlyName and condensePaths; splitSource is accepted and has
   * no effect (each file is exported once, whole).
   */
  public enum ExportOptions implements EvolvableEnum {
    originalFiles(1),
    text(2),
    pdfReplacement(4),
    tags(8),
    unknownFutureValue(16),
    splitSource(32),
    includeFolderAndPath(64),
    friendlyName(128),
    condensePaths(256);

    private final int value;

    ExportOptions(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code exportStructure} of contentExport (not flags): caseops writes natives in folders ({@code
   * none} and {@code directory} give the same layout); {@code pst} and {@code msg} are refused.
   */
  public enum ExportFileStructure implements EvolvableEnum {
    none(0),
    directory(1),
    pst(2),
    unknownFutureValue(3),
    msg(4);

    private final int value;

    ExportFileStructure(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code additionalOptions} of exportReport and exportResult (flags; {@code none} is the empty
   * set). caseops has the content for includeReport, includeFolderAndPath, condensePaths and
   * friendlyName (exportResult); the other members name content it does not collect (Teams, cloud
   * attachments, versions, ...) and are refused.
   */
  public enum AdditionalOptions implements EvolvableEnum {
    none(0),
    teamsAndYammerConversations(1),
    cloudAttachments(2),
    allDocumentVersions(4),
    subfolderContents(8),
    listAttachments(16),
    unknownFutureValue(32),
    htmlTranscripts(64),
    advancedIndexing(128),
    allItemsInFolder(256),
    includeFolderAndPath(512),
    condensePaths(1024),
    friendlyName(2048),
    splitSource(4096),
    includeReport(8192);

    private final int value;

    AdditionalOptions(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code exportCriteria} of the search exports (flags): the search's hits, and the items in scope
   * that could not be indexed.
   */
  public enum ExportCriteria implements EvolvableEnum {
    searchHits(1),
    partiallyIndexed(2),
    unknownFutureValue(4);

    private final int value;

    ExportCriteria(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code exportLocation} of the search exports (flags): the sources in scope with hits, and those
   * without.
   */
  public enum ExportLocation implements EvolvableEnum {
    responsiveLocations(1),
    nonresponsiveLocations(2),
    unknownFutureValue(4);

    private final int value;

    ExportLocation(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code exportFormat} of exportResult (not flags): caseops exports mail as the {@code .eml} it
   * collected; {@code pst} and {@code msg} are refused.
   */
  public enum ExportFormat implements EvolvableEnum {
    pst(0),
    msg(1),
    eml(2),
    unknownFutureValue(3);

    private final int value;

    ExportFormat(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code purgeType} of purgeData (not flags): {@code recoverable} (the default) keeps what is
   * removed in the case's recoverable store; {@code permanentlyDelete}, after the sentinel, deletes
   * it.
   */
  public enum PurgeType implements EvolvableEnum {
    recoverable(0),
    unknownFutureValue(1),
    permanentlyDelete(2);

    private final int value;

    PurgeType(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /**
   * {@code purgeAreas} of purgeData (flags): caseops purges {@code mailboxes} (and the sites' and
   * loose files of the search's scope with them); {@code teamsMessages} is refused, as caseops
   * holds no Teams content.
   */
  public enum PurgeAreas implements EvolvableEnum {
    mailboxes(1),
    teamsMessages(2),
    unknownFutureValue(4);

    private final int value;

    PurgeAreas(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }
}

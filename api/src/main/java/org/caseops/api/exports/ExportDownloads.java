package org.caseops.api.exports;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.OperationExtras;
import org.caseops.api.security.DownloadGrantAuthority;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.exports.ExportFolders;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * The files exports have written, as the operations list them ({@code exportFileMetadata}, each
 * with a {@code downloadUrl} that carries a signed grant) and as the download resource serves them.
 */
@Dependent
public class ExportDownloads {
  private final ExportFileRepository files;
  private final ExportFolders folders;
  private final DownloadGrantAuthority grants;
  private final Clock clock;

  @Inject
  public ExportDownloads(
      ExportFileRepository files,
      ExportFolders folders,
      DownloadGrantAuthority grants,
      Clock clock) {
    this.files = files;
    this.folders = folders;
    this.grants = grants;
    this.clock = clock;
  }

  /** The download path of a file under a service root. */
  public static String downloadPath(String caseId, String fileId) {
    return "caseops/cases/" + caseId + "/downloads/" + fileId;
  }

  /**
   * The files of the operations written under this service root: an export's parts and load files,
   * a purge's report.
   */
  public OperationExtras extras(ServiceRoot root) {
    return operation -> {
      // Exports list their parts and load files, purges their report.
      if (!ActionDescriptors.find(operation.getAction())
          .map(ActionDescriptor::listsExportFiles)
          .orElse(false)) {
        return List.of();
      }
      List<OperationExtras.FileMetadata> listed = new ArrayList<>();
      for (ExportFile file : files.listOfOperation(operation.getId())) {
        String grant = grants.grants().issue(file.getCaseId(), file.getId(), clock.instant());
        listed.add(
            new OperationExtras.FileMetadata(
                file.getFileName(),
                file.getSize(),
                root.resolve(downloadPath(file.getCaseId(), file.getId()))
                    + "?"
                    + DownloadGrantAuthority.GRANT_PARAMETER
                    + "="
                    + grant));
      }
      return listed;
    };
  }

  /** A file to serve and where it is. */
  public record Located(ExportFile file, Path path) {}

  /**
   * The export file of the case, found on disk.
   *
   * @throws ResourceNotFoundException when the case has no such file or the server no longer keeps
   *     it
   */
  public Located find(String caseId, String fileId) {
    ExportFile file =
        files
            .find(caseId, fileId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException("The case has no export file '" + fileId + "'."));
    Path path = folders.locate(file);
    if (!Files.isRegularFile(path)) {
      throw new ResourceNotFoundException(
          "The export file '" + file.getFileName() + "' is no longer kept.");
    }
    return new Located(file, path);
  }
}

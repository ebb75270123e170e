package org.caseops.api.operations.actions;

import java.util.List;
import org.caseops.domain.operations.CaseOperation;

/**
 * What the server knows of an operation besides its own row, for the properties a derived type
 * writes: the files an export has written, each with a download URL.
 */
public interface OperationExtras {
  /** Nothing besides the row: an operation written where its files do not matter. */
  OperationExtras NONE = operation -> List.of();

  /** One file of an export as {@code exportFileMetadata} lists it. */
  record FileMetadata(String fileName, long size, String downloadUrl) {}

  /** The files the operation has written and the server keeps, by file name. */
  List<FileMetadata> files(CaseOperation operation);
}

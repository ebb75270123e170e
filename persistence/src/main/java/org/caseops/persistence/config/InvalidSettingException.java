package org.caseops.persistence.config;

/**
 * A setting whose value caseops cannot use. The message names the setting (as a system property and
 * as an environment variable), the value and the form expected; several of them when {@link
 * CaseopsConfig#check()} found more than one.
 */
public class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingException(String message) {
    super(message);
  }
}

package org.caseops.persistence.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Reads every setting when the application starts, before anything else runs, so that a value
 * caseops cannot use stops the deployment with a message naming the setting and the form expected
 * (rather than failing a request or a job later).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationCheck {
  private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

  @PostConstruct
  void check() {
    check(CaseopsConfig.current());
  }

  /** Checks {@code config}, logging and rethrowing what is wrong with it. */
  static void check(CaseopsConfig config) {
    try {
      config.check();
    } catch (InvalidSettingException e) {
      LOG.severe(e.getMessage());
      throw e;
    }
  }
}

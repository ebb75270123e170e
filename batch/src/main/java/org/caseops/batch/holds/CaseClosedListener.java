package org.caseops.batch.holds;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * The second look of {@link CaseClosingListener}, declared after {@code operationJobListener}: once
 * this release's operation has ended, a closing case whose releases have all ended is closed, even
 * when the last two ended together and each saw the other unfinished.
 */
@Dependent
@Named
public class CaseClosedListener extends CaseClosingListener {}

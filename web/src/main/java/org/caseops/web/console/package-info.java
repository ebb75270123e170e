/** The admin console: its static files under {@code /console}, served with strict headers. */
package org.caseops.web.console;

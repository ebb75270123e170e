/** How the server starts jobs: with the web application's context, and resuming at start-up. */
package org.caseops.web.jobs;

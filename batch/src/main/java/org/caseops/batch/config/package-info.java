/** Where the server keeps its data and reads evidence from, as configured by system properties or the environment. */
package org.caseops.batch.config;

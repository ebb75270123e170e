/**
 * The settings of caseops, typed and checked in one place, read through MicroProfile Config (system
 * properties, then environment variables, then the defaults).
 */
package org.caseops.persistence.config;

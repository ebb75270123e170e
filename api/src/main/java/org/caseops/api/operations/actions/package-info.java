/**
 * The actions caseops carries out, one descriptor each, and the action endpoints that start them.
 */
package org.caseops.api.operations.actions;

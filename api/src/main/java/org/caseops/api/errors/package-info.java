/** Graph error bodies and the exception mappers that turn every failure into one. */
package org.caseops.api.errors;

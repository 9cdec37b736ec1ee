/** The audit queries: filter parsing, SQL building, cursors and the export permits. */
package com.assuregateway.reporting.control;

/** A driver-neutral DataSource chosen by JDBC URL, so DB_URL alone switches databases. */
package com.assuregateway.persistence.control;

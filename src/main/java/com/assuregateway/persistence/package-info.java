/** The gateway's own database: datasource, Flyway migrations and database readiness. */
package com.assuregateway.persistence;

/** Start-up migration, datasource definition and the readiness check. */
package com.assuregateway.persistence.boundary;

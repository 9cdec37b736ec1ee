/** How the gateway keeps its data: the DataSource chosen by JDBC URL, id blocks, and leases on background work. */
package com.assuregateway.persistence.control;

/** The append-only audit trail, and the queries, statistics and exports auditors read it with. */
package com.assuregateway.audit;

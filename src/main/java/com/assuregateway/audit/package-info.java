/** The append-only audit trail: every state change and every upstream call. */
package com.assuregateway.audit;

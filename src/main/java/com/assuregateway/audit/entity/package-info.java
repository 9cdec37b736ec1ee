/** The audit event entity and its kinds, and the read models of the audit queries. */
package com.assuregateway.audit.entity;

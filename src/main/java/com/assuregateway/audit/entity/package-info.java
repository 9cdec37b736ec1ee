/** The audit event entity and its kinds. */
package com.assuregateway.audit.entity;

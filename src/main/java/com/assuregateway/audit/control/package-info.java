/** Writes audit events in their own transaction, so failures are recorded too; reads them back with the audit queries. */
package com.assuregateway.audit.control;

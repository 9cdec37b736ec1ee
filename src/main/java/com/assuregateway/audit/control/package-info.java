/** Writes audit events in their own transaction, so failures are recorded too. */
package com.assuregateway.audit.control;

/** Writes audit events in their own transaction, so failures are recorded too, and redacts them for an erasure. */
package com.assuregateway.audit.control;

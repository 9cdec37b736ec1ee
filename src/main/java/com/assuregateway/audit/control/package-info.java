/** Writes audit events (an upstream call's with the state change it leads to, or on its own, so failures are recorded too) and redacts them for an erasure. */
package com.assuregateway.audit.control;

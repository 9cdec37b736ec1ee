/** Claiming, completing and replaying keys in the database. */
package com.assuregateway.idempotency.control;
